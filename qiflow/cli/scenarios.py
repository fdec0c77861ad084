"""``qiflow run``, ``check``, ``rule`` and ``schema``: play scenarios, hold them to their expectations, read the codes."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from qiflow.cli.common import Exit, fail, load_or_fail, parse_date
from qiflow.engine.expect import mismatches, scenario_files
from qiflow.engine.run import audit
from qiflow.files.load import ScenarioError, load
from qiflow.law.codes import CODES
from qiflow.scenario import Scenario
from qiflow.views.docs import schema_page
from qiflow.views.rules import describe_rule, list_rules
from qiflow.views.text import render


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--law-as-of", callback=parse_date, metavar="YYYY-MM-DD", help="Judge by the law as it stood that day.")
@click.option("--mode", type=click.Choice(["audit", "strict"]), help="Override the scenario's mode.")
@click.option("--until", "until", metavar="ENTRY",
              help="Stop after ENTRY (a docket number such as 35, or a position such as 'Entry 12' for an "
                   "unnumbered entry) and show what may happen from there.")
@click.option("--verbose", "-v", is_flag=True, help="Also show machine names, ids and every authority.")
@click.option("--hide-verdicts", is_flag=True, help="Hide every judgment: a 'spot the departure' exercise.")
def run(file: Path, fmt: str, law_as_of: dt.date | None, mode: str | None, until: str | None,
        verbose: bool, hide_verdicts: bool) -> None:
    """Play a scenario's docket and report what the law makes of each entry."""
    from qiflow.teach.authoring import law_as_of_warnings
    from qiflow.teach.docket import NoSuchEntry, find

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
    if fmt == "json":
        click.echo(json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False))
    else:
        render(report, scenario=scenario, verbose=verbose, hide_verdicts=hide_verdicts)
    sys.exit(Exit.FOUND if report.has_errors else Exit.CLEAN)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def check(paths: tuple[Path, ...]) -> None:
    """Run the `expect` blocks of every scenario under PATHS."""
    files = scenario_files(list(paths))
    if not files:
        fail("no scenario files (*.yaml) under " + ", ".join(map(str, paths)))
    passed = failed = 0
    bad_input = False
    for file in files:
        try:
            scenario: Scenario = load(file)
        except ScenarioError as error:
            click.echo(f"ERROR {error}")
            bad_input, failed = True, failed + 1
            continue
        report = audit(scenario, file=str(file))
        problems = mismatches(scenario, report)
        if problems:
            from qiflow.teach.grade import lessons

            failed += 1
            click.echo(f"FAIL  {file}")
            for lesson in lessons(scenario, report):
                click.echo(f"      {lesson}")
        else:
            passed += 1
            click.echo(f"ok    {file}")
    click.echo(f"{passed} passed, {failed} failed")
    sys.exit(Exit.USAGE if bad_input else Exit.FOUND if failed else Exit.CLEAN)


@click.command()
@click.argument("code", required=False)
@click.option("--all", "all_", is_flag=True, help="List every rule.")
def rule(code: str | None, all_: bool) -> None:
    """Explain a violation code (e.g. QI201) and its authorities."""
    if all_ or code is None:
        click.echo(list_rules())
        return
    if code.upper() not in CODES:
        fail(f"unknown rule {code!r}; expected one of {', '.join(CODES)}")
    click.echo(describe_rule(CODES[code.upper()]))


@click.command()
def schema() -> None:
    """Print the JSON Schema of the scenario format, for editors."""
    click.echo(schema_page(), nl=False)

