"""What every source reads a docket into, before any classification."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


class IngestError(Exception):
    """Bad input: names the file, where in it (line or field), and what was expected."""

    def __init__(self, file: str, where: str | None, expected: str) -> None:
        self.file, self.where, self.expected = file, where, expected
        super().__init__(f"{file}{': ' + where if where else ''}: {expected}")


@dataclass(frozen=True)
class Document:
    """A document attached to an entry (CourtListener's ``recap_documents``)."""

    description: str = ""
    document_type: str = ""
    document_number: str = ""
    plain_text: str = ""


@dataclass(frozen=True)
class SourceEntry:
    """One docket entry as the source gives it."""

    entry_number: int | None
    date_filed: dt.date | None
    description: str
    documents: tuple[Document, ...] = ()

    @property
    def readable_text(self) -> str:
        """The docket text and every attached document's text: where a QI assertion may be readable."""
        parts = [self.description] + [d.description for d in self.documents] + [d.plain_text for d in self.documents]
        return "\n".join(p for p in parts if p)


@dataclass(frozen=True)
class SourceParty:
    name: str
    role: str
    """``plaintiff``, ``defendant`` or ``other``, mapped from the source's party type."""
    extra: str = ""
    """What the source says besides the name (PACER's ``extra_info``: title, capacity)."""


@dataclass
class Docket:
    """A docket as read, with where it came from."""

    source: str
    """``courtlistener``, ``pacer`` or ``text``."""
    file: str
    title: str | None = None
    court: str | None = None
    case_number: str | None = None
    parties: list[SourceParty] = field(default_factory=list)
    entries: list[SourceEntry] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
