"""Layer 1: one entry's text to events, by the pattern table alone (no other entry consulted)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from qiflow.ingest import patterns as p
from qiflow.ingest.cites import cited, cited_numbers

REVIEW_BELOW = 0.8
"""A classification less sure than this carries a review note."""


@dataclass
class Event:
    """One event read from an entry. An entry may give several (an order ruling on two motions)."""

    kind: str
    confidence: float
    rule: str
    fields: dict[str, Any] = field(default_factory=dict)
    links: list[int] = field(default_factory=list)
    """Entry numbers this event acts on (the motion a ruling decides, the order appealed, the motion answered)."""
    motion_type: str | None = None
    """For rulings: what the motion decided asks for (``patterns.MOTION_TYPES``), ``generic``, or None (unsaid)."""
    asserts_qi: bool | None = None
    """For motions and answers: True when the text establishes a QI assertion, None when it does not say."""
    notes: list[str] = field(default_factory=list)


def head(text: str) -> tuple[str, int]:
    """The entry's head group and where its head word starts (``none``, 0 when no document-type word)."""
    m = p.HEAD_RE.search(text)
    if not m:
        return "none", 0
    index = next(int(name[1:]) for name, value in m.groupdict().items() if value is not None)
    return p.HEADS[index][0], m.start()


HYPOTHETICAL = re.compile(r"\b(?:not|if|whether|will|would|unless)\s+$", re.IGNORECASE)
"""Words that make an outcome word no ruling: "if the Court does not grant", "The Court will grant Defendants until"."""


def _outcomes(text: str) -> list[re.Match[str]]:
    return [m for m in p.OUTCOME_RE.finditer(text) if not HYPOTHETICAL.search(text[max(0, m.start() - 20):m.start()])]


def outcome_of(text: str) -> str | None:
    found = _outcomes(text)
    if not found:
        return None
    m = found[0]
    index = next(int(name[1:]) for name, value in m.groupdict().items() if value is not None)
    return p.OUTCOMES[index][1]


def motion_type(text: str) -> str | None:
    """What the motion named in ``text`` asks for; ``generic`` for any other named motion; None if none named."""
    for name, pattern in p.MOTION_TYPES:
        if re.search(pattern, text, p.F):
            return name
    return "generic" if re.search(r"\bmotions?\b", text, p.F) else None


def qi_of(text: str) -> tuple[bool | None, str | None]:
    """Whether ``text`` establishes a QI assertion: (True, None) or (None, why unknown)."""
    if p.QI_RE.search(text):
        return True, None
    if p.IMMUNITY_RE.search(text):
        return None, "mentions an immunity but not qualified immunity"
    return None, "the docket text does not say whether it asserts qualified immunity"


CLAUSE_SPLIT = re.compile(r";|(?<=[a-z0-9)\]])\.\s+(?=[A-Z])|\bit\s+is\s+(?:further\s+)?ordered\b", re.IGNORECASE)


ABBREVIATION = re.compile(r"\b(doc|dkt|nos?|r|rec|civ|fed|p|inc|jr|sr|co|corp|ltd|st|mr|ms|mrs|dr|sgt|lt|v|e)\.\s",
                          re.IGNORECASE)


def _clauses(text: str, named: list[tuple[str, int]] | None = None) -> list[str]:
    protected = ABBREVIATION.sub(lambda m: m.group(0)[:-1] + "\ue000", text)
    parts = [c.replace("\ue000", " ").strip() for c in CLAUSE_SPLIT.split(protected) if c and c.strip()]
    merged: list[str] = []
    for part in parts:
        if merged and cited_numbers(merged[-1]) and outcome_of(merged[-1]) is None and not cited_numbers(part) \
                and outcome_of(part) is not None and not any(desc in _plain(part) for desc, _ in named or []):
            merged[-1] = merged[-1] + " " + part
        else:
            merged.append(part)
    return merged


