"""Quizzes from a scenario: at chosen entries, "may the court do this now? why?", checked by the engine.

CALI-style: a question, options, and feedback that teaches: the rule quoted and this docket's because-
chain when the answer is wrong. Pure functions returning dataclasses; ``render_*`` makes the text.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from qiflow import scenario as m
from qiflow.engine.report import Report
from qiflow.law.codes import CODES
from qiflow.procedure.careful import PROCEDURE
from qiflow.teach import docket as d
from qiflow.teach.chains import Chain, entry_chain, render_chain
from qiflow.teach.words import official_words, order_words, quoted, readable, reason, violations_at

LAWFUL = "A"

PROMPTS: dict[str, str] = {
    "discovery_order": "May the court enter this discovery order now? Why?",
    "motion_to_dismiss_ruling": "May the court rule this way now? Why?",
    "discovery": "May this discovery be taken now? Why?",
    "qi_ruling": "May the court rule on QI now? Why?",
    "judgment": "May the court enter this judgment now? Why?",
}
ASKED = ("discovery_order", "motion_to_dismiss_ruling", "discovery", "qi_ruling", "answer", "motion_to_dismiss",
         "conference", "joint_report")
"""Entries asked about by default: the ones a rule of the careful procedure judges."""


@dataclass(frozen=True)
class Option:
    """One answer to pick, here and on the exercise pages (``qiflow.web.exercises``)."""

    key: str
    """What is picked ("B", or a code on a "spot the departure" page)."""
    text: str
    """What is shown."""
    code: str | None = None
    """The rule behind it, whose text the feedback quotes."""


@dataclass(frozen=True)
class Question:
    number: int
    position: int
    label: str
    prompt: str
    context: tuple[str, ...]
    options: tuple[Option, ...]
    answer: frozenset[str]
    chain: Chain
    not_in_force: tuple[str, ...] = ()
    """Codes offered whose rule was not yet law on the day the docket is judged, with that day."""

    def as_dict(self) -> dict[str, object]:
        out = asdict(self)
        out["answer"] = sorted(self.answer)
        return out


@dataclass(frozen=True)
class Feedback:
    question: int
    correct: bool
    picked: tuple[str, ...]
    answer: tuple[str, ...]
    lines: tuple[str, ...]

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def _candidates(event: str) -> list[str]:
    move = PROCEDURE.move.get(event)
    return list(dict.fromkeys(g.code.code for g in move.guards)) if move else []


def question_at(scenario: m.Scenario, report: Report, position: int, number: int = 1) -> Question:
    """The question for the entry at ``position``: the situation before it, the entry, and the options."""
    entry = scenario.docket[position - 1]
    row = report.entries[position - 1]
    texts = {**report.request_texts, **report.fact_question_texts}
    context: list[str] = []
    before = report.entries[position - 2].standing if position > 1 else None
    if before is not None:
        context.append(f"Before it the case stands at: {before.phase_label}.")
        context += [official_words(o, 60) for o in before.officials]
        context += [order_words(order, 60) for order in before.orders_in_force]
    head = f"{row.label} ({row.date_label}): {row.event_label}"
    if row.description:
        head += " " + quoted(row.description, 160)
    context.append(head)
    facts = d.facts(entry, scenario, texts)
    if facts:
        context.append("It records: " + "; ".join(facts) + ".")
    raised = [v.code for v in violations_at(report, position)]
    codes = list(dict.fromkeys(_candidates(entry.event) + raised))
    options = [Option(LAWFUL, "Yes: no rule of the careful procedure bars it now.")]
    for i, code in enumerate(codes):
        severity = " (a warning only)" if code in CODES and not CODES[code].is_error else ""
        options.append(Option(chr(ord("B") + i), f"No: {reason(code)}{severity}.", code))
    answer = frozenset(o.key for o in options if o.code in raised) or frozenset({LAWFUL})
    prompt = PROMPTS.get(entry.event, "Does this entry keep the careful procedure? Why?")
    later = ("QI101",) if not report.carswell_rules else ()
    return Question(number, position, row.label, prompt, tuple(context), tuple(options), answer,
                    entry_chain(scenario, report, position), tuple(c for c in later if c in codes))


def questions(scenario: m.Scenario, report: Report, at: list[int] | None = None) -> list[Question]:
    """Questions at the positions ``at`` (default: every entry a rule judges), numbered from 1."""
    positions = at or [i for i, e in enumerate(scenario.docket, 1)
                       if e.event in ASKED and (e.event not in ("answer", "motion_to_dismiss", "conference",
                                                                "joint_report") or report.entries[i - 1].codes)]
    return [question_at(scenario, report, p, n) for n, p in enumerate(positions, 1)]


def parse(picked: str) -> frozenset[str]:
    """``"b c"``, ``"B,C"`` or ``"BC"`` as the set of option keys."""
    return frozenset(ch.upper() for ch in picked if ch.isalpha())


def grade(question: Question, picked: str) -> Feedback:
    """Check an answer against the engine; feedback quotes the rule for every option missed or wrongly picked."""
    chosen = parse(picked)
    correct = chosen == question.answer
    by_key = {o.key: o for o in question.options}
    lines: list[str] = []
    if correct:
        lines.append("Right. " + question.chain.conclusion)
    else:
        lines.append("Not quite. The answer is " + ", ".join(sorted(question.answer)) + ".")
        for key in sorted(question.answer - chosen):
            missed = by_key[key]
            if missed.code:
                lines.append(f"You missed {key} ({missed.code}). The rule: \u201c{CODES[missed.code].rule}\u201d"
                             if missed.code in CODES else f"You missed {key} ({missed.code}).")
            else:
                lines.append(f"You missed {key}: nothing bars this entry.")
        for key in sorted(chosen - question.answer):
            option = by_key.get(key)
            if option is None:
                lines.append(f"There is no option {key}.")
            elif option.code:
                lines.append(f"{key} ({option.code}) does not apply here: the rule is \u201c{CODES[option.code].rule}\u201d"
                             if option.code in CODES else f"{key} ({option.code}) does not apply here.")
                if option.code in question.not_in_force:
                    lines.append("  And that rule took effect only on June 17, 2022 (Carswell): this docket is "
                                 "judged by the law of an earlier day.")
            else:
                lines.append(f"{key} is wrong: a rule does bar this entry.")
        lines.append(render_chain(question.chain))
    return Feedback(question.number, correct, tuple(sorted(chosen)), tuple(sorted(question.answer)), tuple(lines))


def score(feedback: list[Feedback]) -> tuple[int, int]:
    return sum(f.correct for f in feedback), len(feedback)


def render_question(question: Question, report: Report | None = None) -> str:
    lines = [f"Question {question.number}. {question.prompt}"]
    lines += [f"  {readable(c, report) if report else c}" for c in question.context]
    lines += [f"  {o.key}. {o.text}" for o in question.options]
    lines.append("  (Pick one letter or several, e.g. B or BC.)")
    return "\n".join(lines)


def render_feedback(feedback: Feedback) -> str:
    return "\n".join("  " + line.replace("\n", "\n  ") for line in feedback.lines)
