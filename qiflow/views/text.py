"""The report as a law student reads it in a terminal: the verdict first, then the docket.

Every string from a scenario is rich ``Text`` (never markup), so ``[/]`` in a docket prints as itself.
Output is rendered to a string at the width of the terminal (or ``COLUMNS``, or 80 when piped), then
written in the stream's encoding: a terminal that cannot print a symbol gets its ASCII form.
"""

from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass
from typing import TextIO

from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from qiflow import scenario as m
from qiflow.engine.refs import ref_name
from qiflow.engine.report import EntryReport, NextMove, Report
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

WIDE = 110
"""From this width on, the docket's own text and the law's reading of it sit side by side."""


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
    rule = "Carswell rules in force" if report.carswell_rules else "before Carswell, June 17, 2022"
    bits.append(f"{law} ({rule})")
    head.append("\n" + f" {o.marks.dot} ".join(bits), style="dim")
    return head


def _verdict(report: Report, o: Options) -> list[RenderableType]:
    out: list[RenderableType] = [_heading("Where the case stands")]
    lines = Text()
    phase = report.state_label + (f" ({report.state})" if o.verbose else "")
    lines.append("Now: ", style="bold").append(phase + "\n")
    errors = [v for v in report.violations if v.severity == "error"]
    warnings = [v for v in report.violations if v.severity != "error"]
    if not report.violations:
        lines.append("Departures: ", style="bold").append("none; every entry kept the careful procedure.",
                                                          style="green")
    else:
        lines.append("Departures: ", style="bold").append(
            f"{len(errors)} error(s), {len(warnings)} warning(s)", style="red" if errors else "yellow")
    out.append(lines)
    for v in report.violations:
        row = Text("  ")
        row.append(o.marks.error if v.severity == "error" else o.marks.warning,
                   style="red" if v.severity == "error" else "yellow")
        row.append(f" {v.code} ", style="bold")
        row.append(readable(v.message, report))
        if not v.settled:
            row.append(" Unsettled law: a warning.")
        if v.refused:
            row.append(" Refused (strict mode).", style="magenta")
        cites = v.authorities if o.verbose else v.authorities[:1]
        row.append(" (" + "; ".join(cites if o.verbose else map(short_cite, cites)) + ")", style="dim")
        out.append(row)
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
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, style="bold")
        grid.add_column()
        for name, body in rows:
            grid.add_row(Text(name), Text(" ".join(body.split())))
        out.append(grid)
    return out


# --- the docket ------------------------------------------------------------------------------------
def _legend(o: Options) -> Text:
    k = o.marks
    if o.hide_verdicts:
        return Text("Verdicts hidden: find the entries that depart from the careful procedure. "
                    "Dkt. N = docket number; Entry N = the Nth entry, docket number unknown.", style="dim")
    return Text(f"{k.ok} lawful  {k.warning} warning  {k.error} departure  {k.refused} refused  "
                f"{k.arrow} where the case now stands  {k.dot}  Dkt. N: docket number; "
                "Entry N: the Nth entry, number unknown", style="dim")


def _docket_text(entry: EntryReport, o: Options) -> Text:
    if not entry.description:
        return Text("(no docket text)", style="dim italic")
    room = (o.width - 12) * 2 // 5 - 6 if o.width >= WIDE else o.width - 16
    limit = None if o.verbose or o.hide_verdicts else max(room, 40) * (2 if o.width >= WIDE else 1)
    return Text(quoted(entry.description, limit), style="italic")


def _no_effect(entry: EntryReport, report: Report) -> bool:
    """An entry the law reads as nothing for the QI defense (a brief, an unrelated order): one line."""
    said = what_happened(entry, report)
    return bool(entry.description) and said.startswith(entry.description or "") and not entry.codes


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
    body.append(readable(said, report, None if o.verbose else 60))
    cites = [a for a in entry.authorities if not any(a in v.authorities for v in violations_at(report, entry.position))]
    if cites and not o.verbose:
        body.append(f" ({short_cite(cites[0])})", style="dim")
    for v in violations_at(report, entry.position):
        style = "red" if v.severity == "error" else "yellow"
        body.append(f"\n{v.code}", style=f"bold {style}")
        body.append((" refused: " if v.refused else ": ") + readable(v.message, report, None if o.verbose else 60))
        if not o.verbose:
            body.append(f" ({first_cite(v.authorities)})", style="dim")
    if o.verbose:
        body.append(f"\n[{entry.event}; {entry.phase_before} {o.marks.arrow} {entry.phase}"
                    + ("" if entry.in_usual_order else "; out of the usual order") + "]", style="dim")
        for a in entry.authorities:
            body.append(f"\n  {a}", style="dim")
    return body


def _first_line(entry: EntryReport, o: Options, scenario: m.Scenario | None = None) -> Text:
    line = Text(entry.event_label[:1].upper() + entry.event_label[1:], style="bold")
    line.append(f" {o.marks.dot} {entry.date_label}", style="dim")
    if _final_appeal(entry, scenario) is not None:
        line.append(" (from the final judgment)", style="dim")
        return line
    if entry.phase != entry.phase_before and not o.hide_verdicts \
            and entry.phase_label.lower() != entry.event_label.lower():
        line.append(f"  {o.marks.arrow} {entry.phase_label}", style="cyan")
    return line


def _docket(report: Report, scenario: m.Scenario | None, o: Options) -> list[RenderableType]:
    wide = o.width >= WIDE
    table = Table(box=None, show_header=False, padding=(0, 1, 0, 0), expand=True, show_edge=False)
    table.add_column(no_wrap=True, width=max(len(o.marks.refused), 1))
    table.add_column(no_wrap=True, width=max([len(e.label) for e in report.entries] + [4]))
    if wide:
        table.add_column(ratio=2)
        table.add_column(ratio=3)
    else:
        table.add_column()
    texts = {**report.request_texts, **report.fact_question_texts}
    for entry in report.entries:
        mark, style = ("", "") if o.hide_verdicts else _mark(report, entry, o.marks)
        where = Text(entry.label, style="bold")
        if _no_effect(entry, report) and not o.verbose and not o.hide_verdicts:
            said = _first_line(entry, o, scenario).append(": ").append_text(_docket_text(entry, o))
            said.append(" No effect on the QI defense.", style="dim")
            table.add_row(Text(mark, style=style), where, said, *([Text("")] if wide else []))
            continue
        said = _first_line(entry, o, scenario).append("\n").append_text(_docket_text(entry, o))
        if o.hide_verdicts:
            if scenario is not None and entry.position <= len(scenario.docket):
                facts = d.facts(scenario.docket[entry.position - 1], scenario, texts)
                if facts:
                    line = "; ".join(facts)
                    line = line[:1].upper() + line[1:]
                    said.append("\n" + line + ("" if line.endswith(".") else "."), style="dim")
            cells: list[Text] = [said] + ([Text("")] if wide else [])
        elif wide:
            cells = [said, _reading(entry, report, o, scenario)]
        else:
            cells = [said.append("\n").append_text(_reading(entry, report, o, scenario))]
        table.add_row(Text(mark, style=style), where, *cells)
    return [_heading("Docket"), _legend(o), table]


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
        return [_heading("What may happen next"), Text("Nothing: no defendant remains in the case.")]
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
