"""Plain-English sentences for each docket entry: what happened and the doctrine that makes it matter.

Each sentence names parties, requests and fact questions by their names and texts, never by ids, and
says no more than the law does ("decided at the pleadings stage", not "resolved").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import singledispatch
from typing import cast

from qiflow import scenario as m
from qiflow.law import doctrines as d
from qiflow.law.doctrines import Doctrine
from qiflow.law.effects import asserting_officials, non_holders, qi_ruling_officials
from qiflow.law.posture import Posture, ref_label

Said = tuple[str, tuple[Doctrine, ...]]


@dataclass(frozen=True)
class Texts:
    """What the docket calls each request and fact question."""

    requests: Mapping[str, str]
    questions: Mapping[str, str]

    def request(self, rid: str) -> str:
        return _quoted(self.requests.get(rid, rid))

    def question(self, qid: str) -> str:
        return _quoted(self.questions.get(qid, qid))


def _quoted(text: str) -> str:
    return f"\u201c{text}\u201d"


def _names(posture: Posture, parties: tuple[str, ...] | list[str] | frozenset[str]) -> str:
    names = [posture.name(p) for p in parties]
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def _who(posture: Posture, entry: m.Entry) -> str:
    return _names(posture, entry.filers) if entry.filers else "A party"


def _list(items: list[str]) -> str:
    return "; ".join(items) if items else "none"


@singledispatch
def describe(entry: m.Entry, before: Posture, after: Posture, texts: Texts) -> Said:
    return "Recorded; it has no effect on the immunity defense.", ()


@describe.register
def _(entry: m.Complaint, before: Posture, after: Posture, texts: Texts) -> Said:
    return f"{_who(before, entry)} filed the complaint.", ()


def _assertion(entry: m.Answer | m.MotionToDismiss | m.SjMotion, before: Posture, what: str) -> Said:
    who = _who(before, entry)
    if not entry.asserts_qi:
        return f"{who} filed {what} without asserting qualified immunity.", ()
    officials, others = asserting_officials(entry, before), non_holders(entry, before)
    said, why = "", cast(tuple[Doctrine, ...], ())
    if officials:
        said = (f"{_names(before, officials)} asserted qualified immunity in {what}: discovery against "
                f"{'them' if len(officials) > 1 else 'the official'} is stayed until immunity is decided, and the "
                "plaintiff carries the burden of showing it does not apply.")
        why = (d.THE_STAY, d.BURDEN)
    if others:
        said += (" " if said else "") + (f"{_names(before, others)} cannot claim qualified immunity; nothing is "
                                         "stayed on that account.")
        why += (d.QI_HOLDERS,)
    return said, why


@describe.register
def _(entry: m.Answer, before: Posture, after: Posture, texts: Texts) -> Said:
    return _assertion(entry, before, "the answer")


@describe.register
def _(entry: m.SjMotion, before: Posture, after: Posture, texts: Texts) -> Said:
    return _assertion(entry, before, "a motion for summary judgment")


@describe.register
def _(entry: m.MotionToDismiss, before: Posture, after: Posture, texts: Texts) -> Said:
    said, why = _assertion(entry, before, f"a Rule {entry.rule or '12'} motion to dismiss")
    officials = asserting_officials(entry, before)
    if officials:
        renewed = [o for o in officials if before.pending_for(o) or before.resolution(o)]
        if renewed:
            said += f" It replaces {_names(before, renewed)}'s earlier QI motion."
        said += " The court must rule on it before letting any discovery go forward."
        why += (d.RULE_FIRST,)
    return said, why


def _findings(entry: m.MotionToDismissRuling | m.DiscoveryOrder, texts: Texts) -> list[str]:
    found = []
    if entry.pleadings_overcome_qi:
        found.append("holding that the pleadings overcome qualified immunity")
    if entry.fact_questions:
        found.append("identifying the fact question(s) " + "; ".join(texts.question(q.id) for q in entry.fact_questions))
    return found


@describe.register
def _(entry: m.MotionToDismissRuling, before: Posture, after: Posture, texts: Texts) -> Said:
    officials = before.motion_officials(m.int_ref(entry.motion))
    motion = ref_label(m.int_ref(entry.motion))
    styled = f" (styled \u201c{entry.styled}\u201d)" if entry.styled else ""
    if not officials:
        return (f"The court ruled on the motion at {motion} ({entry.outcome.replace('_', ' ')}){styled}; it is not a "
                "pending QI motion to dismiss, so the immunity defense is unaffected.", ())
    names = _names(before, officials)
    if entry.defers:
        found = _findings(entry, texts)
        extra = f", {' and '.join(found)}" if found else ""
        if entry.reply_ordered:
            return (f"Instead of ruling on {names}'s QI motion ({motion}){styled}, the court ordered a Rule 7(a) "
                    f"reply (or leave to amend){extra}; discovery stays stayed.", (d.SCHULTEA_REPLY,))
        label = " whatever its title" if entry.outcome == "denied" else ""
        return (f"The court put off its ruling on {names}'s QI motion ({motion}){styled}{label}{extra}; the motion "
                "stays pending.", (d.RULE_FIRST, d.LABELS_DO_NOT_DECIDE))
    if entry.outcome == "converted":
        return (f"The court converted {names}'s QI motion ({motion}) into a motion for summary judgment (Rule "
                "12(d)); immunity is now decided on the summary-judgment track.", (d.CONVERSION,))
    if entry.outcome == "denied":
        return (f"The court denied {names}'s QI motion to dismiss ({motion}){styled}: immunity is decided at the "
                "pleadings stage, the denial holds that the pleadings overcome it (gate 1), and it is immediately "
                "appealable.", (d.DENIAL_APPEALABLE, d.AFTER_QI))
    whole = ("in whole; the claims against them end" if entry.outcome == "granted"
             else "in part; they stay in the case, their immunity decided at the pleadings stage")
    return f"The court granted {names}'s QI motion to dismiss ({motion}) {whole}.", (d.EARLIEST_STAGE,)


@describe.register
def _(entry: m.ReplyOrder, before: Posture, after: Posture, texts: Texts) -> Said:
    return ("The court ordered a Rule 7(a) reply tailored to the immunity defense; it will join the complaint as the "
            "pleadings for gate 1.", (d.SCHULTEA_REPLY,))


@describe.register
def _(entry: m.Reply, before: Posture, after: Posture, texts: Texts) -> Said:
    return f"{_who(before, entry)} filed the Rule 7(a) reply.", (d.SCHULTEA_REPLY,)


@describe.register
def _(entry: m.SjNotice, before: Posture, after: Posture, texts: Texts) -> Said:
    return (f"{_who(before, entry)} gave notice of a summary-judgment motion on immunity (N.D. Tex. practice).",
            (d.DISTRICT_PRACTICE,))


@describe.register
def _(entry: m.DiscoveryMotion, before: Posture, after: Posture, texts: Texts) -> Said:
    asked = _list([texts.request(r.id) for r in entry.requests])
    return (f"{_who(before, entry)} moved for leave to conduct limited discovery on immunity ({asked}); each request "
            "must pass the three gates.", (d.GATE_1, d.GATE_2, d.GATE_3))


@describe.register
def _(entry: m.Response, before: Posture, after: Posture, texts: Texts) -> Said:
    to = f" at {ref_label(m.int_ref(entry.to))}" if entry.to is not None else ""
    return f"{_who(before, entry)} responded to the motion{to}.", ()


@describe.register
def _(entry: m.Referral, before: Posture, after: Posture, texts: Texts) -> Said:
    return f"The motion was referred to {entry.to or 'a magistrate judge'} under 28 U.S.C. § 636.", ()


@describe.register
def _(entry: m.ConferenceOrder, before: Posture, after: Posture, texts: Texts) -> Said:
    return (f"The court ordered the parties to meet and confer by {entry.confer_by} and to file a joint status report "
            f"by {entry.report_by} (N.D. Tex. practice).", (d.DISTRICT_PRACTICE,))


@describe.register
def _(entry: m.Conference, before: Posture, after: Posture, texts: Texts) -> Said:
    return "The parties met and conferred on the proposed requests.", (d.DISTRICT_PRACTICE,)


@describe.register
def _(entry: m.JointReport, before: Posture, after: Posture, texts: Texts) -> Said:
    agreed = _list([texts.request(r) for r in entry.agreed])
    disputed = _list([texts.request(r) for r in entry.disputed])
    return f"The parties filed a joint status report: agreed {agreed}; disputed {disputed}.", (d.DISTRICT_PRACTICE,)


@describe.register
def _(entry: m.Supplement, before: Posture, after: Posture, texts: Texts) -> Said:
    return f"{_who(before, entry)} supplemented the briefing on {_list([texts.request(r) for r in entry.requests])}.", ()


@describe.register
def _(entry: m.DiscoveryOrder, before: Posture, after: Posture, texts: Texts) -> Said:
    against = f" as to {_names(before, entry.against)}" if entry.against else ""
    if entry.outcome == "denied":
        return (f"The court denied discovery{against}; that ruling is reviewed only for abuse of discretion after "
                "final judgment.", (d.DISCOVERY_DENIAL_REVIEW,))
    if entry.outcome == "stayed":
        return f"The court stayed discovery{against}: earlier orders are out of force as to them.", (d.THE_STAY,)
    if entry.outcome == "vacated":
        return (f"The court vacated its earlier discovery orders{against}: they are out of force, and their findings "
                "no longer count, as to them.", ())
    if entry.scope == "general":
        what = "general discovery"
    else:
        authorized = [texts.request(a.request) for a in entry.authorized]
        what = f"limited discovery ({_list(authorized)})" if authorized else "limited discovery, authorizing no request"
    found = _findings(entry, texts)
    return (f"The court authorized {what}{against}" + (f", {' and '.join(found)}" if found else "") + ".",
            (d.GATE_1, d.GATE_2, d.GATE_3))


@describe.register
def _(entry: m.Discovery, before: Posture, after: Posture, texts: Texts) -> Said:
    reqs = _list([texts.request(r) for r in entry.requests]) if entry.requests else "not tied to any request"
    return f"{_who(before, entry)} took discovery from {before.name(entry.against)} ({reqs}).", ()


@describe.register
def _(entry: m.QiRuling, before: Posture, after: Posture, texts: Texts) -> Said:
    names = _names(before, qi_ruling_officials(entry, before)) or "no official"
    outcome = {"granted": "granted", "denied": "denied", "granted_in_part": "granted in part"}[entry.outcome]
    said = f"The court {outcome} qualified immunity to {names}"
    if entry.outcome == "denied" and entry.basis == "fact_dispute":
        return (said + " because the record shows a dispute of fact: an appeal lies to the extent the denial turns on "
                "law (whether the disputed facts are material), not on whether the dispute is genuine.",
                (d.SJ_DENIAL_APPEAL,))
    if entry.outcome == "denied":
        return said + " as a matter of law; the denial is immediately appealable.", (d.DENIAL_APPEALABLE,)
    return said + ".", (d.AFTER_QI,)


@describe.register
def _(entry: m.Appeal, before: Posture, after: Posture, texts: Texts) -> Said:
    source = ref_label(m.int_ref(entry.from_))
    if entry.from_ in before.judgments:
        return (f"{_who(before, entry)} appealed from the final judgment ({source}): an ordinary appeal after the case "
                "has ended, not a collateral-order appeal.", (d.FINAL_JUDGMENT_APPEAL,))
    return (f"{_who(before, entry)} appealed from {source} (an interlocutory, collateral-order appeal); while it is "
            "pending the district court may not let discovery reach the appealing official, rule on their immunity "
            "or enter judgment against them.", (d.COLLATERAL_ORDER, d.DIVESTITURE))


@describe.register
def _(entry: m.FrivolousCertification, before: Posture, after: Posture, texts: Texts) -> Said:
    return (f"The district court certified the appeal at {ref_label(m.int_ref(entry.appeal))} frivolous and may go on "
            "(unsettled in the Fifth Circuit).", (d.FRIVOLOUS_CERTIFICATION,))


@describe.register
def _(entry: m.AppealRuling, before: Posture, after: Posture, texts: Texts) -> Said:
    said = f"The court of appeals {entry.outcome} on the appeal at {ref_label(m.int_ref(entry.appeal))}"
    if entry.as_to:
        said += f" as to {_names(before, entry.as_to)}"
    granted = sorted(o for o in before.officials if o in before.in_case and o not in after.in_case)
    if granted and entry.outcome == "reversed":
        said += f", itself granting qualified immunity to {_names(before, granted)}"
    return said + ".", (d.APPELLATE_DISPOSITION,) if entry.outcome in ("reversed", "vacated") else ()


@describe.register
def _(entry: m.Judgment, before: Posture, after: Posture, texts: Texts) -> Said:
    gone = sorted(before.in_case - after.in_case)
    names = _names(before, gone) or "no one still in the case"
    return f"Judgment ({entry.outcome.replace('_', ' ')}) ends the case against {names}.", ()
