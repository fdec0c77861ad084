"""Short cites for the page ("Zapata, 750 F.3d at 485"), from the full cites the report carries."""

from __future__ import annotations

import re

_FULL = re.compile(
    r"^(?P<name>.+?), (?P<volume>\d+) (?P<reporter>[A-Z][A-Za-z0-9.' ]*?) (?P<page>\d+)"
    r"(?:, (?P<pin>[^()]+?))? \((?P<court>[^()]*)\)(?P<rest>.*)$"
)
_SECOND_NAME = {"Kentucky", "Ashcroft", "United States", "Texas", "Mississippi", "Louisiana"}
"""First parties a short cite skips, by convention (Graham, Iqbal)."""


def short_name(name: str) -> str:
    first, _, second = name.partition(" v. ")
    if second and first in _SECOND_NAME:
        return second.split(",")[0]
    return first


def short_cite(full: str) -> str:
    """``Zapata v. Melson, 750 F.3d 481, 485 (5th Cir. 2014)`` -> ``Zapata, 750 F.3d at 485``.

    A cite this cannot parse (a slip opinion, a docket order) keeps its first party and its court and date.
    """
    flag = " (pin?)" if full.endswith(" (pin?)") else ""
    match = _FULL.match(full)
    if match is None:
        name, _, rest = full.partition(", ")
        court = re.search(r"\(([^()]*\d{4})\)", rest)
        return short_name(name) + (f" ({court.group(1)})" if court else "") + flag
    head = f"{short_name(match['name'])}, {match['volume']} {match['reporter']}"
    return (f"{head} at {match['pin']}" if match["pin"] else f"{head} {match['page']}") + flag


def code_name(name: str) -> str:
    """A code's stable name in words: ``qi-ruling-deferred`` -> ``QI ruling deferred``."""
    return " ".join("QI" if w == "qi" else w for w in name.split("-"))
