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
from typing import Iterator

import yaml

from qiflow import models as m
from qiflow.effects import apply
from qiflow.engine import judge
from qiflow.invariants import NO_DEAD_ENDS, SAFETY, Invariant, broken, decided, may_assert_qi
from qiflow.posture import CARSWELL_EFFECTIVE, Posture
from qiflow.procedure import PROCEDURE, Procedure

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


def _orders(p: Posture) -> Iterator[m.Entry]:
    yield _e(m.DiscoveryOrder, outcome="denied", fact_questions=_fq("q1"))
    if len(p.orders) >= MAX_ORDERS:
        return
    yield _e(m.DiscoveryOrder, outcome="granted", scope="general", pleadings_overcome_qi=True,
             fact_questions=_fq("q1"))
    if "r1" not in p.requests:
        return
    for gate1, questions, auth in ((True, ("q1",), _auth("r1", "q1")), (False, ("q1",), _auth("r1", "q1")),
                                   (True, (), _auth("r1")), (True, ("q1",), _auth("r2"))):
        yield _e(m.DiscoveryOrder, outcome="granted", against=["oakes"], pleadings_overcome_qi=gate1,
                 fact_questions=_fq(*questions), authorized=auth)


def _rulings(p: Posture) -> Iterator[m.Entry]:
    for motion in sorted(p.pending_qi_motions):
        for outcome in ("granted", "granted_in_part", "denied", "denied_without_prejudice"):
            yield _e(m.MotionToDismissRuling, motion=motion, outcome=outcome)
        yield _e(m.MotionToDismissRuling, motion=motion, outcome="deferred", pleadings_overcome_qi=True,
                 fact_questions=_fq("q1"))


def _appeals(p: Posture) -> Iterator[m.Entry]:
    if not p.appeals:  # the official's appeal, one at a time, from a denial of QI or an order in force
        for source in sorted({r.entry for r in p.resolutions if r.outcome == "denied"} | {o.entry for o in p.orders}):
            yield m.Appeal(event="appeal", by="oakes", **{"from": source})
    for x in p.appeals:
        if not x.frivolous:
            yield _e(m.FrivolousCertification, appeal=x.entry)
        for outcome in ("affirmed", "reversed", "vacated"):  # "dismissed" acts as "affirmed"
            yield _e(m.AppealRuling, appeal=x.entry, outcome=outcome)


_FILINGS: tuple[m.Entry, ...] = (
    _e(m.Complaint, by="pat"), _e(m.ReplyOrder), _e(m.Reply, by="pat"), _e(m.SjNotice, by="oakes"),
    _e(m.Response, by="oakes"), _e(m.Referral, to="magistrate judge"),
    _e(m.ConferenceOrder, confer_by=dt.date(2030, 1, 1), report_by=dt.date(2030, 2, 1)), _e(m.Conference),
)
"""Entries that only move the phase. Offered where the procedure expects them, before any ruling or order:
elsewhere they settle by the posture and reach nothing new."""


def alphabet(p: Posture, phase: str, procedure: Procedure) -> Iterator[m.Entry]:
    """Every abstract entry to try from a situation (ids refer only to what exists).

    Left out as they change nothing and no blocking guard reads them: ``order``, ``other`` and
    discovery from the municipality (a warning at most, LAW.md s.2).
    """
    early = not (p.resolutions or p.orders or p.appeals)
    for filing in _FILINGS:
        if early and procedure.in_usual_order(phase, filing.event):
            yield filing
    if early and p.requests:
        yield _e(m.JointReport, agreed=["r1"], disputed=["r2"])
        yield _e(m.Supplement, by="pat", requests=["r2"])
    for who in ("oakes", "city"):
        yield _e(m.Answer, by=who, asserts_qi=True)
        yield _e(m.SjMotion, by=who, asserts_qi=True)
        if not any(x == who for _, x in p.qi_motions):
            yield _e(m.MotionToDismiss, by=who, asserts_qi=True, rule="12(b)(6)")
    yield from _rulings(p)
    if not p.requests:
        yield _e(m.DiscoveryMotion, by="pat", requests=[m.Request(id="r1", text="tailored"),
                                                       m.Request(id="r2", text="loose")])
    yield from _orders(p)
    for requests in (["r1"], ["r2"], []):
        if set(requests) <= p.requests:
            yield _e(m.Discovery, by="pat", against="oakes", requests=requests)
    if "oakes" in p.asserted and not p.resolutions:  # QI is decided once (again only if vacated)
        for outcome in ("granted", "granted_in_part", "denied"):
            yield _e(m.QiRuling, outcome=outcome, defendants=["oakes"])
    yield from _appeals(p)
    for named in (None, ["oakes"]):
        yield _e(m.Judgment, outcome="dismissed", defendants=named)


