"""The law's checks on each docket entry: LAW.md section 11, in its order, one unit per rule.

A guard is declared where its check is written: its violation code (which carries the rule, the day it
took effect and the doctrines it rests on), the question it asks, the entry kinds it reads, and its
formulas, each in force from a day (a rule whose terms changed states its dated variants side by side).
A formula returns ``None`` when the entry keeps the rule, or the facts its message needs. Error-severity
guards bar the entry in strict mode, except QI001 (a party's pleading is filed whatever it says).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from qiflow import scenario as m
from qiflow.law.authorities import Authority
from qiflow.law.codes import CODES, Code
from qiflow.law.effects import non_holders, order_against, qi_ruling_officials
from qiflow.law.eras import ALWAYS, CARSWELL, WICKS
from qiflow.law.posture import Posture, ref_label

Details = dict[str, str]
Formula = Callable[[m.Entry, Posture, int], Details | None]


@dataclass(frozen=True)
class Guard:
    """A rule of the careful procedure that an entry must keep."""

    name: str
    code: Code
    question: str
    on: tuple[type[m.Entry], ...]
    formulas: tuple[tuple[dt.date, Formula], ...]
    """(in force from, formula), oldest first; before the first day the rule is not yet the law."""
    bars: bool = True
    """Whether strict mode refuses an entry that breaks it (error severity, QI001 aside)."""

    @property
    def blocks(self) -> bool:
        return self.bars and self.code.is_error

    @property
    def authorities(self) -> tuple[Authority, ...]:
        return self.code.authorities

    @property
    def changes_on(self) -> tuple[dt.date, ...]:
        """The days on which the formula in force may change: the code's first day and each formula's."""
        return (self.code.since, *(start for start, _ in self.formulas))

    def formula(self, day: dt.date) -> Formula | None:
        """The formula in force on ``day`` (None: not yet the law, so the code is never raised)."""
        if day < self.code.since:
            return None
        return next((f for start, f in reversed(self.formulas) if day >= start), None)


def guard(code: str, *, on: tuple[type[m.Entry], ...], asks: str, since: dt.date = ALWAYS,
          bars: bool = True) -> Callable[[Formula], Guard]:
    """Make the function a Guard named after itself, asked only of the entries it reads."""
    return lambda rule: Guard(rule.__name__, CODES[code], asks, on, ((since, rule),), bars)


def _names(posture: Posture, parties: Iterable[str]) -> str:
    return ", ".join(posture.name(p) for p in parties)


def _kind(posture: Posture, party: str) -> str:
    p = posture.parties[party]
    if not p.is_defendant:
        return "a party who is not a defendant"
    if p.kind is m.Kind.OFFICIAL:
        return "a defendant sued only in an official capacity"
    return f"a {p.kind.value}"


# === s.11 "Terms": who asserts QI =================================================================
@guard("QI001", on=(m.Answer, m.MotionToDismiss, m.SjMotion), bars=False,
       asks="May every party asserting qualified immunity here claim it at all?")
def qi_available(entry: m.Entry, posture: Posture, ref: int) -> Details | None:
    """Only an official holds QI; any other filer raises QI001, once, naming them all; nothing is stayed on
    their account, and the entry still counts for the officials who filed it with them."""
    others = non_holders(entry, posture)
    if not others:
        return None
    return {"party": _names(posture, others), "what": " or ".join(dict.fromkeys(_kind(posture, p) for p in others))}


# === s.11 `discovery_order` =======================================================================
@dataclass(frozen=True, slots=True)
class Reach:
    """Whom a granting order reaches: O, the officials with QI unresolved; C, the other defendants."""

    officials: tuple[str, ...]
    others: tuple[str, ...]


_last_reach: tuple[object, object, Reach | None] = (None, None, None)
"""(entry, posture, reach) of the last order judged: each of the order's guards asks whom it reaches, of the
same entry and posture (held here, so neither is freed and its id reused; rebound whole, so thread-safe)."""


def reach(entry: m.DiscoveryOrder, posture: Posture) -> Reach | None:
    """An order reaches its ``against`` list if general or it authorizes a request; None if it reaches no one."""
    global _last_reach
    last = _last_reach
    if last[0] is entry and last[1] is posture:
        return last[2]
    got = _reach(entry, posture)
    _last_reach = (entry, posture, got)
    return got


def _reach(entry: m.DiscoveryOrder, posture: Posture) -> Reach | None:
    if not entry.grants or (entry.scope != "general" and not entry.authorized):
        return None
    against = order_against(entry, posture)
    if not against:
        return None
    o = tuple(p for p in posture.unresolved_officials if p in against)
    c = tuple(p for p in posture.defendants if p in against and p not in o)
    return Reach(o, c)


def _gated(entry: m.Entry, posture: Posture) -> tuple[str, ...]:
    """O for a granting order (empty for any other entry)."""
    r = reach(entry, posture) if isinstance(entry, m.DiscoveryOrder) else None
    return r.officials if r else ()


@guard("QI101", on=(m.DiscoveryOrder,), since=CARSWELL,
       asks="Is every QI motion to dismiss decided before discovery is ordered?")
def qi_motion_ruled_first(entry: m.Entry, posture: Posture, ref: int) -> Details | None:
    """Step 1: QI101 if any QI motion to dismiss is pending (from Carswell)."""
    assert isinstance(entry, m.DiscoveryOrder)
    if reach(entry, posture) is None or not posture.pending:
        return None
    return {"motion": ", ".join(ref_label(x) for x in posture.pending_motions)}


@guard("QI401", on=(m.DiscoveryOrder,), asks="Is an official the order reaches appealing, divesting the court?")
def no_order_during_appeal(entry: m.Entry, posture: Posture, ref: int) -> Details | None:
    """Step 2: QI401 if an interlocutory appeal by an official in O is pending."""
    appealing = [o for o in _gated(entry, posture) if posture.appeals_by(o)]
    if not appealing:
        return None
    appeals = sorted({x.entry for o in appealing for x in posture.appeals_by(o)})
    return {"officials": _names(posture, appealing), "appeal": ", ".join(ref_label(x) for x in appeals)}


@guard("QI201", on=(m.DiscoveryOrder,), since=WICKS,
       asks="Gate 1: has the court held that the pleadings overcome QI, as to each official reached?")
def pleadings_overcome_qi(entry: m.Entry, posture: Posture, ref: int) -> Details | None:
    """Step 3: (from Wicks) QI201 unless every official in O has the gate-1 holding (this order's included)."""
    assert isinstance(entry, m.DiscoveryOrder)
    missing = [o for o in _gated(entry, posture) if not (entry.pleadings_overcome_qi or posture.has_gate1(o))]
    return {"officials": _names(posture, missing)} if missing else None


def _concerned(entry: m.DiscoveryOrder, posture: Posture, official: str) -> bool:
    """A fact question concerning the official is identified (this order's included: its own questions
    concern their ``as_to``, or by default the officials it names)."""
    if posture.concerning(official):
        return True
    against = order_against(entry, posture)
    return any(official in q.as_to if q.as_to is not None else official in against for q in entry.fact_questions)


@guard("QI202", on=(m.DiscoveryOrder,),
       asks="Gate 2: has the court identified a question of fact concerning each official reached?")
def fact_questions(entry: m.Entry, posture: Posture, ref: int) -> Details | None:
    """Step 3: QI202 unless every official in O is concerned by at least one identified fact question."""
    assert isinstance(entry, m.DiscoveryOrder)
    missing = [o for o in _gated(entry, posture) if not _concerned(entry, posture, o)]
    return {"officials": _names(posture, missing)} if missing else None


@guard("QI302", on=(m.DiscoveryOrder,), asks="Is the order limited to QI discovery rather than opening the merits?")
def qi_discovery_only(entry: m.Entry, posture: Posture, ref: int) -> Details | None:
    """Step 3, then: QI302 if the scope is general."""
    assert isinstance(entry, m.DiscoveryOrder)
    officials = _gated(entry, posture)
    return {"officials": _names(posture, officials)} if officials and entry.scope == "general" else None


@guard("QI203", on=(m.DiscoveryOrder,),
       asks="Gate 3: is every authorized request aimed at an identified question of fact?")
def narrowly_tailored(entry: m.Entry, posture: Posture, ref: int) -> Details | None:
    """Step 3, else: QI203 if any authorized request addresses no identified fact question (one whose finding still
    counts for an official in O: the gate is theirs; this order's own questions included)."""
    assert isinstance(entry, m.DiscoveryOrder)
    officials = _gated(entry, posture)
    if entry.scope != "limited" or not officials:
        return None
    identified = posture.identified_for(frozenset(officials)) | {q.id for q in entry.fact_questions}
    loose = [a.request for a in entry.authorized if not set(a.addresses) & identified]
    return {"requests": "request " + ", ".join(loose)} if loose else None


@guard("QI303", on=(m.DiscoveryOrder,),
       asks="Does the order reach a co-defendant while an official's QI is unresolved?")
def codefendant_order(entry: m.Entry, posture: Posture, ref: int) -> Details | None:
    """Step 4: QI303 if O is empty, C is not, and some official's QI is unresolved."""
    assert isinstance(entry, m.DiscoveryOrder)
    r = reach(entry, posture)
    if r is None or r.officials or not r.others or not posture.unresolved_officials:
        return None
    return {"party": _names(posture, r.others), "officials": _names(posture, posture.unresolved_officials)}


# === s.11 `motion_to_dismiss_ruling` ==============================================================
def _deferral(entry: m.Entry, posture: Posture) -> bool:
    """A deferral of a QI motion (every ruling on it that does not decide it), not ordering a Rule 7(a) reply
    (that is Schultea's); a ruling on a motion replaced for every official rules on nothing."""
    assert isinstance(entry, m.MotionToDismissRuling)
    if not entry.defers or entry.reply_ordered:
        return False
    return bool(posture.motion_officials(m.int_ref(entry.motion)))


def _deferred(entry: m.Entry) -> Details:
    assert isinstance(entry, m.MotionToDismissRuling)
    return {"motion": ref_label(m.int_ref(entry.motion))}


def _decided_unless_a_fact_question(entry: m.Entry, posture: Posture, ref: int) -> Details | None:
    """Before Wicks (Lion Boulos, 834 F.2d at 507-08): a deferral that identifies a fact question was allowed."""
    assert isinstance(entry, m.MotionToDismissRuling)
    if not _deferral(entry, posture) or entry.fact_questions:
        return None
    return _deferred(entry)


def _decided_unless_both_findings(entry: m.Entry, posture: Posture, ref: int) -> Details | None:
    """From Wicks until Carswell (Backe, 691 F.3d at 648): a deferral that holds the pleadings overcome QI and
    identifies a fact question was allowed."""
    assert isinstance(entry, m.MotionToDismissRuling)
    if not _deferral(entry, posture) or (entry.pleadings_overcome_qi and entry.fact_questions):
        return None
    return _deferred(entry)


def _decided(entry: m.Entry, posture: Posture, ref: int) -> Details | None:
    """From Carswell (54 F.4th at 311-12): a QI motion to dismiss is decided, never put off."""
    return _deferred(entry) if _deferral(entry, posture) else None


ruling_not_deferred = Guard(
    "ruling_not_deferred", CODES["QI102"], "Did the court decide the QI motion rather than put it off?",
    (m.MotionToDismissRuling,),
    ((ALWAYS, _decided_unless_a_fact_question), (WICKS, _decided_unless_both_findings), (CARSWELL, _decided)))


# === s.11 `discovery` =============================================================================
def _taken_from_unresolved(entry: m.Entry, posture: Posture) -> str | None:
    assert isinstance(entry, m.Discovery)
    return entry.against if posture.qi_unresolved(entry.against) else None


@guard("QI401", on=(m.Discovery,), asks="Is the official appealing, divesting the court as to them?")
def no_discovery_during_appeal(entry: m.Entry, posture: Posture, ref: int) -> Details | None:
    """QI401 if an interlocutory appeal by P is pending."""
    official = _taken_from_unresolved(entry, posture)
    if official is None or not posture.appeals_by(official):
        return None
    return {"officials": posture.name(official),
            "appeal": ", ".join(ref_label(x.entry) for x in posture.appeals_by(official))}


@guard("QI101", on=(m.Discovery,), since=CARSWELL,
       asks="Is discovery taken from an official whose QI motion to dismiss is pending?")
def no_discovery_while_qi_motion_pending(entry: m.Entry, posture: Posture, ref: int) -> Details | None:
    """QI101 if a QI motion to dismiss is pending for P (from Carswell)."""
    official = _taken_from_unresolved(entry, posture)
    if official is None or not posture.pending_for(official):
        return None
    return {"motion": ", ".join(ref_label(x) for x in posture.pending_for(official))}


@guard("QI301", on=(m.Discovery,), asks="Does an order in force cover this discovery from the official now?")
def stay_of_discovery(entry: m.Entry, posture: Posture, ref: int) -> Details | None:
    """QI301 unless one order in force covers P for every request listed (none listed: nothing covers it)."""
    assert isinstance(entry, m.Discovery)
    official = _taken_from_unresolved(entry, posture)
    if official is None or posture.covered(official, frozenset(entry.requests)):
        return None
    return {"party": posture.name(official)}


@guard("QI303", on=(m.Discovery,), asks="Is discovery taken from a co-defendant while an official's QI is unresolved?")
def codefendant_discovery(entry: m.Entry, posture: Posture, ref: int) -> Details | None:
    """QI303 for any other defendant not covered for every request listed, while some official's QI is unresolved."""
    assert isinstance(entry, m.Discovery)
    party = entry.against
    if party not in posture.defendants or posture.qi_unresolved(party) or not posture.unresolved_officials:
        return None
    if posture.covered(party, frozenset(entry.requests)):
        return None
    return {"party": posture.name(party), "officials": _names(posture, posture.unresolved_officials)}


# === s.11 `qi_ruling` and `judgment` ==============================================================
@guard("QI402", on=(m.QiRuling, m.Judgment),
       asks="Does the court rule on QI or enter judgment against an official whose appeal is pending?")
def court_divested(entry: m.Entry, posture: Posture, ref: int) -> Details | None:
    """QI402: a QI ruling naming an official, or a judgment for the plaintiff against one, while their
    interlocutory appeal is pending."""
    if isinstance(entry, m.QiRuling):
        named, what = qi_ruling_officials(entry, posture), "ruled on the qualified immunity of"
    else:
        assert isinstance(entry, m.Judgment)
        if entry.outcome != "for_plaintiff":
            return None
        named = tuple(d for d in (entry.defendants if entry.defendants is not None else posture.defendants)
                      if posture.is_official(d))
        what = "entered judgment against"
    appealing = [o for o in named if posture.appeals_by(o)]
    if not appealing:
        return None
    appeals = sorted({x.entry for o in appealing for x in posture.appeals_by(o)})
    return {"what": what, "officials": _names(posture, appealing), "appeal": ", ".join(ref_label(x) for x in appeals)}


# === s.11 `conference` and `joint_report` (district practice) =====================================
def _late(entry: m.Entry, posture: Posture, which: int) -> Details | None:
    if posture.conference_deadlines is None or entry.date_filed is None:
        return None
    due = posture.conference_deadlines[which]
    return None if entry.date_filed <= due else {"when": entry.date_filed.isoformat(), "due": due.isoformat()}


@guard("QI501", on=(m.Conference,), asks="Did the parties confer by the date set?")
def conference_by_deadline(entry: m.Entry, posture: Posture, ref: int) -> Details | None:
    """QI501: a conference dated after the latest conference order's ``confer_by``."""
    return _late(entry, posture, 0)


@guard("QI502", on=(m.JointReport,), asks="Was the joint report filed by the date set?")
def report_by_deadline(entry: m.Entry, posture: Posture, ref: int) -> Details | None:
    """QI502: a joint report dated after its ``report_by``."""
    return _late(entry, posture, 1)


GATES: tuple[Guard, ...] = (pleadings_overcome_qi, fact_questions, narrowly_tailored)
"""Zapata, 750 F.3d at 485: the three steps, in order, before any limited QI discovery."""
