"""``verdict`` reads the procedure's table in one loop of its own: it must say what the fold of ``step`` says.

``audit`` is the fold of ``engine.step`` (judge, then apply and route); ``verdict`` reads the same guards,
effects and routes from ``PROCEDURE`` through a table per span of days (``verdict.kinds``). These tests hold
the two equal on every library file and on random dockets, in both modes and under each era's law, and
show that the comparison catches a table that has lost a guard.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qiflow.engine import verdict as v
from qiflow.engine.expect import scenario_files
from qiflow.engine.run import audit
from qiflow.files.load import load
from qiflow.law.eras import CARSWELL, WICKS
from qiflow.procedure.careful import PROCEDURE
from qiflow.scenario import Scenario
from tests.support.dockets import scenarios

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"
LIBRARY = [load(p) for p in scenario_files([SCENARIOS])]
DAYS = (None, WICKS - dt.timedelta(days=1), WICKS, CARSWELL - dt.timedelta(days=1), CARSWELL, dt.date(2026, 1, 1))
"""The scenario's own day, and each side of each day the law changed."""
MODES = (None, "audit", "strict")


def by_the_fold(scenario: Scenario, law_as_of: dt.date | None, mode: str | None) -> tuple:
    """What the fold of ``step`` (``audit``) says of the verdict's fields."""
    r = audit(scenario, law_as_of=law_as_of, mode=mode)
    codes = sorted({x.code for x in r.violations})
    errors = sorted({x.code for x in r.violations if x.severity == "error"})
    return (r.state, codes, errors, r.appealable, r.discovery_authorized, r.refused, r.mode, r.law_as_of)


def by_the_verdict(scenario: Scenario, law_as_of: dt.date | None, mode: str | None) -> tuple:
    x = v.verdict(scenario, law_as_of=law_as_of, mode=mode)
    assert x.entries == len(scenario.docket) and x.title == scenario.title and x.court == scenario.court
    return (x.state, x.codes, x.errors, x.appealable, x.discovery_authorized, x.refused, x.mode, x.law_as_of)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("law_as_of", DAYS)
def test_the_verdict_is_the_fold_of_step_on_the_library(law_as_of: dt.date | None, mode: str | None) -> None:
    for scenario in LIBRARY:
        assert by_the_verdict(scenario, law_as_of, mode) == by_the_fold(scenario, law_as_of, mode), scenario.title


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(scenarios(), st.sampled_from(DAYS), st.sampled_from(MODES))
def test_the_verdict_is_the_fold_of_step_on_random_dockets(d: dict, law_as_of: dt.date | None, mode: str | None) -> None:
    scenario = Scenario.model_validate(d)
    assert by_the_verdict(scenario, law_as_of, mode) == by_the_fold(scenario, law_as_of, mode)


KINDS = v.kinds
"""The verdict's own table builder, kept before a test replaces it."""


def test_the_comparison_catches_a_table_that_lost_a_guard(monkeypatch: pytest.MonkeyPatch) -> None:
    """With gate 3 (``narrowly_tailored``) gone from the verdict's tables, some library file reads otherwise."""
    weakened = PROCEDURE.without("narrowly_tailored")
    monkeypatch.setattr(v, "_TABLES", {})
    monkeypatch.setattr(v, "kinds", lambda procedure, day: KINDS(weakened, day))
    assert [s.title for s in LIBRARY if by_the_verdict(s, None, None) != by_the_fold(s, None, None)]


def test_each_span_of_days_has_the_table_of_every_day_in_it() -> None:
    """A table is kept for the first day of each span over which no guard's formula changes: it must be the
    table of the span's last day too, and of the days either side of every change."""
    changes = [d for d in v._CHANGES if d > dt.date.min]
    assert changes, "some guard took effect on a known day"
    either_side = [d + dt.timedelta(days=k) for d in changes for k in (-1, 1)]
    for day in [dt.date.min, *v._CHANGES, *either_side, dt.date(2026, 12, 1)]:
        assert v._table(day) == v.kinds(PROCEDURE, day), day


def test_a_fixed_route_is_the_first_route_and_has_no_condition() -> None:
    for (event, phase), dest in PROCEDURE.fixed_routes.items():
        first = PROCEDURE.routes(event, phase)[0]
        assert first.dest == dest and not first.when
    assert PROCEDURE.fixed_routes  # the complaint, the reply, the response and others route so
