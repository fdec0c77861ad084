"""What each slide says, as data that points into the one definition: phases by name, rules by their
guard objects, authorities by object. The words are plain English; the codes are footnotes.

Nothing here restates a rule: a box that stands for a phase takes the phase's own label, a box that
stands for a rule takes its codes and cites from the guard, and the rules a slide must show are read
off ``PROCEDURE`` (the bars of the phases it draws, the gates, the appeal rules), so a change to the
definition changes the slides, and ``tests/test_slides.py`` fails if a slide names a rule the
procedure does not have or misses one it should show.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from qiflow.law import authorities as a
from qiflow.law.authorities import Authority, Case, at
from qiflow.law.guards import GATES, Guard
from qiflow.procedure.careful import PHASE, PROCEDURE, Phase, Procedure
from qiflow.views.diagram.bars import BARS


@dataclass(frozen=True)
class Box:
    """One node: plain words, the rules it stands for (shown as codes), the authorities it cites."""

    id: str
    text: str
    phase: str | None = None
    """The phase of ``PROCEDURE`` this box draws (its label is the text unless ``text`` says more)."""
    guards: tuple[Guard, ...] = ()
    cites: tuple[Authority, ...] = ()
    lane: str | None = None
    tone: str = "step"
    """step, start, gate, stop, good, warn, apart, year."""
    detail: tuple[str, ...] = ()
    """Further plain lines under the text (a doctrine slide's holdings)."""


@dataclass(frozen=True)
class Arrow:
    tail: str
    head: str
    words: str = ""
    """At most three words."""
    tone: str = "step"
    same_rank: bool = False
    spine: bool = False
    """Part of the slide's main line: drawn straight."""


@dataclass(frozen=True)
class Slide:
    name: str
    title: str
    subtitle: str
    boxes: tuple[Box, ...]
    arrows: tuple[Arrow, ...]
    lanes: dict[str, str] = field(default_factory=dict)
    """Lane id: its title, in drawing order."""
    must_show: tuple[Guard, ...] = ()
    """The rules of ``PROCEDURE`` this slide must footnote (every one, and no others)."""
    direction: str = "TB"
    rows: tuple[tuple[str, ...], ...] = ()
    """Boxes to keep side by side."""
    wrap: int = 30
    """Characters to a line in a box."""

    @property
    def guards(self) -> tuple[Guard, ...]:
        return tuple(dict.fromkeys(g for b in self.boxes for g in b.guards))

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(g.code.code for g in self.guards))

    @property
    def phases(self) -> tuple[str, ...]:
        return tuple(b.phase for b in self.boxes if b.phase)


SHORT_NAMES = {"Ashcroft v. Iqbal": "Iqbal", "Kentucky v. Graham": "Graham"}
"""Where the short form is not the first party's name."""


def short_name(case: Case) -> str:
    return SHORT_NAMES.get(case.name, case.name.split(" v. ")[0])


def cite(authority: Authority) -> str:
    """The short cite for a slide; an unverified pin is left out (LAW.md: "(pin?)" is never printed)."""
    if authority.unverified:
        authority = at(authority.case)
    if not authority.pin:
        return f"{short_name(authority.case)}, {reporter(authority.case)}"
    return short_name(authority.case) + authority.short[len(authority.case.name.split(" v. ")[0]):]


def reporter(case: Case) -> str:
    """``41 F.3d 991``: the cite without its court and year."""
    return case.cite.split(" (")[0]


def label(name: str, procedure: Procedure = PROCEDURE) -> str:
    return {p.name: p for p in procedure.phases}[name].label


_DISTRICT = re.compile(r"\((?:[NSEWMC]\.D\.|D\.) ?[A-Z]")


