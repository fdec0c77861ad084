"""How the report names things for a reader: entries, dates, who filed."""

from __future__ import annotations

import datetime as dt

_MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
"""The Bluebook's month abbreviations (Table T12)."""


def date_label(day: dt.date | None) -> str:
    """``Feb. 9, 2023``, or ``date unknown``: never a blank."""
    if day is None:
        return "date unknown"
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"


def filers(by: str | list[str] | None) -> list[str]:
    """The parties an entry is filed by, as a list (``by`` is one id or a list of them)."""
    if by is None:
        return []
    return [by] if isinstance(by, str) else list(by)
