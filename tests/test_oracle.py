"""Hand-worked examples of every rule of LAW.md s.11 (version 2), checked against the independent oracle.

Each expected result is derived from the words of s.11 (quoted in the test's docstring), not from the
engine. Entries are numbered by their 1-based position unless marked ``unnumbered``, so a reference
to entry 3 is the third entry.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.support.oracle import judge

TODAY_LAW = "2024-03-01"  # after both WICKS and CARSWELL
MIDDLE = "2010-01-01"  # WICKS..CARSWELL
EARLY = "1990-01-01"  # before WICKS

PARTIES = [
    {"id": "doe", "name": "Jane Doe", "role": "plaintiff"},
    {"id": "smith", "name": "Officer Smith", "role": "defendant", "kind": "official", "capacity": "individual"},
    {"id": "jones", "name": "Officer Jones", "role": "defendant", "kind": "official", "capacity": "both"},
    {"id": "city", "name": "City", "role": "defendant", "kind": "municipality"},
    {"id": "chief", "name": "Chief (official capacity)", "role": "defendant", "kind": "official",
     "capacity": "official"},
]


def ev(event, **kw):
    if "frm" in kw:
        kw["from"] = kw.pop("frm")
    return {"event": event, **kw}


def case(*entries, law=TODAY_LAW, mode=None):
    docket = []
    for i, e in enumerate(entries, 1):
        e = dict(e)
        if not e.pop("unnumbered", False):
            e.setdefault("entry_number", i)
        docket.append(e)
    d = {"qiflow": 1, "title": "t", "parties": PARTIES, "docket": docket}
    if law is not None:
        d["law_as_of"] = law
    if mode:
        d["mode"] = mode
    return d


COMPLAINT = ev("complaint", by="doe")
ANSWER_QI = ev("answer", by="smith", asserts_qi=True)
MTD_QI = ev("motion_to_dismiss", by="smith", asserts_qi=True, rule="12(b)(6)")
FQ = [{"id": "q1", "text": "what happened"}]
GOOD_ORDER = ev("discovery_order", outcome="granted", against=["smith"], pleadings_overcome_qi=True,
                fact_questions=FQ, authorized=[{"request": "r1", "addresses": ["q1"]}])
MOTION_R1 = ev("discovery_motion", by="doe", requests=[{"id": "r1"}, {"id": "r2"}])


def codes(d, **kw):
    return judge(d, **kw).codes


# ---- Terms: who asserts QI, QI001 ---------------------------------------------------------------

def test_qi001_municipality_asserts():
    """'Any other party filing such an entry raises QI001 at that entry ... and nothing is stayed on their
    account'."""
    v = judge(case(COMPLAINT, ev("answer", by="city", asserts_qi=True),
                   ev("discovery", by="doe", against="city")))
    assert v.codes == [[], ["QI001"], []]  # no official's QI is unresolved: no QI303


def test_qi001_official_capacity_asserts():
    """'An official is a defendant of kind official with capacity individual or both.'"""
    v = judge(case(COMPLAINT, ev("motion_to_dismiss", by="chief", asserts_qi=True),
                   ev("discovery", by="doe", against="chief")))
    assert v.codes == [[], ["QI001"], []]


def test_qi001_capacity_both_may_assert():
    """'capacity individual or both': jones (both) asserts QI without QI001, and is then unresolved."""
    v = judge(case(COMPLAINT, ev("answer", by="jones", asserts_qi=True),
                   ev("discovery", by="doe", against="jones")))
    assert v.codes == [[], [], ["QI301"]]


def test_qi001_joint_filing_once_and_counts_for_officers():
    """'(once, naming them all) ... the entry still counts for the officials who filed it with them (a joint
    answer of a city and its officers is the officers' assertion)'."""
    v = judge(case(COMPLAINT, ev("motion_to_dismiss", by=["city", "chief", "smith"], asserts_qi=True),
                   MOTION_R1, GOOD_ORDER))
    assert v.codes[1] == ["QI001"]
    assert v.codes[3] == ["QI101"]  # smith's QI motion is pending (from CARSWELL)


def test_qi001_never_refused_in_strict():
    """'Strict mode refuses every entry that would raise an error-severity code other than QI001'."""
    v = judge(case(COMPLAINT, ev("answer", by=["city", "smith"], asserts_qi=True), mode="strict"))
    assert v.refused == [] and v.all_codes == ["QI001"]


def test_joint_by_list_files_for_each():
    """'An entry filed by a list is filed by each of them.' Both smith and jones are pending."""
    d = case(COMPLAINT, ev("motion_to_dismiss", by=["smith", "jones"], asserts_qi=True),
             ev("discovery", by="doe", against="jones"))
    assert codes(d) == [[], [], ["QI101", "QI301"]]


# ---- pending-for, replacement, deferral --------------------------------------------------------

def test_renewed_motion_replaces_and_ruling_on_replaced_decides_nothing():
    """'until a later QI motion to dismiss by the same official replaces it'; 'A ruling on a motion that has
    been replaced for an official decides nothing for them'."""
    d = case(COMPLAINT, MTD_QI, MTD_QI, ev("motion_to_dismiss_ruling", motion=2, outcome="denied"),
             ev("discovery", by="doe", against="smith"))
    assert codes(d)[4] == ["QI101", "QI301"]  # still pending (motion 3), still unresolved


def test_renewed_motion_reopens_resolved_qi():
    """'A QI motion to dismiss filed later by an official whose QI was resolved makes it unresolved again
    until that motion is decided'."""
    general = ev("discovery_order", outcome="granted", scope="general", against=["smith"])
    d = case(COMPLAINT, MTD_QI, ev("motion_to_dismiss_ruling", motion=2, outcome="denied"), general,
             ev("discovery", by="doe", against="smith"), MTD_QI, ev("discovery", by="doe", against="smith"))
    assert codes(d)[3] == [] and codes(d)[4] == []
    assert codes(d)[6] == ["QI101", "QI301"]


