"""Each proposition of law qiflow relies on, named once with the authorities that hold it (LAW.md s.1-8).

Codes, phases, explanations and invariants refer to these by name, so no cite is retyped and an entry
never prints the same authority twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from qiflow.law import authorities as a
from qiflow.law.authorities import Authority, as_of, at


@dataclass(frozen=True, eq=False)
class Doctrine:
    """What the courts hold, in one sentence, and who holds it; ``settled`` is LAW.md's marker.

    Each is defined once, below, so a doctrine is itself (identity is its equality and its hash)."""

    name: str
    title: str
    """What it is about, as a heading a student reads (``name`` is the key codes and invariants use)."""
    section: str
    holds: str
    cites: tuple[Authority, ...]
    settled: bool = True
    district_practice: bool = False
    """A district court's practice (N.D. Tex.), not a rule of the Fifth Circuit."""


@lru_cache(maxsize=4096)
def cites_of(*doctrines: Doctrine, day: dt.date | None = None) -> tuple[Authority, ...]:
    """The doctrines' authorities in order, each once; as of ``day`` if given."""
    cites = tuple(dict.fromkeys(x for d in doctrines for x in d.cites))
    return cites if day is None else as_of(cites, day)


class Cited(NamedTuple):
    """Authorities as a report prints them: the full cites, their JSON form, the first one's short cite.

    Shared by every report that cites them, hence tuples: a report copies them into lists and dicts of its own."""

    authorities: tuple[str, ...]
    cites: tuple[dict[str, object], ...]
    short: str | None


@lru_cache(maxsize=4096)
def cited(doctrines: tuple[Doctrine, ...], day: dt.date) -> Cited:
    """``cites_of(*doctrines, day=day)`` as a report prints them, worked out once per doctrine tuple and day:
    every entry, violation and next move of every report asks (keyed by the tuple, whose doctrines hash by
    identity, rather than by the authorities, which hash in Python)."""
    cites = cites_of(*doctrines, day=day)
    return Cited(tuple(map(str, cites)), tuple(x.json() for x in cites), cites[0].short if cites else None)


# --- s.1: who may assert QI, and the burden ---------------------------------------------------------
QI_HOLDERS = Doctrine(
    "qi_holders", "Who may assert qualified immunity", "1",
    "Only an official sued in an individual capacity may assert qualified immunity; a municipality or an "
    "official-capacity defendant may not.",
    (at(a.OWEN, "638"), at(a.GRAHAM, "166-67")))
BURDEN = Doctrine(
    "burden", "The burden, once immunity is asserted", "1",
    "Once an official asserts qualified immunity in good faith, the plaintiff must show it does not apply.",
    (at(a.MCCLENDON, "323"), at(a.JOSEPH, "329-30"), at(a.ORR, "490")))

# --- s.2: the default, a stay ----------------------------------------------------------------------
EARLIEST_STAGE = Doctrine(
    "earliest_stage", "Immunity from suit, decided at the earliest stage", "2",
    "Qualified immunity is immunity from suit, lost if the case wrongly goes forward; it is decided at the "
    "earliest possible stage.",
    (at(a.MITCHELL, "526"), at(a.RAMIREZ, "133-34"), at(a.CARSWELL, "310"), at(a.HUNTER, "227")))
THE_STAY = Doctrine(
    "the_stay", "Discovery is stayed until immunity is decided", "2",
    "Until qualified immunity is decided, discovery against the official is stayed.",
    (at(a.HARLOW, "818"), at(a.WICKS, "994-95"), at(a.ZAPATA), at(a.BACKE), at(a.LION_BOULOS), at(a.WEBB)))
CODEFENDANT_DISCOVERY = Doctrine(
    "codefendant_discovery", "Discovery against co-defendants who cannot claim immunity", "2",
    "Whether discovery may go forward against a co-defendant who cannot claim immunity while an official's "
    "immunity is undecided is unsettled: the official would have to take part, and Carswell vacated a "
    "scheduling order that let Monell discovery go forward.",
    (at(a.IQBAL, "685-86"), at(a.CARSWELL, "311-12")), settled=False)

