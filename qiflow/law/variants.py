"""Named variants of the law, for showing what a rule is for (OpenFisca's "reforms").

``v1`` is LAW.md as first written: an order in force covered a party for what it authorized whatever had
happened since, and discovery raised no QI101. The verifier proved that let discovery reach an official
without the gates (an order entered before QI was asserted; a QI motion filed after the order; a denial
vacated on appeal); version 2 judges "covers" at the moment (LAW.md s.12, item 1). Kept so the
counterexamples can still be shown in class (``qiflow verify --law v1``, ``scenarios/law-gaps/``).
"""

from __future__ import annotations

from qiflow import scenario as m
from qiflow.law import guards as g
from qiflow.law.guards import Details, Guard, guard
from qiflow.law.posture import Posture


def _covered_v1(posture: Posture, party: str, requests: frozenset[str]) -> bool:
    """Version 1's "covers": an order in force naming the party, general, or authorizing every request listed."""
    return any(party in o.against and (o.scope == "general" or bool(requests) and
                                       requests <= {a.request for a in o.authorized})
               for o in posture.orders)


@guard("QI301", on=(m.Discovery,), asks="Version 1: does an order in force authorize this discovery from the official?")
def stay_of_discovery_v1(entry: m.Entry, posture: Posture, ref: int) -> Details | None:
    """Version 1: QI301 unless an order in force covers the discovery, however the posture has changed since."""
    assert isinstance(entry, m.Discovery)
    if not posture.qi_unresolved(entry.against) or _covered_v1(posture, entry.against, frozenset(entry.requests)):
        return None
    return {"party": posture.name(entry.against)}


V1_DISCOVERY: tuple[Guard, ...] = (g.no_discovery_during_appeal, stay_of_discovery_v1, g.codefendant_discovery)
"""Version 1's rules on ``discovery``: no QI101, and the old "covers"."""

VARIANTS: dict[str, str] = {
    "v2": "version 2, the law qiflow judges by, as docs/law.md states it",
    "v1": "version 1, as first written: orders in force outlive the posture that justified them",
}
