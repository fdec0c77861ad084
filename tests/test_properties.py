"""Random whole dockets (Hypothesis): strict runs never break an invariant; audit runs match the oracle."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings

from qiflow import models as m
from qiflow.audit import audit
from qiflow.engine import Case
from qiflow.invariants import SAFETY, TAKEN_WHILE_GATES_HOLD, broken
from qiflow.procedure import PROCEDURE, Procedure
from qiflow.verify import explore
from tests import oracle
from tests.strategies import scenarios

TODAY = dt.date(2025, 1, 1)
PROVED = tuple(x for x in SAFETY if x is not TAKEN_WHILE_GATES_HOLD)
"""Every safety invariant but the one LAW.md s.11 itself lets a docket break (see test_verify)."""


def breach(scenario: m.Scenario, procedure: Procedure = PROCEDURE) -> str | None:
    """The first invariant a strict run of ``scenario`` breaks, if any."""
    case = Case(scenario.parties, scenario.law_as_of or TODAY, strict=True, procedure=procedure)
    try:
        for entry in scenario.docket:
            step = case.step(entry)
            if step.accepted and (bad := broken(step.before, entry, step.after, PROVED)):
                return bad[0].name
    finally:
        case.close()
    return None


@settings(max_examples=300)
@given(scenarios(mode="strict"))
def test_strict_runs_keep_every_invariant(scenario: m.Scenario) -> None:
    assert breach(scenario) is None


@settings(max_examples=300)
@given(scenarios())
def test_audit_codes_match_the_oracle(scenario: m.Scenario) -> None:
    report = audit(scenario, today=TODAY)
    assert [e.codes for e in report.entries] == oracle.codes(scenario, TODAY)


@pytest.mark.parametrize("guard", [g.name for g in PROCEDURE.blocking_guards], ids=str)
def test_removing_a_guard_breaks_the_property(guard: str) -> None:
    """The strict-mode property's body fails on the weakened procedure (on the explorer's docket)."""
    if guard == "fact_questions":
        pytest.xfail("redundant in strict mode: QI203/QI302 refuse every order QI202 would (see test_verify)")
    weakened = PROCEDURE.without(guard)
    docket = explore(weakened).counterexample
    assert docket is not None
    strict = docket.model_copy(update={"mode": "strict"})
    assert breach(strict, weakened) is not None
    assert breach(strict) is None  # the full law refuses it


@settings(max_examples=200)
@given(scenarios())
def test_pure_routing_agrees_with_the_transitions_machine(scenario: m.Scenario) -> None:
    case = Case(scenario.parties, scenario.law_as_of or TODAY, strict=False)
    try:
        for entry in scenario.docket:
            step = case.step(entry)
            assert step.phase == PROCEDURE.next_phase(step.phase_before, entry, step.after)
    finally:
        case.close()
