"""The engine against the independent oracle (tests/support/oracle.py), on random dockets and on every
scenario file: codes per entry, refused entries, discovery_authorized and appealable must agree exactly.

The oracle is written from LAW.md s.11 alone; on a disagreement the message prints the scenario as YAML
and both verdicts, so the case can be minimised and decided from LAW.md's words.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, Phase, find, given, settings

from tests.support.dockets import check_valid, scenarios
from tests.support.oracle import Verdict, judge

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"
FILES = sorted(SCENARIOS.rglob("*.yaml"))


def engine_verdict(d: dict, scenario=None) -> Verdict:
    from qiflow.engine.run import audit
    from qiflow.scenario import Scenario

    report = audit(scenario if scenario is not None else Scenario.model_validate(d))
    codes = [sorted({str(getattr(c, "value", c)) for c in e.codes}) for e in report.entries]
    return Verdict(
        codes=codes,
        refused=[int(r) for r in report.refused],
        discovery_authorized=bool(report.discovery_authorized),
        appealable=report.appealable,
        all_codes=sorted({c for cs in codes for c in cs}),
    )


def _differences(engine: Verdict, oracle: Verdict) -> list[str]:
    out = []
    for i, (a, b) in enumerate(zip(engine.codes, oracle.codes, strict=False)):
        if a != b:
            out.append(f"docket[{i}] (position {i + 1}): engine {a}, oracle {b}")
    if len(engine.codes) != len(oracle.codes):
        out.append(f"entries: engine {len(engine.codes)}, oracle {len(oracle.codes)}")
    for field in ("refused", "discovery_authorized", "appealable"):
        if getattr(engine, field) != getattr(oracle, field):
            out.append(f"{field}: engine {getattr(engine, field)!r}, oracle {getattr(oracle, field)!r}")
    return out


def assert_agree(d: dict, engine: Verdict, oracle: Verdict, name: str = "generated scenario") -> None:
    diff = _differences(engine, oracle)
    if diff:
        raise AssertionError(
            f"engine and oracle disagree on {name}:\n  " + "\n  ".join(diff)
            + "\n--- scenario ---\n" + yaml.safe_dump(d, sort_keys=False, width=110)
            + f"--- engine ---\n{engine}\n--- oracle ---\n{oracle}\n"
        )


@settings(max_examples=1000, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(scenarios())
def test_engine_agrees_with_oracle_on_random_dockets(d):
    assert_agree(d, engine_verdict(d), judge(d))


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(SCENARIOS)) for p in FILES])
def test_engine_agrees_with_oracle_on_scenario_files(path):
    from qiflow.files.load import load

    d = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert_agree(d, engine_verdict(d, load(path)), judge(d), name=str(path.relative_to(SCENARIOS)))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(scenarios())
def test_generated_scenarios_are_valid(d):
    """SCENARIOS.md's reference rules hold (own checker), and the scenario model accepts the dict."""
    check_valid(d)
    from qiflow.files.load import parse

    parse(yaml.safe_dump(d, sort_keys=False), "generated.yaml")  # the loader's reference checks too


@pytest.mark.parametrize("field", ["motion", "from", "appeal"])
def test_the_generator_refers_to_unnumbered_entries_by_id(field):
    """The random dockets exercise references by id, to entries that have no number."""
    def by_id_to_unnumbered(d: dict) -> bool:
        unnumbered = {e["id"] for e in d["docket"] if "id" in e and "entry_number" not in e}
        return any(e.get(field) in unnumbered for e in d["docket"])

    # the first docket found, not a shrunk one: shrinking a docket while keeping the property costs minutes
    d = find(scenarios(), by_id_to_unnumbered, settings=settings(max_examples=2000, database=None, phases=[Phase.generate]))
    check_valid(d)
    assert_agree(d, engine_verdict(d), judge(d))
