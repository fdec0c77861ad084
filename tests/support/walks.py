"""Hypothesis strategies for whole scenarios: small casts, any order of event kinds, random fields.

Ids always refer to what exists (the file format requires it); the law is what varies, so dockets
come out lawful, nearly lawful and plainly unlawful.

``docket_walks`` instead walks one procedure entry by entry, drawing each next entry from those the
exhaustive explorer would try (``verify.alphabet``): the rare paths a removed guard opens come up often
enough for Hypothesis' own search to find them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from functools import lru_cache, partial

from hypothesis import strategies as st

from qiflow import scenario as m
from qiflow.engine.step import Docket, judge
from qiflow.law.effects import apply
from qiflow.law.posture import Posture
from qiflow.procedure.careful import PROCEDURE, Procedure
from qiflow.verify.alphabet import CAST, LAW_AS_OF, alphabet

QUESTIONS = ("q1", "q2")
REQUESTS = ("r1", "r2", "r3")
DAY0 = dt.date(2022, 3, 1)  # dockets straddle the Carswell date (2022-06-17)
CORE = ("answer", "motion_to_dismiss_ruling", "discovery_motion", "discovery_order", "discovery_order",
        "discovery", "discovery")
"""The events the careful procedure turns on; drawn more often so that short dockets reach the gates."""
EVENTS = CORE * 3 + m.EVENT_KINDS


@st.composite
def casts(draw: st.DrawFn) -> list[m.Party]:
    """A plaintiff, one or two officials (any capacity), maybe a municipality."""
    cast = [m.Party(id="pat", name="Pat Plaintiff", role=m.Role.PLAINTIFF)]
    for i in range(draw(st.integers(1, 2))):
        capacity = draw(st.sampled_from((m.Capacity.INDIVIDUAL,) * 3 + tuple(m.Capacity)))
        cast.append(m.Party(id=f"o{i + 1}", name=f"Officer {i + 1}", role=m.Role.DEFENDANT, capacity=capacity))
    if draw(st.booleans()):
        cast.append(m.Party(id="city", name="The City", role=m.Role.DEFENDANT, kind=m.Kind.MUNICIPALITY))
    return cast


class Referents:
    """What a docket so far makes available to refer to."""

    def __init__(self, cast: list[m.Party]) -> None:
        self.cast = cast
        self.entries: list[m.Entry] = []
        self.requests: set[str] = set()
        self.questions: set[str] = set()
        self.day = DAY0

    @property
    def defendants(self) -> list[str]:
        return [p.id for p in self.cast if p.is_defendant]

    def numbers(self, *events: str) -> list[int]:
        return [e.entry_number for e in self.entries if not events or e.event in events]  # type: ignore[misc]

    def add(self, entry: m.Entry) -> m.Entry:
        self.entries.append(entry)
        if isinstance(entry, m.DiscoveryMotion):
            self.requests |= {r.id for r in entry.requests}
        if isinstance(entry, (m.DiscoveryOrder, m.MotionToDismissRuling)):
            self.questions |= {q.id for q in entry.fact_questions}
        return entry


def _fqs(draw: st.DrawFn) -> list[m.FactQuestion]:
    ids = draw(st.lists(st.sampled_from(QUESTIONS), max_size=2, unique=True) | st.just(["q1"]))
    return [m.FactQuestion(id=q) for q in ids]


def _subset(draw: st.DrawFn, pool: set[str]) -> list[str]:
    return draw(st.lists(st.sampled_from(sorted(pool)), unique=True)) if pool else []


def _addresses(draw: st.DrawFn, known: set[str]) -> list[str]:
    """Mostly aimed at a known fact question (tailored), sometimes at none (loose)."""
    if known and draw(st.integers(0, 3)):
        return draw(st.lists(st.sampled_from(sorted(known)), min_size=1, unique=True))
    return []


def entry(draw: st.DrawFn, d: Referents, event: str) -> m.Entry:
    """One entry of kind ``event`` whose references are all defined in ``d``."""
    f: dict = {"event": event, "entry_number": len(d.entries) + 1}
    d.day += dt.timedelta(days=draw(st.sampled_from((0, 7, 30, 90))))
    if draw(st.integers(0, 4)):
        f["date_filed"] = d.day
    defendant = st.sampled_from(d.defendants)
    if event in ("answer", "motion_to_dismiss", "sj_motion"):
        officials = [p.id for p in d.cast if p.is_official] or d.defendants
        f |= {"by": draw(st.sampled_from(officials) | defendant),
              "asserts_qi": draw(st.sampled_from((True, True, True, False)))}
    elif event == "motion_to_dismiss_ruling":
        motions = d.numbers("motion_to_dismiss")
        if not motions:
            return entry(draw, d, "other")
        fqs = _fqs(draw)
        f |= {"motion": draw(st.sampled_from(motions)), "pleadings_overcome_qi": draw(st.booleans()),
              "outcome": draw(st.sampled_from(m.MotionToDismissRuling.model_fields["outcome"].annotation.__args__)),
              "fact_questions": fqs}
    elif event == "discovery_motion":
        f["requests"] = [m.Request(id=r) for r in draw(st.lists(st.sampled_from(REQUESTS), min_size=1, unique=True))]
    elif event == "conference_order":
        f |= {"confer_by": d.day + dt.timedelta(days=draw(st.integers(0, 60))),
              "report_by": d.day + dt.timedelta(days=draw(st.integers(0, 90)))}
    elif event == "joint_report":
        f |= {"agreed": _subset(draw, d.requests), "disputed": _subset(draw, d.requests)}
    elif event == "supplement":
        f["requests"] = _subset(draw, d.requests)
    elif event == "discovery_order":
        fqs = _fqs(draw)
        known = d.questions | {q.id for q in fqs}
        f |= {"outcome": draw(st.sampled_from(("granted", "granted_in_part", "denied"))),
              "scope": draw(st.sampled_from(("limited", "limited", "general"))),
              "against": draw(st.none() | st.none() | st.lists(defendant, min_size=1, unique=True)),
              "pleadings_overcome_qi": draw(st.sampled_from((True, True, False))), "fact_questions": fqs,
              "authorized": [m.Authorization(request=r, addresses=_addresses(draw, known))
                             for r in _subset(draw, d.requests)]}
    elif event == "discovery":
        f |= {"by": "pat", "against": draw(defendant), "requests": _subset(draw, d.requests)}
    elif event == "qi_ruling":
        f |= {"outcome": draw(st.sampled_from(("granted", "denied", "granted_in_part"))),
              "defendants": draw(st.none() | st.lists(defendant, min_size=1, unique=True))}
    elif event == "appeal":
        if not d.entries:
            return entry(draw, d, "other")
        f |= {"by": draw(defendant), "from": draw(st.sampled_from(d.numbers()))}
    elif event in ("frivolous_certification", "appeal_ruling"):
        appeals = d.numbers("appeal")
        if not appeals:
            return entry(draw, d, "other")
        f["appeal"] = draw(st.sampled_from(appeals))
        if event == "appeal_ruling":
            f["outcome"] = draw(st.sampled_from(("affirmed", "reversed", "vacated", "dismissed")))
    elif event == "judgment":
        f |= {"outcome": "dismissed", "defendants": draw(st.none() | st.lists(defendant, min_size=1, unique=True))}
    return d.add(m.Scenario.model_validate({"qiflow": 1, "title": "x", "parties": [], "docket": [f]}).docket[0])


_STAGES: tuple[tuple[tuple[str, ...], ...], ...] = (
    ((), ("complaint",)),
    ((), ("answer",), ("motion_to_dismiss",), ("motion_to_dismiss", "motion_to_dismiss_ruling"), ("sj_motion",)),
    ((), ("discovery_motion",), ("discovery_motion",)),
    ((), (), (), ("appeal",), ("appeal", "frivolous_certification")),
    ((), ("discovery_order",), ("discovery_order", "discovery_order"), ("discovery_order",) * 3),
    ((), (), ("appeal",), ("qi_ruling", "appeal")),
    ((), ("discovery",), ("discovery",), ("discovery", "discovery")),
)
"""The careful procedure's storyline, each stage skipped, varied or doubled: dockets near the law's path."""


@st.composite
def event_kinds(draw: st.DrawFn, max_entries: int) -> list[str]:
    """Either the storyline with random entries slipped in, or any kinds in any order."""
    if draw(st.integers(0, 3)) == 0:
        return draw(st.lists(st.sampled_from(EVENTS), max_size=max_entries))
    kinds: list[str] = []
    for stage in _STAGES:
        kinds += draw(st.lists(st.sampled_from(m.EVENT_KINDS), max_size=1)) if not draw(st.integers(0, 5)) else []
        kinds += draw(st.sampled_from(stage))
    return (kinds + draw(st.lists(st.sampled_from(EVENTS), max_size=4)))[:max_entries]


@st.composite
def scenarios(draw: st.DrawFn, mode: str = "audit", max_entries: int = 14) -> m.Scenario:
    """A whole scenario: cast, law date, and a docket of any event kinds in any order."""
    cast = draw(casts())
    d = Referents(cast)
    for event in draw(event_kinds(max_entries)):
        entry(draw, d, event)
    law_as_of = draw(st.sampled_from((dt.date(2021, 1, 1), dt.date(2022, 6, 17), dt.date(2024, 1, 1))))
    return m.Scenario(qiflow=1, title="generated", mode=mode, law_as_of=law_as_of, parties=cast, docket=d.entries)


# --- walks: dockets built entry by entry from what the procedure makes sensible next --------------
WALK_WEIGHTS: dict[str, int] = {
    "answer": 6, "motion_to_dismiss": 6, "sj_motion": 3,  # asserting QI (or trying to)
    "discovery_motion": 6, "motion_to_dismiss_ruling": 4, "discovery_order": 10, "discovery": 8,
    "qi_ruling": 3, "appeal": 5, "frivolous_certification": 2, "appeal_ruling": 3,
}
"""How often each event kind is drawn among those on offer (others 1): the gates' events come up most."""