NAMED_MOTION = re.compile(r"(?P<name>[A-Z][\w.'’ -]{0,80}?)['’]s?\s+(?P<what>(?:\w+\s+){0,3}?motions?\s+(?:to|for)\s+"
                          r"[\w ]{2,40}?)\s*\((?:doc|dkt|d\.e|ecf|r\.\s*doc|rec\.\s*doc)\.?\s*(?:no\.?\s*|#)?(?P<n>\d{1,5})\)",
                          re.IGNORECASE)


def _named_motions(text: str) -> list[tuple[str, int]]:
    """Motions an order lists by their movant and number ("Defendant David Armstrong's Partial Motion to Dismiss
    (Doc. No. 12)"), so a clause that rules on one by name ("GRANTS Defendant David Armstrong's Partial Motion to
    Dismiss") can be linked to its number."""
    return [(" ".join(_plain(f"{m.group('name')} {m.group('what')}").split()[-8:]), int(m.group("n")))
            for m in NAMED_MOTION.finditer(text)]


def _plain(text: str) -> str:
    return " ".join(re.sub(r"['’]s?\b|['’]", "", text.lower()).split())


def _segments(clause: str) -> list[str]:
    """A clause that rules on motions one after another, each outcome word before its own numbers ("granting 14
    Motion to Dismiss and granting in part and denying in part 15 Motion to Dismiss"), split at each outcome."""
    starts = [m.start() for m in _outcomes(clause)]
    if len(starts) < 2 or cited(clause[:starts[0]]):
        return [clause]  # one outcome, or the numbers come before the outcome words ("Motion (Dkt. 15) is GRANTED")
    cuts, last = [0], starts[0]
    for start in starts[1:]:
        if cited(clause[last:start]):
            cuts.append(start)
            last = start
    return [clause[a:b] for a, b in zip(cuts, cuts[1:] + [len(clause)], strict=True)]


_ANY_OUTCOME = "|".join(f"(?:{pattern})" for pattern, _ in p.OUTCOMES)
UNNUMBERED = re.compile(r"(?:\bmotions?\b[^;.]{0,80}?\b(?:is|are|be)\s+(?:hereby\s+)?(?P<after>" + _ANY_OUTCOME
                        + r"))|(?P<before>" + _ANY_OUTCOME + r")\s+(?:(?!(?:to|or|days?|time|until|by|within|pending|"
                        r"for)\b)[\w'’,.-]+\s+){0,12}?(?P<motion>motions?\b.{0,120})", p.F)
"""A ruling on a motion the order does not number: "ORDER DENYING UNOPPOSED MOTION FOR LEAVE TO CONDUCT LIMITED
DISCOVERY", "the Motion to Dismiss is DENIED"."""

def _hypothetical(text: str, m: re.Match[str]) -> bool:
    at = m.start("before") if m.group("before") else m.start("after")
    return bool(HYPOTHETICAL.search(text[max(0, at - 20):at]))


DISPOSITIVE = re.compile(r"\W*(?:memorandum\s+(?:opinion|ruling)|(?:opinion|ruling)(?:\s+and\s+order)?)\b", p.F)
_ADJ = (r"(?:(?:first|second|third|fourth|fifth|amended|renewed|partial|joint|supplemental|opposed|unopposed|emergency|"
        r"sealed)\s+){0,2}")
RE_MOTION = re.compile(r"\bre:?\s+(\d{1,5})\s+" + _ADJ + r"motion", p.F)
LIST_MOTION = re.compile(r"(?:\bre:?|,|;|\band)\s+(\d{1,5})\s+" + _ADJ + r"motion", p.F)
""""re 33 Third MOTION for Pleadings Judgment, 32 Third MOTION for Pleadings Judgment": each motion a ruling is "re"."""


def _unstated(text: str) -> list[Event]:
    """A memorandum opinion or ruling "re" motions that does not say how it rules on them: a ruling on each motion
    named, its outcome left for the reader ("MEMORANDUM RULING re 26 MOTION to Dismiss ...")."""
    at = head(text)[1]
    if not DISPOSITIVE.match(text[at:]) or p.OUTCOME_RE.search(text):
        return []
    events = []
    first = RE_MOTION.search(text)
    found = list(LIST_MOTION.finditer(text, first.start())) if first else []
    for k, m in enumerate(found):
        window = text[m.start(): found[k + 1].start() if k + 1 < len(found) else m.start() + 160]
        events.append(Event("ruling", 0.6, "ruling-outcome-unstated", {}, links=[int(m.group(1))],
                            motion_type=motion_type(window),
                            notes=["the docket text does not state the outcome: read the order and set it"]))
    return events


