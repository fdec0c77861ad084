"""``qiflow quiz``: questions at chosen entries of a scenario, answered from stdin or ``--answers``, scored."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from qiflow.cli.common import echo_wrapped, fail, load_or_fail


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--at", "at", multiple=True, metavar="ENTRY", help="Ask at ENTRY (repeatable); default: every ruled entry.")
@click.option("--answers", metavar="A,BC,...", help="Answers, one per question, instead of reading stdin.")
@click.option("--key", is_flag=True, help="Print the questions with their answers and explanations (a teacher's key).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def quiz(file: Path, at: tuple[str, ...], answers: str | None, key: bool, fmt: str) -> None:
    """Turn a scenario into questions, check the answers with the engine, keep the score."""
    from qiflow.engine.run import audit
    from qiflow.teach.docket import NoSuchEntry, find
    from qiflow.teach.quiz import (
        grade,
        questions,
        render_feedback,
        render_question,
        score,
    )

    scenario = load_or_fail(file)
    try:
        positions = [find(scenario.docket, token) for token in at]
    except NoSuchEntry as error:
        fail(f"{file}: {error}")
    report = audit(scenario, file=str(file))
    asked = questions(scenario, report, positions or None)
    if key:
        if fmt == "json":
            click.echo(json.dumps([q.as_dict() for q in asked], indent=2, ensure_ascii=False))
            return
        for q in asked:
            echo_wrapped(render_question(q, report))
            echo_wrapped(render_feedback(grade(q, "".join(sorted(q.answer)))) + "\n")
        return
    given = answers.split(",") if answers is not None else None
    results = []
    for i, q in enumerate(asked):
        if fmt == "text":
            echo_wrapped(render_question(q, report))
        if given is not None:
            reply = given[i] if i < len(given) else ""
        else:
            click.echo("  Your answer: ", nl=False)
            line = sys.stdin.readline()
            if not line:
                break
            reply = line.strip()
            if not sys.stdin.isatty():
                click.echo(reply)
        feedback = grade(q, reply)
        results.append(feedback)
        if fmt == "text":
            echo_wrapped(render_feedback(feedback) + "\n")
    right, total = score(results)
    if fmt == "json":
        click.echo(json.dumps({"score": right, "of": total, "feedback": [f.as_dict() for f in results]},
                              indent=2, ensure_ascii=False))
    else:
        click.echo(f"Score: {right} of {total}")
