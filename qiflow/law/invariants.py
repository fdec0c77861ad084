"""LAW.md section 9: what no path may ever reach, stated from the law and not from the guards.

Each invariant reads the posture before and after one docket entry (a *state* invariant reads only
the posture after it). They are written from the posture's records (orders, findings, motions, appeals)
and never call the guards nor the posture's ``covers``: a proof that reused them would only show that
the code agrees with itself. Section 9's first invariant is split in two (orders entered, discovery
conducted) so that a report names the clause a path breaks; sections 1 and 3 are added so that every
blocking guard protects some invariant.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from qiflow import scenario as m
from qiflow.law import doctrines as d
from qiflow.law.authorities import Authority
from qiflow.law.doctrines import Doctrine, cites_of
from qiflow.law.posture import OrderInForce, Posture

StateCheck = Callable[[Posture], bool]
StepCheck = Callable[[Posture, m.Entry, Posture], bool]

WICKS_DAY = dt.date(1995, 1, 6)
CARSWELL_DAY = dt.date(2022, 6, 17)
"""LAW.md s.11's two dates, restated here so the invariants do not lean on the rules' own tables."""


@dataclass(frozen=True)
class Invariant:
    """A property of every reachable situation (``state``) or every accepted step (``step``)."""

    name: str
    section: str
    paraphrase: str
    rests_on: tuple[Doctrine, ...]
    state: StateCheck | None = None
    step: StepCheck | None = None
    on: tuple[type[m.Entry], ...] = ()
    """The entry kinds on which the step term can fail (the only ones it reads), so a search need ask it of no
    other; empty: any kind."""
    dated: tuple[tuple[dt.date, Doctrine, str], ...] = ()
    """The terms that took effect after the rest, oldest first: the day, the doctrine that brought it (one of
    ``rests_on``, citing the decision of that day) and what the check reads from then on. An invariant
    without any is the same in every era."""

    @property
    def authorities(self) -> tuple[Authority, ...]:
        return cites_of(*self.rests_on)

    def holds(self, before: Posture, entry: m.Entry, after: Posture) -> bool:
        """Whether the step from ``before`` by ``entry`` to ``after`` keeps this invariant."""
        if self.state is not None and not self.state(after):
            return False
        return self.step is None or self.step(before, entry, after)


# --- terms of the law, read off the posture's records ---------------------------------------------
def _gate1(p: Posture, official: str) -> bool:
    return any(o == official and (src, o) not in p.void for o, src in p.gate1)


def _concerning(p: Posture, official: str) -> set[str]:
    return {q for q, o, src in p.questions if o == official and (src, o) not in p.void}


def _appealing(p: Posture, official: str) -> bool:
    return any(x.interlocutory and not x.frivolous and official in x.by for x in p.appeals)


def _undecided(p: Posture) -> set[str]:
    return set(p.unresolved_officials)


def _new_orders(before: Posture, after: Posture) -> tuple[OrderInForce, ...]:
    if after.orders is before.orders:  # the usual case: the entry left the orders alone
        return ()
    old = {o.entry for o in before.orders}
    return tuple(o for o in after.orders if o.entry not in old)


def _reached(order: OrderInForce, before: Posture) -> set[str]:
    """Officials with QI undecided that a new order names, if it is general or authorizes a request."""
    if order.scope != "general" and not order.authorized:
        return set()
    return {o for o in _undecided(before) if o in order.against}


# --- s.1 and s.3 -----------------------------------------------------------------------------------
def _only_officials_hold_qi(after: Posture) -> bool:
    holders = set(after.officials)
    return after.asserted <= holders and all(o in holders for _, o in after.pending)


def _qi_motion_decided(after: Posture) -> bool:
    if not after.deferred:
        return True
    if after.law_as_of >= CARSWELL_DAY:
        return False
    return all((_gate1(after, o) or after.law_as_of < WICKS_DAY) and _concerning(after, o) for _, o in after.deferred)


# --- s.9 -------------------------------------------------------------------------------------------
def _orders_through_gates(before: Posture, entry: m.Entry, after: Posture) -> bool:
    """9.1, orders: a new order reaching an official with QI undecided keeps every gate at that moment."""
    identified = {q for q, _ in after.identified}
    for order in _new_orders(before, after):
        for o in _reached(order, before):
            if order.scope != "limited" or not _concerning(after, o) or _appealing(before, o):
                return False
            if after.law_as_of >= WICKS_DAY and not _gate1(after, o):
                return False
            if after.law_as_of >= CARSWELL_DAY and before.pending:
                return False
            if any(not (a.addresses & identified) for a in order.authorized):
                return False
    return True


def _discovery_through_gates(before: Posture, entry: m.Entry, after: Posture) -> bool:
    """9.1, conduct: discovery from an official with QI undecided only while every gate holds for them now."""
    if not isinstance(entry, m.Discovery) or entry.against not in _undecided(before):
        return True
    who = entry.against
    if not entry.requests or _appealing(before, who):
        return False
    if before.law_as_of >= WICKS_DAY and not _gate1(before, who):
        return False
    if before.law_as_of >= CARSWELL_DAY and any(o == who for _, o in before.pending):
        return False
    concerning = _concerning(before, who)
    return all(any(order.scope == "limited" and who in order.against and a.request == r and a.addresses & concerning
                   for order in before.orders for a in order.authorized)
               for r in entry.requests)


def _gates_in_order(before: Posture, entry: m.Entry, after: Posture) -> bool:
    """9.2: narrow tailoring (3) only with the fact questions (2), and both only with the pleadings holding (1)."""
    for order in _new_orders(before, after):
        for o in _reached(order, before):
            if order.authorized and not _concerning(after, o):
                return False
            if after.law_as_of >= WICKS_DAY and (order.authorized or _concerning(after, o)) and not _gate1(after, o):
                return False
    return True


def _requests_in_order(before: Posture, entry: m.Entry, after: Posture) -> bool:
    """9.3: requests authorized against an official with QI undecided were found tailored, and were made."""
    identified = {q for q, _ in after.identified}
    for order in _new_orders(before, after):
        if _reached(order, before) and any(a.request not in after.requests or not (a.addresses & identified)
                                           for a in order.authorized):
            return False
    return True


def _no_merits_discovery(before: Posture, entry: m.Entry, after: Posture) -> bool:
    """9.4: no general order reaches, and no untied discovery is taken from, an official with QI undecided."""
    if any(order.scope == "general" and _reached(order, before) for order in _new_orders(before, after)):
        return False
    return not (isinstance(entry, m.Discovery) and entry.against in _undecided(before) and not entry.requests)


def _court_not_divested(before: Posture, entry: m.Entry, after: Posture) -> bool:
    """s.7: while an official's interlocutory appeal is pending, no ruling on their QI, no judgment against them."""
    if isinstance(entry, m.QiRuling):
        named = entry.defendants if entry.defendants is not None else [
            o for o in before.officials if o in before.asserted and o in before.in_case]
    elif isinstance(entry, m.Judgment) and entry.outcome == "for_plaintiff":
        named = entry.defendants if entry.defendants is not None else list(before.defendants)
    else:
        return True
    return not any(_appealing(before, o) for o in named if o in before.officials)


