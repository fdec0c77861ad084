"""The careful procedure, defined once: phases, the moves between them, the guards on each move, and
where the case settles when a move fixes no phase of its own.

The engine's routing, the ``transitions`` machine (``machine.py``), the exhaustive verifier, the
diagrams and the explanations are all built from ``PROCEDURE``.
"""

from __future__ import annotations

from collections.abc import Callable

from qiflow import scenario as m
from qiflow.law import doctrines as d
from qiflow.law import guards as g
from qiflow.law.effects import asserting_officials
from qiflow.law.posture import Posture
from qiflow.law.variants import V1_DISCOVERY
from qiflow.procedure.model import Condition, Move, Phase, Procedure, Route
from qiflow.procedure.validate import validate

CLUSTERS: dict[str, str] = {
    "pleadings": "Pleadings and the QI stay",
    "limited": "The limited-discovery path",
    "ruling": "The QI ruling",
    "appeal": "The interlocutory appeal",
    "merits": "The merits and the end of the case",
}

PHASES: tuple[Phase, ...] = (
    Phase("filed", "Complaint filed", "pleadings", "The suit is filed; no official has asserted qualified immunity."),
    Phase("qi_motion_pending", "QI motion to dismiss pending", "pleadings",
          "A motion to dismiss asserting qualified immunity is pending: the court must rule on it first, without "
          "discovery.", (d.RULE_FIRST,)),
    Phase("qi_stay", "QI asserted: discovery stayed", "pleadings",
          "An official asserted qualified immunity: the law stays discovery against them until it is decided (a "
          "court typically enters a stay order), and the plaintiff carries the burden.", (d.THE_STAY, d.BURDEN)),
    Phase("reply_ordered", "Rule 7(a) reply ordered", "pleadings",
          "The court ordered a reply tailored to the immunity defense.", (d.SCHULTEA_REPLY,)),
    Phase("reply_filed", "Rule 7(a) reply filed", "pleadings",
          "The reply joins the complaint as the pleadings for gate 1.", (d.SCHULTEA_REPLY,)),
    Phase("sj_noticed", "SJ motion on QI noticed (district practice)", "pleadings",
          "The official gave notice of a summary-judgment motion on immunity, as N.D. Tex. practice has it.",
          (d.DISTRICT_PRACTICE,)),
    Phase("discovery_sought", "Leave for limited discovery sought", "limited",
          "The plaintiff moved for leave to conduct limited discovery on immunity.", (d.GATE_3,)),
    Phase("response_filed", "Response filed", "limited", "The official responded to the motion for leave."),
    Phase("referred", "Referred to a magistrate judge", "limited",
          "The motion was referred to a magistrate judge under 28 U.S.C. § 636."),
    Phase("conference_ordered", "Meet and confer ordered (district practice)", "limited",
          "The parties must meet and confer, then file a joint status report, as N.D. Tex. practice has it.",
          (d.DISTRICT_PRACTICE,)),
    Phase("conferred", "Parties conferred (district practice)", "limited",
          "The parties met and conferred on the requests.", (d.DISTRICT_PRACTICE,)),
    Phase("joint_report_filed", "Joint report filed (district practice)", "limited",
          "The joint report lists agreed and disputed requests; each side may supplement.", (d.DISTRICT_PRACTICE,)),
    Phase("limited_discovery", "Limited QI discovery under order", "limited",
          "After the three gates, narrowly tailored discovery runs under an order in force.",
          (d.GATE_1, d.GATE_2, d.GATE_3)),
    Phase("qi_sj_pending", "SJ motion on QI pending", "ruling",
          "A summary-judgment motion on immunity is pending; the court decides it on the record.", (d.BURDEN,)),
    Phase("on_appeal", "Interlocutory appeal pending", "appeal",
          "An official's collateral-order appeal is pending; the district court is divested of the matters "
          "appealed as to that official.", (d.DIVESTITURE,)),
    Phase("merits", "QI decided: the case goes on", "merits",
          "Immunity is decided for every official still in the case (a denial on the pleadings decides it at "
          "that stage only); the case goes on and ordinary discovery opens.", (d.AFTER_QI,)),
    Phase("closed", "Judgment", "merits", "No defendant remains in the case.", final=True),
    Phase("appeal_from_judgment", "Appeal from the final judgment", "merits",
          "An ordinary appeal after the case has ended; not a collateral-order appeal.", (d.FINAL_JUDGMENT_APPEAL,)),
)


