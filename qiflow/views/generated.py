"""Generated files (docs pages, diagrams, slides): written atomically, and drift-checked, by one helper."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from qiflow.files.write import make_folder, write_output


@dataclass(frozen=True)
class Artifact:
    """One generated file: how to make its bytes, and whether the bytes on disk are still fresh."""

    name: str
    make: Callable[[], bytes]
    fresh: Callable[[bytes], bool]


def text(name: str, content: str) -> Artifact:
    """A text file that must match ``content`` to the byte."""
    data = content.encode("utf-8")
    return Artifact(name, lambda: data, lambda on_disk: on_disk == data)


def stale(directory: Path, artifacts: Iterable[Artifact]) -> list[str]:
    """The names of ``artifacts`` missing from ``directory`` or no longer fresh, sorted."""
    bad = []
    for artifact in artifacts:
        path = directory / artifact.name
        if not path.is_file() or not artifact.fresh(path.read_bytes()):
            bad.append(artifact.name)
    return sorted(bad)


def write(directory: Path, artifacts: Iterable[Artifact]) -> list[str]:
    """Write every artifact into ``directory`` (created if missing), each atomically; the names, sorted."""
    names = []
    for artifact in artifacts:
        target = directory / artifact.name
        make_folder(target.parent)
        write_output(target, artifact.make())
        names.append(artifact.name)
    return sorted(names)
