"""Every scenario in scenarios/ meets its own `expect` blocks; a failure names the file and the entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from qiflow.engine.expect import mismatches, scenario_files
from qiflow.engine.run import audit
from qiflow.files.load import load
from qiflow.law.codes import CODES
from tests.conftest import SCENARIOS

FILES = scenario_files([SCENARIOS])


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(SCENARIOS)) for p in FILES])
def test_scenario_meets_its_expectations(path: Path) -> None:
    scenario = load(path)
    problems = mismatches(scenario, audit(scenario, file=str(path)))
    assert not problems, "\n".join(map(str, problems))


def test_every_code_is_raised_by_some_scenario_and_missed_by_a_near_miss() -> None:
    raised: set[str] = set()
    near_misses = [p for p in FILES if "near-miss" in p.name]
    for path in FILES:
        raised |= set(audit(load(path)).codes)
    assert raised >= set(CODES), f"no scenario raises {sorted(set(CODES) - raised)}"
    covered = {p.name.split("-")[0].upper() for p in near_misses}
    rule_codes = {c for c in CODES if c[:4] != "QI50"} | {"QI501"}
    assert covered >= rule_codes, f"no near miss for {sorted(rule_codes - covered)}"


def test_flagship_case_is_rusanowsky() -> None:
    scenario = load(SCENARIOS / "rusanowsky-v-city-of-dallas.yaml")
    assert scenario.case_number == "3:22-cv-1132-K"
    numbers = {e.entry_number for e in scenario.docket}
    assert {1, 14, 15, 23, 26, 27, 30, 31, 32, 37, 39} <= numbers
