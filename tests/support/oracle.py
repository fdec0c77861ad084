"""An independent oracle for LAW.md section 11 (version 2), written from the spec's words alone.

It reads a scenario as a plain dict (what YAML/JSON loading of a scenario file gives) and returns a
:class:`Verdict`: the codes each entry raises, the entries strict mode refuses, whether discovery is
authorized at the end, and whether the last discovery order is immediately appealable. It shares no
code with the engine (it does not import ``qiflow`` at all), so a differential test between the two
tests the engine against the law, not against itself.

Readings of s.11 where the words leave a choice (the most literal reading is taken each time)
----------------------------------------------------------------------------------------------
A1. "Pending" and removal. A QI motion to dismiss stays pending for an official taken out of the
    case by a `judgment` (only a deciding ruling, a replacement or a court-of-appeals grant ends
    it), so discovery_order step 1 ("QI101 if *any* QI motion to dismiss is pending") still fires
    for it. Step 1 counts a motion pending for any official, in the case or not, reached or not.
A2. A QI motion filed only by non-officials (a city) is pending for no one (it is "pending for each
    official who asserted QI in it"), so it never triggers QI101, and a ruling on it rules on no one:
    it decides nothing, states no findings, and a deferral of it raises no QI102.
A3. A ruling on a motion "rules on" the officials who asserted QI in it and for whom it is still their
    latest QI motion (not replaced). A deferral of a motion that is replaced for every official who
    filed it is, like a "denied as moot", no ruling on QI: no QI102, no findings. A ruling on a motion
    already decided for P still rules on P (a second deciding ruling is the latest resolving entry; a
    deferral after a decision does not reopen the motion, since a deferral only "leaves it pending").
A4. `reserves_qi` turns only a `denied` into a deferral; on any other outcome it changes nothing.
    `reply_ordered` matters only on a deferral (no QI102); counting "as a reply_order" has no effect
    in s.11.
A5. Resolution: the latest *standing* resolving entry for P decides (MTD grant / grant in part /
    denial deciding it, a `qi_ruling` deciding P, a court-of-appeals grant). If P's current QI motion
    to dismiss was filed after that entry and is not decided, P is unresolved ("until that motion is
    decided": a `converted` ruling decides it, so the earlier resolving entry decides again). A denial
    or grant in part with an interlocutory appeal *from that entry* by P pending leaves P unresolved.
A6. A `qi_ruling` with `defendants` decides every *official* named (whether or not they asserted QI or
    are still in the case); non-officials named are not decided. Without `defendants` it decides every
    official still in the case who asserted QI. For QI402 "a qi_ruling naming an official" means an
    official it decides (the default list included).
A7. Out of the case: P is out while some *standing* entry took P out (an MTD grant in whole, a
    `qi_ruling` grant, a court-of-appeals grant, or a judgment naming P). Undoing F on appeal brings P
    "back in" only as far as F took them out: a judgment that also named P still holds.
A8. Court-of-appeals grant (undoing F a ruling on a QI MTD or a qi_ruling), read as
    "[renders: qi_granted] OR [outcome reversed AND F denied QI to P in whole or in part AND P filed
    the appeal]". With `renders`, every *official* in `as_to` is granted QI (non-officials are not: QI
    is for officials only, s.1), even one F did not rule on. The `reversed` branch needs F (applied)
    to have denied QI (deciding denial or grant in part) to that official.
A9. Undoing F removes only what F did for the parties named: for a ruling, F's own resolving effect,
    its decision of P's motion (pending again only if not replaced and no other standing decision),
    its removal of P, its gate-1 holding and the fact questions it identified (for P). An entry that
    was refused in strict mode did nothing, so undoing it does nothing, except that `renders` still
    grants QI (the appeal court's own act).
A10. Findings are per party: a fact question "counts for" P unless its order/ruling was undone on
    appeal (or vacated by the district court) as to P. QI203's "identified fact question" is one that
    still counts for at least one official in O. Fact questions from a *deciding* MTD ruling (or from a
    ruling on a non-QI motion) are never identified; only discovery orders (any outcome, including
    `stayed`/`vacated` ones' own items) and deferrals identify questions. An `as_to: []` concerns no one.
A11. Gate-1 holding from a discovery order of any outcome (including `denied`, `stayed`, `vacated`)
    with `pleadings_overcome_qi: true`, for every party in its `against` list.
A12. District-court `stayed`/`vacated`: "every earlier order" means every earlier discovery order;
    out of force for granting ones, and (vacatur) findings of every earlier discovery order of any
    outcome stop counting for the parties in `against`. Deferral findings and denial holdings are not
    touched. Its own findings count.
A13. "Covers" is recomputed at each moment (the official's current resolved status, gate-1 holding and
    fact questions). `against` may name any party; a non-defendant is never "reached" as O or C.
A14. `discovery` against a defendant who is not an official with unresolved QI (a city, an official
    sued officially, an official whose QI is resolved, never asserted, or who is out of the case) is
    judged by the QI303 rule. Against a non-defendant nothing is raised.
A15. QI501/QI502 compare the entry's date with the latest earlier `conference_order`'s `confer_by` /
    `report_by`; an undated conference or report, or one with no earlier conference order, raises
    nothing.
A16. An appeal is interlocutory unless its `from` entry is a `judgment` (refused or not). An
    `appeal_ruling` ends its appeal "whatever the outcome" even if the appeal was from a judgment.
    Default `as_to` for a ruling: the officials F ruled on who filed the appeal, else all of them; for
    a discovery order: its `against` list (default every defendant). An explicit `as_to` is used as
    given.
A17. `discovery_authorized`: for each official P still in the case and each order in force as to P,
    take what it covers P for now; a set of requests counts if non-empty (a hypothetical discovery
    listing them raises none of QI101/QI301/QI401), "all discovery" counts if a discovery listing no
    request would raise none of them (only possible for a P whose QI is not unresolved).
A18. Codes are era-gated after the rules run: QI101 never before CARSWELL, QI201 never before WICKS.
    Strict mode refuses on error codes actually raised (after gating).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass

WICKS = _dt.date(1995, 1, 6)
CARSWELL = _dt.date(2022, 6, 17)

#: s.10: every code but the three warnings is error-severity.
WARNINGS = frozenset({"QI303", "QI501", "QI502"})
#: s.11 discovery_order: "immediately appealable if it raised any of QI101, QI201, QI202, QI203, QI302, QI401".
APPEALABLE_CODES = frozenset({"QI101", "QI201", "QI202", "QI203", "QI302", "QI401"})
#: s.11: these 'deciding' outcomes (denied unless reserves_qi) decide a QI motion to dismiss.
DECIDING = frozenset({"granted", "granted_in_part", "denied", "converted"})

ALL = "ALL"  # "covers P for all discovery"
Apply = Callable[[], None]  # a rule returns what the entry does, applied unless strict mode refuses it
_EMPTY: frozenset = frozenset()


@dataclass(frozen=True)
class Verdict:
    codes: list[list[str]]  # per entry, in docket order: sorted list of the codes it raises
    refused: list[int]  # strict mode: refs (entry_number, else 1-based position) of refused entries
    discovery_authorized: bool
    appealable: bool | None
    all_codes: list[str]  # sorted set over the docket


def _date(value: object) -> _dt.date | None:
    if value is None or isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return value
    if isinstance(value, _dt.datetime):
        return value.date()
    return _dt.date.fromisoformat(str(value))


def _ids(value: object) -> tuple[str, ...]:
    """`by` is one party id or a list of them."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


