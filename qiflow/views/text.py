"""The report as a law student would read it in a terminal (rich), deterministic when not a terminal."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from qiflow.engine.report import EntryReport, Report

_MARK = {"ok": ("✓", "green"), "warn": ("!", "yellow"), "error": ("✗", "red"), "refused": ("⊘", "magenta")}


def _verdict(e: EntryReport, report: Report) -> tuple[str, str]:
    if not e.accepted:
        return _MARK["refused"]
    severities = {v.severity for v in report.violations if v.position == e.position}
    if "error" in severities:
        return _MARK["error"]
    return _MARK["warn"] if severities else _MARK["ok"]


def _docket(report: Report) -> Table:
    table = Table(title="Docket", title_justify="left", expand=True, show_lines=True)
    table.add_column("Dkt.", justify="right", no_wrap=True)
    table.add_column("Filed", no_wrap=True)
    table.add_column("", no_wrap=True)
    table.add_column("What happened, and why it matters")
    for e in report.entries:
        mark, style = _verdict(e, report)
        number = str(e.entry_number) if e.entry_number is not None else f"#{e.position}"
        body = Text(e.explanation)
        if e.codes:
            body.append("  [" + ", ".join(e.codes) + "]", style=style)
        if e.phase != e.phase_before:
            body.append(f"\n→ {e.phase}", style="dim")
        table.add_row(number, str(e.date_filed or ""), Text(mark, style=style), body)
    return table


def _violations(report: Report) -> Table | Text:
    if not report.violations:
        return Text("No departures from the careful procedure.", style="green")
    table = Table(title="Departures from the careful procedure", title_justify="left", expand=True)
    table.add_column("Code", no_wrap=True)
    table.add_column("Dkt.", justify="right", no_wrap=True)
    table.add_column("What the law says, and who says so")
    for v in report.violations:
        style = "red" if v.severity == "error" else "yellow"
        head = Text(f"{v.code}\n{v.name}", style=style)
        if v.refused:
            head.append("\nrefused", style="magenta")
        body = Text(v.message + ("" if v.settled else " (unsettled: a warning)"))
        body.append("\n" + "; ".join(v.authorities), style="dim")
        table.add_row(head, str(v.entry_number if v.entry_number is not None else f"#{v.position}"), body)
    return table


def _officials(report: Report) -> Table:
    table = Table(title="Officials", title_justify="left", expand=True)
    for col in ("Official", "QI", "Gate 1 held", "Burden (McClendon)"):
        table.add_column(col)
    for o in report.officials:
        table.add_row(o.name, o.qi_status, "yes" if o.gate1 else "no", o.burden)
    return table


def _next(report: Report) -> Table | Text:
    if not report.next_moves:
        return Text("What may happen next: nothing; no defendant remains in the case.")
    table = Table(title="What may happen next", title_justify="left", expand=True)
    table.add_column("", no_wrap=True)
    table.add_column("Move")
    table.add_column("Why")
    for n in report.next_moves:
        mark = Text("open", style="green") if n.open else Text("barred", style="red")
        why = Text(n.why)
        if n.authorities:
            why.append("\n" + "; ".join(n.authorities), style="dim")
        table.add_row(mark, n.label, why)
    return table


def _summary(report: Report) -> Text:
    appealable = {True: "yes", False: "no", None: "no discovery order"}[report.appealable]
    out = Text()
    out.append(f"Where the case stands: {report.state_label} ({report.state})\n", style="bold")
    out.append(f"Discovery against an official authorized: {'yes' if report.discovery_authorized else 'no'}\n")
    out.append(f"Last discovery order immediately appealable: {appealable}\n")
    if report.appealable is not None:
        out.append("  (collateral-order doctrine: " + "; ".join(report.appealable_authorities[:2]) + ")\n", style="dim")
    errors = sum(v.severity == "error" for v in report.violations)
    warnings = len(report.violations) - errors
    out.append(f"{errors} error(s), {warnings} warning(s)", style="red" if errors else "green")
    if report.refused:
        out.append(f"; refused in strict mode: {', '.join(map(str, report.refused))}", style="magenta")
    return out


def render(report: Report, console: Console) -> None:
    law = "Carswell rules in force" if report.carswell_rules else "before Carswell (June 17, 2022)"
    head = Text(report.title, style="bold")
    as_of = f"law as of {report.law_as_of}" if report.law_as_of else "today's law"
    head.append(f"\n{report.mode} mode · {as_of} · {law}", style="dim")
    console.print(Panel(head))
    console.print(Group(_docket(report), _violations(report), _officials(report), _next(report), _summary(report)))


def make_console(file=None, width: int | None = None) -> Console:  # noqa: ANN001 - a text stream
    """A terminal console; off a terminal, fixed width and no colour so that output is byte-identical."""
    console = Console(file=file, highlight=False)
    if not console.is_terminal:
        console = Console(file=file, width=width or 100, color_system=None, highlight=False, emoji=False)
    return console
