"""The report as a law student reads it in a terminal: the verdict first, then the docket.

Every string from a scenario is rich ``Text`` (never markup), so ``[/]`` in a docket prints as itself.
Output is rendered to a string at the width of the terminal (or ``COLUMNS``, or 80 when piped), then
written in the stream's encoding: a terminal that cannot print a symbol gets its ASCII form.
"""

from __future__ import annotations

import io
import os
import re
import sys
from dataclasses import dataclass
from typing import TextIO

from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from qiflow import scenario as m
from qiflow.engine.refs import ref_name
from qiflow.engine.report import EntryReport, NextMove, Report, Standing
from qiflow.engine.words import date_label
from qiflow.teach import docket as d
from qiflow.teach.words import (
    encodable,
    first_cite,
    quoted,
    readable,
    reason,
    short_cite,
    violations_at,
    what_happened,
)


@dataclass(frozen=True)
class Marks:
    ok: str
    warning: str
    error: str
    refused: str
    arrow: str
    dot: str


UNICODE = Marks("\u2713", "!", "\u2717", "\u2298", "\u2192", "\u00b7")
ASCII = Marks("+", "!", "X", "R", "->", "|")


@dataclass(frozen=True)
class Options:
    verbose: bool = False
    hide_verdicts: bool = False
    marks: Marks = UNICODE
    width: int = 80


NOTHING_NEXT = "no defendant remains in the case"


# --- the verdict -----------------------------------------------------------------------------------
def _last_order(report: Report) -> EntryReport | None:
    orders = [e for e in report.entries if e.event == "discovery_order" and e.accepted]
    return orders[-1] if orders else None


def _mark(report: Report, entry: EntryReport, marks: Marks) -> tuple[str, str]:
    if not entry.accepted:
        return marks.refused, "magenta"
    severities = {v.severity for v in violations_at(report, entry.position)}
    if "error" in severities:
        return marks.error, "red"
    return (marks.warning, "yellow") if severities else (marks.ok, "green")


def _heading(text: str) -> Text:
    return Text(text.upper(), style="bold")


def _header(report: Report, scenario: m.Scenario | None, o: Options) -> Text:
    head = Text(report.title, style="bold")
    bits = []
    if scenario is not None and scenario.court:
        bits.append(scenario.court)
    if scenario is not None and scenario.case_number:
        bits.append(f"No. {scenario.case_number}")
    bits.append(f"{report.mode} mode")
    law = f"law as of {date_label(report.law_as_of)}" if report.law_as_of else "today's law"
    bits.append(f"{law} ({report.era})")
    head.append("\n" + f" {o.marks.dot} ".join(bits), style="dim")
    return head


def _verdict(report: Report, o: Options) -> list[RenderableType]:
    out: list[RenderableType] = [_heading("Where the case stands")]
    lines = Text()
    phase = report.state_label + (f" ({report.state})" if o.verbose else "")
    lines.append("Now: ", style="bold").append(phase)
    lines.append(("" if report.next_moves else f" ({NOTHING_NEXT})") + "\n")
    errors = [v for v in report.violations if v.severity == "error"]
    warnings = [v for v in report.violations if v.severity != "error"]
    if not report.violations:
        lines.append("Departures: ", style="bold").append("none; every entry kept the careful procedure.",
                                                          style="green")
    else:
        lines.append("Departures: ", style="bold").append(
            f"{len(errors)} error(s), {len(warnings)} warning(s)", style="red" if errors else "yellow")
    out.append(lines)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for v in report.violations:
        mark = Text("  " + o.marks.error if v.severity == "error" else o.marks.warning,
                    style="red" if v.severity == "error" else "yellow")
        row = Text(f"{v.code} ", style="bold")
        row.append(readable(v.message, report))
        if not v.settled:
            row.append(" Unsettled law: a warning.")
        if v.refused:
            row.append(" Refused (strict mode).", style="magenta")
        cites = v.authorities if o.verbose else v.authorities[:1]
        row.append(" (" + "; ".join(cites if o.verbose else map(short_cite, cites)) + ")", style="dim")
        grid.add_row(mark, row)
    if report.violations:
        out.append(grid)
    tail = Text()
    order = _last_order(report)
    if report.appealable is None or order is None:
        tail.append("Appeal now: ", style="bold").append("no discovery order has been entered.\n")
    else:
        said = "immediately appealable (collateral order)" if report.appealable else \
            "not immediately appealable: a collateral-order appeal from it would be dismissed"
        tail.append("Appeal now: ", style="bold").append(f"the last discovery order, {order.label}, is {said}")
        tail.append(f" ({first_cite(report.appealable_authorities)})\n", style="dim")
    tail.append("Discovery against an official authorized now: ", style="bold")
    tail.append("yes\n" if report.discovery_authorized else "no\n")
    standing = report.entries[-1].standing if report.entries else None
    for official in standing.officials if standing else []:
        tail.append(f"{official.name}: ", style="bold").append(f"QI {official.qi}")
        if official.qi != "not asserted" and official.in_case:
            tail.append(f"; the {official.burden} carries the burden (McClendon)")
        if official.qi_motion_pending:
            tail.append("; QI motion pending: " + ", ".join(official.qi_motion_pending))
        if official.appeal_pending:
            tail.append("; appeal pending: " + ", ".join(official.appeal_pending))
        tail.append("\n")
    if report.refused:
        tail.append("Refused in strict mode: ", style="bold").append(
            ", ".join(e.label for e in report.entries if not e.accepted) + "\n", style="magenta")
    tail.rstrip()
    out.append(tail)
    return out


