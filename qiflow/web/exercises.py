"""Exercise pages: questions whose answers the engine computes at build time, with feedback quoting the rule.

GAP: the teaching branch's ``qiflow/teach/quiz.py`` will supply the questions; until it lands, the site
asks the one question the engine can already answer for every scenario: which departure, if any, does
this docket commit? The page's data shape (``Question``) is what a quiz from ``teach`` is adapted to.
"""

from __future__ import annotations

from dataclasses import dataclass

from qiflow import scenario as m
from qiflow.engine.report import Report
from qiflow.law.codes import CODES
from qiflow.web.cites import code_name

LAWFUL = "lawful"


@dataclass(frozen=True)
class Line:
    label: str
    date: str
    event: str
    text: str


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class Question:
    id: str
    prompt: str
    title: str
    docket: list[Line]
    choices: list[Choice]
    answer: list[str]
    """The right choices: any one of them counts."""
    explain: str
    """What the engine found, in words."""
    rules: list[str]
    """The rule text of each code in the answer, quoted in the feedback."""
    href: str = ""
    """Where the whole case is shown (relative), for "see the case"."""


@dataclass(frozen=True)
class ExerciseSet:
    slug: str
    title: str
    intro: str
    questions: list[Question]


def choices() -> list[Choice]:
    return [Choice(LAWFUL, "No departure: the docket keeps the careful procedure")] + [
        Choice(c.code, f"{c.code} {code_name(c.name)}") for c in CODES.values()]


def spot_the_departure(qid: str, scenario: m.Scenario, report: Report, href: str = "") -> Question:
    """"Which departure, if any?", answered by the engine's verdict on the whole docket."""
    codes = report.codes
    if codes:
        explain = "The engine finds " + "; ".join(
            f"{v.code} at {next(e.label for e in report.entries if e.position == v.position)}: {v.message}"
            for v in report.violations)
    else:
        explain = "The engine finds no departure: every entry keeps the careful procedure."
    lines = [Line(e.label, e.date_label, e.event_label, e.description or "") for e in report.entries]
    return Question(
        qid, "Which departure from the careful procedure, if any, does this docket commit?", scenario.title,
        lines, choices(), codes or [LAWFUL], explain, [CODES[c].rule for c in codes if c in CODES], href)


def answer_key(questions: list[Question]) -> dict[str, object]:
    """What the page's script checks against: embedded JSON, computed here. ``rules`` lets the feedback on a
    wrong pick quote the rule the student named, to say why it does not apply."""
    return {
        "questions": {q.id: {"answer": q.answer, "explain": q.explain, "rules": q.rules,
                             "names": {c.value: c.label for c in q.choices if c.value in q.answer}}
                      for q in questions},
        "rules": {c.code: c.rule for c in CODES.values()},
    }
