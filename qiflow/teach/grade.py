"""``qiflow check`` as a grader: when a student's ``expect`` block is wrong, say what the docket shows.

Each lesson names what was predicted, what the engine finds, and why, from this docket's facts and the
rule's lead authority: "You predicted QI201, but Dkt. 21 holds that the pleadings overcome QI; you missed
QI101 at Dkt. 21: the QI motion to dismiss at Dkt. 8 was still pending (Carswell, 54 F.4th at 311-12)".
"""

from __future__ import annotations

from dataclasses import dataclass

from qiflow import scenario as m
from qiflow.engine.expect import mismatches
from qiflow.engine.report import Report
from qiflow.procedure.careful import PHASE
from qiflow.teach.chains import Facts, case_chain, code_chain
from qiflow.teach.docket import label
from qiflow.teach.words import first_cite, quoted, reason


@dataclass(frozen=True)
class Lesson:
    """One wrong prediction and what teaches it."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def _codes(codes: list[str] | set[str]) -> str:
    return ", ".join(sorted(codes)) or "no departure"


def _granting_orders(f: Facts) -> list[tuple[int, m.DiscoveryOrder]]:
    return [(i, e) for i, e in enumerate(f.scenario.docket, 1)
            if isinstance(e, m.DiscoveryOrder) and e.grants and f.row(i).accepted]


def not_raised(code: str, f: Facts, positions: list[int] | None = None) -> str:
    """Why the docket (or the entries at ``positions``) does not raise ``code``, in this docket's facts."""
    orders = [(i, e) for i, e in _granting_orders(f) if positions is None or i in positions]
    day = f.law_day
    if code == "QI101":
        if not f.report.carswell_rules:
            return (f"judged by the law as of {day}, before Carswell (June 17, 2022), the rule behind QI101 was not "
                    "yet in force")
        return "no QI motion to dismiss was pending when discovery was ordered"
    if code == "QI102":
        rulings = [(i, e) for i, e in enumerate(f.scenario.docket, 1) if isinstance(e, m.MotionToDismissRuling)
                   and e.defers and (positions is None or i in positions)]
        if rulings and not f.report.carswell_rules:
            at, ruling = rulings[0]
            return (f"the deferral at {label(ruling, at)} holds that the pleadings overcome QI and identifies a question "
                    "of fact, which the law before Carswell allowed (Backe, 691 F.3d at 648)")
        return "no ruling put off a QI motion to dismiss"
    if code == "QI201":
        if not orders:
            return "no order granted discovery, so no gate-1 holding was needed"
        held = [label(e, i) for i, e in orders if e.pleadings_overcome_qi]
        if held:
            return f"{', '.join(held)} holds that the pleadings overcome QI"
        return "the pleadings had already been held to overcome QI when discovery was ordered"
    if code == "QI202":
        if not orders:
            return "no order granted discovery, so no fact question was needed"
        i, e = orders[0]
        questions = f.questions(i)
        questions.update({q.id: (q.text or q.id, label(e, i)) for q in e.fact_questions})
        if questions:
            text, where = next(iter(questions.values()))
            return f"{where} identifies the question of fact {quoted(text, 70)}"
        return "the order reaches no official whose QI is undecided"
    if code == "QI203":
        return "every request authorized addresses an identified question of fact" if orders else \
            "no order authorized a request"
    if code == "QI301":
        taken = [(i, e) for i, e in enumerate(f.scenario.docket, 1) if isinstance(e, m.Discovery)]
        return "every discovery taken from an official was covered by an order in force" if taken else \
            "no discovery was taken"
    return f"no entry here does what it forbids ({reason(code)})"


def _missed(code: str, f: Facts) -> str:
    v = next(v for v in f.report.violations if v.code == code)
    where = f.report.entries[v.position - 1].label
    chain = code_chain(f.scenario, f.report, v.position, code)
    link = chain.links[0] if chain and chain.links else None
    claim = link.claim if link else reason(code)
    cite = (link.cite if link and link.cite else None) or first_cite(v.authorities)
    return f"you missed {code} at {where}: {claim}" + (f" ({cite})" if cite else "")


