"""References by id (SCENARIOS.md "Entry references"): resolved once, and every view names an unnumbered
entry "Entry N" (its place), never "Dkt."."""

from __future__ import annotations

import io
import re

from qiflow.engine.refs import entry_at, ref_name, resolved
from qiflow.engine.run import audit
from qiflow.files.load import parse
from qiflow.teach.chains import case_chain
from qiflow.teach.docket import facts
from qiflow.views.diagram.timeline import timeline
from qiflow.views.text import render
from qiflow.web.page import case_page
from qiflow.web.render import render as html
from tests.conftest import SCENARIOS

DOCKET = """qiflow: 1
title: ids
law_as_of: 2024-06-01
parties:
  - {id: doe, name: Jane Doe, role: plaintiff}
  - {id: smith, name: Officer Smith, role: defendant}
docket:
  - {event: complaint, by: doe}
  - {event: motion_to_dismiss, id: mtd, by: smith, asserts_qi: true}
  - {event: motion_to_dismiss_ruling, id: ruling, motion: mtd, outcome: denied_without_prejudice}
  - {event: appeal, id: ap, by: smith, from: ruling}
  - {event: appeal_ruling, appeal: ap, outcome: vacated}
"""


def test_a_scenario_without_string_references_is_not_copied() -> None:
    from qiflow.files.load import load

    scenario = load(SCENARIOS / "rules" / "qi402-qi-ruling-during-appeal.yaml")
    assert resolved(scenario) is scenario


def test_ids_resolve_to_the_engine_refs_of_unnumbered_entries() -> None:
    scenario = parse(DOCKET, "ids.yaml")
    fixed = resolved(scenario)
    assert [getattr(e, f, None) for e, f in zip(fixed.docket[2:], ("motion", "from_", "appeal"), strict=True)] == [-2, -3, -4]
    assert entry_at(scenario.docket, "ruling") == (3, scenario.docket[2]) == entry_at(scenario.docket, -3)
    assert ref_name(scenario.docket, "ap") == "Entry 4" and ref_name(scenario.docket, 7) == "Dkt. 7"


def test_every_view_names_an_entry_referred_to_by_id_by_its_place() -> None:
    scenario = parse(DOCKET, "ids.yaml")
    report = audit(scenario)
    out = io.StringIO()
    render(report, out, scenario=scenario, width=100, verbose=True)
    page = case_page(scenario, report, pictures=False)
    drawn = timeline(scenario, report)
    views = {
        "text": out.getvalue(),
        "html": html("case.html.j2", data=page.answers, title=page.title, page=page),
        "timeline": " ".join(line.text for p in drawn.pages for c in p.cards for line in c.lines),
        "explain": str(case_chain(scenario, report)),
        "facts": " ".join(" ".join(facts(e, scenario)) for e in scenario.docket),
        "json": report.model_dump_json(),
    }
    for name, text in views.items():
        assert not re.search(r"Dkt\.(?! N:)", text), name  # the legend "Dkt. N: docket number" aside
    assert "Entry 2" in views["text"] and "Entry 3" in views["timeline"] and "rules on Entry 2" in views["facts"]
    assert "QI102" in report.codes
