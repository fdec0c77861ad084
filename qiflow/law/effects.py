"""What each docket entry does to the posture, as LAW.md section 11 defines its terms.

Guards decide whether an entry is lawful; effects only record what it did. In strict mode a refused
entry has no effect at all.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import filterfalse
from typing import Any, get_type_hints

from qiflow import scenario as m
from qiflow.law.posture import (
    AppealOnFile,
    Authorization,
    OrderInForce,
    Posture,
    QiMotion,
    Resolution,
    Ruling,
)

Effect = Callable[[Any, Posture, int], Posture]
_EFFECTS: dict[type[m.Entry], Effect] = {}
"""Each entry kind's effect; a kind with none (complaint, order, other, filings that only move the phase)
leaves the posture as it was."""


def apply(entry: m.Entry, posture: Posture, ref: int) -> Posture:
    """The posture after ``entry`` (docket entry ``ref``)."""
    effect = _EFFECTS.get(type(entry))
    return posture if effect is None else effect(entry, posture, ref)


def effect_of(kind: type[m.Entry]) -> Effect | None:
    """The effect of an entry kind (None: it leaves the posture as it was), for a caller that looks it up once."""
    return _EFFECTS.get(kind)


def _effect(fn: Effect) -> Effect:
    """Register ``fn`` as the effect of the entry kind its ``entry`` parameter names."""
    _EFFECTS[get_type_hints(fn)["entry"]] = fn
    return fn


# --- s.11 "Terms": asserting QI ----------------------------------------------------------------------
def asserting_officials(entry: m.Entry, posture: Posture) -> tuple[str, ...]:
    """The officials an entry asserts QI for: its filers who hold QI (a joint filing counts for each)."""
    if not getattr(entry, "asserts_qi", False):
        return ()
    return tuple(filter(posture.official_ids.__contains__, entry.filers))


def non_holders(entry: m.Entry, posture: Posture) -> tuple[str, ...]:
    """Filers of a QI assertion who cannot hold QI (QI001): nothing is stayed on their account."""
    if not getattr(entry, "asserts_qi", False):
        return ()
    return tuple(filterfalse(posture.official_ids.__contains__, entry.filers))


def _assertion(entry: m.Entry, posture: Posture) -> tuple[tuple[str, ...], dict[str, object]]:
    """The officials the entry asserts QI for, and the posture's change: who asserted. A filer who cannot hold
    QI changes nothing (QI001 flags the entry; nothing is stayed on their account)."""
    officials = asserting_officials(entry, posture)
    changes: dict[str, object] = {}
    if not posture.asserted.issuperset(officials):  # asserting it again changes nothing
        changes["asserted"] = posture.asserted | set(officials)
    return officials, changes


def _evolved(posture: Posture, changes: dict[str, object]) -> Posture:
    return posture.evolve(**changes) if changes else posture


@_effect
def _(entry: m.Answer, posture: Posture, ref: int) -> Posture:
    return _evolved(posture, _assertion(entry, posture)[1])


@_effect
def _(entry: m.SjMotion, posture: Posture, ref: int) -> Posture:
    officials, changes = _assertion(entry, posture)
    if officials:
        changes["sj_pending"] = posture.sj_pending | {(o, ref) for o in officials}
    return _evolved(posture, changes)


@_effect
def _(entry: m.MotionToDismiss, posture: Posture, ref: int) -> Posture:
    """A QI motion to dismiss is pending for each official who asserted QI in it; it replaces their earlier one."""
    officials, changes = _assertion(entry, posture)
    if entry.asserts_qi:
        changes["qi_motions_filed"] = posture.qi_motions_filed | {ref}
    if officials:
        replaced = {(mo, o) for mo, o in posture.pending if o in officials}
        stamp = posture.seq + 1
        changes.update(
            seq=stamp, qi_motions=posture.qi_motions + tuple(QiMotion(ref, o, stamp) for o in officials),
            pending=(posture.pending - replaced) | {(ref, o) for o in officials},
            deferred=posture.deferred - replaced,
        )
    return _evolved(posture, changes)


# --- s.11 "Terms": deciding QI ----------------------------------------------------------------------
def _decide(posture: Posture, changes: dict[str, object], officials: tuple[str, ...], outcome: str, ref: int,
            stage: str) -> Posture:
    """The posture with ``changes`` and a decision of each official's QI, each stamped in turn; a grant in
    whole takes them out of the case."""
    stamps = range(posture.seq + 1, posture.seq + 1 + len(officials))
    changes["seq"] = posture.seq + len(officials)
    changes["resolutions"] = posture.resolutions + tuple(
        Resolution(o, outcome, ref, stamp, stage) for o, stamp in zip(officials, stamps, strict=True))
    if outcome == "granted":  # it takes them out, even one already out (and out they stay while it stands)
        changes["in_case"] = posture.in_case.difference(officials)
        changes["removed_by"] = posture.removed_by | {(ref, o) for o in officials}
    return posture.evolve(**changes)


def _resolve(posture: Posture, official: str, outcome: str, ref: int, stage: str) -> Posture:
    return _decide(posture, {}, (official,), outcome, ref, stage)


def _find(posture: Posture, source: int, officials: tuple[str, ...] | frozenset[str],
          entry: m.MotionToDismissRuling | m.DiscoveryOrder, gate1: frozenset[str]) -> Posture:
    return _evolved(posture, _findings(posture, source, officials, entry, gate1))


def _findings(posture: Posture, source: int, officials: tuple[str, ...] | frozenset[str],
              entry: m.MotionToDismissRuling | m.DiscoveryOrder, gate1: frozenset[str]) -> dict[str, object]:
    """A ruling's or an order's findings, as changes to the posture: the gate-1 holding for ``gate1``, each
    fact question as identified and concerning its ``as_to`` (default: ``officials``)."""
    changes: dict[str, object] = {}
    if gate1:
        changes["gate1"] = posture.gate1 | {(o, source) for o in gate1}
    if entry.fact_questions:
        changes["identified"] = posture.identified | {(q.id, source) for q in entry.fact_questions}
        concern = set()
        for q in entry.fact_questions:
            whom = [p for p in q.as_to if posture.is_official(p)] if q.as_to is not None else officials
            concern |= {(q.id, o, source) for o in whom}
        changes["questions"] = posture.questions | concern
    return changes


@_effect
def _(entry: m.MotionToDismissRuling, posture: Posture, ref: int) -> Posture:
    motion = m.int_ref(entry.motion)
    officials = posture.motion_officials(motion)
    if not officials:
        if motion not in posture.qi_motions_filed:
            return posture  # a ruling on a motion that does not assert QI changes nothing
        # A QI motion pending for no one (replaced for every official who filed it, or filed by none): the ruling
        # decides nothing, but it is a ruling on a QI motion to dismiss, on which the court of appeals may grant QI
        # (``renders``, s.11 "appeal_ruling").
        return posture.evolve(rulings=posture.rulings + (Ruling(ref, "motion_to_dismiss_ruling", frozenset(), entry.outcome, motion),))
    ruled = frozenset(officials)
    if entry.defers:  # the motion stays pending; a deferral may state findings
        pending = tuple(o for o in officials if (entry.motion, o) in posture.pending)
        posture = posture.evolve(
            deferred=posture.deferred | ({(entry.motion, o) for o in pending} if not entry.reply_ordered else set()),
            rulings=posture.rulings + (Ruling(ref, "motion_to_dismiss_ruling", ruled, "deferred", motion),))
        gate1 = frozenset(officials) if entry.pleadings_overcome_qi else frozenset()
        return _find(posture, ref, officials, entry, gate1)
    decided = {(entry.motion, o) for o in officials}
    changes: dict[str, object] = dict(
        pending=posture.pending - decided, deferred=posture.deferred - decided,
        decided=posture.decided | {(ref, o, entry.motion) for o in officials},
        rulings=posture.rulings + (Ruling(ref, "motion_to_dismiss_ruling", ruled, entry.outcome, motion,
                                          denies_qi=entry.outcome in ("denied", "granted_in_part")),))
    if entry.outcome == "converted":  # Rule 12(d): now a pending SJ motion asserting QI, deciding nothing
        changes["sj_pending"] = posture.sj_pending | {(o, ref) for o in officials}
        return posture.evolve(**changes)
    if entry.outcome == "denied":  # a denial deciding the motion is the explicit gate-1 holding
        changes["gate1"] = posture.gate1 | {(o, ref) for o in officials}
    return _decide(posture, changes, officials, entry.outcome, ref, "pleadings")


def qi_ruling_officials(entry: m.QiRuling, posture: Posture) -> tuple[str, ...]:
    """The officials a QI ruling decides: those it names (only an official holds QI), or, naming none, every
    official still in the case who asserted QI."""
    if entry.defendants is not None:
        return tuple(d for d in entry.defendants if posture.is_official(d))
    return tuple(o for o in posture.officials if o in posture.asserted and o in posture.in_case)


@_effect
def _(entry: m.QiRuling, posture: Posture, ref: int) -> Posture:
    officials = qi_ruling_officials(entry, posture)
    changes: dict[str, object] = dict(
        sj_pending=frozenset(x for x in posture.sj_pending if x[0] not in officials),
        rulings=posture.rulings + (Ruling(ref, "qi_ruling", frozenset(officials), entry.outcome,
                                          denies_qi=entry.outcome in ("denied", "granted_in_part")),))
    return _decide(posture, changes, officials, entry.outcome, ref, "record")


# --- s.11 "Findings" and "in force" -----------------------------------------------------------------
@_effect
def _(entry: m.DiscoveryMotion, posture: Posture, ref: int) -> Posture:
    return posture.evolve(requests=posture.requests.update(r.id for r in entry.requests))


def order_against(entry: m.DiscoveryOrder, posture: Posture) -> frozenset[str]:
    """The parties an order names: its ``against`` list, or every defendant."""
    return frozenset(entry.against) if entry.against is not None else frozenset(posture.defendants)


def as_order(entry: m.DiscoveryOrder, ref: int, against: frozenset[str]) -> OrderInForce:
    return OrderInForce(ref, against, entry.scope,
                        tuple(Authorization(a.request, frozenset(a.addresses)) for a in entry.authorized))


def _out_of_force(posture: Posture, orders: set[int] | None, parties: frozenset[str]) -> tuple[OrderInForce, ...]:
    """The orders in force once ``orders`` (None: every one) leave force as to ``parties``."""
    kept = []
    for order in posture.orders:
        if orders is None or order.entry in orders:
            order = OrderInForce(order.entry, order.against - parties, order.scope, order.authorized)
        if order.against:
            kept.append(order)
    return tuple(kept)


@_effect
def _(entry: m.DiscoveryOrder, posture: Posture, ref: int) -> Posture:
    against = order_against(entry, posture)
    officials = tuple(p for p in posture.officials if p in against)
    earlier = posture.discovery_orders
    changes = _findings(posture, ref, officials, entry, frozenset(officials) if entry.pleadings_overcome_qi else frozenset())
    changes["discovery_orders"] = earlier + ((ref, against),)
    if entry.grants:
        changes["orders"] = posture.orders + (as_order(entry, ref, against),)
    elif entry.outcome in ("stayed", "vacated"):  # the court's own stay or vacatur, as to ``against``
        changes["orders"] = _out_of_force(posture, None, against)
        if entry.outcome == "vacated":
            changes["void"] = posture.void | {(src, p) for src, _ in earlier for p in against}
    return posture.evolve(**changes)


# --- s.11 appeals -----------------------------------------------------------------------------------
def _from_judgment(source: int, posture: Posture) -> bool:
    """Whether an appeal's source is a judgment, as filed: one strict mode refused is still one."""
    if source in posture.judgments:
        return True
    if any(r.entry == source for r in posture.rulings) or any(src == source for src, _ in posture.discovery_orders):
        return False  # a ruling or an order that took effect (the docket as filed is read only when need be)
    return type(posture.filed.get(source)) is m.Judgment


