"""A case page's data: what the scenario says and what the engine makes of it, in the words a student reads.

Everything here is plain data (frozen dataclasses and JSON-ready dicts); the templates only lay it out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from qiflow import scenario as m
from qiflow.engine.report import EntryReport, OfficialStanding, Report, Standing
from qiflow.law.codes import CODES
from qiflow.teach.chains import Chain, case_chain, entry_chain
from qiflow.teach.words import readable
from qiflow.views.docs import CaseVerdict
from qiflow.web.cites import code_name, short_cite
from qiflow.web.pictures import (
    Picture,
    TimelinePictures,
    path_picture,
    timeline_picture,
)
from qiflow.web.sources import Source, sources


@dataclass(frozen=True)
class Cite:
    short: str
    full: str


def cites(full: list[str]) -> list[Cite]:
    return [Cite(short_cite(x), x) for x in full]


@dataclass(frozen=True)
class CodeMark:
    code: str
    name: str
    severity: str


@dataclass(frozen=True)
class OfficialView:
    name: str
    qi: str
    burden: str
    gate1: str
    fact_questions: list[str]
    motions_pending: list[str]
    appeals_pending: list[str]
    in_case: bool


@dataclass(frozen=True)
class OrderView:
    label: str
    scope: str
    against: list[str]
    authorized: list[str]


@dataclass(frozen=True)
class StandingView:
    phase: str
    officials: list[OfficialView]
    orders: list[OrderView]
    appeals: list[str]


@dataclass(frozen=True)
class EntryView:
    anchor: str
    position: int
    label: str
    date: str
    event: str
    by: list[str]
    description: str
    explanation: str
    accepted: bool
    codes: list[CodeMark]
    cites: list[Cite]
    standing: StandingView
    chain: Chain | None
    """Why it raised its codes (or, for a discovery order, why it kept the law): the because-chain."""


@dataclass(frozen=True)
class Departure:
    code: str
    name: str
    severity: str
    entry: str
    anchor: str
    message: str
    cites: list[Cite]
    settled: bool
    refused: bool


@dataclass(frozen=True)
class Held:
    """A library case: the court of appeals beside the engine."""

    citation: str
    year: int
    posture: str
    turned_on: str
    outcome: str
    summary: str
    court: str
    engine: str
    matches: bool
    why_differs: str


@dataclass(frozen=True)
class Move:
    open: bool
    label: str
    actor: str
    why: str
    cites: list[Cite]


@dataclass(frozen=True)
class CasePage:
    slug: str
    title: str
    court: str
    case_number: str
    parties: list[str]
    mode: str
    law_as_of: str
    sources: list[Source]
    state: str
    discovery: str
    appealable: str
    appealable_cites: list[Cite]
    departures: list[Departure]
    held: Held | None
    entries: list[EntryView]
    next_moves: list[Move]
    teaching: m.Teaching | None
    case_chain: Chain
    timeline: TimelinePictures | None
    path: Picture | None
    answers: dict[str, object] = field(default_factory=dict)
    """What the page's script checks predictions against, computed here by the engine."""


BURDEN = {
    "plaintiff": "the plaintiff must show QI does not apply",
    "official": "QI is the official's to plead",
}
APPEALABLE = {
    True: "The last discovery order can be appealed at once, before final judgment (collateral-order doctrine).",
    False: "The last discovery order cannot be appealed at once; it waits for final judgment.",
    None: "No discovery order was entered, so none can be appealed.",
}


def _names(scenario: m.Scenario) -> dict[str, str]:
    return {p.id: p.name for p in scenario.parties}


def _official(o: OfficialStanding) -> OfficialView:
    gate1 = ("held: the pleadings overcome QI" if o.gate1
             else "not yet held that the pleadings overcome QI")
    return OfficialView(o.name, o.qi, BURDEN.get(o.burden, o.burden), gate1, o.fact_questions,
                        o.qi_motion_pending, o.appeal_pending, o.in_case)


def _standing(s: Standing) -> StandingView:
    return StandingView(
        s.phase_label, [_official(o) for o in s.officials],
        [OrderView(o.label, o.scope, o.against, o.authorized) for o in s.orders_in_force], s.appeals_pending,
    )


