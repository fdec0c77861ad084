"""The days the law changed (LAW.md s.3 "When this took effect", s.5 "Dates", s.11): three eras.

A docket is judged by the law as it stood on one day (``law_as_of``; default today). A rule or code
carries the day it took effect and is never applied, nor an authority cited, before it.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

ALWAYS = dt.date.min
"""In force for every docket qiflow judges."""

WICKS = dt.date(1995, 1, 6)
"""Wicks v. Miss. State Emp. Servs., 41 F.3d 991 (5th Cir. 1995): the first reversal for want of a
gate-1 pleadings holding; from this day an order needs it (Zapata, 750 F.3d at 485 n.2; Zantiz)."""

CARSWELL = dt.date(2022, 6, 17)
"""Carswell v. Camp, 37 F.4th 1062 (5th Cir. June 17, 2022), substituted by 54 F.4th 307 (Nov. 30,
2022) with the holding unchanged: from this day no discovery and no deferral while a QI motion to
dismiss is pending."""

CARSWELL_SUBSTITUTED = dt.date(2022, 11, 30)
"""The day the operative Carswell opinion (54 F.4th 307) replaced the first (37 F.4th 1062)."""


class Era(StrEnum):
    """The three eras LAW.md s.11 distinguishes."""

    LION_BOULOS = "before Wicks"
    WICKS = "from Wicks to Carswell"
    CARSWELL = "from Carswell"

    @classmethod
    def of(cls, day: dt.date) -> Era:
        if day < WICKS:
            return cls.LION_BOULOS
        return cls.WICKS if day < CARSWELL else cls.CARSWELL

    @property
    def begins(self) -> dt.date:
        return {Era.LION_BOULOS: ALWAYS, Era.WICKS: WICKS, Era.CARSWELL: CARSWELL}[self]
