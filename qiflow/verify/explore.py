"""Exhaustive check of the procedure: every reachable situation, breadth-first, against LAW.md s.9.

A situation is the phase and an abstract key of the posture (entry numbers renumbered in order, so
the space is finite). Each step is the runtime's own: ``engine.judge`` with strict-mode refusal,
``effects.apply`` and ``Procedure.next_phase``. Breadth-first order makes the first counterexample a
shortest one; it is printed as a numbered docket and can be written as a scenario ``qiflow run`` replays.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from functools import cache
from typing import Iterator

import yaml

from qiflow import scenario as m
from qiflow.engine.step import advance, refuses
from qiflow.law.invariants import (
    NO_DEAD_ENDS,
    SAFETY,
    Invariant,
    decided,
    may_assert_qi,
)
from qiflow.law.posture import CARSWELL_EFFECTIVE, Posture
from qiflow.procedure.careful import PROCEDURE, Procedure

CAST: tuple[m.Party, ...] = (
    m.Party(id="pat", name="Pat Plaintiff", role=m.Role.PLAINTIFF),
    m.Party(id="oakes", name="Officer Oakes", role=m.Role.DEFENDANT),
    m.Party(id="city", name="City of Springfield", role=m.Role.DEFENDANT, kind=m.Kind.MUNICIPALITY),
)
"""A plaintiff, an official sued individually and a municipality (which may not assert QI)."""

LAW_AS_OF: tuple[dt.date, ...] = (CARSWELL_EFFECTIVE - dt.timedelta(days=1), CARSWELL_EFFECTIVE)
"""Both law settings: the day before Carswell and the day it took effect."""

MAX_ORDERS = 1
"""Granting orders in force at once: enough to reach every rule, and it keeps the space small and finite."""


# --- the alphabet: abstract docket entries, with small parameter choices ---------------------------
def _e(kind: type[m.Entry], **fields: object) -> m.Entry:
    return kind(event=kind.model_fields["event"].annotation.__args__[0], **fields)


def _fq(*ids: str) -> list[m.FactQuestion]:
    return [m.FactQuestion(id=q, text=f"question {q}") for q in ids]


def _auth(request: str, *questions: str) -> list[m.Authorization]:
    return [m.Authorization(request=request, addresses=list(questions))]


# Every bare entry is built once (building and copying pydantic models was a fifth of the explorer's
# time): constant ones here, parameterised ones by cached factories. ``_numbered`` then gives each its docket
# number once per position. Entries are frozen, so sharing one object between paths is safe.
_DENIED_ORDER = _e(m.DiscoveryOrder, outcome="denied", fact_questions=_fq("q1"))
_GENERAL_ORDER = _e(m.DiscoveryOrder, outcome="granted", scope="general", pleadings_overcome_qi=True,
                    fact_questions=_fq("q1"))
_LIMITED_ORDERS = tuple(
    _e(m.DiscoveryOrder, outcome="granted", against=["oakes"], pleadings_overcome_qi=gate1,
       fact_questions=_fq(*questions), authorized=auth)
    for gate1, questions, auth in ((True, ("q1",), _auth("r1", "q1")), (False, ("q1",), _auth("r1", "q1")),
                                   (True, (), _auth("r1")), (True, ("q1",), _auth("r2"))))
_OUTCOMES = ("granted", "granted_in_part", "denied", "denied_without_prejudice")


@cache
def _ruling_entries(motion: int) -> tuple[m.Entry, ...]:
    return tuple(_e(m.MotionToDismissRuling, motion=motion, outcome=outcome) for outcome in _OUTCOMES) + (
        _e(m.MotionToDismissRuling, motion=motion, outcome="deferred", pleadings_overcome_qi=True,
           fact_questions=_fq("q1")),)


@cache
def _appeal_entry(source: int) -> m.Entry:
    return m.Appeal(event="appeal", by="oakes", **{"from": source})


@cache
def _frivolous_entry(appeal: int) -> m.Entry:
    return _e(m.FrivolousCertification, appeal=appeal)


@cache
def _appeal_ruling_entries(appeal: int) -> tuple[m.Entry, ...]:
    return tuple(_e(m.AppealRuling, appeal=appeal, outcome=outcome)
                 for outcome in ("affirmed", "reversed", "vacated"))


def _orders(p: Posture) -> Iterator[m.Entry]:
    yield _DENIED_ORDER
    if len(p.orders) >= MAX_ORDERS:
        return
    yield _GENERAL_ORDER
    if "r1" not in p.requests:
        return
    yield from _LIMITED_ORDERS


def _rulings(p: Posture) -> Iterator[m.Entry]:
    for motion in sorted(p.pending_qi_motions):
        yield from _ruling_entries(motion)


def _appeals(p: Posture) -> Iterator[m.Entry]:
    if not p.appeals:  # the official's appeal, one at a time, from a denial of QI or an order in force
        for source in sorted({r.entry for r in p.resolutions if r.outcome == "denied"} | {o.entry for o in p.orders}):
            yield _appeal_entry(source)
    for x in p.appeals:
        if not x.frivolous:
            yield _frivolous_entry(x.entry)
        yield from _appeal_ruling_entries(x.entry)  # "dismissed" acts as "affirmed"


_FILINGS: tuple[m.Entry, ...] = (
    _e(m.Complaint, by="pat"), _e(m.ReplyOrder), _e(m.Reply, by="pat"), _e(m.SjNotice, by="oakes"),
    _e(m.Response, by="oakes"), _e(m.Referral, to="magistrate judge"),
    _e(m.ConferenceOrder, confer_by=dt.date(2030, 1, 1), report_by=dt.date(2030, 2, 1)), _e(m.Conference),
)
"""Entries that only move the phase. Offered where the procedure expects them, before any ruling or order:
elsewhere they settle by the posture and reach nothing new."""


_EARLY_DISCOVERY = (_e(m.JointReport, agreed=["r1"], disputed=["r2"]),
                    _e(m.Supplement, by="pat", requests=["r2"]))
_ASSERTIONS = {who: (_e(m.Answer, by=who, asserts_qi=True), _e(m.SjMotion, by=who, asserts_qi=True),
                     _e(m.MotionToDismiss, by=who, asserts_qi=True, rule="12(b)(6)")) for who in ("oakes", "city")}
_DISCOVERY_MOTION = _e(m.DiscoveryMotion, by="pat", requests=[m.Request(id="r1", text="tailored"),
                                                              m.Request(id="r2", text="loose")])
_DISCOVERY = tuple((frozenset(requests), _e(m.Discovery, by="pat", against="oakes", requests=requests))
                   for requests in (["r1"], ["r2"], []))
_QI_RULINGS = tuple(_e(m.QiRuling, outcome=outcome, defendants=["oakes"])
                    for outcome in ("granted", "granted_in_part", "denied"))
_JUDGMENTS = tuple(_e(m.Judgment, outcome="dismissed", defendants=named) for named in (None, ["oakes"]))


def alphabet(p: Posture, phase: str, procedure: Procedure) -> Iterator[m.Entry]:
    """Every abstract entry to try from a situation (ids refer only to what exists).

    Left out as they change nothing and no blocking guard reads them: ``order``, ``other`` and
    discovery from the municipality (a warning at most, LAW.md s.2).
    """
    early = not (p.resolutions or p.orders or p.appeals)
    if early:
        for filing in _FILINGS:
            if procedure.in_usual_order(phase, filing.event):
                yield filing
        if p.requests:
            yield from _EARLY_DISCOVERY
    for who, (answer, sj_motion, motion_to_dismiss) in _ASSERTIONS.items():
        yield answer
        yield sj_motion
        if not any(x == who for _, x in p.qi_motions):
            yield motion_to_dismiss
    yield from _rulings(p)
    if not p.requests:
        yield _DISCOVERY_MOTION
    yield from _orders(p)
    for requests, discovery in _DISCOVERY:
        if requests <= p.requests:
            yield discovery
    if "oakes" in p.asserted and not p.resolutions:  # QI is decided once (again only if vacated)
        yield from _QI_RULINGS
    yield from _appeals(p)
    yield from _JUDGMENTS


_NUMBERED: dict[tuple[int, int], tuple[m.Entry, m.Entry]] = {}


def _numbered(bare: m.Entry, ref: int) -> m.Entry:
    """``bare`` as docket entry ``ref``: one copy per (entry, position), kept for the next situation."""
    hit = _NUMBERED.get((id(bare), ref))
    if hit is None or hit[0] is not bare:
        hit = _NUMBERED[id(bare), ref] = (bare, bare.model_copy(update={"entry_number": ref}))
    return hit[1]


# --- situations ------------------------------------------------------------------------------------
_NONE: frozenset = frozenset()


def abstract(p: Posture) -> tuple:
    """What the law reads of the posture, entry numbers renumbered 1, 2, ...: equal keys behave alike.

    Once no one who may assert QI is left in the case, no discovery can reach an official again, so
    the gates, requests and orders are left out too. Left out always: motions already ruled on (never referred to again) and the conference dates (the
    alphabet's entries carry no dates, so no deadline can be missed).
    """
    if any(may_assert_qi(p, o) for o in p.in_case):
        gate1, fact_questions, requests, tailored = p.gate1, p.fact_questions, p.requests, p.tailored
        orders = p.orders
    else:
        gate1 = fact_questions = requests = tailored = _NONE
        orders = ()
    qi_motions, pending, resolutions, appeals = p.qi_motions, p.pending_qi_motions, p.resolutions, p.appeals
    motions = ruled = _NONE
    if pending or resolutions or orders or appeals:
        refs = set(pending)
        refs.update([r.entry for r in resolutions], [o.entry for o in orders], [x.entry for x in appeals],
                    [x.from_entry for x in appeals])
        n = {r: i for i, r in enumerate(sorted(refs), 1)}
        deferred = p.deferred_qi_motions
        motions = frozenset([(n[r], w, r in deferred) for r, w in qi_motions if r in pending])
        ruled = frozenset([(r.official, r.outcome, n[r.entry]) for r in resolutions])
        orders = tuple([(n[o.entry], o.against, o.scope, o.authorized) for o in orders])
        appeals = tuple([(n[x.entry], n[x.from_entry], x.frivolous) for x in appeals])
    return (
        p.carswell, p.in_case, p.claimed_qi, p.asserted, frozenset([w for _, w in qi_motions]), motions, ruled,
        gate1, fact_questions, requests, tailored, orders, appeals,
    )


@dataclass
class _Node:
    phase: str
    posture: Posture
    law_as_of: dt.date
    path: tuple[m.Entry, ...]
    skipped: bool  # the path relied on a removed guard
    abstract: tuple = field(default=(), repr=False)  # ``abstract(posture)``, kept for entries that change nothing


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
    seen: dict[tuple, int] = {}
    nodes: list[_Node] = []
    edges: list[set[int]] = []
    fallback = found = None
    transitions = 0

    for day in LAW_AS_OF:
        posture = Posture.start(CAST, day)
        key = (procedure.initial, abstract(posture), False)
        if key not in seen:
            seen[key] = len(nodes)
            nodes.append(_Node(procedure.initial, posture, day, (), False, key[1]))
            edges.append(set())
    here = 0
    while here < len(nodes) and found is None:
        node = nodes[here]
        before, phase, path, skipped_before = node.posture, node.phase, node.path, node.skipped
        ref = len(path) + 1
        succ = edges[here]
        for bare in alphabet(before, phase, procedure):
            entry = _numbered(bare, ref)
            transitions += 1
            if refuses(procedure, entry, before, ref):
                continue  # strict mode: a refused entry changes nothing
            dest, after = advance(procedure, phase, before, entry, ref)
            skipped = skipped_before or (removed and refuses(law, entry, before, ref))
            if bad := [x for x, holds in checks if not holds(before, entry, after)]:
                nxt = _Node(dest, after, node.law_as_of, path + (entry,), skipped)
                if skipped or not removed:
                    found = (nxt, bad[0])
                    break
                fallback = fallback or (nxt, bad[0])
            situation = node.abstract if after is before else abstract(after)
            key = (dest, situation, skipped)
            i = seen.get(key)
            if i is None:
                i = seen[key] = len(nodes)
                nodes.append(_Node(dest, after, node.law_as_of, path + (entry,), skipped, situation))
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


# --- counterexamples -----------------------------------------------------------------------------
def counterexample(path: tuple[m.Entry, ...], law_as_of: dt.date, invariant: Invariant,
                   procedure: Procedure) -> m.Scenario:
    """A format-1 scenario (audit mode) replaying ``path``: the docket a lawyer reads and ``qiflow run`` plays."""
    cites = "; ".join(str(x) for x in invariant.authorities)
    skipped = f" with {', '.join(procedure.removed)} removed" if procedure.removed else ""
    return m.Scenario(
        qiflow=1, title=f"Counterexample to {invariant.name}{skipped}", mode="audit", law_as_of=law_as_of,
        note=f"LAW.md s.{invariant.section}: {invariant.paraphrase} ({cites})",
        parties=list(CAST), docket=list(path),
    )


def scenario_yaml(scenario: m.Scenario) -> str:
    """A scenario as YAML text in the file format (``qiflow run`` reads it back)."""
    data = scenario.model_dump(mode="json", by_alias=True, exclude_none=True)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