def test_sj_motion_does_not_reopen():
    """'(an sj_motion does not)'."""
    general = ev("discovery_order", outcome="granted", scope="general", against=["smith"])
    d = case(COMPLAINT, MTD_QI, ev("motion_to_dismiss_ruling", motion=2, outcome="denied"), general,
             ev("sj_motion", by="smith", asserts_qi=True), ev("discovery", by="doe", against="smith"))
    assert codes(d)[5] == []
    assert judge(d).discovery_authorized is True


def test_qi102_from_carswell_always():
    """'Otherwise QI102 - from CARSWELL always'."""
    d = case(COMPLAINT, MTD_QI, ev("motion_to_dismiss_ruling", motion=2, outcome="deferred",
                                   pleadings_overcome_qi=True, fact_questions=FQ), law="2022-06-17")
    assert codes(d)[2] == ["QI102"]


def test_qi102_between_wicks_and_carswell():
    """'from WICKS until then, unless the ruling itself holds pleadings_overcome_qi: true and identifies at
    least one fact question'."""
    with_findings = ev("motion_to_dismiss_ruling", motion=2, outcome="deferred", pleadings_overcome_qi=True,
                       fact_questions=FQ)
    only_questions = ev("motion_to_dismiss_ruling", motion=2, outcome="deferred", fact_questions=FQ)
    assert codes(case(COMPLAINT, MTD_QI, with_findings, law="2022-06-16"))[2] == []
    assert codes(case(COMPLAINT, MTD_QI, only_questions, law="1995-01-06"))[2] == ["QI102"]


def test_qi102_before_wicks():
    """'before WICKS, unless it identifies at least one fact question'."""
    only_questions = ev("motion_to_dismiss_ruling", motion=2, outcome="deferred", fact_questions=FQ)
    bare = ev("motion_to_dismiss_ruling", motion=2, outcome="deferred")
    assert codes(case(COMPLAINT, MTD_QI, only_questions, law="1995-01-05"))[2] == []
    assert codes(case(COMPLAINT, MTD_QI, bare, law=EARLY))[2] == ["QI102"]


def test_denied_without_prejudice_is_deferral():
    """'Every other ruling on it - deferred, denied_without_prejudice, or denied with reserves_qi: true - is a
    deferral and leaves it pending.'"""
    d = case(COMPLAINT, MTD_QI, ev("motion_to_dismiss_ruling", motion=2, outcome="denied_without_prejudice"),
             MOTION_R1, GOOD_ORDER)
    assert codes(d)[2] == ["QI102"] and codes(d)[4] == ["QI101"]


def test_reserves_qi_denial_is_deferral():
    """'denied (unless the ruling records reserves_qi: true)'."""
    d = case(COMPLAINT, MTD_QI, ev("motion_to_dismiss_ruling", motion=2, outcome="denied", reserves_qi=True),
             MOTION_R1, GOOD_ORDER)
    assert codes(d)[2] == ["QI102"] and codes(d)[4] == ["QI101"]


def test_reply_ordered_deferral_raises_nothing():
    """'no code if it records reply_ordered: true (it orders a Rule 7(a) reply or gives leave to amend)'."""
    d = case(COMPLAINT, MTD_QI, ev("motion_to_dismiss_ruling", motion=2, outcome="denied_without_prejudice",
                                   reply_ordered=True), ev("discovery", by="doe", against="smith"))
    assert codes(d) == [[], [], [], ["QI101", "QI301"]]  # still pending


def test_ruling_on_non_qi_motion_changes_nothing():
    """'A ruling on a motion to dismiss that does not assert QI changes nothing.'"""
    d = case(COMPLAINT, ev("motion_to_dismiss", by="city"), ev("motion_to_dismiss_ruling", motion=2,
                                                              outcome="deferred"))
    assert codes(d) == [[], [], []]


def test_deferral_findings_count_for_gates():
    """Gate-1 holding 'in a deferral of P's QI motion'; fact questions of a deferral concern 'the officials
    whose motion the deferral ruled on'. (WICKS..CARSWELL, so the deferral itself is lawful.)"""
    d = case(COMPLAINT, MTD_QI,
             ev("motion_to_dismiss_ruling", motion=2, outcome="deferred", pleadings_overcome_qi=True,
                fact_questions=FQ),
             MOTION_R1, ev("discovery_order", outcome="granted", against=["smith"],
                           authorized=[{"request": "r1", "addresses": ["q1"]}]),
             ev("discovery", by="doe", against="smith", requests=["r1"]), law=MIDDLE)
    v = judge(d)
    assert v.all_codes == [] and v.discovery_authorized is True and v.appealable is False


def test_converted_decides_nothing_about_qi():
    """'A ruling converted ... decides nothing about QI: ... it counts from then on as a pending sj_motion
    asserting QI.' The motion is no longer pending (no QI101), but QI is unresolved (QI302)."""
    d = case(COMPLAINT, MTD_QI, ev("motion_to_dismiss_ruling", motion=2, outcome="converted"),
             ev("discovery_order", outcome="granted", scope="general", against=["smith"],
                pleadings_overcome_qi=True, fact_questions=FQ))
    assert codes(d)[3] == ["QI302"]


# ---- resolved / out of the case / judgment ------------------------------------------------------

