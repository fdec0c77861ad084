"""The careful procedure, defined once: phases, the moves between them, and the guards on each move.

The runtime machine (``machine.py``), the exhaustive verifier, the diagrams and the explanations are
all built from ``PROCEDURE``. Phases are where the case stands; a move is what one docket event does;
its guards are the law (``guards.py``) and its routes say where the case goes next.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Callable

from qiflow import scenario as m
from qiflow.law import authorities as a
from qiflow.law import guards as g
from qiflow.law.authorities import Authority, at
from qiflow.law.effects import asserts_qi_validly
from qiflow.law.guards import Guard
from qiflow.law.posture import Posture


@dataclass(frozen=True)
class Phase:
    name: str
    label: str
    cluster: str
    meaning: str
    authorities: tuple[Authority, ...] = ()
    final: bool = False
    bars: tuple[Guard, ...] = ()
    """Descriptive, for diagrams: blocking guards that typically forbid a move while the case stands here."""


@dataclass(frozen=True)
class Condition:
    """A fact about the case (after the entry) that chooses between routes; not itself a rule of law."""

    name: str
    label: str
    holds: Callable[[m.Entry, Posture], bool]


@dataclass(frozen=True)
class Route:
    """From any of ``sources``, go to ``dest`` when every condition holds (first match wins)."""

    sources: tuple[str, ...]
    dest: str
    when: tuple[Condition, ...] = ()


@dataclass(frozen=True)
class Move:
    """One docket event kind: the rules it must keep, and where it takes the case."""

    event: str
    label: str
    actor: str
    """Who makes it: plaintiff, defendant, parties, district court, court of appeals, anyone."""
    guards: tuple[Guard, ...] = ()
    routes: tuple[Route, ...] = ()
    settles_from: tuple[str, ...] = ()
    stays: bool = False

    @cached_property
    def barring_guards(self) -> tuple[Guard, ...]:
        return tuple(x for x in self.guards if x.blocks)


CLUSTERS: dict[str, str] = {
    "pleadings": "Pleadings and the QI stay",
    "limited": "The limited-discovery path",
    "ruling": "The QI ruling",
    "appeal": "The collateral-order appeal",
    "merits": "The merits",
}

PHASES: tuple[Phase, ...] = (
    Phase("filed", "Complaint filed", "pleadings", "The suit is filed; no one has asserted qualified immunity."),
    Phase("qi_motion_pending", "QI motion to dismiss pending", "pleadings",
          "A motion to dismiss asserting QI is pending: the court must rule on it first, without discovery.",
          (at(a.CARSWELL, "311-12"), at(a.BACKE, "648")),
          bars=(g.QI_MOTION_RULED_FIRST, g.RULING_NOT_DEFERRED)),
    Phase("qi_stay", "QI asserted: discovery stayed", "pleadings",
          "An official asserted QI; all discovery against them is stayed and the plaintiff carries the burden.",
          (at(a.HARLOW, "818"), at(a.WICKS, "994-95"), at(a.MCCLENDON, "323")),
          bars=(g.STAY_OF_DISCOVERY, g.QI_DISCOVERY_ONLY)),
    Phase("reply_ordered", "Rule 7(a) reply ordered", "pleadings",
          "The court ordered a reply tailored to the QI defense.", (at(a.SCHULTEA, "1433-34"),)),
    Phase("reply_filed", "Rule 7(a) reply filed", "pleadings",
          "The reply joins the complaint as the pleadings for gate 1.", (at(a.SCHULTEA, "1433-34"),)),
    Phase("sj_noticed", "SJ motion on QI noticed", "pleadings",
          "The official gave notice of a summary-judgment motion on QI.", (at(a.RUSANOWSKY_ORDER),)),
    Phase("discovery_sought", "Leave for limited discovery sought", "limited",
          "The plaintiff moved for leave to conduct limited QI discovery.", (at(a.WICKS, "994"),)),
    Phase("response_filed", "Response filed", "limited", "The official responded to the motion for leave."),
    Phase("referred", "Referred to magistrate judge", "limited",
          "The motion was referred to a magistrate judge under 28 U.S.C. § 636."),
    Phase("conference_ordered", "Meet and confer ordered", "limited",
          "The parties must meet and confer, then file a joint status report.", (at(a.RUSANOWSKY_ORDER),)),
    Phase("conferred", "Parties conferred", "limited", "The parties met and conferred on the requests."),
    Phase("joint_report_filed", "Joint report and supplements", "limited",
          "The joint report lists agreed and disputed requests; each side may supplement.",
          (at(a.RUSANOWSKY_ORDER),)),
    Phase("limited_discovery", "Limited QI discovery under order", "limited",
          "After the three gates, narrowly tailored discovery runs under an order in force.",
          (at(a.ZAPATA, "485"), at(a.WEBB, "209-11"))),
    Phase("qi_sj_pending", "SJ motion on QI pending", "ruling",
          "The official moved for summary judgment on QI; the court decides it on the record.",
          (at(a.JOSEPH, "329-30"),)),
    Phase("on_appeal", "Collateral-order appeal pending", "appeal",
          "An interlocutory appeal is pending; the district court is divested of the matters appealed.",
          (at(a.GRIGGS, "58"), at(a.WILLIAMS, "730", unverified=True)), bars=(g.NO_APPEAL_PENDING,)),
    Phase("merits", "QI resolved: the case goes on", "merits",
          "Qualified immunity is resolved; the case goes on and ordinary discovery opens.",
          (at(a.LION_BOULOS, "507-08"),)),
    Phase("closed", "Judgment", "merits", "No defendant remains in the case.", final=True),
)
PHASE = {p.name: p for p in PHASES}
INITIAL = "filed"


def _cond(name: str, label: str, holds: Callable[[m.Entry, Posture], bool]) -> Condition:
    return Condition(name, label, holds)


NO_DEFENDANT_LEFT = _cond("no_defendant_left", "no defendant left", lambda e, p: not p.in_case)
APPEAL_PENDING = _cond("appeal_pending", "appeal pending", lambda e, p: bool(p.pending_appeals))
QI_MOTION_PENDING = _cond("qi_motion_pending", "QI motion pending", lambda e, p: bool(p.pending_qi_motions))
QI_DISCOVERY_IN_FORCE = _cond(
    "qi_discovery_in_force", "QI discovery ordered",
    lambda e, p: any(o.covers_party(x) for o in p.orders for x in p.unresolved_officials))
QI_UNRESOLVED = _cond("qi_unresolved", "QI unresolved", lambda e, p: bool(p.unresolved_officials))
QI_ASSERTED = _cond("qi_asserted", "QI resolved", lambda e, p: bool(p.asserted))
ASSERTS_QI = _cond("asserts_qi", "asserts QI", lambda e, p: asserts_qi_validly(e, p))

SETTLE: tuple[Route, ...] = tuple(
    Route(("*",), dest, when)
    for dest, when in (
        ("closed", (NO_DEFENDANT_LEFT,)),
        ("on_appeal", (APPEAL_PENDING,)),
        ("qi_motion_pending", (QI_MOTION_PENDING,)),
        ("limited_discovery", (QI_DISCOVERY_IN_FORCE,)),
        ("qi_stay", (QI_UNRESOLVED,)),
        ("merits", (QI_ASSERTED,)),
        ("filed", ()),
    )
)
"""Where the case stands after an entry that does not fix its own next phase, read off the posture."""

_STAYED = ("qi_stay", "reply_ordered", "reply_filed", "sj_noticed")
_SOUGHT = ("discovery_sought", "response_filed", "referred", "conference_ordered", "conferred",
           "joint_report_filed")
_PRE_RULING = _STAYED + _SOUGHT + ("limited_discovery",)


def _route(sources: tuple[str, ...], dest: str, *when: Condition) -> Route:
    return Route(sources, dest, when)


MOVES: tuple[Move, ...] = (
    Move("complaint", "complaint", "plaintiff", routes=(_route(("filed",), "filed"),)),
    Move("answer", "answer", "defendant", (g.QI_AVAILABLE,), (_route(("filed",), "qi_stay", ASSERTS_QI),),
         settles_from=("filed",)),
    Move("motion_to_dismiss", "motion to dismiss", "defendant", (g.QI_AVAILABLE,),
         (_route(("filed", "qi_stay"), "qi_motion_pending", ASSERTS_QI),)),
    Move("motion_to_dismiss_ruling", "ruling on motion to dismiss", "district court", (g.RULING_NOT_DEFERRED,),
         settles_from=("qi_motion_pending",)),
    Move("reply_order", "Rule 7(a) reply ordered", "district court",
         routes=(_route(("qi_stay", "qi_motion_pending"), "reply_ordered", QI_UNRESOLVED),)),
    Move("reply", "Rule 7(a) reply", "plaintiff", routes=(_route(("reply_ordered",), "reply_filed"),)),
    Move("sj_notice", "notice of SJ motion on QI", "defendant",
         routes=(_route(("qi_stay", "reply_ordered", "reply_filed"), "sj_noticed"),)),
    Move("discovery_motion", "motion for leave to conduct limited discovery", "plaintiff",
         routes=(_route(_STAYED, "discovery_sought", QI_UNRESOLVED),)),
    Move("response", "response", "parties", routes=(_route(("discovery_sought",), "response_filed"),)),
    Move("referral", "referral", "district court", routes=(_route(("discovery_sought", "response_filed"), "referred"),)),
    Move("conference_order", "meet-and-confer order", "district court",
         routes=(_route(_STAYED + ("discovery_sought", "response_filed", "referred"), "conference_ordered"),)),
    Move("conference", "conference", "parties", (g.CONFERENCE_BY_DEADLINE,),
         (_route(("conference_ordered",), "conferred"),)),
    Move("joint_report", "joint status report", "parties", (g.REPORT_BY_DEADLINE,),
         (_route(("conferred", "conference_ordered"), "joint_report_filed"),)),
    Move("supplement", "supplement", "parties", routes=(_route(("joint_report_filed",), "joint_report_filed"),)),
    Move("discovery_order", "discovery order", "district court",
         (g.QI_MOTION_RULED_FIRST, g.NO_APPEAL_PENDING, g.PLEADINGS_OVERCOME_QI, g.FACT_QUESTIONS,
          g.QI_DISCOVERY_ONLY, g.NARROWLY_TAILORED, g.CODEFENDANT_SPARED),
         (_route(_SOUGHT, "limited_discovery", QI_DISCOVERY_IN_FORCE),),
         settles_from=_SOUGHT),
    Move("discovery", "discovery", "plaintiff", (g.NO_APPEAL_PENDING, g.STAY_OF_DISCOVERY, g.CODEFENDANT_SPARED),
         stays=True),
    Move("sj_motion", "motion for summary judgment", "defendant", (g.QI_AVAILABLE,),
         (_route(_PRE_RULING, "qi_sj_pending", QI_UNRESOLVED),)),
    Move("qi_ruling", "QI ruling", "district court", settles_from=("qi_sj_pending",)),
    Move("appeal", "appeal", "parties", routes=(_route(("qi_motion_pending", "qi_sj_pending", "limited_discovery",
                                              "merits", "closed"), "on_appeal", APPEAL_PENDING),)),
    Move("frivolous_certification", "certification that the appeal is frivolous", "district court", settles_from=("on_appeal",)),
    Move("appeal_ruling", "ruling on appeal", "court of appeals", settles_from=("on_appeal",)),
    Move("judgment", "judgment", "district court", settles_from=("merits", "qi_sj_pending")),
    Move("order", "order", "district court", stays=True),
    Move("other", "docket entry", "anyone", stays=True),
)


@dataclass(frozen=True)
class Procedure:
    """Phases and moves: the one definition every view is derived from."""

    phases: tuple[Phase, ...]
    moves: tuple[Move, ...]
    initial: str = INITIAL
    removed: tuple[str, ...] = field(default=())
    amendments: tuple[str, ...] = field(default=())

    @cached_property
    def move(self) -> dict[str, Move]:
        return {mv.event: mv for mv in self.moves}

    @cached_property
    def _routes_from(self) -> dict[tuple[str, str], tuple[Route, ...]]:
        return {(mv.event, p.name): tuple(r for r in mv.routes if p.name in r.sources) + SETTLE
                for mv in self.moves for p in self.phases}

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
        """Guards that bar a move in strict mode (error severity); the rest are cautions."""
        return tuple(x for x in self.guards if x.blocks)

    def amended(self) -> Procedure:
        """The procedure with the proposed amendment to s.11's discovery rule (``guards.AMENDMENTS``)."""
        moves = tuple(replace(mv, guards=mv.guards + g.AMENDMENTS) if mv.event == "discovery" else mv
                      for mv in self.moves)
        return replace(self, moves=moves, amendments=tuple(x.name for x in g.AMENDMENTS))

    def without(self, guard_name: str) -> Procedure:
        """The procedure with one guard removed: the law with one step skipped."""
        if guard_name not in {x.name for x in self.guards}:
            raise KeyError(guard_name)
        moves = tuple(replace(mv, guards=tuple(x for x in mv.guards if x.name != guard_name))
                      for mv in self.moves)
        return replace(self, moves=moves, removed=self.removed + (guard_name,))

    def routes(self, event: str, phase: str) -> tuple[Route, ...]:
        """Routes tried for ``event`` from ``phase``, in order: its own, then settling by the posture."""
        return self._routes_from[event, phase]

    def next_phase(self, phase: str, entry: m.Entry, posture: Posture) -> str:
        """Pure routing, used by the exhaustive verifier; the runtime machine must agree."""
        if self.move[entry.event].stays:
            return phase
        for route in self.routes(entry.event, phase):
            if all(c.holds(entry, posture) for c in route.when):
                return route.dest
        raise AssertionError("SETTLE ends with an unconditional route")

    def in_usual_order(self, phase: str, event: str) -> bool:
        """Whether ``event`` is one the procedure expects from ``phase`` (otherwise it settles by posture)."""
        mv = self.move[event]
        return mv.stays or phase in mv.settles_from or any(phase in r.sources for r in mv.routes)


