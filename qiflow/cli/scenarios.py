"""``qiflow run``, ``check``, ``rule`` and ``schema``: play scenarios, hold them to their expectations, read the codes."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from qiflow.cli.common import Exit, echo_wrapped, fail, jobs_option, load_or_fail, parse_date
from qiflow.cli.corpus import check_corpus, run_corpus
from qiflow.files.discover import is_corpus

# The engine and the views are imported inside each command, so `qiflow run --help` loads neither.


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "jsonl"]), default="text", show_default=True,
              help="jsonl (many inputs): one line per docket, then a summary line.")
@click.option("--law-as-of", callback=parse_date, metavar="YYYY-MM-DD", help="Judge by the law as it stood that day.")
@click.option("--mode", type=click.Choice(["audit", "strict"]), help="Override the scenario's mode.")
@click.option("--until", "until", metavar="ENTRY",
              help="Stop after ENTRY (a docket number such as 35, or a position such as 'Entry 12' for an "
                   "unnumbered entry) and show what may happen from there.")
@click.option("--verbose", "-v", is_flag=True, help="Also show machine names, ids and every authority.")
@click.option("--hide-verdicts", is_flag=True, help="Hide every judgment: a 'spot the departure' exercise.")
@jobs_option
@click.option("--summary-only", is_flag=True, help="Many inputs: print only the corpus summary.")
def run(inputs: tuple[str, ...], fmt: str, law_as_of: dt.date | None, mode: str | None, until: str | None,
        verbose: bool, hide_verdicts: bool, jobs: int | None, summary_only: bool) -> None:
    """Play a scenario's docket and report what the law makes of each entry.

    INPUTS is one scenario file (the full report), or files, directories, globs and JSON Lines files
    (one scenario a line): then each docket is judged, on N processes, and a corpus summary printed.
    Exit 2 if any input was bad, else 1 if any docket has an error-severity violation, else 0.
    """
    if is_corpus(list(inputs)) or summary_only:
        if until is not None:
            fail("--until steps through one scenario file; give just one")
        return run_corpus(inputs, fmt, jobs, summary_only, law_as_of, mode)
    from qiflow.engine.run import audit
    from qiflow.teach.authoring import law_as_of_warnings
    from qiflow.teach.docket import NoSuchEntry, find
    from qiflow.views.text import render

    file = Path(inputs[0])
    scenario = load_or_fail(file)
    if until is not None:
        try:
            position = find(scenario.docket, until)
        except NoSuchEntry as error:
            raise click.BadParameter(f"{error} (in {file})", param_hint="--until") from None
        scenario = scenario.model_copy(update={"docket": scenario.docket[:position]})
    for warning in law_as_of_warnings(scenario, law_as_of):
        click.echo(f"qiflow: warning: {file}: {warning}", err=True)
    report = audit(scenario, file=str(file), law_as_of=law_as_of, mode=mode)
    if fmt in ("json", "jsonl"):
        click.echo(json.dumps(report.model_dump(mode="json"), indent=2 if fmt == "json" else None,
                              ensure_ascii=False))
    else:
        render(report, scenario=scenario, verbose=verbose, hide_verdicts=hide_verdicts)
    sys.exit(Exit.FOUND if report.has_errors else Exit.CLEAN)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@jobs_option
def check(paths: tuple[str, ...], jobs: int | None) -> None:
    """Run the `expect` blocks of every scenario under PATHS (files, directories, globs, JSON Lines).

    A bad file is reported (ERROR, located) and counted, and the rest still run. Exit 2 if any input was
    bad, else 1 if any expectation failed, else 0.
    """
    check_corpus(paths, jobs)


@click.command()
@click.argument("code", required=False)
@click.option("--all", "all_", is_flag=True, help="List every rule.")
def rule(code: str | None, all_: bool) -> None:
    """Explain a violation code (e.g. QI201) and its authorities."""
    from qiflow.law.codes import CODES
    from qiflow.views.rules import describe_rule, list_rules

    if all_ or code is None:
        click.echo(list_rules())
        return
    if code.upper() not in CODES:
        fail(f"unknown rule {code!r}; expected one of {', '.join(CODES)}")
    echo_wrapped(describe_rule(CODES[code.upper()]))


@click.command()
def schema() -> None:
    """Print the JSON Schema of the scenario format, for editors."""
    from qiflow.views.docs import schema_page

    click.echo(schema_page(), nl=False)

