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


def test_each_outcome_word_rules_on_the_numbers_after_it() -> None:
    # Mocsary v. Ard (M.D. La. No. 3:17-cv-01713), entry 31
    text = ("RULING granting 14 Motion to Dismiss and granting in part and denying in part 15 Motion to Dismiss.Plaintiff "
            "shall have 21 days to amend his Complaint to cure the deficiencies set forth herein. Plaintiff shall also "
            "have (21) days to file a Rule 7 (a) response to all Defendants' assertions of the qualified immunity defense.")
    events = classify(text)
    assert [(e.kind, e.links, e.fields.get("outcome")) for e in events] == [
        ("motion_to_dismiss_ruling", [14], "granted"), ("motion_to_dismiss_ruling", [15], "granted_in_part"),
        ("reply_order", [], None)]


def test_rule_37a_is_not_rule_7a_and_hypothetical_grants_are_no_rulings() -> None:
    text = ("The Court will grant Defendants until October 4, 2017 to file a response explaining why the Court should "
            "not enter an order requiring them to pay Plaintiff, as required by Rule 37(a)(5)(A), the expenses of his "
            "Motion to Compel Disclosures [Dkt. No. 18 ]. Because of the possible need for additional proceedings if "
            "the Court does not grant Defendants' Motion for Summary Judgment [Dkt. No. 30 ] as to all claims, the "
            "trial setting should be adjusted.")
    kinds = {e.kind for e in classify("ORDER. " + text)}
    assert kinds == {"order"}


def test_bracketed_citation_names_the_motion_before_it() -> None:
    text = ("ORDER: The Court GRANTS Plaintiff's Motion for Leave to File Surreply [Dkt. No. 66 ], Defendant Valdez's "
            "Motion for Protective Order [Dkt. No. 25 ], and Defendants' Motion to Stay Discovery or, in the "
            "Alternative, for a Protective Order [Dkt. No. 58 ].")
    stays = [e for e in classify(text) if e.kind == "discovery_order"]
    assert [(e.links, e.fields["outcome"]) for e in stays] == [([58], "stayed")]


@pytest.mark.parametrize("text, kind, outcome", [
    ("MEMORANDUM OPINION AND ORDER DENYING UNOPPOSED MOTION FOR LEAVE TO CONDUCT LIMITED DISCOVERY (OUT OF TIME)",
     "discovery_order", "denied"),
    ("MEMORANDUM OPINION AND ORDER that the Motion to Dismiss is DENIED and the parties are directed to resume the "
     "discovery process forthwith", "motion_to_dismiss_ruling", "denied"),
    ("ORDER denying 26 Motion for Qualified Immunity. Signed by Neal B. Biggers on 9/27/2013. (llw)", "qi_ruling", "denied"),
    ("ORDER Granting Defendants Twenty-Eight Days to File an Answer or Renew Their Motion to Dismiss Solely on the "
     "Issue of Qualified Immunity", "order", None),
], ids=["unnumbered-discovery", "unnumbered-after", "motion-for-qi", "time-not-a-ruling"])
def test_rulings_on_motions_they_do_not_number(text: str, kind: str, outcome: str | None) -> None:
    ev = classify(text)[0]
    assert (ev.kind, ev.fields.get("outcome")) == (kind, outcome)


def test_memorandum_ruling_re_a_motion_leaves_the_outcome_for_review() -> None:
    text = ("MEMORANDUM RULING re 26 MOTION to Dismiss for Failure to State a Claim, MOTION to Dismiss for Lack of "
            "Jurisdiction filed by Perry Stagg, Angela Griffin, James LeBlanc. Signed by Chief Judge S Maurice Hicks, Jr")
    ev = classify(text)[0]
    assert (ev.kind, ev.links, "outcome" in ev.fields) == ("motion_to_dismiss_ruling", [26], False)
    assert ev.confidence < 0.8 and any("does not state the outcome" in n for n in ev.notes)


@pytest.mark.parametrize("text, kind, asserts_qi", [
    ("Motion to Dismiss Official Capacity Claims Based on Eleventh Amendment Immunity", "motion_to_dismiss", None),
    ("Motion for a Rule 7(a)(7) Reply to Qualified Immunity Defense and Brief in Support", "other", None),
    ("Defendant Pablo Padilla's Motion to Stay Proceedings, including all Deadlines set forth in the Court's Scheduling "
     "Order of January 27, 2015 [Document No. 18 ], Pending the Outcome of Defendant Padilla's Motion for Summary "
     "Judgment Based on Qualified Immunity [Document No. 25 ]", "other", None),
    ("Motion for Summary Judgment Based on Qualified Immunity Defense", "sj_motion", True),
    ("Defendant City of McAllen's Third Motion for Judgment Pursuant to Rule 12(c) and Third Motion to Dismiss for "
     "Lack of Jurisdiction Pursuant to Rule 12(b)(1)", "motion_to_dismiss", None),
], ids=["eleventh-amendment", "motion-for-7a-reply", "stay-naming-a-qi-motion", "qi-sj", "12c-titled"])
def test_qi_is_read_only_from_an_assertion(text: str, kind: str, asserts_qi: bool | None) -> None:
    ev = classify(text)[0]
    assert (ev.kind, ev.asserts_qi) == (kind, asserts_qi)
