"""Whether the explorer's situation key is sound: a one-step bisimulation over the whole space it explores.

The explorer keeps the first posture that reaches a situation and drops every later one with the same key,
so its proof covers every path only if two postures with equal keys behave alike. Checked here on every
posture the search drops: from it and from the one kept, the alphabet offers entries of the same kinds, in
the same order, and each is refused by both or taken by both to the same phase and the same successor key,
breaking the same invariants; both are goals of ``no_dead_ends`` or neither. By induction along the search,
the paths from a dropped posture are then those from the kept one, situation for situation.

The same search tries, from every situation, the entries the alphabet leaves out (an ``order``, an ``other``,
discovery from the city): each must break no invariant that held before it and reach only situations the
alphabet reaches.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from qiflow import scenario as m
from qiflow.engine.step import advance, refuses
from qiflow.law.invariants import SAFETY, decided
from qiflow.law.posture import Posture
from qiflow.procedure.model import Procedure
from qiflow.verify.alphabet import CAST, alphabet, numbered
from qiflow.verify.situation import situation

Key = Callable[[Posture], tuple]


def entries(*docket: dict[str, object]) -> tuple[m.Entry, ...]:
    """Docket entries among the alphabet's cast."""
    return tuple(m.Scenario.model_validate({"qiflow": 1, "title": "entries", "docket": list(docket),
                                            "parties": [p.model_dump() for p in CAST]}).docket)


LEFT_OUT = entries({"event": "order"}, {"event": "other"}, {"event": "discovery", "by": "pat", "against": "city"},
                   {"event": "discovery", "by": "pat", "against": "city", "requests": ["r1"]})
"""What ``verify.alphabet`` never offers, as changing nothing a guard or invariant reads."""


@dataclass(frozen=True)
class Mismatch:
    """Two postures with one key that the next entry tells apart."""

    day: dt.date
    entry: str
    kept: tuple
    dropped: tuple


def _moves(procedure: Procedure, phase: str, p: Posture, ref: int, key: Key) -> tuple:
    out: list[tuple] = [("goal", procedure.phase[phase].final and decided(p))]
    for bare in alphabet(p, phase, procedure):
        entry = numbered(bare, ref)
        if refuses(procedure, entry, p, ref):
            out.append((entry.event, "refused"))
            continue
        dest, after = advance(procedure, phase, p, entry, ref)
        broken = tuple(x.name for x in SAFETY if not x.holds(p, entry, after))
        out.append((entry.event, dest, key(after), broken))
    return tuple(out)


@dataclass(frozen=True)
class Checked:
    situations: int
    dropped: int
    """Postures dropped for reaching a situation already kept, each checked against the kept one."""
    mismatch: Mismatch | None
    """The first found (None: the key is sound on this space)."""
    left_out: tuple[str, ...] = ()
    """A left-out entry that broke an invariant or reached a situation the alphabet does not, and how."""


def check(procedure: Procedure, day: dt.date, key: Key = situation, left_out: tuple[m.Entry, ...] = LEFT_OUT) -> Checked:
    """Breadth-first over ``procedure``'s space on ``day`` (as the explorer searches it, to the end), checking
    each dropped posture against the kept one."""
    start = Posture.start(CAST, day)
    seen = {(procedure.initial, key(start)): 0}
    nodes: list[tuple[str, Posture, int]] = [(procedure.initial, start, 0)]
    kept_moves: dict[int, tuple] = {}
    checked = 0
    beyond: dict[tuple, str] = {}  # situations left-out entries reached, for the end
    for phase, p, depth in nodes:
        ref = depth + 1
        for bare in left_out:
            entry = numbered(bare, ref)
            if not refuses(procedure, entry, p, ref):
                dest, after = advance(procedure, phase, p, entry, ref)
                if any(not x.holds(p, entry, after) and not (x.state and not x.state(p)) for x in SAFETY):
                    return Checked(len(nodes), checked, None, (entry.event, "breaks an invariant"))
                beyond.setdefault((dest, key(after)), entry.event)
        for bare in alphabet(p, phase, procedure):
            entry = numbered(bare, ref)
            if refuses(procedure, entry, p, ref):
                continue
            dest, after = advance(procedure, phase, p, entry, ref)
            i = seen.setdefault((dest, key(after)), len(nodes))
            if i == len(nodes):
                nodes.append((dest, after, depth + 1))
                continue
            kept_phase, kept, kept_depth = nodes[i]
            if after is kept:
                continue
            checked += 1
            if i not in kept_moves:
                kept_moves[i] = _moves(procedure, kept_phase, kept, kept_depth + 1, key)
            mine = _moves(procedure, dest, after, depth + 2, key)
            if mine != kept_moves[i]:
                a, b = next((a, b) for a, b in zip(kept_moves[i], mine, strict=False) if a != b)
                return Checked(len(nodes), checked, Mismatch(day, str(a[0]), a, b))
    new = next((event for at, event in beyond.items() if at not in seen), None)
    return Checked(len(nodes), checked, None, () if new is None else (new, "reaches a situation the alphabet does not"))