def _cond(name: str, label: str, holds: Callable[[m.Entry, Posture], bool]) -> Condition:
    return Condition(name, label, holds)


NO_DEFENDANT_LEFT = _cond("no_defendant_left", "no defendant left", lambda e, p: not p.in_case)
FINAL_APPEAL = _cond("final_appeal", "appeal from the judgment", lambda e, p: bool(p.final_appeals) and not p.in_case)
APPEAL_PENDING = _cond("appeal_pending", "interlocutory appeal pending", lambda e, p: bool(p.pending_appeals))
QI_MOTION_PENDING = _cond("qi_motion_pending", "QI motion pending", lambda e, p: bool(p.pending))
QI_DISCOVERY_IN_FORCE = _cond(
    "qi_discovery_in_force", "QI discovery ordered",
    lambda e, p: any(p.covered_for_something(o) for o in p.unresolved_officials))
SJ_PENDING = _cond("sj_pending", "SJ motion on QI pending",
                   lambda e, p: any(p.qi_unresolved(o) for o, _ in p.sj_pending))
QI_UNRESOLVED = _cond("qi_unresolved", "QI undecided", lambda e, p: bool(p.unresolved_officials))
QI_DECIDED = _cond("qi_decided", "QI decided", lambda e, p: bool(p.asserted))
ASSERTS_QI = _cond("asserts_qi", "asserts QI", lambda e, p: bool(asserting_officials(e, p)))
REPLY_ORDERED = _cond("reply_ordered", "reply ordered",
                      lambda e, p: getattr(e, "reply_ordered", False) and bool(p.unresolved_officials))

SETTLE: tuple[Route, ...] = tuple(
    Route(("*",), dest, when)
    for dest, when in (
        ("appeal_from_judgment", (FINAL_APPEAL,)),
        ("closed", (NO_DEFENDANT_LEFT,)),
        ("on_appeal", (APPEAL_PENDING,)),
        ("qi_motion_pending", (QI_MOTION_PENDING,)),
        ("limited_discovery", (QI_DISCOVERY_IN_FORCE,)),
        ("qi_sj_pending", (SJ_PENDING,)),
        ("qi_stay", (QI_UNRESOLVED,)),
        ("merits", (QI_DECIDED,)),
        ("filed", ()),
    )
)

_STAYED = ("qi_stay", "reply_ordered", "reply_filed", "sj_noticed")
_SOUGHT = ("discovery_sought", "response_filed", "referred", "conference_ordered", "conferred",
           "joint_report_filed")
_PRE_RULING = _STAYED + _SOUGHT + ("limited_discovery",)


def _route(sources: tuple[str, ...], dest: str, *when: Condition) -> Route:
    return Route(sources, dest, when)


