"""The shortest docket the explorer finds once a guard is removed, judged by the full law and drawn as a path."""

from __future__ import annotations

from qiflow.engine.run import audit
from qiflow.procedure.careful import PROCEDURE
from qiflow.verify.explore import explore
from qiflow.views.diagram.graph import Graph
from qiflow.views.diagram.path_view import case_graph


class NoCounterexample(Exception):
    """Removing the guard breaks no invariant the explorer checks: nothing to draw."""


def counterexample_graph(guard: str) -> Graph:
    """Raises ``KeyError`` for an unknown guard and ``NoCounterexample`` when the law still holds."""
    found = explore(PROCEDURE.without(guard)).counterexample
    if found is None:
        raise NoCounterexample(f"without {guard!r} the explorer found no counterexample")
    report = audit(found, procedure=PROCEDURE)
    return case_graph(found, report, heading=f"Counterexample: the careful procedure without {guard!r}")
