"""A case as a timeline in swimlanes (plaintiff, officials, other defendants, district court, court of
appeals), built from the scenario and the engine's own report, drawn on 16:9 slides.

The lanes and columns are one Graphviz HTML table, so Graphviz sizes every lane and column to its
text and nothing is placed by hand. Entries read in docket order: left to right, and down a column
(a column holds entries in lanes further down, so "down, then right" is always the order). The
Zapata gates are marked on the court's orders from the engine's codes; a departure is a red flag.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from qiflow import scenario as m
from qiflow.engine.refs import entry_at, resolved
from qiflow.engine.report import EntryReport, Report
from qiflow.law.codes import CODES
from qiflow.law.posture import ref_label
from qiflow.procedure.careful import PROCEDURE, Procedure
from qiflow.views.diagram import canvas, style
from qiflow.views.diagram.escape import clean, html, shorten

MAX_BOXES = 15
MAX_COLUMNS = 7
"""A page of a slide holds at most this many boxes, in at most this many columns."""
BODY, TITLE, WRAP = 24, 36, 17

FLAG: dict[str, str] = {
    "QI001": "QI unavailable", "QI101": "motion pending", "QI102": "ruling deferred",
    "QI201": "gate-1 skipped", "QI202": "gate-2 skipped", "QI203": "not tailored",
    "QI301": "discovery stayed", "QI302": "merits discovery", "QI303": "co-defendant discovery",
    "QI401": "appeal pending", "QI402": "appeal pending", "QI501": "conference late",
    "QI502": "report late",
}
"""Each code's red flag in two words (editorial; ``tests/test_timeline.py`` checks every code has one)."""

ALWAYS_SHOWN = frozenset({"complaint", "answer", "sj_motion", "qi_ruling", "appeal", "appeal_ruling",
                          "judgment", "discovery", "discovery_order", "discovery_motion",
                          "frivolous_certification", "reply_order", "reply", "sj_notice"})
"""Events drawn even when they leave the case where it stood; any other entry with no code that leaves
the procedure's phase unchanged has no QI effect and is collapsed with its neighbours."""
PARTIES_TOGETHER = frozenset({"conference", "joint_report"})
COURT_OF_APPEALS = frozenset({"appeal_ruling"})
_MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
_LANE_FILL = ("#eef4fb", "#f1f7ec", "#fdf6e3", "#f3f0f7", "#f6eefb")
OK, NO = "✓", "✗"


def day(date: dt.date | None) -> str:
    """``Feb. 9, 2023`` (Bluebook months), or "date unknown"."""
    return "date unknown" if date is None else f"{_MONTHS[date.month - 1]} {date.day}, {date.year}"


def docket_tag(entry: EntryReport) -> str:
    """``Dkt. 37 · Feb. 9, 2023``; an entry without a docket number is "Entry N" (its place), never "Dkt."; the
    date in the engine's words when the report gives them."""
    number = f"Dkt. {entry.entry_number}" if entry.entry_number is not None else f"Entry {entry.position}"
    return f"{number} · {getattr(entry, 'date_label', None) or day(entry.date_filed)}"


@dataclass(frozen=True)
class Lane:
    id: str
    title: str
    names: str


@dataclass(frozen=True)
class Line:
    text: str
    bold: bool = False
    color: str | None = None


@dataclass
class Card:
    """One box: the docket positions it stands for, its lanes (first and last), its lines."""

    positions: tuple[int, ...]
    first: int
    last: int
    lines: list[Line] = field(default_factory=list)
    tone: str = "entry"
    """entry, flagged, collapsed, refused."""


@dataclass
class Page:
    number: int
    of: int
    columns: list[list[Card]]

    @property
    def cards(self) -> list[Card]:
        return [c for column in self.columns for c in column]


@dataclass(frozen=True)
class Timeline:
    title: str
    where: str
    caption: str
    lanes: tuple[Lane, ...]
    pages: tuple[Page, ...]
    footer: tuple[str, ...]
    collapsed: int


def _by(entry: m.Entry) -> tuple[str, ...]:
    by = getattr(entry, "by", None)
    if by is None:
        return ()
    return tuple(by) if isinstance(by, (list, tuple)) else (by,)


def _short(name: str) -> str:
    """A party's name without its capacities ("…, individually and as …", "(…)")."""
    return re.sub(r"\s*\([^()]*\)", "", name).split(", individually")[0].strip() or name


