"""Words a student reads: short cites, request and question texts for ids, dates in words, plain ASCII.

Pure string functions shared by the terminal report, the stepper, the chains and the quizzes.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping

from qiflow.engine.report import EntryReport, OfficialStanding, OrderStanding, Report, Violation
from qiflow.engine.words import date_label

_CITE = re.compile(
    r"^(?P<name>.+? v\. .+?), (?P<vol>\d+) (?P<rep>[A-Za-z0-9.' ]+?) (?P<page>\d+)"
    r"(?:, (?P<pin>[^()]+?))? \((?P<court>[^)]*)\)"
)
_UNVERIFIED = "(pin?)"
_BY_SECOND_PARTY = ("Ashcroft", "United States", "Kentucky", "Texas", "Louisiana", "Mississippi")
"""Cases cited in short by the other party's name (Iqbal, Graham): the first is a government or its officer."""


def _short_name(name: str) -> str:
    first, _, second = name.partition(" v. ")
    return second if first in _BY_SECOND_PARTY and second else first


def short_cite(authority: str) -> str:
    """``Carswell v. Camp, 54 F.4th 307, 311-12 (5th Cir. 2022)`` as ``Carswell, 54 F.4th at 311-12``.

    A pin LAW.md marks unchecked ("(pin?)") is not printed (LAW.md, preamble); parentheticals are dropped.
    An authority that is not a reporter cite (an unreported order) keeps its name and docket cite.
    """
    unverified = _UNVERIFIED in authority
    if "N.D. Tex." in authority and " No. " in authority and " F." not in authority:
        name = _short_name(authority.split(", ")[0])
        day = authority.split("(N.D. Tex. ")[1].split(")")[0] if "(N.D. Tex. " in authority else ""
        return f"N.D. Tex. practice: {name} order, {day}".rstrip(", ")
    match = _CITE.match(authority)
    if match is None:
        name, _, rest = authority.partition(", ")
        short = _short_name(name)
        court = rest.split(") (")[0]
        return f"{short}, {court})" if court and not court.endswith(")") else f"{short}, {court}".rstrip(", ")
    short = _short_name(match["name"])
    cite = f"{match['vol']} {match['rep']}"
    pin = match["pin"]
    if pin and not unverified:
        return f"{short}, {cite} at {pin}"
    return f"{short}, {cite}"


def first_cite(authorities: list[str]) -> str:
    """The lead authority, short; empty when there is none."""
    return short_cite(authorities[0]) if authorities else ""


def quoted(text: str, limit: int | None = None) -> str:
    """A docket's own words in quotation marks, cut at a word boundary after ``limit`` characters."""
    text = " ".join(text.split())
    if limit is not None and len(text) > limit:
        cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
        text = cut + "..."
    return f"\u201c{text}\u201d"


def official_words(o: OfficialStanding, limit: int | None = None) -> str:
    """Where one official stands, in a sentence: QI, the burden, the gates found, what is pending."""
    bits = [f"QI {o.qi}"]
    if o.qi != "not asserted" and o.in_case:
        bits.append(f"burden on the {o.burden}")
    bits.append("gate 1 held" if o.gate1 else "gate 1 not held")
    bits.append("fact questions: " + ("; ".join(quoted(q, limit) for q in o.fact_questions) or "none"))
    if o.qi_motion_pending:
        bits.append("QI motion to dismiss pending: " + ", ".join(o.qi_motion_pending))
    if o.appeal_pending:
        bits.append("appeal pending: " + ", ".join(o.appeal_pending))
    return f"{o.name}: " + "; ".join(bits) + "."


def order_words(order: OrderStanding, limit: int | None = None) -> str:
    """A discovery order in force, in a sentence: its scope and the requests it authorizes."""
    return (f"In force: {order.label} ({order.scope}), authorizing "
            + ("; ".join(quoted(t, limit) for t in order.authorized) or "no request") + ".")


def texts_for_ids(sentence: str, texts: Mapping[str, str], limit: int | None = 60) -> str:
    """Replace each request or fact-question id in ``sentence`` by its text, quoted (whole words only, and never
    inside a text already quoted: an id may be a word of some text)."""
    known = {k: v for k, v in texts.items() if v and v != k}
    if not known:
        return sentence
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(k) for k in sorted(known, key=len, reverse=True))
                         + r")(?![\w-])")
    parts = _QUOTED.split(sentence)  # odd places hold the quoted texts, kept as they are
    return "".join(part if i % 2 else pattern.sub(lambda mt: quoted(known[mt[1]], limit), part)
                   for i, part in enumerate(parts))


