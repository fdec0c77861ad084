"""Exhaustive check of the procedure: every reachable situation, breadth-first, against LAW.md s.9.

A situation is the phase and the abstract key of the posture (``situation.py``), in one of the law's
three eras; the eras share no situation, so each is searched on its own (on its own process, with
``jobs``). Each step is the engine's own (``engine.step``: strict-mode refusal, effects, routing) over
the entries ``alphabet.py`` offers. Breadth-first order makes the first counterexample a shortest one;
it is printed as a numbered docket and can be written as a scenario ``qiflow run`` replays.
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing as mp
import time
from collections.abc import Iterator
from contextlib import contextmanager
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
            law: Procedure = PROCEDURE, *, jobs: int = 1) -> Exploration:
    """Breadth-first over every reachable situation of ``procedure`` in strict mode, era by era.

    With guards removed, prefer the shortest counterexample that passes through an entry ``law``
    (the full procedure) would have refused: it shows what skipping the guard lets through.

    Each step is the engine's own (``engine.step.refuses`` in strict mode, then ``engine.step.advance``);
    each accepted step is checked against the step invariants, and each situation, on first reaching it,
    against the state invariants. The eras share no situation, so with ``jobs`` > 1 they are searched on
    that many processes; the result is the same: the counterexample kept is the shortest, the earlier era's
    on a tie, which is what one breadth-first search over all three would find first.
    """
    start = time.perf_counter()
    job = (procedure, invariants, law)
    if jobs > 1 and "fork" in mp.get_all_start_methods():
        _JOB[:] = [job]
        try:
            with mp.get_context("fork").Pool(min(jobs, len(LAW_AS_OF))) as pool:
                eras = pool.map(_era, range(len(LAW_AS_OF)))
        finally:
            _JOB.clear()
    else:
        eras = [_search(*job, day) for day in LAW_AS_OF]
    out = Exploration(procedure, situations=sum(e.situations for e in eras),
                      transitions=sum(e.transitions for e in eras))
    found = min((e.found for e in eras if e.found is not None), default=None)
    if found is not None:
        invariant = next(x for x in invariants + (NO_DEAD_ENDS,) if x.name == found.invariant)
        out.violation, out.invariant, out.through_removed = invariant.name, invariant, found.skipped
        out.counterexample = counterexample(found.path, found.era, invariant, procedure)
    out.seconds = time.perf_counter() - start
    return out


_JOB: list[tuple[Procedure, tuple[Invariant, ...], Procedure]] = []
"""What the forked workers search (inherited, not pickled: a procedure holds the guards' functions)."""


def _era(index: int) -> _Era:
    return _search(*_JOB[0], LAW_AS_OF[index])


@dataclass(frozen=True, order=True)
class _Found:
    """A path breaking an invariant, ranked as one breadth-first search over every era would meet it: a
    counterexample through a removed guard (or with none removed) first, then any other, then a dead end;
    shorter first; then the earlier era."""

    rank: int
    depth: int
    era: dt.date
    invariant: str = field(compare=False)
    path: tuple[m.Entry, ...] = field(compare=False)
    skipped: bool = field(compare=False)


@dataclass(frozen=True)
class _Era:
    situations: int
    transitions: int
    found: _Found | None


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The search makes almost no reference cycles (under 500 over the whole space) but keeps every situation
    alive, which the cyclic collector would rescan again and again (a fifth of the time): pause it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _search(procedure: Procedure, invariants: tuple[Invariant, ...], law: Procedure, day: dt.date) -> _Era:
    """One era's breadth-first search, to its first counterexample (or its end)."""
    with _collector_paused():
        return _breadth_first(procedure, invariants, law, day)


def _breadth_first(procedure: Procedure, invariants: tuple[Invariant, ...], law: Procedure, day: dt.date) -> _Era:
    final = {p.name for p in procedure.phases if p.final}
    removed = bool(procedure.removed)
    # ``invariants.broken``, with each invariant's ``holds`` looked up once, for a situation reached first. One
    # reached before kept every state invariant on arrival: only the step terms its entry's kind can fail remain.
    checks = tuple((x, x.holds) for x in invariants if x.state or x.step)
    step_checks = {kind: tuple((x, x.step) for x in invariants if x.step and (not x.on or kind in x.on))
                   for kind in m.EVENT_MODELS.values()}
    posture = Posture.start(CAST, day)
    start_key = situation(posture)
    seen: dict[tuple, int] = {(procedure.initial, start_key, False): 0}
    nodes: list[_Node] = [_Node(procedure.initial, posture, (), False, start_key)]
    edges: list[set[int]] = [set()]
    fallback = found = None
    transitions = 0
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
            here_key = node.key if after is before else situation(after)
            key = (dest, here_key, skipped)
            i = seen.get(key)
            if i is None and after is not before:
                bad = [x for x, holds in checks if not holds(before, entry, after)]
            else:
                bad = [x for x, step in step_checks[type(entry)] if not step(before, entry, after)]
            if bad:
                broke = (bad[0].name, path + (entry,), skipped)
                if skipped or not removed:
                    found = _Found(0, len(path) + 1, day, *broke)
                    break
                fallback = fallback or _Found(1, len(path) + 1, day, *broke)
            if i is None:
                i = seen[key] = len(nodes)
                nodes.append(_Node(dest, after, path + (entry,), skipped, here_key))
                edges.append(set())
            succ.add(i)
        here += 1
    found = found or fallback
    if found is None:
        goals = {i for i, n in enumerate(nodes) if n.phase in final and decided(n.posture)}
        dead = sorted(set(range(len(nodes))) - _can_reach(goals, edges))
        if dead:
            node = nodes[dead[0]]
            found = _Found(2, len(node.path), day, NO_DEAD_ENDS.name, node.path, node.skipped)
    return _Era(len(nodes), transitions, found)


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


