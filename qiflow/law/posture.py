"""The case posture the law reads: LAW.md s.11 "Terms", each defined term a query named as the law names it.

The posture records what the docket has done, per official where the law is per official: who asserted
QI, which QI motions to dismiss are pending for whom, how each official's QI was decided, the findings
(gate-1 holdings, fact questions and whom they concern) and whose they still are, the discovery orders in
force and as to whom, and the appeals. Effects (``effects.py``) return a new posture for each entry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import MISSING, dataclass, field, fields, replace
from typing import Any, Generic, TypeVar

from rpds import HashTrieSet

from qiflow.law.eras import CARSWELL, WICKS
from qiflow.scenario import Entry, Party

_T = TypeVar("_T")


class query(Generic[_T]):
    """A posture query answered once per posture and kept in its ``__dict__`` (``cached_property`` without the
    lock Python 3.11 takes on every first read). ``static`` queries read only what no entry changes (the parties,
    the docket as filed), so ``evolve`` keeps them; the rest are dropped from the copy."""

    def __init__(self, fn: Callable[[Any], _T], *, static: bool = False) -> None:
        self.fn, self.name, self.static = fn, fn.__name__, static
        self.__doc__ = fn.__doc__

    def __get__(self, obj: object, owner: type | None = None) -> _T:
        if obj is None:
            return self  # type: ignore[return-value]
        value = obj.__dict__[self.name] = self.fn(obj)
        return value


def static_query(fn: Callable[[Any], _T]) -> query[_T]:
    return query(fn, static=True)


ALL = None
"""Coverage of "all discovery" (a general order covering a party who is not an official with QI undecided)."""
_NOTHING: frozenset[str] = frozenset()


def entry_ref(entry: Entry, position: int) -> int:
    """The entry's docket number, or a negative stand-in for an unnumbered entry (its place, negated)."""
    return entry.entry_number if entry.entry_number is not None else -position


def ref_label(ref: int) -> str:
    """How an entry is named: its docket number, or its place in the docket when it has none."""
    return f"Dkt. {ref}" if ref >= 0 else f"Entry {-ref}"


@dataclass(frozen=True, slots=True)
class QiMotion:
    """A QI motion to dismiss as to one official who asserted QI in it."""

    entry: int
    official: str
    seq: int
    """Its stamp (``Posture.seq``), to tell which came later."""


@dataclass(frozen=True, slots=True)
class Resolution:
    """An entry that decides an official's QI: a ruling on their QI motion, a QI ruling, or the court of appeals."""

    official: str
    outcome: str
    """granted, granted_in_part or denied."""
    entry: int
    seq: int
    stage: str
    """pleadings (a ruling on a motion to dismiss), record (a QI ruling) or appeal (granted by the court of appeals)."""


@dataclass(frozen=True, slots=True)
class Authorization:
    request: str
    addresses: frozenset[str]


@dataclass(frozen=True, slots=True)
class OrderInForce:
    """A granting discovery order, in force as to ``against`` (which undoing, stays and vacaturs shrink)."""

    entry: int
    against: frozenset[str]
    scope: str
    authorized: tuple[Authorization, ...]


@dataclass(frozen=True, slots=True)
class AppealOnFile:
    """A notice of appeal from ``from_entry``; an interlocutory one is pending until ruled on, unless certified
    frivolous; an appeal from a judgment is never pending in that sense."""

    entry: int
    from_entry: int
    by: frozenset[str]
    interlocutory: bool
    frivolous: bool = False

    @property
    def pending(self) -> bool:
        return self.interlocutory and not self.frivolous


@dataclass(frozen=True, slots=True)
class Ruling:
    """A ruling an appeal may undo: whom it ruled on, and how it decided each (None: it decided nothing)."""

    entry: int
    kind: str
    """motion_to_dismiss_ruling, qi_ruling or discovery_order."""
    ruled_on: frozenset[str]
    outcome: str
    motion: int | None = None
    """The QI motion to dismiss it ruled on, for a ruling on one."""
    denies_qi: bool = False
    """It denied QI in whole or in part (a deciding denial, or a grant in part)."""


