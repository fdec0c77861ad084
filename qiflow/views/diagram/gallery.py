"""The committed pictures in ``diagrams/``: how to draw each, and whether the files on disk are stale.

DOT and Mermaid files must match byte for byte; an SVG (or PNG) must carry the fingerprint of the
current DOT, so the check holds across Graphviz versions (whose layouts differ) and needs no ``dot``.
The slides and the case timelines are drawn on the 16:9 canvas; the slides are committed as PNG too.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from qiflow.engine.run import audit
from qiflow.files.load import load
from qiflow.views import generated
from qiflow.views.diagram import canvas
from qiflow.views.diagram.counterexample import (
    counterexample_graph,
    counterexample_timeline,
)
from qiflow.views.diagram.dot import to_dot
from qiflow.views.diagram.graph import Graph
from qiflow.views.diagram.mermaid import to_mermaid
from qiflow.views.diagram.path_view import case_graph
from qiflow.views.diagram.procedure_view import procedure_graph
from qiflow.views.diagram.render import fingerprint, render
from qiflow.views.diagram.timeline import dots as timeline_dots
from qiflow.views.diagram.timeline import timeline
from qiflow.views.generated import Artifact, text
from qiflow.views.slides.render import slide_dots

CASE = Path("scenarios/rusanowsky-v-city-of-dallas.yaml")
WITHOUT = "qi_motion_ruled_first"


def _case(root: Path) -> Graph:
    scenario = load(root / CASE)
    return case_graph(scenario, audit(scenario))


PICTURES: dict[str, Callable[[Path], Graph]] = {
    "procedure": lambda root: procedure_graph(),
    CASE.stem: _case,
    f"counterexample-without-{WITHOUT}": lambda root: counterexample_graph(WITHOUT),
}
"""Each picture's file stem and how to draw it, given the repository root (``diagrams/``'s parent)."""

TIMELINES = (CASE, Path("scenarios/cases/carswell-v-camp.yaml"), Path("scenarios/cases/zapata-v-melson.yaml"))
"""The cases whose timelines are committed, one file per page."""


def _pages(stem: str, pages: list[str]) -> dict[str, str]:
    if len(pages) == 1:
        return {stem: pages[0]}
    return {f"{stem}-p{n}": page for n, page in enumerate(pages, 1)}


def canvas_sources(root: Path) -> dict[str, str]:
    """Every 16:9 picture's DOT by file stem: the slides, then each timeline's pages."""
    out = dict(slide_dots())
    for path in TIMELINES:
        scenario = load(root / path)
        out |= _pages(f"timeline-{path.stem}", timeline_dots(timeline(scenario, audit(scenario))))
    out |= _pages(f"timeline-counterexample-without-{WITHOUT}", timeline_dots(counterexample_timeline(WITHOUT)))
    return out


def _sources(directory: Path) -> dict[str, str]:
    """Every DOT (and the procedure's Mermaid) the pictures should have, by file name."""
    out = {}
    for stem, draw in PICTURES.items():
        graph = draw(directory.resolve().parent)
        out[f"{stem}.dot"] = to_dot(graph)
        if stem == "procedure":
            out[f"{stem}.mmd"] = to_mermaid(graph)
    return out


def artifacts(directory: Path) -> list[Artifact]:
    """Every committed picture: each DOT (and the procedure's Mermaid) as text, each SVG by its DOT's fingerprint."""
    out = []
    for name, source in _sources(directory).items():
        out.append(text(name, source))
        if name.endswith(".dot"):
            mark = fingerprint(source).encode()
            out.append(Artifact(name.removesuffix(".dot") + ".svg", lambda s=source: render(s, "svg"),
                                lambda on_disk, m=mark: m in on_disk))
    for stem, source in canvas_sources(directory.resolve().parent).items():
        out.append(text(f"{stem}.dot", source))
        out += [_drawn(stem, source, fmt) for fmt in (("svg", "png") if stem.startswith("slide-") else ("svg",))]
    return out


def _drawn(stem: str, source: str, fmt: str) -> Artifact:
    """A picture on the 16:9 canvas, fresh while it carries the fingerprint of ``source``."""
    mark = fingerprint(source).encode()

    def make() -> bytes:
        return canvas.draw(source, fmt)

    def fresh(on_disk: bytes) -> bool:
        return mark in on_disk

    return Artifact(f"{stem}.{fmt}", make, fresh)


def stale(directory: Path) -> list[str]:
    """The files in ``directory`` that are missing or no longer match the procedure, sorted."""
    return generated.stale(directory, artifacts(directory))


def write(directory: Path) -> list[str]:
    """Draw every picture into ``directory``; returns the names written."""
    return generated.write(directory, artifacts(directory))