def test_grant_in_whole_takes_official_out():
    """'A grant in whole ... takes the official out of the case'."""
    d = case(COMPLAINT, MTD_QI, ev("motion_to_dismiss_ruling", motion=2, outcome="granted"),
             ev("discovery_order", outcome="granted", scope="general", against=["smith", "city"]),
             ev("discovery", by="doe", against="smith"))
    v = judge(d)
    assert v.all_codes == [] and v.discovery_authorized is False  # no official still in the case


def test_grant_in_part_stays_in_with_qi_resolved():
    """'a grant in part leaves them in with QI resolved'."""
    d = case(COMPLAINT, MTD_QI, ev("motion_to_dismiss_ruling", motion=2, outcome="granted_in_part"),
             ev("discovery_order", outcome="granted", scope="general", against=["smith"]))
    v = judge(d)
    assert v.all_codes == [] and v.discovery_authorized is True


def test_judgment_defaults():
    """'A judgment takes the defendants it names out of the case (every defendant, if defendants is absent;
    no one, if it is an empty list).'"""
    tail = [ev("discovery_order", outcome="granted", scope="general", against=["city"])]
    absent = case(COMPLAINT, ANSWER_QI, ev("judgment", outcome="settled"), *tail)
    empty = case(COMPLAINT, ANSWER_QI, ev("judgment", outcome="settled", defendants=[]), *tail)
    assert codes(absent)[3] == []  # smith out: no official's QI unresolved
    assert codes(empty)[3] == ["QI303"]


def test_qi_ruling_default_decides_every_asserting_official():
    """'a qi_ruling without defendants decides every official still in the case who asserted QI'."""
    d = case(COMPLAINT, ANSWER_QI, ev("answer", by="jones", asserts_qi=True), ev("qi_ruling", outcome="denied"),
             ev("discovery_order", outcome="granted", scope="general", against=["smith", "jones"]))
    v = judge(d)
    assert v.codes[4] == [] and v.discovery_authorized is True


def test_qi_ruling_naming_one_official():
    """'or a qi_ruling naming them is made' - jones is not named, so stays unresolved."""
    d = case(COMPLAINT, ANSWER_QI, ev("answer", by="jones", asserts_qi=True),
             ev("qi_ruling", outcome="denied", defendants=["smith"]),
             ev("discovery_order", outcome="granted", scope="general", against=["smith"]))
    assert codes(d)[4] == ["QI303"]  # O empty, C = [smith], jones unresolved


# ---- appeals -------------------------------------------------------------------------------------

def test_appeal_from_denial_keeps_qi_unresolved():
    """'for a denial or a grant in part, no appeal from it by them is pending'; discovery: 'QI401 if an
    interlocutory appeal by P is pending'."""
    d = case(COMPLAINT, MTD_QI, ev("motion_to_dismiss_ruling", motion=2, outcome="denied"),
             ev("appeal", by="smith", frm=3), ev("discovery", by="doe", against="smith"))
    assert codes(d)[4] == ["QI301", "QI401"]


def test_appeal_divests_only_as_to_appellant():
    """'it divests the district court as to that official (Griggs: the matters appealed), not as to
    everyone.'"""
    d = case(COMPLAINT, ev("motion_to_dismiss", by=["smith", "jones"], asserts_qi=True),
             ev("motion_to_dismiss_ruling", motion=2, outcome="denied"), ev("appeal", by="jones", frm=3),
             ev("discovery_order", outcome="granted", scope="general", against=["smith"]),
             ev("discovery", by="doe", against="smith"), ev("discovery", by="doe", against="jones"))
    assert codes(d)[4] == ["QI303"]  # smith resolved (C), jones unresolved
    assert codes(d)[5] == []
    assert codes(d)[6] == ["QI301", "QI401"]


def test_frivolous_certification_ends_pending():
    """'pending ... unless the district court has certified it frivolous'."""
    d = case(COMPLAINT, MTD_QI, ev("motion_to_dismiss_ruling", motion=2, outcome="denied"),
             ev("appeal", by="smith", frm=3), ev("frivolous_certification", appeal=4),
             ev("qi_ruling", outcome="denied", defendants=["smith"]))
    assert codes(d)[5] == []


def test_qi402_qi_ruling_and_judgment_during_appeal():
    """'qi_ruling naming an official, or judgment with outcome for_plaintiff against an official (named, or
    every defendant if defendants is absent), while an interlocutory appeal filed by that official is
    pending: QI402.'"""
    base = [COMPLAINT, MTD_QI, ev("motion_to_dismiss_ruling", motion=2, outcome="denied"),
            ev("appeal", by="smith", frm=3)]
    assert codes(case(*base, ev("qi_ruling", outcome="granted", defendants=["smith"])))[4] == ["QI402"]
    assert codes(case(*base, ev("judgment", outcome="for_plaintiff")))[4] == ["QI402"]
    assert codes(case(*base, ev("judgment", outcome="for_defendant")))[4] == []
    assert codes(case(*base, ev("judgment", outcome="for_plaintiff", defendants=["city"])))[4] == []


def test_appeal_from_judgment_is_not_pending():
    """'An appeal from a judgment is never pending in this sense.'"""
    d = case(COMPLAINT, ANSWER_QI, ev("judgment", outcome="dismissed", defendants=["city"]),
             ev("appeal", by="smith", frm=3), ev("qi_ruling", outcome="denied", defendants=["smith"]))
    assert codes(d)[4] == []


def test_appeal_ruling_affirmed_ends_appeal_only():
    """'A stops being pending whatever the outcome. affirmed or dismissed: nothing else changes.'"""
    d = case(COMPLAINT, MTD_QI, ev("motion_to_dismiss_ruling", motion=2, outcome="denied"),
             ev("appeal", by="smith", frm=3), ev("appeal_ruling", appeal=4, outcome="affirmed"),
             ev("discovery_order", outcome="granted", scope="general", against=["smith"]))
    v = judge(d)
    assert v.codes[5] == [] and v.discovery_authorized is True


