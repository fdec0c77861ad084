"""What a run produces: the report models (pydantic), serialised as JSON by the CLI."""

from __future__ import annotations

import datetime as dt
from typing import Any, Self

from pydantic import BaseModel, ConfigDict

_set = object.__setattr__
_EVERY_FIELD: dict[type, set[str]] = {}
"""Each model's field names (its ``model_fields``), the fields set of every instance made: one set for all of
them, not one each (a report kept holds a sixth fewer objects for the collector to walk). Pydantic copies it
before adding to it (``model_copy``), and the models are frozen."""


class Out(BaseModel):
    model_config = ConfigDict(frozen=True)

    @classmethod
    def made(cls, **values: Any) -> Self:
        """A model from values the engine made itself: every field given, each of its declared type, none shared
        with anything that could change it. It does what ``model_construct`` does, without the per-field search for
        aliases and defaults that makes ``model_construct`` slower than validating: an entry's report is made in a
        third of the time it takes to validate, and a report makes dozens. ``tests/test_engine.py`` checks that
        every model made so is what validating its dump gives."""
        out = cls.__new__(cls)
        _set(out, "__dict__", values)
        every = _EVERY_FIELD.get(cls)
        if every is None:
            every = _EVERY_FIELD[cls] = set(cls.model_fields)
        _set(out, "__pydantic_fields_set__", every)
        _set(out, "__pydantic_extra__", None)
        _set(out, "__pydantic_private__", None)
        return out


class Violation(Out):
    code: str
    name: str
    severity: str
    entry_number: int | None
    position: int
    message: str
    authorities: list[str]
    cites: list[dict[str, object]] = []
    """Each authority with its pin kept and ``pin_verified`` (LAW.md "Markers")."""
    settled: bool = True
    refused: bool = False
    since: dt.date | None = None
    """The day the code took effect, if it has not always been the law."""


class OfficialStanding(Out):
    """One official's QI at a moment, in words."""

    id: str
    name: str
    qi: str
    """"not asserted", "asserted, undecided", "decided at the pleadings stage (denied)", "granted: out of the case", ..."""
    burden: str
    """Who must show QI does or does not apply: "plaintiff" once QI is asserted, else "official"."""
    gate1: bool
    """The explicit holding that the pleadings overcome QI, as to this official."""
    fact_questions: list[str]
    """Texts of the identified fact questions concerning this official."""
    qi_motion_pending: list[str]
    """Labels of this official's QI motions to dismiss still pending ("Dkt. 8")."""
    appeal_pending: list[str]
    """Labels of this official's interlocutory appeals pending ("Dkt. 40")."""
    in_case: bool


class OrderStanding(Out):
    """A discovery order in force, in words."""

    label: str
    scope: str
    against: list[str]
    """Names of the parties it names."""
    authorized: list[str]
    """Texts of the requests it authorizes."""


class Standing(Out):
    """Where the case stands after an entry: the phase, pending motions, gates per official, orders in force."""

    phase: str
    phase_label: str
    officials: list[OfficialStanding]
    orders_in_force: list[OrderStanding]
    appeals_pending: list[str]


class EntryReport(Out):
    entry_number: int | None
    position: int
    label: str
    """"Dkt. 37", or "Entry 5" (its place in the docket) when it has no docket number."""
    event: str
    event_label: str
    date_filed: dt.date | None
    date_label: str
    """"Feb. 9, 2023", or "date unknown"."""
    description: str | None
    by: list[str]
    accepted: bool
    phase_before: str
    phase: str
    phase_label: str
    in_usual_order: bool
    codes: list[str]
    explanation: str
    authorities: list[str]
    """Every authority for the entry, as a court could cite it on the day judged, each once."""
    cites: list[dict[str, object]] = []
    cite: str | None = None
    """The one short cite the text view shows (the first authority)."""
    standing: Standing


class NextMove(Out):
    event: str
    label: str
    actor: str
    """Who makes the move: "plaintiff", "official", "city", "district court" or "court of appeals"."""
    open: bool
    why: str
    authorities: list[str]


class OfficialStatus(Out):
    id: str
    name: str
    qi_asserted: bool
    qi_status: str
    burden: str
    gate1: bool
    in_case: bool


class Report(Out):
    title: str
    file: str | None
    mode: str
    law_as_of: dt.date | None
    """The day asked for (the scenario's ``law_as_of`` or ``--law-as-of``); None: today's law."""
    judged_as_of: dt.date
    era: str
    law: str
    """The variant of the law: v2 (LAW.md version 2), or v1 for the history."""
    carswell_rules: bool
    state: str
    state_label: str
    discovery_authorized: bool
    appealable: bool | None
    appealable_authorities: list[str]
    refused: list[int]
    violations: list[Violation]
    entries: list[EntryReport]
    officials: list[OfficialStatus]
    fact_questions: list[str]
    requests_made: list[str]
    requests_tailored: list[str]
    requests_authorized: list[str]
    request_texts: dict[str, str]
    """Each request id made in the docket, with its text (the id itself when the docket gives none)."""
    fact_question_texts: dict[str, str]
    next_moves: list[NextMove]

    @property
    def has_errors(self) -> bool:
        return any(v.severity == "error" for v in self.violations)

    @property
    def codes(self) -> list[str]:
        return sorted({v.code for v in self.violations})