def _violations(predicted: set[str], f: Facts) -> str:
    actual = set(f.report.codes)
    extra, missed = sorted(predicted - actual), sorted(actual - predicted)
    parts = []
    if extra:
        parts.append("; ".join(f"you predicted {c}, but {not_raised(c, f)}" for c in extra))
    parts += [_missed(c, f) for c in missed]
    said = "; ".join(parts)
    return said[:1].upper() + said[1:] + "."


def _yes(flag: object) -> str:
    return "is" if flag else "is not"


def lessons(scenario: m.Scenario, report: Report) -> list[Lesson]:
    """A teaching message for each expectation the report does not meet (``engine.expect.mismatches``)."""
    f = Facts(scenario, report)
    out: list[Lesson] = []
    chain = case_chain(scenario, report)
    for miss in mismatches(scenario, report):
        if miss.where == "expect.violations":
            out.append(Lesson(miss.where, _violations(set(miss.expected or []), f)))  # type: ignore[call-overload]
        elif miss.where == "expect.discovery_authorized":
            link = next((x for x in chain.links if "authorized now" in x.claim), None)
            out.append(Lesson(miss.where, f"You predicted that discovery against an official {_yes(miss.expected)} "
                              f"authorized at the end, but {link.claim if link else 'the engine finds otherwise'}."))
        elif miss.where == "expect.appealable":
            if report.appealable is None:
                said = "there is no discovery order, so there is no collateral-order appeal from one"
            else:
                link = next((x for x in chain.links if "last discovery order" in x.claim), None)
                said = (link.claim + f" ({link.cite})") if link and link.cite else (link.claim if link else "")
            out.append(Lesson(miss.where, f"You predicted that the last discovery order {_yes(miss.expected)} "
                              f"immediately appealable, but {said}."))
        elif miss.where == "expect.refused":
            refused = [e.label for e in report.entries if not e.accepted]
            why = "; ".join(f"{e.label}: {', '.join(e.codes)}" for e in report.entries if not e.accepted)
            out.append(Lesson(miss.where, f"You predicted that strict mode refuses {miss.expected or 'nothing'}, "
                              f"but it refuses {', '.join(refused) or 'nothing'}" + (f" ({why})" if why else "")
                              + "; strict mode refuses exactly the entries that would raise an error other than "
                              "QI001."))
        elif miss.where == "expect.state":
            want = PHASE[str(miss.expected)].label if str(miss.expected) in PHASE else str(miss.expected)
            out.append(Lesson(miss.where, f"You predicted the case ends at \u201c{want}\u201d, but it ends at "
                              f"\u201c{report.state_label}\u201d."))
        else:
            out.append(_entry_lesson(miss.where, set(miss.expected or []), set(miss.got or []), f))  # type: ignore[call-overload]
    return out


def _entry_lesson(where: str, predicted: set[str], actual: set[str], f: Facts) -> Lesson:
    name = where.split(" (")[0]
    position = next((i for i, e in enumerate(f.scenario.docket, 1)
                     if label(e, i) == name or f"entry #{i}" == name), None)
    head = f"At {name} you predicted {_codes(predicted)}; the engine finds {_codes(actual)}"
    parts = []
    if position is not None:
        for code in sorted(actual - predicted):
            chain = code_chain(f.scenario, f.report, position, code)
            if chain and chain.links:
                link = chain.links[0]
                parts.append(f"{code} because {link.claim}" + (f" ({link.cite})" if link.cite else ""))
        for code in sorted(predicted - actual):
            parts.append(f"not {code}: {not_raised(code, f, [position])}")
    return Lesson(name, head + (": " + "; ".join(parts) if parts else "") + ".")