ONLY_OFFICIALS_HOLD_QI = Invariant(
    "only_officials_hold_qi", "1",
    "Only officials sued in their individual capacity ever hold qualified immunity or have a QI motion pending.",
    (d.QI_HOLDERS,), state=_only_officials_hold_qi)
QI_MOTION_DECIDED = Invariant(
    "qi_motion_decided", "3",
    "A QI motion to dismiss is never left deferred from Carswell on; before, only with the gate findings "
    "(from Wicks, the pleadings holding and a fact question; before Wicks, a fact question).",
    (d.RULE_FIRST, d.DEFERRAL_BEFORE_CARSWELL, d.GATE_1), state=_qi_motion_decided,
    dated=((WICKS_DAY, d.GATE_1, "a deferral also needs the pleadings holding (gate 1)"),
           (CARSWELL_DAY, d.RULE_FIRST, "no QI motion to dismiss is ever left deferred")))
ORDERS_THROUGH_GATES = Invariant(
    "orders_through_gates", "9.1",
    "No order lets discovery reach an official whose QI is undecided unless, at that moment, the gates hold for "
    "them, no appeal of theirs is pending and (from Carswell) no QI motion to dismiss is.",
    (d.GATE_1, d.GATE_2, d.GATE_3, d.RULE_FIRST, d.DIVESTITURE), step=_orders_through_gates, on=(m.DiscoveryOrder,),
    dated=((WICKS_DAY, d.GATE_1, "the order also needs the pleadings holding (gate 1) for them"),
           (CARSWELL_DAY, d.RULE_FIRST, "it may not be entered while a QI motion to dismiss is pending")))