def test_reversed_denial_is_court_of_appeals_grant():
    """'when the outcome is reversed, F denied QI ... and the official is among the appeal's filers, QI is
    granted by the court of appeals for them: resolved, no QI motion of theirs pending, out of the case.'"""
    d = case(COMPLAINT, MTD_QI, ev("motion_to_dismiss_ruling", motion=2, outcome="denied"),
             ev("appeal", by="smith", frm=3), ev("appeal_ruling", appeal=4, outcome="reversed"),
             ev("discovery_order", outcome="granted", scope="general", against=["smith", "city"]))
    v = judge(d)
    assert v.codes[5] == [] and v.discovery_authorized is False


def test_vacated_with_renders_is_court_of_appeals_grant():
    """'with renders: qi_granted ... QI is granted by the court of appeals for them'."""
    d = case(COMPLAINT, MTD_QI, ev("motion_to_dismiss_ruling", motion=2, outcome="deferred"),
             ev("appeal", by="smith", frm=3),
             ev("appeal_ruling", appeal=4, outcome="vacated", renders="qi_granted"),
             ev("discovery_order", outcome="granted", scope="general", against=["city"]))
    v = judge(d)
    assert v.codes[5] == []  # no QI101 (no motion pending), no QI303 (no one unresolved)


def test_vacated_denial_reopens_motion_and_removes_holding():
    """'F's effects on them are undone: ... a QI motion to dismiss F decided ... is pending again; ... F's
    findings stop counting for them.'"""
    d = case(COMPLAINT, MTD_QI, ev("motion_to_dismiss_ruling", motion=2, outcome="denied"),
             ev("appeal", by="smith", frm=3), ev("appeal_ruling", appeal=4, outcome="vacated"),
             MOTION_R1, ev("discovery_order", outcome="granted", against=["smith"], fact_questions=FQ,
                           authorized=[{"request": "r1", "addresses": ["q1"]}]))
    assert codes(d)[6] == ["QI101", "QI201"]


def test_vacated_converted_is_motion_to_dismiss_again():
    """'(a converted one included, which is then a motion to dismiss again, not a summary-judgment motion)'."""
    d = case(COMPLAINT, MTD_QI, ev("motion_to_dismiss_ruling", motion=2, outcome="converted"),
             ev("appeal", by="smith", frm=3), ev("appeal_ruling", appeal=4, outcome="vacated"),
             ev("discovery", by="doe", against="smith"))
    assert codes(d)[5] == ["QI101", "QI301"]


def test_reversed_grant_brings_official_back():
    """'if F took them out of the case they are back in' (default as_to: 'all the officials F ruled on, if
    none of them did' file the appeal)."""
    d = case(COMPLAINT, MTD_QI, ev("motion_to_dismiss_ruling", motion=2, outcome="granted"),
             ev("appeal", by="doe", frm=3), ev("appeal_ruling", appeal=4, outcome="reversed"),
             ev("discovery", by="doe", against="smith"))
    assert codes(d)[5] == ["QI101", "QI301"]


def test_appeal_ruling_default_reaches_only_appellant():
    """'the officials F ruled on who filed the appeal ...: an appellate judgment does not reach an official
    who did not appeal.'"""
    d = case(COMPLAINT, ev("motion_to_dismiss", by=["smith", "jones"], asserts_qi=True),
             ev("motion_to_dismiss_ruling", motion=2, outcome="denied"),
             ev("appeal", by="smith", frm=3), ev("appeal_ruling", appeal=4, outcome="reversed"),
             ev("discovery_order", outcome="granted", scope="general", against=["jones"]))
    v = judge(d)
    assert v.codes[5] == [] and v.discovery_authorized is True  # jones stays denied, in the case


def test_appeal_ruling_as_to_on_ruling():
    """'undoes F for the parties in as_to': a vacatur as to jones only."""
    d = case(COMPLAINT, ev("motion_to_dismiss", by=["smith", "jones"], asserts_qi=True),
             ev("motion_to_dismiss_ruling", motion=2, outcome="denied"),
             ev("appeal", by=["smith", "jones"], frm=3),
             ev("appeal_ruling", appeal=4, outcome="vacated", as_to=["jones"]),
             ev("discovery", by="doe", against="smith"), ev("discovery", by="doe", against="jones"))
    assert codes(d)[5] == ["QI303"]  # smith resolved; jones unresolved again
    assert codes(d)[6] == ["QI101", "QI301"]


def test_vacated_discovery_order_default_whole_against():
    """'the default as_to is every party in F's against list if F is a discovery order'; 'it leaves force
    for them, and its findings stop counting for them.'"""
    d = case(COMPLAINT, ANSWER_QI, MOTION_R1, GOOD_ORDER, ev("appeal", by="smith", frm=4),
             ev("appeal_ruling", appeal=5, outcome="vacated"),
             ev("discovery", by="doe", against="smith", requests=["r1"]),
             ev("discovery_order", outcome="granted", against=["smith"],
                authorized=[{"request": "r1", "addresses": ["q1"]}]))
    v = judge(d)
    assert v.codes[6] == ["QI301"]
    assert v.codes[7] == ["QI201", "QI202", "QI203"]
    assert v.appealable is True


