"""The command line: exit codes 0/1/2, JSON shape, `check` summary, `rule`, `schema`, determinism."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from qiflow.law.codes import CODES
from tests.conftest import ROOT, SCENARIOS

RULES = SCENARIOS / "rules"


def qiflow(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "qiflow", *args], capture_output=True, text=True, cwd=ROOT)


def test_run_exit_codes_follow_linters() -> None:
    assert qiflow("run", str(RULES / "careful-procedure-followed.yaml")).returncode == 0
    assert qiflow("run", str(RULES / "qi303-monell-discovery-while-qi-pending.yaml")).returncode == 0
    assert qiflow("run", str(RULES / "qi201-no-pleadings-finding.yaml")).returncode == 1
    assert qiflow("run", "--law-as-of", "yesterday", str(RULES / "qi201-no-pleadings-finding.yaml")).returncode == 2
    assert qiflow("frobnicate").returncode == 2


def test_run_json_has_the_contracted_fields() -> None:
    done = qiflow("run", "--format", "json", str(RULES / "qi101-discovery-while-qi-motion-pending.yaml"))
    report = json.loads(done.stdout)
    assert {"state", "discovery_authorized", "appealable", "violations", "entries"} <= set(report)
    violation = report["violations"][0]
    assert {"code", "name", "severity", "entry_number", "message", "authorities"} <= set(violation)
    assert violation["code"] == "QI101" and violation["entry_number"] == 15
    assert any("Carswell v. Camp, 54 F.4th 307, 311-12" in a for a in violation["authorities"])
    assert {"entry_number", "event", "accepted", "explanation"} <= set(report["entries"][0])
    assert report["appealable"] is True and any("Gaines v. Davis" in a for a in report["appealable_authorities"])


def test_law_as_of_flag_overrides_the_scenario() -> None:
    path = str(RULES / "qi101-discovery-while-qi-motion-pending.yaml")
    before = json.loads(qiflow("run", "--format", "json", "--law-as-of", "2022-06-16", path).stdout)
    assert before["violations"] == [] and before["carswell_rules"] is False


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_output_is_byte_identical_across_runs(fmt: str) -> None:
    path = str(SCENARIOS / "rusanowsky-v-city-of-dallas.yaml")
    first, second = qiflow("run", "--format", fmt, path), qiflow("run", "--format", fmt, path)
    assert first.stdout == second.stdout and first.stdout


def test_check_prints_the_summary_line() -> None:
    done = qiflow("check", str(SCENARIOS))
    assert done.returncode == 0, done.stdout
    assert done.stdout.splitlines()[-1].endswith(" passed, 0 failed")


def test_check_fails_on_a_broken_expectation(tmp_path) -> None:  # noqa: ANN001
    text = (RULES / "qi201-no-pleadings-finding.yaml").read_text().replace("violations: [QI201]", "violations: []")
    (tmp_path / "wrong.yaml").write_text(text)
    done = qiflow("check", str(tmp_path))
    assert done.returncode == 1 and "expect.violations" in done.stdout
    assert done.stdout.splitlines()[-1] == "0 passed, 1 failed"


def test_rule_explains_a_code_with_its_authorities() -> None:
    done = qiflow("rule", "QI201")
    assert done.returncode == 0
    assert "no-pleadings-finding" in done.stdout and "Zapata v. Melson, 750 F.3d 481, 485 & n.2" in done.stdout
    listing = qiflow("rule", "--all").stdout.splitlines()
    assert [line.split()[0] for line in listing if not line.startswith(" ")] == list(CODES)
    assert all(len(line) <= 80 for line in listing)  # wrapped on words, never split
    assert qiflow("rule", "QI999").returncode == 2


def test_schema_describes_every_event_kind() -> None:
    schema = json.loads(qiflow("schema").stdout)
    text = json.dumps(schema)
    for kind in ("discovery_order", "motion_to_dismiss_ruling", "frivolous_certification"):
        assert kind in text
    assert "from" in schema["$defs"]["Appeal"]["properties"]


def test_until_steps_through_a_case_and_shows_the_open_moves() -> None:
    path = str(SCENARIOS / "rusanowsky-v-city-of-dallas.yaml")
    report = json.loads(qiflow("run", path, "--format", "json", "--until", "35").stdout)
    assert report["entries"][-1]["entry_number"] == 35 and report["state"] == "joint_report_filed"
    moves = {m["label"]: m["open"] for m in report["next_moves"]}
    assert moves["order limited QI discovery, making the gate findings"] is True
    assert moves["order general (merits) discovery"] is False
    assert qiflow("run", path, "--until", "999").returncode == 2


def test_an_interrupt_exits_130_not_1() -> None:
    """Ctrl-C while a command waits (here play, at its prompt) ends it with 130, as a shell reports SIGINT; 1 would
    read as violations found."""
    import signal

    proc = subprocess.Popen([sys.executable, "-m", "qiflow", "play"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert proc.stdout is not None and "A new case" in proc.stdout.readline()  # at its first prompt
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 130 and "interrupted" in err and "Traceback" not in err
