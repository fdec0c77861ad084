"""Paths through the careful procedure, as XState's shortest and simple paths: from the procedure's own
definition and the engine's own step, the shortest lawful docket to each phase and every simple path (no
phase twice) to lawful limited QI discovery, in each era of the law. Each path is a scenario.

Candidate entries are readable docket lines (a teacher exports them as exercises); a move counts only if
the engine finds no departure in it (no code at all) and it moves the case to a phase not yet visited.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from pydantic import TypeAdapter

from qiflow import scenario as m
from qiflow.engine.step import step
from qiflow.law.eras import CARSWELL, WICKS, Era
from qiflow.law.posture import Posture
from qiflow.procedure.careful import PHASE, PROCEDURE, Procedure

CAST: tuple[m.Party, ...] = (
    m.Party(id="pat", name="Pat Plaintiff", role=m.Role.PLAINTIFF),
    m.Party(id="oakes", name="Officer Oakes", role=m.Role.DEFENDANT),
    m.Party(id="city", name="City of Springfield", role=m.Role.DEFENDANT, kind=m.Kind.MUNICIPALITY),
)
ERAS: dict[str, dt.date] = {
    "before-wicks": WICKS - dt.timedelta(days=1),
    "wicks-to-carswell": CARSWELL - dt.timedelta(days=1),
    "after-carswell": dt.date(2024, 1, 15),
}
"""One day in each of the three eras of LAW.md s.11 (``qiflow.law.eras``): the last day before Wicks
(Jan. 6, 1995), the last day before Carswell (June 17, 2022), and a day after Carswell's operative opinion
(Nov. 30, 2022). Each path is judged by the law of its era's day."""
for _name, _day in ERAS.items():
    assert _name == {Era.LION_BOULOS: "before-wicks", Era.WICKS: "wicks-to-carswell",
                     Era.CARSWELL: "after-carswell"}[Era.of(_day)], _name


def era_words(era: str) -> str:
    """``wicks-to-carswell`` as LAW.md names the era: "from Wicks to Carswell"."""
    return str(Era.of(ERAS[era]))
TARGET = "limited_discovery"
MAX_DEPTH = 14


@cache
def _adapter() -> TypeAdapter[m.Event]:
    """Built on first use, not at import."""
    return TypeAdapter(m.Event)


def _e(kind: type[m.Entry], **fields: object) -> m.Event:
    event = kind.model_fields["event"].annotation.__args__[0]  # type: ignore[union-attr]
    return _adapter().validate_python({"event": event, **fields})


QUESTION = m.FactQuestion(id="q1", text="Did Officer Oakes see the plaintiff's hands before firing?")
REQUEST = m.Request(id="r1", text="The body-camera video of the shooting")


