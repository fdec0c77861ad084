"""Text pasted from a docket sheet: a line starting with a date begins an entry (date, then the entry number when
there is one, then the docket text); any other line continues the entry above. Lines before the first entry may
name the parties ("Plaintiff" / "Defendant" headings, as PACER prints them, or "Defendant: NAME"), the caption
("A v. B") and the case number. Tolerant of tabs, pipes and runs of spaces between the columns."""

from __future__ import annotations

import datetime as dt
import re

from qiflow.ingest.docket import Docket, IngestError, SourceEntry, SourceParty
from qiflow.ingest.sources.courtlistener import role_of

DATE = r"(?P<date>\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})"
ENTRY_LINE = re.compile(rf"^\s*{DATE}(?=[\s|,;]|$)[\s|,;]*(?P<rest>.*)$")
NUMBER = re.compile(r"^(?P<num>\d{1,5})(?:\s*[|\t]\s*|\s+(?=\S))(?P<text>.*)$")
HEADER = re.compile(r"^\s*(date\s*filed|filing\s*date|date)\b.*\b(docket\s*text|description|text)\b", re.IGNORECASE)
PARTY_HEADING = re.compile(r"^\s*(?P<type>(?:[A-Z][a-z]+\s+)?(?:Plaintiff|Defendant|Petitioner|Respondent)s?)"
                           r"\s*(?::\s*(?P<name>.*))?$")
CAPTION = re.compile(r"^\s*(?P<title>[^\t]{2,120}?\s+v\.?\s+[^\t]{2,120}?)\s*$")
CASE_NO = re.compile(r"(?:case|civil action|docket)\s*(?:no\.?|number|#)\s*:?\s*(?P<no>\d:\d{2}-[a-z]{2}-\d+[\w-]*)", re.IGNORECASE)
CAPTION_IN_LINE = re.compile(r"(?:^|\s)(?P<title>[A-Z][^\t]{1,120}?\s+v\.?\s+[^\t]{2,80}?)\s+(?:Assigned\s+to|Cause:|Date\s+Filed)")
COURT = re.compile(r"(?P<court>(?:Northern|Southern|Eastern|Western|Middle)\s+District\s+of\s+[A-Za-z]+(?:\s+\([A-Za-z .]+\))?)",
                   re.IGNORECASE)
NAME_END = re.compile(r"\s+(?:TERMINATED:|doing business as|formerly known as|also known as|represented by)", re.IGNORECASE)
NOISE = re.compile(r"^\s*(represented by|lead attorney|attorney to be noticed|pro se|email:|fax:|\d{3}-\d{3}-\d{4})",
                   re.IGNORECASE)


def _date(text: str, file: str, line: int) -> dt.date:
    try:
        if "-" in text:
            return dt.date.fromisoformat(text)
        month, day, year = (int(x) for x in text.split("/"))
        return dt.date(year + (2000 if year < 70 else 1900 if year < 100 else 0), month, day)
    except ValueError:
        raise IngestError(file, f"line {line}", f"a real date at the start of the entry; got {text!r}") from None


def parse(text: str, file: str) -> Docket:
    docket = Docket(source="text", file=file)
    rows: list[tuple[dt.date, int | None, list[str]]] = []
    pending_role: str | None = None
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or HEADER.match(line):
            continue
        m = ENTRY_LINE.match(line)
        if m:
            rest = m.group("rest").strip()
            num = NUMBER.match(rest)
            number = int(num.group("num")) if num else None
            body = (num.group("text") if num else rest).strip(" |\t")
            rows.append((_date(m.group("date"), file, n), number, [body] if body else []))
            pending_role = None
            continue
        if rows:
            rows[-1][2].append(line.strip(" |\t"))
            continue
        heading = PARTY_HEADING.match(line)
        if heading:
            name = (heading.group("name") or "").strip()
            if name:
                docket.parties.append(SourceParty(name=" ".join(name.split()), role=role_of(heading.group("type"))))
            else:
                pending_role = role_of(heading.group("type"))
            continue
        if pending_role is not None and not NOISE.match(line):
            name = NAME_END.split(re.split(r"\s{2,}|\t|\brepresented by\b", line.strip())[0])[0].strip()
            if name:
                docket.parties.append(SourceParty(name=" ".join(name.split()), role=pending_role))
            pending_role = None
            continue
        court = COURT.search(line)
        if court and docket.court is None:
            docket.court = " ".join(court.group("court").split())
        in_line = CAPTION_IN_LINE.search(line)
        if in_line and docket.title is None:
            docket.title = " ".join(in_line.group("title").split())
        case_no = CASE_NO.search(line)
        if case_no and docket.case_number is None:
            docket.case_number = case_no.group("no")
            continue
        caption = CAPTION.match(line)
        if caption and docket.title is None:
            docket.title = " ".join(caption.group("title").split())
    if not rows:
        raise IngestError(file, None, "docket entries: lines that start with a date (MM/DD/YYYY or YYYY-MM-DD), "
                                      "then the entry number if any, then the docket text; found none")
    for date, number, body in rows:
        description = " ".join(" ".join(body).split())
        docket.entries.append(SourceEntry(entry_number=number, date_filed=date, description=description))
    return docket
