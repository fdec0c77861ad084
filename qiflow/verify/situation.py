"""The abstract key of a posture (XState's "serializeState"): what the law can still read of it.

A source (a ruling, discovery order or judgment) is *live* while something can still undo it: the latest
one, from which the alphabet lets an appeal be taken (appeals are taken promptly), and each one an appeal
on file is from. A source that is not live never becomes live again (later sources only come after it), so
nothing can undo it, and the only thing that can still happen to an older discovery order's findings is a
vacatur, which reaches every earlier order alike. So each record is kept by what can still matter: a
finding by whom it still counts for and its source's role (live, and which; an older order; an older
ruling); each official's current QI motion by whether it is pending or put off and whether it came after
their last decisions; each official's decisions back to the last one no live source made (the one before
decides if the later are undone); each live ruling and order in full.

An official is out of the case *for good* once no live ruling took them out: only undoing such a ruling on
appeal brings one back (undoing a judgment changes nothing). Once every official is, what is left is the
endgame (judgments for the other parties, appeals and their rulings), which reads no request made, no fact
question identified, no count of orders or rulings and no official's decisions; an official's pending
motions and what took them out still route the case, and a deferred motion's findings are what
``qi_motion_decided`` reads. The endgame key keeps just that.

Two postures with equal keys accept the same entries, with the same refusals, routes, invariants and
successor keys (``tests/test_situation.py`` checks this on every posture the explorer drops for reaching a
situation already kept).
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
    on_file = p.appeals + p.final_appeals
    role: dict[int | None, object] = {latest: "latest"}
    for rank, src in enumerate(sorted({a.from_entry for a in on_file} - {latest})):
        role[src] = ("appealed", rank)
    orders = {src for src, _ in p.discovery_orders}
    void = p.void

    def kind(src: int) -> object:
        got = role.get(src)
        return got if got is not None else "order" if src in orders else "ruling"

    ruled = {r.entry for r in p.rulings}
    officials = []
    endgame: list[tuple] = []  # each official's record as the endgame reads it
    out_for_good = bool(p.officials)  # every official is out of the case for good
    for o in p.officials:
        mine = [r for r in p.resolutions if r.official == o] if p.resolutions else []
        kept = len(mine)
        while kept and mine[kept - 1].entry in role:  # a live decision may be undone: the one before matters
            kept -= 1
        mine = mine[max(kept - 1, 0):]
        filed = [q for q in p.qi_motions if q.official == o] if p.qi_motions else []
        current = filed[-1].entry if filed else None
        motion: tuple = ()
        if current is not None:
            seq = next(q.seq for q in filed if q.entry == current)
            motion = ((current, o) in p.pending, (current, o) in p.deferred, tuple(seq > r.seq for r in mine),
                      len(filed))
        sj = frozenset(kind(src) for who, src in p.sj_pending if who == o) if p.sj_pending else _NONE
        removed = frozenset(kind(src) if src in role else "for good" for src, who in p.removed_by if who == o) \
            if p.removed_by else _NONE  # what took them out: undoing one brings them back only if none other stands
        out_for_good = out_for_good and o not in p.in_case and not any(
            who == o and src in role and src in ruled for src, who in p.removed_by)
        findings = (
            frozenset(kind(src) for who, src in p.gate1 if who == o and (src, o) not in void) if p.gate1 else _NONE,
            frozenset((q, kind(src)) for q, who, src in p.questions if who == o and (src, o) not in void)
            if p.questions else _NONE,
        )
        decisions = (
            tuple((r.outcome, r.stage, kind(r.entry)) for r in mine),
            frozenset(kind(src) for src, who, mo in p.decided if who == o and src in role and current == mo)
            if p.decided else _NONE,
        )
        officials.append((o, motion, *decisions, sj, removed, *findings))
        deferred = bool(motion) and motion[1]
        endgame.append((o, motion, sj, removed, *(findings if deferred else ())))
    live = (
        tuple((kind(o.entry), o.against, o.scope, o.authorized) for o in p.orders) if p.orders else (),
        frozenset((kind(src), a) for src, a in p.discovery_orders if src in role),
        frozenset((kind(r.entry), r.kind, r.ruled_on, r.outcome, r.denies_qi,
                   tuple(p.current(o) == r.motion for o in sorted(r.ruled_on))) for r in p.rulings if r.entry in role)
        if p.rulings else _NONE,
        frozenset(kind(src) for src in p.judgments if src in role) if p.judgments else _NONE,
        tuple((kind(a.from_entry), a.by, a.interlocutory, a.frivolous) for a in on_file) if on_file else (),
    )
    if out_for_good:  # see the module's docstring: what is left reads no more than this
        return ("endgame", p.law_as_of, p.in_case, tuple(endgame), *live)
    identified = frozenset((q, frozenset(x for s, x in void if s == src) if void else _NONE, kind(src))
                           for q, src in p.identified) if p.identified else _NONE
    orders_in_force, live_orders, live_rulings, live_judgments, appeals = live
    return (
        p.law_as_of, p.in_case, p.asserted, tuple(officials), identified, p.requests, orders_in_force,
        len(p.discovery_orders), live_orders,
        len(p.rulings), sum(1 for r in p.rulings if r.kind == "qi_ruling") if p.rulings else 0,
        live_rulings, live_judgments, appeals,
    )
