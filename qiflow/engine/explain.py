"""Plain-English sentences for each docket entry: what happened and the law that makes it matter."""

from __future__ import annotations

from functools import singledispatch

from qiflow import scenario as m
from qiflow.law import authorities as a
from qiflow.law.authorities import Authority, at
from qiflow.law.effects import qi_ruling_defendants
from qiflow.law.posture import Posture

Said = tuple[str, tuple[Authority, ...]]


def _who(posture: Posture, party: str | None) -> str:
    return posture.name(party) if party else "A party"


def _ids(ids: list[str]) -> str:
    return ", ".join(ids) if ids else "none"


@singledispatch
def describe(entry: m.Entry, before: Posture, after: Posture) -> Said:
    return f"{entry.description or 'The entry'} is recorded; it has no procedural effect on the QI defense.", ()


@describe.register
def _(entry: m.Complaint, before: Posture, after: Posture) -> Said:
    return f"{_who(before, entry.by)} filed the complaint; the suit begins.", ()


def _assertion(entry: m.Answer | m.MotionToDismiss | m.SjMotion, before: Posture, what: str) -> Said:
    who = _who(before, entry.by)
    if not entry.asserts_qi:
        return f"{who} filed {what} without asserting qualified immunity.", ()
    if entry.by in before.parties and before.parties[entry.by].may_assert_qi:
        return (
            f"{who} asserted qualified immunity in {what}: discovery against the official is stayed until "
            "QI is resolved, and the plaintiff now carries the burden to show it does not apply.",
            (at(a.HARLOW, "818"), at(a.WICKS, "994-95"), at(a.MCCLENDON, "323")),
        )
    return f"{who} asserted qualified immunity in {what}, but cannot claim it; nothing is stayed.", (
        at(a.OWEN, "638"), at(a.GRAHAM, "166-67"))


@describe.register
def _(entry: m.Answer, before: Posture, after: Posture) -> Said:
    return _assertion(entry, before, "the answer")


@describe.register
def _(entry: m.MotionToDismiss, before: Posture, after: Posture) -> Said:
    said, cites = _assertion(entry, before, f"a Rule {entry.rule or '12'} motion to dismiss")
    if entry.asserts_qi and after.pending_qi_motions != before.pending_qi_motions:
        said += " The court must rule on the motion before ordering any discovery."
        cites += (at(a.CARSWELL, "311-12"),)
    return said, cites


@describe.register
def _(entry: m.SjMotion, before: Posture, after: Posture) -> Said:
    return _assertion(entry, before, "a motion for summary judgment")


@describe.register
def _(entry: m.MotionToDismissRuling, before: Posture, after: Posture) -> Said:
    official = before.qi_motion_by(entry.motion)
    if official is None:
        return f"The court ruled on the motion at Dkt. {entry.motion} ({entry.outcome}); it did not assert QI, "\
               "so the QI defense is unaffected.", ()
    name = before.name(official)
    if entry.defers:
        return (f"The court put off its ruling on {name}'s QI motion (Dkt. {entry.motion}, {entry.outcome}); "
                "the motion stays pending.", (at(a.CARSWELL, "311-12"), at(a.BACKE, "648")))
    if entry.outcome == "denied":
        return (f"The court denied {name}'s QI motion to dismiss: the pleadings overcome QI (the gate-1 "
                "holding), and the denial is immediately appealable.", (at(a.MITCHELL, "530"), at(a.IQBAL, "671-75")))
    whole = "in whole; the claims against them end" if entry.outcome == "granted" else "in part; they stay in with QI resolved"
    return f"The court granted {name}'s QI motion to dismiss {whole}.", (at(a.MITCHELL, "526"),)


@describe.register
def _(entry: m.ReplyOrder, before: Posture, after: Posture) -> Said:
    return ("The court ordered a Rule 7(a) reply tailored to the QI defense; it will join the complaint as the "
            "pleadings for gate 1.", (at(a.SCHULTEA, "1433-34"), at(a.CRAWFORD_EL, "598")))


@describe.register
def _(entry: m.Reply, before: Posture, after: Posture) -> Said:
    return f"{_who(before, entry.by)} filed the Rule 7(a) reply.", (at(a.SCHULTEA, "1433-34"),)


@describe.register
def _(entry: m.SjNotice, before: Posture, after: Posture) -> Said:
    return f"{_who(before, entry.by)} gave notice of a summary-judgment motion on QI.", ()


