"""CourtListener JSON: a docket with nested ``docket_entries`` (the RECAP archive's per-docket JSON), a page of
the docket-entries API (``{"results": [...]}``), or a plain list of entries. Standard library only."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from qiflow.ingest.docket import Docket, Document, IngestError, SourceEntry, SourceParty

ROLES = {"plaintiff": "plaintiff", "petitioner": "plaintiff", "defendant": "defendant", "respondent": "defendant"}


def role_of(party_type: str) -> str:
    """Map a source's party type ("Plaintiff", "Defendant", "Intervenor Defendant", ...) onto a scenario role."""
    words = party_type.lower().split()
    for word in reversed(words):
        if word in ROLES:
            return ROLES[word]
    return "other"


def _date(value: Any, file: str, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise IngestError(file, where, f"a date as YYYY-MM-DD or null; got {value!r}")
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise IngestError(file, where, f"a date as YYYY-MM-DD; got {value!r}") from None


def _number(value: Any, file: str, where: str) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool):
        raise IngestError(file, where, f"an entry number (integer) or null; got {value!r}")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    raise IngestError(file, where, f"an entry number (integer) or null; got {value!r}")


def _text(value: Any, file: str, where: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise IngestError(file, where, f"text (a string); got {type(value).__name__}")
    return value


def _documents(value: Any, file: str, where: str) -> tuple[Document, ...]:
    if value in (None, ""):
        return ()
    if not isinstance(value, list):
        raise IngestError(file, where, "a list of RECAP documents")
    docs = []
    for i, d in enumerate(value):
        if not isinstance(d, dict):
            raise IngestError(file, f"{where}[{i}]", "a RECAP document (an object)")
        docs.append(Document(
            description=_text(d.get("description"), file, f"{where}[{i}].description"),
            document_type=str(d.get("document_type") or ""),
            document_number=str(d.get("document_number") or ""),
            plain_text=_text(d.get("plain_text"), file, f"{where}[{i}].plain_text"),
        ))
    return tuple(docs)


def _entries(items: list[Any], file: str, where: str) -> list[SourceEntry]:
    keyed = []
    for i, item in enumerate(items):
        at = f"{where}[{i}]"
        if not isinstance(item, dict):
            raise IngestError(file, at, "a docket entry (an object with entry_number, date_filed, description)")
        if not any(k in item for k in ("description", "entry_number", "date_filed", "recap_documents")):
            raise IngestError(file, at, "a docket entry with at least one of entry_number, date_filed, description")
        docs = _documents(item.get("recap_documents"), file, f"{at}.recap_documents")
        text = _text(item.get("description"), file, f"{at}.description").strip()
        if not text and docs:
            text = next((d.description for d in docs if d.description), "")
        entry = SourceEntry(
            entry_number=_number(item.get("entry_number"), file, f"{at}.entry_number"),
            date_filed=_date(item.get("date_filed"), file, f"{at}.date_filed"),
            description=text,
            documents=docs,
        )
        seq = item.get("recap_sequence_number")
        keyed.append((str(seq) if seq not in (None, "") else None, i, entry))
    if keyed and all(k[0] is not None for k in keyed):
        keyed.sort(key=lambda k: (k[0], k[1]))
    return [k[2] for k in keyed]


def _parties(value: Any, file: str) -> list[SourceParty]:
    if not isinstance(value, list):
        return []
    parties = []
    for i, p in enumerate(value):
        if not isinstance(p, dict) or not isinstance(p.get("name"), str):
            raise IngestError(file, f"parties[{i}]", "a party (an object with a name)")
        types = p.get("party_types") or []
        kind = p.get("type") or (types[0].get("name") if types and isinstance(types[0], dict) else "") or ""
        extra = p.get("extra_info") or (types[0].get("extra_info") if types and isinstance(types[0], dict) else "")
        parties.append(SourceParty(name=" ".join(p["name"].split()), role=role_of(str(kind)), extra=str(extra or "")))
    return parties


def parse(text: str, file: str) -> Docket:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise IngestError(file, f"line {error.lineno}, column {error.colno}",
                          f"valid JSON ({error.msg})") from None
    except RecursionError:
        raise IngestError(file, None, "JSON nested as a docket is (a few levels); this nests too deep to read") from None
    docket = Docket(source="courtlistener", file=file)
    if isinstance(data, list):
        docket.entries = _entries(data, file, "[top level]")
    elif isinstance(data, dict) and isinstance(data.get("docket_entries"), list):
        docket.entries = _entries(data["docket_entries"], file, "docket_entries")
        docket.title = data.get("case_name") or data.get("case_name_full") or None
        court = data.get("court_id") or data.get("court")
        docket.court = court.rstrip("/").rsplit("/", 1)[-1] if isinstance(court, str) and court else None
        docket.case_number = data.get("docket_number") or None
        docket.parties = _parties(data.get("parties"), file)
    elif isinstance(data, dict) and isinstance(data.get("results"), list):
        docket.entries = _entries(data["results"], file, "results")
        if data.get("next"):
            docket.notes.append("The API page has a next page; only this page's entries were imported.")
    else:
        raise IngestError(file, "top level", "a CourtListener docket (an object with docket_entries), "
                                             "a docket-entries API page (an object with results), or a list of entries")
    if not docket.entries:
        raise IngestError(file, "docket_entries", "at least one docket entry")
    return docket