DISCOVERY_THROUGH_GATES = Invariant(
    "discovery_through_gates", "9.1",
    "No discovery is conducted against an official whose QI is undecided unless, at that moment, gate 1 is found "
    "for them (from Wicks), a fact question concerning them is identified, every request it is taken under "
    "addresses one and is authorized by a limited order in force, no appeal of theirs is pending and (from "
    "Carswell) no QI motion to dismiss of theirs is.",
    (d.THE_STAY, d.GATE_1, d.GATE_2, d.GATE_3, d.RULE_FIRST, d.DIVESTITURE), step=_discovery_through_gates,
    on=(m.Discovery,),
    dated=((WICKS_DAY, d.GATE_1, "discovery also needs the pleadings holding (gate 1) for them"),
           (CARSWELL_DAY, d.RULE_FIRST, "it may not be taken while a QI motion to dismiss of theirs is pending")))
GATES_IN_ORDER = Invariant(
    "gates_in_order", "9.2",
    "The gates are found in order: fact questions (2) only with the pleadings holding (1, from Wicks); narrow "
    "tailoring (3) only after both.",
    (d.GATE_1, d.GATE_2, d.GATE_3), step=_gates_in_order, on=(m.DiscoveryOrder,),
    dated=((WICKS_DAY, d.GATE_1, "fact questions and tailoring also need the pleadings holding (gate 1) first"),))
REQUESTS_IN_ORDER = Invariant(
    "requests_in_order", "9.3",
    "Requests authorized against an official with QI undecided are ones found narrowly tailored, and those are "
    "ones made.",
    (d.GATE_3,), step=_requests_in_order, on=(m.DiscoveryOrder,))
NO_MERITS_DISCOVERY = Invariant(
    "no_merits_discovery", "9.4",
    "Ordinary (merits) discovery never opens against an official while QI is undecided.",
    (d.THE_STAY, d.AFTER_QI), step=_no_merits_discovery, on=(m.DiscoveryOrder, m.Discovery))
COURT_NOT_DIVESTED = Invariant(
    "court_not_divested", "7",
    "While an official's interlocutory appeal is pending, the district court neither rules on their qualified "
    "immunity nor enters judgment against them.",
    (d.DIVESTITURE,), step=_court_not_divested, on=(m.QiRuling, m.Judgment))
NO_DEAD_ENDS = Invariant(
    "no_dead_ends", "9.5",
    "From every reachable situation the case can still reach a ruling on QI and an end.",
    (d.EARLIEST_STAGE,))
"""Liveness: a property of the whole graph of situations, checked by the explorer."""

SAFETY: tuple[Invariant, ...] = (
    ONLY_OFFICIALS_HOLD_QI, QI_MOTION_DECIDED, ORDERS_THROUGH_GATES, DISCOVERY_THROUGH_GATES, GATES_IN_ORDER,
    REQUESTS_IN_ORDER, NO_MERITS_DISCOVERY, COURT_NOT_DIVESTED,
)
INVARIANTS: tuple[Invariant, ...] = SAFETY + (NO_DEAD_ENDS,)
INVARIANT = {x.name: x for x in INVARIANTS}


def broken(before: Posture, entry: m.Entry, after: Posture,
           invariants: tuple[Invariant, ...] = SAFETY) -> list[Invariant]:
    """The safety invariants an accepted step breaks, in the order the law states them."""
    return [x for x in invariants if (x.state or x.step) and not x.holds(before, entry, after)]


def decided(posture: Posture) -> bool:
    """Every official who asserted QI has had it decided, or is out of the case (a goal of ``NO_DEAD_ENDS``)."""
    return all(o not in posture.in_case or posture.resolution(o) is not None for o in posture.asserted)
