"""The draft scenario: a dict in the public format (SCENARIOS.md) built from the linked items, checked against
the scenario model entry by entry (an event the loader would refuse is kept as ``order``/``other`` with a note),
and dumped as deterministic YAML."""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml  # type: ignore[import-untyped]
from pydantic import ValidationError

from qiflow import scenario as model
from qiflow.files.limits import CONTROL
from qiflow.ingest import parties as pt
from qiflow.ingest.classify import REVIEW_BELOW, Event
from qiflow.ingest.docket import Docket
from qiflow.ingest.link import Item

COURT_ORDERS = {"motion_to_dismiss_ruling", "reply_order", "referral", "conference_order", "discovery_order",
                "qi_ruling", "frivolous_certification", "appeal_ruling", "judgment", "order"}
NUMBER_PRIORITY = ["motion_to_dismiss", "sj_motion", "answer", "discovery_motion", "appeal", "complaint",
                   "motion_to_dismiss_ruling", "qi_ruling", "discovery_order", "judgment", "reply_order", "response",
                   "reply", "appeal_ruling", "referral", "order", "other"]
APPEALABLE = {"motion_to_dismiss_ruling", "qi_ruling", "discovery_order", "judgment"}
"""What an appeal is recorded from: a QI ruling (collateral order), a discovery order (Carswell), a judgment."""
MODELS: dict[str, type[model.Entry]] = {
    cls.model_fields["event"].annotation.__args__[0]: cls  # type: ignore[union-attr]
    for cls in model.Event.__origin__.__args__  # type: ignore[attr-defined]
}
"""Each event kind's model in the scenario format, so an entry is checked by its own model."""


def _valid(entry: dict[str, Any]) -> str | None:
    """None if the scenario model accepts ``entry``, else what it refused."""
    cls = MODELS.get(entry["event"])
    if cls is None:
        return f"event: no event kind {entry['event']!r} in this version of the format"
    try:
        cls.model_validate(entry)
        return None
    except ValidationError as error:
        first = error.errors()[0]
        return f"{'.'.join(str(x) for x in first['loc']) or 'entry'}: {first['msg']}"


def _filer_field(filers: list[pt.Party], asserts_qi: bool | None) -> str:
    """One filer for ``by``: for a QI assertion by several, the first official among them (only officials may
    assert QI), else the first named."""
    if asserts_qi:
        officials = [p for p in filers if p.role == "defendant" and p.kind == "official"]
        if officials:
            return officials[0].id
    return filers[0].id


def _event_dict(ev: Event, filers: list[pt.Party], defendants: list[pt.Party], plaintiffs: list[pt.Party],
                numbered: dict[int, str], order_entries: set[int]) -> tuple[dict[str, Any], list[str]]:
    """The scenario fields for one event, and the review notes it needs (including any downgrade)."""
    notes = list(ev.notes)
    d: dict[str, Any] = {"event": ev.kind}
    kind = ev.kind
    if kind in ("answer", "motion_to_dismiss", "sj_motion", "complaint", "response", "reply", "appeal",
                "discovery_motion", "sj_notice"):
        if filers:
            d["by"] = _filer_field(filers, ev.asserts_qi)
            if len(filers) > 1:
                notes.append("joint filing by " + ", ".join(p.id for p in filers) + f"; recorded as by {d['by']}")
        elif kind in ("answer", "motion_to_dismiss", "sj_motion"):
            pool = defendants or plaintiffs
            if not pool:
                return {"event": "other"}, notes + [f"a {kind} whose filer is not a known party"]
            d["by"] = pool[0].id
            notes.append(f"filer not identified in the text; assumed {pool[0].id}")
    if kind in ("answer", "motion_to_dismiss", "sj_motion"):
        if ev.asserts_qi:
            d["asserts_qi"] = True
        else:
            why = next((n for n in notes if "does not say whether" in n or "mentions an immunity" in n),
                       "the text does not say")
            notes = [n for n in notes if n != why]
            notes.append(f"asserts_qi unknown ({why}): the audit treats it as not asserted until you set it")
        if kind == "motion_to_dismiss" and "rule" in ev.fields:
            d["rule"] = ev.fields["rule"]
    target = ev.links[0] if ev.links else None
    if kind == "motion_to_dismiss_ruling":
        if target is None or numbered.get(target) != "motion_to_dismiss":
            why = (f"rules on motion to dismiss {target}, which is not an earlier motion_to_dismiss entry of this docket"
                   if target is not None else "rules on a motion to dismiss it does not number")
            return {"event": "order"}, notes + [why]
        if "outcome" not in ev.fields:
            return {"event": "order"}, notes + [f"rules on motion to dismiss {target}; the docket text does not say how"]
        d["motion"] = target
        d["outcome"] = ev.fields["outcome"]
        for key in ("reply_ordered",):
            if key in ev.fields:
                d[key] = ev.fields[key]
    elif kind == "qi_ruling":
        if "outcome" not in ev.fields:
            return {"event": "order"}, notes + ["rules on QI; the docket text does not say how"]
        d["outcome"] = ev.fields["outcome"]
        d["basis"] = ev.fields.get("basis", "law")
        if target is not None:
            notes.append(f"decides the QI motion at entry {target}")
    elif kind == "discovery_order":
        d["outcome"] = ev.fields["outcome"]
        if "scope" in ev.fields:
            d["scope"] = ev.fields["scope"]
        notes.append("against whom is not stated: the default (every defendant) applies")
    elif kind in ("judgment", "appeal_ruling"):
        d["outcome"] = ev.fields["outcome"]
        if kind == "appeal_ruling":
            if target is None or numbered.get(target) != "appeal":
                return {"event": "order"}, notes + ["decides an appeal that is not an earlier appeal entry here"]
            d["appeal"] = target
    elif kind == "appeal":
        if target is None or target not in numbered:
            return {"event": "other"}, notes + ["a notice of appeal that names no earlier entry it appeals from"]
        if numbered[target] not in APPEALABLE:
            return {"event": "other"}, notes + [
                (f"appeals entry {target} (recorded as {numbered[target]}), not a QI ruling, a discovery order or a "
                f"judgment, so it is kept as other; if it is a collateral-order appeal on QI, make it an appeal")]
        d["from"] = target
    elif kind == "response":
        if target is not None and target in numbered:
            d["to"] = target
    elif kind == "referral":
        d["to"] = ev.fields.get("to", "magistrate judge")
    if ev.confidence < REVIEW_BELOW:
        notes.insert(0, f"classified as {kind} with low confidence (rule {ev.rule})")
    refused = _valid(d)
    if refused is not None:
        fallback = "order" if kind in COURT_ORDERS else "other"
        notes.append(f"read as {kind} ({', '.join(f'{k}={v}' for k, v in d.items() if k != 'event')}), which this "
                     f"version of the scenario format does not accept ({refused}); kept as {fallback}")
        return {"event": fallback}, notes
    return d, notes


