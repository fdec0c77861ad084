"""Definition-time checks of a procedure, one per property, each naming the phase or event at fault."""

from __future__ import annotations

from collections.abc import Callable

from qiflow import scenario as m
from qiflow.procedure.model import Procedure


class InvalidProcedure(ValueError):
    """The table is not a sound machine; the message names the phase or event at fault."""


def _check_initial(p: Procedure) -> None:
    if p.initial not in p.phase:
        raise InvalidProcedure(f"initial phase {p.initial!r} is not a phase")


def _check_unique_names(p: Procedure) -> None:
    for what, names in (("phase", [x.name for x in p.phases]), ("move", [x.event for x in p.moves])):
        if dupes := sorted({n for n in names if names.count(n) > 1}):
            raise InvalidProcedure(f"{what}(s) defined twice: {dupes}")


def _check_every_event_has_a_move(p: Procedure) -> None:
    if missing := sorted(set(m.EVENT_KINDS) - set(p.move)):
        raise InvalidProcedure(f"no move for event kind(s) {missing}")
    if extra := sorted(set(p.move) - set(m.EVENT_KINDS)):
        raise InvalidProcedure(f"move(s) {extra} are not event kinds of the scenario format")


def _check_routes_name_phases(p: Procedure) -> None:
    for mv in p.moves:
        for route in mv.routes:
            for phase in route.sources + (route.dest,):
                if phase != "*" and phase not in p.phase:
                    raise InvalidProcedure(f"move {mv.event!r} names unknown phase {phase!r}")
        for phase in mv.settles_from:
            if phase not in p.phase:
                raise InvalidProcedure(f"move {mv.event!r} settles from unknown phase {phase!r}")
    for route in p.settle:
        if route.dest not in p.phase:
            raise InvalidProcedure(f"the settle table names unknown phase {route.dest!r}")


def _check_settle_ends_unconditionally(p: Procedure) -> None:
    if not p.settle or p.settle[-1].when:
        raise InvalidProcedure("the settle table must end with an unconditional route")


def _check_clusters(p: Procedure) -> None:
    for phase in p.phases:
        if phase.cluster not in p.clusters:
            raise InvalidProcedure(f"phase {phase.name!r} is in unknown cluster {phase.cluster!r}")


def _check_guards_read_their_move(p: Procedure) -> None:
    for mv in p.moves:
        model = m.EVENT_MODELS[mv.event]
        for guard in mv.guards:
            if not issubclass(model, guard.on):
                raise InvalidProcedure(f"move {mv.event!r} has guard {guard.name!r}, which reads only "
                                       f"{', '.join(t.__name__ for t in guard.on)}")


def _check_reachable(p: Procedure) -> None:
    seen, todo = {p.initial}, [p.initial]
    while todo:
        for route in p.routes_from(todo.pop()):
            if route.dest not in seen:
                seen.add(route.dest)
                todo.append(route.dest)
    if lost := [ph.name for ph in p.phases if ph.name not in seen]:
        raise InvalidProcedure(f"phase(s) {lost} cannot be reached from {p.initial!r}")


def _check_a_final_phase(p: Procedure) -> None:
    if not any(ph.final for ph in p.phases):
        raise InvalidProcedure("no final phase")


CHECKS: tuple[Callable[[Procedure], None], ...] = (
    _check_initial, _check_unique_names, _check_every_event_has_a_move, _check_routes_name_phases,
    _check_settle_ends_unconditionally, _check_clusters, _check_guards_read_their_move, _check_reachable,
    _check_a_final_phase,
)


def validate(p: Procedure) -> Procedure:
    """``p`` if every check passes; else InvalidProcedure naming what is wrong."""
    for check in CHECKS:
        check(p)
    return p
