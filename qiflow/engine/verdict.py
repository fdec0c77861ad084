"""What a corpus needs of one docket, without the explanations: codes, appealability, discovery, refusals."""

from __future__ import annotations

import datetime as dt

from qiflow.engine.refs import resolved
from qiflow.engine.report import Out
from qiflow.engine.step import entry_ref, step
from qiflow.law.codes import APPEALABLE_CODES
from qiflow.law.posture import Posture
from qiflow.procedure.careful import PROCEDURE
from qiflow.scenario import DiscoveryOrder, Scenario


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


def verdict(scenario: Scenario, *, law_as_of: dt.date | None = None, mode: str | None = None) -> Verdict:
    """Judge ``scenario`` (LAW.md s.11) and keep only the verdict: the fold of ``step`` that ``audit`` makes,
    without the explanations, and holding only the current posture (memory flat in the docket's length)."""
    scenario = resolved(scenario)
    given = law_as_of or scenario.law_as_of
    strict = (mode or scenario.mode) == "strict"
    day = given or dt.date.today()
    procedure = PROCEDURE
    phase, posture = procedure.initial, Posture.start(scenario.parties, day)
    codes: set[str] = set()
    errors: set[str] = set()
    refused: list[int] = []
    appealable: bool | None = None
    for position, entry in enumerate(scenario.docket, 1):
        taken = step(procedure, phase, posture, entry, entry_ref(entry, position), strict=strict)
        for f in taken.findings:
            codes.add(f.code)
            if f.guard.code.is_error:
                errors.add(f.code)
        if not taken.accepted:
            refused.append(entry.entry_number if entry.entry_number is not None else position)
        elif isinstance(entry, DiscoveryOrder):
            appealable = entry.grants and any(f.code in APPEALABLE_CODES for f in taken.findings)
        phase, posture = taken.phase, taken.after
    return Verdict.made(  # every value is made here, of the declared type: nothing to validate
        title=scenario.title, court=scenario.court, law_as_of=given, mode="strict" if strict else "audit",
        state=phase, codes=sorted(codes), errors=sorted(errors), appealable=appealable,
        discovery_authorized=posture.discovery_authorized, refused=refused, entries=len(scenario.docket),
    )
