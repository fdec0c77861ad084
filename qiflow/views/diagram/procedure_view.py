"""The whole careful procedure as a ``Graph``, read off ``PROCEDURE``: phases, moves, gates, bars, settling.

Drawn for a slide: a route from many phases is one edge from the phase nearest its destination, its label
naming the others; the posture's settling is one table near the late phases, and the phases far from it
reach it, and are reached from it, through short portal notes instead of edges across the chart.
"""

from __future__ import annotations

from qiflow.law.codes import Code
from qiflow.law.guards import GATES, Guard
from qiflow.procedure.careful import CLUSTERS, PROCEDURE, SETTLE
from qiflow.procedure.model import Move, Procedure, Route
from qiflow.views.diagram import style
from qiflow.views.diagram.bars import BARS
from qiflow.views.diagram.escape import clean
from qiflow.views.diagram.graph import Graph, Label, Node, Text

START, SETTLE_NODE, LEGEND = "start", "settle", "legend"
FAN_IN = 3
"""A route from this many phases or more is drawn once, from the source nearest its destination."""
LINE, NOTE = 30, 40
"""Where an edge label's lines, and its smaller "also from" note, wrap: wide and few, to keep ranks short."""


def wrapped(text: str, width: int = 22, **how: object) -> Label:
    return tuple(Text(line, **how) for line in clean(text, width))  # type: ignore[arg-type]


def gate_id(guard: Guard) -> str:
    return f"gate_{guard.name}"


def barred_id(where: str) -> str:
    return f"barred_{where}"


def portal_id(where: str) -> str:
    return f"to_settle_{where}"


def gates_of(move: Move) -> tuple[Guard, ...]:
    """The Zapata gates this move must pass, in the law's order."""
    return tuple(x for x in GATES if x in move.guards)


def _when(route: Route) -> Label:
    return wrapped("[" + ", ".join(c.label for c in route.when) + "]", LINE, size=13) if route.when else ()


