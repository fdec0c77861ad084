"""The import, end to end: read, classify, link, attach parties, build the draft."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qiflow.ingest import parties as pt
from qiflow.ingest.docket import Docket, IngestError
from qiflow.ingest.draft import build
from qiflow.ingest.link import Item, assume_qi, classify_all, resolve
from qiflow.ingest.sources import read
from qiflow.ingest.summary import summarize


@dataclass
class Imported:
    docket: Docket
    items: list[Item]
    parties: list[pt.Party]
    scenario: dict[str, Any]
    summary: dict[str, Any]


def party_list(docket: Docket) -> list[pt.Party]:
    sources = [(p.name, p.role, p.extra) for p in docket.parties]
    if not sources:
        complaint = next((e for e in docket.entries if e.description.lower().lstrip(" *").startswith(
            ("complaint", "amended complaint"))), None)
        if complaint is not None:
            sources = pt.from_complaint(complaint.description)
            docket.notes.append("The source lists no parties; they were read off the complaint's docket text.")
    parties = pt.build(sources)
    if not any(p.role == "defendant" for p in parties):
        docket.notes.append("No defendant found in the source: add the parties before auditing.")
    return parties


def import_docket(path: Path, fmt: str | None = None, *, court: str | None = None,
                  assume: tuple[str, ...] = (), infer_era: bool = False) -> Imported:
    docket = read(path, fmt, court)
    parties = party_list(docket)
    items = resolve(classify_all(docket.entries), parties)
    if assume:
        ids: set[str] = set()
        for who in assume:
            found = [p for p in parties if p.id == who] or pt.match(who, parties)
            if not found:
                raise IngestError(str(path), "--assume-qi",
                                  f"a party id or name of this docket; {who!r} is neither "
                                  f"({', '.join(p.id for p in parties) or 'no parties'})")
            ids |= {p.id for p in found}
        assume_qi(items, ids)
    law_as_of = None
    if infer_era:
        dates = [e.date_filed for e in docket.entries if e.date_filed is not None]
        law_as_of = max(dates) if dates else None
        if law_as_of is not None:
            docket.notes.append(f"law_as_of set to the last entry's date ({law_as_of}) by --infer-era: the audit "
                                f"judges by the law as it stood then.")
    scenario = build(docket, items, parties, law_as_of)
    return Imported(docket, items, parties, scenario, summarize(scenario))


__all__ = ["Imported", "IngestError", "dt", "import_docket"]