def validate(procedure: Procedure) -> Procedure:
    """Fail at definition time, naming the phase or event, if the table is not a sound machine."""
    names = {p.name for p in procedure.phases}
    if procedure.initial not in names:
        raise ValueError(f"initial phase {procedure.initial!r} is not a phase")
    missing = set(m.EVENT_KINDS) - set(procedure.move)
    if missing:
        raise ValueError(f"no move for event kind(s) {sorted(missing)}")
    for mv in procedure.moves:
        for route in mv.routes:
            for phase in route.sources + (route.dest,):
                if phase not in names:
                    raise ValueError(f"move {mv.event!r} names unknown phase {phase!r}")
        for phase in mv.settles_from:
            if phase not in names:
                raise ValueError(f"move {mv.event!r} settles from unknown phase {phase!r}")
    for phase in procedure.phases:
        for guard in phase.bars:
            if not guard.blocks or guard not in procedure.guards:
                raise ValueError(f"phase {phase.name!r} bars with {guard.name!r}, not a blocking guard of any move")
    reachable = {procedure.initial} | {r.dest for mv in procedure.moves for r in mv.routes + SETTLE}
    if unreachable := names - reachable:
        raise ValueError(f"phase(s) {sorted(unreachable)} can never be reached")
    if not any(p.final for p in procedure.phases):
        raise ValueError("no final phase")
    return procedure


PROCEDURE = validate(Procedure(PHASES, MOVES))
