"""The gap the verifier finds in LAW.md s.11, and the proposed amendment that closes it."""

from __future__ import annotations

from pathlib import Path

import pytest

from qiflow.engine.run import audit
from qiflow.files.load import load
from qiflow.law.guards import AMENDMENTS
from qiflow.procedure.careful import PROCEDURE
from qiflow.verify.explore import explore
from tests.conftest import SCENARIOS

GAPS = sorted((SCENARIOS / "law-gaps").glob("*.yaml"))
AMENDED = PROCEDURE.amended()


def test_the_law_as_written_lets_discovery_outrun_the_gates() -> None:
    found = explore(PROCEDURE)
    assert found.violation == "taken_while_gates_hold" and found.counterexample is not None
    assert audit(found.counterexample).violations == [], "every entry of the counterexample is lawful under s.11"


@pytest.mark.parametrize("path", GAPS, ids=[p.stem for p in GAPS])
def test_each_gap_is_lawful_under_s11_and_refused_under_the_amendment(path: Path) -> None:
    scenario = load(path)
    assert audit(scenario, mode="strict").refused == []
    amended = audit(scenario, mode="strict", procedure=AMENDED)
    refused = [e for e in amended.entries if not e.accepted]
    assert [e.event for e in refused] == ["discovery"], amended.refused
    assert set(refused[0].codes) & {"QI101", "QI301"}


def test_the_amended_procedure_keeps_every_invariant_with_no_dead_ends() -> None:
    found = explore(AMENDED)
    print(f"amended: {found.situations} situations, {found.transitions} transitions, {found.seconds:.2f} s")
    assert found.violation is None and found.situations > 1000


@pytest.mark.parametrize("guard", [g.name for g in AMENDMENTS])
def test_each_amendment_guard_is_needed(guard: str) -> None:
    found = explore(AMENDED.without(guard), law=AMENDED)
    assert found.violation is not None and found.through_removed


def test_the_amendment_changes_no_audit_verdict_on_the_library() -> None:
    for path in sorted(SCENARIOS.rglob("*.yaml")):
        if path.parent.name == "law-gaps":
            continue
        scenario = load(path)
        assert audit(scenario).codes == audit(scenario, procedure=AMENDED).codes, path