class _Drawing:
    def __init__(self, procedure: Procedure, graph: Graph) -> None:
        self.procedure, self.graph = procedure, graph
        self.order = [p.name for p in procedure.phases]
        self.short = {p.name: p.label.split(":")[0] for p in procedure.phases}
        self.cluster_of = {p.name: p.cluster for p in procedure.phases}
        self.cluster_of |= {gate_id(g): self.cluster_of[r.dest] for mv in procedure.moves for g in gates_of(mv)
                            for r in mv.routes}
        gated = [self.order.index(r.dest) for mv in procedure.moves if gates_of(mv) for r in mv.routes]
        pivot = max(gated, default=len(self.order) - 1 - sum(p.final for p in procedure.phases))
        self.late = set(self.order[pivot + 1:])
        """The phases after the gates' destination: the settling table is drawn among them."""
        gated_dest = {r.dest: gates_of(mv) for mv in procedure.moves if gates_of(mv) for r in mv.routes}
        self.column: dict[str, str] = {}
        """Each node's column on the slide, in reading order: an early cluster, the gates with their destination,
        or the late clusters, which stand one under another."""
        for phase in self.order:
            for guard in gated_dest.get(phase, ()):
                self.column[gate_id(guard)] = "gates"
            self.column[phase] = "gates" if phase in gated_dest else "late" if phase in self.late else \
                self.cluster_of[phase]

    def representative(self, sources: tuple[str, ...], dest: str | None, head: str | None = None) -> str:
        """The source drawn for a many-source route: the one nearest its ``head`` (``dest`` or its first gate).

        Nearest means in the fewest columns, then the fewest steps down its column; a tie goes to the one
        before ``dest`` in procedure order, then the later. Without a ``dest``, the last source.
        """
        ranked = sorted(sources, key=self.order.index)
        if dest is None:
            return ranked[-1]
        columns = list(dict.fromkeys(self.column.values()))

        def place(node: str) -> tuple[int, int]:
            column = self.column[node]
            return columns.index(column), [n for n, c in self.column.items() if c == column].index(node)

        def distance(source: str) -> tuple[int, int, bool, int]:
            (sc, sr), (dc, dr) = place(source), place(head or dest)
            return abs(sc - dc), abs(sr - dr), self.order.index(source) > self.order.index(dest), \
                -self.order.index(source)

        return min(ranked, key=distance)

    def also_from(self, sources: tuple[str, ...], drawn: str) -> Label:
        """``also from A … B, C``: the sources not drawn, runs of neighbours in procedure order shortened."""
        runs: list[list[str]] = []
        for source in sorted(sources, key=self.order.index):
            if runs and self.order.index(source) == self.order.index(runs[-1][-1]) + 1:
                runs[-1].append(source)
            else:
                runs.append([source])
        parts = []
        for run in runs:
            run = [s for s in run if s != drawn]
            if len(run) >= 3:
                parts.append(f"{self.short[run[0]]} … {self.short[run[-1]]}")
            else:
                parts += [self.short[s] for s in run]
        return wrapped("also from " + "; ".join(parts), NOTE, size=13)

    def tails(self, sources: tuple[str, ...], dest: str | None, head: str | None = None) -> tuple[list[str], Label]:
        if len(sources) < FAN_IN:
            return list(sources), ()
        drawn = self.representative(sources, dest, head)
        return [drawn], self.also_from(sources, drawn)

    def stack_late(self) -> None:
        """The late phases stand one under another, in procedure order (invisible lines hold them)."""
        late = [p for p in self.order if p in self.late]
        for upper, lower in zip(late, late[1:], strict=False):
            self.graph.connect(upper, lower, "order")

    def route(self, move: Move, route: Route) -> None:
        gates = gates_of(move)
        head = gate_id(gates[0]) if gates else route.dest
        tails, note = self.tails(route.sources, route.dest, head)
        label = wrapped(move.label, LINE) + (() if gates else _when(route)) + note
        for tail in tails:
            self.graph.connect(tail, head, "move", label)

        if gates:
            self.gate_chain(gates, route)

    def gate_chain(self, gates: tuple[Guard, ...], route: Route) -> None:
        for number, guard in enumerate(gates, 1):
            self.graph.add(Node(gate_id(guard), "gate", (
                Text(f"Gate {GATES.index(guard) + 1}", bold=True, size=22),
                Text(guard.name.replace("_", " ").replace("qi", "QI"), bold=True),
                Text(guard.code.authorities[0].short, size=13),
            ), cluster=self.cluster_of[route.dest]))
            last = number == len(gates)
            head = route.dest if last else gate_id(gates[number])
            self.graph.connect(gate_id(guard), head, "gate", (Text("yes"),) + (_when(route) if last else ()))
            self.bar(gate_id(guard), self.cluster_of[route.dest], (Text("no:"), Text(guard.code.code, bold=True)),
                     tooltip=f"{guard.code.code} {guard.code.name}")

    def bar(self, tail: str, cluster: str, label: Label, left: bool = False, **attrs: str) -> None:
        """A barred move: a red octagon beside ``tail`` (on its left if ``left``) naming its code(s).

        The codes stand in the octagon, not on the line: a labelled line between neighbours on one rank
        inside a cluster trips Graphviz's ranking ("trouble in init_rank").
        """
        self.graph.add(Node(barred_id(tail), "barred", label, cluster=cluster))
        self.graph.connect(tail, barred_id(tail), "barred", **attrs).backward = left  # type: ignore[arg-type]
        if (tail, barred_id(tail)) not in self.graph.same_rank:
            self.graph.same_rank.append((tail, barred_id(tail)))

    def settling(self, move: Move) -> None:
        near = tuple(s for s in move.settles_from if s in self.late)
        far = tuple(s for s in move.settles_from if s not in self.late)
        for tail in self.tails(near, None)[0] if near else ():
            self.graph.connect(tail, SETTLE_NODE, "settle", wrapped(move.label, LINE))
        if far:
            tails, note = self.tails(far, None)
            for tail in tails:
                self.portal(tail)
                self.graph.connect(tail, portal_id(tail), "settle", wrapped(move.label, LINE) + note)

    def portal(self, source: str) -> None:
        """A note beside a far phase standing for the settling table, instead of an edge across the chart."""
        self.graph.add(Node(portal_id(source), "portal", (
            Text("▸ where does the case", bold=True), Text("stand now? (table)", bold=True)),
            cluster=self.cluster_of[source]))

    def settle_hub(self) -> None:
        """The settling routes as a table, first that holds.

        An outcome among the late phases that does not itself settle here is drawn from its own cell; the
        others are named with ↑ (an edge to them would run across the chart or loop back).
        """
        outcomes: list[Label] = []
        sources = {s for mv in self.procedure.moves for s in mv.settles_from}
        for number, route in enumerate(SETTLE, 1):
            when = ", ".join(c.label for c in route.when) or "otherwise"
            far = "" if route.dest in self.late and route.dest not in sources else " ↑"
            outcomes.append((Text(f"{number}. {when}"), Text(f"→ {self.short[route.dest]}{far}", bold=True)))
        title: Label = (Text("Where does the case stand now?", bold=True, size=18),)
        rows = (title, (Text("the first that holds:", size=14),), *outcomes)
        plain = tuple(Text(f"{o[0].text} {o[1].text.removesuffix(' ↑')}") for o in outcomes)  # for Mermaid
        self.graph.add(Node(SETTLE_NODE, "settle", title + plain, rows=rows))
        for number, route in enumerate(SETTLE):
            if route.dest in self.late and route.dest not in sources:
                self.graph.connect(SETTLE_NODE, route.dest, "settled", tailport=f"r{2 + number}c1",
                                   constraint="false")

    def bars(self) -> None:
        """Each phase's barred moves; in a cluster they alternate left and right of their phases, so the
        octagons of two barred phases on neighbouring rows do not reach across the same lines."""
        sides: dict[str, bool] = {}
        for phase in self.procedure.phases:
            barred = [(move, guard) for guard in BARS.get(phase.name, ()) for move in self.procedure.moves if guard in move.guards]
            if barred:
                codes = dict.fromkeys(guard.code.code for _, guard in barred)
                tip = "; ".join(f"{move.label}: {guard.code.code} {guard.code.name}" for move, guard in barred)
                left = sides[phase.cluster] = not sides.get(phase.cluster, False)
                self.bar(phase.name, phase.cluster, (Text("barred:"), Text(" · ".join(codes), bold=True)), left,
                         tooltip=tip)


