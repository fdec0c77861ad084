"""Readings of LAW.md s.11 that random dockets reach only rarely, each pinned with the sentence it follows.

Each docket is judged by the engine (``audit`` and ``verdict``) and by the independent oracle; both must give
the result written here. A wide random run against the oracle found the engine apart from it on each of these
(a second ruling on one appeal ignored, a grant on appeal of a ruling that decided nothing, a motion pending
again though another ruling still decides it, an official back in the case though a judgment still stands,
narrow tailoring judged for a co-defendant, an appeal or a grant on appeal read off an entry strict mode
refused).
"""

from __future__ import annotations

import pytest
import yaml

from qiflow.engine.verdict import verdict
from qiflow.scenario import Scenario
from tests.support.oracle import judge
from tests.test_differential import engine_verdict

PARTIES = """
parties:
  - {id: p, name: P, role: plaintiff}
  - {id: a, name: Officer A, role: defendant}
  - {id: city, name: City, role: defendant, kind: municipality}
docket:
"""

CASES = {
    # "appeal_ruling on appeal A from entry F ... A stops being pending whatever the outcome. Then: ...
    # reversed or vacated undoes F": a later ruling on the same appeal (the en banc court's) still undoes F.
    "en banc reversal after a panel affirmance": ("""
  - {entry_number: 2, event: motion_to_dismiss, by: a, asserts_qi: true}
  - {entry_number: 3, event: motion_to_dismiss_ruling, motion: 2, outcome: denied}
  - {entry_number: 4, event: appeal, by: a, from: 3}
  - {entry_number: 5, event: appeal_ruling, appeal: 4, outcome: affirmed}
  - {entry_number: 6, event: appeal_ruling, appeal: 4, outcome: reversed}
  - {entry_number: 7, event: discovery_order, outcome: granted, scope: general, against: [a]}
""", {}, False),
    "en banc vacatur after a panel affirmance: the motion is pending again": ("""
  - {entry_number: 2, event: motion_to_dismiss, by: a, asserts_qi: true}
  - {entry_number: 3, event: motion_to_dismiss_ruling, motion: 2, outcome: denied}
  - {entry_number: 4, event: appeal, by: a, from: 3}
  - {entry_number: 5, event: appeal_ruling, appeal: 4, outcome: affirmed}
  - {entry_number: 6, event: appeal_ruling, appeal: 4, outcome: vacated}
  - {entry_number: 7, event: discovery, by: p, against: a}
""", {7: ["QI101", "QI301"]}, None),
    # "F a ruling on a QI motion to dismiss ...: with renders: qi_granted ... QI is granted by the court of
    # appeals for them": F ruled on a motion the official had replaced, and decided nothing; the grant is the
    # court of appeals' own.
    "renders on a ruling on a replaced motion": ("""
  - {entry_number: 2, event: motion_to_dismiss, by: a, asserts_qi: true}
  - {entry_number: 3, event: motion_to_dismiss, by: a, asserts_qi: true}
  - {entry_number: 4, event: motion_to_dismiss_ruling, motion: 2, outcome: denied}
  - {entry_number: 5, event: appeal, by: a, from: 4}
  - {entry_number: 6, event: appeal_ruling, appeal: 5, outcome: reversed, renders: qi_granted, as_to: [a]}
  - {entry_number: 7, event: discovery_order, outcome: granted, scope: general, against: [a]}
""", {}, False),
    # "when the outcome is reversed, F denied QI in whole or in part ... and the official is among the appeal's
    # filers": a QI ruling with no official in the case who asserted QI denied QI to no one, so reversing it
    # grants A nothing (A is then still in the case, and QI never asserted: the order covers A for all).
    "reversal of a ruling that denied QI to no one": ("""
  - {entry_number: 2, event: qi_ruling, outcome: denied}
  - {entry_number: 3, event: appeal, by: a, from: 2}
  - {entry_number: 4, event: appeal_ruling, appeal: 3, outcome: reversed, as_to: [a]}
  - {entry_number: 5, event: discovery_order, outcome: granted, scope: general, against: [a]}
""", {}, False),
    # "pending ... until a ruling on it that decides it ... A deciding ruling later undone on appeal no longer
    # decides it": with another deciding ruling still standing, the motion stays decided.
    "a motion decided twice, one ruling vacated": ("""
  - {entry_number: 2, event: motion_to_dismiss, by: a, asserts_qi: true}
  - {entry_number: 3, event: motion_to_dismiss_ruling, motion: 2, outcome: denied}
  - {entry_number: 4, event: appeal, by: a, from: 3}
  - {entry_number: 5, event: motion_to_dismiss_ruling, motion: 2, outcome: converted}
  - {entry_number: 6, event: appeal_ruling, appeal: 4, outcome: vacated}
  - {entry_number: 7, event: discovery, by: p, against: a}
""", {7: ["QI301"]}, None),
    # "A grant in whole ... takes the official out of the case": two grants on one motion; undoing one leaves
    # the other standing, and the official out.
    "two grants, one vacated: still out": ("""
  - {entry_number: 2, event: motion_to_dismiss, by: a, asserts_qi: true}
  - {entry_number: 3, event: motion_to_dismiss_ruling, motion: 2, outcome: granted}
  - {entry_number: 4, event: appeal, by: p, from: 3}
  - {entry_number: 5, event: motion_to_dismiss_ruling, motion: 2, outcome: granted}
  - {entry_number: 6, event: appeal_ruling, appeal: 4, outcome: vacated}
  - {entry_number: 7, event: discovery_order, outcome: granted, scope: general, against: [a]}
""", {}, False),
    # "A judgment takes the defendants it names out of the case": a judgment naming every defendant stands when
    # the grant before it is vacated.
    "a judgment still stands when the grant before it is vacated": ("""
  - {entry_number: 2, event: answer, by: a, asserts_qi: true}
  - {entry_number: 3, event: qi_ruling, outcome: granted}
  - {entry_number: 4, event: judgment, outcome: dismissed}
  - {entry_number: 5, event: appeal, by: p, from: 3}
  - {entry_number: 6, event: appeal_ruling, appeal: 5, outcome: vacated}
  - {entry_number: 7, event: discovery, by: p, against: a}
""", {}, None),
    # Step 3, "QI203 if any authorized request addresses no identified fact question": the gate is the
    # officials in O's; a question vacated as to A does not serve it because the order also reaches the city.
    "narrow tailoring is judged for the officials reached": ("""
  - {entry_number: 2, event: answer, by: a, asserts_qi: true}
  - {entry_number: 3, event: discovery_motion, by: p, requests: [{id: r1}, {id: r2}]}
  - {entry_number: 4, event: discovery_order, outcome: denied, against: [a], pleadings_overcome_qi: true, fact_questions: [{id: q1}]}
  - {entry_number: 5, event: discovery_order, outcome: vacated, against: [a]}
  - {entry_number: 6, event: discovery_order, outcome: granted, against: [a, city], pleadings_overcome_qi: true,
     fact_questions: [{id: q2, as_to: [a]}], authorized: [{request: r1, addresses: [q1]}, {request: r2, addresses: [q2]}]}
""", {6: ["QI203"]}, True),
    # "An appeal is interlocutory unless it is from a judgment": from the judgment as filed, though strict mode
    # refused it (QI402); so it never divests the court, and the QI ruling after it stands.
    "strict: an appeal from a refused judgment": ("""
  - {entry_number: 2, event: motion_to_dismiss, by: a, asserts_qi: true}
  - {entry_number: 3, event: motion_to_dismiss_ruling, motion: 2, outcome: denied}
  - {entry_number: 4, event: appeal, by: a, from: 3}
  - {entry_number: 5, event: judgment, outcome: for_plaintiff, defendants: [a]}
  - {entry_number: 6, event: appeal, by: a, from: 5}
  - {entry_number: 7, event: appeal_ruling, appeal: 4, outcome: affirmed}
  - {entry_number: 8, event: qi_ruling, outcome: denied, defendants: [a]}
""", {5: ["QI402"]}, None),
    # "with renders: qi_granted ... QI is granted by the court of appeals for them": the grant is the court of
    # appeals' own act, though strict mode refused the QI ruling appealed from.
    "strict: QI granted on appeal from a refused QI ruling": ("""
  - {entry_number: 2, event: motion_to_dismiss, by: a, asserts_qi: true}
  - {entry_number: 3, event: motion_to_dismiss_ruling, motion: 2, outcome: denied}
  - {entry_number: 4, event: appeal, by: a, from: 3}
  - {entry_number: 5, event: qi_ruling, outcome: denied, defendants: [a]}
  - {entry_number: 6, event: appeal, by: a, from: 5}
  - {entry_number: 7, event: appeal_ruling, appeal: 6, outcome: reversed, renders: qi_granted, as_to: [a]}
  - {entry_number: 8, event: appeal_ruling, appeal: 4, outcome: affirmed}
  - {entry_number: 9, event: discovery_order, outcome: granted, scope: general, against: [a]}
""", {5: ["QI402"]}, False),
}
REFUSED = {"strict: an appeal from a refused judgment": [5], "strict: QI granted on appeal from a refused QI ruling": [5]}
"""Entries strict mode refuses (the dockets whose names begin "strict:" are judged in strict mode)."""

