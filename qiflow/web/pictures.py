"""The pictures a case page inlines: the case timeline (from the slides work, when present) and the case's
path through the procedure (Graphviz). Inline SVG, so the page needs no other file."""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from qiflow import scenario as m
from qiflow.engine.report import Report

_ID = re.compile(r'\b(id|href|xlink:href)="(#?)([^"]*)"')
_TITLE = re.compile(r"<title>[^<]*</title>\n?")
"""Graphviz titles each node and edge with its machine name (``qi_stay``); a hover would show it."""


@dataclass(frozen=True)
class Picture:
    svg: Markup
    """The ``<svg>`` element, prefixed ids, with a role and an accessible name."""
    alt: str
    missing: str = ""
    """Why there is no picture (Graphviz not installed), in words; empty when drawn."""


def inline(svg: str | bytes, prefix: str, alt: str) -> Markup:
    """An SVG document as an element to inline: no prolog, no machine-named titles, ids prefixed so two pictures never clash,
    ``role="img"`` and ``aria-label`` so a screen reader names it. The SVG itself is trusted output of
    the diagram code, which escapes every text it draws."""
    text = svg.decode("utf-8") if isinstance(svg, bytes) else svg
    start = text.index("<svg")
    body = _ID.sub(lambda mt: f'{mt[1]}="{mt[2]}{prefix}-{mt[3]}"', _TITLE.sub("", text[start:])).rstrip()
    body = body.replace("<svg", f'<svg role="img" aria-label="{escape(alt)}" class="picture"', 1)
    return Markup(body)  # trusted: drawn by qiflow.views.diagram, which escapes scenario text


def path_picture(scenario: m.Scenario, report: Report) -> Picture | None:
    """The case's path through the procedure, or a Picture saying why it could not be drawn."""
    from qiflow.views.diagram import DotMissing, case_graph, render, to_dot

    alt = (f"The path of {scenario.title} through the careful procedure: each docket entry a numbered step, "
           "departures in red.")
    try:
        svg = render(to_dot(case_graph(scenario, report)), "svg")
    except DotMissing:
        return Picture(Markup(""), alt, "Graphviz is not installed, so the path picture was not drawn.")
    return Picture(inline(svg, "path", alt), alt)


def timeline_picture(scenario: m.Scenario, report: Report) -> Picture | None:
    """The case timeline drawn by ``qiflow.views.diagram.timeline`` (branch ``slides``), or None until it exists.

    GAP: waits on the slides branch's timeline module; the page shows a marked placeholder meanwhile.
    """
    try:
        module = importlib.import_module("qiflow.views.diagram.timeline")
    except ImportError:
        return None
    draw = getattr(module, "timeline_svg", None)
    if draw is None:
        return None
    alt = f"Timeline of {scenario.title}: each docket entry in order, departures marked."
    return Picture(inline(draw(scenario, report), "tl", alt), alt)
