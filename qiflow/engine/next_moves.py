"""What may happen next from a situation, and why the other moves are barred.

Each candidate move is probed with a representative entry and judged by the same guards as a real one.
"""

from __future__ import annotations

from qiflow import scenario as m
from qiflow.engine.report import NextMove
from qiflow.engine.step import judge
from qiflow.law.guards import GATES
from qiflow.law.posture import Posture
from qiflow.procedure.careful import Procedure

_PROBE_REF = 10**9


def _probes(posture: Posture) -> list[tuple[str, m.Entry]]:
    """Representative entries for the moves a court or party could make now."""
    plaintiff = next((p.id for p in posture.cast if not p.is_defendant), None)
    officials = [o for o in posture.officials if o in posture.in_case]
    probes: list[tuple[str, m.Entry]] = []
    for motion in sorted(posture.pending_qi_motions):
        probes.append(("decide the QI motion to dismiss",
                       m.MotionToDismissRuling(event="motion_to_dismiss_ruling", motion=motion, outcome="denied")))
        probes.append(("defer the QI ruling pending discovery",
                       m.MotionToDismissRuling(event="motion_to_dismiss_ruling", motion=motion, outcome="deferred",
                                               pleadings_overcome_qi=True, fact_questions=[m.FactQuestion(id="q")])))
    identified = sorted(posture.fact_questions) or ["q"]
    authorized = [m.Authorization(request=r, addresses=identified) for r in sorted(posture.requests)]
    if posture.unresolved_officials:
        probes.append(("order limited QI discovery, making the gate findings",
                       m.DiscoveryOrder(event="discovery_order", outcome="granted", scope="limited",
                                        against=list(posture.unresolved_officials), pleadings_overcome_qi=True,
                                        fact_questions=[m.FactQuestion(id=q) for q in identified],
                                        authorized=authorized)))
        probes.append(("order general (merits) discovery",
                       m.DiscoveryOrder(event="discovery_order", outcome="granted", scope="general")))
    for official in officials:
        probes.append((f"take discovery from {posture.name(official)}",
                       m.Discovery(event="discovery", by=plaintiff, against=official)))
    if posture.unresolved_officials:
        probes.append(("rule on qualified immunity", m.QiRuling(event="qi_ruling", outcome="denied")))
    if posture.in_case:
        probes.append(("enter judgment", m.Judgment(event="judgment", outcome="dismissed")))
    return probes


def next_moves(procedure: Procedure, phase: str, posture: Posture) -> list[NextMove]:
    """Every probed move, open or barred, each with its reason and authorities."""
    out = []
    for label, entry in _probes(posture):
        findings = [f for f in judge(procedure, entry, posture, _PROBE_REF) if f.guard.blocks]
        if findings:
            why = " ".join(f"{f.code}: {f.guard.code.rule}" for f in findings)
            cites = [str(f.guard.code.authorities[0]) for f in findings]
        elif isinstance(entry, m.DiscoveryOrder) and entry.scope == "limited":
            why = ("Open through the three gates, in order: the pleadings finding, the fact questions, "
                   "and only requests narrowly tailored to them.")
            cites = [str(gate.authorities[0]) for gate in GATES]
        else:
            why, cites = "No rule of the careful procedure bars it now.", []
        out.append(NextMove(event=entry.event, label=label, actor=procedure.move[entry.event].actor,
                            open=not findings, why=why,
                            authorities=list(dict.fromkeys(cites))))
    return out
