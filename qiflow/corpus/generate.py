"""Synthetic dockets for benchmarks and tests: the shapes of the case library and the rule scenarios,
valid, with departures injected at known rates, each labelled (``expect``) with the codes it must raise.

Every label is derived from LAW.md s.11 (version 2), entry by entry; the comment on each shape quotes
the words that make it so. A docket gets one *order shape* (clean, or one departure in how discovery was
handled) and, independently, may get a city that asserts QI (QI001) and a late conference or joint
report (QI501, QI502). Labels follow v2 where v1 differed (``V1_DIFFERS``).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import Any

SHAPES: dict[str, float] = {
    "clean": 0.40, "QI201": 0.07, "QI202": 0.06, "QI203": 0.07, "QI302": 0.06, "QI301": 0.07,
    "QI101": 0.06, "QI102": 0.06, "QI303": 0.07, "QI401": 0.08,
}
"""The order shape's rate: how often each departure is injected (QI303 needs a city; without one, clean)."""

V1_DIFFERS = frozenset({"QI201", "QI202", "QI302", "QI101"})
"""Shapes whose ``discovery_authorized`` label (false, by s.11 v2) an engine still on version 1 reads as true."""

INDEPENDENT: dict[str, float] = {"QI001": 0.05, "QI501": 0.08, "QI502": 0.08}
"""Departures injected independently of the order shape, at these rates."""

COURTS = ("N.D. Tex.", "S.D. Tex.", "E.D. Tex.", "W.D. Tex.", "E.D. La.", "M.D. La.", "W.D. La.",
          "N.D. Miss.", "S.D. Miss.")
FIRST = ("Jane", "John", "Maria", "Luis", "Aisha", "Tom", "Keisha", "Wei", "Olga", "Dmitri", "Rosa", "Sam")
LAST = ("Doe", "Garcia", "Nguyen", "Johnson", "Smith", "Okafor", "Brown", "Hernandez", "Lee", "Tran", "Price")
RANKS = ("Officer", "Sgt.", "Deputy", "Lt.", "Trooper", "Detective")
CITIES = ("Dallas", "Houston", "Tyler", "Austin", "Beaumont", "Lake Charles", "Jackson", "Gulfport", "Monroe")
REQUESTS = (
    ("bodycam", "Body-worn camera video of the arrest"), ("dashcam", "Dash-camera video of the stop"),
    ("dispatch", "Dispatch audio and CAD logs for the incident"), ("use_of_force", "Use-of-force report"),
    ("personnel", "The officer's full personnel file"), ("training", "Training records on the use of tasers"),
    ("emails", "Emails among supervisors about the incident"), ("policy", "Written policies on recording police"),
)
QUESTIONS = (
    "Did the officer order the plaintiff to stop recording before the arrest?",
    "Was the plaintiff handcuffed before the taser was used?",
    "Did the officer know of the plaintiff's medical condition?",
    "Was a warning given before force was used?",
    "Did the deputy see the plaintiff's hands when he fired?",
)
FILLER = (
    ("other", "Certificate of interested persons"), ("order", "Order setting a scheduling conference"),
    ("other", "Notice of appearance of counsel"), ("order", "Order granting an unopposed extension of time"),
    ("other", "Corporate disclosure statement"), ("order", "Standing order on civil cases"),
)


