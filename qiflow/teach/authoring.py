"""Help for a scenario's author: warnings about a file that is valid but probably not what was meant."""

from __future__ import annotations

import datetime as dt

from qiflow import scenario as m
from qiflow.engine.words import date_label
from qiflow.teach.docket import label


def law_as_of_warnings(scenario: m.Scenario, law_as_of: dt.date | None = None) -> list[str]:
    """A warning when the docket is judged by the law of a day earlier than its own entries.

    ``law_as_of`` reads the law as a court would have read it that day (LAW.md s.3): an entry dated later
    is judged by law that may have changed before it was filed.
    """
    as_of = law_as_of or scenario.law_as_of
    if as_of is None:
        return []
    later = [(i, e) for i, e in enumerate(scenario.docket, 1) if e.date_filed is not None and e.date_filed > as_of]
    if not later:
        return []
    position, entry = later[0]
    assert entry.date_filed is not None
    more = f" and {len(later) - 1} later entr{'y' if len(later) == 2 else 'ies'}" if len(later) > 1 else ""
    return [(f"law_as_of is {date_label(as_of)}, earlier than {label(entry, position)} "
             f"({date_label(entry.date_filed)}){more}: those entries are judged by the law of a day before they "
             "were filed")]
