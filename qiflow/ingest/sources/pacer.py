"""A saved PACER docket report (HTML), parsed offline by the field's own parser, juriscraper (the optional extra
``qiflow[pacer]``), imported here and only here so it costs nothing otherwise."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import logging
from typing import Any

from qiflow.ingest.docket import Docket, IngestError, SourceEntry, SourceParty
from qiflow.ingest.sources.courtlistener import role_of


def _juriscraper_report(court: str) -> Any:
    try:
        logging.getLogger("juriscraper").setLevel(logging.ERROR)
        with contextlib.redirect_stderr(io.StringIO()):  # juriscraper warns about its log file on import
            from juriscraper.pacer import DocketReport  # type: ignore[import-untyped]  # heavy; optional
    except ImportError:
        raise IngestError("--from pacer", None, "the juriscraper package, which reads PACER docket reports; "
                                                "install it with: pip install 'qiflow[pacer]'") from None
    return DocketReport(court)


def _court_from_html(text: str) -> str | None:
    """PACER pages name their court in links such as https://ecf.lamd.uscourts.gov/..."""
    import re

    m = re.search(r"ecf\.([a-z]{2,5}?)b?\.uscourts\.gov", text)
    return m.group(1) if m else None


def parse(text: str, file: str, court: str | None = None) -> Docket:
    court_id = court or _court_from_html(text) or "txnd"
    report = _juriscraper_report(court_id)
    try:
        report._parse_text(text)  # juriscraper 4.x: parse a saved page offline
        data = report.data
    except Exception as error:  # noqa: BLE001 - juriscraper raises many kinds on pages it does not understand
        raise IngestError(file, None, f"a PACER docket report (juriscraper could not read it: {error})") from None
    if not isinstance(data, dict) or not data.get("docket_entries"):
        raise IngestError(file, None, "a PACER docket report with docket entries (none found; is this the "
                                      "'Docket Report' page, saved as HTML?)")
    docket = Docket(source="pacer", file=file, title=data.get("case_name") or None, court=court_id,
                    case_number=data.get("docket_number") or None)
    for p in data.get("parties") or []:
        docket.parties.append(SourceParty(name=" ".join(str(p.get("name", "")).split()),
                                          role=role_of(str(p.get("type", ""))), extra=str(p.get("extra_info") or "")))
    for e in data["docket_entries"]:
        number = e.get("document_number")
        filed = e.get("date_filed")
        docket.entries.append(SourceEntry(
            entry_number=int(number) if isinstance(number, (int, str)) and str(number).isdigit() else None,
            date_filed=filed if isinstance(filed, dt.date) else None,
            description=" ".join(str(e.get("description") or "").split()),
        ))
    if court is None and _court_from_html(text) is None:
        docket.notes.append("Court not found in the page; parsed with juriscraper's defaults (pass --court).")
    return docket
