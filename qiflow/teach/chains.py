"""Because-chains: why an entry raised its codes (or kept the law), and what would make a move lawful.

Built from this docket's facts, as Blawx/s(CASP) answers: each link a sentence a student can read aloud,
naming the entry it rests on and the rule and authority that make it matter. Pure functions returning
dataclasses; the text rendering is ``render_chain`` and the HTML pages render the same data.

The facts are read from the Report (each entry's standing, before and after) and the scenario's own
fields; nothing here reads the engine's posture.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from qiflow import scenario as m
from qiflow.engine.refs import ref_name, resolved
from qiflow.engine.report import EntryReport, OfficialStanding, Report, Standing
from qiflow.engine.step import entry_ref
from qiflow.engine.words import date_label
from qiflow.law.codes import CODES
from qiflow.law.eras import WICKS
from qiflow.procedure.careful import PROCEDURE
from qiflow.teach.docket import label
from qiflow.teach.words import (
    existed,
    first_cite,
    quoted,
    readable,
    reason,
    short_cite,
    violations_at,
)


@dataclass(frozen=True)
class Link:
    """One reason: a fact of this docket or a rule, the entry it rests on, the rule and its authority."""

    claim: str
    entry: str | None = None
    rule: str | None = None
    cite: str | None = None
    because: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Chain:
    """A conclusion about one entry (or the whole case) and the links that support it."""

    subject: str
    conclusion: str
    lawful: bool
    code: str | None = None
    rule: str | None = None
    authorities: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class Requirement:
    """One condition a move must meet now, whether it is met, and how to meet it."""

    code: str
    needs: str
    met: bool
    now: str
    fix: str = ""
    cite: str = ""
    bars: bool = False
    """Unmet, it bars the move whatever the move says; otherwise the move itself can meet it (a finding)."""


@dataclass(frozen=True)
class WhyNot:
    """``why not EVENT``: the engine's answer and the conditions behind it."""

    event: str
    label: str
    at: str
    open: bool | None
    """The engine's own probe of the move here (None when it did not probe this kind of move)."""
    requirements: tuple[Requirement, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


# --- the docket's facts --------------------------------------------------------------------------
@dataclass(frozen=True)
class Facts:
    """A docket and its report, asked about the moment just before entry ``position``."""

    scenario: m.Scenario
    report: Report

    def __post_init__(self) -> None:
        object.__setattr__(self, "scenario", resolved(self.scenario))  # references by id, as the engine's refs

    @property
    def names(self) -> dict[str, str]:
        return {p.id: p.name for p in self.scenario.parties}

    def entry(self, position: int) -> m.Entry:
        return self.scenario.docket[position - 1]

    def row(self, position: int) -> EntryReport:
        return self.report.entries[position - 1]

    def before(self, position: int) -> Standing | None:
        return self.report.entries[position - 2].standing if position > 1 else None

    def officials_before(self, position: int) -> list[OfficialStanding]:
        standing = self.before(position)
        return list(standing.officials) if standing else []

    def by_label(self, wanted: str) -> tuple[int, m.Entry] | None:
        for i, e in enumerate(self.scenario.docket, 1):
            if label(e, i) == wanted:
                return i, e
        return None

    def assertion(self, official: str, upto: int) -> str | None:
        """The label of the first entry, before ``upto``, where ``official`` asserted QI."""
        for i, e in enumerate(self.scenario.docket[: upto - 1], 1):
            if getattr(e, "asserts_qi", False) and official in e.filers and self.row(i).accepted:
                return label(e, i)
        return None

    def rulings_on(self, number: int, upto: int) -> list[tuple[int, m.MotionToDismissRuling]]:
        return [(i, e) for i, e in enumerate(self.scenario.docket[: upto - 1], 1)
                if isinstance(e, m.MotionToDismissRuling) and e.motion == number and self.row(i).accepted]

    def questions(self, upto: int) -> dict[str, tuple[str, str]]:
        """Fact questions identified before ``upto``: id -> (text, where)."""
        out: dict[str, tuple[str, str]] = {}
        for i, e in enumerate(self.scenario.docket[: upto - 1], 1):
            if isinstance(e, (m.DiscoveryOrder, m.MotionToDismissRuling)) and self.row(i).accepted:
                for q in e.fact_questions:
                    out.setdefault(q.id, (q.text or self.report.fact_question_texts.get(q.id, q.id), label(e, i)))
        return out

    def gate1_at(self, official: str, upto: int) -> str | None:
        """Where the pleadings were first held to overcome QI as to ``official``, before ``upto``."""
        for i, e in enumerate(self.scenario.docket[: upto - 1], 1):
            row = self.row(i)
            if not row.accepted:
                continue
            mine = next((o for o in row.standing.officials if o.id == official), None)
            was = next((o for o in self.officials_before(i) if o.id == official), None)
            if mine is not None and mine.gate1 and not (was and was.gate1):
                return label(e, i)
        return None

    def text(self, request: str) -> str:
        return quoted(self.report.request_texts.get(request, request), 80)

    @property
    def law_day(self) -> str:
        return date_label(self.report.law_as_of) if self.report.law_as_of else "today"


def _cite(code: str) -> str:
    return short_cite(str(CODES[code].authorities[0])) if code in CODES and CODES[code].authorities else ""


def _undecided(f: Facts, o: OfficialStanding, position: int) -> Link:
    asserted = f.assertion(o.id, position)
    where = f" at {asserted}" if asserted else ""
    return Link(f"{o.name}'s qualified immunity was asserted{where} and not yet decided, so discovery against "
                "them is stayed", asserted, "docs/law.md s.2", "Harlow, 457 U.S. at 818")


def _reached(f: Facts, position: int) -> list[OfficialStanding]:
    """Officials with QI undecided before ``position`` that the order or discovery at ``position`` names."""
    e = f.entry(position)
    against: list[str] | None
    if isinstance(e, m.DiscoveryOrder):
        against = e.against
    elif isinstance(e, m.Discovery):
        against = [e.against]
    else:
        against = None
    return [o for o in f.officials_before(position)
            if o.in_case and o.qi.startswith("asserted") and (against is None or o.id in against)]


def _pending_motion(f: Facts, pending: str, position: int) -> Link:
    found = f.by_label(pending)
    facts: list[Link] = []
    who = "an official's"
    if found is not None:
        i, motion = found
        who = ", ".join(f.names.get(p, p) for p in motion.filers) + "'s"
        facts.append(Link(f"{pending} is {who} motion to dismiss asserting qualified immunity, filed "
                          f"{f.row(i).date_label if f.row(i).date_label != 'date unknown' else '(date unknown)'}",
                          pending))
        rulings = f.rulings_on(entry_ref(motion, i), position)
        if rulings:
            for j, ruling in rulings:
                facts.append(Link(f"the ruling at {label(ruling, j)} {ruling.outcome.replace('_', ' ')} it, which "
                                  "decides nothing: a deferral leaves a QI motion pending", label(ruling, j),
                                  "QI102", "Carswell, 54 F.4th at 311"))
        else:
            facts.append(Link("no ruling had decided it", pending))
    return Link(f"the QI motion to dismiss at {pending} was still pending", pending, "docs/law.md s.3",
                "Carswell, 54 F.4th at 311-12", tuple(facts))


def _qi101(f: Facts, position: int) -> list[Link]:
    pending = sorted({p for o in f.officials_before(position) for p in o.qi_motion_pending})
    links = [_pending_motion(f, p, position) for p in pending]
    links.append(Link(f"the Carswell rules apply: this docket is judged by the law as of {f.law_day}, on or "
                      "after June 17, 2022", None, "docs/law.md s.3", "Carswell, 54 F.4th at 311-12"))
    return links


def _qi102(f: Facts, position: int) -> list[Link]:
    e = f.entry(position)
    assert isinstance(e, m.MotionToDismissRuling)
    here = f.row(position).label
    verb = "deferred" if e.outcome == "deferred" else f"{e.outcome.replace('_', ' ')}"
    links = [Link(f"the ruling at {here} {verb} {ref_name(f.scenario.docket, e.motion)}, a motion to dismiss asserting qualified "
                  "immunity: it put the ruling off instead of deciding it", here, "docs/law.md s.3",
                  "Backe, 691 F.3d at 648")]
    if f.report.carswell_rules:
        links.append(Link(f"judged by the law as of {f.law_day}, the Carswell rules apply: a court may not "
                          "defer a QI motion to dismiss at all", None, "docs/law.md s.3", "Carswell, 54 F.4th at 311"))
    elif f.report.law_as_of is not None and f.report.law_as_of < WICKS:
        links.append(Link("before Wicks (Jan. 6, 1995) a court could defer only if it identified a question of "
                          "fact it had to resolve first; this ruling identifies none", here, "docs/law.md s.11",
                          "Lion Boulos, 834 F.2d at 507-08"))
    else:
        missing = []
        if not e.pleadings_overcome_qi:
            missing.append("holds that the pleadings overcome QI")
        if not e.fact_questions:
            missing.append("identifies a question of fact")
        said = " nor ".join(missing) if missing else "says why"
        links.append(Link("before Carswell a court could defer only after the gate-1 holding and with a question "
                          f"of fact identified; this ruling {'neither ' if len(missing) == 2 else 'never '}{said}",
                          here, "docs/law.md s.3", "Backe, 691 F.3d at 648"))
    return links


def _qi201(f: Facts, position: int) -> list[Link]:
    here = f.row(position).label
    out = []
    for o in _reached(f, position):
        if o.gate1:
            continue
        out.append(Link(f"{here} authorized discovery against {o.name}", here, because=(_undecided(f, o, position),)))
        out.append(Link(f"no entry holds that the pleadings overcome QI as to {o.name}: neither {here} nor any "
                        "earlier order or ruling says so explicitly", here, "QI201", "Zapata, 750 F.3d at 485 & n.2"))
    return out


def _qi202(f: Facts, position: int) -> list[Link]:
    here = f.row(position).label
    return [Link(f"no question of fact had been identified: {here} names none, and no earlier order or ruling did",
                 here, "QI202", "Zapata, 750 F.3d at 485")]


def _qi203(f: Facts, position: int) -> list[Link]:
    e = f.entry(position)
    here = f.row(position).label
    identified = set(f.questions(position))
    if isinstance(e, m.DiscoveryOrder):
        identified |= {q.id for q in e.fact_questions}
        loose = [a for a in e.authorized if not set(a.addresses) & identified]
    else:
        loose = []
    return [Link(f"{here} authorized {f.text(a.request)}, which addresses "
                 + ("no question of fact" if not a.addresses else "no question of fact the court had identified"),
                 here, "QI203", "Webb, 618 F. App'x at 209-11") for a in loose]


def _orders_in_force(f: Facts, position: int) -> Link:
    standing = f.before(position)
    orders = list(standing.orders_in_force) if standing else []
    if not orders:
        return Link("no discovery order was in force", None, "docs/law.md s.11")
    said = "; ".join(f"{o.label} ({o.scope}) authorizing " + ("; ".join(quoted(t, 60) for t in o.authorized)
                                                             or "no request") for o in orders)
    return Link(f"the orders in force were {said}", orders[0].label, "docs/law.md s.11")


def _qi301(f: Facts, position: int) -> list[Link]:
    e = f.entry(position)
    assert isinstance(e, m.Discovery)
    here = f.row(position).label
    asked = "; ".join(f.text(r) for r in e.requests) or "discovery tied to no request"
    out = [_undecided(f, o, position) for o in _reached(f, position)]
    out.append(Link(f"{here} took {asked}", here))
    out.append(_orders_in_force(f, position))
    out.append(Link("no order in force authorizes that discovery from them", here, "QI301", "Wicks, 41 F.3d at 994-95"))
    return out


def _qi302(f: Facts, position: int) -> list[Link]:
    here = f.row(position).label
    return [Link(f"{here} opened general (merits) discovery", here, "QI302", "Lion Boulos, 834 F.2d at 507-08",
                 tuple(_undecided(f, o, position) for o in _reached(f, position)))]


def _qi303(f: Facts, position: int) -> list[Link]:
    undecided = [o for o in f.officials_before(position) if o.in_case and o.qi.startswith("asserted")]
    return [Link(f"{f.row(position).label} lets discovery reach a defendant who cannot claim QI", f.row(position).label),
            *(_undecided(f, o, position) for o in undecided),
            Link("whether such discovery may go on while an official's QI is undecided is unsettled: a warning",
                 None, "QI303", "Iqbal, 556 U.S. at 685-86")]


def _qi401(f: Facts, position: int) -> list[Link]:
    out = []
    for o in _reached(f, position) or f.officials_before(position):
        for appeal in o.appeal_pending:
            out.append(Link(f"{o.name}'s collateral-order appeal at {appeal} was pending (not decided, not "
                            "certified frivolous), which divests the district court of the matters appealed",
                            appeal, "docs/law.md s.7", "Griggs, 459 U.S. at 58"))
    return out


def _qi001(f: Facts, position: int) -> list[Link]:
    e = f.entry(position)
    parties = {p.id: p for p in f.scenario.parties}
    out = []
    for who in e.filers:
        p = parties.get(who)
        if p is not None and not p.may_assert_qi:
            what = p.kind.value if p.kind is not m.Kind.OFFICIAL else f"official sued in the {p.capacity.value} capacity"
            out.append(Link(f"{p.name} is a {what}; only officials sued individually may assert qualified immunity",
                            f.row(position).label, "QI001", "Owen, 445 U.S. at 638"))
    return out


def _late(which: str) -> Callable[[Facts, int], list[Link]]:
    def links(f: Facts, position: int) -> list[Link]:
        e = f.entry(position)
        for i in range(position - 1, 0, -1):
            order = f.entry(i)
            if isinstance(order, m.ConferenceOrder):
                due = order.confer_by if which == "conference" else order.report_by
                return [Link(f"the order at {label(order, i)} set {date_label(due)} for the {which}", label(order, i),
                             "docs/law.md s.6", "N.D. Tex. practice"),
                        Link(f"the {which} is dated {date_label(e.date_filed)}", f.row(position).label)]
        return []
    return links


WHY: dict[str, Callable[[Facts, int], list[Link]]] = {
    "QI001": _qi001, "QI101": _qi101, "QI102": _qi102, "QI201": _qi201, "QI202": _qi202, "QI203": _qi203,
    "QI301": _qi301, "QI302": _qi302, "QI303": _qi303, "QI401": _qi401, "QI402": _qi401,
    "QI501": _late("conference"), "QI502": _late("joint report"),
}
"""For each code, the facts of this docket that raise it at an entry. A code without one gets its rule."""


def _lawful_order(f: Facts, position: int) -> list[Link]:
    e = f.entry(position)
    assert isinstance(e, m.DiscoveryOrder)
    here = f.row(position).label
    undecided = _reached(f, position)
    if not e.grants:
        return [Link(f"{here} grants no discovery; denying QI discovery is reviewed only after final judgment",
                     here, "docs/law.md s.7", "Hutcheson, 994 F.3d at 481-82")]
    if not undecided:
        return [Link(f"{here} reaches no official whose qualified immunity is undecided", here, "docs/law.md s.11")]
    links = [Link("no QI motion to dismiss was pending" if f.report.carswell_rules else
                  "the Carswell rules do not apply on the day this docket is judged", None, "docs/law.md s.3",
                  "Carswell, 54 F.4th at 311-12")]
    questions = f.questions(position)
    questions.update({q.id: (q.text or q.id, here) for q in e.fact_questions})
    for o in undecided:
        where = here if e.pleadings_overcome_qi else (f.gate1_at(o.id, position) or here)
        links.append(Link(f"gate 1: the pleadings were held to overcome QI as to {o.name}, at {where}", where,
                          "QI201", "Zapata, 750 F.3d at 485 & n.2"))
    for text, where in questions.values():
        links.append(Link(f"gate 2: the question of fact {quoted(text, 80)} was identified at {where}", where,
                          "QI202", "Zapata, 750 F.3d at 485"))
    for a in e.authorized:
        hit = [questions[q][0] for q in a.addresses if q in questions]
        if hit:
            links.append(Link(f"gate 3: {f.text(a.request)} is aimed at {quoted(hit[0], 60)}", here, "QI203",
                              "Webb, 618 F. App'x at 209-11"))
    return links


def _dated(links: list[Link] | tuple[Link, ...], report: Report) -> tuple[Link, ...]:
    """Links citing only what had been decided by the day the docket is judged (LAW.md s.10)."""
    day = report.law_as_of
    return tuple(Link(x.claim, x.entry, x.rule, x.cite if x.cite and existed(x.cite, day) else None,
                      _dated(x.because, report)) for x in links)


def entry_chain(scenario: m.Scenario, report: Report, position: int) -> Chain:
    """Why the entry at ``position`` (1-based) raised its codes, or why it kept the law."""
    f = Facts(scenario, report)
    row = f.row(position)
    found = violations_at(report, position)
    if not found:
        e = f.entry(position)
        links = _lawful_order(f, position) if isinstance(e, m.DiscoveryOrder) else [
            Link(readable(row.explanation.removesuffix(" Allowed."), report), row.label, None,
                 first_cite(row.authorities) or None)]
        return Chain(row.label, f"{row.label} ({row.event_label}) keeps the careful procedure: no rule bars it here.",
                     True, links=_dated(links, report))
    chains = [_code_chain(f, position, v.code, v.message, v.authorities) for v in found]
    if len(chains) == 1:
        return chains[0]
    return Chain(row.label, f"{row.label} departs from the careful procedure: " + ", ".join(v.code for v in found),
                 False, None, None, (), tuple(Link(c.conclusion, row.label, c.code, first_cite(list(c.authorities)),
                                                   c.links) for c in chains))


def _code_chain(f: Facts, position: int, code: str, message: str, authorities: list[str]) -> Chain:
    links = WHY[code](f, position) if code in WHY else []
    rule = CODES[code].rule if code in CODES else None
    if not links and rule:
        links = [Link(rule, f.row(position).label, code, first_cite(authorities))]
    return Chain(f.row(position).label, f"{code}: {readable(message, f.report, 80)}", False, code, rule,
                 tuple(authorities), _dated(links, f.report))


def code_chain(scenario: m.Scenario, report: Report, position: int, code: str) -> Chain | None:
    """The chain for one code raised at ``position``; None if it was not raised there."""
    v = next((v for v in violations_at(report, position) if v.code == code), None)
    return None if v is None else _code_chain(Facts(scenario, report), position, code, v.message, v.authorities)


def case_chain(scenario: m.Scenario, report: Report) -> Chain:
    """The final situation: where the case stands, each departure, appealability, discovery now."""
    links: list[Link] = []
    for v in report.violations:
        c = _code_chain(Facts(scenario, report), v.position, v.code, v.message, v.authorities)
        links.append(Link(c.conclusion, report.entries[v.position - 1].label, v.code, first_cite(v.authorities),
                          c.links))
    orders = [e for e in report.entries if e.event == "discovery_order" and e.accepted]
    if report.appealable is not None and orders:
        last = orders[-1]
        appealable_codes = [c for c in last.codes if c in ("QI101", "QI201", "QI202", "QI203", "QI302", "QI401")]
        if report.appealable:
            why = (f"the last discovery order, {last.label}, is immediately appealable: it is avoidable or overly "
                   f"broad ({', '.join(appealable_codes) or 'see its codes'})")
        else:
            why = (f"the last discovery order, {last.label}, is not immediately appealable: it raised none of the "
                   "departures that make an order avoidable or overly broad")
        links.append(Link(why, last.label, "docs/law.md s.7", first_cite(report.appealable_authorities)))
    standing = report.entries[-1].standing if report.entries else None
    if standing is not None:
        for o in standing.officials:
            links.append(Link(f"{o.name}: QI {o.qi}", None, "docs/law.md s.8"))
        if report.discovery_authorized:
            said = "; ".join(f"{o.label} authorizes " + ("; ".join(quoted(t, 60) for t in o.authorized) or
                                                         "all discovery") for o in standing.orders_in_force)
            links.append(Link(f"discovery against an official is authorized now: {said}", None, "docs/law.md s.11"))
        else:
            links.append(Link("no discovery against an official is authorized now: no order in force covers an "
                              "official still in the case", None, "docs/law.md s.11"))
    lawful = not any(v.severity == "error" for v in report.violations)
    verdict = "no departure from the careful procedure" if not report.violations else \
        "departures: " + ", ".join(report.codes)
    return Chain("the case", f"{report.state_label}; {verdict}.", lawful, links=_dated(links, report))


# --- why not ------------------------------------------------------------------------------------------
def _official_rows(standing: Standing | None) -> list[OfficialStanding]:
    return [o for o in (standing.officials if standing else []) if o.in_case and o.qi.startswith("asserted")]


def requirements(event: str, report: Report) -> list[Requirement]:
    """What the move ``event`` must meet now (after the report's last entry), met or not, and how to meet it."""
    standing = report.entries[-1].standing if report.entries else None
    undecided = _official_rows(standing)
    names = ", ".join(o.name for o in undecided) or "no official"
    pending = sorted({p for o in (standing.officials if standing else []) for p in o.qi_motion_pending})
    appeals = standing.appeals_pending if standing else []
    orders = standing.orders_in_force if standing else []
    codes = list(dict.fromkeys(g.code.code for g in PROCEDURE.move[event].guards)) if event in PROCEDURE.move else []
    out: list[Requirement] = []
    for code in codes:
        if code == "QI101":
            met = not pending or not report.carswell_rules
            now = "pending: " + ", ".join(pending) if pending else "none pending"
            if pending and not report.carswell_rules:
                now += " (the Carswell rule is not in force on the day this docket is judged)"
            out.append(Requirement(code, "no QI motion to dismiss pending (Carswell)", met, now,
                                   "" if met else f"the court must first decide {', '.join(pending)} (grant or deny "
                                   "it, or order a Rule 7(a) reply)", _cite(code), True))
        elif code in ("QI401", "QI402"):
            out.append(Requirement(code, "no collateral-order appeal by the official pending", not appeals,
                                   "pending: " + ", ".join(appeals) if appeals else "none pending",
                                   "" if not appeals else "wait for the court of appeals' ruling (or certify the "
                                   "appeal frivolous: unsettled)", _cite(code), True))
        elif code == "QI201":
            lacking = [o.name for o in undecided if not o.gate1]
            out.append(Requirement(code, f"gate 1: the pleadings held to overcome QI as to {names}", not lacking,
                                   "not yet held as to " + ", ".join(lacking) if lacking else "held",
                                   "the order itself may hold it, explicitly" if lacking else "", _cite(code)))
        elif code == "QI202":
            lacking = [o.name for o in undecided if not o.fact_questions]
            out.append(Requirement(code, f"gate 2: a question of fact identified concerning {names}", not lacking,
                                   "none identified yet" if lacking else "identified: " + "; ".join(
                                       quoted(t, 60) for o in undecided for t in o.fact_questions),
                                   "the order itself may identify it" if lacking else "", _cite(code)))
        elif code == "QI203":
            out.append(Requirement(code, "gate 3: each authorized request aimed at an identified question of fact",
                                   True, "judged request by request when the order is made",
                                   "authorize only requests that address an identified question", _cite(code)))
        elif code == "QI302":
            out.append(Requirement(code, "scope limited to QI discovery while QI is undecided", not undecided,
                                   f"QI undecided for {names}" if undecided else "no official's QI undecided",
                                   "the order's scope must be limited, not general" if undecided else "",
                                   _cite(code)))
        elif code == "QI301":
            said = "; ".join(f"{o.label} authorizes " + ("; ".join(quoted(t, 50) for t in o.authorized) or "nothing")
                             for o in orders) or "no order in force"
            covered = bool(orders) and any(o.authorized or o.scope == "general" for o in orders)
            out.append(Requirement(code, "an order in force authorizing the requests taken from the official",
                                   covered or not undecided, said,
                                   "" if covered or not undecided else "first a limited order through the three gates",
                                   _cite(code), True))
        elif code == "QI102":
            out.append(Requirement(code, "the ruling decides the QI motion to dismiss", True,
                                   "a grant or a denial decides it; a deferral does not",
                                   "decide it; for more facts first, order a Rule 7(a) reply (Schultea)", _cite(code)))
        elif code == "QI303":
            out.append(Requirement(code, "discovery of a co-defendant waits while an official's QI is undecided "
                                   "(unsettled: a warning, never a bar)", True, "checked when the entry is made",
                                   "", _cite(code)))
        else:
            out.append(Requirement(code, reason(code), True, "checked when the entry is made", "", _cite(code)))
    return out


def why_not(event: str, report: Report) -> WhyNot:
    """What would make ``event`` lawful now, and the engine's own probe of it here."""
    if event not in PROCEDURE.move:
        raise KeyError(event)
    probes = [n for n in report.next_moves if n.event == event]
    opened = None if not probes else any(n.open for n in probes)
    at = report.entries[-1].label if report.entries else "the start"
    return WhyNot(event, PROCEDURE.move[event].label, at, opened, tuple(requirements(event, report)))


# --- text ---------------------------------------------------------------------------------------------
def _link_lines(link: Link, depth: int) -> list[str]:
    pad = "  " * depth
    tail = []
    if link.rule:
        tail.append(link.rule)
    if link.cite:
        tail.append(link.cite)
    line = f"{pad}because {link.claim}" + (f" ({'; '.join(tail)})" if tail else "")
    return [line] + [x for sub in link.because for x in _link_lines(sub, depth + 1)]


def render_chain(chain: Chain) -> str:
    """The chain as indented "because" lines."""
    lines = [chain.conclusion]
    for link in chain.links:
        lines += _link_lines(link, 1)
    if chain.rule:
        lines.append(f"  The rule ({chain.code}): {chain.rule}")
    return "\n".join(lines)


def render_why_not(answer: WhyNot) -> str:
    unmet = [r for r in answer.requirements if not r.met]
    verdict = {True: "open", False: "barred", None: "not probed by the engine here"}[answer.open]
    if answer.open and unmet:
        verdict = "open, if the move itself meets each condition marked 'the move must' below"
    lines = [f"Why not {answer.label} after {answer.at}? The engine: {verdict}."]
    if not answer.requirements:
        lines.append("  No rule of the careful procedure guards this move.")
    for r in answer.requirements:
        mark = "met" if r.met else ("BARS IT" if r.bars else "the move must")
        lines.append(f"  [{mark}] {r.code} {r.needs}: {r.now}" + (f" ({r.cite})" if r.cite else ""))
        if r.fix:
            lines.append(f"          to make it lawful: {r.fix}")
    return "\n".join(lines)
