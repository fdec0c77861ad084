"""The abstract key of a posture (XState's "serializeState"): what the law can still read of it.

The alphabet lets an appeal be taken only from the latest ruling, order or judgment (appeals are taken
promptly), so an older source can never be undone on appeal again, and the only thing that can still
happen to an older discovery order's findings is a vacatur, which reaches every earlier order alike.
So each record is kept by what can still matter: a finding by whom it still counts for and whether its
source is the latest entry (which an appeal may undo), an older discovery order (which a vacatur may
void) or an older ruling (neither); each official's current QI motion by whether it is pending or put
off and whether it came after their last decisions; the last two decisions of each official (the one
before the latest decides if the latest is undone). Two postures with equal keys accept the same
entries with the same effects, as far as any guard, route or invariant can tell.
"""

from __future__ import annotations

from qiflow.law.posture import Posture


def latest_source(p: Posture) -> int | None:
    """The latest ruling, discovery order or judgment: the only one an appeal may now be taken from."""
    refs = [r.entry for r in p.rulings] + [src for src, _ in p.discovery_orders] + list(p.judgments)
    return max(refs) if refs else None


def situation(p: Posture) -> tuple:
    """The posture's key (see the module's docstring for what is kept, and why it is enough)."""
    latest = latest_source(p)
    orders = {src for src, _ in p.discovery_orders}

    def kind(src: int) -> str:
        return "latest" if src == latest else "order" if src in orders else "ruling"

    officials = []
    for o in p.officials:
        mine = [r for r in p.resolutions if r.official == o][-2:]
        if mine and mine[-1].entry != latest:  # the last decision can no longer be undone: the one before is moot
            mine = mine[-1:]
        filed = [q for q in p.qi_motions if q.official == o]
        current = filed[-1].entry if filed else None
        motion: tuple = ()
        if current is not None:
            seq = next(q.seq for q in filed if q.entry == current)
            motion = ((current, o) in p.pending, (current, o) in p.deferred, tuple(seq > r.seq for r in mine),
                      len(filed))
        officials.append((
            o, motion,
            tuple((r.outcome, r.stage, r.entry == latest) for r in mine),
            frozenset(kind(src) for src, who, mo in p.decided if who == o and src == latest and current == mo),
            frozenset(kind(src) for who, src in p.sj_pending if who == o),
            frozenset(src == latest for src, who in p.removed_by if who == o),
            frozenset(kind(src) for who, src in p.gate1 if who == o and p.counts(src, o)),
            frozenset((q, kind(src)) for q, who, src in p.questions if who == o and p.counts(src, o)),
        ))
    identified = frozenset((q, frozenset(x for s, x in p.void if s == src), kind(src)) for q, src in p.identified)
    rulings = [r for r in p.rulings if r.entry == latest]
    ruling = rulings[0] if rulings else None
    return (
        p.law_as_of, p.in_case, p.asserted, p.claimed_qi, tuple(officials), identified, p.requests,
        tuple((o.entry == latest, o.against, o.scope, o.authorized) for o in p.orders),
        len(p.discovery_orders), next((a for src, a in p.discovery_orders if src == latest), None),
        len(p.rulings), sum(1 for r in p.rulings if r.kind == "qi_ruling"),
        None if ruling is None else (ruling.kind, ruling.ruled_on, ruling.outcome, ruling.denies_qi,
                                     tuple(p.current(o) == ruling.motion for o in sorted(ruling.ruled_on))),
        latest in p.judgments,
        tuple((a.from_entry == latest, a.by, a.interlocutory, a.frivolous) for a in p.appeals + p.final_appeals),
    )
