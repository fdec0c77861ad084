"""What each docket entry does to the posture, as LAW.md section 11 defines its terms.

Guards decide whether an entry is lawful; effects only record what it did. In strict mode a refused
entry has no effect at all.
"""

from __future__ import annotations

from functools import singledispatch

from qiflow import scenario as m
from qiflow.law.posture import AppealOnFile, OrderInForce, Posture, Resolution


@singledispatch
def apply(entry: m.Entry, posture: Posture, ref: int) -> Posture:
    """Entries with no procedural effect (complaint, order, other, filings that only move the phase)."""
    return posture


def asserts_qi_validly(entry: m.Entry, posture: Posture) -> bool:
    """An official sued individually asserts QI (Owen, 445 U.S. at 638; Graham, 473 U.S. at 166-67)."""
    who = posture.parties.get(entry.by or "")
    return bool(getattr(entry, "asserts_qi", False)) and who is not None and who.may_assert_qi


def _assert_qi(entry: m.Answer | m.MotionToDismiss | m.SjMotion, posture: Posture) -> Posture:
    if not entry.asserts_qi:
        return posture
    posture = posture.evolve(claimed_qi=posture.claimed_qi | {entry.by})
    if asserts_qi_validly(entry, posture):
        posture = posture.evolve(asserted=posture.asserted | {entry.by})
    return posture


@apply.register
def _(entry: m.Answer, posture: Posture, ref: int) -> Posture:
    return _assert_qi(entry, posture)


@apply.register
def _(entry: m.SjMotion, posture: Posture, ref: int) -> Posture:
    return _assert_qi(entry, posture)


@apply.register
def _(entry: m.MotionToDismiss, posture: Posture, ref: int) -> Posture:
    valid = asserts_qi_validly(entry, posture)
    posture = _assert_qi(entry, posture)
    if valid:
        posture = posture.evolve(
            qi_motions=posture.qi_motions | {(ref, entry.by)},
            pending_qi_motions=posture.pending_qi_motions | {ref},
        )
    return posture


def _resolve(posture: Posture, official: str, outcome: str, ref: int) -> Posture:
    """Record how QI was decided; a grant in whole takes the official out of the case."""
    resolutions = frozenset(r for r in posture.resolutions if r.official != official)
    posture = posture.evolve(resolutions=resolutions | {Resolution(official, outcome, ref)})
    if outcome == "granted":
        posture = posture.evolve(in_case=posture.in_case - {official})
    return posture


@apply.register
def _(entry: m.MotionToDismissRuling, posture: Posture, ref: int) -> Posture:
    official = posture.qi_motion_by(entry.motion)
    if official is None:
        return posture  # a ruling on a motion that does not assert QI changes nothing
    if entry.defers:
        return posture.evolve(
            deferred_qi_motions=posture.deferred_qi_motions | {entry.motion},
            gate1=posture.gate1 | ({official} if entry.pleadings_overcome_qi else set()),
            fact_questions=posture.fact_questions | {q.id for q in entry.fact_questions},
        )
    posture = posture.evolve(
        pending_qi_motions=posture.pending_qi_motions - {entry.motion},
        deferred_qi_motions=posture.deferred_qi_motions - {entry.motion},
        pleadings_rulings=posture.pleadings_rulings | {ref},
    )
    if entry.outcome == "denied":  # a denial on the merits is the explicit gate-1 holding
        posture = posture.evolve(gate1=posture.gate1 | {official})
    return _resolve(posture, official, entry.outcome, ref)


@apply.register
def _(entry: m.DiscoveryMotion, posture: Posture, ref: int) -> Posture:
    return posture.evolve(requests=posture.requests | {r.id for r in entry.requests})


def order_against(entry: m.DiscoveryOrder, posture: Posture) -> frozenset[str]:
    """The parties an order reaches: its ``against`` list, or every defendant."""
    return frozenset(entry.against) if entry.against is not None else frozenset(posture.defendants)