@describe.register
def _(entry: m.DiscoveryMotion, before: Posture, after: Posture) -> Said:
    ids = ", ".join(r.id for r in entry.requests) or "no specific requests"
    return (f"{_who(before, entry.by)} moved for leave to conduct limited QI discovery ({ids}); each request "
            "must pass the three gates.", (at(a.WICKS, "994"), at(a.ZAPATA, "485")))


@describe.register
def _(entry: m.Response, before: Posture, after: Posture) -> Said:
    return f"{_who(before, entry.by)} responded to the motion.", ()


@describe.register
def _(entry: m.Referral, before: Posture, after: Posture) -> Said:
    return f"The motion was referred to {entry.to or 'a magistrate judge'} under 28 U.S.C. § 636.", ()


@describe.register
def _(entry: m.ConferenceOrder, before: Posture, after: Posture) -> Said:
    return (f"The court ordered the parties to meet and confer by {entry.confer_by} and to file a joint status "
            f"report by {entry.report_by}.", (at(a.RUSANOWSKY_ORDER),))


@describe.register
def _(entry: m.Conference, before: Posture, after: Posture) -> Said:
    return "The parties met and conferred on the proposed requests.", ()


@describe.register
def _(entry: m.JointReport, before: Posture, after: Posture) -> Said:
    return (f"The parties filed a joint status report: agreed {_ids(entry.agreed)}, disputed "
            f"{_ids(entry.disputed)}.", (at(a.RUSANOWSKY_ORDER),))


@describe.register
def _(entry: m.Supplement, before: Posture, after: Posture) -> Said:
    return f"{_who(before, entry.by)} supplemented the briefing on {_ids(entry.requests)}.", ()


@describe.register
def _(entry: m.DiscoveryOrder, before: Posture, after: Posture) -> Said:
    if not entry.grants:
        return ("The court denied discovery; that ruling is reviewed only for abuse of discretion after final "
                "judgment.", (at(a.HUTCHESON, "481-82"),))
    what = "general discovery" if entry.scope == "general" else (
        f"limited discovery ({', '.join(x.request for x in entry.authorized) or 'no request authorized'})")
    found = []
    if entry.pleadings_overcome_qi:
        found.append("holding the pleadings overcome QI")
    if entry.fact_questions:
        found.append("identifying " + ", ".join(q.id for q in entry.fact_questions))
    return (f"The court authorized {what}" + (f", {' and '.join(found)}" if found else "") + ".",
            (at(a.ZAPATA, "485"),))


@describe.register
def _(entry: m.Discovery, before: Posture, after: Posture) -> Said:
    reqs = ", ".join(entry.requests) if entry.requests else "discovery not tied to a request"
    return f"{_who(before, entry.by)} took discovery from {before.name(entry.against)} ({reqs}).", ()


@describe.register
def _(entry: m.QiRuling, before: Posture, after: Posture) -> Said:
    names = ", ".join(before.name(d) for d in qi_ruling_defendants(entry, before)) or "no one"
    said = f"The court {entry.outcome.replace('_', ' ')} qualified immunity to {names}"
    if entry.outcome == "denied" and entry.basis == "fact_dispute":
        return said + " because the record shows a genuine dispute of fact; that denial is not immediately " \
                      "appealable.", (at(a.JOHNSON, "313"),)
    if entry.outcome == "denied":
        return said + " as a matter of law; the denial is immediately appealable.", (
            at(a.MITCHELL, "530"), at(a.BEHRENS))
    return said + ".", ()


@describe.register
def _(entry: m.Appeal, before: Posture, after: Posture) -> Said:
    return (f"{_who(before, entry.by)} appealed from Dkt. {entry.from_}; while it is pending the district court "
            "may not let discovery reach the official.", (at(a.GRIGGS, "58"), at(a.WILLIAMS, "730", unverified=True)))


@describe.register
def _(entry: m.FrivolousCertification, before: Posture, after: Posture) -> Said:
    return (f"The district court certified the appeal at Dkt. {entry.appeal} frivolous and may go on (unsettled "
            "in the Fifth Circuit).", (at(a.BEHRENS, "310-11"), at(a.APOSTOL)))


@describe.register
def _(entry: m.AppealRuling, before: Posture, after: Posture) -> Said:
    return f"The court of appeals {entry.outcome} on the appeal at Dkt. {entry.appeal}.", ()


@describe.register
def _(entry: m.Judgment, before: Posture, after: Posture) -> Said:
    gone = sorted(before.in_case - after.in_case)
    names = ", ".join(before.name(d) for d in gone) or "no one still in the case"
    return f"Judgment ({entry.outcome.replace('_', ' ')}) ends the case against {names}.", ()