def candidates(path: tuple[m.Event, ...], day: dt.date = ERAS["after-carswell"]) -> Iterator[m.Event]:
    """Readable entries that could come next, given what the docket already holds; ``day`` is the day the
    law is read (deadlines are set from it). Orders come with and without the gate findings: which of them
    are lawful is the engine's question, and the answer differs by era."""
    n = len(path) + 1
    events = [e.event for e in path]
    numbers = {e.event: e.entry_number for e in path}

    def has(event: str) -> bool:
        return event in events

    if not has("complaint"):
        yield _e(m.Complaint, entry_number=n, by="pat", description="Complaint (42 U.S.C. 1983): excessive force")
        return
    qi_asserted = any(getattr(e, "asserts_qi", False) for e in path)
    if not qi_asserted:
        yield _e(m.Answer, entry_number=n, by="oakes", asserts_qi=True, description="Oakes's answer, asserting QI")
        yield _e(m.MotionToDismiss, entry_number=n, by="oakes", asserts_qi=True, rule="12(b)(6)",
                 description="Oakes's Rule 12(b)(6) motion to dismiss on qualified immunity")
        return
    if has("motion_to_dismiss") and not has("motion_to_dismiss_ruling"):
        motion = numbers["motion_to_dismiss"]
        yield _e(m.MotionToDismissRuling, entry_number=n, motion=motion, outcome="denied",
                 description="Order denying the QI motion to dismiss: the pleadings overcome QI")
        yield _e(m.MotionToDismissRuling, entry_number=n, motion=motion, outcome="deferred",
                 pleadings_overcome_qi=True, fact_questions=[QUESTION],
                 description="Order deferring the QI ruling, holding the pleadings overcome QI and naming the fact "
                             "question it must resolve")
        yield _e(m.MotionToDismissRuling, entry_number=n, motion=motion, outcome="deferred",
                 fact_questions=[QUESTION],
                 description="Order deferring the QI ruling to resolve a named fact question, without holding "
                             "that the pleadings overcome QI")
    for kind, what, extra in (
        (m.ReplyOrder, "Order for a Rule 7(a) reply tailored to the QI defense", {}),
        (m.Reply, "Plaintiff's Rule 7(a) reply", {"by": "pat"}),
        (m.SjNotice, "Oakes's notice of a summary-judgment motion on QI", {"by": "oakes"}),
        (m.Referral, "Motion for leave referred to the magistrate judge", {"to": "the magistrate judge"}),
        (m.Conference, "The parties met and conferred", {}),
    ):
        if not has(kind.model_fields["event"].annotation.__args__[0]):  # type: ignore[union-attr]
            yield _e(kind, entry_number=n, description=what, **extra)
    if not has("discovery_motion"):
        yield _e(m.DiscoveryMotion, entry_number=n, by="pat", requests=[REQUEST],
                 description="Motion for leave to conduct limited QI discovery")
    elif not has("response"):
        yield _e(m.Response, entry_number=n, by="oakes", to=numbers["discovery_motion"],
                 description="Oakes's response to the motion for leave")
    if not has("conference_order"):
        yield _e(m.ConferenceOrder, entry_number=n, confer_by=day + dt.timedelta(days=14),
                 report_by=day + dt.timedelta(days=21),
                 description="Order to meet and confer and file a joint status report")
    if has("conference") and has("discovery_motion") and not has("joint_report"):
        yield _e(m.JointReport, entry_number=n, agreed=["r1"], description="Joint status report: r1 agreed")
    if has("discovery_motion") and not has("discovery_order"):
        yield _e(m.DiscoveryOrder, entry_number=n, outcome="granted", scope="limited", against=["oakes"],
                 pleadings_overcome_qi=True, fact_questions=[QUESTION],
                 authorized=[m.Authorization(request="r1", addresses=["q1"])],
                 description="Order granting limited QI discovery: the pleadings overcome QI; the fact question; "
                             "the body-camera video, tailored to it")
        yield _e(m.DiscoveryOrder, entry_number=n, outcome="granted", scope="limited", against=["oakes"],
                 fact_questions=[QUESTION], authorized=[m.Authorization(request="r1", addresses=["q1"])],
                 description="Order granting limited QI discovery: the fact question; the body-camera video, "
                             "tailored to it (no holding that the pleadings overcome QI)")
    if not has("sj_motion"):
        yield _e(m.SjMotion, entry_number=n, by="oakes", asserts_qi=True,
                 description="Oakes's motion for summary judgment on QI")
    if not has("qi_ruling"):
        yield _e(m.QiRuling, entry_number=n, outcome="denied", basis="law", defendants=["oakes"],
                 description="Order denying QI at summary judgment")
    if not has("judgment"):
        yield _e(m.Judgment, entry_number=n, outcome="dismissed", description="Final judgment")


@dataclass(frozen=True)
class Path:
    era: str
    law_as_of: dt.date
    goal: str
    entries: tuple[m.Event, ...]
    phases: tuple[str, ...]

    @property
    def goal_label(self) -> str:
        return PHASE[self.goal].label

    def scenario(self, title: str) -> m.Scenario:
        authorized = self.phases[-1] == "*"
        expect = m.Expect(violations=[], state=self.goal, discovery_authorized=True) if authorized else \
            m.Expect(violations=[], state=self.goal)
        return m.Scenario(qiflow=1, title=title, mode="audit", law_as_of=self.law_as_of, parties=list(CAST),
                          docket=list(self.entries),
                          note=f"Generated by qiflow paths: a lawful docket to '{self.goal_label}'"
                               + (" with limited QI discovery authorized" if authorized else "")
                               + f" (the law {era_words(self.era)}).", expect=expect)


def _walk(law_as_of: dt.date, procedure: Procedure) -> Iterator[tuple[tuple[m.Event, ...], tuple[str, ...]]]:
    """Every lawful simple path from the start, breadth-first (shortest first)."""
    start = Posture.start(CAST, law_as_of)
    frontier: list[tuple[tuple[m.Event, ...], tuple[str, ...], Posture]] = [((), (procedure.initial,), start)]
    while frontier:
        following = []
        for path, phases, posture in frontier:
            yield path, phases
            if phases[-1] == "*" or len(path) >= MAX_DEPTH or PHASE[phases[-1]].final:
                continue
            for entry in candidates(path, law_as_of):
                court = entry.event in ("motion_to_dismiss_ruling", "discovery_order", "reply_order")
                if path and not court and not procedure.in_usual_order(phases[-1], entry.event):
                    continue  # a party's filing only where the procedure expects it; the court, wherever lawful
                taken = step(procedure, phases[-1], posture, entry, entry.entry_number or 0, strict=True)
                if not taken.accepted or taken.findings:
                    continue
                if taken.phase != phases[-1] and taken.phase in phases:
                    continue  # simple: no phase visited twice (staying put is not a visit)
                reached = _goal(entry, taken.after)
                following.append((path + (entry,), phases + ((taken.phase,) if taken.phase != phases[-1] else ())
                                  + (("*",) if reached else ()), taken.after))
        frontier = following


def _goal(entry: m.Event, after: Posture) -> bool:
    """Lawful limited QI discovery: a discovery order that leaves discovery against an official authorized."""
    return isinstance(entry, m.DiscoveryOrder) and after.discovery_authorized and bool(after.unresolved_officials)


