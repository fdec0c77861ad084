"""The history: the gap the verifier found in LAW.md version 1, and that version 2 closes it."""

from __future__ import annotations

from pathlib import Path

import pytest

from qiflow.engine.run import audit
from qiflow.files.load import load
from qiflow.procedure.careful import VARIANTS
from tests.conftest import SCENARIOS

GAPS = sorted((SCENARIOS / "law-gaps").glob("*.yaml"))


@pytest.mark.parametrize("path", GAPS, ids=[p.stem for p in GAPS])
def test_each_gap_was_lawful_under_version_1_and_is_refused_under_version_2(path: Path) -> None:
    scenario = load(path)
    assert audit(scenario, mode="strict", procedure=VARIANTS["v1"]).refused == []
    now = audit(scenario, mode="strict")
    refused = [e for e in now.entries if not e.accepted]
    assert [e.event for e in refused] == ["discovery"], now.refused
    assert set(refused[0].codes) & {"QI101", "QI301"}
