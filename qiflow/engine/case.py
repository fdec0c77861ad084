"""Run a scenario's docket through the procedure: judge each entry, apply it (or refuse it), report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from qiflow import scenario as m
from qiflow.law.codes import APPEALABLE_CODES
from qiflow.law.effects import apply
from qiflow.law.guards import Guard
from qiflow.law.posture import Posture, ref_label
from qiflow.procedure.careful import PROCEDURE, Procedure
from qiflow.procedure.machine import Runner


@dataclass(frozen=True)
class Finding:
    """A guard the entry did not keep, with the facts for its message."""

    guard: Guard
    details: dict[str, str]

    @property
    def code(self) -> str:
        return self.guard.code.code


def entry_ref(entry: m.Entry, position: int) -> int:
    """The entry's docket number, or a negative stand-in for an unnumbered entry."""
    return entry.entry_number if entry.entry_number is not None else -position


def judge(procedure: Procedure, entry: m.Entry, posture: Posture, ref: int) -> list[Finding]:
    """Every guard of the entry's move that it does not keep, in the order the law states them."""
    move = procedure.move[entry.event]
    return [Finding(gd, d) for gd in move.guards if (d := gd.check(entry, posture, ref)) is not None]


def message(finding: Finding, ref: int) -> str:
    return finding.guard.code.message.format(entry=ref_label(ref), **finding.details)


@dataclass
class Step:
    """One entry's outcome, as the engine, the verifier and the tests see it."""

    entry: m.Entry
    ref: int
    findings: list[Finding]
    accepted: bool
    before: Posture
    after: Posture
    phase_before: str
    phase: str


class Case:
    """A docket in progress: the posture, the phase, and what each entry did."""

    def __init__(self, parties: list[m.Party], law_as_of: dt.date, strict: bool,
                 procedure: Procedure = PROCEDURE) -> None:
        self.procedure = procedure
        self.strict = strict
        self.posture = Posture.start(parties, law_as_of)
        self.runner = Runner(procedure)
        self.steps: list[Step] = []
        self.appealable: bool | None = None

    @property
    def phase(self) -> str:
        return self.runner.phase

    def step(self, entry: m.Entry) -> Step:
        position = len(self.steps) + 1
        ref = entry_ref(entry, position)
        before, phase_before = self.posture, self.phase
        findings = judge(self.procedure, entry, before, ref)
        accepted = not (self.strict and any(f.guard.blocks for f in findings))
        if accepted:
            self.posture = apply(entry, before, ref)
            self.runner.fire(entry, self.posture)
            if isinstance(entry, m.DiscoveryOrder):
                self.appealable = entry.grants and any(f.code in APPEALABLE_CODES for f in findings)
        step = Step(entry, ref, findings, accepted, before, self.posture, phase_before, self.phase)
        self.steps.append(step)
        return step

    def close(self) -> None:
        self.runner.close()
