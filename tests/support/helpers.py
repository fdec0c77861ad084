"""Build scenarios in a few lines for unit tests."""

from __future__ import annotations

from typing import Any

from qiflow.scenario import Scenario

CAST = [
    {"id": "doe", "name": "Jane Doe", "role": "plaintiff"},
    {"id": "smith", "name": "Officer Smith", "role": "defendant"},
    {"id": "jones", "name": "Officer Jones", "role": "defendant"},
    {"id": "city", "name": "City", "role": "defendant", "kind": "municipality"},
]


def scenario(*docket: dict[str, Any], **top: Any) -> Scenario:
    numbered = [{"entry_number": i, **e} if "entry_number" not in e else e for i, e in enumerate(docket, 1)]
    return Scenario.model_validate({"qiflow": 1, "title": "t", "parties": CAST, "docket": numbered, **top})


QI_ANSWER = {"event": "answer", "by": "smith", "asserts_qi": True}
QI_MOTION = {"event": "motion_to_dismiss", "by": "smith", "asserts_qi": True}
REQUESTS = {"event": "discovery_motion", "by": "doe", "requests": [{"id": "r1"}, {"id": "r2"}]}


def gated_order(**over: Any) -> dict[str, Any]:
    """A limited order that passes all three gates for Officer Smith."""
    return {
        "event": "discovery_order", "outcome": "granted", "against": ["smith"], "pleadings_overcome_qi": True,
        "fact_questions": [{"id": "q1"}], "authorized": [{"request": "r1", "addresses": ["q1"]}], **over,
    }
