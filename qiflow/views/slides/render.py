"""Each slide as DOT, and drawn by Graphviz as 1920×1080 PNG, SVG or PDF."""

from __future__ import annotations

from qiflow.procedure.careful import PROCEDURE, Procedure
from qiflow.views.diagram import canvas
from qiflow.views.diagram.dot import to_dot
from qiflow.views.slides.content import slides
from qiflow.views.slides.layout import slide_graph

DEFAULT_FORMATS = ("png", "svg")


def slide_dots(procedure: Procedure = PROCEDURE) -> dict[str, str]:
    """Each slide's file stem and its DOT text, in order (A to D)."""
    return {s.name: to_dot(slide_graph(s)) for s in slides(procedure)}


def draw(dot: str, fmt: str) -> bytes:
    """One slide in ``fmt`` (raises ``DotMissing`` without Graphviz)."""
    return canvas.draw(dot, fmt)
