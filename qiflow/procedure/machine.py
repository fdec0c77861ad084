"""The docket lifecycle as a ``transitions`` Machine, built once per procedure from its table.

The engine routes with the same table (``Procedure.next_phase``), which is what the exhaustive explorer
needs; this machine is the lifecycle model the design card names, held to that routing by the tests
(the stateful test fires it beside the engine on every accepted entry). Conditions read the posture
after the entry's effects; the law's guards are applied by the engine, not by the machine.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable

from transitions import EventData, Machine

from qiflow import scenario as m
from qiflow.law.posture import Posture
from qiflow.procedure.model import Condition, Procedure


class Docket:
    """The model the machine moves: the phase (``state``) and what the conditions read."""

    state: str

    def __init__(self) -> None:
        self.entry: m.Entry | None = None
        self.posture: Posture | None = None


def _condition(cond: Condition) -> Callable[[EventData], bool]:
    """A transitions condition that asks ``cond`` about the docket's entry and posture."""

    def holds(event_data: EventData) -> bool:
        model = event_data.model
        return cond.holds(model.entry, model.posture)

    holds.__name__ = cond.name
    return holds


@lru_cache(maxsize=8)
def build_machine(procedure: Procedure) -> Machine:
    """One Machine per procedure (routing is the same with or without a guard); dockets are added as models."""
    machine = Machine(
        model=None,
        states=[p.name for p in procedure.phases],
        initial=procedure.initial,
        send_event=True,
        auto_transitions=False,
        ignore_invalid_triggers=False,
    )
    for mv in procedure.moves:
        if mv.stays:
            machine.add_transition(mv.event, source="*", dest=None)
            continue
        for route in mv.routes + procedure.settle:
            sources = "*" if route.sources == ("*",) else list(route.sources)
            machine.add_transition(
                mv.event, source=sources, dest=route.dest, conditions=[_condition(c) for c in route.when]
            )
    return machine


class Runner:
    """Drives one docket through the shared machine."""

    def __init__(self, procedure: Procedure) -> None:
        self.machine = build_machine(procedure)
        self.docket = Docket()
        self.machine.add_model(self.docket, initial=procedure.initial)

    @property
    def phase(self) -> str:
        return self.docket.state

    def fire(self, entry: m.Entry, posture: Posture) -> str:
        self.docket.entry, self.docket.posture = entry, posture
        self.docket.trigger(entry.event)
        return self.docket.state

    def close(self) -> None:
        self.machine.remove_model(self.docket)
