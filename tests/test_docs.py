"""Generated pages match the definition and the scenarios; the README's commands are the ones CI runs."""

from __future__ import annotations

import re

from qiflow.law.authorities import reported_name
from qiflow.law.codes import CODES
from qiflow.procedure.careful import PROCEDURE
from qiflow.views import docs
from tests.conftest import ROOT, SCENARIOS


def test_generated_pages_are_not_stale() -> None:
    stale = docs.stale(ROOT / "docs", SCENARIOS)
    assert not stale, f"run `qiflow docs --write docs/`: stale {stale}"


def test_case_table_lists_every_library_case_with_a_verdict() -> None:
    page = docs.cases_page(SCENARIOS)
    cases = docs.library(SCENARIOS)
    assert len(cases) >= 12
    for c in cases:
        assert f"[{c.facts.short_name}]" in page
        assert c.scenario.law_as_of == c.facts.decided, c.path
        assert c.scenario.teaching is not None, c.path
        assert c.scenario.docket[-1].event == "appeal_ruling", c.path


def test_a_case_that_departs_from_the_court_says_why() -> None:
    for c in docs.library(SCENARIOS):
        if not c.matches:
            assert c.scenario.note and len(c.scenario.note) > 80, f"{c.path}: differs from the court but no note"


def test_procedure_page_is_derived_from_the_definition() -> None:
    page = docs.procedure_page()
    for phase in PROCEDURE.phases:
        assert f"`{phase.name}`" in page
    for guard in PROCEDURE.guards:
        assert f"`{guard.name}` ({guard.code.code})" in page
    assert all(f"| {code} |" in docs.rules_page() for code in CODES)


def test_readme_opens_with_two_commands_and_ci_runs_the_test_one() -> None:
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"```sh\n(.*?)```", readme, re.S)
    assert block and readme.index("```sh") < readme.index("\n## ")
    commands = block.group(1).strip().splitlines()
    assert len(commands) == 2
    assert "qiflow run scenarios/rusanowsky-v-city-of-dallas.yaml" in commands[0]
    assert commands[1] in (ROOT / ".ci" / "run").read_text()


def test_the_orders_spellings_print_as_the_reported_names() -> None:
    assert reported_name("Zanitz v. Seal") == "Zantiz v. Seal"
    assert reported_name("Lion Boulous v. Wilson") == "Lion Boulos v. Wilson"
    assert "Zanitz" not in docs.cases_page(SCENARIOS)
