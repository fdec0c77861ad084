"""Bad input gets a clear error (file, line, field, what was expected), never a traceback; exit 2."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from qiflow.files.load import ScenarioError, load
from tests.conftest import ROOT

BAD = ROOT / "tests" / "data" / "bad"

CASES = {
    "malformed.yaml": (5, "(syntax)", "valid YAML"),
    "unknown-event.yaml": (7, "docket[1].event", "unknown event kind 'motion_for_sanctions'"),
    "unknown-party.yaml": (9, "docket[1].by", "'smyth' is not one"),
    "request-never-made.yaml": (15, "docket[2].authorized[1].request", "'emails' never was"),
    "date-backwards.yaml": (8, "docket[1].date_filed", "dates must not go backwards"),
    "no-version.yaml": (1, "qiflow", "`qiflow: 1`"),
    "latin1.yaml": (2, "(file)", "not valid UTF-8"),
    "binary.yaml": (3, "(file)", "looks binary"),
    "wrong-type.yaml": (10, "docket[1].asserts_qi", "valid boolean"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_loader_names_file_line_field_and_expectation(name: str) -> None:
    line, field, expected = CASES[name]
    with pytest.raises(ScenarioError) as caught:
        load(BAD / name)
    error = caught.value
    assert (error.file, error.line, error.field) == (str(BAD / name), line, field)
    assert expected in error.expected


@pytest.mark.parametrize("name", sorted(CASES))
def test_cli_exits_2_without_traceback_and_leaves_file_alone(name: str) -> None:
    path = BAD / name
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    for args in (["run", str(path)], ["run", str(path), "--format", "json"], ["check", str(path)]):
        done = subprocess.run([sys.executable, "-m", "qiflow", *args], capture_output=True, text=True, cwd=ROOT)
        assert done.returncode == 2, done
        assert "Traceback" not in done.stderr + done.stdout
        line, field, _ = CASES[name]
        assert f"{path}:{line}: {field}:" in done.stderr + done.stdout
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="no such file"):
        load(tmp_path / "nowhere.yaml")


def test_unknown_field_is_named(tmp_path: Path) -> None:
    path = tmp_path / "typo.yaml"
    path.write_text(
        "qiflow: 1\ntitle: t\nparties:\n  - {id: o, name: O, role: defendant}\n"
        "docket:\n  - event: answer\n    by: o\n    asserts_QI: true\n"
    )
    with pytest.raises(ScenarioError) as caught:
        load(path)
    assert (caught.value.line, caught.value.field) == (8, "docket[0].asserts_QI")
    assert "unknown field" in caught.value.expected


def test_reference_to_a_later_entry_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "forward.yaml"
    path.write_text(
        "qiflow: 1\ntitle: t\nparties:\n  - {id: o, name: O, role: defendant}\n"
        "docket:\n  - {event: motion_to_dismiss_ruling, motion: 4, outcome: denied}\n"
        "  - {entry_number: 4, event: motion_to_dismiss, by: o, asserts_qi: true}\n"
    )
    with pytest.raises(ScenarioError) as caught:
        load(path)
    assert (caught.value.line, caught.value.field) == (6, "docket[0].motion")


def test_fact_question_must_be_identified_before_it_is_addressed(tmp_path: Path) -> None:
    path = tmp_path / "fq.yaml"
    path.write_text(
        "qiflow: 1\ntitle: t\nparties:\n  - {id: o, name: O, role: defendant}\n"
        "docket:\n  - {event: discovery_motion, requests: [{id: r}]}\n"
        "  - {event: discovery_order, outcome: granted, authorized: [{request: r, addresses: [q9]}]}\n"
    )
    with pytest.raises(ScenarioError, match="'q9' is not"):
        load(path)
