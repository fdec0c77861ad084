"""Drive the engine and the real ``transitions`` machine side by side, entry by entry, invariants checked at each."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from qiflow import scenario as m
from qiflow.engine.step import Docket
from qiflow.law.invariants import SAFETY
from qiflow.procedure.careful import PROCEDURE
from qiflow.procedure.machine import Runner
from tests.support.walks import Referents, casts, entry

PROVED = SAFETY
REACHED: Counter[str] = Counter()


class Docketing(RuleBasedStateMachine):
    """A strict-mode case: each rule files one entry, mostly one the procedure expects next."""

    @initialize(cast=casts(), before_carswell=st.booleans())
    def open_case(self, cast: list[m.Party], before_carswell: bool) -> None:
        self.docket = Referents(cast)
        self.machine = Runner(PROCEDURE)
        self.case = Docket(cast, dt.date(2021, 1, 1) if before_carswell else dt.date(2024, 1, 1), strict=True)
        REACHED[self.case.phase] += 1

    @rule(data=st.data())
    def file(self, data: st.DataObject) -> None:
        expected = [e for e in m.EVENT_KINDS if PROCEDURE.in_usual_order(self.case.phase, e)]
        event = data.draw(st.sampled_from(expected) if data.draw(st.integers(0, 3)) else st.sampled_from(m.EVENT_KINDS))
        step = self.case.step(entry(data.draw, self.docket, event))
        if step.accepted:  # the transitions machine, fired on the same entry, lands where the pure step did
            assert self.machine.fire(step.entry, step.after) == step.phase
        REACHED[step.phase] += 1

    @invariant()
    def keeps_the_law(self) -> None:
        if getattr(self, "case", None) and self.case.steps and self.case.steps[-1].accepted:
            step = self.case.steps[-1]
            assert [x.name for x in PROVED if not x.holds(step.before, step.entry, step.after)] == []

    def teardown(self) -> None:
        if getattr(self, "machine", None):
            self.machine.close()


def test_every_phase_is_reached() -> None:
    REACHED.clear()
    run_state_machine_as_test(Docketing, settings=settings(max_examples=500, stateful_step_count=25))
    print("phases reached:", dict(REACHED.most_common()))
    assert set(REACHED) == {p.name for p in PROCEDURE.phases}