@_effect
def _(entry: m.Appeal, posture: Posture, ref: int) -> Posture:
    source = m.int_ref(entry.from_)
    on_file = AppealOnFile(ref, source, frozenset(entry.filers), not _from_judgment(source, posture))
    if on_file.interlocutory:
        return posture.evolve(appeals=posture.appeals + (on_file,))
    return posture.evolve(final_appeals=posture.final_appeals + (on_file,))


@_effect
def _(entry: m.FrivolousCertification, posture: Posture, ref: int) -> Posture:
    appeals = tuple(AppealOnFile(a.entry, a.from_entry, a.by, a.interlocutory, True) if a.entry == entry.appeal else a
                    for a in posture.appeals)
    return posture.evolve(appeals=appeals)


def undone_as_to(entry: m.AppealRuling, appeal: AppealOnFile, posture: Posture) -> frozenset[str]:
    """Whom a reversal or vacatur reaches: ``as_to``, or by default a discovery order's whole ``against`` list,
    or the officials a ruling ruled on who filed the appeal (all of them, if none did)."""
    if entry.as_to is not None:
        return frozenset(entry.as_to)
    order = next((a for src, a in posture.discovery_orders if src == appeal.from_entry), None)
    if order is not None:
        return order
    ruling = next((r for r in posture.rulings if r.entry == appeal.from_entry), None)
    if ruling is None:
        return frozenset()
    return (ruling.ruled_on & appeal.by) or ruling.ruled_on