def _court_held(report: Report, scenario: m.Scenario | None, o: Options) -> list[RenderableType]:
    """For a library case: what the court held beside the engine's verdict, and the teaching notes."""
    out: list[RenderableType] = []
    if scenario is None:
        return out
    if scenario.case is not None and not o.hide_verdicts:
        held = scenario.case.court_held
        text = Text()
        text.append("What the court held: ", style="bold")
        text.append(f"{scenario.case.citation}: {scenario.case.appellate_outcome}. ")
        text.append("Departures it found: " + (", ".join(held.departures) or "none") + ". ")
        if held.appealable is not None:
            text.append("The order was " + ("" if held.appealable else "not ") + "immediately appealable. ")
        engine, found = set(report.codes), set(held.departures)
        extra, missing = sorted(engine - found), sorted(found - engine)
        agrees = not missing and (held.appealable is None or held.appealable == report.appealable)
        text.append("The engine finds " + (", ".join(sorted(engine)) or "no departure") + ": ")
        text.append("it agrees" if agrees else "it differs", style="green" if agrees else "yellow")
        if extra:
            text.append(f" (it also finds {', '.join(extra)}, which the court did not hold)")
        if missing:
            text.append(f" (it does not find {', '.join(missing)})")
        if held.appealable is not None and held.appealable != report.appealable:
            text.append(" (it differs on appealability)")
        text.append(".")
        out.append(text)
    if scenario.teaching is not None:
        t = scenario.teaching
        rows = [("Question", t.question)] if o.hide_verdicts else [
            ("Question", t.question), ("Held", t.held), ("Gate", t.gate), ("Remember", t.remember)]
        out += ([Text("")] if out else []) + [_heading("Teaching notes")]
        if o.verbose:
            grid = Table.grid(padding=(0, 1))
            grid.add_column(no_wrap=True, style="bold")
            grid.add_column()
            for name, body in rows:
                grid.add_row(Text(name), Text(" ".join(body.split())))
            out.append(grid)
        else:
            out += [Text(f"{name}: ", style="bold").append(" ".join(body.split()), style="") for name, body in rows]
    return out


# --- the docket ------------------------------------------------------------------------------------
PIVOTS = frozenset({"discovery_order", "discovery", "qi_ruling", "appeal", "appeal_ruling", "judgment"})
"""Entries always explained: orders and discovery, rulings on QI, appeals, judgments."""


def _legend(o: Options) -> list[Text]:
    k = o.marks
    numbers = "Entry N: the Nth entry, no docket number."
    if o.hide_verdicts:
        return [Text("Verdicts hidden: find the entries that depart from the careful procedure.", style="dim"),
                Text(numbers, style="dim")]
    symbols = Text(f"{k.ok} lawful  {k.warning} warning  {k.error} departure  {k.refused} refused  "
                   f"{k.arrow} the phase it leads to", style="dim")
    if o.verbose:
        return [symbols, Text(numbers, style="dim")]
    return [symbols, Text(numbers + " One line: the QI posture is unchanged.", style="dim")]


