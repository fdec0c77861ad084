"""The pattern table: every row's own example classifies as the row declares; suppressors win; ruling clauses."""

from __future__ import annotations

import pytest

from qiflow.ingest import patterns as p
from qiflow.ingest.classify import classify


@pytest.mark.parametrize("row", [r for r in p.ROWS if r.kind != "ruling"], ids=lambda r: r.name)
def test_row_example_classifies_as_declared(row: p.Row) -> None:
    events = classify(row.example)
    assert events[0].rule == row.name
    assert events[0].kind == row.kind


@pytest.mark.parametrize("row", p.SUPPRESSORS, ids=lambda r: r.name)
def test_suppressor_example_is_other(row: p.Row) -> None:
    events = classify(row.example)
    assert [e.kind for e in events] == ["other"]
    assert events[0].rule == row.name


@pytest.mark.parametrize("row", p.ADDONS, ids=lambda r: r.name)
def test_addon_example_gives_its_kind(row: p.Row) -> None:
    assert row.kind in {e.kind for e in classify(row.example)}


def test_court_order_example_gives_one_ruling_per_clause() -> None:
    events = classify(next(r for r in p.ROWS if r.kind == "ruling").example)
    assert [(e.kind, e.links, e.fields["outcome"]) for e in events] == [
        ("motion_to_dismiss_ruling", [16], "granted"),
        ("motion_to_dismiss_ruling", [20], "granted"),
        ("motion_to_dismiss_ruling", [22], "granted_in_part"),
    ]


@pytest.mark.parametrize("text, kinds", [
    ("PROPOSED ORDER granting 31 Motion to Dismiss by Ricky Babin.", ["other"]),
    ("***STRICKEN*** MOTION to Dismiss Based on Qualified Immunity by Officer Smith.", ["other"]),
    ("REPLY in Support re 12 MOTION to Dismiss Based on Qualified Immunity filed by Officer Smith.", ["other"]),
    ("Appeal from the 35 Report and Recommendations of Magistrate Judge filed by Lucas Joseph Roddy.", ["other"]),
    ("MOTION to Dismiss by Officer Smith. FILED IN ERROR.", ["other"]),
    ("Correction of Docket Entry by Clerk re 42 Notice of Appeal.", ["other"]),
], ids=["proposed-order", "stricken", "reply-brief-not-7a", "objection-titled-appeal", "error", "clerk-correction"])
def test_suppressors(text: str, kinds: list[str]) -> None:
    assert [e.kind for e in classify(text)] == kinds


def test_one_order_gives_several_events() -> None:
    text = ("ORDER granting 28 Motion for Rule 7(a)(7) Reply; granting in part 29 Motion to Dismiss for Failure to State "
            "a Claim; granting in part and deferring in part 47 Motion to Dismiss.. Signed by Judge Nannette Jolivette "
            "Brown on 3/14/16. (jrc)")
    events = classify(text)
    assert sorted(e.kind for e in events) == ["motion_to_dismiss_ruling", "motion_to_dismiss_ruling", "reply_order"]
    assert all(0 < e.confidence <= 1 for e in events)


def test_outcome_after_the_citation() -> None:
    text = ("MEMORANDUM OPINION AND ORDER. It is therefore ORDERED that Defendants' First Amended Motion to Dismiss "
            "Pursuant to Fed. R. Civ. P. 12(b)(6) (Dkt. 59 ) is hereby GRANTED in part and DENIED in part. It is further "
            "ORDERED that Defendant Collin County, Texas' First Amended Motion to Dismiss (Dkt. 60 ) is hereby DENIED.")
    assert [(e.links, e.fields["outcome"]) for e in classify(text)] == [([59], "granted_in_part"), ([60], "denied")]


def test_a_pending_motion_named_in_a_stay_order_is_not_ruled_on() -> None:
    text = ("ORDER granting 14 Motion to Stay Discovery, and discovery in the above- captioned proceeding is hereby "
            "STAYED until the issuance of a Ruling in connection with the defendants' pending 9 Motion to Dismiss.")
    assert [(e.kind, e.fields.get("outcome")) for e in classify(text)] == [("discovery_order", "stayed")]


@pytest.mark.parametrize("text, qi", [
    ("MOTION to Dismiss Based on Qualified Immunity by Officer Smith.", True),
    ("MOTION to Dismiss for Failure to State a Claim by Ricky Babin.", None),
    ("MOTION to Dismiss on the basis of Eleventh Amendment immunity by the State.", None),
    ("ANSWER to 1 Complaint with affirmative defenses including qualified immunity by Deputy Jones.", True),
    ("MOTION for Summary Judgment by Best Chevrolet Inc, Donald Clay.", None),
], ids=["qi-stated", "silent", "other-immunity", "answer-qi", "sj-silent"])
def test_asserts_qi_only_when_the_text_says_so(text: str, qi: bool | None) -> None:
    assert classify(text)[0].asserts_qi is qi


def test_qi_readable_only_in_an_attached_document() -> None:
    text = "MOTION to Dismiss by Officer Smith."
    assert classify(text)[0].asserts_qi is None
    assert classify(text, text + "\nMemorandum in support: Officer Smith is entitled to qualified immunity.")[0].asserts_qi


def test_a_ruling_by_the_motion_s_name_links_to_the_number_listed_earlier() -> None:
    text = ("Memorandum Opinion and Order - Before the Court are: (1) Defendants Hunt County Sheriff's Department and "
            "Randy Meeks' Motion to Dismiss (Doc. No. 7); (2) Defendant David Armstrong's Partial Motion to Dismiss "
            "(Doc. No. 12). For the following reasons, the Court GRANTS Defendants Hunt County Sheriff's Department and "
            "Randy Meeks' Motion to Dismiss, and GRANTS Defendant David Armstrong's Partial Motion to Dismiss.")
    events = classify(text)
    assert [(e.kind, e.links, e.fields["outcome"]) for e in events] == [
        ("motion_to_dismiss_ruling", [7], "granted"), ("motion_to_dismiss_ruling", [12], "granted")]
    assert all(e.confidence < 0.8 for e in events)
