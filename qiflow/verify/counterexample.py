"""A shortest path the explorer found, as a scenario a lawyer reads and ``qiflow run`` replays."""

from __future__ import annotations

import datetime as dt

from qiflow import scenario as m
from qiflow.law.invariants import Invariant
from qiflow.procedure.model import Procedure
from qiflow.verify.alphabet import CAST


def counterexample(path: tuple[m.Entry, ...], law_as_of: dt.date, invariant: Invariant,
                   procedure: Procedure) -> m.Scenario:
    """A format-1 scenario (audit mode) replaying ``path`` from the complaint."""
    cites = "; ".join(str(x) for x in invariant.authorities)
    skipped = f" with {', '.join(procedure.removed)} removed" if procedure.removed else ""
    law = f" (law {procedure.variant})" if procedure.variant != "v2" else ""
    docket = list(path)
    if not docket or docket[0].event != "complaint":  # unnumbered, so the path's own numbers stay as they are
        docket = [m.Complaint(event="complaint", by="pat", description="The complaint (added to start the docket).")] + docket
    return m.Scenario(
        qiflow=1, title=f"Counterexample to {invariant.name}{skipped}{law}", mode="audit", law_as_of=law_as_of,
        note=f"docs/law.md s.{invariant.section}: {invariant.paraphrase} ({cites})",
        parties=list(CAST), docket=docket,
    )
