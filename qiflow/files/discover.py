"""Turn command-line inputs (files, directories, globs, JSON Lines files) into dockets, in a stable order.

A directory yields its ``.yaml``, ``.yml``, ``.json`` and ``.jsonl`` files, sorted by path (symlinked
folders are not followed, so a symlink loop cannot trap the walk); a glob its matches, sorted; a JSON
Lines file one docket per non-blank line, each named ``file:line``. A path that names nothing is kept as
an input, so the run reports it as a bad input instead of stopping.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from qiflow.files.limits import MAX_FILE_BYTES

SUFFIXES = (".yaml", ".yml", ".json", ".jsonl")
GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class Item:
    """One docket to read: a file, or one record of a JSON Lines file at ``line``, given as its ``text`` or
    found by its ``span`` (byte offset and length) in the file, which the process judging it reads."""

    path: str
    line: int | None = None
    text: bytes | None = None
    span: tuple[int, int] | None = None

    @property
    def name(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else self.path


def _is_glob(arg: str) -> bool:
    return bool(GLOB_CHARS & set(arg)) and not os.path.lexists(arg)


def files(args: list[str]) -> list[str]:
    """Every file the arguments name, in order: each argument's files sorted, duplicates dropped."""
    out: list[str] = []
    for arg in args:
        if _is_glob(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            found = [x for x in matches if not os.path.isdir(x)]
            for match in (x for x in matches if os.path.isdir(x)):
                found.extend(_walk(match))
            out.extend(found or [arg])
        elif os.path.isdir(arg):
            out.extend(_walk(arg))
        else:
            out.append(arg)
    seen: set[str] = set()
    return [x for x in out if not (x in seen or seen.add(x))]  # type: ignore[func-returns-value]


def _walk(folder: str) -> list[str]:
    found: list[str] = []
    for root, dirs, names in os.walk(folder):  # followlinks=False: no symlink loops
        dirs.sort()
        found.extend(os.path.join(root, n) for n in names if n.endswith(SUFFIXES))
    return sorted(found, key=lambda p: Path(p).parts)


def records(path: str) -> Iterator[Item]:
    """The non-blank lines of a JSON Lines file, each an Item located at its line and found by its span.

    A line longer than MAX_FILE_BYTES is cut short (it fails to parse, located); the file itself may be any
    size, read a line at a time. Only the spans are kept, not the text: a worker reads its own records, so
    a corpus of any size is neither held in memory nor copied between processes.
    """
    with open(path, "rb") as handle:
        offset = 0
        for number, raw in enumerate(_lines(handle), start=1):
            if raw.strip():
                yield Item(path, number, span=(offset, len(raw)))
            offset = handle.tell()


def _lines(handle) -> Iterator[bytes]:
    while True:
        raw = handle.readline(MAX_FILE_BYTES + 1)
        if not raw:
            return
        if len(raw) > MAX_FILE_BYTES and not raw.endswith(b"\n"):
            while (rest := handle.readline(MAX_FILE_BYTES)) and not rest.endswith(b"\n"):
                pass
        yield raw


def items(args: list[str]) -> Iterator[Item]:
    """Every docket the arguments name, in a stable order (see the module's docstring)."""
    for path in files(args):
        if path.endswith(".jsonl") and os.path.isfile(path):
            try:
                yield from records(path)
            except OSError:
                yield Item(path)
        else:
            yield Item(path)


def is_corpus(args: list[str]) -> bool:
    """True unless the arguments are one plain scenario file (then ``run`` prints its full report)."""
    return len(args) != 1 or _is_glob(args[0]) or os.path.isdir(args[0]) or args[0].endswith(".jsonl")
