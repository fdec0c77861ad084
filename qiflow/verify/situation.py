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
    latest = max(p.judgments) if p.judgments else None
    for r in p.rulings:
        if latest is None or r.entry > latest:
            latest = r.entry
    for src, _ in p.discovery_orders:
        if latest is None or src > latest:
            latest = src
    return latest


_NONE: frozenset = frozenset()


def situation(p: Posture) -> tuple:
    """The posture's key (see the module's docstring for what is kept, and why it is enough).

    Written for speed (the explorer asks it of every step that changes the posture): an empty record is
    skipped rather than walked."""
    latest = latest_source(p)
    orders = {src for src, _ in p.discovery_orders}
    void = p.void

    def kind(src: int) -> str:
        return "latest" if src == latest else "order" if src in orders else "ruling"

    officials = []
    for o in p.officials:
        mine = [r for r in p.resolutions if r.official == o][-2:] if p.resolutions else []
        if mine and mine[-1].entry != latest:  # the last decision can no longer be undone: the one before is moot
            mine = mine[-1:]
        filed = [q for q in p.qi_motions if q.official == o] if p.qi_motions else []
        current = filed[-1].entry if filed else None
        motion: tuple = ()
        if current is not None:
            seq = next(q.seq for q in filed if q.entry == current)
            motion = ((current, o) in p.pending, (current, o) in p.deferred, tuple(seq > r.seq for r in mine),
                      len(filed))
        officials.append((
            o, motion,
            tuple((r.outcome, r.stage, r.entry == latest) for r in mine),
            frozenset(kind(src) for src, who, mo in p.decided if who == o and src == latest and current == mo)
            if p.decided else _NONE,
            frozenset(kind(src) for who, src in p.sj_pending if who == o) if p.sj_pending else _NONE,
            frozenset(src == latest for src, who in p.removed_by if who == o) if p.removed_by else _NONE,
            frozenset(kind(src) for who, src in p.gate1 if who == o and (src, o) not in void) if p.gate1 else _NONE,
            frozenset((q, kind(src)) for q, who, src in p.questions if who == o and (src, o) not in void)
            if p.questions else _NONE,
        ))
    identified = frozenset((q, frozenset(x for s, x in void if s == src) if void else _NONE, kind(src))
                           for q, src in p.identified) if p.identified else _NONE
    ruling = None
    for r in p.rulings:
        if r.entry == latest:
            ruling = r
            break
    return (
        p.law_as_of, p.in_case, p.asserted, p.claimed_qi, tuple(officials), identified, p.requests,
        tuple((o.entry == latest, o.against, o.scope, o.authorized) for o in p.orders) if p.orders else (),
        len(p.discovery_orders), next((a for src, a in p.discovery_orders if src == latest), None),
        len(p.rulings), sum(1 for r in p.rulings if r.kind == "qi_ruling") if p.rulings else 0,
        None if ruling is None else (ruling.kind, ruling.ruled_on, ruling.outcome, ruling.denies_qi,
                                     tuple(p.current(o) == ruling.motion for o in sorted(ruling.ruled_on))),
        latest in p.judgments,
        tuple((a.from_entry == latest, a.by, a.interlocutory, a.frivolous) for a in p.appeals + p.final_appeals)
        if p.appeals or p.final_appeals else (),
    )
