"""The law's checks on each docket entry, LAW.md section 11, one named guard per rule.

A guard returns ``None`` when the entry keeps the rule, or the facts its violation message needs.
Error-severity guards bar the move in strict mode; warning-severity ones (cautions) only advise.
Every guard carries its violation code, and through it the authorities, as data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from qiflow import scenario as m
from qiflow.law.authorities import Authority
from qiflow.law.codes import CODES, Code
from qiflow.law.effects import addresses_identified_question, as_order, identified_with
from qiflow.law.posture import Posture, ref_label
from qiflow.scenario import Kind

Details = dict[str, str]
Check = Callable[[m.Entry, Posture, int], Details | None]


@dataclass(frozen=True)
class Guard:
    """A rule of the careful procedure that an entry must keep."""

    name: str
    code: Code
    question: str
    check: Check

    @property
    def blocks(self) -> bool:
        """Error-severity rules bar the move in strict mode; warnings never do."""
        return self.code.is_error

    @property
    def authorities(self) -> tuple[Authority, ...]:
        return self.code.authorities


def _names(posture: Posture, parties: Iterable[str]) -> str:
    return ", ".join(posture.name(p) for p in parties)


def _unresolved_covered(entry: m.DiscoveryOrder, posture: Posture, ref: int) -> tuple[str, ...]:
    """O: the officials a granting order covers whose QI is unresolved."""
    order = as_order(entry, ref, posture)
    return tuple(o for o in posture.unresolved_officials if order.covers_party(o))


def _grants(entry: m.Entry) -> bool:
    return isinstance(entry, m.DiscoveryOrder) and entry.grants


# --- LAW.md s.1: who may assert QI -------------------------------------------------------------
def _qi_available(entry: m.Entry, posture: Posture, ref: int) -> Details | None:
    if not getattr(entry, "asserts_qi", False) or entry.by is None:
        return None
    party = posture.parties[entry.by]
    if party.may_assert_qi:
        return None
    if not party.is_defendant:
        what = "non-defendant"
    elif party.kind is Kind.OFFICIAL:
        what = "defendant sued only in an official capacity"
    else:
        what = party.kind.value
    return {"party": party.name, "what": what}


# --- LAW.md s.3: a pending QI motion must be ruled on first (Carswell) ----------------------------
def _qi_motion_ruled_first(entry: m.Entry, posture: Posture, ref: int) -> Details | None:
    if not (_grants(entry) and posture.carswell and posture.pending_qi_motions):
        return None
    return {"motion": ", ".join(ref_label(x) for x in sorted(posture.pending_qi_motions))}


def _ruling_not_deferred(entry: m.Entry, posture: Posture, ref: int) -> Details | None:
    if not (isinstance(entry, m.MotionToDismissRuling) and entry.defers):
        return None
    if posture.qi_motion_by(entry.motion) is None:
        return None
    if not posture.carswell and entry.pleadings_overcome_qi and entry.fact_questions:
        return None  # before Carswell: Backe, 691 F.3d at 648; Webb; Hinojosa
    return {"motion": ref_label(entry.motion)}


# --- LAW.md s.7: an interlocutory appeal divests jurisdiction ----------------------------------
def _no_appeal_pending(entry: m.Entry, posture: Posture, ref: int) -> Details | None:
    if not posture.pending_appeals:
        return None
    if isinstance(entry, m.Discovery) and not posture.qi_unresolved(entry.against):
        return None
    if not (_grants(entry) or isinstance(entry, m.Discovery)):
        return None
    return {"appeal": ", ".join(ref_label(a.entry) for a in posture.pending_appeals)}


# --- LAW.md s.5: the three gates, in order -----------------------------------------------------
def _pleadings_overcome_qi(entry: m.Entry, posture: Posture, ref: int) -> Details | None:
    if not _grants(entry):
        return None
    missing = [
        o for o in _unresolved_covered(entry, posture, ref)
        if not (o in posture.gate1 or entry.pleadings_overcome_qi)
    ]
    return {"officials": _names(posture, missing)} if missing else None


def _fact_questions(entry: m.Entry, posture: Posture, ref: int) -> Details | None:
    if not _grants(entry) or not _unresolved_covered(entry, posture, ref):
        return None
    return None if identified_with(entry, posture) else {}


def _qi_discovery_only(entry: m.Entry, posture: Posture, ref: int) -> Details | None:
    if not _grants(entry) or entry.scope != "general":
        return None
    officials = _unresolved_covered(entry, posture, ref)
    return {"officials": _names(posture, officials)} if officials else None


def _narrowly_tailored(entry: m.Entry, posture: Posture, ref: int) -> Details | None:
    if not _grants(entry) or entry.scope != "limited" or not _unresolved_covered(entry, posture, ref):
        return None
    identified = identified_with(entry, posture)
    loose = [a.request for a in entry.authorized if not addresses_identified_question(a, identified)]
    return {"requests": "request " + ", ".join(loose)} if loose else None


# --- LAW.md s.2: the stay ------------------------------------------------------------------------
def _stay_of_discovery(entry: m.Entry, posture: Posture, ref: int) -> Details | None:
    if not isinstance(entry, m.Discovery) or not posture.qi_unresolved(entry.against):
        return None
    if posture.covered_by_order(entry.against, frozenset(entry.requests)):
        return None
    return {"party": posture.name(entry.against)}


def _codefendant_spared(entry: m.Entry, posture: Posture, ref: int) -> Details | None:
    unresolved = posture.unresolved_officials
    if not unresolved:
        return None
    if _grants(entry):
        order = as_order(entry, ref, posture)
        others = [p for p in posture.defendants if order.covers_party(p) and not posture.qi_unresolved(p)]
        if _unresolved_covered(entry, posture, ref) or not others:
            return None
        return {"party": _names(posture, others), "officials": _names(posture, unresolved)}
    if isinstance(entry, m.Discovery):
        party = entry.against
        if posture.qi_unresolved(party) or party not in posture.defendants:
            return None
        if posture.covered_by_order(party, frozenset(entry.requests)):
            return None
        return {"party": posture.name(party), "officials": _names(posture, unresolved)}
    return None


# --- LAW.md s.6: the meet-and-confer and joint report -------------------------------------------
def _deadline(entry: m.Entry, posture: Posture, which: int) -> Details | None:
    if posture.conference_deadlines is None or entry.date_filed is None:
        return None
    due = posture.conference_deadlines[which]
    if entry.date_filed <= due:
        return None
    return {"when": entry.date_filed.isoformat(), "due": due.isoformat()}


def _conference_by_deadline(entry: m.Entry, posture: Posture, ref: int) -> Details | None:
    return _deadline(entry, posture, 0) if isinstance(entry, m.Conference) else None


def _report_by_deadline(entry: m.Entry, posture: Posture, ref: int) -> Details | None:
    return _deadline(entry, posture, 1) if isinstance(entry, m.JointReport) else None


def _guard(name: str, code: str, question: str, check: Check) -> Guard:
    return Guard(name, CODES[code], question, check)


QI_AVAILABLE = _guard("qi_available", "QI001", "May this defendant assert qualified immunity at all?", _qi_available)
QI_MOTION_RULED_FIRST = _guard(
    "qi_motion_ruled_first", "QI101", "Is every QI motion to dismiss decided before discovery is ordered?",
    _qi_motion_ruled_first)
RULING_NOT_DEFERRED = _guard(
    "ruling_not_deferred", "QI102", "Did the court decide the QI motion rather than put it off?",
    _ruling_not_deferred)
PLEADINGS_OVERCOME_QI = _guard(
    "pleadings_overcome_qi", "QI201", "Gate 1: has the court held that the pleadings overcome QI?",
    _pleadings_overcome_qi)
FACT_QUESTIONS = _guard(
    "fact_questions", "QI202", "Gate 2: has the court identified the fact questions it must resolve?",
    _fact_questions)
NARROWLY_TAILORED = _guard(
    "narrowly_tailored", "QI203", "Gate 3: is every authorized request aimed at an identified fact question?",
    _narrowly_tailored)
QI_DISCOVERY_ONLY = _guard(
    "qi_discovery_only", "QI302", "Is the order limited to QI discovery rather than opening the merits?",
    _qi_discovery_only)
STAY_OF_DISCOVERY = _guard(
    "stay_of_discovery", "QI301", "Does an order in force authorize this discovery from an official?",
    _stay_of_discovery)
NO_APPEAL_PENDING = _guard(
    "no_appeal_pending", "QI401", "Is a QI appeal pending, divesting the district court?", _no_appeal_pending)
CODEFENDANT_SPARED = _guard(
    "codefendant_spared", "QI303", "Does discovery reach a co-defendant while an official's QI is unresolved?",
    _codefendant_spared)
CONFERENCE_BY_DEADLINE = _guard(
    "conference_by_deadline", "QI501", "Did the parties confer by the date set?", _conference_by_deadline)
REPORT_BY_DEADLINE = _guard(
    "report_by_deadline", "QI502", "Was the joint report filed by the date set?", _report_by_deadline)

# --- Proposed amendment to LAW.md s.11 (not the law qiflow judges by; see docs/law-gaps.md) ---------
def _stay_binds_every_order(entry: m.Entry, posture: Posture, ref: int) -> Details | None:
    """While QI is unresolved only gated, tailored discovery may be taken, whatever order came before."""
    if not isinstance(entry, m.Discovery) or not posture.qi_unresolved(entry.against):
        return None
    asked = frozenset(entry.requests)
    gated = (entry.against in posture.gate1 and bool(posture.fact_questions) and bool(asked)
             and asked <= posture.tailored
             and any(o.scope == "limited" and o.covers_discovery(entry.against, asked) for o in posture.orders))
    return None if gated else {"party": posture.name(entry.against)}


def _no_discovery_while_qi_motion_pending(entry: m.Entry, posture: Posture, ref: int) -> Details | None:
    if not (isinstance(entry, m.Discovery) and posture.carswell and posture.pending_qi_motions):
        return None
    if not posture.qi_unresolved(entry.against):
        return None
    return {"motion": ", ".join(ref_label(x) for x in sorted(posture.pending_qi_motions))}


STAY_BINDS_EVERY_ORDER = _guard(
    "stay_binds_every_order", "QI301",
    "Proposed: does discovery from an official with QI unresolved pass the gates now, not just an order?",
    _stay_binds_every_order)
NO_DISCOVERY_WHILE_QI_MOTION_PENDING = _guard(
    "no_discovery_while_qi_motion_pending", "QI101",
    "Proposed: is discovery taken while a QI motion to dismiss is pending?", _no_discovery_while_qi_motion_pending)

AMENDMENTS: tuple[Guard, ...] = (NO_DISCOVERY_WHILE_QI_MOTION_PENDING, STAY_BINDS_EVERY_ORDER)
"""A proposed amendment closing the gap the verifier finds in s.11: an order in force outlives the
posture that justified it (entered before QI was asserted, before a QI motion, or before a denial was
vacated). Harlow, 457 U.S. at 818; Wicks, 41 F.3d at 994-95; Carswell, 54 F.4th at 311-12."""

GATES: tuple[Guard, ...] = (PLEADINGS_OVERCOME_QI, FACT_QUESTIONS, NARROWLY_TAILORED)
"""Zapata, 750 F.3d at 485: the three steps, in order, before any limited QI discovery."""
