"""The shortest docket the explorer finds once a guard is removed, judged by the full law and drawn as a path."""

from __future__ import annotations

from qiflow import scenario as m
from qiflow.engine.run import audit
from qiflow.procedure.careful import PROCEDURE
from qiflow.verify.explore import explore
from qiflow.views.diagram.graph import Graph
from qiflow.views.diagram.path_view import case_graph
from qiflow.views.diagram.timeline import Timeline, timeline


class NoCounterexample(Exception):
    """Removing the guard breaks no invariant the explorer checks: nothing to draw."""


def counterexample_graph(guard: str) -> Graph:
    """Raises ``KeyError`` for an unknown guard and ``NoCounterexample`` when the law still holds."""
    found = explore(PROCEDURE.without(guard)).counterexample
    if found is None:
        raise NoCounterexample(f"without {guard!r} the explorer found no counterexample")
    report = audit(found, procedure=PROCEDURE)
    return case_graph(found, report, heading=f"Counterexample: the careful procedure without {guard!r}")


def from_the_complaint(found: m.Scenario) -> m.Scenario:
    """The counterexample read from the start of the suit: an unnumbered complaint by the plaintiff
    goes first when the explorer's docket does not begin with one (the explorer starts after it)."""
    if found.docket and found.docket[0].event == "complaint":  # type: ignore[attr-defined]
        return found
    plaintiff = next((p.id for p in found.parties if p.role is m.Role.PLAINTIFF), None)
    complaint = m.Complaint(event="complaint", by=plaintiff, description="complaint (the explorer starts after it)")
    return found.model_copy(update={"docket": [complaint, *found.docket]})


def counterexample_timeline(guard: str) -> Timeline:
    """The counterexample as a timeline, captioned with what it proves. Raises as ``counterexample_graph``."""
    procedure = PROCEDURE.without(guard)
    result = explore(procedure)
    if result.counterexample is None or result.invariant is None:
        raise NoCounterexample(f"without {guard!r} the explorer found no counterexample")
    rule = next(g for g in PROCEDURE.guards if g.name == guard)
    found = from_the_complaint(result.counterexample).model_copy(
        update={"title": f"Counterexample: the procedure without rule {rule.code.code}"})
    caption = (f"Drop the rule \u201c{rule.question}\u201d and this docket, from the complaint, reaches what "
               f"docs/law.md s.{result.invariant.section} forbids: {result.invariant.paraphrase}")
    return timeline(found, audit(found, procedure=PROCEDURE), caption=caption)