_QUOTED = re.compile(r"(“[^”]*”)")


_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def dates_in_words(sentence: str) -> str:
    """ISO dates (``2023-01-27``) as a reader writes them (``Jan. 27, 2023``)."""
    def word(mt: re.Match[str]) -> str:
        try:
            return date_label(dt.date(int(mt[1]), int(mt[2]), int(mt[3])))
        except ValueError:
            return mt[0]
    return _ISO.sub(word, sentence)


_MACHINE_WORDS = re.compile(r"\b(granted_in_part|denied_without_prejudice|for_plaintiff|for_defendant|fact_dispute)\b")


def readable(sentence: str, report: Report, limit: int | None = 60) -> str:
    """A sentence from the engine, with texts for ids, dates in words and outcomes without underscores."""
    texts = {**report.request_texts, **report.fact_question_texts}
    said = dates_in_words(texts_for_ids(sentence, texts, limit))
    return _MACHINE_WORDS.sub(lambda mt: mt[1].replace("_", " "), said)


def what_happened(entry: EntryReport, report: Report) -> str:
    """The engine's explanation of ``entry`` without its verdict: no "Allowed.", no flags (shown apart)."""
    said = entry.explanation
    for v in violations_at(report, entry.position):
        for verb in (f" Flagged {v.code}: ", " Refused: "):
            said = said.replace(verb + v.message, "")
    said = said.removesuffix(" Allowed.")
    return said.strip()


def violations_at(report: Report, position: int) -> list[Violation]:
    return [v for v in report.violations if v.position == position]


_ASCII = {
    "\u2713": "ok", "\u2717": "X", "\u2298": "refused", "\u2192": "->", "\u2190": "<-", "\u00a7": "s.",
    "\u2014": "--", "\u2013": "-", "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2026": "...",
    "\u00b7": "|", "\u2022": "*", "\u00b6": "para.", "\u2500": "-", "\u2502": "|", "\u00a0": " ",
}


def to_ascii(text: str) -> str:
    """Text any terminal can print: typographic marks as their ASCII forms, accents dropped, the rest ``?``."""
    out = []
    for char in text:
        if ord(char) < 128:
            out.append(char)
        elif char in _ASCII:
            out.append(_ASCII[char])
        else:
            plain = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
            out.append(plain or "?")
    return "".join(out)


def encodable(text: str, encoding: str | None) -> str:
    """``text`` if the stream's encoding can carry it, else its ASCII form."""
    try:
        text.encode(encoding or "ascii")
        return text
    except (UnicodeEncodeError, LookupError):
        return to_ascii(text)


REASONS: dict[str, str] = {
    "QI001": "this defendant may not assert qualified immunity",
    "QI101": "a QI motion to dismiss is pending: the court must rule on it first",
    "QI102": "it puts off the ruling on a QI motion to dismiss",
    "QI201": "no explicit holding that the pleadings overcome QI (gate 1)",
    "QI202": "no question of fact identified (gate 2)",
    "QI203": "a request aimed at no identified question of fact (gate 3)",
    "QI301": "discovery from the official is stayed and no order in force covers it",
    "QI302": "it opens merits discovery before QI is decided",
    "QI303": "it reaches a co-defendant while an official's QI is undecided (unsettled)",
    "QI401": "the official's collateral-order appeal is pending: no discovery against them",
    "QI402": "the official's collateral-order appeal is pending: no ruling on their QI",
    "QI501": "the conference came after the date the court set",
    "QI502": "the joint report came after the date the court set",
}
"""Each code's reason in a phrase, for lists of moves and quiz options (the rule itself is ``qiflow rule``)."""


def reason(code: str) -> str:
    """The code's reason in a phrase; the rule's own sentence for a code this table does not know."""
    if code in REASONS:
        return REASONS[code]
    from qiflow.law.codes import CODES

    return CODES[code].rule if code in CODES else code


def existed(cite: str, day: dt.date | None) -> bool:
    """Whether the case a short cite names had been decided by ``day`` (LAW.md s.10); unknown cases pass."""
    if day is None or not cite:
        return True
    from qiflow.law.authorities import ALL_CASES

    for case in ALL_CASES:
        if cite.startswith(_short_name(case.name) + ",") and case.cite.split(" (")[0].split(" ")[0] in cite:
            return case.decided_by(day)
    return True