def test_vacated_discovery_order_as_to_some():
    """'and then stays in force for the parties the undoing does not name' (Zantiz)."""
    order = ev("discovery_order", outcome="granted", against=["smith", "jones"], pleadings_overcome_qi=True,
               fact_questions=FQ, authorized=[{"request": "r1", "addresses": ["q1"]}])
    d = case(COMPLAINT, ev("answer", by=["smith", "jones"], asserts_qi=True), MOTION_R1, order,
             ev("appeal", by=["smith", "jones"], frm=4),
             ev("appeal_ruling", appeal=5, outcome="vacated", as_to=["smith"]),
             ev("discovery", by="doe", against="smith", requests=["r1"]),
             ev("discovery", by="doe", against="jones", requests=["r1"]))
    v = judge(d)
    assert v.codes[6] == ["QI301"] and v.codes[7] == [] and v.discovery_authorized is True


# ---- discovery_order steps ----------------------------------------------------------------------

def test_qi101_order_from_carswell_only():
    """'1. QI101 if any QI motion to dismiss is pending (from CARSWELL).'"""
    d = [COMPLAINT, MTD_QI, MOTION_R1, GOOD_ORDER]
    assert codes(case(*d, law="2022-06-17"))[3] == ["QI101"]
    assert codes(case(*d, law="2022-06-16"))[3] == []
    assert judge(case(*d, law="2022-06-16")).discovery_authorized is True
    assert judge(case(*d, law="2022-06-17")).discovery_authorized is False


def test_qi101_any_motion_even_city_only_order():
    """'QI101 if any QI motion to dismiss is pending' - also for an order reaching only the city."""
    d = case(COMPLAINT, MTD_QI, ev("discovery_order", outcome="granted", scope="general", against=["city"]))
    assert codes(d)[2] == ["QI101", "QI303"]


def test_qi401_order_during_appeal():
    """'2. QI401 if an interlocutory appeal by an official in O is pending.'"""
    d = case(COMPLAINT, MTD_QI, ev("motion_to_dismiss_ruling", motion=2, outcome="denied"),
             ev("appeal", by="smith", frm=3), MOTION_R1, GOOD_ORDER)
    v = judge(d)
    assert v.codes[5] == ["QI401"] and v.appealable is True


def test_qi201_from_wicks_only():
    """'(from WICKS) QI201 unless every official in O has the gate-1 holding'."""
    order = ev("discovery_order", outcome="granted", against=["smith"], fact_questions=FQ,
               authorized=[{"request": "r1", "addresses": ["q1"]}])
    d = [COMPLAINT, ANSWER_QI, MOTION_R1, order]
    assert codes(case(*d, law="1995-01-06"))[3] == ["QI201"]
    assert codes(case(*d, law="1995-01-05"))[3] == []
    assert judge(case(*d, law="1995-01-05")).appealable is False
    assert judge(case(*d, law="1995-01-06")).appealable is True


def test_qi202_per_official_as_to():
    """'QI202 unless every official in O is concerned by at least one identified fact question'; 'A fact
    question concerns the officials in its as_to list'."""
    order = ev("discovery_order", outcome="granted", against=["smith", "jones"], pleadings_overcome_qi=True,
               fact_questions=[{"id": "q1", "text": "x", "as_to": ["smith"]}],
               authorized=[{"request": "r1", "addresses": ["q1"]}])
    d = case(COMPLAINT, ev("answer", by=["smith", "jones"], asserts_qi=True), MOTION_R1, order,
             ev("discovery", by="doe", against="smith", requests=["r1"]),
             ev("discovery", by="doe", against="jones", requests=["r1"]))
    assert codes(d)[3:] == [["QI202"], [], ["QI301"]]


def test_qi202_before_wicks_still():
    """QI202 is in force always; before WICKS only gate 1 is not required."""
    order = ev("discovery_order", outcome="granted", against=["smith"],
               authorized=[{"request": "r1", "addresses": []}])
    assert codes(case(COMPLAINT, ANSWER_QI, MOTION_R1, order, law=EARLY))[3] == ["QI202", "QI203"]


def test_qi302_general_scope():
    """'then QI302 if the scope is general'."""
    order = ev("discovery_order", outcome="granted", scope="general", against=["smith"],
               pleadings_overcome_qi=True, fact_questions=FQ)
    assert codes(case(COMPLAINT, ANSWER_QI, order))[2] == ["QI302"]


def test_qi203_request_addresses_no_question():
    """'else QI203 if any authorized request addresses no identified fact question'."""
    order = ev("discovery_order", outcome="granted_in_part", against=["smith"], pleadings_overcome_qi=True,
               fact_questions=FQ, authorized=[{"request": "r1", "addresses": ["q1"]}, {"request": "r2"}])
    v = judge(case(COMPLAINT, ANSWER_QI, MOTION_R1, order, ev("discovery", by="doe", against="smith",
                                                                requests=["r1"])))
    assert v.codes[3] == ["QI203"] and v.codes[4] == [] and v.discovery_authorized is True


def test_qi202_question_from_earlier_order():
    """'Identified fact questions: every fact_questions item of this or any earlier discovery order (of any
    outcome)'."""
    d = case(COMPLAINT, ANSWER_QI, MOTION_R1,
             ev("discovery_order", outcome="denied", against=["smith"], pleadings_overcome_qi=True,
                fact_questions=FQ),
             ev("discovery_order", outcome="granted", against=["smith"],
                authorized=[{"request": "r1", "addresses": ["q1"]}]))
    assert codes(d)[4] == []


def test_qi303_order_against_city_while_qi_unresolved():
    """'4. If O is empty, C is not, and some official's QI is unresolved: QI303.'"""
    d = case(COMPLAINT, ANSWER_QI, ev("discovery_order", outcome="granted", scope="general", against=["city"]))
    v = judge(d)
    assert v.codes[2] == ["QI303"] and v.appealable is False


