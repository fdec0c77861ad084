"""Docket numbers cited in a docket text: "granting 30 Motion", "granting 2 6 Motion", "(Dkt. No. 51)", "[13]",
"R. Doc. 9", "(Doc. 47)", "D.E. 7", "ECF No. 36", "docket entry 32", "Rec. Doc. 28", "(Dkt. #59)", lists and ranges
("Dkt. Nos. 25, 26, & 28-30"); never a date or a number of days."""

from __future__ import annotations

import re

NUMS = r"\d{1,5}(?:\s*(?:,|&|and|,\s*and)?\s+\d{1,5}(?![/\d]))*"
FORMS = [
    re.compile(r"(?<![\w/])\[\s*(\d{1,5})\s*\]"),
    re.compile(r"\b(?:dkt|doc|d\.\s?e|ecf|r\.\s*doc|rec\.\s*doc|record\s+doc(?:ument)?|docket\s+(?:entry|no))\.?\s*"
               r"(?:nos?\.?|#)?\s*(\d{1,5}(?:\s*(?:,\s*&|,\s*and|,|&|and|[-–])\s*\d{1,5})*)(?![/\d])", re.IGNORECASE),
    re.compile(r"\b(?:granting|denying|deferring|terminating|finding\s+as\s+moot)\s+(?:in\s+part\s+(?:and\s+\w+\s+in\s+part\s+)?)?"
               r"(" + NUMS + r")(?![/\d])", re.IGNORECASE),
    re.compile(r"(?<![\w/.$#])(" + NUMS + r")\s+(?:[\w'’.,/-]+\s+){0,8}?(?:motions?|order|notice\s+of\s+appeal|"
               r"judgment|report|complaint|memorandum|response|reply|objection|findings|answer|ruling|"
               r"opposition|appeal)\b", re.IGNORECASE),
]


NOT_ENTRIES = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:\s*,\s*\d{2}\s?\d{2})?"
    r"|\(?\b\d{1,5}\)?\s*(?:calendar\s+|business\s+)?(?:days?|weeks?|months?|years?|hours?|pages?|minutes?)\b",
    re.IGNORECASE)
"""Numbers that are not docket entries: dates ("October 4, 2017") and quantities ("21 days to amend his
Complaint")."""


def _numbers(group: str) -> list[int]:
    """The numbers of a cited group, a range ("Dkt. Nos. 28-30") spelled out when it is a short one."""
    out: list[int] = []
    for m in re.finditer(r"(\d{1,5})(?:\s*[-–]\s*(\d{1,5}))?", group):
        first, last = int(m.group(1)), int(m.group(2)) if m.group(2) else None
        # "12-1" is attachment 1 of document 12; a long span is no list of entries
        out.extend(range(first, last + 1) if last is not None and 0 < last - first <= 25 else [first])
    return out


def _masked(text: str) -> str:
    """The text with dates and quantities blanked out, every position kept."""
    return NOT_ENTRIES.sub(lambda m: re.sub(r"\d", "_", m.group(0)), text)


def cited(text: str) -> list[tuple[int, int]]:
    """Every cited entry number with its position, in the order they appear (each number once)."""
    found: dict[int, int] = {}
    text = _masked(text)
    for form in FORMS:
        for m in form.finditer(text):
            for n in _numbers(m.group(1)):
                if n not in found or m.start() < found[n]:
                    found[n] = m.start()
    return sorted(((pos, n) for n, pos in found.items()))


def cited_numbers(text: str) -> list[int]:
    return [n for _, n in cited(text)]
