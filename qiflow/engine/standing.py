"""Where the case stands, in words: each official's QI, the gates found for them, orders and appeals."""

from __future__ import annotations

from collections.abc import Mapping

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


class Memo:
    """What one report has already said of an official or an order, keyed by the posture records it reads.

    Postures share every record an entry left alone (``Posture.evolve`` copies references), and a report
    keeps all its postures alive, so the records' identities name what an official's standing was made from.
    """

    def __init__(self) -> None:
        self.officials: dict[tuple[object, ...], OfficialStanding] = {}
        self.orders: dict[int, OrderStanding] = {}


def _records(posture: Posture) -> tuple[int, ...]:
    p = posture
    return (id(p.asserted), id(p.in_case), id(p.resolutions), id(p.appeals), id(p.pending), id(p.qi_motions),
            id(p.gate1), id(p.questions), id(p.void))


def _official(posture: Posture, o: str, questions: Mapping[str, str]) -> OfficialStanding:
    return OfficialStanding.made(
        id=o, name=posture.name(o), qi=qi_words(posture, o), burden=posture.carries_burden(o),
        gate1=posture.has_gate1(o),
        fact_questions=[questions.get(q, q) for q in posture.questions_concerning(o)],
        qi_motion_pending=[ref_label(x) for x in posture.pending_for(o)],
        appeal_pending=[ref_label(x.entry) for x in posture.appeals_by(o)],
        in_case=o in posture.in_case,
    )


def standing(procedure: Procedure, phase: str, posture: Posture, texts: Texts, memo: Memo | None = None) -> Standing:
    """The posture after an entry, for the report, the stepper and the pages (``memo``: shared within one report)."""
    requests, questions = texts.requests, texts.questions
    memo = memo or Memo()
    records = _records(posture)
    officials = []
    for o in posture.officials:
        key = (*records, o)
        said = memo.officials.get(key)
        if said is None:
            said = memo.officials[key] = _official(posture, o, questions)
        officials.append(said)
    orders = []
    for order in posture.orders:
        got = memo.orders.get(id(order))
        if got is None:
            got = memo.orders[id(order)] = OrderStanding.made(
                label=ref_label(order.entry), scope=order.scope, against=[posture.name(p) for p in sorted(order.against)],
                authorized=[requests.get(a.request, a.request) for a in order.authorized])
        orders.append(got)
    return Standing.made(phase=phase, phase_label=procedure.phase[phase].label, officials=officials,
                         orders_in_force=orders, appeals_pending=[ref_label(x.entry) for x in posture.pending_appeals])