def test_order_reaching_no_one_raises_nothing():
    """'It reaches ... if its scope is general or it authorizes at least one request, and no one otherwise.
    An order that reaches no one raises nothing.'"""
    d = case(COMPLAINT, MTD_QI, ev("discovery_order", outcome="granted", against=["smith"]),
             ev("discovery_order", outcome="granted", scope="general", against=[]))
    v = judge(d)
    assert v.codes[2:] == [[], []] and v.appealable is False


def test_default_against_every_defendant():
    """'a discovery order's against absent means every defendant'."""
    d = case(COMPLAINT, ANSWER_QI, ev("discovery_order", outcome="granted", scope="general"),
             ev("discovery", by="doe", against="city"))
    assert codes(d)[2:] == [["QI201", "QI202", "QI302"], []]


def test_appealable_last_order_and_denied():
    """'appealable reports the last discovery order that took effect'; 'for every denied order' not."""
    order = ev("discovery_order", outcome="granted", scope="general", against=["smith"])
    assert judge(case(COMPLAINT, ANSWER_QI, order)).appealable is True
    assert judge(case(COMPLAINT, ANSWER_QI, order, ev("discovery_order", outcome="denied"))).appealable is False
    assert judge(case(COMPLAINT, ANSWER_QI)).appealable is None


# ---- covers --------------------------------------------------------------------------------------

def test_general_order_entered_before_qi_covers_nothing_after():
    """'A general order covers such an official for nothing, whenever it was entered.'"""
    d = case(COMPLAINT, ev("discovery_order", outcome="granted", scope="general", against=["smith"]),
             ANSWER_QI, ev("discovery", by="doe", against="smith"))
    v = judge(d)
    assert v.codes[1] == [] and v.codes[3] == ["QI301"] and v.discovery_authorized is False


def test_limited_covers_only_requests_on_questions_concerning_p():
    """'just its authorized requests that address an identified fact question concerning P'."""
    d = case(COMPLAINT, ANSWER_QI, MOTION_R1, GOOD_ORDER,
             ev("discovery", by="doe", against="smith", requests=["r1"]),
             ev("discovery", by="doe", against="smith", requests=["r1", "r2"]),
             ev("discovery", by="doe", against="smith"))
    assert codes(d)[4:] == [[], ["QI301"], ["QI301"]]


def test_other_party_limited_order_covers_authorized_requests():
    """'any other P: all discovery if the scope is general, else just its authorized requests'."""
    order = ev("discovery_order", outcome="granted", against=["city"], authorized=[{"request": "r1"}])
    d = case(COMPLAINT, ANSWER_QI, MOTION_R1, order,
             ev("discovery", by="doe", against="city", requests=["r1"]),
             ev("discovery", by="doe", against="city", requests=["r2"]))
    assert codes(d)[3:] == [["QI303"], [], ["QI303"]]


def test_discovery_without_requests_needs_all_discovery_order():
    """'Discovery that lists no request is covered only by an order covering the party for all discovery.'"""
    order = ev("discovery_order", outcome="granted", against=["city"], authorized=[{"request": "r1"}])
    d = case(COMPLAINT, ANSWER_QI, MOTION_R1, order, ev("discovery", by="doe", against="city"))
    assert codes(d)[4] == ["QI303"]


def test_discovery_qi101_own_pending_motion():
    """discovery: 'QI101 if a QI motion to dismiss is pending for P (from CARSWELL)'."""
    d = [COMPLAINT, MTD_QI, ev("discovery", by="doe", against="smith")]
    assert codes(case(*d))[2] == ["QI101", "QI301"]
    assert codes(case(*d, law=MIDDLE))[2] == ["QI301"]


def test_discovery_pre_wicks_needs_no_gate1():
    """'only if the scope is limited and (from WICKS) P has the gate-1 holding'."""
    order = ev("discovery_order", outcome="granted", against=["smith"], fact_questions=FQ,
               authorized=[{"request": "r1", "addresses": ["q1"]}])
    d = [COMPLAINT, ANSWER_QI, MOTION_R1, order, ev("discovery", by="doe", against="smith", requests=["r1"])]
    assert codes(case(*d, law=EARLY))[4] == []
    assert codes(case(*d, law=MIDDLE))[4] == ["QI301"]


# ---- stayed / vacated ---------------------------------------------------------------------------

def test_stay_takes_orders_out_of_force_keeps_findings():
    """'takes every earlier order out of force as to them; ... (a stay keeps them). It raises no code and,
    like a denied order, is not immediately appealable.'"""
    d = case(COMPLAINT, ANSWER_QI, MOTION_R1, ev("discovery_order", outcome="granted", scope="general",
                                                 against=["smith"], pleadings_overcome_qi=True, fact_questions=FQ),
             ev("discovery_order", outcome="stayed", against=["smith"]),
             ev("discovery", by="doe", against="smith", requests=["r1"]),
             ev("discovery_order", outcome="granted", against=["smith"],
                authorized=[{"request": "r1", "addresses": ["q1"]}]))
    v = judge(d)
    assert v.codes[3] == ["QI302"] and v.codes[4] == [] and v.codes[5] == ["QI301"] and v.codes[6] == []
    assert v.appealable is False


def test_vacatur_kills_findings():
    """'a vacatur also makes those orders' findings stop counting for them'."""
    d = case(COMPLAINT, ANSWER_QI, MOTION_R1, GOOD_ORDER, ev("discovery_order", outcome="vacated"),
             ev("discovery", by="doe", against="smith", requests=["r1"]),
             ev("discovery_order", outcome="granted", against=["smith"],
                authorized=[{"request": "r1", "addresses": ["q1"]}]))
    v = judge(d)
    assert v.codes[4] == [] and v.codes[5] == ["QI301"] and v.codes[6] == ["QI201", "QI202", "QI203"]


