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


def _table(rows: tuple[Label, ...], kind: str) -> str:
    """Rows of cells, cell ``c`` of row ``r`` at port ``r<r>c<c>``; a short row's last cell spans the rest."""
    width = max(len(row) for row in rows)
    cells = "".join(
        "<TR>" + "".join(
            f'<TD ALIGN="LEFT" BALIGN="LEFT" PORT="r{r}c{c}"'
            + (f' COLSPAN="{width - len(row) + 1}"' if c == len(row) - 1 and len(row) < width else "")
            + f">{_line(t) or ' '}</TD>"
            for c, t in enumerate(row)) + "</TR>"
        for r, row in enumerate(rows)
    )
    return f"<<TABLE {style.TABLE.get(kind, style.TABLE['table'])}>{cells}</TABLE>>"


def _heading(graph: Graph) -> str:
    """The title with the legend beside it, and any table (a docket) under them: the heading takes no rank
    from the chart, so a tall table cannot stretch the chart's rows apart."""
    legend = [n for n in graph.nodes.values() if n.kind == "legend"]
    tables = [n for n in graph.nodes.values() if n.kind == "table"]
    if not legend and not tables:
        return _label(graph.title)
    top = f'<TD VALIGN="TOP">{_label(graph.title)[1:-1]}</TD>'
    if legend:
        top += (f'<TD WIDTH="80"> </TD><TD><FONT POINT-SIZE="{style.NODE["legend"]["fontsize"]}">'
                f'{_table(legend[0].rows, "legend")[1:-1]}</FONT></TD>')
    span = 3 if legend else 1
    below = "".join(f'<TR><TD COLSPAN="{span}"><FONT POINT-SIZE="{style.NODE["table"]["fontsize"]}">'
                    f'{_table(t.rows, "table")[1:-1]}</FONT></TD></TR>' for t in tables)
    return f'<<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="4"><TR>{top}</TR>{below}</TABLE>>'


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _attrs(attrs: dict[str, str], label: str | None = None) -> str:
    parts = [f"{k}={_quote(v)}" for k, v in attrs.items()]
    if label is not None:
        parts.insert(0, f"label={label}")
    return " [" + ", ".join(parts) + "]" if parts else ""


def _node(node: Node) -> str:
    label = _table(node.rows, node.kind) if node.rows else _label(node.label) if node.label else _quote("")
    return f"{_quote(node.id)}{_attrs(style.NODE.get(node.kind, {}) | node.attrs, label)};"


def _edge(edge: Edge) -> str:
    label = _label(edge.label) if edge.label else None
    attrs = style.EDGE.get(edge.kind, {}) | edge.attrs
    if edge.backward:
        swap = {"tailport": "headport", "headport": "tailport"}
        attrs = {swap.get(k, k): v for k, v in attrs.items()} | {"dir": "back"}
        return f"{_quote(edge.head)} -> {_quote(edge.tail)}{_attrs(attrs, label)};"
    return f"{_quote(edge.tail)} -> {_quote(edge.head)}{_attrs(attrs, label)};"


def to_dot(graph: Graph) -> str:
    """DOT text for ``graph``; the same graph always gives the same bytes."""
    out = ["digraph qiflow {", f"  graph{_attrs(style.GRAPH | graph.attrs, _heading(graph))};",
           f"  node{_attrs(style.NODE_DEFAULT)};", f"  edge{_attrs(style.EDGE_DEFAULT)};"]
    for cid, title in graph.clusters.items():
        members = [n for n in graph.nodes.values() if n.cluster == cid]
        out.append(f"  subgraph {_quote('cluster_' + cid)} {{")
        title_label = graph.cluster_labels.get(cid) or (Text(title, bold=True, size=18),)
        out.append(f"    graph{_attrs(style.cluster(cid) | graph.cluster_attrs.get(cid, {}), _label(title_label))};")
        out += [f"    {_node(n)}" for n in members]
        ids = {n.id for n in members}
        out += ["    {rank=same; " + " ".join(_quote(x) + ";" for x in group) + "}"
                for group in graph.same_rank if ids.issuperset(group)]
        out.append("  }")
    out += [f"  {_node(n)}" for n in graph.nodes.values() if n.cluster is None and n.kind not in ("legend", "table")]
    within = [{n.id for n in graph.nodes.values() if n.cluster == cid} for cid in graph.clusters]
    out += ["  {rank=same; " + " ".join(_quote(x) + ";" for x in group) + "}"
            for group in graph.same_rank if not any(ids.issuperset(group) for ids in within)]
    out += [f"  {_edge(e)}" for e in graph.edges]
    out.append("}")
    return "\n".join(out) + "\n"