def _lanes(scenario: m.Scenario) -> tuple[tuple[Lane, ...], dict[str, int]]:
    groups: dict[str, list[m.Party]] = {"plaintiff": [], "official": [], "other": []}
    for p in scenario.parties:
        key = "plaintiff" if p.role is not m.Role.DEFENDANT else "official" if p.is_official else "other"
        groups[key].append(p)
    titles = {"plaintiff": ("Plaintiff", "Plaintiffs"), "official": ("Official", "Officials"),
              "other": ("Other defendant", "Other defendants")}
    lanes: list[Lane] = []
    lane_of: dict[str, int] = {}
    for key, parties in groups.items():
        if not parties and key == "other":
            continue
        one, many = titles[key]
        grouped = key != "other" and any(" and " in _short(p.name) or "," in _short(p.name) for p in parties)
        many_names = len(parties) > 1 or grouped
        if key == "other" and parties and all(p.kind is m.Kind.MUNICIPALITY for p in parties):
            one, many = "City or county", "Cities or counties"
        for p in parties:
            lane_of[p.id] = len(lanes)
        lane_of["@" + key] = len(lanes)
        lanes.append(Lane(key, many if many_names else one, "; ".join(_short(p.name) for p in parties)))
    lane_of["district_court"] = len(lanes)
    lanes.append(Lane("district_court", "District court", ""))
    lane_of["court_of_appeals"] = len(lanes)
    lanes.append(Lane("court_of_appeals", "Court of appeals", ""))
    return tuple(lanes), lane_of


def event(entry: m.Entry) -> str:
    """The entry's kind (every docket model has one; the base class does not declare it)."""
    return str(entry.event)  # type: ignore[attr-defined]


def lane_span(entry: m.Entry, lane_of: dict[str, int]) -> tuple[int, int]:
    """The lanes an entry stands in: its filers', the parties' together, or a court's."""
    if event(entry) in COURT_OF_APPEALS:
        index = lane_of["court_of_appeals"]
        return index, index
    filers = [lane_of[p] for p in _by(entry) if p in lane_of]
    if not filers and event(entry) in PARTIES_TOGETHER:
        filers = [lane_of[k] for k in ("@plaintiff", "@official") if k in lane_of]
    if not filers:
        index = lane_of["district_court"]
        return index, index
    return min(filers), max(filers)


def _words(value: str) -> str:
    return value.replace("_", " ")


def phrase(entry: m.Entry, procedure: Procedure = PROCEDURE) -> str:
    """What the entry is, in the procedure's words for its move, with the outcome the docket gives."""
    kind = event(entry)
    label = procedure.move[kind].label
    if getattr(entry, "asserts_qi", False):
        return f"{label} asserting QI"
    if kind == "motion_to_dismiss_ruling":
        return f"{label}: {getattr(entry, 'styled', None) or _words(entry.outcome)}"  # type: ignore[attr-defined]
    if kind == "discovery_order":
        general = "general " if getattr(entry, "scope", "limited") == "general" else ""
        return f"{general}{label}: {_words(entry.outcome)}"  # type: ignore[attr-defined]
    if kind == "appeal":
        return f"notice of appeal from {ref_label(entry.from_)}"  # type: ignore[attr-defined]
    if kind in ("appeal_ruling", "judgment"):
        rendered = " and rendered" if getattr(entry, "renders", None) else ""
        return f"{label}: {_words(entry.outcome)}{rendered}"  # type: ignore[attr-defined]
    if kind == "qi_ruling":
        basis = "on the law" if entry.basis == "law" else "on a fact dispute"  # type: ignore[attr-defined]
        return f"QI {_words(entry.outcome)} {basis}"  # type: ignore[attr-defined]
    return label


def _asserted_before(scenario: m.Scenario, position: int) -> set[str]:
    out: set[str] = set()
    officials = {p.id for p in scenario.parties if p.is_official}
    for entry in scenario.docket[:position - 1]:
        if getattr(entry, "asserts_qi", False):
            out |= set(_by(entry)) & officials
    return out


def _identified(scenario: m.Scenario, position: int) -> set[str]:
    return {q.id for e in scenario.docket[:position] for q in getattr(e, "fact_questions", [])}


def _request_numbers(scenario: m.Scenario) -> dict[str, str]:
    """Each request by its place among the requests the docket makes (1, 2, ...), not by its file id."""
    made = dict.fromkeys(r.id for e in scenario.docket if isinstance(e, m.DiscoveryMotion) for r in e.requests)
    return {rid: str(i) for i, rid in enumerate(made, 1)}