def district_practice(procedure: Procedure = PROCEDURE) -> tuple[Phase, ...]:
    """The phases that are a district court's case management, not a Fifth Circuit rule (LAW.md s.4, s.6).

    Marked so in the definition where it says so (a ``district_practice`` flag, or "district practice"
    in the label or cluster); otherwise a phase whose every authority is a district court's order, and a
    phase with no authority reached only from such phases (the conference between the order and the report).
    """
    def marked(p: Phase) -> bool | None:
        flag = getattr(p, "district_practice", None)
        if flag is not None:
            return bool(flag)
        if "district practice" in f"{p.label} {p.cluster}".lower():
            return True
        return None

    found: list[Phase] = []
    for phase in procedure.phases:
        flag = marked(phase)
        if flag is None and phase.authorities:
            flag = all(_DISTRICT.search(x.case.cite) for x in phase.authorities)
        if flag is None:
            sources = {s for mv in procedure.moves for r in mv.routes if r.dest == phase.name for s in r.sources}
            flag = bool(sources) and sources <= {p.name for p in found}
        if flag:
            found.append(phase)
    return tuple(found)


def appeal_rules(procedure: Procedure = PROCEDURE) -> tuple[Guard, ...]:
    """The rules of LAW.md s.7 (appeals) the procedure enforces."""
    return tuple(g for g in procedure.guards if g.code.section.split(".")[0] == "7")


def _case(attr: str, name: str, cite_text: str, year: int) -> Case:
    """An authority from ``authorities.py`` if it is there yet, else this cite (LAW.md s.7 names it)."""
    found = getattr(a, attr, None)
    return found if isinstance(found, Case) else Case(name, cite_text)


KINNEY = _case("KINNEY", "Kinney v. Weaver", "367 F.3d 337 (5th Cir. 2004) (en banc)", 2004)


# --- A: where QI was raised decides the path ---------------------------------------------------
def slide_a(procedure: Procedure = PROCEDURE) -> Slide:
    phase = {p.name: p for p in procedure.phases}
    practice = district_practice(procedure)
    motion, stay, appeal = phase["qi_motion_pending"], phase["qi_stay"], phase["on_appeal"]
    boxes = [
        Box("mtd", motion.label, "qi_motion_pending", lane="mtd", tone="start"),
        Box("rule_first", "The court rules on it first: no discovery, no deferral", guards=BARS[motion.name],
            cites=(at(a.CARSWELL, "311-12"),), lane="mtd"),
        Box("granted", "Granted: the claims against the official end", lane="mtd", tone="good"),
        Box("denied", "Denied: immediately appealable", lane="mtd", cites=(at(a.MITCHELL, "530"),)),
        Box("appeal", "On appeal: the district court is divested", "on_appeal", guards=BARS[appeal.name],
            cites=(at(a.GRIGGS, "58"),), lane="mtd"),
        Box("answer", stay.label, "qi_stay", guards=BARS[stay.name], lane="answer", tone="start"),
        Box("reply", "The court orders a Rule 7(a) reply", "reply_ordered", cites=(at(a.SCHULTEA, "1433-34"),),
            lane="answer"),
        Box("leave", "The plaintiff moves for leave, with specific requests", "discovery_sought", lane="answer"),
        Box("gates", "The three gates", guards=tuple(g for g in GATES if g in procedure.guards),
            cites=(at(a.ZAPATA, "485"),), lane="answer", tone="gate"),
        Box("order", "A narrowly tailored order: not immediately appealable", "limited_discovery",
            cites=(at(a.WEBB, "210"),), lane="answer", tone="good"),
        Box("sj", "Summary judgment on QI", "qi_sj_pending", lane="answer"),
        Box("practice", "\n".join(p.label.replace(" (district practice)", "") for p in practice), lane="practice",
            tone="warn"),
    ]
    arrows = (
        Arrow("mtd", "rule_first", spine=True), Arrow("rule_first", "granted"),
        Arrow("rule_first", "denied"), Arrow("denied", "appeal", "official appeals"),
        Arrow("answer", "reply", same_rank=True), Arrow("reply", "leave"), Arrow("leave", "gates", spine=True),
        Arrow("gates", "order", "all three met", spine=True), Arrow("order", "sj", same_rank=True),
        Arrow("leave", "practice", tone="hidden"),
        Arrow("practice", "gates", tone="practice"),
    )
    return Slide(
        "slide-a", "Where QI was raised decides the path",
        "Carswell, 54 F.4th at 311-12: limited QI discovery only when no QI motion to dismiss is pending",
        tuple(boxes), arrows,
        lanes={"mtd": "QI raised in a motion to dismiss", "answer": "QI raised only in the answer",
               "practice": "District practice\n(N.D. Tex.)"},
        must_show=tuple(dict.fromkeys((*BARS[motion.name], *BARS[stay.name], *BARS[appeal.name],
                                       *(g for g in GATES if g in procedure.guards)))),
        rows=(("granted", "denied"), ("mtd", "answer", "reply"), ("leave", "practice")), wrap=22,
    )