def build(docket: Docket, items: list[Item], party_list: list[pt.Party], law_as_of: dt.date | None = None
          ) -> dict[str, Any]:
    defendants = [p for p in party_list if p.role == "defendant"]
    plaintiffs = [p for p in party_list if p.role == "plaintiff"]
    numbered: dict[int, str] = {}
    seen_numbers: set[int] = set()
    docket_out: list[dict[str, Any]] = []
    last_date: dt.date | None = None
    for item in items:
        events = sorted(item.events, key=lambda e: NUMBER_PRIORITY.index(e.kind) if e.kind in NUMBER_PRIORITY else 99)
        number = item.entry.entry_number
        date = item.entry.date_filed
        date_note = None
        if date is not None and last_date is not None and date < last_date:
            date_note = f"filed {date.isoformat()}, before the entry above it; the date is left out so dates do not go backwards"
            date = None
        if date is not None:
            last_date = date
        built: list[tuple[dict[str, Any], list[str]]] = []
        for ev in events:
            d, notes = _event_dict(ev, item.filers, defendants, plaintiffs, numbered, set())
            built.append((d, notes))
        for j, (d, notes) in enumerate(built):
            out: dict[str, Any] = {"event": d["event"]}
            if j == 0 and number is not None:
                if number in seen_numbers:
                    notes.append(f"the source numbers this entry {number} again; the number is left out here")
                else:
                    out["entry_number"] = number
                    seen_numbers.add(number)
                    numbered[number] = d["event"]
            if date is not None:
                out["date_filed"] = date.isoformat()
            for k, v in d.items():
                if k != "event":
                    out[k] = v
            out["description"] = item.entry.description if j == 0 else \
                f"(same docket entry{' ' + str(number) if number is not None else ''}) {item.entry.description}"
            if d["event"] == "other" and events[j].rule in ("unmatched",):
                notes.append("not classified: no pattern matched")
            if date_note and j == 0:
                notes.append(date_note)
            if notes:
                out["review"] = "; ".join(dict.fromkeys(notes))
            docket_out.append(out)
    scenario: dict[str, Any] = {"qiflow": 1, "title": docket.title or f"Imported docket ({docket.file})"}
    if docket.court:
        scenario["court"] = docket.court
    if docket.case_number:
        scenario["case_number"] = docket.case_number
    scenario["mode"] = "audit"
    if law_as_of is not None:
        scenario["law_as_of"] = law_as_of.isoformat()
    scenario["sources"] = [(f"Imported by qiflow import from {docket.file} ({docket.source}); a draft: every "
                           f"entry with a review note needs a human to confirm it")]
    party_notes = [f"{p.id}: " + "; ".join(p.notes) for p in party_list if p.notes]
    note_lines = docket.notes + (["Parties (inferred, to confirm): " + " | ".join(party_notes)] if party_notes else [])
    if note_lines:
        scenario["note"] = " ".join(note_lines)
    scenario["parties"] = [p.as_dict() for p in party_list]
    scenario["docket"] = docket_out
    return scenario


def dump(scenario: dict[str, Any]) -> str:
    """Deterministic YAML: keys in the order built, long lines folded the same way every time. A control character
    in a docket's text (a form feed from a PDF, an escape) becomes a space: a scenario may not hold one."""
    return yaml.safe_dump(_printable(scenario), sort_keys=False, allow_unicode=True, width=110, default_flow_style=False)


def _printable(value: Any) -> Any:
    if isinstance(value, str):
        return CONTROL.sub(" ", value)
    if isinstance(value, dict):
        return {k: _printable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_printable(v) for v in value]
    return value
