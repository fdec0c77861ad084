"""A slide's content drawn as a ``Graph`` on the 16:9 canvas: boxes by tone, lanes as clusters, the
codes of the rules as small footnotes (in the box, and spelled out once at the foot of the slide)."""

from __future__ import annotations

from qiflow.law.codes import CODES
from qiflow.views.diagram import canvas, style
from qiflow.views.diagram.graph import Graph, Label, Node, Text
from qiflow.views.diagram.procedure_view import wrapped
from qiflow.views.slides.content import Box, Slide, cite

TITLE, SUBTITLE, BODY, SMALL = 44, 28, 25, 24
"""Point sizes; at the canvas's 72 dpi a point is a pixel at 1080p (``canvas.MIN_TEXT_PX`` is the floor)."""
FOOT = "footnotes"
FOOT_WIDTH = 110
"""Characters to a line of the footnotes."""

_TONE: dict[str, dict[str, str]] = {
    "step": {"fillcolor": "white", "color": style.INK},
    "start": {"fillcolor": "#dce8fa", "color": style.PATH, "penwidth": "3"},
    "gate": {"fillcolor": "#ffe58a", "color": style.INK, "penwidth": "4"},
    "stop": {"fillcolor": "#fdecea", "color": style.BARRED, "penwidth": "3"},
    "good": {"fillcolor": "#e3f1dc", "color": "#3b7d23", "penwidth": "2.5"},
    "warn": {"fillcolor": "#fff7e0", "color": "#b7791f", "style": "rounded,filled,dashed", "penwidth": "2.5"},
    "apart": {"fillcolor": "#f0f0f0", "color": style.MUTED, "style": "rounded,filled,dashed", "penwidth": "2.5"},
    "year": {"fillcolor": "#f6eefb", "color": "#6b46c1", "penwidth": "2.5"},
}
_ARROW: dict[str, dict[str, str]] = {
    "step": {"color": style.INK, "penwidth": "2.5"},
    "stop": {"color": style.BARRED, "fontcolor": style.BARRED, "penwidth": "2.5"},
    "practice": {"color": "#b7791f", "fontcolor": "#b7791f", "style": "dashed", "penwidth": "2.5"},
    "column": {"style": "invis"},
    "hidden": {"style": "invis"},
}
_LANE = {"style": "rounded,filled", "fillcolor": "#f7f9fb", "color": "#c8d1da", "margin": "14", "penwidth": "2"}
_PRACTICE_LANE = {"fillcolor": "#fffbeb", "color": "#b7791f", "style": "rounded,filled,dashed"}


def _codes(box: Box) -> str:
    return " · ".join(dict.fromkeys(g.code.code for g in box.guards))


def box_label(box: Box, wrap: int = 30) -> Label:
    if box.tone == "year":
        head: Label = (Text(box.text, bold=True, size=TITLE - 6, color="#6b46c1"),)
        found: list[Text] = []
        for i, line in enumerate(box.detail):
            if i % 3 == 0:  # the case's short name
                found.append(Text(line, bold=True, size=BODY - 1))
            elif i % 3 == 1:  # its reporter cite
                found.append(Text(line, size=SMALL, color=style.MUTED))
            else:  # its holding
                found += wrapped(line, 18, size=BODY)
        return head + tuple(found)
    lines: Label = wrapped(box.text, wrap, size=BODY, bold=box.tone in ("gate", "start"))
    lines += tuple(t for line in box.detail for t in wrapped(line, wrap, size=BODY))
    if box.cites:
        lines += tuple(Text(line, size=SMALL, color=style.MUTED) for line in _cite_lines(box, wrap + 10))
    if box.guards:
        lines += (Text(_codes(box), size=SMALL, color=style.BARRED),)
    return lines


def _cite_lines(box: Box, width: int) -> list[str]:
    """The box's cites, as many to a line as fit in ``width`` characters, none split."""
    lines: list[str] = []
    for text in (cite(c) for c in box.cites):
        if lines and len(lines[-1]) + 2 + len(text) <= width:
            lines[-1] += "; " + text
        else:
            lines.append(text)
    return lines


def _footnotes(slide: Slide) -> Label:
    notes = [f"{c} {CODES[c].name.replace('-', ' ').replace('qi ', 'QI ')}" for c in slide.codes]
    if not notes:
        return (Text(" ", size=SMALL),)
    rows: list[str] = []
    for note in notes:
        if rows and len(rows[-1]) + 7 + len(note) <= FOOT_WIDTH:
            rows[-1] += "   ·   " + note
        else:
            rows.append(note)
    return tuple(Text(r, size=SMALL, color=style.MUTED) for r in rows)


def slide_graph(slide: Slide) -> Graph:
    graph = Graph((Text(slide.title, bold=True, size=TITLE), Text(slide.subtitle, size=SUBTITLE,
                                                                  color=style.MUTED)))
    graph.attrs = canvas.SLIDE | {"rankdir": slide.direction, "nodesep": "0.35", "ranksep": "0.4",
                                  "labelloc": "t", "fontsize": str(TITLE)}
    for lane, title in slide.lanes.items():
        graph.clusters[lane] = title
        graph.cluster_labels[lane] = wrapped(title, 40, bold=True, size=SMALL + 4)
        graph.cluster_attrs[lane] = _LANE | (_PRACTICE_LANE if lane == "practice" else {})
    for box in slide.boxes:
        attrs = {"shape": "box", "style": "rounded,filled", "margin": "0.25,0.12", "fontname": style.FONT} \
            | _TONE[box.tone]
        graph.add(Node(box.id, "slide", box_label(box, slide.wrap), cluster=box.lane, attrs=attrs))
    for arrow in slide.arrows:
        words = (Text(f" {arrow.words} ", size=SMALL + 2, bold=True),) if arrow.words else ()
        edge = graph.connect(arrow.tail, arrow.head, "slide", words, **_ARROW[arrow.tone], fontname=style.FONT,
                             arrowsize="1.2")
        edge.attrs.setdefault("fontcolor", style.INK)
        if arrow.spine:
            edge.attrs["weight"] = "20"
        if arrow.same_rank:
            graph.same_rank.append((arrow.tail, arrow.head))
    graph.same_rank += [row for row in slide.rows if len(row) > 1]
    graph.add(Node(FOOT, "slide", _footnotes(slide), attrs={"shape": "plaintext", "fontname": style.FONT}))
    ends = [b.id for b in slide.boxes if not any(x.tail == b.id for x in slide.arrows)]
    for end in ends:
        graph.connect(end, FOOT, "order", style="invis")
    return graph
