"""The whole careful procedure as a ``Graph``, read off ``PROCEDURE``: phases, moves, gates, bars, settling."""

from __future__ import annotations

from qiflow.guards import GATES, Guard
from qiflow.procedure import CLUSTERS, PROCEDURE, SETTLE, Move, Procedure, Route
from qiflow.views.diagram import style
from qiflow.views.diagram.escape import clean
from qiflow.views.diagram.graph import Graph, Label, Node, Text

START, SETTLE_NODE, LEGEND = "start", "settle", "legend"
FAN_IN = 3
"""Routes from this many phases or more meet at a junction first, so one label serves them all."""


def wrapped(text: str, width: int = 22, **how: object) -> Label:
    return tuple(Text(line, **how) for line in clean(text, width))  # type: ignore[arg-type]


def gate_id(guard: Guard) -> str:
    return f"gate_{guard.name}"


def barred_id(where: str) -> str:
    return f"barred_{where}"


def gates_of(move: Move) -> tuple[Guard, ...]:
    """The Zapata gates this move must pass, in the law's order."""
    return tuple(x for x in GATES if x in move.guards)


def _when(route: Route) -> Label:
    return wrapped("[" + ", ".join(c.label for c in route.when) + "]", 24, size=11) if route.when else ()


class _Drawing:
    def __init__(self, procedure: Procedure, graph: Graph) -> None:
        self.procedure, self.graph = procedure, graph
        self.cluster_of = {p.name: p.cluster for p in procedure.phases}

    def tails(self, move: Move, sources: tuple[str, ...]) -> list[str]:
        """Where edges of ``move`` from ``sources`` start: the phases, or one junction they all feed.

        A cluster whose every phase is a source feeds the junction once, from its border.
        """
        if len(sources) < FAN_IN:
            return list(sources)
        join = self.graph.add(Node("join_" + move.event + "__" + "_".join(sources), "join")).id
        for source in sources:
            cluster = self.cluster_of[source]
            members = [p for p, c in self.cluster_of.items() if c == cluster]
            if not set(members) <= set(sources):
                self.graph.connect(source, join, "feed")
            elif source == members[-1]:
                self.graph.connect(source, join, "feed", ltail=f"cluster_{cluster}")
        return [join]

    def route(self, move: Move, route: Route) -> None:
        gates = gates_of(move)
        head = gate_id(gates[0]) if gates else route.dest
        label = wrapped(move.label) + (() if gates else _when(route))
        for tail in self.tails(move, route.sources):
            self.graph.connect(tail, head, "move", label)
        if gates:
            self.gate_chain(gates, route)

    def gate_chain(self, gates: tuple[Guard, ...], route: Route) -> None:
        for number, guard in enumerate(gates, 1):
            self.graph.add(Node(gate_id(guard), "gate", (
                Text(f"Gate {GATES.index(guard) + 1}", bold=True),
                *wrapped(guard.name.replace("_", " ").replace("qi", "QI"), 18),
                Text(guard.code.authorities[0].short, size=11),
            ), cluster=self.cluster_of[route.dest]))
            last = number == len(gates)
            head = route.dest if last else gate_id(gates[number])
            self.graph.connect(gate_id(guard), head, "gate", (Text("yes"),) + (_when(route) if last else ()))
            self.bar(gate_id(guard), self.cluster_of[route.dest], (Text(f"no: {guard.code.code}"),), beside=False)
        self.graph.same_rank.append(tuple(gate_id(x) for x in gates))

    def bar(self, tail: str, cluster: str, label: Label, beside: bool = True) -> None:
        self.graph.add(Node(barred_id(tail), "barred", (Text("barred"),), cluster=cluster))
        self.graph.connect(tail, barred_id(tail), "barred", label)
        if beside and (tail, barred_id(tail)) not in self.graph.same_rank:
            self.graph.same_rank.append((tail, barred_id(tail)))

    def settling(self, move: Move) -> None:
        for tail in self.tails(move, move.settles_from):
            self.graph.connect(tail, SETTLE_NODE, "settle", wrapped(move.label))

    def settle_hub(self) -> None:
        self.graph.add(Node(SETTLE_NODE, "settle", (
            Text("Where does the case", bold=True), Text("stand now?", bold=True), Text("(first that holds)", size=11))))
        final = {p.name for p in self.procedure.phases if p.final}
        for number, route in enumerate(SETTLE, 1):
            when = ", ".join(c.label for c in route.when) or "otherwise"
            ends = {"constraint": "true"} if route.dest in final else {}
            self.graph.connect(SETTLE_NODE, route.dest, "settled", (Text(f"{number}. {when}", size=11),), **ends)

    def bars(self) -> None:
        for phase in self.procedure.phases:
            for guard in phase.bars:
                for move in self.procedure.moves:
                    if guard in move.guards:
                        self.bar(phase.name, phase.cluster, wrapped(move.label, 24) + (
                            Text(f"{guard.code.code} {guard.code.name}", size=11),))


def _legend() -> Node:
    rows = (
        (Text("Legend", bold=True), Text("")),
        (Text("▭"), Text("a phase: where the case stands")),
        (Text("——▸", color=style.MUTED), Text("a docket event that moves the case [when]")),
        (Text("⬡"), Text("a Zapata gate, passed in order")),
        (Text("- - ▸", color=style.MUTED), Text("the posture decides where the case goes")),
        (Text("- - ▸", color=style.BARRED), Text("barred by a rule of law: its violation code", color=style.BARRED)),
    )
    return Node(LEGEND, "table", rows=rows)


def procedure_graph(procedure: Procedure = PROCEDURE, title: Label | None = None) -> Graph:
    """Draw ``procedure``: every route, the gates on gated routes, canonical settling, and barred moves."""
    graph = Graph(title or (Text("The careful procedure for discovery when an official asserts QI", bold=True),
                            Text("Fifth Circuit: Zapata, Backe, Wicks, Carswell", size=16)))
    graph.clusters = dict(CLUSTERS)
    graph.add(Node(START, "start"))
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
    graph.add(_legend())
    return graph
