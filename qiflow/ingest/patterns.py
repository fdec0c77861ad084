"""The pattern table, as data. Each row: its name, the event kind it gives, the head group it applies to, its
regular expression (matched case-insensitively at the entry's head, the first document-type word of the docket
text), the fields it sets, its confidence, and a real docket text it classifies (tests hold every row to it).

Precise rules first: rows are tried in order within a group and the first that matches wins. Suppressors run
before everything. Court orders that rule on motions are read clause by clause (``RULING_CLAUSES``) and may give
several events; their outcome words and motion types are tables too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

F = re.IGNORECASE | re.DOTALL


@dataclass(frozen=True)
class Row:
    name: str
    kind: str
    """An event kind of SCENARIOS.md, or ``ruling`` (read the order's clauses), or ``sj_ruling`` (internal)."""
    group: str
    """The head group the row applies to (see ``HEADS``), or ``any``."""
    pattern: str
    confidence: float
    example: str
    fields: dict[str, Any] = field(default_factory=dict)
    note: str = ""
    """Why a human should look, when the row is less than sure."""

    @property
    def regex(self) -> re.Pattern[str]:
        return _compiled(self.pattern)


_CACHE: dict[str, re.Pattern[str]] = {}


def _compiled(pattern: str) -> re.Pattern[str]:
    if pattern not in _CACHE:
        _CACHE[pattern] = re.compile(pattern, F)
    return _CACHE[pattern]


HEADS: list[tuple[str, str]] = [
    ("appeal", r"notice\s+of\s+(?:interlocutory\s+)?appeal"),
    ("complaint", r"notice\s+of\s+removal"),
    ("order", (r"report\s+and\s+recommendations?|findings,?\s+conclusions,?\s+and\s+recommendations?"
              r"|memorandum\s+and\s+recommendations?|memorandum\s+(?:and\s+)?(?:opinion|ruling|order)|minute\s+(?:entry|order)")),
    ("response", r"memorandum(?:\s+of\s+law|\s+brief)?\s+in\s+(?:opposition|response|repsonse)|letter\s+response"),
    ("motion", r"letter\s+motion"),
    ("order", r"stipulation\s+and\s+order|stipulated\s+order"),
    ("other", (r"status\s+report|record\s+on\s+appeal|return\s+of\s+service|usca\s+case\s+number|case\s+reassigned"
              r"|set/reset|set\s+deadlines|set\s+hearings?|correction\s+of\s+docket|transmission")),
    ("complaint", r"(?:amended\s+)?complaint|petition"),
    ("answer", r"answer"),
    ("motion", r"motions?(?:\(s\))?"),
    ("order", r"order|ruling|judgment|opinion|mandate|usca"),
    ("response", r"response|opposition"),
    ("reply", r"(?:sur-?)?reply"),
    ("appeal", r"appeal"),
    ("other", (r"memorandum|brief|notice|summons|waiver|letter|statement|certificate|transcript|exhibit|witness"
              r"|application|stipulation|request|objections?|affidavit|declaration|clerk'?s|deadline")),
]
"""Document-type words that open a docket text, by group. The head is the earliest such word in the text; at one
position the first listed wins (so "NOTICE OF APPEAL" is an appeal, not a notice)."""

HEAD_RE = re.compile("|".join(rf"(?P<g{i}>\b(?:{p})\b)" for i, (_, p) in enumerate(HEADS)), F)

SUPPRESSORS: list[Row] = [
    Row("deficient", "other", "any", r"^.{0,40}?(?:\*+\s*)?deficient\b", 0.95,
        "**DEFICIENT** EXPARTE/CONSENT MOTION to Continue Trial by Best Chevrolet Inc, Donald Clay.",
        note="marked deficient by the clerk"),
    Row("stricken", "other", "any", r"^.{0,40}?(?:\*+\s*)?(?:document\s+)?stricken\b|\(\s*stricken|\bstricken\s+from\s+the\s+record",
        0.95, "***STRICKEN*** MOTION to Dismiss by John Doe.", note="stricken"),
    Row("error", "other", "any", r"(?:filed|entered|docketed)\s+in\s+error|\berror\b.{0,20}\bdisregard", 0.95,
        "MOTION to Dismiss by Defendant. FILED IN ERROR. Document to be refiled.", note="marked as an error"),
    Row("proposed-order", "other", "any", r"^\W*(?:\[?proposed\]?)\s+(?:order|judgment)", 0.95,
        "PROPOSED ORDER granting Motion to Dismiss by Ricky Babin.", note="a proposed order is not an order"),
    Row("clerk-correction", "other", "any", r"^\W*(?:correction\s+of\s+docket\s+entry|notice\s+of\s+(?:correction|deficiency)|letter\s+of\s+deficiency)",
        0.95, "Correction of Docket Entry by Clerk re 42 Notice of Appeal. Motion to Appeal in forma pauperis is not in "
              "the record - fee due. (rll, ) (Entered: 08/16/2010)"),
    Row("r-and-r-appeal", "other", "any", r"^\W*(?:objections?\s*/\s*)?appeal\s+(?:from|of)\s+(?:the\s+)?(?:\d+\s+)?"
        r"(?:report|findings|magistrate|memorandum\s+and\s+recommendation)", 0.95,
        "Appeal from the 35 Report and Recommendations of Magistrate Judge Erin Wilder-Doomes filed by Lucas Joseph "
        "Roddy. (KMW) (Entered: 01/07/2021)", note="an objection to a report and recommendation, not a notice of appeal"),
]
"""Entries that look like events but are not: errors, stricken or deficient filings, proposed orders, objections
titled as appeals."""

ROWS: list[Row] = [
    # --- court orders -------------------------------------------------------------------------------------------
    Row("appeal-ruling", "appeal_ruling", "order",
        r"(?:(?:mandate|usca\s+judgment|judgment\s+of\s+(?:the\s+)?usca|order\s+of\s+(?:the\s+)?usca)\b.{0,400}?"
        r"\b(?:affirm|revers|vacat|dismiss|withdraw)|(?:clerk\s+)?order\s+(?:of\s+usca\s+)?.{0,60}?dismissing\s+(?:the\s+)?appeal)",
        0.9, "MANDATE of USCA as to 9 Notice of Appeal filed by Lucas Joseph Roddy the judgment of the District Court "
             "is affirmed. (SWE) (Entered: 03/20/2020)"),
    Row("r-and-r", "order", "order",
        r"(?:report\s+and\s+recommendations?|findings,?\s+conclusions,?\s+and\s+recommendations?|memorandum\s+and\s+"
        r"recommendations?)\b", 0.9,
        "REPORT AND RECOMMENDATIONS regarding 31 MOTION to Dismiss for Failure to State a Claim filed by Ricky Babin.",
        note="a recommendation, not a ruling: the ruling is the order that adopts it"),
    Row("judgment", "judgment", "order", r"(?:final\s+)?judgment\b(?!\s+on\s+the\s+pleadings)", 0.9,
        "JUDGMENT: For the 42 written reasons assigned, Plaintiff's claims are DISMISSED WITH PREJUDICE, each party "
        "to bear its own costs. Signed by Judge Brian A. Jackson on 5/11/2021. (SWE) (Entered: 05/11/2021)"),
    Row("order-dismissing-case", "judgment", "order",
        r"(?:stipulat\w+\s+and\s+)?order\s+(?:of\s+(?:dismissal|discontinuance)|dismissing\s+(?:the\s+)?(?:case|action|"
        r"civil\s+action))", 0.85,
        "ORDER DISMISSING CASE without prejudice. Signed by Judge Helen G. Berrigan on 11/23/11.(plh, ) "
        "(Entered: 11/23/2011)"),
    Row("titled-order-of-dismissal", "judgment", "order",
        r"(?:memorandum\s+(?:and\s+)?opinion|opinion)\W+(?:and\s+)?order\s+of\s+dismissal\b", 0.85,
        "MEMORANDUM AND OPINION, and ORDER OF DISMISSAL re 1 Complaint filed by Wendell R Mitchell. ORDERED that the "
        "Defendants motion for summary judgment is GRANTED and the case is DISMISSED with prejudice. All other motions "
        "not previously ruled on are DENIED. Signed by Magistrate Judge Judith K. Guthrie on 4/13/2011. (gsg)"),
    Row("referral-order", "referral", "order", r"order\s+(?:of\s+reference|referring)\b|.{0,80}?\breferring\s+(?:the\s+)?case\b",
        0.9, "ORDER REFERRING CASE to Magistrate Judge John D. Love to conduct pretrial proceedings. Signed by Judge "
             "Leonard Davis on 8/30/07. (mjc ) (Entered: 08/30/2007)", fields={"to": "magistrate judge"}),
    Row("court-order", "ruling", "order", r".", 0.9,
        "ORDER granting 16 Motion to Dismiss; granting 20 Motion to Dismiss; granting in part and denying in part 22 "
        "Motion to Dismiss."),
    # --- motions ------------------------------------------------------------------------------------------------
    Row("motion-hearing-set", "other", "motion", r"motions?\b[^.;]{0,160}?\bhearing\s+(?:set|reset)\b", 0.9,
        "Motions to Dismiss and Motion for Sanctions Hearing set for 10/11/2019 at 10:00 AM in Alexandria Courtroom "
        "900 before District Judge T. S. Ellis III."),
    Row("motions-referred", "referral", "motion", r"motions?\s*(?:\(s\))?\s+referred\b", 0.9,
        "MOTION(S) REFERRED: 31 MOTION to Dismiss for Failure to State a Claim . This motion is now pending before "
        "the USMJ. (SWE) (Entered: 07/16/2020)", fields={"to": "magistrate judge"}),
    Row("qi-discovery-motion", "discovery_motion", "motion",
        r"motions?\s+.{0,60}?(?:(?:limited|qualified[\s-]+immunity|expedited)\s+(?:\w+\s+){0,2}discovery|leave\s+to\s+"
        r"(?:conduct|take)\s+(?:\w+\s+){0,2}discovery)|motions?\s+for\s+discovery\b", 0.85,
        "MOTION for Leave to Conduct Limited Discovery on Qualified Immunity by Jane Roe.",
        note="a motion for discovery: check that it seeks discovery tailored to the QI defense"),
    Row("motion-procedural", "other", "motion",
        r"motions?\s+(?:for\s+(?:leave|extension|an\s+extension|continuance)|to\s+(?:continue|extend|substitute|"
        r"withdraw|appear|file|seal|strike|amend|proceed|intervene|transfer|remand|compel))", 0.9,
        "EXPARTE/CONSENT Motion for Leave to File REPLY to Response to Motion filed by Best Chevrolet Inc, Donald "
        "Clay re 19 MOTION for Summary Judgment."),
    Row("motion-to-dismiss", "motion_to_dismiss", "motion",
        r"motions?\s+(?:\[[^\]]{1,30}\]\s+)?(?:\w+\s+){0,3}?(?:to\s+dismiss|for\s+(?:partial\s+)?dismissal|for\s+judgment\s+on\s+the\s+pleadings"
        r"|for\s+(?:\w+\s+){0,2}?judgment\s+pursuant\s+to\s+(?:fed\.?\s*r\.?\s*civ\.?\s*p\.?\s*|rule\s+)?12\s*\(\s*c\s*\)"
        r"|for\s+pleadings\s+judgment)",
        0.95, "MOTION to Dismiss for Failure to State a Claim by Ricky Babin. (Attachments: # 1 Memorandum in "
              "Support, # 2 Attachment Proposed Order)(Alexis, Ralph)"),
    Row("sj-motion", "sj_motion", "motion", r"motions?\s+(?:\w+\s+){0,3}?for\s+(?:partial\s+)?summary\s+judgment", 0.95,
        "MOTION for Summary Judgment by Best Chevrolet Inc, Donald Clay. Motion Hearing set for 2/17/2010 09:30 AM "
        "before Judge Helen G. Berrigan."),
    Row("motion-other", "other", "motion", r".", 0.9,
        "MOTION for Sanctions by Stefan A. Halper. (Reed, Terrance) (Entered: 08/08/2019)"),
    # --- pleadings and papers -----------------------------------------------------------------------------------
    Row("removal", "complaint", "complaint", r"notice\s+of\s+removal|petition\s+for\s+removal", 0.6,
        "NOTICE OF REMOVAL from District Court for LaSalle County, Texas, case number 19-02-000219-CVL filed by "
        "Cheyenne Petroleum Company.", note="the suit came by removal; its filing here is treated as the complaint"),
    Row("complaint", "complaint", "complaint", r"(?:amended\s+)?complaint\b", 0.95,
        "COMPLAINT with Jury Demand against Best Chevrolet, Donald Clay filed by Milan Dediol. (Attachments: # 1 "
        "Civil Cover Sheet)(cl, ) (Entered: 08/26/2008)"),
    Row("answer", "answer", "answer", r"answer\b", 0.95,
        "ANSWER to 1 Complaint by Best Chevrolet, Donald Clay.(Carver, Mark) (Entered: 01/09/2009)"),
    Row("response-to-motion", "response", "response", r"[^;]{0,200}?\bmotions?\b", 0.9,
        "RESPONSE/MEMORANDUM in Opposition filed by Milan Dediol re 19 MOTION for Summary Judgment."),
    Row("response-unnamed", "response", "response",
        r"(?:memorandum(?:\s+of\s+law|\s+brief)?\s+in\s+)?(?:response|opposition)(?:\s+in\s+opposition)?"
        r"(?:\s+(?:filed\s+)?by\s+[^.;]{1,80})?\W*$", 0.6,
        "Response in Opposition", note="a response that names no motion: check what it answers"),
    Row("response-other", "other", "response", r".", 0.7,
        "Memorandum in Opposition to 36 Objection/Appeal to 35 Report and Recommendations filed by Ricky Babin.",
        note="opposes a paper that is not a motion"),
    Row("reply-brief", "other", "reply",
        r"(?:sur-?)?reply\b(?:\s*/\s*reply)?\s*(?:memorandum|brief)?\s*(?:in\s+support|to\s+(?:\d+\s+)?(?:response|"
        r"memorandum|opposition|reply)|re\b|in\s+further)", 0.9,
        "REPLY to 32 Memorandum in Opposition to Motion, 31 MOTION to Dismiss for Failure to State a Claim filed by "
        "Ricky Babin.", note="a reply brief, not a Rule 7(a) reply"),
    Row("rule-7a-reply", "reply", "reply", r"[^;]{0,120}?(?:rule\s*7\s*\(a\)|schultea|qualified[\s-]+immunity\s+defense)",
        0.85, "REPLY to Defendants' Qualified Immunity Defense pursuant to Rule 7(a) filed by Jane Roe."),
    Row("reply-other", "other", "reply", r".", 0.8, "Sur-reply filed by Lucas Joseph Roddy.",
        note="a reply brief, not a Rule 7(a) reply"),
    Row("appeal-paperwork", "other", "appeal", r"appeal\s+(?:record|transcript)|notice\s+of\s+appeal\s+.{0,20}fee",
        0.9, "APPEAL TRANSCRIPT REQUEST by Milan Dediol re 42 Notice of Appeal. Transcript is unnecessary for appeal "
             "purposes."),
    Row("notice-of-appeal", "appeal", "appeal", r"notice\s+of\s+(?:interlocutory\s+)?appeal", 0.95,
        "NOTICE OF APPEAL of 42 RULING AND ORDER Adopting Report and Recommendation by Lucas Joseph Roddy."),
    Row("appeal-other", "other", "appeal", r".", 0.9, "Original Appeal Brief regarding 1 Complaint."),
    Row("notice-that-orders", "order", "other", r".{0,400}?\b(?:it\s+is\s+(?:hereby\s+)?ordered|so\s+ordered)\b", 0.7,
        "NOTICE OF INITIAL PRETRIAL CONFERENCE: This case has been assigned to me for all purposes. It is hereby "
        "ORDERED that counsel for all parties participate in an initial pretrial conference with the Court.",
        note="a notice that orders something: recorded as an order"),
    Row("other-paper", "other", "other", r".", 0.95,
        "NOTICE of Attorney Appearance by Thomas John Ward, Jr on behalf of CREATIVE INTERNET ADVERTISING CORPORATION"),
    Row("no-head", "other", "none", r".", 0.9,
        "Confirmation of receipt of payment from LUCAS JOSEPH RODDY in the amount of $11.16."),
]

OUTCOMES: list[tuple[str, str]] = [
    (r"grant(?:ing|ed|s)?\s+in\s+part(?:,)?\s+(?:and\s+)?defer(?:ring|red|s)?\s+in\s+part", "granted_in_part"),
    (r"grant(?:ing|ed|s)?\s+in\s+part(?:,)?\s+(?:and\s+)?den(?:ying|ied|ies)\s+in\s+part", "granted_in_part"),
    (r"den(?:ying|ied|ies)\s+in\s+part(?:,)?\s+(?:and\s+)?grant(?:ing|ed|s)?\s+in\s+part", "granted_in_part"),
    (r"grant(?:ing|ed|s)?\s+in\s+part|den(?:ying|ied|ies)\s+in\s+part|partially\s+grant", "granted_in_part"),
    (r"den(?:ying|ied|ies)\s+(?:as\s+premature\s+and\s+)?without\s+prejudice", "denied_without_prejudice"),
    (r"den(?:ying|ied|ies)\s+as\s+moot|finding\s+as\s+moot|moot(?:ed)?\b", "moot"),
    (r"defer(?:ring|red|s)?\b|carried\s+with\s+the\s+case|held\s+in\s+abeyance", "deferred"),
    (r"convert(?:ing|ed|s)?\b.{0,60}summary\s+judgment", "converted"),
    (r"grant(?:ing|ed|s)?\b|sustain(?:ing|ed|s)?\b", "granted"),
    (r"den(?:ying|ied|ies)\b|overrul(?:ing|ed|es)\b", "denied"),
]
"""Outcome words in a ruling clause, most specific first."""

OUTCOME_RE = re.compile("|".join(f"(?P<o{i}>{p})" for i, (p, _) in enumerate(OUTCOMES)), F)

MOTION_TYPES: list[tuple[str, str]] = [
    ("reply_7a", r"(?<![\d(])7\s*\(a\)|schultea|reply\s+to\s+.{0,30}qualified[\s-]+immunity"),
    ("qi", r"motions?\s+for\s+qualified[\s-]+immunity"),
    ("stay_discovery", (r"stay\w*\s+(?:\w+\s+){0,3}discovery|discovery\s+(?:\w+\s+){0,3}stay|protective\s+order\s+"
                       r"(?:\w+\s+){0,3}stay")),
    ("qi_discovery", (r"(?:limited|qualified[\s-]+immunity|expedited)\s+(?:\w+\s+){0,2}discovery|leave\s+to\s+"
                     r"(?:conduct|take)\s+(?:\w+\s+){0,2}discovery")),
    ("dismiss", (r"to\s+dism\s?iss\b|for\s+(?:partial\s+)?dismissal|judgment\s+on\s+the\s+pleadings|pleadings\s+judgment"
                 r"|12\s*\(\s*[bc]\s*\)")),
    ("sj", r"summary\s+judgment"),
]
"""What a motion named in a ruling clause asks for; a motion named with other words is ``generic``."""

ADDONS: list[Row] = [
    Row("orders-7a-reply", "reply_order", "order",
        r"(?:requir|direct|order)\w*\b[^;]{0,120}?(?:rule\s*)?(?<![\d(])7\s*\(a\)(?:\s*\(\d\))?\s+reply|rule\s*7\s*\(a\)\s+"
        r"reply\s+(?:is|be|shall)|\border\s+requiring\s+(?:a\s+)?(?:rule\s*)?7|shall\s+(?:also\s+)?have\b[^;]{0,60}?\bto\s+file\s+"
        r"(?:a\s+)?rule\s*7\s*\(a\)\s+(?:reply|response)", 0.9,
        "ORDER REQUIRING RULE 7(a) REPLY. Signed by Magistrate Judge Patrick J Hanna on 5/6/10. (crt,Smith, C)"),
    Row("stays-discovery", "discovery_order", "order",
        r"(?:discovery|case|proceedings?|action|matter)\b[^;]{0,80}?\b(?:is|are|be|shall\s+be|hereby)\s+stayed|"
        r"(?<!to\s)\bstay(?:s|ing)?\s+(?:all\s+)?discovery", 0.85,
        "RULING AND ORDER granting in part 64 , 65 Motions to Stay Discovery. Discovery in this matter, with the "
        "exception of written discovery between Plaintiff and the non-moving defendants, is STAYED pending resolution "
        "of the issues raised in the Motions to Dismiss.", fields={"outcome": "stayed"},
        note="a stay of discovery (recorded as a discovery order that stays)"),
    Row("allows-discovery", "discovery_order", "order",
        r"defining\s+discovery\s+limits|resume\s+(?:the\s+)?discovery|(?:shall|may|must)\s+(?:complete|conduct)\s+(?:all\s+)?(?:limited\s+)?"
        r"discovery|discovery\s+(?:shall|may|will)\s+(?:proceed|commence|be\s+conducted)|deadlines?\s+for\s+discovery|"
        r"(?:fact|expert)?\s*discovery\s+(?:due|deadline|to\s+be\s+completed)\b", 0.6,
        "ORDER: USM is to serve the defendants wherever found. Within 90 days of the defendants' first appearance, "
        "the parties shall complete all discovery.", fields={"outcome": "granted"},
        note="the order lets discovery go forward; check its scope and against whom"),
]
"""What an order does besides ruling on motions: orders a Rule 7(a) reply, stays discovery, lets discovery go."""

QI_RE = re.compile(r"qualified[\s-]+immunit(?:y|ies)|\bQ\.?I\.?\s+(?:defen[cs]e|motion)", F)
IMMUNITY_RE = re.compile(r"\bimmun(?:e|ity|ities)\b", F)