def gates(scenario: m.Scenario, report_entry: EntryReport) -> list[Line]:
    """The gates as an order found them (✓) or skipped them (red ✗), from the engine's codes.

    Gate 3 is shown per request, numbered in the order the docket makes them: authorized and aimed at an
    identified fact question ✓; authorized
    without one, red ✗; asked for and not authorized by a partial grant, ✗ (the court refused it).
    """
    entry = scenario.docket[report_entry.position - 1]
    codes = set(report_entry.codes)
    if isinstance(entry, m.MotionToDismissRuling):
        decides = entry.outcome == "denied" and not getattr(entry, "reserves_qi", False)
        motion = entry_at(scenario.docket, entry.motion)
        qi_motion = motion is not None and getattr(motion[1], "asserts_qi", False)
        return [Line(f"Gate 1 {OK}")] if decides and qi_motion else []
    if not isinstance(entry, m.DiscoveryOrder) or entry.outcome not in ("granted", "granted_in_part"):
        return []
    against = set(entry.against) if entry.against is not None else {p.id for p in scenario.parties}
    if not against & _asserted_before(scenario, report_entry.position):
        return []
    red = style.BARRED
    lines = [Line(f"⚑ Gate 1 {NO} skipped QI201", True, red) if "QI201" in codes else Line(f"Gate 1 {OK}"),
             Line(f"⚑ Gate 2 {NO} skipped QI202", True, red) if "QI202" in codes else Line(f"Gate 2 {OK}")]
    if "QI302" in codes:
        return lines + [Line(f"⚑ Gate 3 {NO} general QI302", True, red)]
    identified = _identified(scenario, report_entry.position)
    marks: list[tuple[str, bool, bool]] = []
    for grant in entry.authorized:
        tailored = bool(set(grant.addresses) & identified) or "QI203" not in codes
        marks.append((grant.request, tailored, not tailored))
    granted = {g.request for g in entry.authorized}
    if entry.outcome == "granted_in_part" and granted:
        asked = [r.id for e in scenario.docket[:report_entry.position]
                 for r in getattr(e, "requests", []) if isinstance(e, m.DiscoveryMotion)]
        marks += [(r, False, False) for r in dict.fromkeys(asked) if r not in granted]
    if not marks:
        return lines + [Line("Gate 3: no request yet")]
    number = _request_numbers(scenario)
    text = ("Gate 3: request " if len(marks) == 1 else "Gate 3: requests ") + " ".join(
        f"{number.get(r, r)} {OK if ok else NO}" for r, ok, _ in marks)
    if any(bad for *_, bad in marks):
        return lines + [Line(f"⚑ {text} QI203", True, red)]
    return lines + [Line(text)]


GATE_CODES = frozenset({"QI201", "QI202", "QI203", "QI302"})
"""Codes the gate marks already show (with the code), so they are not flagged twice."""


def _flags(entry: EntryReport, shown: frozenset[str] = frozenset()) -> list[Line]:
    return [Line(f"⚑ {code} {FLAG.get(code, CODES[code].name if code in CODES else '')}", True, style.BARRED)
            for code in dict.fromkeys(entry.codes) if code not in shown]


def collapsible(entry: m.Entry, report_entry: EntryReport) -> bool:
    """An entry with no QI effect: no code, accepted, and the case stands where it stood."""
    return (not report_entry.codes and report_entry.accepted and report_entry.phase == report_entry.phase_before
            and event(entry) not in ALWAYS_SHOWN and not getattr(entry, "asserts_qi", False))


def _card(scenario: m.Scenario, e: EntryReport, lane_of: dict[str, int], procedure: Procedure) -> Card:
    entry = scenario.docket[e.position - 1]
    first, last = lane_span(entry, lane_of)
    number, when = docket_tag(e).split(" · ")
    lines = [Line(number, bold=True), Line(when, bold=True), Line(phrase(entry, procedure))]
    marks = gates(scenario, e)
    lines += marks
    lines += _flags(e, shown=GATE_CODES if marks else frozenset())
    if not e.accepted:
        lines.append(Line("refused (strict mode)", True, style.BARRED))
    tone = "refused" if not e.accepted else "flagged" if e.codes else "entry"
    return Card((e.position,), first, last, lines, tone)


