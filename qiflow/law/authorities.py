"""The authorities qiflow cites, as data: reported names, reporter cites, decision dates, the order's aliases.

Pinpoints marked ``unverified`` are LAW.md's "(pin?)": kept in the data and in JSON, flagged, but never
printed for a reader. An authority is cited for a day only if it had been decided by then; Carswell's
first opinion stands in for the operative one on the days between the two.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from qiflow.law.eras import CARSWELL as CARSWELL_DAY
from qiflow.law.eras import CARSWELL_SUBSTITUTED


@dataclass(frozen=True)
class Case:
    """A decision (or statute): its name as reported, its cite, when it was decided, other spellings.

    ``decided`` is the day of decision where it was checked; otherwise only the year of the cite is
    known, and the authority counts as decided only from the next year on.
    """

    name: str
    cite: str
    decided: dt.date | None = None
    aliases: tuple[str, ...] = ()

    @property
    def year(self) -> int | None:
        if self.decided is not None:
            return self.decided.year
        years = re.findall(r"\b(1[89]\d\d|20\d\d)\)", self.cite)
        return int(years[-1]) if years else None

    def decided_by(self, day: dt.date) -> bool:
        """Whether a court on ``day`` could have cited this decision."""
        if self.decided is not None:
            return self.decided <= day
        return self.year is None or self.year < day.year

    @property
    def short_name(self) -> str:
        return self.name.split(" v. ")[0]


@dataclass(frozen=True)
class Authority:
    """A case at a pinpoint: what a doctrine cites."""

    case: Case
    pin: str = ""
    parenthetical: str = ""
    unverified: bool = False
    _hash: int = field(init=False, repr=False, compare=False, default=0)
    _text: str = field(init=False, repr=False, compare=False, default="")

    def __post_init__(self) -> None:
        """Hash and render once: every entry of every report dedupes and prints these."""
        object.__setattr__(self, "_hash", hash((self.case, self.pin, self.parenthetical, self.unverified)))
        object.__setattr__(self, "_text", self._render())

    def __hash__(self) -> int:
        return self._hash

    def __str__(self) -> str:
        """The full cite a reader sees: an unverified pin is left out (LAW.md, "Markers")."""
        return self._text

    def _render(self) -> str:
        cite = self.case.cite
        if self.pin and not self.unverified:
            cite = _pinned(cite, self.pin)
        text = f"{self.case.name}, {cite}" if cite else self.case.name
        if self.parenthetical:
            text += f" ({self.parenthetical})"
        return text

    @property
    def short(self) -> str:
        """The short form for one-line output and diagrams: ``Zapata, 750 F.3d at 485``."""
        if not self.case.cite or self.case.cite.startswith("No."):
            return self.case.short_name if self.case.cite else self.case.name
        volume, reporter, _page = _split_cite(self.case.cite)
        if self.pin and not self.unverified:
            return f"{self.case.short_name}, {volume} {reporter} at {self.pin}"
        return f"{self.case.short_name}, {volume} {reporter}"

    def as_of(self, day: dt.date) -> Authority | None:
        """This authority as a court could cite it on ``day``: None if not yet decided; between Carswell's
        two opinions, the first (whose pages qiflow has not checked, so without a pin)."""
        if self.case is CARSWELL and CARSWELL_DAY <= day < CARSWELL_SUBSTITUTED:
            return Authority(CARSWELL_FIRST, parenthetical=self.parenthetical)
        return self if self.case.decided_by(day) else None

    def json(self) -> dict[str, object]:
        """The machine form: every field, the pin kept and flagged when unverified."""
        return {"case": self.case.name, "cite": self.case.cite, "pin": self.pin or None,
                "pin_verified": not self.unverified, "parenthetical": self.parenthetical or None,
                "text": str(self)}


def _split_cite(cite: str) -> tuple[str, str, str]:
    """Split ``750 F.3d 481 (5th Cir. 2014)`` into volume, reporter and first page."""
    head = cite.split(" (")[0]
    volume, rest = head.split(" ", 1)
    reporter, page = rest.rsplit(" ", 1)
    return volume, reporter, page


def _pinned(cite: str, pin: str) -> str:
    head, _, court = cite.partition(" (")
    return f"{head}, {pin} ({court}" if court else f"{head}, {pin}"


def at(case: Case, pin: str = "", parenthetical: str = "", unverified: bool = False) -> Authority:
    """Cite ``case`` at ``pin``."""
    return Authority(case, pin, parenthetical, unverified)


@lru_cache(maxsize=4096)
def as_of(authorities: tuple[Authority, ...], day: dt.date) -> tuple[Authority, ...]:
    """The authorities a court could cite on ``day``, in order, each once."""
    out = (a.as_of(day) for a in authorities)
    return tuple(dict.fromkeys(a for a in out if a is not None))


# Supreme Court
OWEN = Case("Owen v. City of Independence", "445 U.S. 622 (1980)", dt.date(1980, 4, 16))
GRAHAM = Case("Kentucky v. Graham", "473 U.S. 159 (1985)", dt.date(1985, 6, 28))
MITCHELL = Case("Mitchell v. Forsyth", "472 U.S. 511 (1985)", dt.date(1985, 6, 19))
HUNTER = Case("Hunter v. Bryant", "502 U.S. 224 (1991)", dt.date(1991, 12, 16))
HARLOW = Case("Harlow v. Fitzgerald", "457 U.S. 800 (1982)", dt.date(1982, 6, 24))
IQBAL = Case("Ashcroft v. Iqbal", "556 U.S. 662 (2009)", dt.date(2009, 5, 18))
CRAWFORD_EL = Case("Crawford-El v. Britton", "523 U.S. 574 (1998)", dt.date(1998, 5, 4))
JOHNSON = Case("Johnson v. Jones", "515 U.S. 304 (1995)", dt.date(1995, 6, 12))
BEHRENS = Case("Behrens v. Pelletier", "516 U.S. 299 (1996)", dt.date(1996, 2, 21))
GRIGGS = Case("Griggs v. Provident Consumer Discount Co.", "459 U.S. 56 (1982)", dt.date(1982, 11, 29))
HARPER = Case("Harper v. Va. Dep't of Taxation", "509 U.S. 86 (1993)", dt.date(1993, 6, 18))
FINAL_DECISIONS = Case("28 U.S.C. § 1291", "")
MAGISTRATES = Case("28 U.S.C. § 636", "")

# Fifth Circuit (and one Seventh)
MCCLENDON = Case("McClendon v. City of Columbia", "305 F.3d 314 (5th Cir. 2002) (en banc)")
JOSEPH = Case("Joseph v. Bartlett", "981 F.3d 319 (5th Cir. 2020)")
ORR = Case("Orr v. Copeland", "844 F.3d 484 (5th Cir. 2016)")
RAMIREZ = Case("Ramirez v. Guadarrama", "3 F.4th 129 (5th Cir. 2021)", dt.date(2021, 2, 8))
RAMIREZ_ARLINGTON = Case("Ramirez v. City of Arlington", "No. 21-10856 (5th Cir. Aug. 24, 2022) (unpublished)",
                         dt.date(2022, 8, 24))
CARSWELL = Case("Carswell v. Camp", "54 F.4th 307 (5th Cir. 2022)", dt.date(2022, 11, 30))
CARSWELL_FIRST = Case("Carswell v. Camp", "37 F.4th 1062 (5th Cir. 2022)", dt.date(2022, 6, 17))
WICKS = Case("Wicks v. Miss. State Emp. Servs.", "41 F.3d 991 (5th Cir. 1995)", dt.date(1995, 1, 6))
ZAPATA = Case("Zapata v. Melson", "750 F.3d 481 (5th Cir. 2014)", dt.date(2014, 4, 18))
BACKE = Case("Backe v. LeBlanc", "691 F.3d 645 (5th Cir. 2012)", dt.date(2012, 8, 16))
LION_BOULOS = Case("Lion Boulos v. Wilson", "834 F.2d 504 (5th Cir. 1987)", dt.date(1987, 12, 23),
                   aliases=("Lion Boulous v. Wilson",))
WEBB = Case("Webb v. Livingston", "618 F. App'x 201 (5th Cir. 2015)", dt.date(2015, 7, 17))
HINOJOSA = Case("Hinojosa v. Livingston", "807 F.3d 657 (5th Cir. 2015)", dt.date(2015, 11, 18))
SCHULTEA = Case("Schultea v. Wood", "47 F.3d 1427 (5th Cir. 1995) (en banc)", dt.date(1995, 3, 9))
ZANTIZ = Case("Zantiz v. Seal", "602 F. App'x 154 (5th Cir. 2015)", dt.date(2015, 2, 20), aliases=("Zanitz v. Seal",))
HUTCHESON = Case("Hutcheson v. Dallas County", "994 F.3d 477 (5th Cir. 2021)", dt.date(2021, 4, 12),
                 aliases=("Hutcheson v. Dall. Cnty.",))
HUTCHESON_DISTRICT = Case("Hutcheson v. Dallas County", "No. 3:17-cv-2021-BN, Dkt. 43 (N.D. Tex. Mar. 6, 2019)",
                          dt.date(2019, 3, 6))
GAINES = Case("Gaines v. Davis", "928 F.2d 705 (5th Cir. 1991)", dt.date(1991, 4, 15))
WILLIAMS = Case("Williams v. Brooks", "996 F.2d 728 (5th Cir. 1993)")
KINNEY = Case("Kinney v. Weaver", "367 F.3d 337 (5th Cir. 2004) (en banc)")
HELTON = Case("Helton v. Clements", "787 F.2d 1016 (5th Cir. 1986)")
LOPEZ = Case("Lopez v. Ramirez", "No. 21-40235 (5th Cir. Aug. 10, 2022) (unpublished)", dt.date(2022, 8, 10))
APOSTOL = Case("Apostol v. Gallion", "870 F.2d 1335 (7th Cir. 1989)")
ROE = Case("Roe v. Johnson County", "No. 3:18-cv-2497-B-BN, 2021 WL 321967 (N.D. Tex. Feb. 1, 2021)",
           dt.date(2021, 2, 1))
RUSANOWSKY_ORDER = Case(
    "Rusanowsky v. City of Dallas",
    "No. 3:22-cv-1132-K (N.D. Tex. Dec. 28, 2022) (order requiring joint status report)", dt.date(2022, 12, 28),
)
ROBERTS = Case("Roberts v. Lozada", "No. 5:21-cv-170-H (N.D. Tex. Nov. 9, 2022)", dt.date(2022, 11, 9))
RENDON = Case("Rendon v. Edwards", "No. 5:21-cv-278-C (N.D. Tex. Nov. 16, 2022)", dt.date(2022, 11, 16))
GAINES_JEFFERSON = Case("Gaines v. Jefferson Cnty. Sch. Dist.", "No. 5:22-cv-32 (S.D. Miss. June 20, 2023)",
                        dt.date(2023, 6, 20))

ALL_CASES: tuple[Case, ...] = tuple(v for v in dict(globals()).values() if isinstance(v, Case))


def reported_name(name: str) -> str:
    """The reported name for ``name``, accepting the order's misspellings as aliases."""
    for case in ALL_CASES:
        if name == case.name or name in case.aliases:
            return case.name
    return name