Options = tuple[tuple[m.Entry, ...], ...]


def _tickets(entries: tuple[m.Entry, ...]) -> tuple[m.Entry, ...]:
    """``entries`` repeated so that one uniform draw picks a kind by ``WALK_WEIGHTS``, then one of its entries."""
    count = Counter(e.event for e in entries)
    return tuple(e for e in entries for _ in range(max(1, round(12 * WALK_WEIGHTS.get(e.event, 1) / count[e.event]))))


def _options(procedure: Procedure, before: Posture, phase: str, ref: int) -> Options:
    """What to draw from in a situation, as tickets: the entries ``verify.alphabet`` offers that ``procedure``
    accepts and that move the case (change the posture or the phase, or are discovery, what the gates
    guard); those it accepts; and all it offers (each falling back on the next if empty)."""
    offered = tuple(alphabet(before, phase, procedure))  # bare: guards and effects read ``ref``, not the number
    accepted = tuple(e for e in offered if not any(f.guard.blocks for f in judge(procedure, e, before, ref)))
    moving = tuple(e for e in accepted if procedure.move[e.event].stays
                   or (after := apply(e, before, ref)) != before or procedure.next_phase(phase, e, after) != phase)
    return _tickets(moving or accepted or offered), _tickets(accepted or offered), _tickets(offered)


