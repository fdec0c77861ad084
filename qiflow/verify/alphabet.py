"""The abstract docket entries the explorer tries from a situation (XState's "events"), with small
parameter choices and bounds on repetition that keep the space finite.

The cast is one plaintiff, one official sued individually and a city (which may not assert QI). Every
bare entry is built once (building pydantic models was a fifth of the explorer's time) and numbered per
docket position by ``numbered``; entries are frozen, so sharing one object between paths is safe.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import cache

from qiflow import scenario as m
from qiflow.law.eras import CARSWELL, WICKS
from qiflow.law.posture import Posture
from qiflow.procedure.model import Procedure
from qiflow.verify.situation import latest_source

CAST: tuple[m.Party, ...] = (
    m.Party(id="pat", name="Pat Plaintiff", role=m.Role.PLAINTIFF),
    m.Party(id="oakes", name="Officer Oakes", role=m.Role.DEFENDANT),
    m.Party(id="city", name="City of Springfield", role=m.Role.DEFENDANT, kind=m.Kind.MUNICIPALITY),
)

LAW_AS_OF: tuple[dt.date, ...] = (WICKS - dt.timedelta(days=1), CARSWELL - dt.timedelta(days=1), CARSWELL)
"""One day in each era: before Wicks, from Wicks until Carswell, from Carswell."""

MAX_ORDERS = 1
"""Discovery orders a path may enter (any outcome), and granting orders in force at once: 1."""
MAX_MOTIONS = 1
"""QI motions to dismiss the official may file (a renewed motion replaces the first)."""
MAX_RULINGS = 1
"""Rulings (on a motion to dismiss, or on QI) a path may hold: a ruling undone on appeal can be made again."""
MAX_QI_RULINGS = 1


def _e(kind: type[m.Entry], **fields: object) -> m.Entry:
    return kind.model_validate({"event": kind.model_fields["event"].annotation.__args__[0], **fields})  # type: ignore[union-attr]


def _fq(*ids: str, as_to: list[str] | None = None) -> list[dict[str, object]]:
    return [{"id": q, "text": f"question {q}", **({"as_to": as_to} if as_to is not None else {})} for q in ids]


def _auth(request: str, *questions: str) -> list[dict[str, object]]:
    return [{"request": request, "addresses": list(questions)}]


_FILINGS: tuple[m.Entry, ...] = (
    _e(m.Complaint, by="pat"), _e(m.ReplyOrder), _e(m.Reply, by="pat"), _e(m.SjNotice, by="oakes"),
    _e(m.Response, by="oakes"), _e(m.Referral, to="magistrate judge"),
    _e(m.ConferenceOrder, confer_by=dt.date(2030, 1, 1), report_by=dt.date(2030, 2, 1)), _e(m.Conference),
)
"""Entries that only move the phase, offered where the procedure expects them, before any ruling or order."""
_EARLY_DISCOVERY = (_e(m.JointReport, agreed=["r1"], disputed=["r2"]), _e(m.Supplement, by="pat", requests=["r2"]))
_ASSERTIONS = (_e(m.Answer, by="oakes", asserts_qi=True), _e(m.Answer, by=["city", "oakes"], asserts_qi=True), _e(m.SjMotion, by="oakes", asserts_qi=True))
_MOTION = _e(m.MotionToDismiss, by="oakes", asserts_qi=True, rule="12(b)(6)")
_DISCOVERY_MOTION = _e(m.DiscoveryMotion, by="pat", requests=[{"id": "r1", "text": "tailored"},
                                                               {"id": "r2", "text": "loose"}])
_DISCOVERY = tuple((frozenset(requests), _e(m.Discovery, by="pat", against="oakes", requests=requests))
                   for requests in (["r1"], ["r2"], []))
_DENIED_ORDER = _e(m.DiscoveryOrder, outcome="denied", fact_questions=_fq("q1"))
_GENERAL_ORDER = _e(m.DiscoveryOrder, outcome="granted", scope="general", pleadings_overcome_qi=True,
                    fact_questions=_fq("q1"))
_LIMITED_ORDERS = tuple(
    _e(m.DiscoveryOrder, outcome="granted", against=["oakes"], pleadings_overcome_qi=gate1,
       fact_questions=questions, authorized=auth)
    for gate1, questions, auth in ((True, _fq("q1"), _auth("r1", "q1")), (False, _fq("q1"), _auth("r1", "q1")),
                                   (True, [], _auth("r1")), (True, _fq("q1"), _auth("r2")),
                                   (True, _fq("q1", as_to=["city"]), _auth("r1", "q1"))))
_QI_RULINGS = tuple(_e(m.QiRuling, outcome=outcome, defendants=["oakes"]) for outcome in ("granted", "denied"))
_JUDGMENTS = (_e(m.Judgment, outcome="dismissed"), _e(m.Judgment, outcome="for_plaintiff"))


@cache
def _rulings_on(motion: int) -> tuple[m.Entry, ...]:
    plain = tuple(_e(m.MotionToDismissRuling, motion=motion, outcome=outcome)
                  for outcome in ("granted", "denied", "denied_without_prejudice"))
    return plain + (
        _e(m.MotionToDismissRuling, motion=motion, outcome="deferred", pleadings_overcome_qi=True,
           fact_questions=_fq("q1")),
        _e(m.MotionToDismissRuling, motion=motion, outcome="deferred", fact_questions=_fq("q1")),
        _e(m.MotionToDismissRuling, motion=motion, outcome="denied_without_prejudice", reply_ordered=True),
    )


@cache
def _appeal(source: int, by: str) -> m.Entry:
    return _e(m.Appeal, by=by, **{"from": source})


@cache
def _on_appeal(appeal: int) -> tuple[m.Entry, ...]:
    return (_e(m.FrivolousCertification, appeal=appeal),) + tuple(
        _e(m.AppealRuling, appeal=appeal, outcome=outcome) for outcome in ("affirmed", "reversed", "vacated"))


def alphabet(p: Posture, phase: str, procedure: Procedure) -> Iterator[m.Entry]:
    """Every abstract entry to try from a situation (ids refer only to what exists).

    Left out, as they change nothing a guard or invariant reads: ``order``, ``other`` and discovery from
    the city (a warning at most). Once the official is out of the case, only what could bring them back (an
    appeal from the latest ruling) or end the case is offered.
    """
    if "oakes" not in p.in_case:
        yield from _appeals(p)
        if p.in_case:
            yield from _JUDGMENTS
        return
    if not (p.resolutions or p.orders or p.appeals or p.discovery_orders):
        for filing in _FILINGS:
            if procedure.in_usual_order(phase, filing.event):
                yield filing
        if p.requests:
            yield from _EARLY_DISCOVERY
        else:  # filing it later reaches nothing new: requests matter only once an order authorizes them
            yield _DISCOVERY_MOTION
    yield from _ASSERTIONS
    motions = sum(1 for q in p.qi_motions if q.official == "oakes")
    if motions < MAX_MOTIONS and not p.pending_for("oakes"):
        yield _MOTION
    if len(p.rulings) < MAX_RULINGS:
        for motion in p.pending_motions:
            yield from _rulings_on(motion)
    if len(p.discovery_orders) < MAX_ORDERS:
        yield _DENIED_ORDER
        if not p.orders:
            yield _GENERAL_ORDER
            if "r1" in p.requests:
                yield from _LIMITED_ORDERS
    for requests, discovery in _DISCOVERY:
        if requests <= p.requests:
            yield discovery
    if (p.qi_unresolved("oakes") and len(p.rulings) < MAX_RULINGS
            and sum(1 for r in p.rulings if r.kind == "qi_ruling") < MAX_QI_RULINGS):
        yield from _QI_RULINGS
    yield from _appeals(p)
    if p.in_case:
        yield from _JUDGMENTS


def _appeals(p: Posture) -> Iterator[m.Entry]:
    on_file = p.appeals + p.final_appeals
    source = latest_source(p)
    if not on_file and source is not None:  # only from the latest ruling, order or judgment: appeals are prompt
        if source in p.judgments:
            yield _appeal(source, "pat")
        elif any(o.entry == source for o in p.orders) or any(
                r.entry == source and r.ruled_on and (r.denies_qi or r.outcome == "deferred") for r in p.rulings):
            yield _appeal(source, "oakes")  # the official's appeal from an order, a denial or a refusal to rule
    for x in on_file:
        yield from _on_appeal(x.entry)[0 if x.interlocutory and not x.frivolous else 1:]


_NUMBERED: dict[tuple[int, int], tuple[m.Entry, m.Entry]] = {}


def numbered(bare: m.Entry, ref: int) -> m.Entry:
    """``bare`` as docket entry ``ref``: one copy per (entry, position), kept for the next situation."""
    hit = _NUMBERED.get((id(bare), ref))
    if hit is None or hit[0] is not bare:
        hit = _NUMBERED[id(bare), ref] = (bare, bare.model_copy(update={"entry_number": ref}))
    return hit[1]
