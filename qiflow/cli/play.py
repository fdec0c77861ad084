"""``qiflow play``: the stepper a teacher runs live (prompt_toolkit at a terminal, plain stdin otherwise)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from qiflow.cli.common import fail, load_or_fail, parse_date


@click.command()
@click.argument("file", required=False, type=click.Path(path_type=Path))
@click.option("--at", "at", metavar="ENTRY", help="Start just after ENTRY of FILE (default: before its first entry).")
@click.option("--law-as-of", callback=parse_date, metavar="YYYY-MM-DD", help="Judge by the law as it stood that day.")
@click.option("--no-predict", is_flag=True, help="Reveal each entry at once instead of asking the class first.")
def play(file: Path | None, at: str | None, law_as_of: dt.date | None, no_predict: bool) -> None:
    """Step through a case in class: predict, reveal, pick the next move, save."""
    from qiflow.teach.docket import NoSuchEntry, find
    from qiflow.teach.play import Session, run
    from qiflow.teach.prompts import prompter

    ask = prompter()
    if file is not None:
        scenario = load_or_fail(file)
        try:
            upto = find(scenario.docket, at) if at else 0
        except NoSuchEntry as error:
            fail(f"{file}: {error}")
        session = Session.from_scenario(scenario, upto)
        session.played = file
        if law_as_of is not None:
            session.law_as_of = law_as_of
    else:
        click.echo("A new case. Name the parties (blank for the city: none).")
        plaintiff = ask.ask("  plaintiff: ") or "Pat Plaintiff"
        official = ask.ask("  official sued individually: ") or "Officer Oakes"
        city = ask.ask("  city (a municipality; blank for none): ")
        day = ask.ask("  judge by the law as of (YYYY-MM-DD; blank for today): ")
        try:
            when = dt.date.fromisoformat(day.strip()) if day and day.strip() else law_as_of
        except ValueError:
            fail(f"expected a date as YYYY-MM-DD, got {day!r}")
        session = Session.new_case(plaintiff, official, city or None, when)
    session.predict = not no_predict
    from qiflow.teach.prompts import wrapped
    from qiflow.views.text import terminal_width

    width = terminal_width()
    session.width = width
    run(session, ask, lambda said: click.echo(wrapped(said, width)))
