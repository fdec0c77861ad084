"""Scenario → YAML text in the file format, which ``qiflow run`` reads back to the same scenario."""

from __future__ import annotations

import yaml

from qiflow.scenario import Scenario


def scenario_yaml(scenario: Scenario) -> str:
    """The scenario as YAML (fields left at their defaults are left out)."""
    data = scenario.model_dump(mode="json", by_alias=True, exclude_none=True, exclude_defaults=True)
    data = {"qiflow": 1, **data}
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
