"""Exhaustive check of the procedure: every reachable situation, breadth-first, against LAW.md s.9.

A situation is the phase and the abstract key of the posture (``situation.py``), in each of the law's
three eras. Each step is the engine's own (``engine.step``: strict-mode refusal, effects, routing) over
the entries ``alphabet.py`` offers. Breadth-first order makes the first counterexample a shortest one;
it is printed as a numbered docket and can be written as a scenario ``qiflow run`` replays.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field

from qiflow import scenario as m
from qiflow.engine.step import advance, refuses
from qiflow.law.invariants import NO_DEAD_ENDS, SAFETY, Invariant, decided
from qiflow.law.posture import Posture
from qiflow.procedure.careful import PROCEDURE
from qiflow.procedure.model import Procedure
from qiflow.verify.alphabet import CAST, LAW_AS_OF, alphabet, numbered
from qiflow.verify.counterexample import counterexample
from qiflow.verify.situation import situation


@dataclass
class _Node:
    phase: str
    posture: Posture
    law_as_of: dt.date
    path: tuple[m.Entry, ...]
    skipped: bool  # the path relied on a removed guard
    key: tuple = ()  # situation(posture), kept for the entries that leave the posture as it was


@dataclass
class Exploration:
    """What the explorer found: the size of the space, the time, and a shortest counterexample if any."""

    procedure: Procedure
    situations: int = 0
    transitions: int = 0
    seconds: float = 0.0
    violation: str | None = None
    counterexample: m.Scenario | None = None
    through_removed: bool = False
    invariant: Invariant | None = field(default=None, repr=False)


def explore(procedure: Procedure = PROCEDURE, invariants: tuple[Invariant, ...] = SAFETY,
            law: Procedure = PROCEDURE) -> Exploration:
    """Breadth-first over every reachable situation of ``procedure`` in strict mode.

    With guards removed, prefer the shortest counterexample that passes through an entry ``law``
    (the full procedure) would have refused: it shows what skipping the guard lets through.

    Each step is the engine's own (``engine.step.refuses`` in strict mode, then ``engine.step.advance``);
    each accepted step is checked against ``invariants`` as ``invariants.broken`` does.
    """
    start = time.perf_counter()
    out = Exploration(procedure)
    final = {p.name for p in procedure.phases if p.final}
    removed = bool(procedure.removed)
    # ``invariants.broken``, with each invariant's ``holds`` looked up once.
    checks = tuple((x, x.holds) for x in invariants if x.state or x.step)
    # An entry that leaves the posture as it was cannot break a property of the posture (it held on arrival).
    step_checks = tuple((x, x.step) for x in invariants if x.step)
    seen: dict[tuple, int] = {}
    nodes: list[_Node] = []
    edges: list[set[int]] = []
    fallback = found = None
    transitions = 0

    for day in LAW_AS_OF:
        posture = Posture.start(CAST, day)
        start_key = situation(posture)
        key = (procedure.initial, start_key, False)
        if key not in seen:
            seen[key] = len(nodes)
            nodes.append(_Node(procedure.initial, posture, day, (), False, start_key))
            edges.append(set())
    here = 0
    while here < len(nodes) and found is None:
        node = nodes[here]
        before, phase, path, skipped_before = node.posture, node.phase, node.path, node.skipped
        ref = len(path) + 1
        succ = edges[here]
        for bare in alphabet(before, phase, procedure):
            entry = numbered(bare, ref)
            transitions += 1
            if refuses(procedure, entry, before, ref):
                continue  # strict mode: a refused entry changes nothing
            dest, after = advance(procedure, phase, before, entry, ref)
            skipped = skipped_before or (removed and refuses(law, entry, before, ref))
            if after is before:
                bad = [x for x, check in step_checks if not check(before, entry, after)]
            else:
                bad = [x for x, holds in checks if not holds(before, entry, after)]
            if bad:
                nxt = _Node(dest, after, node.law_as_of, path + (entry,), skipped)
                if skipped or not removed:
                    found = (nxt, bad[0])
                    break
                fallback = fallback or (nxt, bad[0])
            here_key = node.key if after is before else situation(after)
            key = (dest, here_key, skipped)
            i = seen.get(key)
            if i is None:
                i = seen[key] = len(nodes)
                nodes.append(_Node(dest, after, node.law_as_of, path + (entry,), skipped, here_key))
                edges.append(set())
            succ.add(i)
        here += 1
    out.situations, out.transitions = len(nodes), transitions
    found = found or fallback
    if found is None:
        goals = {i for i, n in enumerate(nodes) if n.phase in final and decided(n.posture)}
        dead = sorted(set(range(len(nodes))) - _can_reach(goals, edges))
        found = (nodes[dead[0]], NO_DEAD_ENDS) if dead else None
    if found is not None:
        node, invariant = found
        out.violation, out.invariant, out.through_removed = invariant.name, invariant, node.skipped
        out.counterexample = counterexample(node.path, node.law_as_of, invariant, procedure)
    out.seconds = time.perf_counter() - start
    return out


def _can_reach(goals: set[int], edges: list[set[int]]) -> set[int]:
    """Situations from which some path reaches a goal (backward breadth-first)."""
    back: list[list[int]] = [[] for _ in edges]
    for i, succ in enumerate(edges):
        for j in succ:
            back[j].append(i)
    reach, todo = set(goals), list(goals)
    while todo:
        for i in back[todo.pop()]:
            if i not in reach:
                reach.add(i)
                todo.append(i)
    return reach


