"""The authorities qiflow cites, as data: reported names, reporter cites, and the order's aliases.

Pinpoints marked ``unverified`` are LAW.md's "(pin?)": kept, never made more precise.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    """A reported decision: its name as reported, its cite, and names it is also written under."""

    name: str
    cite: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Authority:
    """A case at a pinpoint: what a rule, gate or code cites."""

    case: Case
    pin: str = ""
    parenthetical: str = ""
    unverified: bool = False

    def __str__(self) -> str:
        cite = self.case.cite
        if self.pin:
            cite = _pinned(cite, self.pin)
        text = f"{self.case.name}, {cite}"
        if self.parenthetical:
            text += f" ({self.parenthetical})"
        if self.unverified:
            text += " (pin?)"
        return text

    @property
    def short(self) -> str:
        """The short form used on diagrams: ``Zapata, 750 F.3d at 485``."""
        short_name = self.case.name.split(" v. ")[0]
        volume, reporter, _page = _split_cite(self.case.cite)
        if self.pin:
            return f"{short_name}, {volume} {reporter} at {self.pin}"
        return f"{short_name}, {volume} {reporter}"


def _split_cite(cite: str) -> tuple[str, str, str]:
    """Split ``750 F.3d 481 (5th Cir. 2014)`` into volume, reporter and first page."""
    head = cite.split(" (")[0]
    volume, rest = head.split(" ", 1)
    reporter, page = rest.rsplit(" ", 1)
    return volume, reporter, page


def _pinned(cite: str, pin: str) -> str:
    head, _, court = cite.partition(" (")
    pin = f"at {pin}" if pin.startswith("*") else pin
    return f"{head}, {pin} ({court}"


def at(case: Case, pin: str = "", parenthetical: str = "", unverified: bool = False) -> Authority:
    """Cite ``case`` at ``pin``."""
    return Authority(case, pin, parenthetical, unverified)


# Supreme Court
OWEN = Case("Owen v. City of Independence", "445 U.S. 622 (1980)")
GRAHAM = Case("Kentucky v. Graham", "473 U.S. 159 (1985)")
MITCHELL = Case("Mitchell v. Forsyth", "472 U.S. 511 (1985)")
HUNTER = Case("Hunter v. Bryant", "502 U.S. 224 (1991)")
HARLOW = Case("Harlow v. Fitzgerald", "457 U.S. 800 (1982)")
IQBAL = Case("Ashcroft v. Iqbal", "556 U.S. 662 (2009)")
CRAWFORD_EL = Case("Crawford-El v. Britton", "523 U.S. 574 (1998)")
JOHNSON = Case("Johnson v. Jones", "515 U.S. 304 (1995)")
BEHRENS = Case("Behrens v. Pelletier", "516 U.S. 299 (1996)")
GRIGGS = Case("Griggs v. Provident Consumer Discount Co.", "459 U.S. 56 (1982)")

# Fifth Circuit (and one Seventh)
MCCLENDON = Case("McClendon v. City of Columbia", "305 F.3d 314 (5th Cir. 2002) (en banc)")
JOSEPH = Case("Joseph v. Bartlett", "981 F.3d 319 (5th Cir. 2020)")
ORR = Case("Orr v. Copeland", "844 F.3d 484 (5th Cir. 2016)")
RAMIREZ = Case("Ramirez v. Guadarrama", "3 F.4th 129 (5th Cir. 2021)")
CARSWELL = Case("Carswell v. Camp", "54 F.4th 307 (5th Cir. 2022)")
WICKS = Case("Wicks v. Miss. State Emp. Servs.", "41 F.3d 991 (5th Cir. 1995)")
ZAPATA = Case("Zapata v. Melson", "750 F.3d 481 (5th Cir. 2014)")
BACKE = Case("Backe v. LeBlanc", "691 F.3d 645 (5th Cir. 2012)")
LION_BOULOS = Case("Lion Boulos v. Wilson", "834 F.2d 504 (5th Cir. 1987)", aliases=("Lion Boulous v. Wilson",))
WEBB = Case("Webb v. Livingston", "618 F. App'x 201 (5th Cir. 2015)")
HINOJOSA = Case("Hinojosa v. Livingston", "807 F.3d 657 (5th Cir. 2015)")
SCHULTEA = Case("Schultea v. Wood", "47 F.3d 1427 (5th Cir. 1995) (en banc)")
ZANTIZ = Case("Zantiz v. Seal", "602 F. App'x 154 (5th Cir. 2015)", aliases=("Zanitz v. Seal",))
HUTCHESON = Case("Hutcheson v. Dallas County", "994 F.3d 477 (5th Cir. 2021)", aliases=("Hutcheson v. Dall. Cnty.",))
GAINES = Case("Gaines v. Davis", "928 F.2d 705 (5th Cir. 1991)")
WILLIAMS = Case("Williams v. Brooks", "996 F.2d 728 (5th Cir. 1993)")
APOSTOL = Case("Apostol v. Gallion", "870 F.2d 1335 (7th Cir. 1989)")
ROE = Case("Roe v. Johnson County", "No. 3:18-cv-2497-B-BN, 2021 WL 321967 (N.D. Tex. Feb. 1, 2021)")
RUSANOWSKY_ORDER = Case(
    "Rusanowsky v. City of Dallas",
    "No. 3:22-cv-1132-K (N.D. Tex. Dec. 28, 2022) (order requiring joint status report)",
)

ALL_CASES: tuple[Case, ...] = (
    OWEN, GRAHAM, MITCHELL, HUNTER, HARLOW, IQBAL, CRAWFORD_EL, JOHNSON, BEHRENS, GRIGGS,
    MCCLENDON, JOSEPH, ORR, RAMIREZ, CARSWELL, WICKS, ZAPATA, BACKE, LION_BOULOS, WEBB, HINOJOSA,
    SCHULTEA, ZANTIZ, HUTCHESON, GAINES, WILLIAMS, APOSTOL, ROE, RUSANOWSKY_ORDER,
)


def reported_name(name: str) -> str:
    """The reported name for ``name``, accepting the order's misspellings as aliases."""
    for case in ALL_CASES:
        if name == case.name or name in case.aliases:
            return case.name
    return name
