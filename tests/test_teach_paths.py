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
    from qiflow.teach.paths import shortest

    short = shortest("after-carswell")
    assert {"qi_stay", "qi_motion_pending", "limited_discovery", "joint_report_filed", "closed"} <= set(short)
    assert [e.event for e in short["limited_discovery"].entries] == [
        "complaint", "answer", "discovery_motion", "discovery_order"]


def test_each_era_opens_and_closes_its_own_paths() -> None:
    """Before Wicks an order needs no gate-1 holding; from Wicks it does; from Carswell no order and no
    deferral while a QI motion to dismiss is pending (LAW.md s.11)."""
    from qiflow.law.eras import CARSWELL, WICKS
    from qiflow.teach.paths import ERAS, only_in, simple_paths

    assert list(ERAS) == ["before-wicks", "wicks-to-carswell", "after-carswell"]
    assert ERAS["before-wicks"] < WICKS <= ERAS["wicks-to-carswell"] < CARSWELL <= ERAS["after-carswell"]
    for era in ERAS:
        assert simple_paths(era)

    def bare(entry) -> bool:  # an order or a deferral without a pleadings holding of its own
        return entry.event in ("discovery_order", "motion_to_dismiss_ruling") and not entry.pleadings_overcome_qi

    def held(path) -> bool:  # some entry before the order holds the pleadings overcome QI
        return any(getattr(e, "pleadings_overcome_qi", False) for e in path.entries[:-1])

    before_wicks = only_in("before-wicks", "wicks-to-carswell")
    assert before_wicks and all(any(bare(e) for e in p.entries) for p in before_wicks)
    assert not only_in("wicks-to-carswell", "before-wicks")  # Wicks only added a gate
    for path in simple_paths("wicks-to-carswell") + simple_paths("after-carswell"):
        if bare(path.entries[-1]):
            assert held(path), [e.event for e in path.entries]
    before_carswell = only_in("wicks-to-carswell", "after-carswell")
    assert before_carswell and all(any(e.event == "motion_to_dismiss" for e in p.entries) for p in before_carswell)
    assert not only_in("after-carswell", "wicks-to-carswell")
    for path in simple_paths("after-carswell"):
        events = [e.event for e in path.entries]
        if "motion_to_dismiss" in events:  # Carswell: the motion is decided before any order
            ruling = next(e for e in path.entries if e.event == "motion_to_dismiss_ruling")
            assert ruling.outcome != "deferred" and events.index("motion_to_dismiss_ruling") < len(events) - 1


def test_exported_paths_replay_clean(tmp_path) -> None:
    from qiflow.teach.paths import ERAS, exports

    for era in ERAS:
        for name, text in exports(era, 3).items():
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / name).write_text(text)
    assert {p.parts[-2] for p in tmp_path.rglob("*.yaml")} == set(ERAS)
    assert any(p.name.startswith("not-") for p in (tmp_path / "before-wicks").iterdir())
    done = qiflow("check", str(tmp_path))
    assert done.returncode == 0, done.stdout
    assert qiflow("paths", "--era", "after-carswell").stdout.count("Every simple path") == 1
    out = qiflow("paths", "--export", str(tmp_path / "cli"), "--era", "before-wicks")
    assert out.returncode == 0 and "before Wicks" in (tmp_path / "cli" / "before-wicks" /
                                                      "limited-discovery-001.yaml").read_text()
    assert qiflow("check", str(tmp_path / "cli")).returncode == 0


def test_the_exercise_pack_is_fresh_and_its_keys_check() -> None:
    from qiflow.teach.exercises import pack
    from qiflow.views.generated import stale

    directory = ROOT / "docs" / "exercises"
    assert stale(directory, pack()) == [], "run qiflow exercises --write"
    done = qiflow("check", str(directory / "01-key.yaml"), str(directory / "03-key.yaml"))
    assert done.returncode == 0, done.stdout
    assert "KEY.md" in {a.name for a in pack()}