# --- s.3: a pending QI motion to dismiss is ruled on first -----------------------------------------
RULE_FIRST = Doctrine(
    "rule_first", "A pending QI motion to dismiss is ruled on first", "3",
    "While a motion to dismiss asserting qualified immunity is pending, the court must rule on it: it may "
    "not order discovery first, defer the ruling, deny it without prejudice pending discovery, or call it "
    "premature.",
    (at(a.CARSWELL, "311-12"),
     at(a.BACKE, "648", "abused its discretion in withholding its ruling pending general discovery"),
     at(a.ZAPATA, "485"), at(a.RAMIREZ, "133-34")))
DEFERRAL_BEFORE_CARSWELL = Doctrine(
    "deferral_before_carswell", "Deferring the ruling for discovery, before Carswell", "3",
    "Before Carswell, a court could defer its ruling on a QI motion to dismiss for limited discovery if it "
    "first held that the pleadings overcome immunity and identified the fact questions (before Wicks, "
    "identifying the fact questions sufficed).",
    (at(a.BACKE, "648"), at(a.WEBB), at(a.HINOJOSA), at(a.LION_BOULOS, "507-08")))
LABELS_DO_NOT_DECIDE = Doctrine(
    "labels_do_not_decide", "A ruling's label does not decide what it is", "3",
    "A ruling titled \"denied\" that leaves immunity to be decided later is a deferral; a denial \"without "
    "prejudice\" is a refusal to rule.",
    (at(a.HINOJOSA), at(a.CARSWELL, "311"), at(a.LOPEZ)))
SCHULTEA_REPLY = Doctrine(
    "schultea_reply", "The Rule 7(a) reply", "4",
    "The court may, and ordinarily should, order a Rule 7(a) reply tailored to the immunity defense; the "
    "reply joins the complaint as the pleadings. Ordering one instead of ruling is not a deferral pending "
    "discovery.",
    (at(a.SCHULTEA, "1433-34"), at(a.CRAWFORD_EL, "598"), at(a.GAINES_JEFFERSON)))
CONVERSION = Doctrine(
    "conversion", "A QI motion to dismiss converted to summary judgment", "3",
    "A QI motion to dismiss converted into a summary-judgment motion under Rule 12(d) is on the "
    "summary-judgment track.",
    (at(a.HUTCHESON_DISTRICT), at(a.HUTCHESON)))
DISTRICT_PRACTICE = Doctrine(
    "district_practice", "Northern District of Texas practice: notice, leave for discovery, the joint report", "4, 6",
    "N.D. Tex. practice, not a Fifth Circuit rule: the official gives notice of a summary-judgment motion "
    "on immunity, the plaintiff may move for leave to conduct limited discovery, and the parties meet and "
    "confer and file a joint report by dates the court sets.",
    (at(a.RUSANOWSKY_ORDER), at(a.ROBERTS), at(a.RENDON)), district_practice=True)

# --- s.5: the three gates, in order ----------------------------------------------------------------
GATE_1 = Doctrine(
    "gate_1", "Gate 1: the pleadings overcome immunity", "5.1",
    "Gate 1: the court holds, explicitly, that the pleadings taken as true allege facts that would overcome "
    "qualified immunity; seeking to impeach the official's version is not enough, and pleadings that fall "
    "short get no discovery at all.",
    (at(a.ZAPATA, "485 & n.2"), at(a.ZANTIZ, "163 & n.8"), at(a.BACKE, "648"), at(a.WICKS, "994"),
     at(a.HUTCHESON, "481"), at(a.IQBAL, "686")))
GATE_2 = Doctrine(
    "gate_2", "Gate 2: the fact questions", "5.2",
    "Gate 2: the court identifies the questions of fact, concerning each official, that it must resolve "
    "before it can rule on immunity.",
    (at(a.ZAPATA, "485"), at(a.HUTCHESON, "481"), at(a.ZANTIZ, "163"),
     at(a.BACKE, "648", "unable to rule on the immunity defense without further clarification of the facts"),
     at(a.HINOJOSA)))
GATE_3 = Doctrine(
    "gate_3", "Gate 3: narrowly tailored requests", "5.3",
    "Gate 3: only requests narrowly tailored to uncover the facts needed to rule on immunity, each aimed at "
    "an identified question of fact, may be authorized.",
    (at(a.WEBB, "209-11"), at(a.WICKS, "994"), at(a.LION_BOULOS, "507-08"),
     at(a.CARSWELL, "311", "the procedure is not a backdoor around immunity")))
