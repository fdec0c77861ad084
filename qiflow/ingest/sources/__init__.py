"""Readers, one per input format, and the guess of which format a file is in."""

from __future__ import annotations

from pathlib import Path

from qiflow.files.limits import MAX_IMPORT_BYTES
from qiflow.files.load import ScenarioError
from qiflow.files.load import read_bytes as load_bytes
from qiflow.ingest.docket import Docket, IngestError

FORMATS = ("courtlistener", "pacer", "text")


def read_bytes(path: Path) -> str:
    """The file's text (UTF-8, or Latin-1 as saved PACER pages often are), or an IngestError. The file is read as a
    scenario file is (``files.load.read_bytes``: a FIFO, a device or a socket refused unopened), bounded by
    MAX_IMPORT_BYTES."""
    try:
        raw = load_bytes(path, kind="a docket file", limit=MAX_IMPORT_BYTES, bound="MAX_IMPORT_BYTES")
    except ScenarioError as error:
        raise IngestError(str(path), None, error.expected) from None
    if b"\x00" in raw[:4096]:
        raise IngestError(str(path), None, "is a binary file; expected CourtListener JSON, PACER HTML or docket text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    if not text.strip():
        raise IngestError(str(path), None, "is empty; expected CourtListener JSON, PACER HTML or docket text")
    return text


def guess(text: str) -> str:
    """Which format ``text`` is in: JSON starts with ``{`` or ``[``; HTML with a tag; anything else is text."""
    head = text.lstrip()[:1000].lower()
    if head.startswith(("{", "[")):
        return "courtlistener"
    if head.startswith("<") or "<html" in head or "<table" in head:
        return "pacer"
    return "text"


def read(path: Path, fmt: str | None = None, court: str | None = None) -> Docket:
    """Read the docket at ``path`` in ``fmt`` (guessed when None)."""
    text = read_bytes(path)
    fmt = fmt or guess(text)
    if fmt == "courtlistener":
        from qiflow.ingest.sources.courtlistener import parse as parse_cl

        return parse_cl(text, str(path))
    if fmt == "pacer":
        from qiflow.ingest.sources.pacer import parse as parse_pacer

        return parse_pacer(text, str(path), court)
    if fmt == "text":
        from qiflow.ingest.sources.text import parse as parse_text

        return parse_text(text, str(path))
    raise IngestError(str(path), "--from", f"one of {', '.join(FORMATS)}; got {fmt!r}")
