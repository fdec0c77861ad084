"""Exercise pages: questions whose answers the engine computes at build time, with feedback quoting the rule.

Two kinds, one shape (``Question``): the teaching quizzes (``qiflow.teach.quiz``: "may the court do this
now? why?" at each entry a rule judges, one or several answers), and "spot the departure" over a whole
docket. The page's script grades as ``qiflow.teach.quiz.grade`` does: right only when the exact set of
answers is picked; a miss or a wrong pick quotes that option's rule; then the because-chain shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from qiflow import scenario as m
from qiflow.engine.report import Report
from qiflow.law.codes import CODES
from qiflow.teach import quiz
from qiflow.teach.chains import Chain
from qiflow.teach.words import readable
from qiflow.web.cites import code_name

LAWFUL = "lawful"


@dataclass(frozen=True)
class Line:
    label: str
    date: str
    event: str
    text: str


@dataclass(frozen=True)
class Question:
    id: str
    title: str
    prompt: str
    context: list[str]
    docket: list[Line]
    choices: list[quiz.Option]
    """Each as the page shows it: the key a student picks, its text, the code behind it."""
    answer: list[str]
    """The right choices: exactly these must be picked."""
    multi: bool
    conclusion: str
    """What the engine found, in words."""
    chain: Chain | None = None
    href: str = ""
    """Where the whole case is shown (relative), for "see the case"."""


@dataclass(frozen=True)
class ExerciseSet:
    slug: str
    title: str
    intro: str
    questions: list[Question]


def _spot_choices() -> list[quiz.Option]:
    return [quiz.Option(LAWFUL, "No departure: the docket keeps the careful procedure")] + [
        quiz.Option(c.code, f"{c.code} {code_name(c.name)}", c.code) for c in CODES.values()]


def spot_the_departure(qid: str, title: str, report: Report, href: str = "") -> Question:
    """"Which departure, if any?", answered by the engine's verdict on the whole docket (one pick)."""
    labels = {e.position: e.label for e in report.entries}
    if report.violations:
        said = "The engine finds " + "; ".join(f"{v.code} at {labels[v.position]}: {readable(v.message, report)}"
                                               for v in report.violations)
    else:
        said = "The engine finds no departure: every entry keeps the careful procedure."
    lines = [Line(e.label, e.date_label, e.event_label, e.description or "") for e in report.entries]
    answer = report.codes or [LAWFUL]
    return Question(qid, title, "Which departure from the careful procedure, if any, does this docket commit? "
                    "Pick one (any departure it commits counts).", [], lines, _spot_choices(), answer, False, said,
                    None, href)


def from_teaching(qid: str, title: str, q: quiz.Question, href: str = "") -> Question:
    """A question of ``qiflow.teach.quiz`` on the page: its context, options and answer, and its chain."""
    choices = [quiz.Option(o.key, f"{o.key}. {o.text}" + (f" ({o.code})" if o.code else ""), o.code)
               for o in q.options]
    return Question(qid, f"{title}: {q.label}", q.prompt + " Pick every answer that applies.", list(q.context), [],
                    choices, sorted(q.answer), True, q.chain.conclusion, q.chain, href)


def teaching_questions(prefix: str, title: str, scenario: m.Scenario, report: Report, href: str = "") -> list[Question]:
    return [from_teaching(f"{prefix}-{q.number}", title, q, href) for q in quiz.questions(scenario, report)]


def answer_key(questions: list[Question]) -> dict[str, object]:
    """What the page's script grades against, computed here: each question's answer, the codes behind its
    options, and every rule's text so the feedback can quote the rule of any option picked or missed."""
    return {
        "questions": {
            q.id: {"answer": q.answer, "multi": q.multi, "conclusion": q.conclusion,
                   "names": {c.key: c.text for c in q.choices},
                   "codes": {c.key: c.code for c in q.choices if c.code}}
            for q in questions},
        "rules": {c.code: c.rule for c in CODES.values()},
    }