LION_BOULOS_TEST = Doctrine(
    "lion_boulos_test", "The Lion Boulos test, before Wicks", "5",
    "Before Wicks, QI discovery was judged by the three-part Lion Boulos test: a fact question, inability to "
    "rule without it, and narrow tailoring.",
    (at(a.LION_BOULOS, "507-08"), at(a.GAINES, "707")))

# --- s.7: appeals ---------------------------------------------------------------------------------
COLLATERAL_ORDER = Doctrine(
    "collateral_order", "When a discovery order is immediately appealable", "7",
    "A discovery order is immediately appealable when it is avoidable (entered while a QI motion is pending "
    "or without the gate 1 and gate 2 findings) or overly broad; an order narrowly tailored to facts the "
    "court needs to rule on immunity is not.",
    (at(a.WEBB, "210", "quoting Gaines v. Davis, 928 F.2d 705, 707 (5th Cir. 1991)"), at(a.LION_BOULOS, "507-08"),
     at(a.HINOJOSA), at(a.CARSWELL, "311"), at(a.BACKE, "648"), at(a.WICKS, "994")))
DENIAL_APPEALABLE = Doctrine(
    "denial_appealable", "Appeal from a denial of immunity on the pleadings, or a refusal to rule", "7",
    "A denial of qualified immunity on a motion to dismiss is immediately appealable, and so is a refusal to "
    "rule.",
    (at(a.MITCHELL, "530"), at(a.IQBAL, "671-75"), at(a.BACKE), at(a.ZAPATA), at(a.CARSWELL)))
SJ_DENIAL_APPEAL = Doctrine(
    "sj_denial_appeal", "Appeal from a denial at summary judgment", "7",
    "A denial at summary judgment is appealable to the extent it turns on law, including whether the "
    "disputed facts are material, but not to the extent it decides only that the evidence shows a genuine "
    "dispute.",
    (at(a.JOHNSON, "313"), at(a.BEHRENS, "312-13", unverified=True), at(a.KINNEY, "346-47", unverified=True)))
DISCOVERY_DENIAL_REVIEW = Doctrine(
    "discovery_denial_review", "Review of an order denying QI discovery", "7",
    "Denying a plaintiff's request for QI discovery is reviewed only for abuse of discretion, after final "
    "judgment.",
    (at(a.HUTCHESON, "481-82"),))
DIVESTITURE = Doctrine(
    "divestiture", "An interlocutory appeal divests the district court", "7",
    "A non-frivolous interlocutory appeal divests the district court of the matters appealed: while an "
    "official's appeal is pending, no discovery against the official and no ruling on their immunity or "
    "judgment against them.",
    (at(a.WILLIAMS, "730", unverified=True), at(a.GRIGGS, "58")), settled=False)
FRIVOLOUS_CERTIFICATION = Doctrine(
    "frivolous_certification", "Certifying an interlocutory appeal frivolous", "7",
    "A district court may certify an interlocutory appeal frivolous and go on (unsettled in the Fifth "
    "Circuit).",
    (at(a.BEHRENS, "310-11"), at(a.APOSTOL)), settled=False)
FINAL_JUDGMENT_APPEAL = Doctrine(
    "final_judgment_appeal", "An appeal from a final judgment", "7",
    "An appeal from a final judgment is an ordinary appeal after the case has ended, not a collateral-order "
    "appeal.",
    (at(a.FINAL_DECISIONS),))
APPELLATE_DISPOSITION = Doctrine(
    "appellate_disposition", "What the court of appeals may do", "7",
    "The court of appeals may itself grant immunity (reversed and rendered), send the motion back for a "
    "ruling, or vacate an order as to some appellants only.",
    (at(a.RAMIREZ, "137"), at(a.RAMIREZ_ARLINGTON), at(a.ZAPATA), at(a.HELTON), at(a.ZANTIZ)))

# --- s.8: after QI is decided ---------------------------------------------------------------------
AFTER_QI = Doctrine(
    "after_qi", "After immunity is decided", "8",
    "Once immunity is denied and no appeal is pending, the case goes on and ordinary discovery opens; a "
    "grant ends the claims against that official. A denial on the pleadings decides immunity at that stage "
    "only: the official may raise it again at summary judgment.",
    (at(a.LION_BOULOS, "507-08"), at(a.BEHRENS)))

DOCTRINES: tuple[Doctrine, ...] = tuple(v for v in dict(globals()).values() if isinstance(v, Doctrine))
