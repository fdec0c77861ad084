"""Run Graphviz's ``dot`` on DOT text; say how to install it when it is missing."""

from __future__ import annotations

import hashlib

import graphviz

FORMATS = ("svg", "png", "pdf")
INSTALL = ("Graphviz's `dot` program was not found; it is needed for {fmt} output. Install Graphviz "
           "(Debian/Ubuntu: apt-get install -y graphviz; macOS: brew install graphviz; "
           "others: https://graphviz.org/download/), or use --format dot or --format mermaid.")


class DotMissing(Exception):
    """Graphviz is not installed: a usage problem, not a bug."""


def fingerprint(dot: str) -> str:
    """Names the DOT an SVG was drawn from, so a stale SVG can be told even across Graphviz versions."""
    return "qiflow-dot-sha256: " + hashlib.sha256(dot.encode()).hexdigest()


def render(dot: str, fmt: str, *, drawn_from: str | None = None) -> bytes:
    """Lay out and draw ``dot`` as ``fmt``; SVG carries the fingerprint of its DOT (or of ``drawn_from``,
    the DOT it was made from) as a comment."""
    try:
        out = graphviz.pipe("dot", fmt, dot.encode())
    except graphviz.ExecutableNotFound:
        raise DotMissing(INSTALL.format(fmt=fmt.upper())) from None
    if fmt != "svg":
        return out
    head, sep, rest = out.partition(b"<svg")
    return head + f"<!-- {fingerprint(drawn_from or dot)} -->\n".encode() + sep + rest
