"""The pictures a case page inlines: the case timeline (from the slides work, when present) and the case's
path through the procedure (Graphviz). Inline SVG, so the page needs no other file."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from qiflow import scenario as m
from qiflow.engine.report import Report
from qiflow.views.diagram.escape import html

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


def inline(svg: str | bytes, prefix: str, alt: str, role: str = "img") -> Markup:
    """An SVG document as an element to inline: no prolog, no machine-named titles, ids prefixed so two pictures never clash,
    ``role="img"`` (``group`` for a picture whose boxes are links) and ``aria-label`` so a screen reader names it. The SVG itself is trusted output of
    the diagram code, which escapes every text it draws. A link to an id outside the picture (a docket
    entry, ``#e3``) is kept as it is."""
    text = svg.decode("utf-8") if isinstance(svg, bytes) else svg
    body = _TITLE.sub("", text[text.index("<svg"):]).rstrip()
    own = set(re.findall(r'\bid="([^"]*)"', body))

    def prefixed(mt: re.Match[str]) -> str:
        kind, hash_, name = mt[1], mt[2], mt[3]
        if kind == "id" or (hash_ and name in own):
            return f'{kind}="{hash_}{prefix}-{name}"'
        return mt[0]

    body = _ID.sub(prefixed, body)
    body = body.replace("<svg", f'<svg role="{role}" aria-label="{escape(alt)}" class="picture"', 1)
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


@dataclass(frozen=True)
class TimelinePictures:
    pages: list[Picture]
    marks: dict[str, str]
    """Each docket entry's anchor (``e3``) and the id of its box on the timeline, for the step control."""


_CARD = 'VALIGN="TOP">'
"""How ``timeline.page_dot`` opens a card's cell (lane titles are VALIGN="MIDDLE", empty cells have none)."""


def _linked(dot: str, page_cards: list[tuple[str, str, str]]) -> tuple[str, bool]:
    """``dot`` with each card's cell given an id, a link to its docket entry and a tooltip, in DOT order.

    GAP: ``qiflow/views/diagram/timeline.py`` (branch slides) could emit these itself; until it does, they are
    added here, and only when the cells found match the cards one for one.
    """
    parts = dot.split(_CARD)
    if len(parts) - 1 != len(page_cards):
        return dot, False
    out = parts[0]
    for (cell_id, target, tip), rest in zip(page_cards, parts[1:]):
        out += f'VALIGN="TOP" ID="{cell_id}" HREF="#{target}" TOOLTIP="{html(tip)}">' + rest
    return out, True


def timeline_picture(scenario: m.Scenario, report: Report) -> TimelinePictures | None:
    """The case timeline in swimlanes (``qiflow.views.diagram.timeline``), a picture per page, each box linked
    to its docket entry; None without Graphviz."""
    from qiflow.views.diagram import DotMissing, render
    from qiflow.views.diagram import timeline as tl_module

    tl = tl_module.timeline(scenario, report)
    labels = {e.position: e.label for e in report.entries}
    pages: list[Picture] = []
    marks: dict[str, str] = {}
    for page in tl.pages:
        prefix = f"tl{page.number}"
        grid = {(card.first, col): card for col, column in enumerate(page.columns) for card in column}
        ordered = [grid[lane, col] for lane in range(len(tl.lanes)) for col in range(len(page.columns))
                   if (lane, col) in grid]
        cells = [(f"c{i}", f"e{card.positions[0]}", ", ".join(labels[p] for p in card.positions))
                 for i, card in enumerate(ordered)]
        dot, linked = _linked(tl_module.page_dot(tl, page), cells)
        if linked:
            for (cell_id, _, _), card in zip(cells, ordered):
                marks |= {f"e{p}": f"{prefix}-a_{cell_id}" for p in card.positions}
        of = f" (page {page.number} of {page.of})" if page.of > 1 else ""
        alt = (f"Timeline of {scenario.title}{of}: the docket in swimlanes by who filed it, left to right; "
               "departures flagged in red.")
        try:
            svg = render(dot, "svg")
        except DotMissing:
            return None
        pages.append(Picture(inline(svg, prefix, alt, "group" if linked else "img"), alt))
    return TimelinePictures(pages, marks)