def _undo_ruling(posture: Posture, ruling: Ruling, official: str) -> Posture:
    """The ruling no longer counts for the official: not in deciding their QI, nor as taking them out, nor as
    putting the motion off; the motion it decided is pending again (a converted one as a motion to dismiss);
    its findings stop counting."""
    source = ruling.entry
    changes: dict[str, object] = {
        "resolutions": tuple(r for r in posture.resolutions if not (r.entry == source and r.official == official)),
        "void": posture.void | {(source, official)},
    }
    decided = {(s, o, mo) for s, o, mo in posture.decided if s == source and o == official}
    if decided:
        changes["decided"] = posture.decided - decided
        still = {(o, mo) for _, o, mo in posture.decided - decided}  # decided by another ruling still standing
        changes["pending"] = posture.pending | {(mo, o) for _, o, mo in decided
                                                if posture.current(o) == mo and (o, mo) not in still}
        changes["sj_pending"] = posture.sj_pending - {(official, source)}
    if ruling.outcome == "deferred" and ruling.motion is not None:  # the deferral itself is undone
        changes["deferred"] = posture.deferred - {(ruling.motion, official)}
    if (source, official) in posture.removed_by:  # back in, unless something else still standing took them out
        changes["removed_by"] = removed_by = posture.removed_by - {(source, official)}
        if not any(who == official for _, who in removed_by):
            changes["in_case"] = posture.in_case | {official}
    return posture.evolve(**changes)


