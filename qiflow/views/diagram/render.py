"""Run Graphviz's ``dot`` on DOT text; say how to install it when it is missing."""

from __future__ import annotations

import hashlib
import struct
import zlib

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
    if fmt == "png":
        return _png_with_comment(out, fingerprint(drawn_from or dot))
    if fmt != "svg":
        return out
    head, sep, rest = out.partition(b"<svg")
    return head + f"<!-- {fingerprint(drawn_from or dot)} -->\n".encode() + sep + rest


def _png_with_comment(png: bytes, comment: str) -> bytes:
    """``png`` with a ``tEXt`` Comment chunk right after its header, so a PNG names its DOT as an SVG does."""
    data = b"Comment\x00" + comment.encode("latin-1")
    chunk = struct.pack(">I", len(data)) + b"tEXt" + data + struct.pack(">I", zlib.crc32(b"tEXt" + data))
    header_end = 8 + 8 + 13 + 4  # signature; IHDR length and type; IHDR data; its CRC
    return png[:header_end] + chunk + png[header_end:]