def test_stay_as_to_city_only():
    """'as to the parties in against': smith's order stays in force."""
    d = case(COMPLAINT, ANSWER_QI, MOTION_R1, GOOD_ORDER, ev("discovery_order", outcome="stayed",
                                                             against=["city"]),
             ev("discovery", by="doe", against="smith", requests=["r1"]))
    v = judge(d)
    assert v.codes[5] == [] and v.discovery_authorized is True


# ---- conference / joint report -------------------------------------------------------------------

def test_qi501_qi502_late():
    """'conference dated after the latest conference_order's confer_by: QI501. joint_report dated after its
    report_by: QI502.'"""
    d = case(COMPLAINT, ev("conference_order", confer_by="2023-01-27", report_by="2023-02-03"),
             ev("conference", date_filed="2023-01-28"), ev("joint_report", date_filed="2023-02-03"),
             ev("joint_report", date_filed=dt.date(2023, 2, 4)), ev("conference", date_filed="2023-01-27"),
             ev("conference"), mode="strict")
    v = judge(d)
    assert v.codes[2:] == [["QI501"], [], ["QI502"], [], []] and v.refused == []


# ---- strict mode, unnumbered entries, defaults ---------------------------------------------------

def test_strict_refused_entries_change_nothing():
    """'a refused entry changes nothing, its number goes in refused, and its codes still appear'."""
    bad_order = ev("discovery_order", outcome="granted", scope="general", against=["smith"])
    d = case(COMPLAINT, ANSWER_QI, bad_order, ev("discovery", by="doe", against="smith"), mode="strict")
    v = judge(d)
    assert v.codes[2] == ["QI201", "QI202", "QI302"] and v.codes[3] == ["QI301"]
    assert v.refused == [3, 4] and v.appealable is None and v.discovery_authorized is False
    assert v.all_codes == ["QI201", "QI202", "QI301", "QI302"]


def test_strict_refused_deferral_leaves_no_findings():
    """A refused deferral 'changes nothing': its holding and questions do not count."""
    d = case(COMPLAINT, MTD_QI, ev("motion_to_dismiss_ruling", motion=2, outcome="deferred",
                                   pleadings_overcome_qi=True, fact_questions=FQ),
             ev("motion_to_dismiss_ruling", motion=2, outcome="denied"), MOTION_R1,
             ev("discovery_order", outcome="granted", against=["smith"],
                authorized=[{"request": "r1", "addresses": ["q1"]}]), mode="strict")
    v = judge(d)
    assert v.refused == [3]
    assert v.codes[5] == []  # smith's QI is resolved (denied): O is empty; C = [smith]; no one unresolved


def test_strict_warning_not_refused():
    """Only error-severity codes refuse: QI303 is a warning."""
    d = case(COMPLAINT, ANSWER_QI, ev("discovery_order", outcome="granted", scope="general", against=["city"]),
             mode="strict")
    v = judge(d)
    assert v.refused == [] and v.appealable is False


def test_unnumbered_entries_refused_by_position():
    """'An entry without entry_number is named by its 1-based position in the docket (in refused too)'."""
    d = case(COMPLAINT, ANSWER_QI, dict(ev("discovery", by="doe", against="smith"), unnumbered=True),
             mode="strict")
    assert judge(d).refused == [3]
    d["docket"][2]["entry_number"] = 99
    assert judge(d).refused == [99]


def test_mode_and_law_overrides():
    d = case(COMPLAINT, MTD_QI, ev("discovery", by="doe", against="smith"), law=None)
    assert judge(d).codes[2] == ["QI101", "QI301"]  # default: today's law
    assert judge(d, law_as_of=dt.date(2000, 1, 1)).codes[2] == ["QI301"]
    assert judge(d, law_as_of="2000-01-01", mode="strict").refused == [3]


def test_careful_procedure_authorizes_discovery():
    """'discovery_authorized is true when at least one official P still in the case could now be subjected to
    discovery under an order in force that covers P for something'."""
    d = case(COMPLAINT, ANSWER_QI, ev("reply_order"), ev("reply", by="doe"), ev("sj_notice", by="smith"),
             MOTION_R1, ev("response", by="smith", to=6), GOOD_ORDER,
             ev("discovery", by="doe", against="smith", requests=["r1"]))
    v = judge(d)
    assert v.all_codes == [] and v.discovery_authorized is True and v.appealable is False


@pytest.mark.parametrize("law", ["1995-01-05", "2010-01-01", "2022-06-16", "2022-06-17", "2026-01-01"])
def test_order_with_nothing_pending_is_lawful_in_every_era(law):
    v = judge(case(COMPLAINT, ANSWER_QI, MOTION_R1, GOOD_ORDER, law=law))
    assert v.all_codes == []


# ---- more sub-rules: the latest standing entry decides, grants in part, renders on a qi_ruling ----

def test_latest_standing_entry_decides_after_undoing():
    """'The latest such entry still standing decides': a reversed qi_ruling grant leaves the earlier denial
    standing, so smith is back in the case with QI resolved (denied)."""
    d = case(COMPLAINT, MTD_QI, ev("motion_to_dismiss_ruling", motion=2, outcome="denied"),
             ev("qi_ruling", outcome="granted", defendants=["smith"]), ev("appeal", by="doe", frm=4),
             ev("appeal_ruling", appeal=5, outcome="reversed"),
             ev("discovery_order", outcome="granted", scope="general", against=["smith"]))
    v = judge(d)
    assert v.codes[6] == [] and v.discovery_authorized is True


