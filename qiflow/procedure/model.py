"""The shape of a procedure: phases, the moves between them, routes and the conditions that choose them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property

from qiflow import scenario as m
from qiflow.law.authorities import Authority
from qiflow.law.doctrines import Doctrine, cites_of
from qiflow.law.guards import Formula, Guard
from qiflow.law.posture import Posture


@dataclass(frozen=True)
class Phase:
    """Where the case stands, in words a student reads, and the doctrines that explain it."""

    name: str
    label: str
    cluster: str
    meaning: str
    because: tuple[Doctrine, ...] = ()
    final: bool = False

    @property
    def authorities(self) -> tuple[Authority, ...]:
        return cites_of(*self.because)

    @property
    def district_practice(self) -> bool:
        """A step of N.D. Tex. case management, not of circuit law."""
        return any(d.district_practice for d in self.because)


@dataclass(frozen=True)
class Condition:
    """A fact about the case (after the entry) that chooses between routes; not itself a rule of law."""

    name: str
    label: str
    holds: Callable[[m.Entry, Posture], bool]


@dataclass(frozen=True)
class Route:
    """From any of ``sources`` (``*``: any phase), go to ``dest`` when every condition holds (first match wins)."""

    sources: tuple[str, ...]
    dest: str
    when: tuple[Condition, ...] = ()


@dataclass(frozen=True)
class Move:
    """One docket event kind: who makes it, the rules it must keep, and where it takes the case."""

    event: str
    label: str
    actor: str
    """Who makes it: plaintiff, defendant, parties, district court, court of appeals, anyone."""
    guards: tuple[Guard, ...] = ()
    routes: tuple[Route, ...] = ()
    settles_from: tuple[str, ...] = ()
    """Phases from which the move is expected and the posture decides where it leads."""
    stays: bool = False
    """The move never changes the phase (discovery taken, other orders and entries)."""

    @cached_property
    def barring_guards(self) -> tuple[Guard, ...]:
        return tuple(x for x in self.guards if x.blocks)


@dataclass(frozen=True)
class Procedure:
    """Phases, moves, the settle table and the initial phase: the one definition every view derives from."""

    phases: tuple[Phase, ...]
    moves: tuple[Move, ...]
    settle: tuple[Route, ...]
    """Where the case stands after an entry that fixes no phase of its own, read off the posture, in order."""
    initial: str
    clusters: dict[str, str] = field(compare=False, hash=False)
    variant: str = "v2"
    removed: tuple[str, ...] = ()

    def __hash__(self) -> int:
        return hash((self.variant, self.removed))

    @cached_property
    def phase(self) -> dict[str, Phase]:
        return {p.name: p for p in self.phases}

    @cached_property
    def move(self) -> dict[str, Move]:
        return {mv.event: mv for mv in self.moves}

    @cached_property
    def _routes_from(self) -> dict[tuple[str, str], tuple[Route, ...]]:
        return {(mv.event, p.name): tuple(r for r in mv.routes if p.name in r.sources) + self.settle
                for mv in self.moves for p in self.phases}

    @cached_property
    def fixed_routes(self) -> dict[tuple[str, str], str]:
        """(event, phase) -> where the move always takes the case from that phase: its first route from there has
        no condition (so no posture need be read to route it)."""
        return {key: routes[0].dest for key, routes in self._routes_from.items() if not routes[0].when}

    @cached_property
    def _in_force(self) -> dict[tuple[str, dt.date, bool], tuple[tuple[Guard, Formula], ...]]:
        return {}

    def rules(self, event: str, day: dt.date, *, barring: bool = False) -> tuple[tuple[Guard, Formula], ...]:
        """``event``'s guards in force on ``day`` (only those that bar, if ``barring``), each with its formula for
        that day, in the order the law states them. Worked out once per event and day."""
        key = (event, day, barring)
        got = self._in_force.get(key)
        if got is None:
            move = self.move[event]
            got = self._in_force[key] = tuple(
                (g, f) for g in (move.barring_guards if barring else move.guards) if (f := g.formula(day)) is not None)
        return got

    @property
    def guards(self) -> tuple[Guard, ...]:
        """Every guard the procedure uses, each once, in the order first used."""
        seen: dict[str, Guard] = {}
        for mv in self.moves:
            for guard in mv.guards:
                seen.setdefault(guard.name, guard)
        return tuple(seen.values())

    @property
    def blocking_guards(self) -> tuple[Guard, ...]:
        """Guards that bar a move in strict mode; the rest (QI001 and the warnings) only flag."""
        return tuple(x for x in self.guards if x.blocks)

    def without(self, guard_name: str) -> Procedure:
        """The procedure with one guard removed: the law with one step skipped."""
        if guard_name not in {x.name for x in self.guards}:
            raise KeyError(guard_name)
        moves = tuple(replace(mv, guards=tuple(x for x in mv.guards if x.name != guard_name)) for mv in self.moves)
        return replace(self, moves=moves, removed=self.removed + (guard_name,))

    def with_guards(self, event: str, guards: tuple[Guard, ...], variant: str) -> Procedure:
        """The procedure with ``event``'s guards replaced: a variant of the law."""
        moves = tuple(replace(mv, guards=guards) if mv.event == event else mv for mv in self.moves)
        return replace(self, moves=moves, variant=variant)

    def routes(self, event: str, phase: str) -> tuple[Route, ...]:
        """Routes tried for ``event`` from ``phase``, in order: its own, then settling by the posture."""
        return self._routes_from[event, phase]

    def next_phase(self, phase: str, entry: m.Entry, posture: Posture) -> str:
        """Where the case stands after ``entry`` (whose effects made ``posture``)."""
        return phase if self.move[entry.event].stays else self.route(entry.event, phase, entry, posture)

    def route(self, event: str, phase: str, entry: m.Entry, posture: Posture) -> str:
        """Where a move that may change the phase takes the case from ``phase``: the first of its routes (then the
        settle table's) whose conditions all hold."""
        for route in self._routes_from[event, phase]:
            for condition in route.when:
                if not condition.holds(entry, posture):
                    break
            else:
                return route.dest
        raise AssertionError("the settle table ends with an unconditional route")

    def routes_from(self, phase: str) -> tuple[Route, ...]:
        """Every route that may leave ``phase``: the moves' own, then the settle table."""
        own = tuple(r for mv in self.moves for r in mv.routes if phase in r.sources or r.sources == ("*",))
        return own + self.settle

    def in_usual_order(self, phase: str, event: str) -> bool:
        """Whether ``event`` is one the procedure expects from ``phase`` (otherwise it settles by posture)."""
        mv = self.move[event]
        return mv.stays or phase in mv.settles_from or any(phase in r.sources for r in mv.routes)