# --- B: the three gates ------------------------------------------------------------------------
def _question(guard: Guard) -> str:
    text = re.sub(r"^Gate \d+:\s*", "", guard.question)
    return text[:1].upper() + text[1:]


def slide_b(procedure: Procedure = PROCEDURE) -> Slide:
    gates = tuple(g for g in GATES if g in procedure.guards)
    boxes = [Box(f"gate{n}", f"Gate {n}. {_question(g)}", guards=(g,), cites=tuple(g.authorities[:2]),
                 tone="gate") for n, g in enumerate(gates, 1)]
    boxes += [
        Box("stop", "No QI discovery (or not that request): the court rules on what it has",
            cites=(at(a.IQBAL, "686"),), tone="stop"),
        Box("through", label("limited_discovery", procedure) + ": not immediately appealable",
            "limited_discovery", cites=(at(a.LION_BOULOS, "507-08"), at(a.WEBB, "210")), tone="good"),
        Box("skips", "An order that skips a gate is immediately appealable",
            cites=(at(a.GAINES, "707"), at(a.BACKE, "648")), tone="warn"),
    ]
    ids = [b.id for b in boxes[:len(gates)]]
    arrows = [Arrow(t, h, "yes", spine=True) for t, h in zip(ids, ids[1:] + ["through"], strict=False)]
    arrows += [Arrow(i, "stop", "no", tone="stop") for i in ids[:2]]
    arrows += [Arrow(ids[-1], "stop", "no, per request", tone="stop")] if len(ids) > 2 else []
    return Slide(
        "slide-b", "The three gates, in order", "Zapata v. Melson, 750 F.3d 481, 485 (5th Cir. 2014)",
        tuple(boxes), tuple(arrows), must_show=gates,
        rows=((ids[1], "stop"), ("through", "skips")) if len(ids) > 1 else (),
    )