@dataclass(frozen=True)
class Posture:
    """Everything the guards, the invariants and the explanations read. Immutable: effects return a new one."""

    cast: tuple[Party, ...]
    law_as_of: dt.date
    seq: int = 0
    """The latest stamp given a QI motion or a decision of QI, to tell which came later (each stamp is new)."""
    in_case: frozenset[str] = frozenset()
    asserted: frozenset[str] = frozenset()
    """Officials who asserted QI (an answer, motion to dismiss or SJ motion with ``asserts_qi``)."""
    qi_motions: tuple[QiMotion, ...] = ()
    qi_motions_filed: frozenset[int] = frozenset()
    """Every motion to dismiss asserting QI, whoever filed it: one filed only by parties who cannot hold QI is pending
    for no one, but a ruling on it is still a ruling on a QI motion to dismiss (s.11 "appeal_ruling", ``renders``)."""
    pending: frozenset[tuple[int, str]] = frozenset()
    """(motion, official): a QI motion to dismiss pending for that official."""
    deferred: frozenset[tuple[int, str]] = frozenset()
    """(motion, official): pending, and put off by a ruling that did not order a Rule 7(a) reply."""
    decided: frozenset[tuple[int, str, int]] = frozenset()
    """(ruling, official, motion): the ruling decided the motion for the official (undone on appeal: pending again)."""
    sj_pending: frozenset[tuple[str, int]] = frozenset()
    """(official, entry): a summary-judgment motion on QI pending (filed, or a motion to dismiss converted)."""
    resolutions: tuple[Resolution, ...] = ()
    removed_by: frozenset[tuple[int, str]] = frozenset()
    """(entry, party): the entry takes the party out of the case (a grant in whole, a judgment naming them), even one
    already out; a party is out while one of these stands."""
    gate1: frozenset[tuple[str, int]] = frozenset()
    """(official, source): the gate-1 holding for the official, made in the source entry."""
    questions: frozenset[tuple[str, str, int]] = frozenset()
    """(question, official, source): an identified fact question concerning the official."""
    identified: frozenset[tuple[str, int]] = frozenset()
    """(question, source): every identified fact question, whoever it concerns."""
    void: frozenset[tuple[int, str]] = frozenset()
    """(source, party): the source's findings no longer count for the party (undone on appeal, or vacated)."""
    requests: HashTrieSet[str] = HashTrieSet()
    """Requests made (by a motion for leave), a persistent set: adding one to a docket's thousands copies none."""
    orders: tuple[OrderInForce, ...] = ()
    discovery_orders: tuple[tuple[int, frozenset[str]], ...] = ()
    """Every discovery order entered so far and the parties it named."""
    rulings: tuple[Ruling, ...] = ()
    judgments: frozenset[int] = frozenset()
    appeals: tuple[AppealOnFile, ...] = ()
    final_appeals: tuple[AppealOnFile, ...] = ()
    ruled_appeals: tuple[AppealOnFile, ...] = ()
    """Appeals the court of appeals has ruled on: no longer pending, but a later ruling on one (the en banc court's
    after the panel's) is still a ruling on it (LAW.md s.11 "appeal_ruling")."""
    conference_deadlines: tuple[dt.date, dt.date] | None = None
    parties: dict[str, Party] = field(default_factory=dict, compare=False, hash=False, repr=False)
    docket: Sequence[Entry] = field(default=(), compare=False, hash=False, repr=False)
    """The docket as filed (for ``filed``): empty where entries come one at a time (the explorer, the stepper)."""

    @classmethod
    def start(cls, cast: Iterable[Party], law_as_of: dt.date, docket: Sequence[Entry] = ()) -> Posture:
        cast = tuple(cast)
        new = object.__new__(cls)  # a frozen ``__init__`` sets the fields one by one, through object.__setattr__
        object.__setattr__(new, "__dict__", {
            **_DEFAULTS, "cast": cast, "law_as_of": law_as_of, "parties": {p.id: p for p in cast}, "docket": docket})
        new.__dict__["in_case"] = frozenset(new.defendants)  # every defendant is in the case at the start
        return new

    def evolve(self, **changes: object) -> Posture:
        """A copy with ``changes`` (``dataclasses.replace`` without re-running ``__init__``), cached queries dropped."""
        if not changes.keys() <= _FIELDS:
            return replace(self, **changes)  # type: ignore[arg-type]  # raises TypeError naming the field
        state = self.__dict__.copy()
        for name in _DROPPED:
            state.pop(name, None)
        state.update(changes)
        new = object.__new__(type(self))
        object.__setattr__(new, "__dict__", state)  # the copy is the new posture's own: no second copy
        return new

    # --- the law in force ---------------------------------------------------------------------------
    @property
    def from_wicks(self) -> bool:
        return self.law_as_of >= WICKS

    @property
    def from_carswell(self) -> bool:
        return self.law_as_of >= CARSWELL

    # --- parties ------------------------------------------------------------------------------------
    @static_query
    def defendants(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.cast if p.is_defendant)

    @static_query
    def officials(self) -> tuple[str, ...]:
        """Defendants of kind official sued individually (or both): the only parties who hold QI."""
        return tuple(p.id for p in self.cast if p.is_official)

    @static_query
    def filed(self) -> dict[int | str, Entry]:
        """Each entry of the docket as filed, by its ref (its number, or its place negated) and by its id: what an
        entry refers to is what was filed, whether or not it took effect (strict mode refuses some)."""
        out: dict[int | str, Entry] = {}
        for i, e in enumerate(self.docket, 1):
            out[entry_ref(e, i)] = e
            if e.id is not None:
                out[e.id] = e
        return out

    @static_query
    def official_ids(self) -> frozenset[str]:
        """``officials`` as a set: asking whether a party is one costs the same however many parties there are."""
        return frozenset(self.officials)

    def is_official(self, party: str) -> bool:
        return party in self.official_ids

    def name(self, party: str) -> str:
        return self.parties[party].name if party in self.parties else party

    # --- QI motions to dismiss --------------------------------------------------------------------
    def motion_officials(self, motion: int) -> tuple[str, ...]:
        """The officials for whom ``motion`` is their QI motion to dismiss and not replaced by a later one."""
        return tuple(q.official for q in self.qi_motions if q.entry == motion and self.current(q.official) == motion)

    def current(self, official: str) -> int | None:
        """The official's latest QI motion to dismiss (a later one replaces it)."""
        if not self.qi_motions:
            return None
        return next((q.entry for q in reversed(self.qi_motions) if q.official == official), None)

    def pending_for(self, official: str) -> tuple[int, ...]:
        """The QI motions to dismiss pending for the official."""
        if not self.pending:
            return ()
        return tuple(sorted(m for m, o in self.pending if o == official))

    @property
    def pending_motions(self) -> tuple[int, ...]:
        """Every QI motion to dismiss pending for someone."""
        return tuple(sorted({m for m, _ in self.pending}))

    def motion_seq(self, motion: int, official: str) -> int:
        return next(q.seq for q in self.qi_motions if q.entry == motion and q.official == official)

    # --- QI resolved ------------------------------------------------------------------------------
    def resolution(self, official: str) -> Resolution | None:
        """The latest entry still standing that decides the official's QI."""
        if not self.resolutions:
            return None
        return next((r for r in reversed(self.resolutions) if r.official == official), None)

    def appeals_by(self, official: str) -> tuple[AppealOnFile, ...]:
        """The official's interlocutory appeals now pending (divesting the court as to them)."""
        if not self.appeals:
            return ()
        return tuple(x for x in self.appeals if x.pending and official in x.by)

    def qi_resolved(self, official: str) -> bool:
        """Decided, no appeal by them pending from a denial (or grant in part), and no QI motion to dismiss of
        theirs filed since and still pending."""
        r = self.resolution(official)
        if r is None:
            return False
        if r.outcome in ("denied", "granted_in_part") and any(
                x.from_entry == r.entry for x in self.appeals_by(official)):
            return False
        return not any(self.motion_seq(m, official) > r.seq for m in self.pending_for(official))

    def qi_unresolved(self, official: str) -> bool:
        """QI asserted and not resolved, by an official still in the case."""
        return official in self.unresolved_officials

    @query
    def unresolved_officials(self) -> tuple[str, ...]:
        """The officials still in the case who asserted QI and have not had it resolved (answered once a posture:
        the guards, the settle table and the coverage of orders all ask it)."""
        asserted, in_case = self.asserted, self.in_case
        if not asserted:
            return ()
        if not self.resolutions:  # nothing has decided anyone's QI (``qi_resolved`` needs a resolution)
            return tuple(o for o in self.officials if o in asserted and o in in_case)
        return tuple(o for o in self.officials if o in asserted and o in in_case and not self.qi_resolved(o))

    def carries_burden(self, official: str) -> str:
        """Who must show QI does or does not apply (McClendon, 305 F.3d at 323)."""
        return "plaintiff" if official in self.asserted else "official"

    # --- findings ---------------------------------------------------------------------------------
    def counts(self, source: int, party: str) -> bool:
        """Whether the findings of ``source`` still count for ``party``."""
        return (source, party) not in self.void

    def has_gate1(self, official: str) -> bool:
        """The gate-1 holding: the pleadings overcome QI, as to the official."""
        if not self.gate1:
            return False
        return any(o == official and self.counts(src, o) for o, src in self.gate1)

    def questions_concerning(self, official: str) -> list[str]:
        """The identified fact questions concerning the official, each once, sorted."""
        return sorted(self.concerning(official))

    def concerning(self, official: str) -> frozenset[str]:
        """The identified fact questions concerning the official (``questions_concerning``, as a set)."""
        if not self.questions:
            return _NOTHING
        return frozenset(q for q, o, src in self.questions if o == official and self.counts(src, o))

    def identified_for(self, parties: frozenset[str]) -> frozenset[str]:
        """Fact questions identified by entries whose findings still count for at least one of ``parties``."""
        return frozenset(q for q, src in self.identified if any(self.counts(src, p) for p in parties))

    # --- discovery orders -------------------------------------------------------------------------
    def covered_for_something(self, party: str) -> bool:
        """An order in force covers the party for something, now (``coverage`` is ``ALL`` or not empty)."""
        for order in self.orders:
            if party in order.against:
                got = self._order_covers(order, party)
                if got is ALL or got:
                    return True
        return False

    def covered(self, party: str, requests: frozenset[str]) -> bool:
        """One order in force covers discovery of ``requests`` from the party (none listed: only one covering all)."""
        for order in self.orders:
            if party not in order.against:
                continue
            got = self._order_covers(order, party)
            if got is ALL or (requests and requests <= got):
                return True
        return False

    def _order_covers(self, order: OrderInForce, party: str) -> frozenset[str] | None:
        """What one order covers the party for, at this moment (LAW.md s.11 "covers").

        An official whose QI is unresolved: only a limited order, only (from Wicks) with their gate-1 holding,
        and just its authorized requests that address an identified fact question concerning them.
        """
        if not self.qi_unresolved(party):
            return ALL if order.scope == "general" else frozenset(a.request for a in order.authorized)
        if order.scope == "general" or (self.from_wicks and not self.has_gate1(party)):
            return frozenset()
        concerning = self.concerning(party)
        return frozenset(a.request for a in order.authorized if a.addresses & concerning)

    @property
    def authorized(self) -> frozenset[str]:
        """Requests authorized by the orders in force, as to anyone."""
        return frozenset(a.request for o in self.orders for a in o.authorized)

    @property
    def pending_appeals(self) -> tuple[AppealOnFile, ...]:
        if not self.appeals:
            return ()
        return tuple(x for x in self.appeals if x.pending)

    @property
    def discovery_authorized(self) -> bool:
        """LAW.md s.11 "At the end": some official still in the case could now be subjected to discovery under an
        order in force covering them for something, without QI101, QI301 or QI401."""
        if not self.orders:  # no order in force covers anyone for anything
            return False
        for official in self.officials:
            if official not in self.in_case:
                continue
            if not self.covered_for_something(official):
                continue
            if self.qi_unresolved(official) and (
                    self.appeals_by(official) or (self.from_carswell and self.pending_for(official))):
                continue
            return True
        return False


_FIELDS = frozenset(f.name for f in fields(Posture))
_DEFAULTS = {f.name: f.default for f in fields(Posture) if f.default is not MISSING}
"""Every field's default but the cast's, the day's and the parties' (which ``start`` sets)."""
_DROPPED = tuple(name for name, value in vars(Posture).items() if isinstance(value, query) and not value.static)
"""Queries answered once per posture that read its state: ``evolve`` drops them from the copy."""
