"""LAW.md section 10: the stable violation codes, each with its rule and authorities as data."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from qiflow.law import authorities as a
from qiflow.law.authorities import Authority, at


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Code:
    """A departure from the careful procedure: stable id, name, severity, the rule and why."""

    code: str
    name: str
    severity: Severity
    section: str
    rule: str
    message: str
    authorities: tuple[Authority, ...]
    settled: bool = True

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


_STAY = (
    at(a.HARLOW, "818"),
    at(a.WICKS, "994-95"),
    at(a.ZAPATA),
    at(a.BACKE),
    at(a.LION_BOULOS),
    at(a.WEBB),
)

CODES: dict[str, Code] = {
    c.code: c
    for c in (
        Code(
            "QI001", "qi-unavailable", Severity.ERROR, "1",
            "Only officials sued in their individual capacity may assert qualified immunity; "
            "a municipality or an official-capacity defendant may not, and its assertion stays nothing.",
            "{party} asserted qualified immunity at {entry}, but a {what} cannot claim it.",
            (at(a.OWEN, "638"), at(a.GRAHAM, "166-67")),
        ),
        Code(
            "QI101", "discovery-while-qi-motion-pending", Severity.ERROR, "3",
            "While a motion to dismiss asserting qualified immunity is pending, the court must rule on it "
            "and may not order any discovery first.",
            "{entry} ordered discovery while the QI motion to dismiss ({motion}) was still pending; "
            "the court must rule on it first.",
            (at(a.CARSWELL, "311-12"), at(a.BACKE, "648"), at(a.ZAPATA, "485"), at(a.RAMIREZ, "133-34")),
        ),
        Code(
            "QI102", "qi-ruling-deferred", Severity.ERROR, "3",
            "A court may not defer its ruling on a QI motion to dismiss, deny it without prejudice "
            "pending discovery, or call it premature.",
            "{entry} put off the ruling on the QI motion to dismiss ({motion}) instead of deciding it.",
            (at(a.CARSWELL, "311-12"), at(a.BACKE, "648", "abused its discretion in withholding its ruling "
             "pending general discovery"), at(a.ZAPATA, "485")),
        ),
        Code(
            "QI201", "no-pleadings-finding", Severity.ERROR, "5.1",
            "Gate 1: before any QI discovery the court must hold, explicitly, that the pleadings taken as "
            "true allege facts that would overcome qualified immunity.",
            "{entry} authorized discovery against {officials} without the explicit holding that the "
            "pleadings overcome qualified immunity.",
            (at(a.ZAPATA, "485 & n.2"), at(a.ZANTIZ, "163 & n.8"), at(a.BACKE, "648"), at(a.WICKS, "994"),
             at(a.HUTCHESON, "481"), at(a.IQBAL, "686")),
        ),
        Code(
            "QI202", "no-fact-questions", Severity.ERROR, "5.2",
            "Gate 2: the court must identify the questions of fact it must resolve before it can rule "
            "on qualified immunity; without one, the plaintiff falters.",
            "{entry} authorized discovery without identifying any question of fact the court must "
            "resolve before ruling on qualified immunity.",
            (at(a.ZAPATA, "485"), at(a.HUTCHESON, "481"), at(a.ZANTIZ, "163"),
             at(a.BACKE, "648", "unable to rule on the immunity defense without further clarification of "
                 "the facts")),
        ),
        Code(
            "QI203", "request-not-narrowly-tailored", Severity.ERROR, "5.3",
            "Gate 3: only requests narrowly tailored to uncover the facts needed to rule on qualified "
            "immunity, each aimed at an identified question of fact, may be authorized.",
            "{entry} authorized {requests}, aimed at no identified question of fact.",
            (at(a.WEBB, "209-11"), at(a.WICKS, "994"), at(a.LION_BOULOS, "507-08"),
             at(a.CARSWELL, "311", "the procedure is not a backdoor around immunity")),
        ),
        Code(
            "QI301", "discovery-while-stayed", Severity.ERROR, "2",
            "Until qualified immunity is resolved, all discovery against the official is stayed, save "
            "what an order in force authorizes.",
            "{entry} took discovery from {party}, whose qualified immunity is unresolved, without an "
            "order in force authorizing it.",
            _STAY + (at(a.MITCHELL, "526"),),
        ),
        Code(
            "QI302", "merits-discovery-before-qi-resolved", Severity.ERROR, "2, 8",
            "Ordinary (merits) discovery may not open against an official while qualified immunity is "
            "unresolved; only narrowly tailored QI discovery may.",
            "{entry} opened general discovery against {officials} before their qualified immunity "
            "was resolved.",
            _STAY + (at(a.LION_BOULOS, "507-08"),),
        ),
        Code(
            "QI303", "codefendant-discovery-while-qi-pending", Severity.WARNING, "2",
            "Discovery against a non-immune co-defendant while an official's qualified immunity is "
            "unresolved is unsettled: the official would have to take part, and Carswell vacated an order "
            "letting Monell discovery go forward.",
            "{entry} let discovery reach {party} while the qualified immunity of {officials} is unresolved.",
            (at(a.IQBAL, "685-86"), at(a.CARSWELL, "311-12")),
            settled=False,
        ),
        Code(
            "QI401", "discovery-during-qi-appeal", Severity.ERROR, "7",
            "A non-frivolous interlocutory appeal divests the district court of jurisdiction over the "
            "matters appealed: no discovery against the official while it is pending.",
            "{entry} allowed discovery while the appeal ({appeal}) was pending.",
            (at(a.WILLIAMS, "730", unverified=True), at(a.GRIGGS, "58"), at(a.BEHRENS, "310-11")),
        ),
        Code(
            "QI501", "conference-late", Severity.WARNING, "6",
            "The parties must meet and confer by the date the court set.",
            "The conference ({entry}, {when}) came after the {due} deadline the court set.",
            (at(a.RUSANOWSKY_ORDER),),
        ),
        Code(
            "QI502", "joint-report-late", Severity.WARNING, "6",
            "The joint status report must be filed by the date the court set.",
            "The joint report ({entry}, {when}) came after the {due} deadline the court set.",
            (at(a.RUSANOWSKY_ORDER),),
        ),
    )
}

APPEALABLE_CODES = frozenset({"QI101", "QI201", "QI202", "QI203", "QI302", "QI401"})
"""Codes that make a discovery order avoidable or overly broad, hence immediately appealable.
Webb, 618 F. App'x at 210 (quoting Gaines, 928 F.2d at 707); Carswell, 54 F.4th at 311."""

APPEALABILITY_AUTHORITIES = (
    at(a.WEBB, "210", "quoting Gaines v. Davis, 928 F.2d 705, 707 (5th Cir. 1991)"),
    at(a.LION_BOULOS, "507-08"),
    at(a.HINOJOSA),
    at(a.CARSWELL, "311"),
    at(a.BACKE, "648"),
    at(a.WICKS, "994"),
)
