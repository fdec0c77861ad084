"""The 16:9 slide canvas: every slide picture is exactly 1920×1080, and its smallest text is measured
in pixels at that size from the laid-out SVG.

At ``dpi=72`` one point is one pixel. Graphviz lays the picture out at its natural size and the rest
of the canvas is filled with ``pad``, so the layout is never stretched (``ratio=fill`` is not used:
Graphviz 2.x leaves the graph's title out of its sums and then shrinks the whole picture). The DOT committed to ``diagrams/`` is the picture
without the padding (which depends on the Graphviz version); the padding is added when drawing.
"""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET

from qiflow.views.diagram.render import render

WIDTH, HEIGHT = 1920, 1080
MARGIN = 20
"""The least white space kept around a picture, in pixels."""
MIN_TEXT_PX = 24
"""The smallest text a slide may show, in pixels at 1080p (readable from the back of a classroom)."""

SLIDE: dict[str, str] = {"dpi": "72", "pad": "0", "margin": "0", "bgcolor": "white"}
"""Graph attributes of a slide; ``placed`` adds the size and padding when it is drawn."""

_SVG = "{http://www.w3.org/2000/svg}"
_SCALE = re.compile(r"scale\(([\d.]+)")


def _extent(svg: bytes) -> tuple[float, float]:
    view = [float(x) for x in ET.fromstring(svg).get("viewBox", "0 0 0 0").split()]
    return view[2], view[3]


def _with(dot: str, attrs: str) -> str:
    """``dot`` with graph attributes set last (a later ``graph [...]`` statement wins)."""
    body = dot.rstrip()
    assert body.endswith("}")
    return body[:-1] + f"  graph [{attrs}];\n}}\n"


def placed(dot: str, fmt: str = "svg") -> str:
    """``dot`` on the 16:9 canvas, centred and padded to its edges.

    A picture that fits is drawn at its natural size on 1920×1080 points; one that does not is padded
    to 16:9 around its natural size and, as a PNG, drawn at the dpi that makes it 1920 pixels wide (so
    its text shrinks, which ``smallest_text_px`` reports).
    """
    width, height = _extent(render(dot, "svg"))
    width, height = width + 2 * MARGIN, height + 2 * MARGIN
    total_w = max(width, height * WIDTH / HEIGHT, WIDTH)
    total_h = total_w * HEIGHT / WIDTH
    pad_x, pad_y = ((total_w - width) / 2 + MARGIN) / 72, ((total_h - height) / 2 + MARGIN) / 72
    attrs = f'pad="{pad_x:.4f},{pad_y:.4f}"'
    if fmt == "png" and total_w > WIDTH:
        attrs += f', dpi="{72 * WIDTH / total_w:.4f}"'
    return _with(dot, attrs)


def draw(dot: str, fmt: str) -> bytes:
    """``dot`` drawn on the canvas as ``fmt``; an SVG names ``dot`` (not the padded copy) as its source."""
    return render(placed(dot, fmt), fmt, drawn_from=dot)


def smallest_text_px(svg: bytes) -> float:
    """The smallest font size in ``svg``, in pixels when the picture is shown 1080 pixels high."""
    root = ET.fromstring(svg)
    view = [float(x) for x in root.get("viewBox", "0 0 1 1").split()]
    group = root.find(f"{_SVG}g")
    found = _SCALE.search(group.get("transform", "") if group is not None else "")
    scale = float(found.group(1)) if found else 1.0
    sizes = [float(t.get("font-size", "14")) for t in root.iter(f"{_SVG}text") if (t.text or "").strip()]
    return round(min(sizes) * scale * HEIGHT / view[3], 1) if sizes else float("inf")


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height of a PNG, from its header."""
    width, height = struct.unpack(">II", png[16:24])
    return width, height
