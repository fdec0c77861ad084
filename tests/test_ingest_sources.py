"""Each input format read into a docket; bad inputs named precisely."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qiflow.ingest.docket import IngestError
from qiflow.ingest.sources import guess, read

FIXTURES = Path(__file__).parent / "data" / "import" / "fixtures"
CL = FIXTURES / "dediol-v-best-chevrolet.laed.courtlistener.json"
PACER = FIXTURES / "roddy-v-babin.lamd.html"
TEXT = FIXTURES / "creative-internet-v-yahoo.txed.txt"


def test_courtlistener_docket_object() -> None:
    docket = read(CL)
    assert (docket.title, docket.court, docket.case_number) == ("Dediol v. Best Chevrolet", "laed", "2:08-cv-04256")
    assert [p.role for p in docket.parties] == ["plaintiff", "defendant", "defendant", "defendant"]
    assert len(docket.entries) == 58
    assert docket.entries[0].description.startswith("COMPLAINT with Jury Demand")


def test_courtlistener_api_page_sorted_by_sequence_number(tmp_path: Path) -> None:
    page = {"count": 2, "next": "https://example.invalid/?cursor=x", "results": [
        {"entry_number": 2, "date_filed": "2020-01-02", "description": "ANSWER by A.", "recap_sequence_number": "2020-01-02.001"},
        {"entry_number": 1, "date_filed": "2020-01-01", "description": "COMPLAINT against A filed by B.",
         "recap_sequence_number": "2020-01-01.001"},
    ]}
    path = tmp_path / "page.json"
    path.write_text(json.dumps(page))
    docket = read(path)
    assert [e.entry_number for e in docket.entries] == [1, 2]
    assert any("next page" in n for n in docket.notes)


def test_courtlistener_plain_list_with_null_numbers_and_documents(tmp_path: Path) -> None:
    entries = [{"entry_number": None, "date_filed": None, "description": "Case reassigned."},
               {"entry_number": 7, "date_filed": "2021-03-04", "description": "",
                "recap_documents": [{"description": "MOTION to Dismiss by Officer Smith", "document_type": 1,
                                     "document_number": "7", "plain_text": "Officer Smith asserts qualified immunity."}]}]
    path = tmp_path / "list.json"
    path.write_text(json.dumps(entries))
    docket = read(path)
    assert docket.entries[0].entry_number is None and docket.entries[0].date_filed is None
    assert docket.entries[1].description == "MOTION to Dismiss by Officer Smith"
    assert "qualified immunity" in docket.entries[1].readable_text


def test_pacer_html_through_juriscraper() -> None:
    pytest.importorskip("juriscraper", reason="the PACER source needs the optional extra: pip install 'qiflow[pacer]'")
    docket = read(PACER, "pacer")
    assert (docket.title, docket.court, docket.case_number) == ("Roddy v. Babin", "lamd", "3:17-cv-01352")
    assert [p.name for p in docket.parties] == ["Lucas Joseph Roddy", "Ricky Babin"]
    assert len(docket.entries) == 57
    assert sum(e.entry_number is None for e in docket.entries) == 11


def test_pasted_text_from_a_docket_sheet() -> None:
    docket = read(TEXT)
    assert docket.source == "text"
    assert docket.case_number == "6:07-cv-00354-JDL"
    assert [p.name for p in docket.parties][:3] == ["CREATIVE INTERNET ADVERTISING CORPORATION", "Yahoo! Inc",
                                                    "Time Warner Inc"]
    assert docket.entries[0].entry_number == 1 and docket.entries[0].description.startswith("COMPLAINT against")


def test_pasted_text_tolerates_pipes_continuations_and_missing_numbers(tmp_path: Path) -> None:
    path = tmp_path / "pasted.txt"
    path.write_text("Date Filed | # | Docket Text\n"
                    "11/06/2017 | 1 | COMPLAINT against Ricky Babin filed by Lucas Joseph Roddy.\n"
                    "     (Attachments: # 1 cover letter)(EDC)\n"
                    "2017-11-07 |   | MOTION(S) REFERRED: 2 MOTION to Proceed In Forma Pauperis.\n")
    docket = read(path)
    assert [(e.entry_number, str(e.date_filed)) for e in docket.entries] == [(1, "2017-11-06"), (None, "2017-11-07")]
    assert docket.entries[0].description.endswith("(Attachments: # 1 cover letter)(EDC)")


def test_guess() -> None:
    assert [guess(x) for x in ("[{}]", " {\"a\": 1}", "<html><table>", "01/02/2020 1 COMPLAINT")] == [
        "courtlistener", "courtlistener", "pacer", "text"]


@pytest.mark.parametrize("content, expected", [
    ("", "is empty"),
    ("{not json", "line 1, column 2: valid JSON"),
    ('{"docket": 1}', "top level: a CourtListener docket"),
    ('[1, 2]', "[top level][0]: a docket entry"),
    ('[{"entry_number": "x", "description": "a"}]', "[top level][0].entry_number: an entry number"),
    ('[{"date_filed": "yesterday", "description": "a"}]', "[top level][0].date_filed: a date as YYYY-MM-DD"),
    ('{"docket_entries": []}', "docket_entries: at least one docket entry"),
    ("just some words\nwith no dates\n", "found none"),
    ("13/45/2020 1 COMPLAINT", "line 1: a real date"),
], ids=["empty", "not-json", "wrong-shape", "entry-not-object", "bad-number", "bad-date", "no-entries", "no-dates",
        "impossible-date"])
def test_bad_inputs_say_where_and_what(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "input"
    path.write_text(content)
    with pytest.raises(IngestError) as error:
        read(path)
    assert expected in str(error.value)
    assert str(path) in str(error.value)
