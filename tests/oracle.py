"""An independent reading of LAW.md s.11: the codes each entry of an audit-mode docket raises.

Written from the law's text over the scenario models only (no qiflow.law.guards, effects or posture), so
that agreement with the engine means something.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from qiflow import scenario as m

CARSWELL = dt.date(2022, 6, 17)


@dataclass
class _Order:
    against: set[str]
    general: bool
    authorized: set[str]

    def covers(self, party: str) -> bool:
        return party in self.against and (self.general or bool(self.authorized))

    def covers_discovery(self, party: str, requests: set[str]) -> bool:
        return party in self.against and (self.general or (bool(requests) and requests <= self.authorized))


@dataclass
class Law:
    """The terms of s.11, kept as the docket unfolds."""

    cast: dict[str, m.Party]
    carswell: bool
    in_case: set[str] = field(default_factory=set)
    asserted: set[str] = field(default_factory=set)
    qi_motions: dict[int, str] = field(default_factory=dict)
    pending_motions: set[int] = field(default_factory=set)
    decided: dict[str, tuple[str, int]] = field(default_factory=dict)  # official -> (outcome, entry)
    appeals: dict[int, tuple[int, bool]] = field(default_factory=dict)  # appeal -> (from, frivolous)
    orders: dict[int, _Order] = field(default_factory=dict)
    gate1: set[str] = field(default_factory=set)
    questions: set[str] = field(default_factory=set)
    deadlines: tuple[dt.date, dt.date] | None = None

    def eligible(self, who: str | None) -> bool:
        p = self.cast.get(who or "")
        return (p is not None and p.role is m.Role.DEFENDANT and p.kind is m.Kind.OFFICIAL
                and p.capacity is not m.Capacity.OFFICIAL)

    def appeal_pending(self) -> bool:
        return any(not frivolous for _, frivolous in self.appeals.values())

    def unresolved(self, who: str) -> bool:
        if who not in self.asserted or who not in self.in_case:
            return False
        if who not in self.decided:
            return True
        outcome, entry = self.decided[who]
        return outcome == "denied" and any(src == entry and not fr for src, fr in self.appeals.values())

    def some_unresolved(self) -> bool:
        return any(self.unresolved(p) for p in self.cast)

    def covered(self, party: str, requests: set[str]) -> bool:
        return any(o.covers_discovery(party, requests) for o in self.orders.values())

    def decide(self, who: str, outcome: str, entry: int) -> None:
        self.decided[who] = (outcome, entry)
        if outcome == "granted":
            self.in_case.discard(who)


def codes(scenario: m.Scenario, today: dt.date) -> list[list[str]]:
    """The codes each entry raises, in docket order (audit mode: every entry takes effect)."""
    law = Law({p.id: p for p in scenario.parties}, (scenario.law_as_of or today) >= CARSWELL)
    law.in_case = {p.id for p in scenario.parties if p.role is m.Role.DEFENDANT}
    return [_judge_and_apply(law, e, e.entry_number if e.entry_number is not None else -i)
            for i, e in enumerate(scenario.docket, 1)]


def _judge_and_apply(law: Law, e: m.Entry, ref: int) -> list[str]:
    out: list[str] = []
    if isinstance(e, (m.Answer, m.MotionToDismiss, m.SjMotion)) and e.asserts_qi:
        if law.eligible(e.by):
            law.asserted.add(e.by)
            if isinstance(e, m.MotionToDismiss):
                law.qi_motions[ref] = e.by
                law.pending_motions.add(ref)
        else:
            out.append("QI001")
    elif isinstance(e, m.MotionToDismissRuling) and e.motion in law.qi_motions:
        who = law.qi_motions[e.motion]
        if e.outcome in ("deferred", "denied_without_prejudice"):
            if law.carswell or not (e.pleadings_overcome_qi and e.fact_questions):
                out.append("QI102")
            law.gate1 |= {who} if e.pleadings_overcome_qi else set()
            law.questions |= {q.id for q in e.fact_questions}
        else:
            law.pending_motions.discard(e.motion)
            if e.outcome == "denied":
                law.gate1.add(who)
            law.decide(who, e.outcome, ref)
    elif isinstance(e, m.DiscoveryOrder):
        out = _order(law, e, ref)
    elif isinstance(e, m.Discovery):
        requests = set(e.requests)
        if law.unresolved(e.against):
            out += ["QI401"] if law.appeal_pending() else []
            out += [] if law.covered(e.against, requests) else ["QI301"]
        elif (law.cast[e.against].role is m.Role.DEFENDANT and not law.covered(e.against, requests)
              and law.some_unresolved()):
            out.append("QI303")
    elif isinstance(e, m.QiRuling):
        named = e.defendants if e.defendants is not None else [
            p for p in law.cast if law.cast[p].is_official and p in law.asserted and p in law.in_case]
        for who in named:
            if law.eligible(who):  # only an official holds QI; a grant takes "the official" out
                law.decide(who, e.outcome, ref)
    elif isinstance(e, m.Appeal):
        law.appeals[ref] = (e.from_, False)
    elif isinstance(e, m.FrivolousCertification) and e.appeal in law.appeals:
        law.appeals[e.appeal] = (law.appeals[e.appeal][0], True)
    elif isinstance(e, m.AppealRuling):
        _appeal_ruling(law, e)
    elif isinstance(e, m.Judgment):
        law.in_case -= set(e.defendants) if e.defendants is not None else set(law.in_case)
    elif isinstance(e, m.ConferenceOrder):
        law.deadlines = (e.confer_by, e.report_by)
    elif isinstance(e, (m.Conference, m.JointReport)) and law.deadlines and e.date_filed:
        late = e.date_filed > law.deadlines[0 if isinstance(e, m.Conference) else 1]
        out += [("QI501" if isinstance(e, m.Conference) else "QI502")] if late else []
    return out


def _order(law: Law, e: m.DiscoveryOrder, ref: int) -> list[str]:
    identified = law.questions | {q.id for q in e.fact_questions}
    law.questions = identified
    if e.outcome == "denied":
        return []
    order = _Order(set(e.against) if e.against is not None else
                   {p for p in law.cast if law.cast[p].role is m.Role.DEFENDANT},
                   e.scope == "general", {a.request for a in e.authorized})
    covered = [p for p in law.cast if order.covers(p) and law.cast[p].role is m.Role.DEFENDANT]
    officials = [p for p in covered if law.unresolved(p)]
    out = ["QI101"] if law.carswell and law.pending_motions else []
    out += ["QI401"] if law.appeal_pending() else []
    if officials:
        held = law.gate1 | (set(covered) if e.pleadings_overcome_qi else set())
        out += [] if set(officials) <= held else ["QI201"]
        out += [] if identified else ["QI202"]
        if e.scope == "general":
            out.append("QI302")
        elif any(not set(a.addresses) & identified for a in e.authorized):
            out.append("QI203")
    elif any(p not in officials for p in covered) and law.some_unresolved():
        out.append("QI303")
    law.orders[ref] = order
    if e.pleadings_overcome_qi:
        law.gate1 |= {p for p in covered if law.cast[p].is_official}
    return out


def _appeal_ruling(law: Law, e: m.AppealRuling) -> None:
    if e.appeal not in law.appeals:
        return
    source, _ = law.appeals.pop(e.appeal)
    if e.outcome not in ("reversed", "vacated"):
        return
    law.orders.pop(source, None)
    for who, (outcome, entry) in list(law.decided.items()):
        if entry == source and outcome == "denied":
            if e.outcome == "reversed":
                law.in_case.discard(who)
            else:
                del law.decided[who]
