"""Run a scenario end to end and build its report: violations, explanations, what may happen next."""

from __future__ import annotations

import datetime as dt

from qiflow import scenario as m
from qiflow.engine.explain import describe
from qiflow.engine.next_moves import next_moves
from qiflow.engine.report import EntryReport, OfficialStatus, Report, Violation
from qiflow.engine.standing import standing
from qiflow.engine.step import Docket, Step, message
from qiflow.engine.words import date_label, filers
from qiflow.law.authorities import Authority
from qiflow.law.codes import APPEALABILITY_AUTHORITIES
from qiflow.law.posture import Posture, ref_label
from qiflow.procedure.careful import PHASE, PROCEDURE, Procedure


def audit(scenario: m.Scenario, *, file: str | None = None, law_as_of: dt.date | None = None,
          mode: str | None = None, procedure: Procedure = PROCEDURE, today: dt.date | None = None) -> Report:
    """Judge a scenario's docket entry by entry (LAW.md s.11) and report the result."""
    as_of = law_as_of or scenario.law_as_of
    strict = (mode or scenario.mode) == "strict"
    case = Docket(scenario.parties, as_of or today or dt.date.today(), strict, procedure)
    for entry in scenario.docket:
        case.step(entry)
    return _report(scenario, case, file, as_of, "strict" if strict else "audit")


def docket_texts(scenario: m.Scenario) -> tuple[dict[str, str], dict[str, str]]:
    """Each request's and each fact question's text, by id, as the docket states them (the id if no text)."""
    requests: dict[str, str] = {}
    questions: dict[str, str] = {}
    for entry in scenario.docket:
        for request in getattr(entry, "requests", ()):
            if isinstance(request, m.Request):
                requests.setdefault(request.id, request.text or request.id)
        for question in getattr(entry, "fact_questions", ()):
            questions.setdefault(question.id, question.text or question.id)
    return requests, questions


def _cites(authorities: tuple[Authority, ...]) -> list[str]:
    return [str(x) for x in authorities]


def _violations(position: int, step: Step) -> list[Violation]:
    return [
        Violation(
            code=f.code, name=f.guard.code.name, severity=f.guard.code.severity.value,
            entry_number=step.entry.entry_number, position=position, message=message(f, step.ref),
            authorities=_cites(f.guard.code.authorities), settled=f.guard.code.settled,
            refused=not step.accepted,
        )
        for f in step.findings
    ]


def _entry(position: int, step: Step, procedure: Procedure,
           texts: tuple[dict[str, str], dict[str, str]]) -> EntryReport:
    said, cites = describe(step.entry, step.before, step.after)
    for f in step.findings:
        verb = "Refused" if not step.accepted and f.guard.blocks else f"Flagged {f.code}"
        said += f" {verb}: {message(f, step.ref)}"
        cites += f.guard.code.authorities
    if step.accepted and not step.findings:
        said += " Allowed."
    unique = tuple(dict.fromkeys(cites))
    return EntryReport(
        entry_number=step.entry.entry_number, position=position, label=ref_label(step.ref), event=step.entry.event,
        event_label=procedure.move[step.entry.event].label, date_filed=step.entry.date_filed,
        date_label=date_label(step.entry.date_filed), description=step.entry.description,
        by=filers(step.entry.by), accepted=step.accepted,
        phase_before=step.phase_before, phase=step.phase, phase_label=PHASE[step.phase].label,
        in_usual_order=procedure.in_usual_order(step.phase_before, step.entry.event),
        codes=[f.code for f in step.findings], explanation=said, authorities=_cites(unique),
        standing=standing(step.phase, step.after, *texts),
    )


def _officials(posture: Posture) -> list[OfficialStatus]:
    out = []
    for o in posture.officials:
        if o not in posture.asserted:
            status = "not asserted"
        elif o not in posture.in_case:
            status = "out of the case"
        elif posture.qi_resolved(o):
            status = f"resolved ({posture.resolution(o).outcome.replace('_', ' ')})"  # type: ignore[union-attr]
        else:
            status = "unresolved"
        out.append(OfficialStatus(
            id=o, name=posture.name(o), qi_asserted=o in posture.asserted, qi_status=status,
            burden=posture.carries_burden(o), gate1=o in posture.gate1, in_case=o in posture.in_case,
        ))
    return out


def _report(scenario: m.Scenario, case: Docket, file: str | None, as_of: dt.date | None, mode: str) -> Report:
    steps = case.steps
    final = case.posture
    texts = docket_texts(scenario)
    return Report(
        title=scenario.title, file=file, mode=mode, law_as_of=as_of, carswell_rules=final.carswell,
        state=case.phase, state_label=PHASE[case.phase].label,
        discovery_authorized=final.discovery_authorized, appealable=case.appealable,
        appealable_authorities=[] if case.appealable is None else _cites(APPEALABILITY_AUTHORITIES),
        refused=[s.entry.entry_number if s.entry.entry_number is not None else i
                 for i, s in enumerate(steps, 1) if not s.accepted],
        violations=[v for i, s in enumerate(steps, 1) for v in _violations(i, s)],
        entries=[_entry(i, s, case.procedure, texts) for i, s in enumerate(steps, 1)],
        officials=_officials(final),
        fact_questions=sorted(final.fact_questions), requests_made=sorted(final.requests),
        requests_tailored=sorted(final.tailored), requests_authorized=sorted(final.authorized),
        request_texts=texts[0], fact_question_texts=texts[1],
        next_moves=next_moves(case.procedure, case.phase, final),
    )
