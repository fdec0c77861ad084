"""``qiflow explain``: the because-chain for an entry, for the whole case, or for a move not made."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from qiflow.cli.common import echo_wrapped, fail, load_or_fail, parse_date


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--entry", "entry", metavar="ENTRY", help="The entry to explain: a docket number or 'Entry N'.")
@click.option("--why-not", "why_not_event", metavar="EVENT",
              help="What would make EVENT (e.g. discovery_order) lawful after ENTRY (or at the end).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--law-as-of", callback=parse_date, metavar="YYYY-MM-DD", help="Judge by the law as it stood that day.")
@click.option("--mode", type=click.Choice(["audit", "strict"]), help="Override the scenario's mode.")
def explain(file: Path, entry: str | None, why_not_event: str | None, fmt: str, law_as_of: dt.date | None,
            mode: str | None) -> None:
    """Why an entry (or the case) stands as it does: the chain of reasons from this docket's facts."""
    from qiflow.engine.run import audit
    from qiflow.procedure.careful import PROCEDURE
    from qiflow.teach.chains import (
        case_chain,
        entry_chain,
        render_chain,
        render_why_not,
        why_not,
    )
    from qiflow.teach.docket import NoSuchEntry, find

    scenario = load_or_fail(file)
    position = None
    if entry is not None:
        try:
            position = find(scenario.docket, entry)
        except NoSuchEntry as error:
            fail(f"{file}: {error}")
    if why_not_event is not None:
        if why_not_event not in PROCEDURE.move:
            fail(f"unknown event {why_not_event!r}; expected one of {', '.join(PROCEDURE.move)}")
        upto = scenario.model_copy(update={"docket": scenario.docket[: position or len(scenario.docket)]})
        answer = why_not(why_not_event, audit(upto, file=str(file), law_as_of=law_as_of, mode=mode))
        if fmt == "json":
            click.echo(json.dumps(answer.as_dict(), indent=2, ensure_ascii=False))
        else:
            echo_wrapped(render_why_not(answer))
        return
    report = audit(scenario, file=str(file), law_as_of=law_as_of, mode=mode)
    chain = entry_chain(scenario, report, position) if position else case_chain(scenario, report)
    if fmt == "json":
        click.echo(json.dumps(chain.as_dict(), indent=2, ensure_ascii=False))
    else:
        echo_wrapped(render_chain(chain))
