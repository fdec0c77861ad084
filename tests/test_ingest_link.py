"""The whole-case pass: citation forms, rulings linked to their motions, QI carried, filers and party kinds."""

from __future__ import annotations

import datetime as dt

import pytest

from qiflow.ingest import parties as pt
from qiflow.ingest.cites import cited_numbers
from qiflow.ingest.docket import SourceEntry
from qiflow.ingest.link import classify_all, resolve


@pytest.mark.parametrize("text, numbers", [
    ("ORDER granting 30 Motion to Dismiss", [30]),
    ("ORDER granting 2 6 Motion to Proceed In Forma Pauperis", [2, 6]),
    ("granting in part 64 , 65 Motions to Stay Discovery", [64, 65]),
    ("the motion to dismiss (Dkt. No. 51) is granted", [51]),
    ("the Motion to Dismiss [13] is granted", [13]),
    ("the Motion to Dismiss (R. Doc. 9) is granted", [9]),
    ("the Motion (Doc. 47) and (D.E. 7) and ECF No. 36", [47, 7, 36]),
    ("See Dkt. Nos. 25, 26, & 28", [25, 26, 28]),
    ("Signed by Judge Brian A. Jackson on 9/11/2018. Filing fee $ 350 receipt number 1206441.", []),
    ("See Dkt. Nos. 25, 26, & 28-30", [25, 26, 28, 29, 30]),
    ("the Memorandum in Support (Doc. 12-1)", [12]),
    ("Plaintiff shall have 21 days to amend his Complaint", []),
    ("The Court will grant Defendants until October 4, 2017 to file a response", []),
], ids=["n-motion", "two-numbers", "comma-list", "dkt-no", "brackets", "r-doc", "doc-de-ecf", "dkt-nos", "dates-fees",
        "range", "attachment", "days-not-entries", "date-not-entries"])
def test_citation_forms(text: str, numbers: list[int]) -> None:
    assert cited_numbers(text) == numbers


def _items(*rows: tuple[int | None, str]) -> list:
    entries = [SourceEntry(n, dt.date(2020, 1, 1 + i), text) for i, (n, text) in enumerate(rows)]
    return resolve(classify_all(entries))


def test_bare_number_ruling_takes_the_kind_of_the_motion_it_cites() -> None:
    items = _items((30, "MOTION to Dismiss Based on Qualified Immunity by Officer Smith."),
                   (41, "ORDER granting 30 . Signed by Judge X."))
    assert items[1].events[0].kind == "motion_to_dismiss_ruling"
    assert items[1].events[0].links == [30]


def test_sj_ruling_on_a_qi_motion_is_a_qi_ruling() -> None:
    items = _items((40, "MOTION for Summary Judgment on Qualified Immunity by Officer Smith."),
                   (50, "ORDER denying 40 Motion for Summary Judgment. Genuine disputes of material fact remain."))
    ev = items[1].events[0]
    assert (ev.kind, ev.fields["outcome"], ev.fields["basis"]) == ("qi_ruling", "denied", "fact_dispute")


def test_sj_ruling_on_a_motion_not_known_to_assert_qi_is_an_order_flagged() -> None:
    items = _items((19, "MOTION for Summary Judgment by Best Chevrolet Inc, Donald Clay."),
                   (40, "ORDER & REASONS granting 19 Motion for Summary Judgment. Signed by Judge."))
    assert items[1].events[0].kind == "order"
    assert "qi_ruling" in items[1].events[0].notes[0]


def test_a_ruling_that_names_the_qi_defense_establishes_the_motion_asserted_it() -> None:
    items = _items((44, "MOTION to Dismiss by Padraic OBryan, Sherry Carson."),
                   (58, ("MEMORANDUM OPINION AND ORDER requiring Fed. R. Civ. P. 7(a) reply in relation to qualified "
                        "immunity defense raised in 44 Motion to Dismiss filed by Padraic OBryan.")))
    assert items[0].events[0].asserts_qi is True
    assert {e.kind for e in items[1].events} == {"reply_order", "motion_to_dismiss_ruling"}


def test_appeal_ruling_without_a_number_takes_the_latest_appeal_flagged() -> None:
    items = _items((42, "RULING AND ORDER granting 31 Motion to Dismiss."), (43, "NOTICE OF APPEAL of 42 RULING by X."),
                   (46, "CLERK ORDER dismissing appeal pursuant to 5th Circuit Rule 42 for failure to pay fee."))
    ev = items[2].events[0]
    assert (ev.kind, ev.links, ev.fields["outcome"]) == ("appeal_ruling", [43], "dismissed")
    assert ev.confidence < 0.8


