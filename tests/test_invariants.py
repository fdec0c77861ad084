"""Each invariant, on a small docket that keeps it and one that breaks it (audit mode applies every entry)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from types import CodeType

import pytest
from hypothesis import given, settings

from qiflow import scenario as m
from qiflow.engine.step import Docket
from qiflow.law.doctrines import cites_of
from qiflow.law.invariants import INVARIANT, SAFETY, Invariant, broken
from tests.support import walks

CAST = [{"id": "pat", "name": "P", "role": "plaintiff"}, {"id": "o1", "name": "O", "role": "defendant"},
        {"id": "city", "name": "C", "role": "defendant", "kind": "municipality"}]
ANSWER = {"event": "answer", "by": "o1", "asserts_qi": True}
MOTION = {"event": "discovery_motion", "requests": [{"id": "r1"}, {"id": "r2"}]}
LAWFUL = {"event": "discovery_order", "outcome": "granted", "against": ["o1"], "pleadings_overcome_qi": True,
          "fact_questions": [{"id": "q1"}], "authorized": [{"request": "r1", "addresses": ["q1"]}]}


def _broken(docket: list[dict], day: dt.date = dt.date(2024, 1, 1)) -> set[str]:
    entries = m.Scenario.model_validate({"qiflow": 1, "title": "t", "parties": CAST, "docket": [
        {**e, "entry_number": i} for i, e in enumerate(docket, 1)]})
    case = Docket(entries.parties, day, strict=False)
    names = set()
    for entry in entries.docket:
        step = case.step(entry)
        names |= {x.name for x in broken(step.before, entry, step.after)}
    return names


def test_the_lawful_path_keeps_every_invariant() -> None:
    assert _broken([ANSWER, MOTION, LAWFUL, {"event": "discovery", "against": "o1", "requests": ["r1"]}]) == set()


@pytest.mark.parametrize("name, docket", [
    ("court_not_divested", [{"event": "motion_to_dismiss", "by": "o1", "asserts_qi": True},
                            {"event": "motion_to_dismiss_ruling", "motion": 1, "outcome": "denied"},
                            {"event": "appeal", "by": "o1", "from": 2}, {"event": "qi_ruling", "outcome": "denied"}]),
    ("court_not_divested", [{"event": "motion_to_dismiss", "by": "o1", "asserts_qi": True},  # why it names judgments
                            {"event": "motion_to_dismiss_ruling", "motion": 1, "outcome": "denied"},
                            {"event": "appeal", "by": "o1", "from": 2}, {"event": "judgment", "outcome": "for_plaintiff"}]),
    ("qi_motion_decided", [{"event": "motion_to_dismiss", "by": "o1", "asserts_qi": True},
                           {"event": "motion_to_dismiss_ruling", "motion": 1, "outcome": "deferred"}]),
    ("orders_through_gates", [ANSWER, MOTION, {**LAWFUL, "pleadings_overcome_qi": False}]),
    ("discovery_through_gates", [ANSWER, {"event": "discovery", "against": "o1"}]),
    ("discovery_through_gates", [MOTION, {**LAWFUL, "against": None, "scope": "general"}, ANSWER,
                                 {"event": "discovery", "against": "o1", "requests": ["r1"]}]),
    ("gates_in_order", [ANSWER, MOTION, {**LAWFUL, "pleadings_overcome_qi": False}]),
    ("requests_in_order", [ANSWER, MOTION, {**LAWFUL, "authorized": [{"request": "r2"}]}]),
    ("no_merits_discovery", [ANSWER, {**LAWFUL, "scope": "general", "authorized": []}]),
], ids=lambda x: x if isinstance(x, str) else "")
def test_each_invariant_is_broken_by_its_departure(name: str, docket: list[dict]) -> None:
    assert name in _broken(docket)


def test_before_carswell_a_deferral_with_the_findings_is_kept() -> None:
    deferral = {"event": "motion_to_dismiss_ruling", "motion": 1, "outcome": "deferred",
                "pleadings_overcome_qi": True, "fact_questions": [{"id": "q1"}]}
    docket = [{"event": "motion_to_dismiss", "by": "o1", "asserts_qi": True}, deferral]
    assert _broken(docket, dt.date(2021, 1, 1)) == set()
    assert _broken(docket) == {"qi_motion_decided"}


def test_every_invariant_carries_authorities_and_a_paraphrase() -> None:
    assert all(x.authorities and x.paraphrase for x in INVARIANT.values())
    assert len(SAFETY) == len(INVARIANT) - 1  # the liveness invariant is checked by the explorer


def _names_read(code: CodeType) -> set[str]:
    """The global names a function's code reads, its comprehensions' included."""
    return set(code.co_names).union(*(_names_read(c) for c in code.co_consts if isinstance(c, CodeType)))


def test_each_invariant_states_as_data_the_days_its_check_reads() -> None:
    from qiflow.law import invariants as inv
    from qiflow.law.eras import CARSWELL, WICKS

    assert (inv.WICKS_DAY, inv.CARSWELL_DAY) == (WICKS, CARSWELL)  # restated, not borrowed, but the same days
    days = {"WICKS_DAY": inv.WICKS_DAY, "CARSWELL_DAY": inv.CARSWELL_DAY}
    for x in SAFETY:
        check = x.state or x.step
        assert check is not None
        read = {day for name, day in days.items() if name in _names_read(check.__code__)}
        assert {day for day, _, _ in x.dated} == read, x.name
        assert [day for day, _, _ in x.dated] == sorted(day for day, _, _ in x.dated), x.name
        for day, doctrine, _ in x.dated:  # the term's authority: a doctrine it rests on, citing that day's decision
            assert doctrine in x.rests_on, (x.name, doctrine.name)
            assert any(c.case.decided == day for c in cites_of(doctrine, day=day)), (x.name, doctrine.name, day)



def _terms_fail_only_on_their_kinds(invariants: list[Invariant]) -> Callable[[], None]:
    """The property the explorer relies on when it asks each step term only of the kinds in its ``on``. In
    audit mode every entry is taken, so random dockets break the terms freely; each break must come from a
    kind the term names."""

    @settings(max_examples=300, derandomize=True, database=None)
    @given(walks.scenarios(mode="audit"))
    def prop(scenario: m.Scenario) -> None:
        case = Docket(scenario.parties, scenario.law_as_of or dt.date(2025, 1, 1), strict=False)
        for entry in scenario.docket:
            step = case.step(entry)
            for x in invariants:
                assert isinstance(entry, x.on) or x.step(step.before, entry, step.after), (x.name, entry.event)

    return prop


def test_a_step_term_fails_only_on_the_entry_kinds_it_names() -> None:
    _terms_fail_only_on_their_kinds([x for x in SAFETY if x.step and x.on])()


def test_a_term_naming_too_few_kinds_is_caught() -> None:
    narrowed = replace(INVARIANT["no_merits_discovery"], on=(m.DiscoveryOrder,))  # untied discovery left out
    with pytest.raises(AssertionError, match="no_merits_discovery"):
        _terms_fail_only_on_their_kinds([narrowed])()