MOVES: tuple[Move, ...] = (
    Move("complaint", "complaint", "plaintiff", routes=(_route(("filed",), "filed"),)),
    Move("answer", "answer", "defendant", (g.qi_available,), (_route(("filed",), "qi_stay", ASSERTS_QI),),
         settles_from=("filed",)),
    Move("motion_to_dismiss", "motion to dismiss", "defendant", (g.qi_available,),
         (_route(("filed", "qi_stay"), "qi_motion_pending", ASSERTS_QI),)),
    Move("motion_to_dismiss_ruling", "ruling on a motion to dismiss", "district court", (g.ruling_not_deferred,),
         (_route(("qi_motion_pending",), "reply_ordered", REPLY_ORDERED),), settles_from=("qi_motion_pending",)),
    Move("reply_order", "Rule 7(a) reply ordered", "district court",
         routes=(_route(("qi_stay", "qi_motion_pending"), "reply_ordered", QI_UNRESOLVED),)),
    Move("reply", "Rule 7(a) reply", "plaintiff", routes=(_route(("reply_ordered",), "reply_filed"),)),
    Move("sj_notice", "notice of an SJ motion on QI (district practice)", "defendant",
         routes=(_route(("qi_stay", "reply_ordered", "reply_filed"), "sj_noticed"),)),
    Move("discovery_motion", "motion for leave to conduct limited discovery", "plaintiff",
         routes=(_route(_STAYED, "discovery_sought", QI_UNRESOLVED),)),
    Move("response", "response", "parties", routes=(_route(("discovery_sought",), "response_filed"),)),
    Move("referral", "referral to a magistrate judge", "district court",
         routes=(_route(("discovery_sought", "response_filed"), "referred"),)),
    Move("conference_order", "meet-and-confer order (district practice)", "district court",
         routes=(_route(_STAYED + ("discovery_sought", "response_filed", "referred"), "conference_ordered"),)),
    Move("conference", "conference (district practice)", "parties", (g.conference_by_deadline,),
         (_route(("conference_ordered",), "conferred"),)),
    Move("joint_report", "joint status report (district practice)", "parties", (g.report_by_deadline,),
         (_route(("conferred", "conference_ordered"), "joint_report_filed"),)),
    Move("supplement", "supplement", "parties", routes=(_route(("joint_report_filed",), "joint_report_filed"),)),
    Move("discovery_order", "discovery order", "district court",
         (g.qi_motion_ruled_first, g.no_order_during_appeal, g.pleadings_overcome_qi, g.fact_questions,
          g.qi_discovery_only, g.narrowly_tailored, g.codefendant_order),
         (_route(_SOUGHT, "limited_discovery", QI_DISCOVERY_IN_FORCE),), settles_from=_SOUGHT),
    Move("discovery", "discovery", "plaintiff",
         (g.no_discovery_during_appeal, g.no_discovery_while_qi_motion_pending, g.stay_of_discovery,
          g.codefendant_discovery), stays=True),
    Move("sj_motion", "motion for summary judgment", "defendant", (g.qi_available,),
         (_route(_PRE_RULING, "qi_sj_pending", QI_UNRESOLVED),)),
    Move("qi_ruling", "ruling on qualified immunity", "district court", (g.court_divested,),
         settles_from=("qi_sj_pending",)),
    Move("appeal", "appeal", "parties",
         routes=(_route(("qi_motion_pending", "qi_sj_pending", "limited_discovery", "merits"), "on_appeal",
                        APPEAL_PENDING),
                 _route(("closed",), "appeal_from_judgment", FINAL_APPEAL))),
    Move("frivolous_certification", "certification that the appeal is frivolous", "district court",
         settles_from=("on_appeal",)),
    Move("appeal_ruling", "ruling on appeal", "court of appeals", settles_from=("on_appeal", "appeal_from_judgment")),
    Move("judgment", "judgment", "district court", (g.court_divested,), settles_from=("merits", "qi_sj_pending")),
    Move("order", "order", "district court", stays=True),
    Move("other", "docket entry", "anyone", stays=True),
)

PROCEDURE = validate(Procedure(PHASES, MOVES, SETTLE, "filed", CLUSTERS))
PHASE = PROCEDURE.phase

VARIANTS: dict[str, Procedure] = {
    "v2": PROCEDURE,
    "v1": validate(PROCEDURE.with_guards("discovery", V1_DISCOVERY, "v1")),
}
"""The law qiflow judges by (v2), and LAW.md as first written (v1), whose gap the verifier found."""