def _collapsed(run: list[tuple[m.Entry, EntryReport]], lane_of: dict[str, int]) -> Card:
    spans = [lane_span(entry, lane_of) for entry, _ in run]
    first = last = spans[0][0]
    numbers = [f"Dkt. {e.entry_number}" for _, e in run if e.entry_number is not None]
    unnumbered = len(run) - len(numbers)
    what = ", ".join(numbers) + (f"{' and ' if numbers else ''}{unnumbered} unnumbered" if unnumbered else "")
    if not numbers:
        what = "all unnumbered" if unnumbered > 1 else "unnumbered"
    count = f"{len(run)} entries" if len(run) > 1 else "1 entry"
    return Card(tuple(e.position for _, e in run), first, last,
                [Line(f"{count} with no QI effect", True), Line(what)], "collapsed")


def cards(scenario: m.Scenario, report: Report, procedure: Procedure = PROCEDURE) -> tuple[list[Card], int]:
    """Every box in docket order, runs of entries with no QI effect collapsed; and how many were."""
    scenario = resolved(scenario)
    _, lane_of = _lanes(scenario)
    out: list[Card] = []
    run: list[tuple[m.Entry, EntryReport]] = []
    collapsed = 0
    for e in report.entries:
        entry = scenario.docket[e.position - 1]
        if collapsible(entry, e):
            run.append((entry, e))
            continue
        if run:
            out.append(_collapsed(run, lane_of))
            collapsed += len(run)
            run = []
        out.append(_card(scenario, e, lane_of, procedure))
    if run:
        out.append(_collapsed(run, lane_of))
        collapsed += len(run)
    return out, collapsed


def columns(all_cards: list[Card]) -> list[list[Card]]:
    """Pack boxes into columns in order: a box goes under the last one when it stands in a lower lane."""
    out: list[list[Card]] = []
    for card in all_cards:
        if out and card.first > out[-1][-1].last:
            out[-1].append(card)
        else:
            out.append([card])
    return out


def paginate(all_cards: list[Card], max_boxes: int = MAX_BOXES, max_columns: int = MAX_COLUMNS) -> list[Page]:
    pages: list[list[list[Card]]] = [[]]
    for column in columns(all_cards):
        boxes = sum(len(c) for c in pages[-1])
        if pages[-1] and (boxes + len(column) > max_boxes or len(pages[-1]) >= max_columns):
            pages.append([])
        pages[-1].append(column)
    return [Page(i, len(pages), cols) for i, cols in enumerate(pages, 1)]


def _footer(scenario: m.Scenario, report: Report) -> tuple[str, ...]:
    engine = ", ".join(report.codes) or "no departure"
    appealable = {None: "no discovery order", True: "appealable", False: "not appealable"}
    held_appealable = {None: "did not rule on it", True: "held it appealable", False: "held it not appealable"}
    lines = [f"Ends: {report.state_label}."]
    case = getattr(scenario, "case", None)
    if case is not None:
        held = case.court_held
        court = ", ".join(sorted(held.departures)) or "no departure"
        agree = "agree" if set(held.departures) == set(report.codes) else (
            "engine also finds " + ", ".join(sorted(set(report.codes) - set(held.departures)))
            if set(held.departures) < set(report.codes) else "differ")
        lines[0] += f" Outcome on appeal: {_words(case.appellate_outcome)}."
        lines.append(f"Court held: {court} · engine: {engine} ({agree}).")
        if held.appealable is not None or report.appealable is not None:
            lines.append(f"Last discovery order: the court {held_appealable[held.appealable]}; engine: "
                         f"{appealable[report.appealable]}.")
    else:
        lines.append(f"Engine: {engine}; last discovery order {appealable[report.appealable]}.")
    return tuple(lines)


def timeline(scenario: m.Scenario, report: Report, procedure: Procedure = PROCEDURE, caption: str = "",
             max_boxes: int = MAX_BOXES, max_columns: int = MAX_COLUMNS) -> Timeline:
    lanes, _ = _lanes(scenario)
    found, collapsed = cards(scenario, report, procedure)
    where = ", ".join(x for x in (scenario.court, getattr(scenario, "case_number", None)) if x)
    return Timeline(scenario.title, where, caption, lanes, tuple(paginate(found, max_boxes, max_columns)),
                    _footer(scenario, report), collapsed)


