"""Hypothesis strategies for random *valid* scenario dicts (SCENARIOS.md format 1, LAW.md v2 fields).

A docket is built as a walk that tends to follow the procedure (complaint, an answer or motion
asserting QI, rulings, a discovery motion, orders, discovery, appeals, appeal rulings), with every
event kind possible at any step, so dockets come out lawful, nearly lawful and plainly unlawful.

Every v2 field is exercised: joint ``by`` lists (a city with its officers), ``as_to`` on fact
questions and appeal rulings, ``renders: qi_granted``, ``converted``, ``reserves_qi``,
``reply_ordered``, appeals from judgments, ``stayed``/``vacated`` discovery orders, renewed QI
motions, unnumbered entries, entry ``id``s (references by id as well as by number), ``against``
absent / [] / lists, both scopes, authorizations that address questions or not, ``law_as_of`` in all
three eras and on the boundaries, both modes.

References are valid (``check_valid`` states the rules): ids refer to parties, earlier numbered
entries of the right kind (by ``entry_number`` or by ``id``), requests made earlier in a discovery_motion,
fact questions defined earlier or in the same entry; an unnumbered entry is referred to only by its id;
dates never go backwards.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

LAW_DATES = [
    None,  # today's law
    dt.date(1988, 3, 1), dt.date(1995, 1, 5), dt.date(1995, 1, 6), dt.date(2003, 7, 1), dt.date(2014, 4, 1),
    dt.date(2022, 6, 16), dt.date(2022, 6, 17), dt.date(2022, 11, 29), dt.date(2022, 11, 30),
    dt.date(2025, 3, 19),
]

ALL_KINDS = (
    "complaint", "answer", "motion_to_dismiss", "motion_to_dismiss_ruling", "reply_order", "reply", "sj_notice",
    "discovery_motion", "response", "referral", "conference_order", "conference", "joint_report", "supplement",
    "discovery_order", "discovery", "sj_motion", "qi_ruling", "appeal", "frivolous_certification",
    "appeal_ruling", "judgment", "order", "other",
)


class _Walk:
    """What exists so far, so later entries refer only to it."""

    def __init__(self, plaintiff, officials, others):
        self.plaintiff = plaintiff
        self.officials = officials  # ids of defendants of kind official (any capacity)
        self.others = others  # ids of other defendants (a municipality or entity)
        self.defendants = officials + others
        self.numbered = []  # (reference, event): an entry_number, or an id (a string)
        self.motions = []  # references to motions to dismiss
        self.unruled = []  # ... not yet ruled on
        self.appeals = []
        self.requests = []
        self.questions = []
        self.asserted = False
        self.ordered = False
        self.rulings = False
        self.next_number = 1
        self.date = None
        self.fq_counter = 0


def _subset(draw, items, min_size=0):
    """A sub-list of `items` (in their order), drawn as one bit mask: cheap to draw, shrinks to the first."""
    if not items:
        return []
    if len(items) > 12:
        items = items[-12:]  # the most recent ones: keeps the mask small
    mask = draw(st.integers(1 if min_size else 0, (1 << len(items)) - 1))
    return [x for i, x in enumerate(items) if mask >> i & 1]


def _filers(draw, w: _Walk):
    """One defendant, or a joint filing (often a city with its officers)."""
    shape = draw(st.integers(0, 7))
    if shape <= 4:
        return draw(st.sampled_from(w.officials))
    if shape == 5:
        return [draw(st.sampled_from(w.defendants))]
    if shape == 6:
        return _subset(draw, w.officials, min_size=1)
    return _subset(draw, w.defendants, min_size=1)


def _question(w: _Walk):
    w.fq_counter += 1
    return {"id": f"q{w.fq_counter}", "text": f"fact question {w.fq_counter}"}


def _questions(draw, w: _Walk):
    out = []
    for _ in range(draw(st.integers(0, 2))):
        w.fq_counter += 1
        q = {"id": f"q{w.fq_counter}", "text": f"fact question {w.fq_counter}"}
        if draw(st.integers(0, 2)) == 0:
            q["as_to"] = _subset(draw, w.officials)
        out.append(q)
    return out


def _weights(w: _Walk, first: bool):
    if first:
        return {"complaint": 30, "answer": 2, "motion_to_dismiss": 2, "discovery_order": 1, "other": 1}
    k = {kind: 1 for kind in ALL_KINDS}
    k["complaint"] = 0
    k["answer"] += 4 if not w.asserted else 1
    k["motion_to_dismiss"] += 5 if not w.asserted else 1
    k["sj_motion"] += 1
    if w.motions:
        k["motion_to_dismiss_ruling"] += 10 if w.unruled else 1
    else:
        k["motion_to_dismiss_ruling"] = 0
    k["discovery_motion"] += 4 if not w.requests else 0
    if w.requests:
        k["discovery_order"] += 6
    k["discovery_order"] += 1
    k["discovery"] += 6 if w.ordered else 2
    if w.rulings or w.ordered:
        k["appeal"] += 3
    if not w.numbered:
        k["appeal"] = k["response"] = 0
    if w.appeals:
        k["appeal_ruling"] += 7
        k["frivolous_certification"] += 1
    else:
        k["appeal_ruling"] = k["frivolous_certification"] = 0
    k["qi_ruling"] += 1
    return k


def _entry(draw, w: _Walk, kind: str) -> dict:  # noqa: C901 - one branch per event kind
    e: dict = {"event": kind}
    if kind == "complaint":
        e["by"] = w.plaintiff
    elif kind in ("answer", "motion_to_dismiss", "sj_motion"):
        e["by"] = _filers(draw, w)
        qi = draw(st.integers(0, 4)) > 0
        if qi or draw(st.booleans()):
            e["asserts_qi"] = qi
        w.asserted |= qi
        if kind == "motion_to_dismiss" and draw(st.booleans()):
            e["rule"] = draw(st.sampled_from(["12(b)(6)", "12(c)"]))
    elif kind == "motion_to_dismiss_ruling":
        e["motion"] = draw(st.sampled_from(w.unruled if w.unruled and draw(st.integers(0, 3)) else w.motions))
        if e["motion"] in w.unruled:
            w.unruled.remove(e["motion"])
        e["outcome"] = draw(st.sampled_from(
            ["denied", "granted", "granted_in_part", "deferred", "denied_without_prejudice", "converted", "denied"]))
        if draw(st.integers(0, 3)) == 0:
            e["reserves_qi"] = draw(st.booleans()) if e["outcome"] != "denied" else True
        if draw(st.integers(0, 3)) == 0:
            e["reply_ordered"] = True
        if draw(st.booleans()):
            e["pleadings_overcome_qi"] = draw(st.booleans())
        if draw(st.booleans()):
            e["fact_questions"] = _questions(draw, w)
            w.questions += [q["id"] for q in e["fact_questions"]]
        if draw(st.integers(0, 4)) == 0:
            e["styled"] = "Order"
        w.rulings = True
    elif kind == "reply":
        e["by"] = w.plaintiff
    elif kind == "sj_notice":
        e["by"] = draw(st.sampled_from(w.officials))
    elif kind == "discovery_motion":
        e["by"] = w.plaintiff if draw(st.integers(0, 4)) else draw(st.sampled_from(w.defendants))
        start = len(w.requests)
        e["requests"] = [{"id": f"r{start + i + 1}", "text": "request"} for i in range(draw(st.integers(1, 3)))]
        w.requests += [r["id"] for r in e["requests"]]
    elif kind == "response":
        e["by"] = draw(st.sampled_from([w.plaintiff] + w.defendants))
        if draw(st.booleans()):
            e["to"] = draw(st.sampled_from(w.numbered))[0]
    elif kind == "referral":
        if draw(st.booleans()):
            e["to"] = "magistrate judge"
    elif kind == "conference_order":
        base = w.date or dt.date(2022, 1, 1)
        confer = base + dt.timedelta(days=draw(st.integers(0, 30)))
        e["confer_by"] = confer
        e["report_by"] = confer + dt.timedelta(days=draw(st.integers(0, 14)))
    elif kind == "joint_report":
        if w.requests and draw(st.booleans()):
            e["agreed"] = _subset(draw, w.requests)
            e["disputed"] = _subset(draw, w.requests)
    elif kind == "supplement":
        e["by"] = draw(st.sampled_from([w.plaintiff] + w.defendants))
        if w.requests and draw(st.booleans()):
            e["requests"] = _subset(draw, w.requests)
    elif kind == "discovery_order":
        e["outcome"] = draw(st.sampled_from(["granted", "granted", "granted_in_part", "denied", "stayed", "vacated"]))
        shape = draw(st.integers(0, 5))
        if shape == 1:
            e["against"] = []
        elif shape >= 2:
            e["against"] = _subset(draw, w.defendants, min_size=1)
        scope = draw(st.integers(0, 3))
        if scope:
            e["scope"] = "general" if scope == 1 else "limited"
        grants = e["outcome"] in ("granted", "granted_in_part")
        if grants and w.requests and draw(st.booleans()):
            # A careful order: gate 1 held, questions identified, requests tied to them.
            e["pleadings_overcome_qi"] = True
            e["fact_questions"] = _questions(draw, w) or [_question(w)]
            w.questions += [q["id"] for q in e["fact_questions"]]
            own = [q["id"] for q in e["fact_questions"]]
            e["authorized"] = [{"request": r, "addresses": _subset(draw, own, min_size=1)}
                               for r in _subset(draw, w.requests, min_size=1)]
            w.ordered = True
            return e
        findings = e["outcome"] not in ("stayed", "vacated") or draw(st.integers(0, 5)) == 0
        if findings and draw(st.integers(0, 2)):
            e["pleadings_overcome_qi"] = draw(st.integers(0, 3)) > 1
        if findings and draw(st.integers(0, 2)):
            e["fact_questions"] = _questions(draw, w)
            w.questions += [q["id"] for q in e["fact_questions"]]
        if w.requests and e["outcome"] in ("granted", "granted_in_part") and draw(st.integers(0, 4)):
            auth = []
            for r in _subset(draw, w.requests, min_size=1):
                a = {"request": r}
                if w.questions and draw(st.integers(0, 4)):
                    a["addresses"] = _subset(draw, w.questions)
                auth.append(a)
            e["authorized"] = auth
        w.ordered = True
    elif kind == "discovery":
        e["by"] = w.plaintiff
        e["against"] = draw(st.sampled_from(w.officials if draw(st.integers(0, 3)) else w.defendants))
        if w.requests and draw(st.integers(0, 3)):
            e["requests"] = _subset(draw, w.requests)
        if draw(st.integers(0, 3)) == 0:
            e["description"] = "deposition"
    elif kind == "qi_ruling":
        e["outcome"] = draw(st.sampled_from(["granted", "denied", "granted_in_part"]))
        if draw(st.booleans()):
            e["basis"] = draw(st.sampled_from(["law", "fact_dispute"]))
        if draw(st.integers(0, 2)):
            e["defendants"] = _subset(draw, w.officials if draw(st.integers(0, 3)) else w.defendants, min_size=1)
        w.rulings = True
    elif kind == "appeal":
        appealable = [n for n, ev in w.numbered if ev in (
            "motion_to_dismiss_ruling", "discovery_order", "qi_ruling", "judgment")]
        pool = appealable if appealable and draw(st.integers(0, 5)) else [n for n, _ in w.numbered]
        e["from"] = draw(st.sampled_from(pool))
        who = draw(st.integers(0, 5))
        e["by"] = w.plaintiff if who == 0 else _filers(draw, w)
    elif kind == "frivolous_certification":
        e["appeal"] = draw(st.sampled_from(w.appeals))
    elif kind == "appeal_ruling":
        e["appeal"] = draw(st.sampled_from(w.appeals))
        e["outcome"] = draw(st.sampled_from(["affirmed", "reversed", "vacated", "dismissed", "reversed", "vacated"]))
        if draw(st.integers(0, 2)) == 0:
            e["as_to"] = _subset(draw, w.officials if draw(st.integers(0, 3)) else w.defendants)
        if draw(st.integers(0, 3)) == 0:
            e["renders"] = "qi_granted"
    elif kind == "judgment":
        e["outcome"] = draw(st.sampled_from(["dismissed", "for_plaintiff", "for_defendant", "settled"]))
        shape = draw(st.integers(0, 3))
        if shape == 1:
            e["defendants"] = []
        elif shape >= 2:
            e["defendants"] = _subset(draw, w.defendants, min_size=1)
    return e


@st.composite
def scenarios(draw, min_entries: int = 1, max_entries: int = 25):
    """A random valid scenario dict, as YAML loading of a scenario file would give it."""
    parties = [{"id": "pl", "name": "Pat Plaintiff", "role": "plaintiff"}]
    officials = []
    for i in range(draw(st.integers(1, 3))):
        p = {"id": f"o{i + 1}", "name": f"Officer {i + 1}", "role": "defendant"}
        capacity = draw(st.sampled_from(["individual", "individual", "both", "official"]))
        if capacity != "individual" or draw(st.booleans()):
            p["kind"] = "official"
            p["capacity"] = capacity
        parties.append(p)
        officials.append(p["id"])
    others = []
    entity = draw(st.sampled_from([None, "municipality", "municipality", "entity"]))
    if entity:
        parties.append({"id": "city", "name": "City", "role": "defendant", "kind": entity})
        others.append("city")
    d: dict = {"qiflow": 1, "title": "generated"}
    mode = draw(st.sampled_from([None, "audit", "strict"]))
    if mode:
        d["mode"] = mode
    law = draw(st.sampled_from(LAW_DATES))
    if law is not None:
        d["law_as_of"] = law
    d["parties"] = parties
    w = _Walk("pl", officials, others)
    docket = []
    for i in range(draw(st.integers(min_entries, max_entries))):
        weights = _weights(w, first=(i == 0))
        kinds = [k for k, n in weights.items() if n > 0]
        total = sum(weights[k] for k in kinds)
        pick = draw(st.integers(0, total - 1))
        for kind in kinds:
            pick -= weights[kind]
            if pick < 0:
                break
        e = _entry(draw, w, kind)
        # Numbering: usually numbered, increasing with gaps; sometimes unknown. Some entries carry an id,
        # and are then referred to by it (always, when unnumbered; half the time otherwise).
        number = None
        if draw(st.integers(0, 6)):
            w.next_number += draw(st.integers(0, 3))
            number = w.next_number
            w.next_number += 1
            e = {"entry_number": number, **e}
        name = f"e{i + 1}" if draw(st.integers(0, 3)) == 0 or (number is None and draw(st.booleans())) else None
        if name is not None:
            e["id"] = name
        ref = name if name is not None and (number is None or draw(st.booleans())) else number
        if ref is not None:
            w.numbered.append((ref, kind))
            if kind == "motion_to_dismiss":
                w.motions.append(ref)
                w.unruled.append(ref)
            elif kind == "appeal":
                w.appeals.append(ref)
        if draw(st.integers(0, 4)):
            w.date = (w.date or dt.date(2021, 1, 4)) + dt.timedelta(days=draw(st.integers(0, 40)))
            e["date_filed"] = w.date
        docket.append(e)
    d["docket"] = docket
    return d


# ---- validity, checked independently of qiflow/scenario.py (SCENARIOS.md) -------------------------

_EVENT_FIELDS = {
    "complaint": {"by"}, "answer": {"by", "asserts_qi"}, "motion_to_dismiss": {"by", "asserts_qi", "rule"},
    "motion_to_dismiss_ruling": {"motion", "outcome", "pleadings_overcome_qi", "fact_questions", "reserves_qi",
                                 "reply_ordered", "styled"},
    "reply_order": set(), "reply": {"by"}, "sj_notice": {"by"}, "discovery_motion": {"by", "requests"},
    "response": {"by", "to"}, "referral": {"to"}, "conference_order": {"confer_by", "report_by"},
    "conference": set(), "joint_report": {"agreed", "disputed"}, "supplement": {"by", "requests"},
    "discovery_order": {"outcome", "scope", "against", "pleadings_overcome_qi", "fact_questions", "authorized"},
    "discovery": {"by", "against", "requests"}, "sj_motion": {"by", "asserts_qi"},
    "qi_ruling": {"outcome", "basis", "defendants"}, "appeal": {"by", "from"},
    "frivolous_certification": {"appeal"}, "appeal_ruling": {"appeal", "outcome", "as_to", "renders"},
    "judgment": {"outcome", "defendants"}, "order": set(), "other": set(),
}
_COMMON = {"event", "entry_number", "id", "date_filed", "description", "by", "note", "expect"}
_OUTCOMES = {
    "motion_to_dismiss_ruling": {"granted", "granted_in_part", "denied", "denied_without_prejudice", "deferred",
                                 "converted"},
    "discovery_order": {"granted", "granted_in_part", "denied", "stayed", "vacated"},
    "qi_ruling": {"granted", "denied", "granted_in_part"},
    "appeal_ruling": {"affirmed", "reversed", "vacated", "dismissed"},
    "judgment": {"dismissed", "for_plaintiff", "for_defendant", "settled"},
}


def check_valid(d: dict) -> None:
    """Raise AssertionError unless `d` is a valid scenario per SCENARIOS.md (references, dates, numbers)."""
    assert d["qiflow"] == 1 and isinstance(d["title"], str)
    assert d.get("mode", "audit") in ("audit", "strict")
    parties = {p["id"]: p for p in d["parties"]}
    assert len(parties) == len(d["parties"])
    defendants = {i for i, p in parties.items() if p["role"] == "defendant"}
    numbers: dict = {}
    requests: set = set()
    questions: set = set()
    last_date = None
    last_number = None

    def party_ids(value, pool=parties):
        ids = [value] if isinstance(value, str) else list(value)
        for i in ids:
            assert i in pool, i

    for e in d["docket"]:
        kind = e["event"]
        assert set(e) <= _COMMON | _EVENT_FIELDS[kind], (kind, set(e) - _COMMON - _EVENT_FIELDS[kind])
        if kind in _OUTCOMES:
            assert e["outcome"] in _OUTCOMES[kind], e
        if kind in ("answer", "motion_to_dismiss", "sj_motion"):
            assert "by" in e
        if e.get("date_filed") is not None:
            assert last_date is None or e["date_filed"] >= last_date
            last_date = e["date_filed"]
        if "by" in e:
            party_ids(e["by"])
        if kind == "motion_to_dismiss_ruling":
            assert numbers.get(e["motion"]) == "motion_to_dismiss"
        if kind == "response" and "to" in e:
            assert e["to"] in numbers
        if kind == "appeal":
            assert e["from"] in numbers
        if kind in ("frivolous_certification", "appeal_ruling"):
            assert numbers.get(e["appeal"]) == "appeal"
        if kind == "appeal_ruling":
            party_ids(e.get("as_to", []))
            assert e.get("renders", "qi_granted") == "qi_granted"
        if kind == "discovery":
            assert e["against"] in parties
        if kind == "discovery_order":
            party_ids(e.get("against", []))
            assert e.get("scope", "limited") in ("limited", "general")
        if kind in ("qi_ruling", "judgment"):
            party_ids(e.get("defendants", []), defendants)
        if kind == "discovery_motion":
            requests |= {r["id"] for r in e.get("requests", [])}
        for fld in ("requests", "agreed", "disputed"):
            if kind in ("supplement", "joint_report", "discovery"):
                for r in e.get(fld, []):
                    assert r in requests, r
        if kind in ("discovery_order", "motion_to_dismiss_ruling"):
            for q in e.get("fact_questions", []):
                party_ids(q.get("as_to", []))
            questions |= {q["id"] for q in e.get("fact_questions", [])}
        if kind == "discovery_order":
            for a in e.get("authorized", []):
                assert a["request"] in requests
                for q in a.get("addresses", []):
                    assert q in questions
        n = e.get("entry_number")
        if n is not None:
            assert n not in numbers and (last_number is None or n > last_number)
            numbers[n] = kind
            last_number = n
        name = e.get("id")
        if name is not None:  # a string, unique, not all digits: never mistaken for an entry_number
            assert isinstance(name, str) and name not in numbers and not name.isdigit()
            numbers[name] = kind