DISCOVERY = {"reversal of a ruling that denied QI to no one": True, "narrow tailoring is judged for the officials reached": True}
"""``discovery_authorized`` at the end, where it is true (false for the rest)."""


@pytest.mark.parametrize("name", CASES)
def test_reading(name: str) -> None:
    docket, codes, appealable = CASES[name]
    mode = "strict" if name.startswith("strict:") else "audit"
    d = yaml.safe_load(f"qiflow: 1\ntitle: '{name}'\nmode: {mode}\n{PARTIES}  - {{entry_number: 1, event: complaint, by: p}}{docket}")
    want = [sorted(codes.get(e["entry_number"], [])) for e in d["docket"]]
    scenario = Scenario.model_validate(d)
    engine, oracle, fast = engine_verdict(d, scenario), judge(d), verdict(scenario)
    assert engine.codes == want, engine
    assert oracle.codes == want, oracle
    assert engine.appealable is appealable and oracle.appealable is appealable
    assert engine.refused == oracle.refused == REFUSED.get(name, [])
    assert engine.discovery_authorized == oracle.discovery_authorized == DISCOVERY.get(name, False)
    assert (fast.codes, fast.appealable, fast.discovery_authorized) == (
        engine.all_codes, engine.appealable, engine.discovery_authorized)