def _posture(standing: Standing | None) -> tuple[object, ...]:
    """What an entry can change for the QI defense (the phase aside): each official's QI, gates, pending
    motions and appeals, the orders in force."""
    if standing is None:
        return ()
    officials = tuple((o.id, o.qi, o.burden, o.gate1, tuple(o.fact_questions), tuple(o.qi_motion_pending),
                       tuple(o.appeal_pending), o.in_case) for o in standing.officials)
    orders = tuple((x.label, x.scope, tuple(x.against), tuple(x.authorized)) for x in standing.orders_in_force)
    return officials, orders, tuple(standing.appeals_pending)


def _quiet(standing: Standing) -> bool:
    """The posture of a case before anything has happened to the QI defense."""
    return not standing.orders_in_force and not standing.appeals_pending and all(
        o.qi == "not asserted" and not o.gate1 and not o.fact_questions and not o.qi_motion_pending
        and not o.appeal_pending and o.in_case for o in standing.officials)


def _turns(entry: EntryReport, before: Standing | None, scenario: m.Scenario | None) -> bool:
    """An entry that departs, is refused, asserts QI, is an order, ruling, appeal or judgment, or changes
    the QI posture: the report explains it. Every other entry takes one line (``--verbose`` explains all)."""
    if entry.codes or not entry.accepted or entry.event in PIVOTS:
        return True
    if scenario is not None and entry.position <= len(scenario.docket) \
            and getattr(scenario.docket[entry.position - 1], "asserts_qi", False):
        return True
    if before is None:
        return not _quiet(entry.standing)
    return _posture(before) != _posture(entry.standing)


_STOP = frozenset({"a", "an", "the", "of", "on", "to", "for", "and", "in", "by", "district", "practice", "filed",
                   "ordered", "sought", "parties"})


def _says_again(phase: str, event: str) -> bool:
    """The phase's label only repeats the entry's ("Response" -> "Response filed"): no arrow needed."""
    def stems(text: str) -> set[str]:
        return {w[:5].lower() for w in re.findall(r"[A-Za-z0-9]+", text) if w.lower() not in _STOP}
    return stems(phase) <= stems(event)


def _docket_text(entry: EntryReport, limit: int | None) -> Text:
    if not entry.description:
        return Text("(no docket text)", style="dim italic")
    return Text(quoted(entry.description, limit), style="italic")


FINAL_APPEAL = ("{who} appealed from the final judgment at {source} (28 U.S.C. \u00a7 1291): an ordinary appeal "
                "after the case has ended, not a collateral-order appeal; the QI-appeal rules do not apply to it.")


def _final_appeal(entry: EntryReport, scenario: m.Scenario | None) -> str | None:
    """The words for an appeal from a final judgment (LAW.md s.7), whatever phase the engine names for it."""
    if scenario is None or entry.position > len(scenario.docket):
        return None
    if not d.appeals_final_judgment(scenario.docket, entry.position):
        return None
    appeal = scenario.docket[entry.position - 1]
    assert isinstance(appeal, m.Appeal)
    names = {p.id: p.name for p in scenario.parties}
    who = ", ".join(names.get(x, x) for x in entry.by) or "A party"
    return FINAL_APPEAL.format(who=who, source=ref_name(scenario.docket, appeal.from_))


def _reading(entry: EntryReport, report: Report, o: Options, scenario: m.Scenario | None = None) -> Text:
    """What the law makes of the entry: the engine's sentence, its codes, one short cite."""
    body = Text()
    said = what_happened(entry, report)
    final = _final_appeal(entry, scenario)
    if final is not None:
        body.append(final)
        return body
    limit = None if o.verbose else 60
    body.append(readable(said, report, limit))
    cites = [a for a in entry.authorities if not any(a in v.authorities for v in violations_at(report, entry.position))]
    if cites and not o.verbose:
        body.append(f" ({short_cite(cites[0])})", style="dim")
    for v in violations_at(report, entry.position):
        style = "red" if v.severity == "error" else "yellow"
        body.append(f"\n{v.code}", style=f"bold {style}")
        body.append((" refused: " if v.refused else ": ") + readable(v.message, report, limit))
        if not o.verbose:
            body.append(f" ({first_cite(v.authorities)})", style="dim")
    if o.verbose:
        body.append(f"\n[{entry.event}; {entry.phase_before} {o.marks.arrow} {entry.phase}"
                    + ("" if entry.in_usual_order else "; out of the usual order") + "]", style="dim")
        for a in entry.authorities:
            body.append(f"\n  {a}", style="dim")
    return body


