"""Every scenario in scenarios/ meets its own `expect` blocks; a failure names the file and the entry."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

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


V2_TOPICS = ("joint-answer", "appeal-ruling-as-to", "renders", "converted", "reserves-qi", "reply-ordered", "stayed",
             "vacated", "appeal-from", "renewed", "gate1", "fact-question")
"""The rules and fields LAW.md v2 added (s.12), each with a scenario under scenarios/rules/v2-<topic>-*."""


def _leaves(value: object, path: tuple = ()) -> dict[tuple, object]:
    """Every value in a scenario by its path, except titles, notes and expectations (lists of scalars whole)."""
    if isinstance(value, dict):
        return {k: v for key, item in value.items() if key not in ("title", "note", "expect")
                for k, v in _leaves(item, (*path, key)).items()}
    if isinstance(value, list) and value and all(isinstance(x, dict) for x in value):
        return {k: v for i, item in enumerate(value) for k, v in _leaves(item, (*path, i)).items()}
    return {path: value}


@pytest.mark.parametrize("topic", V2_TOPICS)
def test_each_v2_rule_has_a_scenario_and_a_near_miss_one_field_apart(topic: str) -> None:
    files = sorted((SCENARIOS / "rules").glob(f"v2-{topic}-*.yaml"))
    near = [p for p in files if p.name.startswith(f"v2-{topic}-near-miss-")]
    other = [p for p in files if p not in near]
    assert len(near) == 1 and len(other) == 1, files
    a, b = (_leaves(yaml.safe_load(p.read_text(encoding="utf-8"))) for p in (near[0], other[0]))
    differ = [k for k in a.keys() | b.keys() if a.get(k, "absent") != b.get(k, "absent")]
    assert len(differ) == 1, f"{near[0].name} and {other[0].name} differ in {differ}"
    verdicts = [audit(load(p)) for p in (near[0], other[0])]
    assert (verdicts[0].codes, verdicts[0].discovery_authorized) != (verdicts[1].codes, verdicts[1].discovery_authorized)
    assert all(load(p).note for p in files)