class _Docket:
    """Builds one docket: entry numbers and dates move forward, and every entry's expected codes are kept."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.entries: list[dict[str, Any]] = []
        self.number = 0
        start = rng.choices((dt.date(1991, 1, 2), dt.date(1995, 2, 1), dt.date(2022, 7, 1)), (1, 6, 3))[0]
        span = {1991: 3 * 365, 1995: 26 * 365, 2022: 3 * 365}[start.year]
        self.day = start + dt.timedelta(days=rng.randrange(0, span))
        # filed in each era of s.11 (before Wicks, to Carswell, after); judged, like any docket, by today's law

    def add(self, event: str, codes: list[str] | None = None, gap: int | None = None, **fields: Any) -> int:
        self.number += self.rng.randint(1, 4)
        self.day += dt.timedelta(days=self.rng.randint(1, 30) if gap is None else gap)
        entry: dict[str, Any] = {"entry_number": self.number, "date_filed": self.day, "event": event, **fields}
        if codes is not None:
            entry["expect"] = sorted(codes)
        self.entries.append(entry)
        return self.number

    def filler(self) -> None:
        for _ in range(self.rng.randint(0, 3)):
            event, text = self.rng.choice(FILLER)
            self.add(event, description=text)


def docket(rng: random.Random, index: int) -> dict[str, Any]:
    """One synthetic scenario (plain data, dates as ``datetime.date``), labelled by s.11 v2."""
    shape = rng.choices(list(SHAPES), weights=list(SHAPES.values()))[0]
    injected = {code for code, rate in INDEPENDENT.items() if rng.random() < rate}
    has_city = shape == "QI303" or "QI001" in injected or rng.random() < 0.6
    plaintiff = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    officials = [(f"off{i + 1}", f"{rng.choice(RANKS)} {rng.choice(FIRST)[0]}. {rng.choice(LAST)}")
                 for i in range(rng.choice((1, 1, 1, 2, 2, 3)))]
    city = rng.choice(CITIES)
    parties: list[dict[str, Any]] = [{"id": "pl", "name": plaintiff, "role": "plaintiff"}]
    parties += [{"id": oid, "name": name, "role": "defendant", "kind": "official", "capacity": "individual"}
                for oid, name in officials]
    if has_city:
        parties.append({"id": "city", "name": f"City of {city}", "role": "defendant", "kind": "municipality"})
    ids = [oid for oid, _ in officials]
    d = _Docket(rng)
    codes: set[str] = set()
    d.add("complaint", by="pl", gap=0, description=f"Complaint under 42 U.S.C. § 1983 against {len(ids)} "
          f"officer(s){' and the City of ' + city if has_city else ''}.")
    d.filler()
    # s.11 Terms: "An official asserts QI by an answer, motion_to_dismiss or sj_motion with asserts_qi: true"
    motions: dict[str, int] = {}
    for oid in ids:
        if shape in ("QI101",) or (shape == "QI102" and oid == "off1"):
            motions[oid] = d.add("motion_to_dismiss", by=oid, asserts_qi=True, rule="12(b)(6)",
                                 description="Motion to dismiss under Rule 12(b)(6), asserting qualified immunity.")
        else:
            d.add("answer", by=oid, asserts_qi=True, description="Answer asserting qualified immunity.")
    if has_city:
        # s.11 Terms: "Any other party filing such an entry raises QI001 at that entry"
        qi001 = "QI001" in injected
        d.add("answer", ["QI001"] if qi001 else None, by="city", asserts_qi=qi001,
              description="Answer of the City" + (", asserting qualified immunity." if qi001 else "."))
        codes |= {"QI001"} if qi001 else set()
    if shape == "QI102":
        # s.11 motion_to_dismiss_ruling: a deferral of a QI motion without reply_ordered: "QI102 — from CARSWELL
        # always" (judged today)
        d.add("motion_to_dismiss_ruling", ["QI102"], motion=motions["off1"], outcome="deferred",
              description="Order deferring the motion to dismiss until after discovery.")
        codes.add("QI102")
    elif shape not in ("QI101",):
        d.add("reply_order", description="Order on qualified-immunity procedures (Schultea reply).")
        d.add("reply", by="pl", description="Plaintiff's Rule 7(a) reply tailored to the QI defense.")
    d.filler()
    requests = rng.sample(REQUESTS, 3)
    r1, r2 = requests[0][0], requests[1][0]
    motion = d.add("discovery_motion", by="pl", requests=[{"id": r, "text": t} for r, t in requests],
                   description="Motion for leave to conduct limited qualified-immunity discovery.")
    d.add("response", by=ids[0], to=motion, description="Response in opposition to the motion for leave.")
    codes |= _conference(d, injected)
    appealable: bool | None = None
    holding = {"pleadings_overcome_qi": True}
    question = [{"id": "q1", "text": rng.choice(QUESTIONS)}]
    if shape in ("clean", "QI201", "QI202", "QI203", "QI302", "QI101"):
        # s.11 discovery_order: O = every official (each asserted QI, none resolved); the steps in order
        fields: dict[str, Any] = {"outcome": rng.choice(("granted", "granted_in_part")), "scope": "limited",
                                  "against": ids, **holding, "fact_questions": question,
                                  "authorized": [{"request": r1, "addresses": ["q1"]}]}
        order_codes: list[str] = []
        if shape == "QI101":  # step 1: "QI101 if any QI motion to dismiss is pending (from CARSWELL)"
            order_codes = ["QI101"]
        elif shape == "QI201":  # step 3: "QI201 unless every official in O has the gate-1 holding"
            del fields["pleadings_overcome_qi"]
            order_codes = ["QI201"]
        elif shape == "QI202":  # "QI202 unless every official in O is concerned by ... an identified fact
            # question"; then "QI203 if any authorized request addresses no identified fact question"
            del fields["fact_questions"]
            fields["authorized"] = [{"request": r1, "addresses": []}]
            order_codes = ["QI202", "QI203"]
        elif shape == "QI203":
            fields["authorized"].append({"request": r2, "addresses": []})
            order_codes = ["QI203"]
        elif shape == "QI302":  # "then QI302 if the scope is general"
            fields["scope"] = "general"
            del fields["authorized"]
            order_codes = ["QI302"]
        d.add("discovery_order", order_codes, description="Order on the motion for leave.", **fields)
        codes |= set(order_codes)
        appealable = bool(order_codes)  # "immediately appealable if it raised any of QI101, QI201, ..."
        if shape in ("clean", "QI203"):
            # s.11 discovery: off1 unresolved; the limited order with off1's gate-1 holding covers r1,
            # which addresses q1, concerning off1 (its against list): no code
            d.add("discovery", [], by="pl", against="off1", requests=[r1], description="Request for production.")
    elif shape == "QI301":
        # s.11 discovery: "QI301 unless one order in force covers P for every request listed (none listed:
        # nothing covers it)"
        d.add("discovery", ["QI301"], by="pl", against="off1", description="Notice of deposition of the officer.")
        codes.add("QI301")
    elif shape == "QI303":
        # s.11 discovery_order: O empty, C = {city}, officials' QI unresolved: "QI303"; not appealable
        d.add("discovery_order", ["QI303"], outcome="granted", scope="general", against=["city"],
              description="Order permitting Monell discovery against the City.")
        d.add("discovery", [], by="pl", against="city", description="Interrogatories to the City.")
        codes.add("QI303")
        appealable = False
    elif shape == "QI401":
        # s.11: off1's QI "resolved once ... a qi_ruling naming them ... and, for a denial, no appeal from it by
        # them is pending": unresolved while the appeal is pending, so off1 is in O; step 2 "QI401 if an
        # interlocutory appeal by an official in O is pending"; the gates are met. The discovery: "QI401 if
        # an interlocutory appeal by P is pending", and the order covers r1 for off1 (no QI301).
        d.add("sj_motion", by="off1", asserts_qi=True, description="Motion for summary judgment on QI.")
        ruling = d.add("qi_ruling", outcome="denied", basis="fact_dispute", defendants=["off1"],
                       description="Order denying qualified immunity: genuine disputes of material fact.")
        d.add("appeal", None, None, by="off1", **{"from": ruling, "description": "Notice of interlocutory appeal."})
        d.add("discovery_order", ["QI401"], outcome="granted", scope="limited", against=["off1"], **holding,
              fact_questions=question, authorized=[{"request": r1, "addresses": ["q1"]}],
              description="Order allowing limited discovery pending appeal.")
        d.add("discovery", ["QI401"], by="pl", against="off1", requests=[r1], description="Request for production.")
        codes.add("QI401")
        appealable = True
    d.filler()
    expect: dict[str, Any] = {"violations": sorted(codes), "appealable": appealable}
    # s.11 "At the end": true when an official "could now be subjected to discovery under an order in force
    # that covers P for something ... without raising QI101, QI301 or QI401". QI201: no gate-1 holding, the
    # limited order covers them for nothing; QI202: r1 addresses no fact question; QI302: "a general order
    # covers such an official for nothing"; QI101: their own motion is pending (QI101). Version 1 said true
    # for these four (V1_DIFFERS).
    expect["discovery_authorized"] = shape in ("clean", "QI203")  # QI401: the appeal is still pending
    return {
        "qiflow": 1, "title": f"{plaintiff} v. {officials[0][1]}" + (f", City of {city}" if has_city else ""),
        "court": rng.choice(COURTS), "case_number": f"{rng.randint(1, 7)}:{d.day.year % 100:02d}-cv-{index:05d}",
        "sources": [f"qiflow generate: shape {shape}"],
        "note": f"Synthetic docket {index} (qiflow generate): shape {shape}"
                + (f", injected {', '.join(sorted(injected & codes))}" if injected & codes else "") + ".",
        "parties": parties, "docket": d.entries, "expect": expect,
    }


def _conference(d: _Docket, injected: set[str]) -> set[str]:
    """The meet-and-confer: s.11 "conference dated after the latest conference_order's confer_by: QI501.
    joint_report dated after its report_by: QI502." """
    late_conf, late_report = "QI501" in injected, "QI502" in injected
    confer = dt.timedelta(days=d.rng.randint(14, 28))
    d.add("conference_order", confer_by=d.day + confer, report_by=d.day + confer + dt.timedelta(days=d.rng.randint(7, 14)),
          gap=0,
          description="Order to meet and confer and file a joint status report.")
    order = d.entries[-1]
    confer_by, report_by = order["confer_by"], order["report_by"]
    conference = confer_by + dt.timedelta(days=d.rng.randint(1, 5)) if late_conf else confer_by - dt.timedelta(
        days=d.rng.randint(0, 10))
    d.add("conference", ["QI501"] if late_conf else None, gap=max(0, (conference - d.day).days))
    report = report_by + dt.timedelta(days=d.rng.randint(1, 10)) if late_report else report_by
    d.add("joint_report", ["QI502"] if late_report else None, gap=max(0, (report - d.day).days))
    return {code for code, late in (("QI501", late_conf), ("QI502", late_report)) if late}


def generate(count: int, seed: int) -> list[dict[str, Any]]:
    """``count`` dockets; the same seed gives the same dockets."""
    return list(dockets(count, seed))


def dockets(count: int, seed: int) -> Iterator[dict[str, Any]]:
    """``generate``'s dockets one at a time (memory flat in ``count``)."""
    rng = random.Random(seed)
    for i in range(1, count + 1):
        yield docket(rng, i)