def _first_line(entry: EntryReport, o: Options, scenario: m.Scenario | None, explained: bool) -> Text:
    """The entry's kind and date, and (unless the verdicts are hidden) the phase it leads to when that says
    something the kind does not."""
    line = Text(entry.event_label[:1].upper() + entry.event_label[1:], style="bold")
    line.append(f" {o.marks.dot} {entry.date_label}", style="dim")
    if _final_appeal(entry, scenario) is not None:
        line.append(" (from the final judgment)", style="dim")
        return line
    if entry.phase != entry.phase_before and not o.hide_verdicts \
            and entry.phase_label.lower() != entry.event_label.lower() \
            and (explained or o.verbose or not _says_again(entry.phase_label, entry.event_label)):
        line.append(f" {o.marks.arrow} {entry.phase_label}", style="cyan")
    return line


QUOTE_ROOM = 24
"""The fewest characters of docket text worth printing on an entry's first line; less, and it goes below."""
QUOTE_MARKS = 5
"""What ``quoted`` adds to the text it keeps: two quotation marks and "..." where it cuts."""


def _one_line(head: Text, entry: EntryReport, room: int) -> Text:
    """The entry's first line with its docket text after it, cut to the line; or below it, cut to one line."""
    left = room - head.cell_len - 1
    if (entry.description and left >= len(quoted(entry.description))) or left >= QUOTE_ROOM:
        return head.append(" ").append_text(_docket_text(entry, left - QUOTE_MARKS))
    return head.append("\n").append_text(_docket_text(entry, room - QUOTE_MARKS))


def _docket(report: Report, scenario: m.Scenario | None, o: Options) -> list[RenderableType]:
    labels = max([len(e.label) for e in report.entries] + [4])
    marks = max(len(o.marks.refused), 1)
    room = o.width - marks - labels - 2
    table = Table.grid(padding=(0, 1, 0, 0))
    table.add_column(no_wrap=True, width=marks)
    table.add_column(no_wrap=True, width=labels)
    table.add_column(width=room)
    texts = {**report.request_texts, **report.fact_question_texts}
    before: Standing | None = None
    for entry in report.entries:
        mark, style = ("", "") if o.hide_verdicts else _mark(report, entry, o.marks)
        where = Text(entry.label, style="bold")
        if o.hide_verdicts:
            said = _first_line(entry, o, scenario, False).append("\n").append_text(_docket_text(entry, None))
            if scenario is not None and entry.position <= len(scenario.docket):
                facts = d.facts(scenario.docket[entry.position - 1], scenario, texts)
                if facts:
                    line = "; ".join(facts)
                    line = line[:1].upper() + line[1:]
                    said.append("\n" + line + ("" if line.endswith(".") else "."), style="dim")
        elif o.verbose:
            said = _first_line(entry, o, scenario, True).append("\n").append_text(_docket_text(entry, None))
            said.append("\n").append_text(_reading(entry, report, o, scenario))
        elif _turns(entry, before, scenario):
            said = _one_line(_first_line(entry, o, scenario, True), entry, room)
            said.append("\n").append_text(_reading(entry, report, o, scenario))
        else:
            said = _one_line(_first_line(entry, o, scenario, False), entry, room)
        table.add_row(Text(mark, style=style), where, said)
        before = entry.standing
    return [_heading("Docket"), *_legend(o), table]


# --- what may happen next ----------------------------------------------------------------------------
ACTORS = ("plaintiff", "official", "defendant", "city", "parties", "district court", "court of appeals", "anyone")


