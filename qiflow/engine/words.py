"""How the report names dates for a reader ("date unknown", never a blank)."""

from __future__ import annotations

import datetime as dt

_MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
"""The Bluebook's month abbreviations (Table T12)."""


def date_label(day: dt.date | None) -> str:
    """``Feb. 9, 2023``, or ``date unknown``: never a blank."""
    if day is None:
        return "date unknown"
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"