CITATION_END = re.compile(r"[(\[]\s*(?:dkt|doc|d\.\s?e|ecf|r\.\s*doc|rec\.\s*doc|record\s+doc(?:ument)?|docket\s+entry)\.?"
                          r"\s*(?:nos?\.?|#)?\s*(?P<n>\d{1,5})[^)\]]{0,10}[)\]]", re.IGNORECASE)
"""A citation in brackets or parentheses after the motion it names: "(Dkt. # 15 )", "[Dkt. No. 58 ]"."""


def _rulings(text: str) -> list[Event]:
    """The rulings of a court order, clause by clause: each names motions (by number) and an outcome."""
    events: list[Event] = []
    named = _named_motions(text)
    clauses = [seg for clause in _clauses(text, named) for seg in _segments(clause)]
    if not any(outcome_of(c) and cited(c) for c in clauses) and not named:
        m = next((m for m in UNNUMBERED.finditer(text) if not _hypothetical(text, m)), None)
        if m:
            words = m.group("after") or m.group("before")
            outcome = outcome_of(words)
            about = m.group("motion") or m.group(0)
            if outcome is not None:
                events.append(Event("ruling", 0.7, "court-order-unnumbered", {"outcome": outcome}, links=[],
                                    motion_type=motion_type(about),
                                    notes=["rules on a motion it does not number"]))
                return events
        return _unstated(text)
    for clause in clauses:
        if re.match(r"\W*(?:adopting|accepting)\b", clause, re.IGNORECASE) and not re.search(r"\bmotions?\b", clause, re.IGNORECASE):
            continue
        outcome = outcome_of(clause)
        numbers = [n for _, n in cited(clause)]
        if outcome is not None and not numbers and named:
            for part in re.split(r",\s*and\s+|\band\s+(?=grant|den|defer)", clause, flags=re.IGNORECASE):
                low = _plain(part)
                hits = [n for desc, n in named if desc in low]
                part_outcome = outcome_of(part)
                if hits and part_outcome is not None:
                    mtype = motion_type(part)
                    events.append(Event("ruling", 0.75, "court-order-by-name", {"outcome": part_outcome},
                                        links=hits[:1], motion_type=mtype,
                                        notes=[f"linked by the motion's name to entry {hits[0]}"]))
            continue
        if outcome is None or not numbers:
            continue
        clause_type = motion_type(clause)
        spots = cited(clause)
        starts = sorted({pos for pos, _ in spots})
        by_type: dict[str | None, list[int]] = {}
        brackets = [(m.start(), m.end()) for m in CITATION_END.finditer(clause)]
        for pos, n in spots:
            if re.search(r"(?:pending|resolution\s+of|ruling\s+on)\W+(?:[\w'’]+\W+){0,4}$", clause[max(0, pos - 60):pos],
                         re.IGNORECASE):
                continue  # "pending 9 Motion to Dismiss", "pending a resolution of Defendants' 10 ... Motions": named, not ruled on
            later = [s for s in starts if s > pos]
            window = clause[pos: later[0] if later else pos + 120]
            around = next(((a, e) for a, e in brackets if a <= pos < e), None)
            if around is not None:
                # "Defendant's Motion to Dismiss (Doc. 7)": the motion is named before its citation
                before = [e for _, e in brackets if e <= around[0]]
                window = clause[max(before) if before else 0: around[0]]
            mtype = motion_type(window) if re.search(r"\bmotions?\b", window, re.IGNORECASE) else clause_type
            by_type.setdefault(mtype, []).append(n)
        for mtype, nums in by_type.items():
            events.append(Event("ruling", 0.9, "court-order", {"outcome": outcome}, links=nums, motion_type=mtype))
    return events


