"""LAW.md section 9: what no path may ever reach, stated from the law and not from the guards.

Each invariant reads the posture before and after one docket entry (a *state* invariant reads only
the posture after it). They are written independently of ``guards.py`` on purpose: a proof that
reused the guards would only show that the code agrees with itself. Section 9's first invariant is
split into its three clauses (authorized / taken under an order / taken while the gates hold), so that
a report names the clause a path breaks; section 1's and section 3's rules are added so that every
blocking guard protects some invariant.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from qiflow import scenario as m
from qiflow.law import authorities as a
from qiflow.law.authorities import Authority, at
from qiflow.law.posture import OrderInForce, Posture

StateCheck = Callable[[Posture], bool]
StepCheck = Callable[[Posture, m.Entry, Posture], bool]


@dataclass(frozen=True)
class Invariant:
    """A property of every reachable situation (``state``) or every accepted step (``step``)."""

    name: str
    section: str
    paraphrase: str
    authorities: tuple[Authority, ...]
    state: StateCheck | None = None
    step: StepCheck | None = None

    def holds(self, before: Posture, entry: m.Entry, after: Posture) -> bool:
        """Whether the step from ``before`` by ``entry`` to ``after`` keeps this invariant."""
        if self.state is not None and not self.state(after):
            return False
        return self.step is None or self.step(before, entry, after)


# --- terms of the law, read off the posture ------------------------------------------------------
def may_assert_qi(posture: Posture, party: str) -> bool:
    """Only an official sued in an individual capacity holds QI (Owen; Graham)."""
    p = posture.parties.get(party)
    return (p is not None and p.role is m.Role.DEFENDANT and p.kind is m.Kind.OFFICIAL
            and p.capacity in (m.Capacity.INDIVIDUAL, m.Capacity.BOTH))


def appeals_pending(posture: Posture) -> tuple[int, ...]:
    """Appeals on file and not certified frivolous (Behrens, 516 U.S. at 310-11)."""
    return tuple(x.entry for x in posture.appeals if not x.frivolous)


def qi_unresolved(posture: Posture, official: str) -> bool:
    """Asserted, still in the case, and not decided (a denial under appeal is not yet decided)."""
    if official not in posture.asserted or official not in posture.in_case:
        return False
    decided = [r for r in posture.resolutions if r.official == official]
    if not decided:
        return True
    pending_from = {x.from_entry for x in posture.appeals if not x.frivolous}
    return any(r.outcome == "denied" and r.entry in pending_from for r in decided)


def unresolved(posture: Posture) -> set[str]:
    return {p.id for p in posture.cast if qi_unresolved(posture, p.id)}


def reaches(order: OrderInForce, party: str) -> bool:
    """An order reaches a party it names, if it is general or authorizes at least one request."""
    return party in order.against and (order.scope == "general" or bool(order.authorized))


def new_orders(before: Posture, after: Posture) -> tuple[OrderInForce, ...]:
    if after.orders is before.orders:  # the usual case: the entry left the orders alone
        return ()
    return tuple(o for o in after.orders if o not in before.orders)


def qi_motion_pending(posture: Posture) -> bool:
    """Under the law from the Carswell date on, a pending QI motion to dismiss bars discovery."""
    return posture.carswell and bool(posture.pending_qi_motions)


def _order_keeps_gates(before: Posture, after: Posture, order: OrderInForce) -> bool:
    officials = {o for o in unresolved(before) if reaches(order, o)}
    if not officials:
        return True
    return (officials <= after.gate1 and bool(after.fact_questions) and order.scope == "limited"
            and order.authorized <= after.tailored and not appeals_pending(before)
            and not qi_motion_pending(before))


def _taken_from_unresolved(before: Posture, entry: m.Entry) -> m.Discovery | None:
    if isinstance(entry, m.Discovery) and qi_unresolved(before, entry.against):
        return entry
    return None


# --- the invariants --------------------------------------------------------------------------------
def _qi_only_for_individuals(after: Posture) -> bool:
    return all(may_assert_qi(after, p) for p in after.claimed_qi)


def _qi_motion_decided(after: Posture) -> bool:
    if after.deferred_qi_motions and after.carswell:
        return False
    movers = {who for entry, who in after.qi_motions if entry in after.deferred_qi_motions}
    return movers <= after.gate1 and (not movers or bool(after.fact_questions))


def _authorized_through_gates(before: Posture, entry: m.Entry, after: Posture) -> bool:
    return all(_order_keeps_gates(before, after, o) for o in new_orders(before, after))


def _taken_under_order(before: Posture, entry: m.Entry, after: Posture) -> bool:
    d = _taken_from_unresolved(before, entry)
    if d is None:
        return True
    asked = frozenset(d.requests)
    covered = any(
        d.against in o.against and (o.scope == "general" or (asked and asked <= o.authorized))
        for o in before.orders
    )
    return covered and not appeals_pending(before)


def _taken_while_gates_hold(before: Posture, entry: m.Entry, after: Posture) -> bool:
    d = _taken_from_unresolved(before, entry)
    if d is None:
        return True
    return (d.against in before.gate1 and bool(before.fact_questions) and bool(d.requests)
            and set(d.requests) <= before.tailored and not qi_motion_pending(before))


def _gates_in_order(before: Posture, entry: m.Entry, after: Posture) -> bool:
    if (after.tailored - before.tailored) and not after.fact_questions:
        return False  # gate 3 before gate 2
    reached = {o for order in new_orders(before, after) for o in unresolved(before) if reaches(order, o)}
    return reached <= after.gate1  # gate 2 or 3 found for an official without gate 1


def _requests_in_order(before: Posture, entry: m.Entry, after: Posture) -> bool:
    for order in new_orders(before, after):
        if any(reaches(order, o) for o in unresolved(before)) and not order.authorized <= after.tailored:
            return False
    return after.tailored <= after.requests


def _no_merits_discovery(before: Posture, entry: m.Entry, after: Posture) -> bool:
    return not any(order.scope == "general" and reaches(order, o)
                   for order in new_orders(before, after) for o in unresolved(before))


_STAY = (at(a.HARLOW, "818"), at(a.WICKS, "994-95"))
_GATES = (at(a.ZAPATA, "485"), at(a.BACKE, "648"), at(a.WICKS, "994"), at(a.HUTCHESON, "481"),
          at(a.ZANTIZ, "163"))
_APPEAL = (at(a.GRIGGS, "58"), at(a.WILLIAMS, "730", unverified=True))

QI_ONLY_FOR_INDIVIDUALS = Invariant(
    "qi_only_for_individuals", "1",
    "Only officials sued in their individual capacity ever hold qualified immunity.",
    (at(a.OWEN, "638"), at(a.GRAHAM, "166-67")), state=_qi_only_for_individuals)
QI_MOTION_DECIDED = Invariant(
    "qi_motion_decided", "3",
    "A QI motion to dismiss is never left deferred under Carswell; before it, only with the gate-1 "
    "holding and an identified fact question.",
    (at(a.CARSWELL, "311-12"), at(a.BACKE, "648")), state=_qi_motion_decided)
AUTHORIZED_THROUGH_GATES = Invariant(
    "authorized_through_gates", "9.1",
    "No discovery against an official whose QI is unresolved is authorized unless gates 1 and 2 are "
    "found, every request passed gate 3, no appeal is pending and (under Carswell) no QI motion is.",
    _GATES + (at(a.WEBB, "209-11"), at(a.CARSWELL, "311-12")) + _APPEAL, step=_authorized_through_gates)
TAKEN_UNDER_ORDER = Invariant(
    "taken_under_order", "9.1",
    "No discovery is taken from an official whose QI is unresolved unless an order in force covers it "
    "and no appeal is pending.",
    _STAY + (at(a.LION_BOULOS, "507-08"),) + _APPEAL, step=_taken_under_order)
TAKEN_WHILE_GATES_HOLD = Invariant(
    "taken_while_gates_hold", "9.1",
    "No discovery is taken from an official whose QI is unresolved unless, at that moment, gates 1 and "
    "2 are found for them, each request passed gate 3 and (under Carswell) no QI motion is pending.",
    _STAY + _GATES + (at(a.CARSWELL, "311-12"),), step=_taken_while_gates_hold)
GATES_IN_ORDER = Invariant(
    "gates_in_order", "9.2",
    "The gates are found in order: fact questions (2) only with the pleadings holding (1); narrow "
    "tailoring (3) only after both.",
    _GATES, step=_gates_in_order)
REQUESTS_IN_ORDER = Invariant(
    "requests_in_order", "9.3",
    "Requests authorized against an official with QI unresolved are ones found narrowly tailored, "
    "and those are ones made.",
    (at(a.WEBB, "209-11"), at(a.WICKS, "994"), at(a.LION_BOULOS, "507-08")), step=_requests_in_order)
NO_MERITS_DISCOVERY = Invariant(
    "no_merits_discovery", "9.4",
    "Ordinary (merits) discovery never opens against an official while QI is unresolved.",
    _STAY + (at(a.LION_BOULOS, "507-08"),), step=_no_merits_discovery)
NO_DEAD_ENDS = Invariant(
    "no_dead_ends", "9.5",
    "From every reachable situation the case can still reach a ruling on QI and an end.",
    (at(a.MITCHELL, "526"), at(a.CARSWELL, "310"), at(a.RAMIREZ, "133-34")))
"""Liveness: a property of the whole graph of situations, checked by the explorer (``verify.py``)."""

SAFETY: tuple[Invariant, ...] = (
    QI_ONLY_FOR_INDIVIDUALS, QI_MOTION_DECIDED, AUTHORIZED_THROUGH_GATES, TAKEN_UNDER_ORDER,
    TAKEN_WHILE_GATES_HOLD, GATES_IN_ORDER, REQUESTS_IN_ORDER, NO_MERITS_DISCOVERY,
)
INVARIANTS: tuple[Invariant, ...] = SAFETY + (NO_DEAD_ENDS,)
INVARIANT = {x.name: x for x in INVARIANTS}


def broken(before: Posture, entry: m.Entry, after: Posture,
           invariants: tuple[Invariant, ...] = SAFETY) -> list[Invariant]:
    """The safety invariants an accepted step breaks, in the order the law states them."""
    return [x for x in invariants if (x.state or x.step) and not x.holds(before, entry, after)]


def decided(posture: Posture) -> bool:
    """Every official who asserted QI has had it decided (a goal of ``NO_DEAD_ENDS``)."""
    ruled = {r.official for r in posture.resolutions}
    return posture.asserted <= ruled
