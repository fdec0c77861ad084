"""Layer 2, the whole-case pass: each ruling linked to the motions it cites by number and given the kind of the
motion it decides; QI carried between motions and the rulings on them; filers attached to parties."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qiflow.ingest import parties as pt
from qiflow.ingest.classify import Event, classify
from qiflow.ingest.docket import SourceEntry

FILED_KINDS = {"complaint", "answer", "motion_to_dismiss", "sj_motion", "response", "reply", "appeal",
               "discovery_motion", "sj_notice", "supplement"}
MOTIONS = {"motion_to_dismiss", "sj_motion", "discovery_motion"}


@dataclass
class Item:
    """One source entry and what the importer made of it."""

    entry: SourceEntry
    events: list[Event]
    filers: list[pt.Party] = field(default_factory=list)


def classify_all(entries: list[SourceEntry]) -> list[Item]:
    return [Item(e, classify(e.description, e.readable_text if e.documents else None)) for e in entries]


def _primary(items: list[Item]) -> dict[int, tuple[int, Event]]:
    index: dict[int, tuple[int, Event]] = {}
    for i, item in enumerate(items):
        n = item.entry.entry_number
        if n is not None and n not in index and item.events:
            index[n] = (i, item.events[0])
    return index


_NUMS = r"(\d{1,5}(?:\s*(?:,\s*and|,|&|and)\s*\d{1,5})*)"
QI_NEAR_LINK = [re.compile(r"qualified[\s-]+immunity[^.;]{0,80}?\b" + _NUMS + r"\s+motions?", re.IGNORECASE),
                re.compile(r"\b" + _NUMS + r"\s+motions?[^.;]{0,80}?qualified[\s-]+immunity", re.IGNORECASE)]
"""A ruling that names the QI defense of motions it cites ("Defendants' 10 and 24 Motions to Dismiss that raise the
defense of qualified immunity")."""


def _split(events: list[Event]) -> list[Event]:
    """One ruling event per motion decided."""
    out: list[Event] = []
    for ev in events:
        if ev.kind in ("motion_to_dismiss_ruling", "sj_ruling", "ruling") and len(ev.links) > 1:
            for n in ev.links:
                out.append(Event(ev.kind, ev.confidence, ev.rule, dict(ev.fields), [n], ev.motion_type,
                                 ev.asserts_qi, list(ev.notes)))
        else:
            out.append(ev)
    return out


def resolve(items: list[Item], parties: list[pt.Party] | None = None) -> list[Item]:
    """The case-level pass over classified items (in docket order); changes them in place and returns them."""
    for item in items:
        item.events = _split(item.events)
    index = _primary(items)
    # QI stated in a ruling about a motion it cites establishes that the motion asserted QI.
    for i, item in enumerate(items):
        if not any(e.kind not in ("other",) for e in item.events):
            continue
        for pattern in QI_NEAR_LINK:
            numbers = [int(n) for m in pattern.finditer(item.entry.description) for n in re.findall(r"\d{1,5}", m.group(1))]
            for number in numbers:
                target = index.get(number)
                if target and target[0] < i and target[1].kind in MOTIONS | {"answer"} and target[1].asserts_qi is None:
                    target[1].asserts_qi = True
                    target[1].notes = [n for n in target[1].notes if "does not say" not in n and "mentions" not in n]
                    target[1].notes.append(f"QI assertion read from the ruling at entry {item.entry.entry_number}")
    for i, item in enumerate(items):
        for ev in item.events:
            if not ev.links and ev.motion_type in BY_TYPE and ev.kind not in ("order", "other"):
                _link_unnumbered(ev, i, item, items)
    for i, item in enumerate(items):
        resolved: list[Event] = []
        for ev in item.events:
            resolved.append(_resolve_event(ev, i, item, items, index))
        specific = [e for e in resolved if e.kind not in ("order", "other")]
        item.events = specific or resolved[:1]
        if parties is not None:
            item.filers = pt.filers(item.entry.description, parties)
    return items


BY_TYPE = {"dismiss": "motion_to_dismiss", "sj": "sj_motion", "qi_discovery": "discovery_motion"}
"""The motion kind a ruling on each motion type decides."""


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def _link_unnumbered(ev: Event, i: int, item: Item, items: list[Item]) -> None:
    """A ruling that names its motion without a number ("ORDER GRANTING IN PART ... MOTION FOR SUMMARY JUDGMENT BASED
    ON QUALIFIED IMMUNITY") is linked to the earlier motion of that kind whose title the ruling repeats, or to the
    only earlier one no ruling has decided yet; flagged either way."""
    kind = BY_TYPE[ev.motion_type or ""]
    decided = {n for it in items[:i] for e in it.events if e.kind not in ("other", "order") for n in e.links}
    open_motions = [it for it in items[:i] if it.entry.entry_number is not None and it.events
                    and it.events[0].kind == kind and it.entry.entry_number not in decided]
    text = _words(item.entry.description)
    titled = [it for it in open_motions if len(_words(it.entry.description).split()) >= 3
              and _title(it.entry.description) in text]
    chosen = (max(titled, key=lambda it: len(_title(it.entry.description))) if titled else
              open_motions[0] if len(open_motions) == 1 else None)
    if chosen is None:
        return
    n = chosen.entry.entry_number
    assert n is not None
    ev.links = [n]
    ev.confidence = min(ev.confidence, 0.7)
    how = "it repeats that motion's title" if titled else "the only undecided one of its kind"
    ev.notes.append(f"names no motion number; linked to entry {n} ({how})")


def _title(description: str) -> str:
    """A motion's title words, from its document-type word on, before any "filed by"/"by" clause."""
    text = _words(description)
    at = text.find("motion")
    text = text[at:] if at >= 0 else text
    return re.split(r"\s(?:filed\s+)?by\s", text)[0]


def _resolve_event(ev: Event, i: int, item: Item, items: list[Item], index: dict[int, tuple[int, Event]]) -> Event:
    target = index.get(ev.links[0]) if ev.links else None
    earlier = target if target and target[0] < i else None
    target_kind = earlier[1].kind if earlier else None
    if ev.kind == "ruling":
        if target_kind == "motion_to_dismiss":
            ev.kind, ev.motion_type, ev.rule = "motion_to_dismiss_ruling", "dismiss", ev.rule + "+linked"
            if ev.fields.get("outcome") == "moot":
                ev.fields["outcome"] = "denied"
                ev.notes.append("denied as moot: recorded as denied")
        elif target_kind == "sj_motion":
            ev.kind, ev.motion_type = "sj_ruling", "sj"
        else:
            return Event("order", 0.9, ev.rule, notes=ev.notes)
    if ev.kind == "sj_ruling":
        motion_qi = earlier[1].asserts_qi if earlier and target_kind == "sj_motion" else None
        text_qi = bool(re.search(r"qualified[\s-]+immunity", item.entry.description, re.IGNORECASE))
        outcome = ev.fields.get("outcome")
        if (motion_qi or text_qi) and outcome in ("granted", "denied", "granted_in_part"):
            basis = "fact_dispute" if re.search(r"genuine|fact\s+(?:issue|question|dispute)", item.entry.description,
                                                re.IGNORECASE) else "law"
            qi = Event("qi_ruling", 0.75 if text_qi and not motion_qi else 0.85, ev.rule + "+qi",
                       {"outcome": outcome, "basis": basis}, ev.links, "sj", notes=list(ev.notes))
            qi.notes.append("rules on a summary-judgment motion that asserted QI" if motion_qi else
                            "the ruling speaks of qualified immunity")
            if basis == "law":
                qi.notes.append("basis assumed to be law (the text names no fact dispute)")
            return qi
        note = (f"rules on summary-judgment motion {ev.links[0]}" if ev.links else "rules on a summary-judgment motion")
        return Event("order", 0.8, ev.rule, notes=[note + "; if that motion asserted QI this is a qi_ruling"])
    if ev.kind == "motion_to_dismiss_ruling" and earlier and target_kind == "motion_to_dismiss" \
            and earlier[1].asserts_qi is None:
        ev.notes.append(f"whether motion {ev.links[0]} asserted QI is unknown")
    if ev.kind == "appeal_ruling" and not ev.links:
        appeals = [it.entry.entry_number for it in items[:i] if it.entry.entry_number is not None
                   and it.events and it.events[0].kind == "appeal"]
        if appeals:
            ev.links = [appeals[-1]]
            ev.confidence = min(ev.confidence, 0.7)
            ev.notes.append(f"names no appeal; taken to decide the latest one, entry {appeals[-1]}")
    return ev


def assume_qi(items: list[Item], party_ids: set[str]) -> int:
    """Mark motions and answers filed by the given parties as asserting QI where the text did not say; returns
    how many were changed."""
    changed = 0
    supplied: set[int] = set()
    for item in items:
        for ev in item.events:
            if ev.kind in MOTIONS - {"discovery_motion"} | {"answer"} and ev.asserts_qi is None \
                    and any(p.id in party_ids for p in item.filers):
                ev.asserts_qi = True
                ev.notes = [n for n in ev.notes if "does not say" not in n and "mentions" not in n]
                ev.notes.append("asserts_qi supplied by the user (--assume-qi), not read from the docket")
                changed += 1
                if item.entry.entry_number is not None:
                    supplied.add(item.entry.entry_number)
    for item in items:  # the rulings on those motions no longer wait on the question
        for ev in item.events:
            ev.notes = [n for n in ev.notes if not any(n == f"whether motion {m} asserted QI is unknown" for m in supplied)]
    return changed