def _from_ruling(ruling: Event, text: str) -> Event | None:
    """A ruling clause as an event of its own kind, by the kind of motion it decides (None: nothing to record)."""
    outcome = ruling.fields.get("outcome")
    if outcome is None:
        kinds = {"dismiss": "motion_to_dismiss_ruling", "sj": "sj_ruling"}
        if ruling.motion_type in kinds:
            return Event(kinds[ruling.motion_type], ruling.confidence, ruling.rule, {}, links=ruling.links,
                         motion_type=ruling.motion_type)
        return ruling if ruling.motion_type is None else None
    if ruling.motion_type == "dismiss":
        ev = Event("motion_to_dismiss_ruling", 0.9, "ruling-on-motion-to-dismiss", links=ruling.links,
                   motion_type="dismiss")
        if outcome == "moot":
            ev.fields["outcome"] = "denied"
            ev.confidence = 0.7
            ev.notes.append("denied as moot: recorded as denied")
        else:
            ev.fields["outcome"] = outcome
        if outcome == "granted_in_part" and re.search(r"defer", text, re.IGNORECASE):
            ev.confidence = 0.7
            ev.notes.append("granted in part and deferred in part: recorded as granted in part")
        if re.search(r"leave\s+to\s+(?:file\s+an\s+)?amend|seek\s+leave\s+to\s+file\s+an\s+amended", text, re.IGNORECASE):
            ev.fields["reply_ordered"] = True
        return ev
    if ruling.motion_type == "sj":
        return Event("sj_ruling", 0.9, "ruling-on-sj-motion", {"outcome": outcome}, links=ruling.links, motion_type="sj")
    if ruling.motion_type == "qi" and outcome in ("granted", "granted_in_part", "denied"):
        return Event("qi_ruling", 0.8, "rules-on-qi-motion", {"outcome": outcome, "basis": "law"}, links=ruling.links,
                     motion_type="qi", notes=["rules on a motion for qualified immunity; basis assumed to be law"])
    if ruling.motion_type == "reply_7a" and outcome in ("granted", "granted_in_part"):
        return Event("reply_order", 0.9, "grants-7a-reply-motion", links=ruling.links)
    if ruling.motion_type == "stay_discovery" and outcome in ("granted", "granted_in_part"):
        return Event("discovery_order", 0.85, "grants-stay-of-discovery", {"outcome": "stayed"}, links=ruling.links,
                     notes=["a stay of discovery (recorded as a discovery order that stays)"])
    if ruling.motion_type == "qi_discovery" and outcome in ("granted", "granted_in_part", "denied"):
        return Event("discovery_order", 0.75, "rules-on-discovery-motion", {"outcome": outcome, "scope": "limited"},
                     links=ruling.links, notes=["rules on a discovery motion; check scope and against whom"])
    if ruling.motion_type is None:
        return ruling  # resolved by the case pass, from the motion cited
    return None


def _court_order(row: p.Row, text: str) -> list[Event]:
    events: list[Event] = []
    for ruling in _rulings(text):
        ev = _from_ruling(ruling, text)
        if ev is not None:
            if ev is not ruling:
                ev.confidence = min(ev.confidence, ruling.confidence)
                ev.notes = ruling.notes + ev.notes
            events.append(ev)
    kinds = {e.kind for e in events}
    for addon in p.ADDONS:
        if addon.kind in kinds:
            continue
        if addon.regex.search(text):
            if addon.kind == "discovery_order" and addon.name == "allows-discovery" and re.search(r"stay", text, re.IGNORECASE):
                continue
            ev = Event(addon.kind, addon.confidence, addon.name, dict(addon.fields), notes=[addon.note] if addon.note else [])
            if addon.name == "allows-discovery":
                ev.fields["scope"] = "limited" if re.search(r"limit|narrow", text, re.IGNORECASE) else "general"
            events.append(ev)
            kinds.add(addon.kind)
    if "reply_order" in kinds and "motion_to_dismiss_ruling" not in kinds:
        m = re.search(r"(?:raised|asserted)\s+in\s+(?:the\s+)?(\d{1,5})\s+motion\s+to\s+dismiss", text, re.IGNORECASE)
        if m:
            events.append(Event("motion_to_dismiss_ruling", 0.6, "reply-order-defers-motion",
                                {"outcome": "deferred", "reply_ordered": True}, links=[int(m.group(1))],
                                motion_type="dismiss",
                                notes=[("orders a Rule 7(a) reply on the QI defense in the motion: read as deferring "
                                       "the ruling on it")]))
    if not events:
        if re.match(r"\W*minute\s+entry", text[head(text)[1]:], re.IGNORECASE):
            return [Event("other", 0.9, "minute-entry")]
        events.append(Event("order", row.confidence, row.name))
    return events


