"""What a corpus needs of one docket, without the explanations: codes, appealability, discovery, refusals.

``verdict`` is the fold of ``engine.step`` that ``audit`` makes, read off the same procedure table in one
loop: for each entry kind, the guards in force on the day (their formulas, as ``Procedure.rules`` gives
them), its effect (``law.effects``) and its routes (``Procedure.route``). It keeps only the current posture
and each guard's code, not the facts for its message. ``tests/test_verdict.py`` holds it equal to the
fold of ``step`` on every library file and on random dockets, in both modes and under each era's law.
"""

from __future__ import annotations

import bisect
import datetime as dt
from typing import NamedTuple

from qiflow import scenario as m
from qiflow.engine.refs import REF_FIELDS, by_ref, ids
from qiflow.engine.report import Out
from qiflow.law.codes import APPEALABLE_CODES
from qiflow.law.effects import Effect, effect_of
from qiflow.law.guards import Formula
from qiflow.law.posture import Posture
from qiflow.procedure.careful import PROCEDURE
from qiflow.procedure.model import Procedure


class Verdict(Out):
    """The judgment of one docket: a pure function of its scenario (and the day its law is read as of)."""

    title: str
    court: str | None
    law_as_of: dt.date | None
    mode: str
    state: str
    codes: list[str]
    errors: list[str]
    appealable: bool | None
    discovery_authorized: bool
    refused: list[int]
    entries: int


class Rule(NamedTuple):
    """A guard in force, as the verdict asks it: its formula, its code, and what breaking it means."""

    formula: Formula
    code: str
    is_error: bool
    blocks: bool


class Kind(NamedTuple):
    """One entry kind as the procedure treats it on a day: its move's event, the rules in force on it, its
    effect (None: it leaves the posture as it was), whether it ever changes the phase, and where it refers."""

    event: str
    rules: tuple[Rule, ...]
    effect: Effect | None
    stays: bool
    refers: str | None
    """The field in which it names an earlier entry (``refs.REF_FIELDS``), if it does."""


def kinds(procedure: Procedure, day: dt.date) -> dict[type[m.Entry], Kind]:
    """Each entry kind's ``Kind`` on ``day``."""
    out = {}
    for event, kind in m.EVENT_MODELS.items():
        rules = tuple(Rule(formula, g.code.code, g.code.is_error, g.blocks) for g, formula in procedure.rules(event, day))
        out[kind] = Kind(event, rules, effect_of(kind), procedure.move[event].stays, REF_FIELDS.get(kind))
    return out


_CHANGES = sorted({day for guard in PROCEDURE.guards for day in guard.changes_on})
"""The days on which some guard's formula changes: between two of them, the law's table is the same."""
_TABLES: dict[dt.date, dict[type[m.Entry], Kind]] = {}
"""``kinds(PROCEDURE, ...)`` by the first day of each span (a corpus judged as of many days holds a few)."""


def _table(day: dt.date) -> dict[type[m.Entry], Kind]:
    since = bisect.bisect_right(_CHANGES, day)
    start = _CHANGES[since - 1] if since else dt.date.min
    table = _TABLES.get(start)
    if table is None:
        table = _TABLES[start] = kinds(PROCEDURE, start)
    return table


def verdict(scenario: m.Scenario, *, law_as_of: dt.date | None = None, mode: str | None = None) -> Verdict:
    """Judge ``scenario`` (LAW.md s.11) and keep only the verdict: what ``audit`` finds, without the explanations,
    holding only the current posture (memory flat in the docket's length)."""
    given = law_as_of or scenario.law_as_of
    strict = (mode or scenario.mode) == "strict"
    day = given or dt.date.today()
    table, fixed, route = _table(day), PROCEDURE.fixed_routes, PROCEDURE.route
    phase, posture = PROCEDURE.initial, Posture.start(scenario.parties, day, scenario.docket)
    codes: set[str] = set()
    errors: set[str] = set()
    refused: list[int] = []
    appealable: bool | None = None
    refs: dict[str, int] | None = None  # entry ids, read only if an entry refers to one (``refs.resolved``)
    position = 0
    for entry in scenario.docket:
        position += 1
        number = entry.entry_number
        ref = number if number is not None else -position
        event, rules, effect, stays, refers = table[type(entry)]
        if refers is not None and isinstance(getattr(entry, refers), str):
            refs = refs if refs is not None else ids(scenario.docket)
            entry = by_ref(entry, refers, refs)
        broken: tuple[Rule, ...] = ()
        for rule in rules:
            if rule.formula(entry, posture, ref) is not None:
                codes.add(rule.code)
                if rule.is_error:
                    errors.add(rule.code)
                broken += (rule,)
        if broken and strict and any(rule.blocks for rule in broken):
            refused.append(number if number is not None else position)
            continue  # strict mode: a refused entry has no effect
        after = posture if effect is None else effect(entry, posture, ref)
        if type(entry) is m.DiscoveryOrder:  # not isinstance: pydantic models are ABCs, slow to ask of another kind
            appealable = entry.grants and any(rule.code in APPEALABLE_CODES for rule in broken)
        if not stays:
            phase = fixed.get((event, phase)) or route(event, phase, entry, after)
        posture = after
    return Verdict.made(  # every value is made here, of the declared type: nothing to validate
        title=scenario.title, court=scenario.court, law_as_of=given, mode="strict" if strict else "audit",
        state=phase, codes=sorted(codes), errors=sorted(errors), appealable=appealable,
        discovery_authorized=posture.discovery_authorized, refused=refused, entries=len(scenario.docket),
    )
