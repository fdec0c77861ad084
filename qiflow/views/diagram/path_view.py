"""One docket drawn on the procedure: numbered steps in order, departures in red, the final situation emphasised."""

from __future__ import annotations

from qiflow import scenario as m
from qiflow.engine.report import EntryReport, Report
from qiflow.procedure.careful import PHASE, PROCEDURE, Procedure
from qiflow.views.diagram import style
from qiflow.views.diagram.bars import BARS
from qiflow.views.diagram.escape import shorten
from qiflow.views.diagram.graph import Graph, Label, Node, Text
from qiflow.views.diagram.procedure_view import (
    barred_id,
    gate_id,
    gates_of,
    procedure_graph,
    wrapped,
)

DOCKET = "docket"
_FADED_NODE = {"color": style.FADED, "fontcolor": style.MUTED}
_VISITED = {"color": style.PATH, "fillcolor": "#dce8fa", "penwidth": "2.4"}
_FINAL = {"color": style.FINAL, "fillcolor": "#b9d1f5", "penwidth": "5"}
_FLAGGED = {"color": style.BARRED, "fillcolor": "#f9d5d0", "penwidth": "3", "fontcolor": style.BARRED}


def _tag(e: EntryReport) -> str:
    """``7 · Dkt. 23 · 2022-12-28``: the step's number, then whatever the docket gives."""
    parts = [str(e.position)]
    if e.entry_number is not None:
        parts.append(f"Dkt. {e.entry_number}")
    if e.date_filed is not None:
        parts.append(e.date_filed.isoformat())
    return " · ".join(parts)


def _codes(e: EntryReport) -> Label:
    if not e.codes:
        return ()
    return (Text(("refused: " if not e.accepted else "⚠ ") + ", ".join(e.codes), bold=True, color=style.BARRED),)


def _fade(graph: Graph) -> None:
    for node in graph.nodes.values():
        if node.kind != "table":
            node.attrs |= _FADED_NODE
    for edge in graph.edges:
        edge.attrs |= {"color": style.FADED, "fontcolor": style.FADED}


def _title(scenario: m.Scenario, report: Report, heading: str | None) -> Label:
    where = ", ".join(x for x in (scenario.court, scenario.case_number) if x)
    parties = "; ".join(f"{p.name} ({p.role.value})" for p in scenario.parties)
    end = "yes" if report.discovery_authorized else "no"
    appealable = {None: "no discovery order", True: "yes", False: "no"}[report.appealable]
    return (
        *wrapped(heading or scenario.title, 90, bold=True),
        *(wrapped(where, 90, size=16) if where else ()),
        *wrapped(parties, 120, size=14),
        Text(f"Ends: {report.state_label} · discovery authorized: {end} · last discovery order appealable: "
             f"{appealable} · codes: {', '.join(report.codes) or 'none'}", size=14),
    )


def _docket(report: Report, procedure: Procedure) -> Node:
    rows: list[Label] = [tuple(Text(h, bold=True) for h in ("#", "Dkt.", "Filed", "Event", "Docket text", "Codes"))]
    for e in report.entries:
        rows.append((
            Text(str(e.position)), Text("" if e.entry_number is None else str(e.entry_number)),
            Text(e.date_filed.isoformat() if e.date_filed else ""), Text(procedure.move[e.event].label),
            Text(shorten(e.description or "", 70)), *(_codes(e) or (Text(""),)),
        ))
    return Node(DOCKET, "table", rows=tuple(rows))


def case_graph(scenario: m.Scenario, report: Report, procedure: Procedure = PROCEDURE,
               heading: str | None = None) -> Graph:
    """The procedure, faded, with the report's path over it in order."""
    graph = procedure_graph(procedure, _title(scenario, report, heading))
    _fade(graph)
    stayed: dict[str, list[EntryReport]] = {}
    for e in report.entries:
        graph.nodes[e.phase_before].attrs |= _VISITED
        step = (Text(_tag(e), bold=True), *wrapped(procedure.move[e.event].label, 24), *_codes(e))
        crossed = {g.code.code for g in BARS.get(e.phase_before, ())} & set(e.codes)
        if not e.accepted or (crossed and e.phase == e.phase_before):
            graph.add(Node(barred_id(e.phase_before), "barred", (Text("barred"),), cluster=PHASE[e.phase_before].cluster))
            # the step replaces the faded bar between the same nodes: two flat edges, one labelled, break dot
            graph.edges = [x for x in graph.edges
                           if x.kind == "path" or (x.tail, x.head) != (e.phase_before, barred_id(e.phase_before))]
            graph.connect(e.phase_before, barred_id(e.phase_before), "path", step, color=style.BARRED,
                          fontcolor=style.BARRED, style="solid" if e.accepted else "dashed")
        elif e.phase == e.phase_before:
            stayed.setdefault(e.phase, []).append(e)
        else:
            _move(graph, procedure, e, step)
    for phase, steps in stayed.items():
        node = graph.nodes[phase]
        node.label += (Text("steps " + ", ".join(str(e.position) for e in steps), size=12, color=style.PATH),
                       *(t for e in steps for t in _codes(e)))
    final = graph.nodes[report.state]
    final.attrs |= _FINAL
    final.label += (Text("◉ ends here" if PHASE[report.state].final else "◉ stands here at the end",
                         bold=True, color=style.FINAL),)
    graph.add(_docket(report, procedure))
    return graph


def _move(graph: Graph, procedure: Procedure, e: EntryReport, step: Label) -> None:
    """A step that moved the case; a gated move is drawn through its gates, failed gates in red."""
    move = procedure.move[e.event]
    gated = any(r.dest == e.phase for r in move.routes) and gates_of(move)
    hops = [gate_id(g) for g in gates_of(move)] if gated else []
    for number, (tail, head) in enumerate(zip([e.phase_before, *hops], [*hops, e.phase], strict=False)):
        graph.connect(tail, head, "path", step if number == 0 else ())
    for guard in gates_of(move) if gated else ():
        node = graph.nodes[gate_id(guard)]
        if guard.code.code in e.codes:
            node.attrs |= _FLAGGED
            node.label += (Text(f"✗ {guard.code.code} at step {e.position}", bold=True),)
        else:
            node.attrs |= _VISITED