@st.composite
def _next_entry(draw: st.DrawFn, case: Docket, options: Callable[[Posture, str, int], Options]) -> m.Entry:
    """One entry to file next in ``case``: mostly one that moves it, sometimes any accepted, rarely any."""
    ref = len(case.steps) + 1
    pools = options(case.posture, case.phase, ref)
    tier = draw(st.integers(0, 9))  # 9: any offered, 8: any accepted, else (shrinking to) one that moves the case
    pool = pools[max(0, tier - 7)]
    return pool[draw(st.integers(0, len(pool) - 1))].model_copy(update={"entry_number": ref})


@st.composite
def _walks(draw: st.DrawFn, procedure: Procedure, max_entries: int,
           options: Callable[[Posture, str, int], Options]) -> m.Scenario:
    law_as_of = draw(st.sampled_from(LAW_AS_OF))
    case = Docket(list(CAST), law_as_of, strict=True, procedure=procedure)
    while len(case.steps) < max_entries and (not case.steps or draw(st.integers(0, 15))):  # 0 ends it
        case.step(draw(_next_entry(case, options)))
    return m.Scenario(qiflow=1, title="walk", mode="strict", law_as_of=law_as_of, parties=list(CAST),
                      docket=[s.entry for s in case.steps])


def docket_walks(procedure: Procedure = PROCEDURE, max_entries: int = 12) -> st.SearchStrategy[m.Scenario]:
    """Strict dockets walked entry by entry through ``procedure``, each entry drawn from ``verify.alphabet``.

    The real ``Docket`` (strict mode) carries the posture and phase forward, so each next entry is one that
    makes sense from where the case stands: mostly one the procedure accepts and that moves the case,
    sometimes any it accepts, sometimes one it refuses (kept on the docket, as strict mode keeps it),
    event kinds weighted by ``WALK_WEIGHTS``. Ids refer only to what exists (``verify.CAST``). Each entry
    is one draw, so Hypothesis shrinks a walk by dropping entries; the options from each situation are
    worked out once per strategy (walks share their beginnings, and shrinking replays them).
    """
    return _walks(procedure, max_entries, lru_cache(maxsize=1 << 14)(partial(_options, procedure)))
