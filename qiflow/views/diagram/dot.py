"""Serialise a ``Graph`` as Graphviz DOT: every label HTML-like and escaped, output in insertion order."""

from __future__ import annotations

from qiflow.views.diagram import style
from qiflow.views.diagram.escape import clean, html
from qiflow.views.diagram.graph import Edge, Graph, Label, Node, Text


def _line(t: Text) -> str:
    body = "<BR/>".join(html(x) for x in clean(t.text))
    if not body.strip():
        return body  # Graphviz rejects an empty <B> or <FONT>
    if t.bold:
        body = f"<B>{body}</B>"
    attrs = (f' POINT-SIZE="{t.size}"' if t.size else "") + (f' COLOR="{t.color}"' if t.color else "")
    return f"<FONT{attrs}>{body}</FONT>" if attrs else body


def _label(label: Label) -> str:
    return "<" + "<BR/>".join(_line(t) for t in label) + ">"


def _table(rows: tuple[Label, ...]) -> str:
    cells = "".join(
        "<TR>" + "".join(f'<TD ALIGN="LEFT" BALIGN="LEFT">{_line(t) or " "}</TD>' for t in row) + "</TR>"
        for row in rows
    )
    return f'<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4">{cells}</TABLE>>'


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _attrs(attrs: dict[str, str], label: str | None = None) -> str:
    parts = [f"{k}={_quote(v)}" for k, v in attrs.items()]
    if label is not None:
        parts.insert(0, f"label={label}")
    return " [" + ", ".join(parts) + "]" if parts else ""


def _node(node: Node) -> str:
    label = _table(node.rows) if node.rows else _label(node.label) if node.label else _quote("")
    return f"{_quote(node.id)}{_attrs(style.NODE[node.kind] | node.attrs, label)};"


def _edge(edge: Edge) -> str:
    label = _label(edge.label) if edge.label else None
    return f"{_quote(edge.tail)} -> {_quote(edge.head)}{_attrs(style.EDGE[edge.kind] | edge.attrs, label)};"


def to_dot(graph: Graph) -> str:
    """DOT text for ``graph``; the same graph always gives the same bytes."""
    out = ["digraph qiflow {", f"  graph{_attrs(style.GRAPH, _label(graph.title))};",
           f"  node{_attrs(style.NODE_DEFAULT)};", f"  edge{_attrs(style.EDGE_DEFAULT)};"]
    for cid, title in graph.clusters.items():
        members = [n for n in graph.nodes.values() if n.cluster == cid]
        out.append(f"  subgraph {_quote('cluster_' + cid)} {{")
        out.append(f"    graph{_attrs(style.cluster(cid), _label((Text(title, bold=True, size=18),)))};")
        out += [f"    {_node(n)}" for n in members]
        ids = {n.id for n in members}
        out += ["    {rank=same; " + " ".join(_quote(x) + ";" for x in group) + "}"
                for group in graph.same_rank if ids.issuperset(group)]
        out.append("  }")
    out += [f"  {_node(n)}" for n in graph.nodes.values() if n.cluster is None]
    out += [f"  {_edge(e)}" for e in graph.edges]
    out.append("}")
    return "\n".join(out) + "\n"
