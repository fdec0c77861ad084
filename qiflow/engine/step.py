"""One docket entry judged and taken: the single step the engine, the explorer and the tests share.

``judge`` finds every rule the entry breaks; ``advance`` applies it and routes the case (or, in strict
mode, refuses it); ``step`` does both and records the result. A docket is a fold of ``step`` over its
entries (``Docket``); the exhaustive explorer is a breadth-first search over ``advance``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from qiflow import scenario as m
from qiflow.law.codes import APPEALABLE_CODES
from qiflow.law.effects import apply
from qiflow.law.guards import Guard
from qiflow.law.posture import Posture, entry_ref, ref_label
from qiflow.procedure.careful import PROCEDURE, Procedure


class Finding(NamedTuple):
    """A guard the entry did not keep, with the facts for its message."""

    guard: Guard
    details: dict[str, str]

    @property
    def code(self) -> str:
        return self.guard.code.code


def judge(procedure: Procedure, entry: m.Entry, posture: Posture, ref: int, *, barring: bool = False) -> list[Finding]:
    """Every guard of the entry's move that it does not keep (only those that bar it, if ``barring``), in the
    order the law states them."""
    return [Finding(gd, d) for gd, rule in procedure.rules(entry.event, posture.law_as_of, barring=barring)
            if (d := rule(entry, posture, ref)) is not None]


def refuses(procedure: Procedure, entry: m.Entry, posture: Posture, ref: int) -> bool:
    """Whether strict mode refuses ``entry``: some blocking guard fails (the first one found is enough)."""
    return any(rule(entry, posture, ref) is not None
               for _, rule in procedure.rules(entry.event, posture.law_as_of, barring=True))


def message(finding: Finding, ref: int) -> str:
    return finding.guard.code.message.format(entry=ref_label(ref), **finding.details)


def advance(procedure: Procedure, phase: str, posture: Posture, entry: m.Entry, ref: int) -> tuple[str, Posture]:
    """What the entry does: its effects on the posture, then where the case stands."""
    after = apply(entry, posture, ref)
    return procedure.next_phase(phase, entry, after), after


class Step(NamedTuple):
    """One entry's outcome, as the engine, the verifier and the tests see it (a named tuple: immutable, and
    made about three times faster than a frozen dataclass, once for every entry of every docket)."""

    entry: m.Entry
    ref: int
    findings: list[Finding]
    accepted: bool
    before: Posture
    after: Posture
    phase_before: str
    phase: str


def step(procedure: Procedure, phase: str, posture: Posture, entry: m.Entry, ref: int, *, strict: bool) -> Step:
    """Judge ``entry``; in strict mode refuse it if it breaks an error rule, else apply it and route."""
    findings = judge(procedure, entry, posture, ref)
    if strict and any(f.guard.blocks for f in findings):
        return Step(entry, ref, findings, False, posture, posture, phase, phase)
    dest, after = advance(procedure, phase, posture, entry, ref)
    return Step(entry, ref, findings, True, posture, after, phase, dest)


@dataclass
class Docket:
    """A docket in progress: the fold of ``step`` over the entries so far."""

    parties: list[m.Party]
    law_as_of: dt.date
    strict: bool
    procedure: Procedure = PROCEDURE
    steps: list[Step] = field(default_factory=list)
    docket: Sequence[m.Entry] = ()
    """The whole docket, when it is known before its entries are taken (``Posture.filed``)."""

    def __post_init__(self) -> None:
        self.posture = Posture.start(self.parties, self.law_as_of, self.docket)
        self.phase = self.procedure.initial

    def step(self, entry: m.Entry) -> Step:
        taken = step(self.procedure, self.phase, self.posture, entry, entry_ref(entry, len(self.steps) + 1),
                     strict=self.strict)
        self.steps.append(taken)
        self.posture, self.phase = taken.after, taken.phase
        return taken

    @property
    def appealable(self) -> bool | None:
        """Whether the last discovery order that took effect is immediately appealable (None: there is none)."""
        for taken in reversed(self.steps):
            if taken.accepted and isinstance(taken.entry, m.DiscoveryOrder):
                return taken.entry.grants and any(f.code in APPEALABLE_CODES for f in taken.findings)
        return None
