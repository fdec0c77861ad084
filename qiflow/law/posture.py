"""The case posture the law reads: who asserted QI, what is pending, what the court has found.

Each query below is a defined term of LAW.md section 11, named as the law names it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, replace
from typing import Callable, Iterable

from qiflow.scenario import Party

CARSWELL_EFFECTIVE = dt.date(2022, 6, 17)
"""Carswell v. Camp, 37 F.4th 1062 (5th Cir. June 17, 2022), substituted 54 F.4th 307 (Nov. 30, 2022)."""


def ref_label(ref: int) -> str:
    """How an entry is named in messages: its docket number, or its place in an unnumbered docket."""
    return f"Dkt. {ref}" if ref >= 0 else f"Entry {-ref}"


@dataclass(frozen=True)
class OrderInForce:
    """A discovery order that granted, from its entry until vacated or reversed on appeal."""

    entry: int
    against: frozenset[str]
    scope: str
    authorized: frozenset[str]

    def covers_party(self, party: str) -> bool:
        """Covers ``party`` at all: general scope, or at least one authorized request."""
        return party in self.against and (self.scope == "general" or bool(self.authorized))

    def covers_discovery(self, party: str, requests: frozenset[str]) -> bool:
        """Covers discovery of ``requests`` from ``party`` (none listed: only a general order does)."""
        if party not in self.against:
            return False
        if self.scope == "general":
            return True
        return bool(requests) and requests <= self.authorized


@dataclass(frozen=True)
class AppealOnFile:
    """An appeal from the entry ``from_entry``; pending until ruled on, unless certified frivolous."""

    entry: int
    from_entry: int
    frivolous: bool = False


@dataclass(frozen=True)
class Resolution:
    """How an official's QI was decided, and by which entry (an appeal lies from that entry)."""

    official: str
    outcome: str
    entry: int


class _cached:
    """A query computed once per posture and kept in its ``__dict__`` (a posture never changes; ``evolve``
    drops what the changed fields could alter). Like ``functools.cached_property``, without its lock."""

    def __init__(self, query: Callable[[Posture], object]) -> None:
        self.query, self.name = query, query.__name__
        self.__doc__ = query.__doc__

    def __get__(self, posture: Posture | None, owner: type | None = None) -> object:
        if posture is None:
            return self
        value = posture.__dict__[self.name] = self.query(posture)
        return value


@dataclass(frozen=True)
class Posture:
    """Everything the guards, the invariants and the explanations read. Immutable: effects return a new one."""

    cast: tuple[Party, ...]
    carswell: bool = True
    in_case: frozenset[str] = frozenset()
    claimed_qi: frozenset[str] = frozenset()
    asserted: frozenset[str] = frozenset()
    qi_motions: frozenset[tuple[int, str]] = frozenset()
    pending_qi_motions: frozenset[int] = frozenset()
    deferred_qi_motions: frozenset[int] = frozenset()
    resolutions: frozenset[Resolution] = frozenset()
    gate1: frozenset[str] = frozenset()
    fact_questions: frozenset[str] = frozenset()
    requests: frozenset[str] = frozenset()
    tailored: frozenset[str] = frozenset()
    orders: tuple[OrderInForce, ...] = ()
    appeals: tuple[AppealOnFile, ...] = ()
    conference_deadlines: tuple[dt.date, dt.date] | None = None
    pleadings_rulings: frozenset[int] = frozenset()
    parties: dict[str, Party] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @classmethod
    def start(cls, cast: Iterable[Party], law_as_of: dt.date) -> Posture:
        cast = tuple(cast)
        return cls(
            cast=cast,
            carswell=law_as_of >= CARSWELL_EFFECTIVE,
            in_case=frozenset(p.id for p in cast if p.is_defendant),
            parties={p.id: p for p in cast},
        )

    def evolve(self, **changes: object) -> Posture:
        """A copy with ``changes``: ``dataclasses.replace`` without re-running ``__init__`` (no field is
        computed there), as the explorer evolves a posture some 90,000 times."""
        if not changes.keys() <= _FIELDS:
            return replace(self, **changes)  # raises TypeError naming the unknown field
        state = self.__dict__.copy()
        for name in _QUERIES.intersection(state) if "cast" in changes else _STATE_QUERIES.intersection(state):
            del state[name]  # a cached query answers for the posture it was asked of
        state.update(changes)
        new = object.__new__(type(self))
        new.__dict__.update(state)
        return new

    # --- parties --------------------------------------------------------------------------------
    @_cached
    def defendants(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.cast if p.is_defendant)

    @_cached
    def officials(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.cast if p.is_official)

    def name(self, party: str) -> str:
        return self.parties[party].name if party in self.parties else party

    # --- QI status (LAW.md s.11, "Terms") -------------------------------------------------------
    def qi_motion_by(self, motion: int) -> str | None:
        """The official whose QI motion to dismiss ``motion`` is, if it is one."""
        return next((who for entry, who in self.qi_motions if entry == motion), None)

    @_cached
    def pending_appeals(self) -> tuple[AppealOnFile, ...]:
        """Appeals filed and not yet ruled on, less those certified frivolous (Behrens, 516 U.S. at 310-11)."""
        return tuple(a for a in self.appeals if not a.frivolous)

    def resolution(self, official: str) -> Resolution | None:
        return next((r for r in self.resolutions if r.official == official), None)

    def qi_resolved(self, official: str) -> bool:
        """Resolved by a ruling; a denial is not resolved while an appeal from it is pending."""
        r = self.resolution(official)
        if r is None:
            return False
        return not (r.outcome == "denied" and any(a.from_entry == r.entry for a in self.pending_appeals))

    def qi_unresolved(self, official: str) -> bool:
        """QI asserted and not resolved, by an official still in the case."""
        return official in self.asserted and official in self.in_case and not self.qi_resolved(official)

    @_cached
    def unresolved_officials(self) -> tuple[str, ...]:
        return tuple(o for o in self.officials if self.qi_unresolved(o))

    def has_gate1(self, official: str) -> bool:
        return official in self.gate1

    def questions_concerning(self, official: str) -> list[str]:
        return sorted(self.fact_questions)

    def pending_qi_motions_of(self, official: str) -> list[int]:
        return sorted(r for r, who in self.qi_motions if who == official and r in self.pending_qi_motions)

    def pending_appeals_of(self, official: str) -> tuple[AppealOnFile, ...]:
        return self.pending_appeals

    def carries_burden(self, official: str) -> str:
        """Who must show QI does or does not apply (McClendon, 305 F.3d at 323)."""
        return "plaintiff" if official in self.asserted else "official"

    # --- discovery orders -----------------------------------------------------------------------
    def covered_by_order(self, party: str, requests: frozenset[str]) -> bool:
        return any(o.covers_discovery(party, requests) for o in self.orders)

    @property
    def authorized(self) -> frozenset[str]:
        """Requests authorized by the orders in force."""
        return frozenset().union(*(o.authorized for o in self.orders)) if self.orders else frozenset()

    @property
    def discovery_authorized(self) -> bool:
        """An order in force covers at least one official still in the case (LAW.md s.11, "At the end")."""
        return any(o.covers_party(p) for o in self.orders for p in self.officials if p in self.in_case)


_FIELDS = frozenset(f.name for f in fields(Posture))
_STATE_QUERIES = frozenset(("pending_appeals", "unresolved_officials"))
_QUERIES = _STATE_QUERIES | {"defendants", "officials"}  # those two read only the cast
"""Queries cached on each posture: the guards, routes and invariants ask them many times of one posture."""
