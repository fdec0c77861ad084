"""What a run produces: the report models (pydantic), serialised as JSON by the CLI."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict


class Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class Violation(Out):
    code: str
    name: str
    severity: str
    entry_number: int | None
    position: int
    message: str
    authorities: list[str]
    settled: bool = True
    refused: bool = False


class EntryReport(Out):
    entry_number: int | None
    position: int
    event: str
    date_filed: dt.date | None
    description: str | None
    accepted: bool
    phase_before: str
    phase: str
    in_usual_order: bool
    codes: list[str]
    explanation: str
    authorities: list[str]


class NextMove(Out):
    event: str
    label: str
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
    next_moves: list[NextMove]

    @property
    def has_errors(self) -> bool:
        return any(v.severity == "error" for v in self.violations)

    @property
    def codes(self) -> list[str]:
        return sorted({v.code for v in self.violations})
