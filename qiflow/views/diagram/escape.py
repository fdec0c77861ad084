"""Make any text safe inside a Graphviz HTML-like label or a Mermaid label, shown literally."""

from __future__ import annotations

import re
import textwrap

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
# Graphviz expands \N, \G, \l even in HTML-like labels: a doubled backslash shows one.
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "\\": "\\\\"}
_MERMAID = {'"': "#quot;", "<": "#lt;", ">": "#gt;", "#": "#35;", "|": "#124;", "`": "#96;", "&": "#38;"}


def clean(text: str, width: int | None = None) -> list[str]:
    """Drop characters XML forbids, collapse whitespace, split on newlines and wrap long lines."""
    lines = []
    for raw in _NOT_XML.sub("", text).replace("\r", "\n").split("\n"):
        line = " ".join(raw.split())
        lines += textwrap.wrap(line, width, break_on_hyphens=False) if width and line else [line]
    return lines


def shorten(text: str, width: int) -> str:
    """One line of at most ``width`` characters, cut at a word with an ellipsis."""
    line = " ".join(_NOT_XML.sub("", text).split())
    return line if len(line) <= width else line[: width - 1].rsplit(" ", 1)[0] + "…"


def html(text: str) -> str:
    """Escape one line for a Graphviz HTML-like label (quotes too, so attributes are safe)."""
    return "".join(_HTML.get(c, c) for c in text)


def mermaid(text: str) -> str:
    """Escape one line for a quoted Mermaid label, using Mermaid's ``#code;`` entities."""
    return "".join(_MERMAID.get(c, c) for c in text)
