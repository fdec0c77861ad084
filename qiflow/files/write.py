"""Writing outputs safely: atomically (an interrupted run leaves the old file whole), never onto an input."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path


class OutputError(Exception):
    """An output that cannot be written: the message says which and why."""


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def make_folder(folder: Path) -> None:
    """Create an output folder and its parents where missing, or say why it cannot be."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(f"{folder}: is a file; expected a folder") from None
    except OSError as error:
        raise OutputError(f"{folder}: cannot create the folder ({error.strerror})") from None


def write_output(target: Path | str, data: bytes | str, *, inputs: Iterable[Path] = ()) -> None:
    """Write ``data`` to ``target`` in one step; ``-`` means standard output.

    Refuses a target that is one of ``inputs``, a directory, or in a folder that does not exist.
    """
    write_parts(target, (data,), inputs=inputs)


def write_parts(target: Path | str, parts: Iterable[bytes | str], *, inputs: Iterable[Path] = ()) -> None:
    """``write_output`` of the parts joined, each written as it comes (memory flat in the output's size): into a
    temporary file that replaces ``target`` only once the last part is written."""
    if str(target) == "-":
        for part in parts:
            sys.stdout.buffer.write(part.encode("utf-8") if isinstance(part, str) else part)
        sys.stdout.flush()
        return
    path = Path(target)
    for source in inputs:
        if _same_file(path, Path(source)) or path.resolve() == Path(source).resolve():
            raise OutputError(f"{path}: refusing to write over an input file")
    if path.is_dir():
        raise OutputError(f"{path}: is a directory; expected a file name")
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(f"{path}: folder {folder} does not exist")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise OutputError(f"{path}: cannot write here ({error.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as out:
            for part in parts:
                out.write(part.encode("utf-8") if isinstance(part, str) else part)
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except OSError as error:
        Path(temp).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write ({error.strerror})") from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