# --- situations ------------------------------------------------------------------------------------
def abstract(p: Posture) -> tuple:
    """What the law reads of the posture, entry numbers renumbered 1, 2, ...: equal keys behave alike.

    Once no one who may assert QI is left in the case, no discovery can reach an official again, so
    the gates, requests and orders are left out too. Left out always: motions already ruled on (never referred to again) and the conference dates (the
    alphabet's entries carry no dates, so no deadline can be missed).
    """
    if not any(may_assert_qi(p, o) for o in p.in_case):
        p = p.evolve(gate1=frozenset(), fact_questions=frozenset(), requests=frozenset(), tailored=frozenset(),
                     orders=())
    refs = sorted(p.pending_qi_motions | {r.entry for r in p.resolutions} | {o.entry for o in p.orders}
                  | {x.entry for x in p.appeals} | {x.from_entry for x in p.appeals})
    n = {r: i for i, r in enumerate(refs, 1)}.__getitem__
    pending = {r: w for r, w in p.qi_motions if r in p.pending_qi_motions}
    return (
        p.carswell, p.in_case, p.claimed_qi, p.asserted, frozenset(w for _, w in p.qi_motions),
        frozenset((n(r), w, r in p.deferred_qi_motions) for r, w in pending.items()),
        frozenset((r.official, r.outcome, n(r.entry)) for r in p.resolutions), p.gate1, p.fact_questions,
        p.requests, p.tailored, tuple((n(o.entry), o.against, o.scope, o.authorized) for o in p.orders),
        tuple((n(x.entry), n(x.from_entry), x.frivolous) for x in p.appeals),
    )


@dataclass
class _Node:
    phase: str
    posture: Posture
    law_as_of: dt.date
    path: tuple[m.Entry, ...]
    skipped: bool  # the path relied on a removed guard


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


def _refused(procedure: Procedure, entry: m.Entry, posture: Posture, ref: int) -> bool:
    return any(f.guard.blocks for f in judge(procedure, entry, posture, ref))


def explore(procedure: Procedure = PROCEDURE, invariants: tuple[Invariant, ...] = SAFETY,
            law: Procedure = PROCEDURE) -> Exploration:
    """Breadth-first over every reachable situation of ``procedure`` in strict mode.

    With guards removed, prefer the shortest counterexample that passes through an entry ``law``
    (the full procedure) would have refused: it shows what skipping the guard lets through.
    """
    start = time.perf_counter()
    out = Exploration(procedure)
    final = {p.name for p in procedure.phases if p.final}
    seen: dict[tuple, int] = {}
    nodes: list[_Node] = []
    edges: list[set[int]] = []
    fallback = found = None

    def visit(node: _Node) -> int:
        key = (node.phase, abstract(node.posture), node.skipped)
        if key not in seen:
            seen[key] = len(nodes)
            nodes.append(node)
            edges.append(set())
        return seen[key]

    for day in LAW_AS_OF:
        visit(_Node(procedure.initial, Posture.start(CAST, day), day, (), False))
    here = 0
    while here < len(nodes) and found is None:
        node = nodes[here]
        ref = len(node.path) + 1
        for bare in alphabet(node.posture, node.phase, procedure):
            entry = bare.model_copy(update={"entry_number": ref})
            out.transitions += 1
            if _refused(procedure, entry, node.posture, ref):
                continue  # strict mode: a refused entry changes nothing
            after = apply(entry, node.posture, ref)
            skipped = node.skipped or (bool(procedure.removed) and _refused(law, entry, node.posture, ref))
            nxt = _Node(procedure.next_phase(node.phase, entry, after), after, node.law_as_of,
                        node.path + (entry,), skipped)
            if bad := broken(node.posture, entry, after, invariants):
                if skipped or not procedure.removed:
                    found = (nxt, bad[0])
                    break
                fallback = fallback or (nxt, bad[0])
            edges[here].add(visit(nxt))
        here += 1
    out.situations = len(nodes)
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
