"""What may happen next from a situation, and why the other moves are barred.

Each candidate move is probed with a representative entry and judged by the same guards as a real one.
"""

from __future__ import annotations

import datetime as dt

from qiflow import scenario as m
from qiflow.engine.report import NextMove
from qiflow.engine.step import judge
from qiflow.law import doctrines as d
from qiflow.law.posture import Posture, ref_label
from qiflow.procedure.model import Procedure

_PROBE_REF = 10**9


_PROBES: dict[str, m.Entry] = {}
"""Probe entries already built, by what they say (entries are immutable; bounded, as a corpus varies them)."""


def _probe(event: str, **fields: object) -> m.Entry:
    key = repr((event, fields))
    entry = _PROBES.get(key)
    if entry is None:
        if len(_PROBES) >= 4096:
            _PROBES.clear()
        entry = _PROBES[key] = m.EVENT_MODELS[event].model_validate({"event": event, **fields})
    return entry


def _probes(posture: Posture) -> list[tuple[str, str, m.Entry]]:
    """(actor, what, a representative entry) for the moves a court or party could make now."""
    plaintiff = next((p.id for p in posture.cast if not p.is_defendant), None)
    officials = [o for o in posture.officials if o in posture.in_case]
    unresolved = list(posture.unresolved_officials)
    probes: list[tuple[str, str, m.Entry]] = []
    for motion in posture.pending_motions:
        label = ref_label(motion)
        probes.append(("district court", f"decide the QI motion to dismiss ({label})",
                       _probe("motion_to_dismiss_ruling", motion=motion, outcome="denied")))
        probes.append(("district court", f"put off the ruling on {label} for discovery",
                       _probe("motion_to_dismiss_ruling", motion=motion, outcome="deferred",
                              pleadings_overcome_qi=True, fact_questions=[{"id": "q", "text": "a fact question"}])))
        probes.append(("district court", f"order a Rule 7(a) reply instead of ruling on {label}",
                       _probe("motion_to_dismiss_ruling", motion=motion, outcome="denied_without_prejudice",
                              reply_ordered=True)))
    identified = sorted({q for q, _ in posture.identified}) or ["q"]
    if unresolved:
        authorized = [{"request": r, "addresses": identified} for r in sorted(posture.requests)]
        probes.append(("district court", "order limited QI discovery, making the gate findings",
                       _probe("discovery_order", outcome="granted", scope="limited", against=unresolved,
                              pleadings_overcome_qi=True,
                              fact_questions=[{"id": q, "as_to": unresolved} for q in identified],
                              authorized=authorized)))
        probes.append(("district court", "order general (merits) discovery",
                       _probe("discovery_order", outcome="granted", scope="general")))
    for official in officials:
        probes.append(("plaintiff", f"take discovery from {posture.name(official)}",
                       _probe("discovery", by=plaintiff, against=official)))
    if unresolved:
        probes.append(("district court", "rule on qualified immunity",
                       _probe("qi_ruling", outcome="denied", defendants=unresolved)))
    if posture.in_case:
        probes.append(("district court", "enter judgment for the plaintiff",
                       _probe("judgment", outcome="for_plaintiff")))
    return probes


def next_moves(procedure: Procedure, phase: str, posture: Posture, day: dt.date) -> list[NextMove]:
    """Every probed move, open or barred, each with its reason and authorities as of ``day``.

    A move is barred by the rules strict mode would refuse it for, so only those are asked: the rest would
    only flag it."""
    out = []
    for actor, label, entry in _probes(posture):
        barred = [f.guard.code for f in judge(procedure, entry, posture, _PROBE_REF, barring=True)]
        if barred:
            why = " ".join(f"{code.code}: {code.rule}" for code in barred)
            cites = [x for code in barred for x in d.cited(code.rests_on, day).authorities[:1]]
        elif isinstance(entry, m.DiscoveryOrder) and entry.scope == "limited":
            why = ("Open through the three gates, in order: the pleadings holding, the fact questions, and only "
                   "requests narrowly tailored to them.")
            cites = [x for gate in (d.GATE_1, d.GATE_2, d.GATE_3) for x in d.cited((gate,), day).authorities[:1]]
        else:
            why, cites = "No rule of the careful procedure bars it now.", []
        out.append(NextMove.made(event=entry.event, label=label, actor=actor, open=not barred, why=why,
                                 authorities=list(dict.fromkeys(cites))))
    return out
