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


# ---- entry ids and references by id (SCENARIOS.md "Entry references") ----------------------------
IDS = ("qiflow: 1\ntitle: t\nparties:\n  - {id: p, name: P, role: plaintiff}\n  - {id: o, name: O, role: defendant}\n"
       "docket:\n  - {event: motion_to_dismiss, id: mtd, by: o, asserts_qi: true}\n")  # docket[0] is line 7


@pytest.mark.parametrize(("tail", "line", "field", "words"), [
    ("  - {event: motion_to_dismiss_ruling, motion: nope, outcome: denied}\n", 8, "docket[1].motion",
     "no entry has the id 'nope'"),
    ("  - {event: motion_to_dismiss_ruling, motion: later, outcome: denied}\n  - {event: other, id: later}\n", 8,
     "docket[1].motion", "'later' is the id of a later entry (docket[2])"),
    ("  - {event: appeal, by: o, from: me, id: me}\n", 8, "docket[1].from", "'me' is this entry's own id"),
    ("  - {event: other, id: r}\n  - {event: appeal_ruling, appeal: r, outcome: affirmed}\n", 9, "docket[2].appeal",
     "an earlier appeal entry; entry 'r' is a other"),
    ("  - {event: other, id: mtd}\n", 8, "docket[1].id", "'mtd' is used twice"),
    ("  - {event: other, id: '37'}\n", 8, "docket[1].id", "not blank and not a number"),
    ("  - {event: other, id: ' '}\n", 8, "docket[1].id", "not blank and not a number"),
    ("  - {event: appeal, by: o, from: [mtd]}\n", 8, "docket[1].from", "an entry_number (a whole number) or an "
     "entry id (a string), got a list"),
    ("  - {event: response, by: p, to: 2.5}\n", 8, "docket[1].to", "got 2.5"),
    ("expect: {refused: [mtd, ghost]}\n", 8, "expect.refused[1]", "no entry has the id 'ghost'"),
])
def test_a_bad_reference_by_id_is_located(tmp_path: Path, tail: str, line: int, field: str, words: str) -> None:
    path = tmp_path / "ids.yaml"
    path.write_text(IDS + tail)
    with pytest.raises(ScenarioError) as caught:
        load(path)
    assert (caught.value.file, caught.value.line, caught.value.field) == (str(path), line, field)
    assert words in caught.value.expected
    done = subprocess.run([sys.executable, "-m", "qiflow", "check", str(path)], capture_output=True, text=True,
                          cwd=ROOT)
    assert done.returncode == 2 and f"{path}:{line}: {field}:" in done.stdout + done.stderr


def test_references_by_id_and_by_number_mean_the_same_entries(tmp_path: Path) -> None:
    from qiflow.engine.expect import mismatches
    from qiflow.engine.run import audit

    by_id = IDS + ("  - {event: motion_to_dismiss_ruling, motion: mtd, outcome: denied, id: ruling}\n"
                   "  - {event: appeal, by: o, from: ruling, id: ap}\n  - {event: discovery, against: o, id: disc}\n"
                   "expect: {refused: [disc]}\n")
    by_number = by_id.replace("id: mtd", "entry_number: 1").replace("motion: mtd", "motion: 1").replace(
        "id: ruling", "entry_number: 2").replace("from: ruling", "from: 2").replace("id: ap", "entry_number: 3").replace(
        "id: disc", "entry_number: 4").replace("refused: [disc]", "refused: [4]")
    (tmp_path / "a.yaml").write_text(by_id)
    (tmp_path / "b.yaml").write_text(by_number)
    files = [load(tmp_path / n) for n in ("a.yaml", "b.yaml")]
    a, b = (audit(f, mode="strict") for f in files)
    assert a.refused == [4] and not mismatches(files[0], a) and not mismatches(files[1], b)
    assert [v.code for v in a.violations] == [v.code for v in b.violations] == ["QI401", "QI301"]
    assert [e.label for e in a.entries] == ["Entry 1", "Entry 2", "Entry 3", "Entry 4"]
    assert "Entry 2" in a.entries[2].explanation and "Dkt." not in a.entries[2].explanation
    assert "Dkt. 2" in b.entries[2].explanation
