"""Run a scenario end to end and build its report: violations, explanations, standing, what may happen next."""

from __future__ import annotations

import datetime as dt

from qiflow import scenario as m
from qiflow.engine.explain import Texts, describe
from qiflow.engine.next_moves import next_moves
from qiflow.engine.refs import resolved
from qiflow.engine.report import EntryReport, OfficialStatus, Report, Standing, Violation
from qiflow.engine.standing import Memo, qi_words, standing
from qiflow.engine.step import Docket, Step, message
from qiflow.engine.words import date_label
from qiflow.law import doctrines as d
from qiflow.law.eras import Era
from qiflow.law.posture import Posture, ref_label
from qiflow.procedure.careful import PROCEDURE
from qiflow.procedure.model import Procedure


def audit(scenario: m.Scenario, *, file: str | None = None, law_as_of: dt.date | None = None,
          mode: str | None = None, procedure: Procedure = PROCEDURE, today: dt.date | None = None) -> Report:
    """Judge a scenario's docket entry by entry (LAW.md s.11) and report the result."""
    scenario = resolved(scenario)
    given = law_as_of or scenario.law_as_of
    strict = (mode or scenario.mode) == "strict"
    case = Docket(scenario.parties, given or today or dt.date.today(), strict, procedure, docket=scenario.docket)
    for entry in scenario.docket:
        case.step(entry)
    return _report(scenario, case, file, given, "strict" if strict else "audit")


def docket_texts(scenario: m.Scenario) -> Texts:
    """Each request's and each fact question's text, by id, as the docket states them (the id if no text)."""
    requests: dict[str, str] = {}
    questions: dict[str, str] = {}
    for entry in scenario.docket:  # by kind: asking every entry with ``getattr`` cost a pydantic miss each, and
        kind = type(entry)  # ``isinstance`` of another kind is slow (pydantic models are ABCs)
        if kind is STATES_REQUESTS:
            assert isinstance(entry, STATES_REQUESTS)  # for the type checker (of its own kind: fast)
            for request in entry.requests:
                requests.setdefault(request.id, request.text or request.id)
        elif kind in STATES_QUESTIONS:
            assert isinstance(entry, STATES_QUESTIONS)
            for question in entry.fact_questions:
                questions.setdefault(question.id, question.text or question.id)
    return Texts(requests, questions)


STATES_REQUESTS = m.DiscoveryMotion
"""The entry kind that makes requests, with their texts."""
STATES_QUESTIONS = (m.MotionToDismissRuling, m.DiscoveryOrder)
"""The entry kinds that identify fact questions, with their texts."""


def _violations(position: int, step: Step, day: dt.date) -> list[Violation]:
    out = []
    for f in step.findings:
        code = f.guard.code
        cites = d.cited(code.rests_on, day)  # a code's authorities are its doctrines'
        out.append(Violation.made(
            code=code.code, name=code.name, severity=code.severity.value,
            entry_number=step.entry.entry_number, position=position, message=message(f, step.ref),
            authorities=list(cites.authorities), cites=[dict(x) for x in cites.cites], settled=code.settled,
            refused=not step.accepted, since=code.since if code.since > dt.date.min else None,
        ))
    return out


def _entries(case: Docket, texts: Texts) -> list[EntryReport]:
    """Each entry's report; where an entry left the posture and the phase as they were, it shares the
    standing of the entry before (reports are immutable)."""
    out: list[EntryReport] = []
    last: tuple[str, Posture, Standing] | None = None
    memo = Memo()
    for i, s in enumerate(case.steps, 1):
        if last is None or last[0] != s.phase or last[1] is not s.after:
            last = (s.phase, s.after, standing(case.procedure, s.phase, s.after, texts, memo))
        out.append(_entry(i, s, case.procedure, texts, case.law_as_of, last[2]))
    return out


def _entry(position: int, step: Step, procedure: Procedure, texts: Texts, day: dt.date, now: Standing) -> EntryReport:
    said, doctrines = describe(step.entry, step.before, step.after, texts)
    for f in step.findings:
        verb = "Refused" if not step.accepted and f.guard.blocks else f"Flagged {f.code}"
        said += f" {verb}: {message(f, step.ref)}"
        doctrines += f.guard.code.rests_on
    cites = d.cited(doctrines, day)
    return EntryReport.made(
        entry_number=step.entry.entry_number, position=position, label=ref_label(step.ref), event=step.entry.event,
        event_label=procedure.move[step.entry.event].label, date_filed=step.entry.date_filed,
        date_label=date_label(step.entry.date_filed), description=step.entry.description,
        by=list(step.entry.filers), accepted=step.accepted,
        phase_before=step.phase_before, phase=step.phase, phase_label=procedure.phase[step.phase].label,
        in_usual_order=procedure.in_usual_order(step.phase_before, step.entry.event),
        codes=[f.code for f in step.findings], explanation=said.strip(), authorities=list(cites.authorities),
        cites=[dict(x) for x in cites.cites], cite=cites.short,
        standing=now,
    )


def _officials(posture: Posture) -> list[OfficialStatus]:
    return [OfficialStatus.made(id=o, name=posture.name(o), qi_asserted=o in posture.asserted,
                                qi_status=qi_words(posture, o), burden=posture.carries_burden(o),
                                gate1=posture.has_gate1(o), in_case=o in posture.in_case)
            for o in posture.officials]


def _tailored(posture: Posture) -> list[str]:
    """Requests authorized by an order in force that address an identified fact question (gate 3)."""
    identified = {q for q, _ in posture.identified}
    return sorted({a.request for o in posture.orders for a in o.authorized if a.addresses & identified})


def _report(scenario: m.Scenario, case: Docket, file: str | None, given: dt.date | None, mode: str) -> Report:
    steps = case.steps
    final = case.posture
    day = case.law_as_of
    texts = docket_texts(scenario)
    return Report.made(
        title=scenario.title, file=file, mode=mode, law_as_of=given, judged_as_of=day, era=Era.of(day).value,
        law=case.procedure.variant, carswell_rules=final.from_carswell,
        state=case.phase, state_label=case.procedure.phase[case.phase].label,
        discovery_authorized=final.discovery_authorized, appealable=case.appealable,
        appealable_authorities=[] if case.appealable is None else list(d.cited((d.COLLATERAL_ORDER,), day).authorities),
        refused=[s.entry.entry_number if s.entry.entry_number is not None else i
                 for i, s in enumerate(steps, 1) if not s.accepted],
        violations=[v for i, s in enumerate(steps, 1) for v in _violations(i, s, day)],
        entries=_entries(case, texts),
        officials=_officials(final),
        fact_questions=sorted({q for q, _ in final.identified}), requests_made=sorted(final.requests),
        requests_tailored=_tailored(final), requests_authorized=sorted(final.authorized),
        request_texts=dict(texts.requests), fact_question_texts=dict(texts.questions),
        next_moves=next_moves(case.procedure, case.phase, final, day),
    )
