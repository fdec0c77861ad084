"""LAW.md section 10: the stable violation codes, each with its rule, the day it took effect, and the
doctrines (hence the authorities) it rests on, as data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from qiflow.law import doctrines as d
from qiflow.law.authorities import Authority
from qiflow.law.doctrines import Doctrine, cites_of
from qiflow.law.eras import ALWAYS, CARSWELL, WICKS


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Code:
    """A departure from the careful procedure: stable id, name, severity, the rule, and who says so."""

    code: str
    name: str
    severity: Severity
    section: str
    rule: str
    message: str
    rests_on: tuple[Doctrine, ...]
    since: dt.date = ALWAYS
    """The day it took effect: it is never raised for a docket judged as of an earlier day."""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def settled(self) -> bool:
        return all(x.settled for x in self.rests_on) if self.severity is Severity.WARNING else True

    @property
    def authorities(self) -> tuple[Authority, ...]:
        return cites_of(*self.rests_on)


CODES: dict[str, Code] = {
    c.code: c
    for c in (
        Code(
            "QI001", "qi-unavailable", Severity.ERROR, "1",
            "Only officials sued in their individual capacity may assert qualified immunity; a municipality "
            "or an official-capacity defendant may not, and its assertion stays nothing.",
            "{party} asserted qualified immunity at {entry}, but {what} cannot claim it.",
            (d.QI_HOLDERS,),
        ),
        Code(
            "QI101", "discovery-while-qi-motion-pending", Severity.ERROR, "3",
            "While a motion to dismiss asserting qualified immunity is pending, the court must rule on it and "
            "may not let any discovery go forward first.",
            "{entry} let discovery go forward while the QI motion to dismiss ({motion}) was still pending; the "
            "court must rule on it first.",
            (d.RULE_FIRST,), since=CARSWELL,
        ),
        Code(
            "QI102", "qi-ruling-deferred", Severity.ERROR, "3",
            "A court may not defer its ruling on a QI motion to dismiss, deny it without prejudice pending "
            "discovery, or call it premature (before Carswell, only after the gate findings).",
            "{entry} put off the ruling on the QI motion to dismiss ({motion}) instead of deciding it.",
            (d.RULE_FIRST, d.LABELS_DO_NOT_DECIDE),
        ),
        Code(
            "QI201", "no-pleadings-finding", Severity.ERROR, "5.1",
            "Gate 1: before any QI discovery the court must hold, explicitly, that the pleadings taken as true "
            "allege facts that would overcome qualified immunity.",
            "{entry} authorized discovery against {officials} without the explicit holding that the pleadings "
            "overcome qualified immunity.",
            (d.GATE_1,), since=WICKS,
        ),
        Code(
            "QI202", "no-fact-questions", Severity.ERROR, "5.2",
            "Gate 2: the court must identify, for each official, the questions of fact it must resolve before "
            "it can rule on qualified immunity; without one, the plaintiff falters.",
            "{entry} authorized discovery against {officials} without identifying a question of fact "
            "concerning them that the court must resolve before ruling on qualified immunity.",
            (d.GATE_2,),
        ),
        Code(
            "QI203", "request-not-narrowly-tailored", Severity.ERROR, "5.3",
            "Gate 3: only requests narrowly tailored to uncover the facts needed to rule on qualified "
            "immunity, each aimed at an identified question of fact, may be authorized.",
            "{entry} authorized {requests}, aimed at no identified question of fact.",
            (d.GATE_3,),
        ),
        Code(
            "QI301", "discovery-while-stayed", Severity.ERROR, "2",
            "Until qualified immunity is decided, discovery against the official is stayed, save what an order "
            "in force covers for them now.",
            "{entry} took discovery from {party}, whose qualified immunity is undecided, without an order in "
            "force covering it.",
            (d.THE_STAY, d.EARLIEST_STAGE),
        ),
        Code(
            "QI302", "merits-discovery-before-qi-resolved", Severity.ERROR, "2, 8",
            "Ordinary (merits) discovery may not open against an official while qualified immunity is "
            "undecided; only narrowly tailored QI discovery may.",
            "{entry} opened general discovery against {officials} before their qualified immunity was decided.",
            (d.THE_STAY, d.AFTER_QI),
        ),
        Code(
            "QI303", "codefendant-discovery-while-qi-pending", Severity.WARNING, "2",
            "Discovery against a co-defendant who cannot claim immunity, while an official's qualified "
            "immunity is undecided, is unsettled.",
            "{entry} let discovery reach {party} while the qualified immunity of {officials} is undecided.",
            (d.CODEFENDANT_DISCOVERY,),
        ),
        Code(
            "QI401", "discovery-during-qi-appeal", Severity.ERROR, "7",
            "A non-frivolous interlocutory appeal divests the district court of the matters appealed: no "
            "discovery against the appealing official while it is pending.",
            "{entry} let discovery reach {officials} while their appeal ({appeal}) was pending.",
            (d.DIVESTITURE, d.FRIVOLOUS_CERTIFICATION),
        ),
        Code(
            "QI402", "proceeding-during-qi-appeal", Severity.ERROR, "7",
            "While an official's interlocutory appeal is pending, the district court may not rule on their "
            "qualified immunity or enter judgment against them.",
            "{entry} {what} {officials} while their appeal ({appeal}) was pending.",
            (d.DIVESTITURE,),
        ),
        Code(
            "QI501", "conference-late", Severity.WARNING, "6",
            "The parties must meet and confer by the date the court set (district practice).",
            "The conference ({entry}, {when}) came after the {due} deadline the court set.",
            (d.DISTRICT_PRACTICE,),
        ),
        Code(
            "QI502", "joint-report-late", Severity.WARNING, "6",
            "The joint status report must be filed by the date the court set (district practice).",
            "The joint report ({entry}, {when}) came after the {due} deadline the court set.",
            (d.DISTRICT_PRACTICE,),
        ),
    )
}

APPEALABLE_CODES = frozenset({"QI101", "QI201", "QI202", "QI203", "QI302", "QI401"})
"""Codes that make a discovery order avoidable or overly broad, hence immediately appealable (LAW.md s.11)."""