def _legend(procedure: Procedure) -> Node:
    """What the shapes and lines mean, beside the violation codes the picture shows, two to a row."""
    codes: dict[str, Code] = {}
    for phase in procedure.phases:
        for guard in BARS.get(phase.name, ()):
            codes.setdefault(guard.code.code, guard.code)
    for guard in GATES:
        if guard in procedure.guards:
            codes.setdefault(guard.code.code, guard.code)
    symbols: list[Label] = [
        (Text("▭"), Text("a phase: where the case stands")),
        (Text("——▸", color=style.MUTED), Text("a docket event that moves the case [when]")),
        (Text("⬡"), Text("a Zapata gate, passed in order")),
        (Text("- - ▸", color=style.MUTED), Text("the posture decides where the case goes")),
        (Text("- - ▸", color=style.BARRED), Text("barred by a rule of law: its code", color=style.BARRED)),
    ]
    named = [(Text(code, bold=True, color=style.BARRED), Text(c.name.replace("-", " "))) for code, c in codes.items()]
    pairs = [named[i:i + 2] for i in range(0, len(named), 2)]
    blank: Label = (Text(""), Text(""))
    rows = tuple(
        (symbols[i] if i < len(symbols) else blank) + tuple(t for cell in (pairs[i] if i < len(pairs) else ())
                                                           for t in cell)
        for i in range(max(len(symbols), len(pairs)))
    )
    return Node(LEGEND, "legend", rows=rows)


def procedure_graph(procedure: Procedure = PROCEDURE, title: Label | None = None) -> Graph:
    """Draw ``procedure``: every route, the gates on gated routes, canonical settling, and barred moves."""
    graph = Graph(title or (Text("The careful procedure for discovery when an official asserts QI", bold=True),
                            Text("Fifth Circuit: Zapata, Backe, Wicks, Carswell", size=20)))
    graph.clusters = dict(CLUSTERS)
    initial = next(p for p in procedure.phases if p.name == procedure.initial)
    graph.add(Node(START, "start", cluster=initial.cluster))
    for phase in procedure.phases:
        attrs = {"peripheries": "2"} if phase.final else {}
        graph.add(Node(phase.name, "phase", wrapped(phase.label, 20), cluster=phase.cluster, attrs=attrs))
    graph.connect(START, procedure.initial, "move")
    drawing = _Drawing(procedure, graph)
    for move in procedure.moves:
        for route in move.routes:
            drawing.route(move, route)
    drawing.settle_hub()
    for move in procedure.moves:
        if move.settles_from:
            drawing.settling(move)
    drawing.bars()
    drawing.stack_late()
    graph.add(_legend(procedure))  # drawn beside the title
    return graph
