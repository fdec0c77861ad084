"""Paths through the procedure in each era, exported as scenarios that check; the exercise pack is fresh."""

from __future__ import annotations

# The teaching modules are imported inside each test, not at collection: importing them at collection
# changes what tests/test_stateful.py's derandomized search generates (see the teaching report).
import subprocess
import sys

from tests.conftest import ROOT


def qiflow(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "qiflow", *args], check=False, capture_output=True, text=True, cwd=ROOT)


def test_shortest_paths_reach_every_phase_before_judgment() -> None:
    from qiflow.teach.exercises import pack  # noqa: F401
    from qiflow.teach.paths import (  # noqa: F401
        ERAS,
        exports,
        only_in,
        shortest,
        simple_paths,
        step_label,
    )
    from qiflow.views.generated import stale  # noqa: F401
    short = shortest("after-carswell")
    assert {"qi_stay", "qi_motion_pending", "limited_discovery", "joint_report_filed", "closed"} <= set(short)
    assert [e.event for e in short["limited_discovery"].entries] == [
        "complaint", "answer", "discovery_motion", "discovery_order"]


def test_carswell_closes_the_paths_through_a_pending_qi_motion() -> None:
    from qiflow.teach.exercises import pack  # noqa: F401
    from qiflow.teach.paths import (  # noqa: F401
        ERAS,
        exports,
        only_in,
        shortest,
        simple_paths,
        step_label,
    )
    from qiflow.views.generated import stale  # noqa: F401
    for era in ERAS:
        assert simple_paths(era)
    before_only = only_in("before-carswell", "after-carswell")
    assert before_only and all(any(e.event == "motion_to_dismiss" for e in p.entries) for p in before_only)
    assert not only_in("after-carswell", "before-carswell")


def test_exported_paths_replay_clean(tmp_path) -> None:
    from qiflow.teach.exercises import pack  # noqa: F401
    from qiflow.teach.paths import (  # noqa: F401
        ERAS,
        exports,
        only_in,
        shortest,
        simple_paths,
        step_label,
    )
    from qiflow.views.generated import stale  # noqa: F401
    for era in ERAS:
        for name, text in exports(era, 3).items():
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / name).write_text(text)
    done = qiflow("check", str(tmp_path))
    assert done.returncode == 0, done.stdout
    assert qiflow("paths", "--era", "after-carswell").stdout.count("Every simple path") == 1


def test_the_exercise_pack_is_fresh_and_its_keys_check() -> None:
    from qiflow.teach.exercises import pack
    from qiflow.teach.paths import (  # noqa: F401
        ERAS,
        exports,
        only_in,
        shortest,
        simple_paths,
        step_label,
    )
    from qiflow.views.generated import stale
    directory = ROOT / "docs" / "exercises"
    assert stale(directory, pack()) == [], "run qiflow exercises --write"
    done = qiflow("check", str(directory / "01-key.yaml"), str(directory / "03-key.yaml"))
    assert done.returncode == 0, done.stdout
    assert "KEY.md" in {a.name for a in pack()}
