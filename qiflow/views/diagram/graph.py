"""A drawing as plain data: nodes, edges and clusters with structured text, serialised by ``dot`` or ``mermaid``.

Labels hold raw text; escaping happens only in the serialisers, so no caller can inject markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Text:
    """One line of a label: raw text and how to show it."""

    text: str
    size: int | None = None
    bold: bool = False
    color: str | None = None


Label = tuple[Text, ...]


@dataclass
class Node:
    """``kind`` picks the shape: phase, gate, settle, portal, barred, start, table, legend."""

    id: str
    kind: str
    label: Label = ()
    cluster: str | None = None
    rows: tuple[Label, ...] = ()
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass
class Edge:
    """``kind`` picks the line: move, gate, settle, settled, barred, order (invisible), path."""

    tail: str
    head: str
    kind: str
    label: Label = ()
    attrs: dict[str, str] = field(default_factory=dict)
    backward: bool = False
    """Lay the line out head first (drawn with its arrow reversed), which puts a same-rank head on the left."""


@dataclass
class Graph:
    title: Label
    clusters: dict[str, str] = field(default_factory=dict)
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    same_rank: list[tuple[str, ...]] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)
    """Graph attributes over ``style.GRAPH`` (a slide's canvas, its direction)."""
    cluster_attrs: dict[str, dict[str, str]] = field(default_factory=dict)
    cluster_labels: dict[str, Label] = field(default_factory=dict)
    """A cluster's title as styled lines, instead of its plain title in ``clusters``."""

    def add(self, node: Node) -> Node:
        return self.nodes.setdefault(node.id, node)

    def connect(self, tail: str, head: str, kind: str, label: Label = (), **attrs: str) -> Edge:
        """Add an edge; one between the same nodes of the same kind gains the label lines instead."""
        for edge in self.edges:
            if (edge.tail, edge.head, edge.kind) == (tail, head, kind) and kind != "path":
                edge.label += label
                return edge
        edge = Edge(tail, head, kind, label, dict(attrs))
        self.edges.append(edge)
        return edge