def _codes(codes: list[str]) -> list[CodeMark]:
    return [CodeMark(c, code_name(CODES[c].name) if c in CODES else c,
                     CODES[c].severity.value if c in CODES else "error") for c in codes]


def anchor(position: int) -> str:
    return f"e{position}"


CHAINED = ("discovery_order", "motion_to_dismiss_ruling", "qi_ruling", "discovery")
"""Entries whose because-chain is worth showing even when they keep the law."""


def _entry(e: EntryReport, names: dict[str, str], scenario: m.Scenario, report: Report) -> EntryView:
    chain = entry_chain(scenario, report, e.position) if e.codes or e.event in CHAINED else None
    return EntryView(
        anchor(e.position), e.position, e.label, e.date_label, e.event_label, [names.get(b, b) for b in e.by],
        e.description or "", readable(e.explanation, report), e.accepted, _codes(e.codes), cites(e.authorities), _standing(e.standing),
        chain,
    )


def _held(path: Path | None, scenario: m.Scenario, report: Report) -> Held | None:
    if scenario.case is None:
        return None
    verdict = CaseVerdict(path or Path(scenario.title), scenario, report)
    facts, held = scenario.case, scenario.case.court_held
    court = ", ".join(held.departures) or "no departure"
    if held.appealable is not None:
        court += "; " + ("appealable" if held.appealable else "not appealable")
    engine = (", ".join(report.codes) or "no departure") + "; " + {
        True: "appealable", False: "not appealable", None: "no discovery order"}[report.appealable]
    differs = " ".join(scenario.note.split()) if scenario.note and not verdict.matches else ""
    return Held(facts.citation, facts.year, " ".join(facts.posture.split()), " ".join(facts.turned_on.split()),
                facts.appellate_outcome, " ".join(facts.outcome_summary.split()), court, engine, verdict.matches,
                differs)


def answers(report: Report, marks: dict[str, str] | None = None) -> dict[str, object]:
    """The answer key the step control checks predictions against: per entry, its codes (none = lawful);
    and where each entry is on the timeline (``marks``)."""
    return {
        "timeline": marks or {},
        "entries": [{"anchor": anchor(e.position), "label": e.label, "codes": e.codes} for e in report.entries],
        "codes": {c.code: {"name": code_name(c.name), "rule": c.rule} for c in CODES.values()},
    }


def case_page(scenario: m.Scenario, report: Report, *, path: Path | None = None, slug: str = "case",
              pictures: bool = True) -> CasePage:
    """The page for one scenario, with the pictures drawn (``pictures=False`` skips Graphviz)."""
    names = _names(scenario)
    timeline = timeline_picture(scenario, report) if pictures else None
    by_position = {e.position: e for e in report.entries}
    departures = [
        Departure(v.code, code_name(v.name), v.severity, by_position[v.position].label, anchor(v.position),
                  readable(v.message, report), cites(v.authorities), v.settled, v.refused)
        for v in report.violations
    ]
    return CasePage(
        slug=slug, title=scenario.title, court=scenario.court or "", case_number=scenario.case_number or "",
        parties=[f"{p.name} ({p.role.value})" for p in scenario.parties], mode=report.mode,
        law_as_of=report.law_as_of.isoformat() if report.law_as_of else "",
        sources=sources(scenario.sources, scenario.case.short_name if scenario.case else None),
        state=report.state_label,
        discovery=("At the end, discovery against an official is authorized." if report.discovery_authorized
                   else "At the end, no discovery against an official is authorized."),
        appealable=APPEALABLE[report.appealable], appealable_cites=cites(report.appealable_authorities),
        departures=departures, held=_held(path, scenario, report),
        entries=[_entry(e, names, scenario, report) for e in report.entries],
        case_chain=case_chain(scenario, report),
        next_moves=[Move(n.open, n.label, n.actor, n.why, cites(n.authorities)) for n in report.next_moves],
        teaching=scenario.teaching,
        timeline=timeline,
        path=path_picture(scenario, report) if pictures else None,
        answers=answers(report, timeline.marks if timeline else None),
    )
