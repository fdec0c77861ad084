"""What a corpus needs of one docket, without the explanations: codes, appealability, discovery, refusals."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict

from qiflow.engine.run import audit
from qiflow.scenario import Scenario


class Verdict(BaseModel):
    """The judgment of one docket: a pure function of its scenario (and the day its law is read as of)."""

    model_config = ConfigDict(frozen=True)

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


def verdict(scenario: Scenario, *, law_as_of: dt.date | None = None, mode: str | None = None) -> Verdict:
    """Judge ``scenario`` (LAW.md s.11) and keep only the verdict."""
    report = audit(scenario, law_as_of=law_as_of, mode=mode)
    return Verdict(
        title=scenario.title, court=scenario.court, law_as_of=report.law_as_of, mode=report.mode,
        state=report.state, codes=report.codes,
        errors=sorted({v.code for v in report.violations if v.severity == "error"}),
        appealable=report.appealable, discovery_authorized=report.discovery_authorized,
        refused=report.refused, entries=len(scenario.docket),
    )