class _Appeal:
    __slots__ = ("idx", "by", "from_idx", "interlocutory", "pending")

    def __init__(self, idx: int, by: frozenset[str], from_idx: int, interlocutory: bool) -> None:
        self.idx, self.by, self.from_idx, self.interlocutory = idx, by, from_idx, interlocutory
        self.pending = True


class _Order:
    """A granting discovery order that took effect; `force` = the parties it is still in force for."""

    __slots__ = ("idx", "scope", "auth", "force")

    def __init__(self, idx: int, scope: str, auth: tuple[tuple[str, tuple[str, ...]], ...],
                 force: set[str]) -> None:
        self.idx, self.scope, self.auth, self.force = idx, scope, auth, force


class _FQ:
    """An identified fact question: where it came from, whom it concerns, for whom it stopped counting."""

    __slots__ = ("src", "concerns", "undone")

    def __init__(self, src: int, concerns: frozenset[str]) -> None:
        self.src, self.concerns, self.undone = src, concerns, set()


class _Case:
    def __init__(self, scenario: dict, law_as_of: _dt.date, mode: str) -> None:
        self.from_wicks = law_as_of >= WICKS
        self.from_carswell = law_as_of >= CARSWELL
        self.strict = mode == "strict"
        parties = scenario.get("parties") or []
        self.defendants = tuple(p["id"] for p in parties if p.get("role") == "defendant")
        # "An official is a defendant of kind official with capacity individual or both."
        self.officials = frozenset(
            p["id"] for p in parties
            if p.get("role") == "defendant" and p.get("kind", "official") == "official"
            and p.get("capacity", "individual") in ("individual", "both")
        )
        self.docket = scenario.get("docket") or []
        self.pos_of = {}  # entry_number (an int) or entry id (a string) -> 0-based position
        self.applied = set()  # positions of entries that took effect (all but refused ones)
        self.asserted = set()  # officials who asserted QI
        self.current_mtd = {}  # official -> position of their latest QI motion to dismiss
        self.decided = {}  # (motion position, official) -> set of standing deciding entries
        self.resolving = {}  # official -> list [(position, kind)] of standing resolving entries
        self.out = {}  # party -> set of standing entries that took them out of the case
        self.gate1 = {}  # party -> set of standing sources of the gate-1 holding
        self.fqs = {}  # fact question id -> list of _FQ
        self.fq_by_src = {}  # position -> list of _FQ it identified
        self.ruled_on = {}  # ruling position -> frozenset of officials it ruled on (applied rulings)
        self.appeals = {}  # position -> _Appeal
        self.orders = []  # granting discovery orders in effect, as _Order
        self.disc_orders = []  # positions of every discovery order that took effect
        self.conference_order = None  # (confer_by, report_by) of the latest conference_order
        self.appealable = None

    # ---- terms ---------------------------------------------------------------------------------

    def in_case(self, p: str) -> bool:
        return not self.out.get(p)

    def motion_pending_for(self, p: str) -> bool:
        """'pending for each official who asserted QI in it, from its filing until a later QI motion to
        dismiss by the same official replaces it ... or until a ruling on it that decides it'."""
        m = self.current_mtd.get(p)
        return m is not None and not self.decided.get((m, p))

    def any_motion_pending(self) -> bool:
        return any(self.motion_pending_for(p) for p in self.current_mtd)

    def appeal_pending_by(self, p: str) -> bool:
        """'An official's appeal is one whose `by` includes them'; pending = interlocutory, not ruled on,
        not certified frivolous."""
        return any(a.pending and a.interlocutory and p in a.by for a in self.appeals.values())

    def resolved(self, p: str) -> bool:
        """'The latest such entry still standing decides' (A5)."""
        rs = self.resolving.get(p)
        if not rs:
            return False
        idx, kind = rs[-1]
        m = self.current_mtd.get(p)
        # 'A QI motion to dismiss filed later by an official whose QI was resolved makes it unresolved
        # again until that motion is decided (an sj_motion does not).'
        if m is not None and m > idx and not self.decided.get((m, p)):
            return False
        # '... and, for a denial or a grant in part, no appeal from it by them is pending.'
        if kind in ("denied", "granted_in_part"):
            for a in self.appeals.values():
                if a.pending and a.interlocutory and a.from_idx == idx and p in a.by:
                    return False
        return True

    def unresolved(self, p: str) -> bool:
        """'QI asserted and not resolved, by an official still in the case, is unresolved.'"""
        return p in self.asserted and p in self.officials and self.in_case(p) and not self.resolved(p)

    def any_unresolved(self) -> bool:
        return any(self.unresolved(p) for p in self.asserted)

    def has_gate1(self, p: str) -> bool:
        return bool(self.gate1.get(p))

    def fq_concerning(self, qid: str, p: str) -> bool:
        """An identified fact question `qid` that concerns P and still counts for P."""
        for fq in self.fqs.get(qid, ()):
            if p in fq.concerns and p not in fq.undone:
                return True
        return False

    def concerned(self, p: str) -> bool:
        """P is concerned by at least one identified fact question (still counting for P)."""
        for items in self.fqs.values():
            for fq in items:
                if p in fq.concerns and p not in fq.undone:
                    return True
        return False

    def covers(self, order: _Order, p: str) -> str | frozenset[str] | set[str]:
        """What an order in force covers P for at this moment: ALL, or a set of request ids."""
        if p in self.officials and self.unresolved(p):
            # 'only if the scope is limited and (from WICKS) P has the gate-1 holding; and then just its
            # authorized requests that address an identified fact question concerning P.'
            if order.scope != "limited" or (self.from_wicks and not self.has_gate1(p)):
                return _EMPTY
            return {req for req, addrs in order.auth if any(self.fq_concerning(q, p) for q in addrs)}
        # 'any other P: all discovery if the scope is general, else just its authorized requests'
        if order.scope == "general":
            return ALL
        return {req for req, _ in order.auth}

    def covered(self, p: str, requests: frozenset[str]) -> bool:
        """'one order in force covers P for every request listed' (none listed: only an ALL order)."""
        for order in self.orders:
            if p in order.force:
                cov = self.covers(order, p)
                if cov is ALL or (requests and requests <= cov):
                    return True
        return False

    def add_fqs(self, idx: int, items: list[dict], default_concerns: frozenset[str]) -> list[_FQ]:
        """Record the fact questions an order or deferral identifies; returns the new _FQ objects."""
        made = []
        for item in items:
            as_to = item.get("as_to")
            concerns = frozenset(as_to) if as_to is not None else default_concerns
            fq = _FQ(idx, concerns)
            self.fqs.setdefault(item["id"], []).append(fq)
            made.append(fq)
        if made:
            self.fq_by_src[idx] = made
        return made

    def drop_fqs(self, idx: int, items: list[dict], made: list[_FQ]) -> None:
        for item, fq in zip(items, made, strict=False):
            self.fqs[item["id"]].remove(fq)
        self.fq_by_src.pop(idx, None)

    def against_of(self, e: dict) -> tuple[str, ...]:
        """'a discovery order's `against` absent means every defendant (`against: []` means no one)'."""
        against = e.get("against")
        return self.defendants if against is None else tuple(against)

    # ---- the rules, one per event kind -----------------------------------------------------------

    def qi001(self, idx: int, e: dict, codes: set[str]) -> tuple[str, ...]:
        """answer / motion_to_dismiss / sj_motion with asserts_qi: 'An official asserts QI by ... filed by
        them. Any other party filing such an entry raises QI001 at that entry (once, naming them all) ...
        the entry still counts for the officials who filed it with them'."""
        if not e.get("asserts_qi"):
            return ()
        by = _ids(e.get("by"))
        if any(p not in self.officials for p in by):
            codes.add("QI001")
        return tuple(p for p in by if p in self.officials)

    def assertion(self, idx: int, e: dict, codes: set[str]) -> Apply | None:
        filers = self.qi001(idx, e, codes)
        return lambda: self.asserted.update(filers)

    def motion_to_dismiss(self, idx: int, e: dict, codes: set[str]) -> Apply | None:
        filers = self.qi001(idx, e, codes)

        def apply() -> None:
            self.asserted.update(filers)
            # 'until a later QI motion to dismiss by the same official replaces it'
            for p in filers:
                self.current_mtd[p] = idx
        return apply

    def motion_to_dismiss_ruling(self, idx: int, e: dict, codes: set[str]) -> Apply | None:
        m = self.pos_of[e["motion"]]
        motion = self.docket[m]
        if not motion.get("asserts_qi"):
            return None  # 'A ruling on a motion to dismiss that does not assert QI changes nothing.'
        # A3: it rules on the officials who asserted QI in it and for whom it is not replaced.
        ruled = frozenset(p for p in _ids(motion.get("by")) if p in self.officials and self.current_mtd.get(p) == m)
        if not ruled:
            return None  # 'A ruling on a motion that has been replaced for an official decides nothing for them'
        outcome = e["outcome"]
        deciding = outcome in DECIDING and not (outcome == "denied" and e.get("reserves_qi"))
        fact_questions = e.get("fact_questions") or []
        if not deciding:
            # A deferral: 'no code if it records reply_ordered: true ... Otherwise QI102 - from CARSWELL
            # always; from WICKS until then, unless the ruling itself holds pleadings_overcome_qi: true and
            # identifies at least one fact question; before WICKS, unless it identifies at least one'.
            if not e.get("reply_ordered"):
                if self.from_carswell:
                    codes.add("QI102")
                elif self.from_wicks:
                    if not (e.get("pleadings_overcome_qi") and fact_questions):
                        codes.add("QI102")
                elif not fact_questions:
                    codes.add("QI102")

        def apply() -> None:
            self.ruled_on[idx] = ruled
            if deciding:
                for p in ruled:
                    self.decided.setdefault((m, p), set()).add(idx)
                if outcome != "converted":
                    # 'a deciding ruling on their QI motion to dismiss grants (in part or whole) or denies it'
                    for p in ruled:
                        self.resolving.setdefault(p, []).append((idx, outcome))
                    if outcome == "granted":  # 'A grant in whole ... takes the official out of the case'
                        for p in ruled:
                            self.out.setdefault(p, set()).add(idx)
                    if outcome == "denied":  # 'a ruling denying P's QI motion to dismiss (deciding it)'
                        for p in ruled:
                            self.gate1.setdefault(p, set()).add(idx)
                # 'converted ... decides nothing about QI: ... counts from then on as a pending sj_motion
                # asserting QI' (they asserted QI already; the motion is no longer pending).
            else:
                # 'Findings ... in a deferral of P's QI motion'; its questions concern 'the officials whose
                # motion the deferral ruled on'.
                if e.get("pleadings_overcome_qi"):
                    for p in ruled:
                        self.gate1.setdefault(p, set()).add(idx)
                self.add_fqs(idx, fact_questions, ruled)
        return apply

    def discovery_order(self, idx: int, e: dict, codes: set[str]) -> Apply | None:
        outcome = e["outcome"]
        against = self.against_of(e)
        if outcome in ("stayed", "vacated"):
            return self.stay_or_vacate(idx, e, against, outcome)
        scope = e.get("scope", "limited")
        authorized = e.get("authorized") or []
        fact_questions = e.get("fact_questions") or []
        holds = bool(e.get("pleadings_overcome_qi"))
        # Findings first: 'the order being judged included' (gate 1), 'this order's included' (QI202).
        made = self.add_fqs(idx, fact_questions, frozenset(p for p in against if p in self.officials))
        if holds:
            for p in against:
                self.gate1.setdefault(p, set()).add(idx)
        if outcome in ("granted", "granted_in_part"):
            self.order_codes(e, against, scope, authorized, codes)

        def undo_findings() -> None:
            self.drop_fqs(idx, fact_questions, made)
            if holds:
                for p in against:
                    self.gate1[p].discard(idx)

        def apply() -> None:
            self.disc_orders.append(idx)
            if outcome in ("granted", "granted_in_part"):
                auth = tuple((a["request"], tuple(a.get("addresses") or ())) for a in authorized)
                self.orders.append(_Order(idx, scope, auth, set(against)))
                self.appealable = bool(codes & APPEALABLE_CODES)
            else:
                self.appealable = False  # 'and for every denied order' it is not immediately appealable
        apply.undo = undo_findings
        return apply

    def order_codes(self, e: dict, against: tuple[str, ...], scope: str, authorized: list[dict],
                    codes: set[str]) -> None:
        """s.11 `discovery_order` (granted or granted_in_part), steps 1-4."""
        # 'It reaches the parties in its against list if its scope is general or it authorizes at least
        # one request, and no one otherwise.'
        if not (scope == "general" or authorized):
            return  # 'An order that reaches no one raises nothing.'
        if not against:
            return  # `against: []` reaches no one
        o = [p for p in against if p in self.officials and self.unresolved(p)]
        c = [p for p in against if p in self.defendants and p not in o]
        # 1. QI101 if any QI motion to dismiss is pending (from CARSWELL).
        if self.from_carswell and self.any_motion_pending():
            codes.add("QI101")
        # 2. QI401 if an interlocutory appeal by an official in O is pending.
        if any(self.appeal_pending_by(p) for p in o):
            codes.add("QI401")
        if o:
            # 3. '(from WICKS) QI201 unless every official in O has the gate-1 holding'
            if self.from_wicks and not all(self.has_gate1(p) for p in o):
                codes.add("QI201")
            # 'QI202 unless every official in O is concerned by at least one identified fact question'
            if not all(self.concerned(p) for p in o):
                codes.add("QI202")
            # 'then QI302 if the scope is general, else QI203 if any authorized request addresses no
            # identified fact question' (A10: identified = still counting for some official in O).
            if scope == "general":
                codes.add("QI302")
            else:
                for a in authorized:
                    if not any(self.fq_counts_for_any(q, o) for q in a.get("addresses") or ()):
                        codes.add("QI203")
                        break
        # 4. 'If O is empty, C is not, and some official's QI is unresolved: QI303.'
        elif c and self.any_unresolved():
            codes.add("QI303")

    def fq_counts_for_any(self, qid: str, parties: list[str]) -> bool:
        for fq in self.fqs.get(qid, ()):
            if any(p not in fq.undone for p in parties):
                return True
        return False

    def stay_or_vacate(self, idx: int, e: dict, against: tuple[str, ...], outcome: str) -> Apply:
        """'takes every earlier order out of force as to them; a vacatur also makes those orders' findings
        stop counting for them (a stay keeps them). It raises no code and ... is not immediately
        appealable.'"""
        fact_questions = e.get("fact_questions") or []
        holds = bool(e.get("pleadings_overcome_qi"))

        def apply() -> None:
            them = set(against)
            for order in self.orders:
                order.force -= them
            if outcome == "vacated":
                for src in self.disc_orders:
                    for fq in self.fq_by_src.get(src, ()):
                        fq.undone |= them
                    for p in them:
                        s = self.gate1.get(p)
                        if s:
                            s.discard(src)
            # A10/A11: its own findings, if any, count.
            self.add_fqs(idx, fact_questions, frozenset(p for p in against if p in self.officials))
            if holds:
                for p in against:
                    self.gate1.setdefault(p, set()).add(idx)
            self.disc_orders.append(idx)
            self.appealable = False
        return apply

    def discovery(self, idx: int, e: dict, codes: set[str]) -> Apply | None:
        """s.11 `discovery` against party P."""
        p = e["against"]
        requests = frozenset(e.get("requests") or ())
        if p in self.officials and self.unresolved(p):
            if self.appeal_pending_by(p):
                codes.add("QI401")
            if self.from_carswell and self.motion_pending_for(p):
                codes.add("QI101")
            if not self.covered(p, requests):
                codes.add("QI301")
        elif p in self.defendants:
            if not self.covered(p, requests) and self.any_unresolved():
                codes.add("QI303")
        return None

    def qi_decides(self, e: dict) -> tuple[str, ...]:
        named = e.get("defendants")
        if named is None:
            # 'a qi_ruling without defendants decides every official still in the case who asserted QI'
            return tuple(p for p in self.officials if p in self.asserted and self.in_case(p))
        return tuple(p for p in named if p in self.officials)

    def qi_ruling(self, idx: int, e: dict, codes: set[str]) -> Apply | None:
        decides = self.qi_decides(e)
        # QI402: 'qi_ruling naming an official ... while an interlocutory appeal filed by that official is
        # pending'.
        if any(self.appeal_pending_by(p) for p in decides):
            codes.add("QI402")
        outcome = e["outcome"]

        def apply() -> None:
            self.ruled_on[idx] = frozenset(decides)
            for p in decides:
                self.resolving.setdefault(p, []).append((idx, outcome))
                if outcome == "granted":
                    self.out.setdefault(p, set()).add(idx)
        return apply

    def judgment(self, idx: int, e: dict, codes: set[str]) -> Apply | None:
        named = e.get("defendants")
        removed = self.defendants if named is None else tuple(named)
        if e.get("outcome") == "for_plaintiff":
            if any(p in self.officials and self.appeal_pending_by(p) for p in removed):
                codes.add("QI402")

        def apply() -> None:
            # 'A judgment takes the defendants it names out of the case'
            for p in removed:
                self.out.setdefault(p, set()).add(idx)
        return apply

    def appeal(self, idx: int, e: dict, codes: set[str]) -> Apply | None:
        f = self.pos_of[e["from"]]
        interlocutory = self.docket[f].get("event") != "judgment"
        by = frozenset(_ids(e.get("by")))

        def apply() -> None:
            self.appeals[idx] = _Appeal(idx, by, f, interlocutory)
        return apply

    def frivolous_certification(self, idx: int, e: dict, codes: set[str]) -> Apply | None:
        a = self.appeals.get(self.pos_of[e["appeal"]])

        def apply() -> None:
            if a is not None:
                a.pending = False  # 'unless the district court has certified it frivolous'
        return apply

    def appeal_ruling(self, idx: int, e: dict, codes: set[str]) -> Apply | None:
        a = self.appeals.get(self.pos_of[e["appeal"]])

        def apply() -> None:
            if a is None:
                return
            a.pending = False  # 'A stops being pending whatever the outcome.'
            if e["outcome"] not in ("reversed", "vacated"):
                return  # 'affirmed or dismissed: nothing else changes.'
            self.undo(idx, e, a)
        return apply

    def undo(self, idx: int, e: dict, a: _Appeal) -> None:
        """'reversed or vacated undoes F for the parties in as_to'."""
        f = a.from_idx
        fe = self.docket[f]
        kind = fe.get("event")
        as_to = e.get("as_to")
        if kind == "discovery_order":
            them = set(self.against_of(fe) if as_to is None else as_to)
            # 'it leaves force for them, and its findings stop counting for them.'
            for order in self.orders:
                if order.idx == f:
                    order.force -= them
            for fq in self.fq_by_src.get(f, ()):
                fq.undone |= them
            for p in them:
                s = self.gate1.get(p)
                if s:
                    s.discard(f)
            return
        is_qi_mtd_ruling = (kind == "motion_to_dismiss_ruling"
                            and self.docket[self.pos_of[fe["motion"]]].get("asserts_qi"))
        if not (is_qi_mtd_ruling or kind == "qi_ruling"):
            return  # 'F anything else (a judgment included): nothing else changes.'
        ruled = self.ruled_on.get(f, _EMPTY) if f in self.applied else _EMPTY
        if as_to is None:
            filers = [p for p in ruled if p in a.by]
            them = filers or list(ruled)
        else:
            them = list(as_to)
        outcome = fe.get("outcome")
        if kind == "qi_ruling":
            denied_qi = outcome in ("denied", "granted_in_part")
        else:
            denied_qi = (outcome == "denied" and not fe.get("reserves_qi")) or outcome == "granted_in_part"
        renders = e.get("renders") == "qi_granted"
        m = self.pos_of[fe["motion"]] if kind == "motion_to_dismiss_ruling" else None
        for p in them:
            if renders and p in self.officials or (
                    e["outcome"] == "reversed" and denied_qi and p in ruled and p in a.by):
                # 'QI is granted by the court of appeals for them: resolved, no QI motion of theirs
                # pending, out of the case.'
                self.resolving.setdefault(p, []).append((idx, "coa_granted"))
                self.out.setdefault(p, set()).add(idx)
                cm = self.current_mtd.get(p)
                if cm is not None:
                    self.decided.setdefault((cm, p), set()).add(idx)
                continue
            if p not in ruled:
                continue  # F had no effect on them
            # 'Otherwise F's effects on them are undone'
            rs = self.resolving.get(p)
            if rs:
                self.resolving[p] = [r for r in rs if r[0] != f]
            if m is not None:
                d = self.decided.get((m, p))
                if d:
                    d.discard(f)  # 'a QI motion to dismiss F decided ... is pending again'
            o = self.out.get(p)
            if o:
                o.discard(f)  # 'if F took them out of the case they are back in'
            g = self.gate1.get(p)
            if g:
                g.discard(f)
            for fq in self.fq_by_src.get(f, ()):
                fq.undone.add(p)  # 'F's findings stop counting for them'

    def conference_order_(self, idx: int, e: dict, codes: set[str]) -> Apply | None:
        dates = (_date(e.get("confer_by")), _date(e.get("report_by")))

        def apply() -> None:
            self.conference_order = dates
        return apply

    def conference(self, idx: int, e: dict, codes: set[str]) -> Apply | None:
        d = _date(e.get("date_filed"))
        if d is not None and self.conference_order is not None and self.conference_order[0] is not None \
                and d > self.conference_order[0]:
            codes.add("QI501")
        return None

    def joint_report(self, idx: int, e: dict, codes: set[str]) -> Apply | None:
        d = _date(e.get("date_filed"))
        if d is not None and self.conference_order is not None and self.conference_order[1] is not None \
                and d > self.conference_order[1]:
            codes.add("QI502")
        return None

    # ---- the run ----------------------------------------------------------------------------------

    def run(self) -> Verdict:
        handlers = {
            "answer": self.assertion, "sj_motion": self.assertion,
            "motion_to_dismiss": self.motion_to_dismiss,
            "motion_to_dismiss_ruling": self.motion_to_dismiss_ruling,
            "discovery_order": self.discovery_order, "discovery": self.discovery,
            "qi_ruling": self.qi_ruling, "judgment": self.judgment, "appeal": self.appeal,
            "frivolous_certification": self.frivolous_certification, "appeal_ruling": self.appeal_ruling,
            "conference_order": self.conference_order_, "conference": self.conference,
            "joint_report": self.joint_report,
        }
        per_entry = []
        refused = []
        everything = set()
        for idx, e in enumerate(self.docket):
            codes = set()
            handler = handlers.get(e.get("event"))
            apply = handler(idx, e, codes) if handler is not None else None
            if not self.from_carswell:
                codes.discard("QI101")
            if not self.from_wicks:
                codes.discard("QI201")
            if self.strict and any(c not in WARNINGS and c != "QI001" for c in codes):
                # 'a refused entry changes nothing, its number goes in refused'
                refused.append(e["entry_number"] if e.get("entry_number") is not None else idx + 1)
                undo = getattr(apply, "undo", None)
                if undo is not None:
                    undo()
            else:
                if apply is not None:
                    apply()
                self.applied.add(idx)
            for name in (e.get("entry_number"), e.get("id")):  # 'an int (an entry_number) or a string (an id)'
                if name is not None:
                    self.pos_of[name] = idx
            per_entry.append(sorted(codes))
            everything |= codes
        return Verdict(per_entry, refused, self.discovery_authorized(), self.appealable, sorted(everything))

    def discovery_authorized(self) -> bool:
        """'true when at least one official P still in the case could now be subjected to discovery under
        an order in force that covers P for something ... without raising QI101, QI301 or QI401.'"""
        for p in self.officials:
            if not self.in_case(p):
                continue
            unresolved = self.unresolved(p)
            for order in self.orders:
                if p not in order.force:
                    continue
                cov = self.covers(order, p)
                if cov is ALL:
                    if not unresolved:
                        return True
                    continue  # unresolved: a discovery listing no request is never covered (QI301)
                if not cov:
                    continue
                if not unresolved:
                    return True
                if self.appeal_pending_by(p) or (self.from_carswell and self.motion_pending_for(p)):
                    continue
                return True  # this very order covers every request it lists: no QI301
        return False


def judge(scenario: dict, law_as_of: _dt.date | str | None = None, mode: str | None = None) -> Verdict:
    """Judge a scenario dict by LAW.md s.11 v2. `law_as_of` / `mode` override the scenario's own."""
    if law_as_of is None:
        law_as_of = scenario.get("law_as_of")
    law_as_of = _date(law_as_of) if law_as_of is not None else _dt.date.today()
    if mode is None:
        mode = scenario.get("mode") or "audit"
    return _Case(scenario, law_as_of, mode).run()