def test_grant_in_part_appealed_like_a_denial():
    """'a grant in part can be appealed like a denial' (s.12.9): pending appeal keeps QI unresolved;
    reversed on the official's appeal, QI is granted by the court of appeals."""
    base = [COMPLAINT, MTD_QI, ev("motion_to_dismiss_ruling", motion=2, outcome="granted_in_part"),
            ev("appeal", by="smith", frm=3)]
    assert codes(case(*base, ev("discovery", by="doe", against="smith")))[4] == ["QI301", "QI401"]
    d = case(*base, ev("appeal_ruling", appeal=4, outcome="reversed"),
             ev("discovery_order", outcome="granted", scope="general", against=["smith"]))
    assert judge(d).discovery_authorized is False  # out of the case


def test_renders_on_qi_ruling():
    """'F a ruling on a QI motion to dismiss or a qi_ruling: with renders: qi_granted ... QI is granted by
    the court of appeals for them'."""
    d = case(COMPLAINT, ANSWER_QI, ev("qi_ruling", outcome="denied", basis="fact_dispute"),
             ev("appeal", by="smith", frm=3), ev("appeal_ruling", appeal=4, outcome="vacated", renders="qi_granted"),
             ev("discovery_order", outcome="granted", scope="general", against=["smith"]))
    v = judge(d)
    assert v.codes[5] == [] and v.discovery_authorized is False


def test_vacated_qi_ruling_without_renders_reopens_qi():
    """'F no longer counts in deciding whether their QI is resolved (the latest other resolving entry still
    standing decides, else it is unresolved)'."""
    d = case(COMPLAINT, ANSWER_QI, ev("qi_ruling", outcome="denied"), ev("appeal", by="smith", frm=3),
             ev("appeal_ruling", appeal=4, outcome="vacated"), ev("discovery", by="doe", against="smith"))
    assert codes(d)[5] == ["QI301"]


def test_undone_deferral_findings_stop_counting():
    """'A finding made in an order or ruling later undone on appeal no longer counts for the parties the
    undoing names.' (WICKS..CARSWELL, where the deferral with findings is lawful.)"""
    d = case(COMPLAINT, MTD_QI,
             ev("motion_to_dismiss_ruling", motion=2, outcome="deferred", pleadings_overcome_qi=True,
                fact_questions=FQ),
             ev("appeal", by="smith", frm=3), ev("appeal_ruling", appeal=4, outcome="vacated"), MOTION_R1,
             ev("discovery_order", outcome="granted", against=["smith"],
                authorized=[{"request": "r1", "addresses": ["q1"]}]), law=MIDDLE)
    assert codes(d)[6] == ["QI201", "QI202", "QI203"]


def test_reading_a1_motion_pending_after_judgment():
    """Reading A1: a judgment takes smith out but does not decide his QI motion, which stays pending; step 1
    ('if any QI motion to dismiss is pending') fires for an order reaching only the city."""
    d = case(COMPLAINT, MTD_QI, ev("judgment", outcome="dismissed", defendants=["smith"]),
             ev("discovery_order", outcome="granted", scope="general", against=["city"]))
    assert codes(d)[3] == ["QI101"]  # no QI303: no official still in the case has unresolved QI


def test_fact_question_as_to_empty_concerns_no_one():
    """'A fact question concerns the officials in its as_to list' - an empty list concerns no one."""
    order = ev("discovery_order", outcome="granted", against=["smith"], pleadings_overcome_qi=True,
               fact_questions=[{"id": "q1", "text": "x", "as_to": []}],
               authorized=[{"request": "r1", "addresses": ["q1"]}])
    assert codes(case(COMPLAINT, ANSWER_QI, MOTION_R1, order))[3] == ["QI202"]


def test_deciding_ruling_questions_are_not_identified():
    """'Identified fact questions: every fact_questions item of this or any earlier discovery order ... or
    deferral' - not of a ruling that decides."""
    d = case(COMPLAINT, MTD_QI, ev("motion_to_dismiss_ruling", motion=2, outcome="denied", fact_questions=FQ),
             MOTION_R1, ev("appeal", by="smith", frm=3),
             ev("discovery_order", outcome="granted", against=["smith"],
                authorized=[{"request": "r1", "addresses": ["q1"]}]))
    assert codes(d)[5] == ["QI202", "QI203", "QI401"]


# ---- metamorphic checks of the oracle itself on random dockets ----------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.support.dockets import scenarios  # noqa: E402

_FAST = settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@_FAST
@given(scenarios(), st.data())
def test_entries_without_effect_change_nothing(d, data):
    """`order` and `other` entries have 'no procedural effect' (SCENARIOS.md): inserting one anywhere leaves
    every other entry's codes and the verdict unchanged."""
    before = judge(d)
    at = data.draw(st.integers(0, len(d["docket"])))
    d2 = dict(d, docket=d["docket"][:at] + [{"event": "other"}] + d["docket"][at:])
    after = judge(d2)
    assert after.codes[:at] + after.codes[at + 1:] == before.codes
    assert (after.discovery_authorized, after.appealable, after.all_codes) == \
        (before.discovery_authorized, before.appealable, before.all_codes)


@_FAST
@given(scenarios())
def test_strict_equals_audit_when_nothing_is_unlawful(d):
    """Strict mode refuses only entries raising an error other than QI001: with none, it is the audit."""
    audit, strict = judge(d, mode="audit"), judge(d, mode="strict")
    errors = [c for c in audit.all_codes if c not in ("QI001", "QI303", "QI501", "QI502")]
    if not errors:
        assert strict == audit
    assert set(strict.refused) <= {e.get("entry_number", i + 1) for i, e in enumerate(d["docket"])}


@_FAST
@given(scenarios())
def test_codes_not_in_force_are_never_raised(d):
    """s.10: 'A code not yet in force on the day a docket is judged is never raised.'"""
    assert "QI101" not in judge(d, law_as_of="2022-06-16").all_codes
    assert "QI201" not in judge(d, law_as_of="1995-01-05").all_codes
