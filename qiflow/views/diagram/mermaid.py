"""Serialise a procedure ``Graph`` as Mermaid flowchart text, for Markdown pages that render it."""

from __future__ import annotations

from qiflow.views.diagram import style
from qiflow.views.diagram.escape import clean, mermaid
from qiflow.views.diagram.graph import Graph, Label, Node

_SHAPE = {"phase": ('("', '")'), "gate": ('{{"', '"}}'), "settle": ('["', '"]'), "barred": ('(["', '"])'),
          "portal": ('>"', '"]'), "start": ('((" ', '"))')}
_LINK = {"move": "-->", "gate": "==>", "settle": "-.->", "settled": "-.->", "barred": "-.->"}


def _text(label: Label) -> str:
    return "<br/>".join(mermaid(line) for t in label for line in clean(t.text))


def _id(name: str) -> str:
    return "n_" + name


def _node(node: Node) -> str:
    opening, closing = _SHAPE[node.kind]
    text = "" if node.kind == "start" else _text(node.label)
    return f"{_id(node.id)}{opening}{text}{closing}"


def to_mermaid(graph: Graph) -> str:
    """Mermaid text for ``graph``: clusters as subgraphs, barred moves dotted red; tables are left out."""
    out = ["---", f"title: {_text(graph.title[:1])}", "---", "flowchart TB"]
    for cid, title in graph.clusters.items():
        out.append(f'  subgraph {_id(cid)}["{mermaid(title)}"]')
        out += [f"    {_node(n)}" for n in graph.nodes.values() if n.cluster == cid]
        out.append("  end")
    out += [f"  {_node(n)}" for n in graph.nodes.values() if n.cluster is None and n.kind in _SHAPE]
    barred = []
    drawn = [e for e in graph.edges if e.kind in _LINK]
    for number, edge in enumerate(drawn):
        label = f'|"{_text(edge.label)}"|' if edge.label else ""
        out.append(f"  {_id(edge.tail)} {_LINK[edge.kind]}{label} {_id(edge.head)}")
        if edge.kind == "barred":
            barred.append(str(number))
    out.append("  classDef gate fill:#fff3c4")
    out.append(f"  classDef barred fill:#fdecea,stroke:{style.BARRED},color:{style.BARRED}")
    out += [f"  class {_id(n.id)} {n.kind}" for n in graph.nodes.values() if n.kind in ("gate", "barred")]
    if barred:
        out.append(f"  linkStyle {','.join(barred)} stroke:{style.BARRED},color:{style.BARRED}")
    return "\n".join(out) + "\n"