def _granted_on_appeal(posture: Posture, official: str, ref: int) -> Posture:
    """The court of appeals grants QI: resolved, no QI motion of theirs pending, out of the case. The grant decides
    their QI motion to dismiss, so undoing another ruling on it later does not leave it pending again."""
    mine = {(mo, o) for mo, o in posture.pending if o == official}
    current = posture.current(official)
    posture = posture.evolve(pending=posture.pending - mine, deferred=posture.deferred - mine,
                             sj_pending=frozenset(x for x in posture.sj_pending if x[0] != official),
                             decided=posture.decided | ({(ref, official, current)} if current is not None else set()))
    return _resolve(posture, official, "granted", ref, "appeal")


def _rules_on_qi(filed: m.Entry | None, posture: Posture) -> bool:
    """Whether an entry as filed is a ``qi_ruling`` or a ruling on a QI motion to dismiss."""
    if type(filed) is m.QiRuling:
        return True
    if type(filed) is not m.MotionToDismissRuling:
        return False
    motion = posture.filed.get(filed.motion)
    return type(motion) is m.MotionToDismiss and motion.asserts_qi


@_effect
def _(entry: m.AppealRuling, posture: Posture, ref: int) -> Posture:
    appeal = next((a for a in posture.appeals + posture.final_appeals if a.entry == entry.appeal), None)
    if appeal is not None:  # it stops being pending whatever the outcome
        posture = posture.evolve(appeals=tuple(a for a in posture.appeals if a.entry != entry.appeal),
                                 final_appeals=tuple(a for a in posture.final_appeals if a.entry != entry.appeal),
                                 ruled_appeals=posture.ruled_appeals + (appeal,))
    else:  # ruled on before: this ruling (say the en banc court's) is still one on that appeal
        appeal = next((a for a in posture.ruled_appeals if a.entry == entry.appeal), None)
    if appeal is None or entry.outcome not in ("reversed", "vacated"):
        return posture
    as_to = undone_as_to(entry, appeal, posture)
    source = appeal.from_entry
    if any(src == source for src, _ in posture.discovery_orders):
        posture = posture.evolve(orders=_out_of_force(posture, {source}, as_to),
                                 void=posture.void | {(source, p) for p in as_to})
        return posture
    ruling = next((r for r in posture.rulings if r.entry == source), None)
    if ruling is None:  # F had no effect (strict mode refused it), or is not a ruling on QI: only a grant remains
        if entry.renders == "qi_granted" and _rules_on_qi(posture.filed.get(source), posture):
            for official in sorted(o for o in as_to if posture.is_official(o)):
                posture = _granted_on_appeal(posture, official, ref)
        return posture  # an appeal from anything else (a judgment included): nothing else changes
    for official in sorted(as_to):
        if not posture.is_official(official):
            continue
        renders = entry.renders == "qi_granted" or (  # reversing a denial of QI to an official who appealed it
            entry.outcome == "reversed" and ruling.denies_qi and official in ruling.ruled_on and official in appeal.by)
        posture = _granted_on_appeal(posture, official, ref) if renders else _undo_ruling(posture, ruling, official)
    return posture


@_effect
def _(entry: m.Judgment, posture: Posture, ref: int) -> Posture:
    named = set(entry.defendants) & set(posture.defendants) if entry.defendants is not None else set(posture.defendants)
    return posture.evolve(in_case=posture.in_case - named, judgments=posture.judgments | {ref},
                          removed_by=posture.removed_by | {(ref, p) for p in named})


@_effect
def _(entry: m.ConferenceOrder, posture: Posture, ref: int) -> Posture:
    return posture.evolve(conference_deadlines=(entry.confer_by, entry.report_by))
