"""Each source of a library case, marked by how it was known: read in the opinion, from a later court, or
from a summary. The scenario format gives sources as free text, so the mark is read off the text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from qiflow.law.authorities import reported_name

OPINION = "read in the opinion"
LATER = "from a later court"
SUMMARY = "from a summary"

_SUMMARY = re.compile(r"summar(y|ies)|commentary|\(blog\)|Legal News|Press Freedom Tracker", re.IGNORECASE)
_LATER = re.compile(r"\bquoting\b|as quoted in|\bdescribing\b|restating|dissenting from denial|"
                    r"rehearing en banc denied|[Pp]etition appendix")


@dataclass(frozen=True)
class Source:
    text: str
    kind: str
    """One of OPINION, LATER, SUMMARY; empty for a scenario that is not drawn from a case."""


def _head(text: str) -> str:
    """The part naming the document: up to its first parenthesis (a "(blog)" excepted) or dash."""
    return re.split(r" \((?!blog\))| -- ", text, maxsplit=1)[0]


def kind(text: str, case_name: str) -> str:
    head = _head(text)
    if _SUMMARY.search(head) or re.search(r"known only from an? [\w.]+ summary", text):
        return SUMMARY
    if _LATER.search(text[:100]) or " S. Ct. " in head or case_name not in reported_name(head) and case_name not in head:
        return LATER
    return OPINION


def sources(texts: list[str], case_name: str | None) -> list[Source]:
    """The sources, marked when the scenario is a library case (``case_name`` its short name)."""
    return [Source(" ".join(t.split()), kind(t, case_name) if case_name else "") for t in texts]
