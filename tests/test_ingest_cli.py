"""``qiflow import`` end to end: drafts that ``qiflow run`` accepts as they are, deterministic output, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from qiflow.files.limits import MAX_IMPORT_BYTES
from qiflow.files.load import load

FIXTURES = Path(__file__).parent / "data" / "import" / "fixtures"
CL = FIXTURES / "dediol-v-best-chevrolet.laed.courtlistener.json"
PACER = FIXTURES / "roddy-v-babin.lamd.html"
TEXT = FIXTURES / "creative-internet-v-yahoo.txed.txt"


@dataclass
class Result:
    exit_code: int
    stdout: str
    output: str


def qiflow(args: list[str]) -> Result:
    """Run the command line in a process of its own, as a user would (the importer's modules stay out of the
    test process)."""
    done = subprocess.run([sys.executable, "-c", "from qiflow.cli import main; main()", *args],
                          capture_output=True, text=True, check=False)
    return Result(done.returncode, done.stdout, done.stdout + done.stderr)


def _sources() -> list:
    params = [pytest.param(CL, id="courtlistener"), pytest.param(TEXT, id="text")]
    try:
        import juriscraper  # noqa: F401
        params.append(pytest.param(PACER, id="pacer"))
    except ImportError:
        params.append(pytest.param(PACER, id="pacer", marks=pytest.mark.skip(
            reason="the PACER source needs the optional extra: pip install 'qiflow[pacer]'")))
    return params


@pytest.mark.parametrize("source", _sources())
def test_draft_loads_and_runs_unchanged(source: Path, tmp_path: Path) -> None:
    draft = tmp_path / "draft.yaml"
    result = qiflow(["import", str(source), "-o", str(draft)])
    assert result.exit_code == 0, result.output
    scenario = load(draft)
    assert scenario.docket
    run = qiflow(["run", str(draft), "--format", "json"])
    assert run.exit_code in (0, 1), run.output
    report = json.loads(run.output)
    assert len(report["entries"]) == len(scenario.docket)
    data = yaml.safe_load(draft.read_text())
    for entry in data["docket"]:
        assert entry["description"]
        if entry["event"] in ("motion_to_dismiss", "sj_motion", "answer") and not entry.get("asserts_qi"):
            assert "asserts_qi unknown" in entry["review"]


def test_output_is_deterministic(tmp_path: Path) -> None:
    outputs = []
    for name in ("a.yaml", "b.yaml"):
        qiflow(["import", str(CL), "-o", str(tmp_path / name)])
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]


def test_entries_without_numbers_or_dates_get_none_invented(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text(json.dumps([{"entry_number": 1, "date_filed": "2020-01-01",
                                 "description": "COMPLAINT against Officer Smith filed by Jane Roe."},
                                {"entry_number": None, "date_filed": None, "description": "Case reassigned to Judge X."}]))
    result = qiflow(["import", str(path), "-o", "-"])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(result.stdout)
    assert "entry_number" not in data["docket"][1] and "date_filed" not in data["docket"][1]
    assert [p["id"] for p in data["parties"]] == ["officer_smith", "jane_roe"]


def test_assume_qi_supplies_what_the_text_does_not_say(tmp_path: Path) -> None:
    draft = tmp_path / "draft.yaml"
    result = qiflow(["import", str(CL), "--assume-qi", "Donald Clay", "-o", str(draft)])
    assert result.exit_code == 0, result.output
    motions = [e for e in yaml.safe_load(draft.read_text())["docket"] if e["event"] in ("answer", "sj_motion")]
    assert motions and all(e["asserts_qi"] is True and e["by"] == "donald_clay" for e in motions)
    assert all("--assume-qi" in e["review"] for e in motions)


def test_assume_qi_for_an_unknown_party_is_a_usage_error() -> None:
    result = qiflow(["import", str(CL), "--assume-qi", "nobody at all"])
    assert result.exit_code == 2
    assert "--assume-qi" in result.output and "nobody at all" in result.output


def test_run_audits_at_once_and_says_the_verdict_is_unreviewed() -> None:
    result = qiflow(["import", str(CL), "--run"])
    assert result.exit_code in (0, 1)
    assert "UNREVIEWED DRAFT" in result.stdout


def test_refuses_to_write_over_the_input(tmp_path: Path) -> None:
    copy = tmp_path / "in.json"
    copy.write_bytes(CL.read_bytes())
    result = qiflow(["import", str(copy), "-o", str(copy)])
    assert result.exit_code == 2
    assert "refusing to write over an input file" in result.output
    assert copy.read_bytes() == CL.read_bytes()


@pytest.mark.parametrize("content", ["", "{oops", '{"docket": []}', "no dates here"],
                         ids=["empty", "not-json", "wrong-shape", "no-entries"])
def test_bad_input_exits_2_without_traceback(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    result = qiflow(["import", str(path)])
    assert result.exit_code == 2
    assert result.output.startswith("qiflow: error: ") and "Traceback" not in result.output


def test_missing_file_exits_2(tmp_path: Path) -> None:
    result = qiflow(["import", str(tmp_path / "absent.json")])
    assert result.exit_code == 2 and "no such file" in result.output


def test_infer_era_sets_law_as_of_only_when_asked(tmp_path: Path) -> None:
    plain, era = tmp_path / "plain.yaml", tmp_path / "era.yaml"
    qiflow(["import", str(CL), "-o", str(plain)])
    qiflow(["import", str(CL), "--infer-era", "-o", str(era)])
    assert "law_as_of" not in yaml.safe_load(plain.read_text())
    assert str(yaml.safe_load(era.read_text())["law_as_of"]) == "2011-11-23"


def test_qi_read_from_an_attached_document_reaches_the_draft(tmp_path: Path) -> None:
    path = tmp_path / "entries.json"
    path.write_text(json.dumps({"case_name": "Roe v. Smith", "parties": [
        {"name": "Jane Roe", "party_types": [{"name": "Plaintiff"}]},
        {"name": "Officer John Smith", "party_types": [{"name": "Defendant"}]}], "docket_entries": [
        {"entry_number": 1, "date_filed": "2023-01-03", "description": "COMPLAINT against John Smith filed by Jane Roe."},
        {"entry_number": 9, "date_filed": "2023-03-01", "description": "MOTION to Dismiss by John Smith.",
         "recap_documents": [{"description": "Motion to Dismiss", "plain_text": "Defendant Smith is entitled to "
                                                                               "qualified immunity."}]}]}))
    result = qiflow(["import", str(path), "-o", "-"])
    motion = yaml.safe_load(result.stdout)["docket"][1]
    assert (motion["event"], motion["by"], motion["asserts_qi"]) == ("motion_to_dismiss", "officer_john_smith", True)


def test_the_command_loads_no_parser_until_it_runs() -> None:
    import subprocess
    import sys

    code = ("import sys; from qiflow.cli import main; import qiflow.cli.ingest; "
            "print('juriscraper' in sys.modules, 'qiflow.ingest.pipeline' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_a_ruling_whose_outcome_the_text_does_not_state_stays_an_order_with_a_note(tmp_path: Path) -> None:
    # entry 37 is the real docket text of Babineaux v. Garber (W.D. La. No. 6:18-cv-00233); the complaint and the
    # motion before it are stand-ins written for the test
    path = tmp_path / "entries.json"
    path.write_text(json.dumps([
        {"entry_number": 1, "date_filed": "2018-02-22", "description": "COMPLAINT against James LeBlanc filed by "
                                                                         "Joseph Babineaux."},
        {"entry_number": 26, "date_filed": "2018-06-01", "description": "MOTION to Dismiss for Failure to State a Claim "
                                                                          "by James LeBlanc."},
        {"entry_number": 37, "date_filed": "2018-10-11", "description": (
            "MEMORANDUM RULING re 26 MOTION to Dismiss for Failure to State a Claim, MOTION to Dismiss for Lack of "
            "Jurisdiction filed by Perry Stagg, Angela Griffin, James LeBlanc. Signed by Chief Judge S Maurice Hicks, "
            "Jr on 10/11/2018. (crt,McDonnell, D)")}]))
    draft = tmp_path / "draft.yaml"
    result = qiflow(["import", str(path), "-o", str(draft)])
    assert result.exit_code == 0, result.output
    ruling = yaml.safe_load(draft.read_text())["docket"][2]
    assert ruling["event"] == "order"
    assert "does not say how" in ruling["review"] and "26" in ruling["review"]
    assert qiflow(["run", str(draft)]).exit_code == 0


def test_a_deep_a_huge_or_a_special_file_is_refused_unread(tmp_path: Path) -> None:
    deep, huge, fifo = tmp_path / "deep.json", tmp_path / "huge.json", tmp_path / "fifo"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    with huge.open("wb") as out:
        out.truncate(MAX_IMPORT_BYTES + 1)  # sparse: the size is what is refused
    os.mkfifo(fifo)
    for path, words in ((deep, "nests too deep"), (huge, "MAX_IMPORT_BYTES"), (fifo, "FIFO")):
        result = qiflow(["import", str(path)])
        assert result.exit_code == 2 and words in result.output and "Traceback" not in result.output, result


def test_a_control_character_in_docket_text_becomes_a_space_in_the_draft(tmp_path: Path) -> None:
    source = tmp_path / "cl.json"
    source.write_text(json.dumps([
        {"entry_number": 1, "date_filed": "2023-01-03", "description": "COMPLAINT\u001b[2J\f filed by Jane Doe"},
        {"entry_number": 5, "date_filed": "2023-02-01", "description": "ANSWER asserting qualified immunity"}]))
    draft = tmp_path / "draft.yaml"
    result = qiflow(["import", str(source), "-o", str(draft)])
    assert result.exit_code == 0, result.output
    assert "COMPLAINT [2J  filed by Jane Doe" in " ".join(draft.read_text().split(" \n"))
    assert load(draft).docket[0].description == "COMPLAINT [2J  filed by Jane Doe"
