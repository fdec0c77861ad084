"""Each source of a library case, marked by how it was known: read in the opinion, from a later court, or
from a summary. A structured source says so in its ``read``; for a plain-text one the mark is read off the text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from qiflow import scenario as m
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


READ = {"opinion": OPINION, "quoted": LATER, "summary": SUMMARY}
"""A structured source's ``read``, in the words shown."""


def text(source: m.Source) -> str:
    """A structured source in one line: the cite, the pages read, what was taken from it."""
    pages = f" (pages: {source.pages})" if source.pages else ""
    return " ".join(f"{source.cite}{pages} -- {source.what}".split())


def sources(given: list[str | m.Source], case_name: str | None) -> list[Source]:
    """The sources, marked when the scenario is a library case (``case_name`` its short name) or says how
    each was read."""
    return [Source(text(t), READ[t.read]) if isinstance(t, m.Source) else
            Source(" ".join(t.split()), kind(t, case_name) if case_name else "") for t in given]
