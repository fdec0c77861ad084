"""The exercise pack (``docs/exercises/``): dockets for students, a teacher's key, each answer the engine's.

Generated, never edited by hand: ``qiflow exercises --write`` makes it, ``--check`` (and the test suite)
fails when the pack on disk differs from what the engine says now, so a change in the law shows up as a
stale key, not a wrong one.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from qiflow import scenario as m
from qiflow.engine.run import audit
from qiflow.files.load import load
from qiflow.teach.chains import entry_chain, render_chain
from qiflow.teach.paths import exports, shortest, simple_paths, step_label
from qiflow.teach.paths import scenario_text as yaml_text
from qiflow.views.generated import Artifact, text

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "scenarios" / "rules"
CARSWELL_EVE = dt.date(2022, 6, 16)


def _strip(scenario: m.Scenario) -> m.Scenario:
    """The docket a student gets: no ``expect`` blocks, no notes that give the answer away."""
    docket = [e.model_copy(update={"expect": None, "note": None}) for e in scenario.docket]
    return scenario.model_copy(update={"docket": docket, "expect": None, "note": None})


def _codes(scenario: m.Scenario, law_as_of: dt.date | None = None) -> str:
    return ", ".join(audit(scenario, law_as_of=law_as_of).codes) or "none"


def _rewrite() -> tuple[str, str, dict[str, str]]:
    given = load(RULES / "qi201-no-pleadings-finding.yaml")
    order = given.docket[-1]
    assert isinstance(order, m.DiscoveryOrder)
    fixed = given.model_copy(update={
        "title": "Key: the order rewritten to keep the careful procedure",
        "docket": [*given.docket[:-1], order.model_copy(update={"pleadings_overcome_qi": True, "expect": []})],
        "expect": m.Expect(violations=[], appealable=False, discovery_authorized=True),
    })
    report = audit(fixed)
    assert not report.violations, report.codes
    sheet = ("## 1. Rewrite an unlawful order\n\n`01-rewrite-the-order.yaml` is a docket whose last entry, "
             "Dkt. 21, authorizes limited discovery against Officer Smith. Run `qiflow run` on it. Then change "
             "only Dkt. 21 so that it keeps the careful procedure, and prove it with `qiflow check` (add an "
             "`expect` block: no violations, discovery authorized, not immediately appealable).\n")
    key = ("## 1. Rewrite an unlawful order\n\nAs given, the engine finds "
           f"{_codes(given)} at Dkt. 21:\n\n```text\n{render_chain(entry_chain(given, audit(given), 4))}\n```\n\n"
           "The rewrite: Dkt. 21 must hold, explicitly, that the pleadings overcome QI "
           "(`pleadings_overcome_qi: true`); it already names the fact question and authorizes only the request "
           "aimed at it. `01-key.yaml` is the rewritten docket; `qiflow check` passes on it:\n\n"
           f"```text\n{render_chain(entry_chain(fixed, report, 4))}\n```\n")
    return sheet, key, {"01-rewrite-the-order.yaml": yaml_text(_strip(given)), "01-key.yaml": yaml_text(fixed)}


def _eras() -> tuple[str, str, dict[str, str]]:
    given = load(RULES / "qi101-discovery-while-qi-motion-pending.yaml")
    docket = _strip(given).model_copy(update={"law_as_of": None})
    before, after = _codes(docket, CARSWELL_EVE), _codes(docket, dt.date(2023, 6, 1))
    sheet = ("## 2. The same docket before and after Carswell\n\n`02-before-and-after-carswell.yaml`: judge it "
             "as of June 16, 2022 and as of June 1, 2023 (`qiflow run --law-as-of`). Which departures does each "
             "day find, and why do they differ?\n")
    report = audit(docket, law_as_of=dt.date(2023, 6, 1))
    key = ("## 2. The same docket before and after Carswell\n\n"
           f"- As of June 16, 2022: {before}.\n- As of June 1, 2023: {after}.\n\n"
           "From June 17, 2022 (Carswell's first opinion) a court may not order any discovery while a QI motion "
           "to dismiss is pending. Before that day a court could defer its ruling and allow limited discovery if "
           "it first made the gate-1 and gate-2 findings and tailored the discovery (Backe, 691 F.3d at 648); "
           "Dkt. 15 made them, so the older law finds nothing. The chain as of 2023:\n\n"
           f"```text\n{render_chain(entry_chain(docket, report, 4))}\n```\n")
    return sheet, key, {"02-before-and-after-carswell.yaml": yaml_text(docket)}


def _shortest() -> tuple[str, str, dict[str, str]]:
    era = "after-carswell"
    answer_only = [p for p in simple_paths(era) if p.entries[1].event == "answer"]
    best = min(answer_only, key=lambda p: len(p.entries))
    start = best.scenario("Build the shortest docket to limited discovery").model_copy(
        update={"docket": list(best.entries[:2]), "expect": None, "note": None})
    sheet = ("## 3. The shortest docket to limited discovery after an answer-only assertion\n\n"
             "`03-shortest-to-limited-discovery.yaml` holds a complaint and an answer asserting QI. Add the "
             "fewest entries that lead, lawfully, to limited QI discovery against Officer Oakes (build it in "
             "`qiflow play 03-shortest-to-limited-discovery.yaml` and `save` it, or in the file). How many?\n")
    moves = " > ".join(step_label(e) for e in best.entries)
    key = ("## 3. The shortest docket to limited discovery after an answer-only assertion\n\n"
           f"{len(best.entries) - 2} more entries ({len(best.entries)} in all): {moves}. `03-key.yaml` is that "
           "docket (generated by `qiflow paths`, which lists every longer simple path too). The gate-1 holding and "
           "the fact question may be made in the discovery order itself. A Rule 7(a) reply (which a court "
           "ordinarily should order: Schultea, 47 F.3d at 1433-34), the SJ notice and the meet-and-confer (N.D. "
           "Tex. practice) are not among the entries the engine requires before the order.\n")
    return sheet, key, {"03-shortest-to-limited-discovery.yaml": yaml_text(start),
                        "03-key.yaml": yaml_text(best.scenario("Key: the shortest lawful docket to limited "
                                                               "QI discovery after an answer-only assertion"))}


NEAR_MISSES = (
    ("qi203-near-miss-loose-request-refused.yaml", "qi203-request-not-narrowly-tailored.yaml"),
    ("qi401-near-miss-appeal-certified-frivolous.yaml", "qi401-discovery-during-qi-appeal.yaml"),
    ("qi202-near-miss-question-from-earlier-order.yaml", "qi202-no-fact-questions.yaml"),
)
"""Pairs from the rules library: a docket that keeps the procedure, and one that fails by little."""


def _near_misses() -> tuple[str, str, dict[str, str]]:
    files: dict[str, str] = {}
    sheet = [("## 4. Find the entry that makes a near miss fail\n\nIn each pair, the first docket keeps the careful "
              "procedure and the second does not. Find the entry that makes the second fail, and the rule it breaks. "
              "(`qiflow run --hide-verdicts FILE` shows a docket without the answers; `qiflow quiz FILE` asks "
              "entry by entry.)\n")]
    key = ["## 4. Find the entry that makes a near miss fail\n"]
    for i, (near, fails) in enumerate(NEAR_MISSES, 1):
        kept, broken = load(RULES / near), load(RULES / fails)
        assert not audit(kept).violations, near
        report = audit(broken)
        a, b = f"04-pair-{i}-keeps.yaml", f"04-pair-{i}-fails.yaml"
        files[a], files[b] = yaml_text(_strip(kept)), yaml_text(_strip(broken))
        sheet.append(f"- Pair {i}: `{a}` and `{b}`.")
        failing = [e for e in report.entries if e.codes]
        key.append(f"- Pair {i} (`{b}`): " + "; ".join(f"{e.label} ({', '.join(e.codes)})" for e in failing) + ".")
        for e in failing:
            key.append(f"\n```text\n{render_chain(entry_chain(broken, report, e.position))}\n```\n")
    return "\n".join(sheet) + "\n", "\n".join(key) + "\n", files


def pack() -> list[Artifact]:
    """Every file of the pack: the student sheet, the teacher's key and the dockets."""
    parts = [_rewrite(), _eras(), _shortest(), _near_misses()]
    sheet = ("# Exercises: the careful procedure for QI discovery\n\nGenerated by `qiflow exercises --write`; "
             "the dockets are in this folder. The teacher's key is `KEY.md`.\n\n" + "\n".join(p[0] for p in parts))
    key = ("# Teacher's key\n\nEvery answer below is the engine's (`qiflow run`, `qiflow explain`, `qiflow paths`), "
           "regenerated and checked by the test suite.\n\n" + "\n".join(p[1] for p in parts))
    files = {name: body for p in parts for name, body in p[2].items()}
    return [text("README.md", sheet), text("KEY.md", key)] + [text(n, b) for n, b in sorted(files.items())]


__all__ = ["exports", "pack", "shortest"]