@pytest.mark.parametrize("name, kind", [
    ("City of Dallas", "municipality"), ("Hunt County, Texas", "municipality"),
    ("Hunt County Sheriff's Department", "municipality"), ("Board of Supervisors of Claiborne Parish", "municipality"),
    ("Pearl River Valley Water Supply District", "municipality"), ("Best Chevrolet Inc", "entity"),
    ("Trustees of Deerfield Academy", "entity"), ("Ricky Babin", "official"), ("Sgt. Roger A. Rudloff", "official"),
], ids=lambda x: x if isinstance(x, str) and " " not in x else None)
def test_party_kinds(name: str, kind: str) -> None:
    assert pt.kind_of(name, "defendant")[0] == kind


@pytest.mark.parametrize("text, capacity", [
    ("in his Official Capacity as District Attorney", "official"),
    ("individually and in his official capacity", "both"),
    ("in her individual capacity", "individual"),
    ("District Attorney, 23rd Judicial District of Louisiana", None),
], ids=["official", "both", "individual", "unstated"])
def test_capacity_only_when_stated(text: str, capacity: str | None) -> None:
    assert pt.capacity_of(text) == capacity


def test_filers_attach_to_parties() -> None:
    parties = pt.build([("Milan Dediol", "plaintiff", ""), ("Best Chevrolet", "defendant", ""),
                        ("Donald Clay", "defendant", ""), ("Best Chevrolet Inc", "defendant", "")])
    assert [p.id for p in parties] == ["milan_dediol", "best_chevrolet", "donald_clay"]
    found = pt.filers("ANSWER to 1 Complaint by Best Chevrolet, Donald Clay.(Carver, Mark)", parties)
    assert [p.id for p in found] == ["best_chevrolet", "donald_clay"]
    found = pt.filers("RESPONSE/MEMORANDUM in Opposition filed by Milan Dediol re 19 MOTION", parties)
    assert [p.id for p in found] == ["milan_dediol"]
    assert pt.filers("ORDER granting 19 Motion. Signed by Judge Helen G. Berrigan on 7/20/10.", parties) == []


def test_unnumbered_ruling_is_linked_to_the_motion_whose_title_it_repeats() -> None:
    # Hagan v. Jackson County (S.D. Miss. No. 1:13cv268): the order's title and the motion's, as the order quotes them
    items = _items((57, "Motion for Summary Judgment Based on Qualified Immunity"),
                   (60, "MOTION for Summary Judgment by Plaintiff."),
                   (None, "MEMORANDUM OPINION AND ORDER GRANTING IN PART AND DENYING IN PART DEFENDANTS HOPE THORNTON, "
                          "LINDA JONES, EDDIE CLARK, AND CHAD HECK'S MOTION FOR SUMMARY JUDGMENT BASED ON QUALIFIED "
                          "IMMUNITY"))
    ruling = items[2].events[0]
    assert (ruling.kind, ruling.links, ruling.fields["outcome"]) == ("qi_ruling", [57], "granted_in_part")
    assert any("names no motion number" in n for n in ruling.notes)


def test_unnumbered_ruling_with_two_candidates_and_no_title_stays_unlinked() -> None:
    items = _items((10, "MOTION for Summary Judgment by Officer A."), (12, "MOTION for Summary Judgment by Officer B."),
                   (20, "ORDER denying the Motion for Summary Judgment."))
    assert items[2].events[0].links == []


def test_ruling_on_a_qi_motion_carries_qi_to_a_bare_sj_ruling() -> None:
    # Burnette v. City of Southaven (N.D. Miss. No. 2:08cv45)
    items = _items((21, "Motion for Summary Judgment Based on Qualified Immunity Defense"),
                   (73, "ORDER denying 21 Motion for Summary Judgment. Signed by W. Allen Pepper on 3/25/2009."))
    assert (items[1].events[0].kind, items[1].events[0].fields["outcome"]) == ("qi_ruling", "denied")


def test_stay_pending_motions_to_dismiss_is_no_ruling_on_them() -> None:
    text = ("ORDER granting 11 and 25 Motions to Stay Discovery and and discovery is hereby STAYED pending a resolution "
            "of Defendants' 10 and 24 Motions to Dismiss that raise the defense of qualified immunity.")
    items = _items((10, "MOTION to Dismiss by A."), (11, "MOTION to Stay Discovery by A."),
                   (24, "MOTION to Dismiss by B."), (25, "MOTION to Stay Discovery by B."), (29, text))
    assert [(e.kind, e.fields.get("outcome")) for e in items[4].events] == [("discovery_order", "stayed")]
    # and the ruling's words about the motions establish that they asserted QI
    assert items[0].events[0].asserts_qi is True and items[2].events[0].asserts_qi is True