# --- drawing --------------------------------------------------------------------------------------
_TONE = {"entry": ("white", style.INK), "flagged": ("#fdecea", style.BARRED),
         "collapsed": ("#eeeeee", "#8795a1"), "refused": ("#fdecea", style.BARRED)}


def _font(text: str, size: int = BODY, bold: bool = False, color: str | None = None) -> str:
    body = html(text)
    if bold:
        body = f"<B>{body}</B>"
    return f'<FONT POINT-SIZE="{size}" COLOR="{color or style.INK}">{body}</FONT>'


def _lines(lines: list[Line], width: int = WRAP) -> str:
    out = []
    for line in lines:
        for part in clean(line.text, width):
            out.append(_font(part, bold=line.bold, color=line.color))
    return "<BR/>".join(out)


def _box(card: Card, span: int) -> str:
    fill, ink = _TONE[card.tone]
    width = "3" if card.tone in ("flagged", "refused") else "1"
    rows = f' ROWSPAN="{span}"' if span > 1 else ""
    return (f'<TD{rows} BGCOLOR="{fill}" COLOR="{ink}" BORDER="{width}" STYLE="rounded" CELLPADDING="8" '
            f'VALIGN="TOP">{_lines(card.lines)}</TD>')


def page_dot(tl: Timeline, page: Page) -> str:
    """One page of the timeline as DOT: a single HTML table, lanes as rows, columns in docket order."""
    ncols = len(page.columns)
    grid: dict[tuple[int, int], tuple[Card, int]] = {}
    covered: set[tuple[int, int]] = set()
    for col, column in enumerate(page.columns):
        for card in column:
            grid[card.first, col] = (card, card.last - card.first + 1)
            covered |= {(lane, col) for lane in range(card.first + 1, card.last + 1)}
    span = ncols + 1
    pages = f" · page {page.number} of {page.of}" if page.of > 1 else ""
    head = [_font(shorten(tl.title, 80), TITLE, True)]
    sub = " · ".join(x for x in (shorten(tl.where, 60), f"read left to right, down each column{pages}") if x)
    head.append(_font(sub, BODY, color=style.MUTED))
    if tl.caption:
        head += [_font(x, BODY, color=style.BARRED) for x in clean(tl.caption, 110)]
    rows = [f'<TR><TD COLSPAN="{span}" BORDER="0" CELLPADDING="4">{"<BR/>".join(head)}</TD></TR>']
    for index, lane in enumerate(tl.lanes):
        fill = _LANE_FILL[index % len(_LANE_FILL)]
        names = clean(shorten(lane.names, 48), 16)[:3] if lane.names else []
        title = "<BR/>".join([_font(lane.title, BODY, True)] + [_font(n, BODY, color=style.MUTED) for n in names])
        cells = [(f'<TD BGCOLOR="{fill}" BORDER="0" ALIGN="LEFT" BALIGN="LEFT" VALIGN="MIDDLE" '
                  f'CELLPADDING="8">{title}</TD>')]
        for col in range(ncols):
            if (index, col) in covered:
                continue
            if (index, col) in grid:
                cells.append(_box(*grid[index, col]))
            else:
                cells.append(f'<TD BGCOLOR="{fill}" BORDER="0"> </TD>')
        rows.append("<TR>" + "".join(cells) + "</TR>")
    notes = list(tl.footer)
    if tl.collapsed:
        notes.append(f"{tl.collapsed} docket entries with no QI effect are collapsed into grey boxes.")
    if page.number < page.of:
        notes.append(f"Continued on page {page.number + 1}.")
    foot = "<BR/>".join(_font(x, BODY, color=style.MUTED) for n in notes for x in clean(n, 120))
    rows.append(f'<TR><TD COLSPAN="{span}" BORDER="0" ALIGN="LEFT" BALIGN="LEFT" CELLPADDING="4">{foot}</TD></TR>')
    table = ('<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="5" CELLPADDING="6">' + "".join(rows) + "</TABLE>")
    attrs = ", ".join(f'{k}="{v}"' for k, v in canvas.SLIDE.items())
    return (f'digraph qiflow_timeline {{\n  graph [{attrs}, fontname="{style.FONT}"];\n'
            f'  node [shape=plaintext, fontname="{style.FONT}"];\n  timeline [label=<{table}>];\n}}\n')


def dots(tl: Timeline) -> list[str]:
    """Every page of ``tl`` as DOT text, in order."""
    return [page_dot(tl, page) for page in tl.pages]
