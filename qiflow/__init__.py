"""qiflow: the Fifth Circuit's careful procedure for qualified-immunity discovery, as a checkable machine.

The public face (imported on first use, so ``import qiflow`` stays cheap)::

    scenario = qiflow.load("case.yaml")          # or qiflow.parse(text, "name")
    report = qiflow.audit(scenario)              # everything: violations, explanations, next moves
    verdict = qiflow.verdict(scenario)           # what a corpus needs: codes, appealable, discovery
    qiflow.PROCEDURE, qiflow.CODES, qiflow.explore()
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.2.0"

_PUBLIC = {
    "load": "qiflow.files.load",
    "parse": "qiflow.files.load",
    "ScenarioError": "qiflow.files.load",
    "Scenario": "qiflow.scenario",
    "audit": "qiflow.engine.run",
    "Report": "qiflow.engine.report",
    "verdict": "qiflow.engine.verdict",
    "Verdict": "qiflow.engine.verdict",
    "PROCEDURE": "qiflow.procedure.careful",
    "explore": "qiflow.verify.explore",
    "CODES": "qiflow.law.codes",
}
__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> Any:
    if name not in _PUBLIC:
        raise AttributeError(f"module 'qiflow' has no attribute {name!r}")
    return getattr(importlib.import_module(_PUBLIC[name]), name)