def _outcome_for(kind: str, text: str) -> tuple[str | None, str | None]:
    low = text.lower()
    if kind == "appeal_ruling":
        for word, outcome in (("revers", "reversed"), ("vacat", "vacated"), ("affirm", "affirmed"), ("dismiss", "dismissed"),
                              ("withdraw", "dismissed")):
            if word in low:
                return outcome, None
        return None, "the appellate outcome is not stated"
    if kind == "judgment":
        if "settle" in low:
            return "settled", None
        if re.search(r"in\s+favor\s+of\s+(?:the\s+)?defendants?|take\s+nothing|for\s+(?:the\s+)?defendants?\b", low):
            return "for_defendant", None
        if re.search(r"in\s+favor\s+of\s+(?:the\s+)?plaintiffs?|for\s+(?:the\s+)?plaintiffs?\b", low):
            return "for_plaintiff", None
        if "dismiss" in low:
            return "dismissed", None
        return "dismissed", "the judgment's outcome is not stated; recorded as dismissed"
    return None, None


def classify(text: str, readable: str | None = None) -> list[Event]:
    """The events one docket text gives, by the pattern table. ``readable`` adds attached documents' text
    (descriptions, plain text) where a QI assertion may be stated when the docket text does not."""
    text = " ".join(text.split())
    for row in p.SUPPRESSORS:
        if row.regex.search(text):
            return [Event("other", row.confidence, row.name, notes=[row.note] if row.note else [])]
    group, at = head(text)
    rest = text[at:]
    for row in p.ROWS:
        if row.group != group or not row.regex.match(rest):
            continue
        if row.kind == "ruling":
            return _court_order(row, text)
        ev = Event(row.kind, row.confidence, row.name, dict(row.fields), notes=[row.note] if row.note else [])
        if row.kind in ("appeal_ruling", "judgment"):
            outcome, why = _outcome_for(row.kind, text)
            if outcome is None:
                ev = Event("order", 0.6, row.name, notes=[why or "outcome not stated"])
            else:
                ev.fields["outcome"] = outcome
                if why:
                    ev.confidence, ev.notes = 0.6, [why]
        if row.kind == "appeal_ruling":
            m = re.search(r"(\d{1,5})\s+notice\s+of\s+appeal", text, re.IGNORECASE)
            ev.links = [int(m.group(1))] if m else []
        if row.kind in ("appeal", "response"):
            ev.links = cited_numbers(rest)[:1] if row.kind == "appeal" else _motion_numbers(rest)
        if row.kind in ("motion_to_dismiss", "sj_motion", "answer"):
            ev.asserts_qi, why = qi_of(readable or text)
            if why:
                ev.notes.append(why)
            if row.kind == "motion_to_dismiss":
                if re.search(r"12\s*\(\s*c\s*\)|judgment\s+on\s+the\s+pleadings", text, re.IGNORECASE):
                    ev.fields["rule"] = "12(c)"
                elif re.search(r"12\s*\(\s*b\s*\)\s*\(\s*6\s*\)|failure\s+to\s+state", text, re.IGNORECASE):
                    ev.fields["rule"] = "12(b)(6)"
        return [ev]
    return [Event("other", 0.5, "unmatched", notes=["no pattern matched"])]


def _motion_numbers(text: str) -> list[int]:
    """The numbers a response cites for motions: those followed by the word motion, else the first cited."""
    found = [int(m.group(1)) for m in re.finditer(r"(?<![\w/])(\d{1,5})\s+(?:[\w'’.-]+\s+){0,4}?motions?\b", text, re.IGNORECASE)]
    return found or cited_numbers(text)[:1]
