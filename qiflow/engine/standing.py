"""Where the case stands, in words: each official's QI, the gates found for them, orders and appeals."""

from __future__ import annotations

from qiflow.engine.explain import Texts
from qiflow.engine.report import OfficialStanding, OrderStanding, Standing
from qiflow.law.posture import Posture, ref_label
from qiflow.procedure.model import Procedure


def qi_words(posture: Posture, official: str) -> str:
    """An official's QI in words a student reads."""
    if official not in posture.asserted:
        return "not asserted"
    resolution = posture.resolution(official)
    if official not in posture.in_case:
        if resolution and resolution.outcome == "granted":
            return "granted by the court of appeals: out of the case" if resolution.stage == "appeal" \
                else "granted: out of the case"
        return "out of the case"
    if not posture.qi_resolved(official) or resolution is None:
        return "asserted, undecided"
    outcome = resolution.outcome.replace("_", " ")
    if resolution.stage == "pleadings":
        return f"decided at the pleadings stage ({outcome})"
    return f"decided on the record ({outcome})"


def standing(procedure: Procedure, phase: str, posture: Posture, texts: Texts) -> Standing:
    """The posture after an entry, for the report, the stepper and the pages."""
    requests, questions = texts.requests, texts.questions
    officials = [
        OfficialStanding(
            id=o, name=posture.name(o), qi=qi_words(posture, o), burden=posture.carries_burden(o),
            gate1=posture.has_gate1(o),
            fact_questions=[questions.get(q, q) for q in posture.questions_concerning(o)],
            qi_motion_pending=[ref_label(x) for x in posture.pending_for(o)],
            appeal_pending=[ref_label(x.entry) for x in posture.appeals_by(o)],
            in_case=o in posture.in_case,
        )
        for o in posture.officials
    ]
    orders = [
        OrderStanding(label=ref_label(o.entry), scope=o.scope, against=[posture.name(p) for p in sorted(o.against)],
                      authorized=[requests.get(a.request, a.request) for a in o.authorized])
        for o in posture.orders
    ]
    return Standing(phase=phase, phase_label=procedure.phase[phase].label, officials=officials, orders_in_force=orders,
                    appeals_pending=[ref_label(x.entry) for x in posture.pending_appeals])