@cache
def _walked(day: dt.date) -> tuple[tuple[tuple[m.Event, ...], tuple[str, ...]], ...]:
    """The walk through the careful procedure, once a day asked."""
    return tuple(_walk(day, PROCEDURE))


def _paths(day: dt.date, procedure: Procedure) -> Iterator[tuple[tuple[m.Event, ...], tuple[str, ...]]]:
    return iter(_walked(day)) if procedure is PROCEDURE else _walk(day, procedure)


def shortest(era: str, procedure: Procedure = PROCEDURE) -> dict[str, Path]:
    """The shortest lawful docket to each phase reached, in ``era``."""
    day = ERAS[era]
    out: dict[str, Path] = {}
    for path, phases in _paths(day, procedure):
        last = phases[-2] if phases[-1] == "*" else phases[-1]
        if path and last not in out:
            out[last] = Path(era, day, last, path, phases)
    return out


def simple_paths(era: str, goal: str = TARGET, procedure: Procedure = PROCEDURE) -> list[Path]:
    """Every lawful simple path ending in ``goal`` (the first time the case reaches it), shortest first."""
    day = ERAS[era]
    return [Path(era, day, phases[-2], path, phases) for path, phases in _paths(day, procedure)
            if phases[-1] == "*"]


def step_label(entry: m.Event) -> str:
    """A move as a path lists it: its label, the outcome of a ruling, and an order made without the gate-1
    holding (lawful only before Wicks)."""
    said = PROCEDURE.move[entry.event].label
    outcome = getattr(entry, "outcome", None)
    if outcome and entry.event == "motion_to_dismiss_ruling":
        said += f" ({outcome.replace('_', ' ')})"
    if entry.event in ("discovery_order", "motion_to_dismiss_ruling") and getattr(entry, "fact_questions", None) \
            and not getattr(entry, "pleadings_overcome_qi", False):
        said += " without a pleadings holding of its own"
    return said


def only_in(era: str, other: str) -> list[Path]:
    """Simple paths to limited QI discovery lawful in ``era`` and not in ``other`` (the same moves)."""
    theirs = {tuple(step_label(e) for e in p.entries) for p in simple_paths(other)}
    return [p for p in simple_paths(era) if tuple(step_label(e) for e in p.entries) not in theirs]


def render(era: str, limit: int = 12) -> str:
    short = shortest(era)
    lines = [f"The law as of {ERAS[era].isoformat()} ({era_words(era)})", "",
             "Shortest lawful docket to each phase:"]
    for name, path in sorted(short.items(), key=lambda kv: (len(kv[1].entries), kv[0])):
        moves = " > ".join(step_label(e) for e in path.entries)
        lines.append(f"  {PHASE[name].label} ({len(path.entries)}): {moves}")
    paths = simple_paths(era)
    lines += ["", f"Every simple path to lawful limited QI discovery ({len(paths)}):"]
    for i, path in enumerate(paths[:limit], 1):
        lines.append(f"  {i}. " + " > ".join(step_label(e) for e in path.entries))
    if len(paths) > limit:
        lines.append(f"  ... and {len(paths) - limit} more, each one step longer or reordered (--all lists them; "
                     "--export writes them)")
    for other in ERAS:
        if other != era:
            mine = only_in(era, other)
            lines += ["", f"Lawful here but not in the law {era_words(other)} ({len(mine)}):"]
            lines += [f"  {i}. " + " > ".join(step_label(e) for e in p.entries) for i, p in enumerate(mine[:limit], 1)]
    return "\n".join(lines)


def scenario_text(scenario: m.Scenario) -> str:
    """A scenario as YAML in the file format (``qiflow run`` reads it back)."""
    import yaml

    data = scenario.model_dump(mode="json", by_alias=True, exclude_none=True, exclude_defaults=True)
    data = {"qiflow": 1, **data}
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def exports(era: str, limit: int | None = 12) -> dict[str, str]:
    """File name -> YAML: the shortest docket to each phase, the first ``limit`` simple paths to limited QI
    discovery, and those lawful only in this era."""
    out: dict[str, str] = {}
    for name, path in sorted(shortest(era).items()):
        out[f"{era}/shortest-to-{name.replace('_', '-')}.yaml"] = scenario_text(
            path.scenario(f"Shortest lawful docket to '{PHASE[name].label}' ({era_words(era)})"))
    for i, path in enumerate(simple_paths(era)[:limit], 1):
        out[f"{era}/limited-discovery-{i:03d}.yaml"] = scenario_text(
            path.scenario(f"Path {i} to lawful limited QI discovery ({era_words(era)})"))
    for other in ERAS:
        if other != era:
            for i, path in enumerate(only_in(era, other)[:limit], 1):
                out[f"{era}/not-{other}-{i:03d}.yaml"] = scenario_text(
                    path.scenario(f"Lawful {era_words(era)}, not {era_words(other)}: path {i}"))
    return out