# --- C: after the QI ruling ---------------------------------------------------------------------
def slide_c(procedure: Procedure = PROCEDURE) -> Slide:
    appeals = appeal_rules(procedure)
    boxes = (
        Box("ruling", "The court rules on QI", tone="start"),
        Box("granted", "Granted: the claims against the official end; others go on", tone="good"),
        Box("law", "Denied on the law (including whether a disputed fact is material): immediately appealable",
            cites=(at(a.MITCHELL, "530"), at(a.JOHNSON, "313"))),
        Box("fact", "Denied because the evidence shows a genuine dispute of fact: not immediately appealable",
            cites=(at(a.JOHNSON, "313"), at(a.BEHRENS), at(KINNEY))),
        Box("appeal", label("on_appeal", procedure) + ": the district court is divested", "on_appeal",
            guards=appeals, cites=(at(a.GRIGGS, "58"),)),
        Box("frivolous", "Unless the district court certifies the appeal frivolous (unsettled here)",
            cites=(at(a.BEHRENS, "310-11"),), tone="warn"),
        Box("decided", "Affirmed, reversed and rendered, or vacated and remanded",
            cites=(at(a.RAMIREZ, "137"), at(a.ZAPATA))),
        Box("merits", label("merits", procedure), "merits", cites=(at(a.LION_BOULOS, "507-08"),), tone="good"),
        Box("judgment", label("closed", procedure), "closed"),
        Box("final", "Appeal from the final judgment (28 U.S.C. § 1291): an ordinary appeal, not a QI appeal",
            tone="apart"),
    )
    arrows = (
        Arrow("ruling", "granted"), Arrow("ruling", "law"), Arrow("ruling", "fact"),
        Arrow("law", "appeal", "official appeals"), Arrow("appeal", "frivolous", "or", tone="practice",
                                                         same_rank=True),
        Arrow("appeal", "decided"), Arrow("decided", "merits", "if QI denied"),
        Arrow("fact", "merits"), Arrow("merits", "judgment", same_rank=True),
        Arrow("judgment", "final", "then", tone="practice", same_rank=True),
    )
    return Slide("slide-c", "After the QI ruling",
                 "An official may appeal a denial at the pleadings and again at summary judgment (Behrens)",
                 boxes, arrows, must_show=appeals, rows=(("granted", "fact", "law"),), wrap=24)


# --- D: the doctrine's timeline ----------------------------------------------------------------
HOLDINGS: tuple[tuple[Case, str], ...] = (
    (a.HARLOW, "Discovery waits for immunity"),
    (a.LION_BOULOS, "Only narrow, needed discovery"),
    (a.GAINES, "Overbroad discovery order appealable"),
    (a.WICKS, "Pleadings finding comes first"),
    (a.SCHULTEA, "Court may order reply"),
    (a.IQBAL, "Deficient pleadings: no discovery"),
    (a.BACKE, "No deferring for discovery"),
    (a.ZAPATA, "Three gates, in order"),
    (a.ZANTIZ, "Explicit pleadings finding required"),
    (a.WEBB, "Each request narrowly tailored"),
    (a.HINOJOSA, "Gated order: appeal dismissed"),
    (a.HUTCHESON, "Impeachment is not enough"),
    (a.RAMIREZ, "Decide immunity before discovery"),
    (a.CARSWELL, "Rule first; no discovery"),
)
"""Editorial: each authority's holding for this slide in four words (LAW.md ss.2-7 say it at length)."""


def _when(case: Case) -> tuple[int, str]:
    return (case.decided.toordinal() if case.decided else (case.year or 0) * 366, case.name)


def slide_d() -> Slide:
    """The doctrine's steps in the order decided, one box per year, dates from the authorities."""
    years: dict[int, list[tuple[Case, str]]] = {}
    for case, holding in sorted(HOLDINGS, key=lambda x: _when(x[0])):
        years.setdefault(case.year or 0, []).append((case, holding))
    boxes = tuple(
        Box(f"y{year}", str(year), tone="year",
            cites=tuple(at(c) for c, _ in found),
            detail=tuple(line for c, h in found for line in (short_name(c), reporter(c), h)))
        for year, found in years.items()
    )
    ids = [b.id for b in boxes]
    half = (len(ids) + 1) // 2
    arrows = tuple(Arrow(t, h, same_rank=i != half - 1) for i, (t, h) in enumerate(pairwise(ids)))
    arrows += tuple(Arrow(t, h, tone="column") for t, h in zip(ids, ids[half:], strict=False))
    return Slide("slide-d", "How the careful procedure grew",
                 "Each step in the year it was decided, with its holding in four words",
                 boxes, arrows, rows=(tuple(ids[:half]), tuple(ids[half:])))


def slides(procedure: Procedure = PROCEDURE) -> tuple[Slide, ...]:
    return (slide_a(procedure), slide_b(procedure), slide_c(procedure), slide_d())


__all__ = ["PHASE", "Arrow", "Box", "Slide", "slides"]