def move_line(move: NextMove, marks: Marks, verbose: bool = False) -> Text:
    """One move: open or barred, what it is, why (its codes as reasons), one short cite."""
    line = Text()
    line.append(marks.ok if move.open else marks.error, style="green" if move.open else "red")
    line.append(f" {move.label}")
    if move.open:
        why = move.why
    else:
        codes = [w.split(":")[0] for w in move.why.split(". ") if w[:2] == "QI" and ":" in w[:7]]
        why = "barred: " + "; ".join(f"{c} {reason(c)}" for c in dict.fromkeys(codes)) if codes else move.why
    line.append(f" {marks.dot} {why}", style="" if move.open else "red")
    if move.authorities:
        cites = move.authorities if verbose else move.authorities[:1]
        line.append(" (" + "; ".join(cites if verbose else map(short_cite, cites)) + ")", style="dim")
    return line


def moves_by_actor(moves: list[NextMove]) -> list[tuple[str, list[NextMove]]]:
    """The moves grouped by who makes them, in the order a case moves: parties, then the courts."""
    order = {a: i for i, a in enumerate(ACTORS)}
    groups: dict[str, list[NextMove]] = {}
    for move in moves:
        groups.setdefault(move.actor, []).append(move)
    return sorted(groups.items(), key=lambda kv: order.get(kv[0], len(order)))


def _next(report: Report, o: Options) -> list[RenderableType]:
    if not report.next_moves:
        return []  # the verdict says so
    out: list[RenderableType] = [Text(""), _heading("What may happen next")]
    for actor, moves in moves_by_actor(report.next_moves):
        out.append(Text(actor[:1].upper() + actor[1:], style="bold"))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column()
        for move in moves:
            line = move_line(move, o.marks, o.verbose)
            grid.add_row(line[:1], line[2:])
        out.append(grid)
    return out


# --- output ----------------------------------------------------------------------------------------
def report_renderables(report: Report, scenario: m.Scenario | None, o: Options,
                       show_next: bool = True) -> list[RenderableType]:
    parts: list[RenderableType] = [_header(report, scenario, o), Text("")]
    if not o.hide_verdicts:
        parts += _verdict(report, o) + [Text("")]
    held = _court_held(report, scenario, o)
    if held:
        parts += held + [Text("")]
    parts += _docket(report, scenario, o)
    if show_next and not o.hide_verdicts:
        parts += _next(report, o)
    return parts


def terminal_width(stream: TextIO | None = None) -> int:
    """The terminal's width; ``COLUMNS`` when set; 80 when piped."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) >= 40:
        return int(columns)
    stream = stream or sys.stdout
    if stream.isatty():
        try:
            return max(40, os.get_terminal_size(stream.fileno()).columns)
        except (OSError, ValueError):
            pass
    return 80


def write(parts: list[RenderableType], stream: TextIO | None = None, width: int | None = None) -> None:
    """Render ``parts`` at ``width`` and write them in the stream's encoding (ASCII where it cannot)."""
    stream = stream or sys.stdout
    tty = stream.isatty() and "NO_COLOR" not in os.environ
    buffer = io.StringIO()
    console = Console(file=buffer, width=width or terminal_width(stream), force_terminal=tty,
                      color_system="standard" if tty else None, highlight=False, emoji=False, markup=False,
                      legacy_windows=False, soft_wrap=False)
    for part in parts:
        console.print(part)
    text = "\n".join(line.rstrip() for line in buffer.getvalue().split("\n"))
    stream.write(encodable(text, getattr(stream, "encoding", None) or "utf-8"))
    stream.flush()


def marks_for(stream: TextIO | None = None) -> Marks:
    """Unicode marks where the stream can print them, else ASCII."""
    stream = stream or sys.stdout
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        "".join(UNICODE.__dict__.values()).encode(encoding)
        return UNICODE
    except (UnicodeEncodeError, LookupError):
        return ASCII


def render(report: Report, stream: TextIO | None = None, *, scenario: m.Scenario | None = None,
           verbose: bool = False, hide_verdicts: bool = False, width: int | None = None,
           show_next: bool = True) -> None:
    """Print the report: verdict, the library case's holding and notes, the docket, what may happen next."""
    stream = stream or sys.stdout
    o = Options(verbose, hide_verdicts, marks_for(stream), width or terminal_width(stream))
    write(report_renderables(report, scenario, o, show_next), stream, o.width)