def as_order(entry: m.DiscoveryOrder, ref: int, posture: Posture) -> OrderInForce:
    return OrderInForce(
        entry=ref,
        against=order_against(entry, posture),
        scope=entry.scope,
        authorized=frozenset(a.request for a in entry.authorized),
    )


def identified_with(entry: m.DiscoveryOrder, posture: Posture) -> frozenset[str]:
    """Fact questions identified by this order or any earlier order or deferring ruling."""
    return posture.fact_questions | {q.id for q in entry.fact_questions}


def addresses_identified_question(auth: m.Authorization, identified: frozenset[str]) -> bool:
    return bool(set(auth.addresses) & identified)


@apply.register
def _(entry: m.DiscoveryOrder, posture: Posture, ref: int) -> Posture:
    identified = identified_with(entry, posture)
    posture = posture.evolve(fact_questions=identified)
    if not entry.grants:
        return posture
    order = as_order(entry, ref, posture)
    covered = {o for o in posture.officials if order.covers_party(o)}
    tailored = {
        a.request for a in entry.authorized
        if entry.scope == "limited" and addresses_identified_question(a, identified)
    }
    return posture.evolve(
        orders=posture.orders + (order,),
        gate1=posture.gate1 | (covered if entry.pleadings_overcome_qi else set()),
        tailored=posture.tailored | tailored,
    )


@apply.register
def _(entry: m.QiRuling, posture: Posture, ref: int) -> Posture:
    for official in qi_ruling_defendants(entry, posture):
        posture = _resolve(posture, official, entry.outcome, ref)
    return posture


def qi_ruling_defendants(entry: m.QiRuling, posture: Posture) -> tuple[str, ...]:
    """The officials a QI ruling decides: those it names (only an official holds QI, so a city it names is
    not decided), or, if it names none, every official still in the case who asserted QI."""
    if entry.defendants is not None:
        return tuple(d for d in entry.defendants if d in posture.officials)
    return tuple(o for o in posture.officials if o in posture.asserted and o in posture.in_case)


@apply.register
def _(entry: m.Appeal, posture: Posture, ref: int) -> Posture:
    return posture.evolve(appeals=posture.appeals + (AppealOnFile(ref, entry.from_),))


@apply.register
def _(entry: m.FrivolousCertification, posture: Posture, ref: int) -> Posture:
    appeals = tuple(
        AppealOnFile(a.entry, a.from_entry, True) if a.entry == entry.appeal else a for a in posture.appeals
    )
    return posture.evolve(appeals=appeals)


@apply.register
def _(entry: m.AppealRuling, posture: Posture, ref: int) -> Posture:
    appeal = next((a for a in posture.appeals if a.entry == entry.appeal), None)
    posture = posture.evolve(appeals=tuple(a for a in posture.appeals if a.entry != entry.appeal))
    if appeal is None or entry.outcome not in ("reversed", "vacated"):
        return posture
    # A discovery order is in force until vacated or reversed on appeal.
    posture = posture.evolve(orders=tuple(o for o in posture.orders if o.entry != appeal.from_entry))
    for r in posture.resolutions:
        if r.entry != appeal.from_entry or r.outcome != "denied":
            continue
        if entry.outcome == "reversed":  # a denial reversed on appeal takes the official out
            posture = posture.evolve(in_case=posture.in_case - {r.official})
        else:  # a denial vacated on appeal makes QI unresolved again
            posture = posture.evolve(resolutions=posture.resolutions - {r})
    return posture


@apply.register
def _(entry: m.Judgment, posture: Posture, ref: int) -> Posture:
    named = set(entry.defendants) if entry.defendants is not None else set(posture.defendants)
    return posture.evolve(in_case=posture.in_case - named)


@apply.register
def _(entry: m.ConferenceOrder, posture: Posture, ref: int) -> Posture:
    return posture.evolve(conference_deadlines=(entry.confer_by, entry.report_by))
