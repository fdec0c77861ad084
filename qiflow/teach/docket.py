"""A scenario's docket as a reader names it: entries by label, found by label, and their facts in words.

The facts are what the docket records, judged by no one: the "spot the departure" view and the
stepper's predict-then-reveal show them before the engine's verdict.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qiflow import scenario as m
from qiflow.engine.refs import entry_at, ref_name
from qiflow.engine.words import date_label


def label(entry: m.Entry, position: int) -> str:
    """``Dkt. 37``, or ``Entry 12`` (its place in the docket) when it has no docket number."""
    return f"Dkt. {entry.entry_number}" if entry.entry_number is not None else f"Entry {position}"


class NoSuchEntry(ValueError):
    """An entry asked for by a label the docket does not have; the message lists what it has."""


_POSITION = re.compile(r"^(?:entry\s*|#|@|e)(\d+)$", re.IGNORECASE)
_NUMBER = re.compile(r"^(?:dkt\.?\s*|no\.?\s*)?(\d+)$", re.IGNORECASE)


def find(docket: Sequence[m.Entry], token: str) -> int:
    """The 1-based position of the entry ``token`` names: a docket number (``37``, ``Dkt. 37``) or a
    position (``Entry 12``, ``#12``). A bare number that is no docket number may name the position of an
    unnumbered entry."""
    token = token.strip()
    numbers = [e.entry_number for e in docket]
    if match := _POSITION.match(token):
        position = int(match[1])
        if 1 <= position <= len(docket):
            return position
    elif match := _NUMBER.match(token):
        number = int(match[1])
        if number in numbers:
            return numbers.index(number) + 1
        if 1 <= number <= len(docket) and docket[number - 1].entry_number is None:
            return number
    names = [label(e, i) for i, e in enumerate(docket, 1)]
    raise NoSuchEntry(f"no entry {token!r}; the docket has {', '.join(names)}")


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _names(parties: dict[str, m.Party], ids: list[str] | None, default: str) -> str:
    if ids is None:
        return default
    return ", ".join(parties[i].name if i in parties else i for i in ids) or "no one"


def _ref(docket: Sequence[m.Entry], ref: int | str | None) -> str:
    return ref_name(docket, ref) if ref is not None else "an entry"


def facts(entry: m.Entry, scenario: m.Scenario, texts: dict[str, str] | None = None) -> list[str]:
    """What the entry records, field by field, in words (no verdict). ``texts``: request and question texts."""
    parties = {p.id: p for p in scenario.parties}
    texts = texts or {}
    out: list[str] = []
    by = list(entry.filers)
    if by:
        out.append("Filed by " + _names(parties, by, ""))
    if isinstance(entry, (m.Answer, m.MotionToDismiss, m.SjMotion)):
        out.append("asserts qualified immunity: " + _yes(entry.asserts_qi))
    if isinstance(entry, m.MotionToDismiss) and entry.rule:
        out.append(f"Rule {entry.rule}")
    if isinstance(entry, m.MotionToDismissRuling):
        out.append(f"rules on {_ref(scenario.docket, entry.motion)}: {entry.outcome.replace('_', ' ')}")
        out.append("holds the pleadings overcome QI: " + _yes(entry.pleadings_overcome_qi))
        for field in ("reserves_qi", "reply_ordered"):
            if getattr(entry, field, False):
                out.append(field.replace("_", " ").replace("qi", "QI") + ": yes")
    if isinstance(entry, (m.MotionToDismissRuling, m.DiscoveryOrder)):
        questions = [q.text or texts.get(q.id, q.id) for q in entry.fact_questions]
        out.append("fact questions identified: " + ("; ".join(f"\u201c{q}\u201d" for q in questions) or "none"))
    if isinstance(entry, m.DiscoveryOrder):
        out.append(f"outcome: {entry.outcome.replace('_', ' ')}; scope: {entry.scope}")
        out.append("against: " + _names(parties, entry.against, "every defendant"))
        out.append("holds the pleadings overcome QI: " + _yes(entry.pleadings_overcome_qi))
        if entry.grants:
            granted = [f"\u201c{texts.get(a.request, a.request)}\u201d" for a in entry.authorized]
            out.append("authorizes: " + ("; ".join(granted) or "no request"))
    if isinstance(entry, m.DiscoveryMotion):
        asked = [f"\u201c{r.text or r.id}\u201d" for r in entry.requests]
        out.append("requests: " + ("; ".join(asked) or "none listed"))
    if isinstance(entry, m.Discovery):
        out.append("from " + _names(parties, [entry.against], ""))
        asked = [f"\u201c{texts.get(r, r)}\u201d" for r in entry.requests]
        out.append("requests: " + ("; ".join(asked) or "none (not tied to a request)"))
    if isinstance(entry, m.JointReport):
        out.append("agreed: " + ("; ".join(f"\u201c{texts.get(r, r)}\u201d" for r in entry.agreed) or "none"))
        out.append("disputed: " + ("; ".join(f"\u201c{texts.get(r, r)}\u201d" for r in entry.disputed) or "none"))
    if isinstance(entry, m.ConferenceOrder):
        out.append(f"confer by {date_label(entry.confer_by)}; report by {date_label(entry.report_by)}")
    if isinstance(entry, m.Appeal):
        out.append(f"from {_ref(scenario.docket, entry.from_)}")
    if isinstance(entry, (m.AppealRuling, m.FrivolousCertification)):
        out.append(f"on the appeal at {_ref(scenario.docket, entry.appeal)}")
    if isinstance(entry, (m.AppealRuling, m.QiRuling, m.Judgment)):
        out.append("outcome: " + entry.outcome.replace("_", " "))
    if isinstance(entry, m.QiRuling):
        out.append("as to: " + _names(parties, entry.defendants, "every official in the case who asserted QI"))
    if isinstance(entry, m.Judgment):
        out.append("as to: " + _names(parties, entry.defendants, "every defendant"))
    return out


def appeals_final_judgment(docket: Sequence[m.Entry], position: int) -> bool:
    """Whether the entry at ``position`` is an appeal from a final judgment (28 U.S.C. § 1291): an ordinary
    appeal after the case has ended, not a collateral-order appeal (LAW.md s.7)."""
    entry = docket[position - 1]
    if not isinstance(entry, m.Appeal):
        return False
    found = entry_at(docket[: position - 1], entry.from_)
    return found is not None and isinstance(found[1], m.Judgment)
