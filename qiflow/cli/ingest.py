"""``qiflow import``: a real docket in, a draft scenario out, every uncertain classification flagged."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from qiflow.cli.common import Exit, fail


@click.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--from", "fmt", type=click.Choice(["courtlistener", "pacer", "text"]),
              help="The input's format (guessed when left out: JSON, HTML or text).")
@click.option("-o", "--output", metavar="DRAFT.yaml", help="Write the draft here (- for standard output, the "
              "default unless --run).")
@click.option("--assume-qi", "assume", multiple=True, metavar="PARTY",
              help="Take PARTY's motions and answers to assert QI where the text does not say (repeatable).")
@click.option("--court", metavar="ID", help="PACER court id (e.g. lamd) when the saved page does not show it.")
@click.option("--infer-era", is_flag=True, help="Set law_as_of to the date of the docket's last entry.")
@click.option("--run", "run_", is_flag=True, help="Audit the draft at once (the verdict rests on unreviewed "
              "classifications).")
def import_(file: Path, fmt: str | None, output: str | None, assume: tuple[str, ...], court: str | None,
            infer_era: bool, run_: bool) -> None:
    """Turn a docket (CourtListener JSON, a saved PACER docket report, pasted docket text) into a draft scenario."""
    from qiflow.files.load import ScenarioError, parse
    from qiflow.files.write import OutputError, write_output
    from qiflow.ingest.docket import IngestError
    from qiflow.ingest.draft import dump
    from qiflow.ingest.pipeline import import_docket
    from qiflow.ingest.summary import render as render_summary

    try:
        imported = import_docket(file, fmt, court=court, assume=assume, infer_era=infer_era)
    except IngestError as error:
        fail(error)
    text = dump(imported.scenario)
    name = output if output not in (None, "-") else f"<draft of {file}>"
    try:
        scenario = parse(text, str(name))
    except ScenarioError as error:  # a bug in the importer, said plainly rather than written out
        fail(f"the draft built from {file} does not load ({error}); please report this")
    if output is not None or not run_:
        try:
            write_output(output or "-", text, inputs=[file])
        except OutputError as error:
            fail(error)
    click.echo(render_summary(imported.summary), err=True)
    if output not in (None, "-"):
        click.echo(f"Draft written to {output}; review it, then: qiflow run {output}", err=True)
    if not run_:
        sys.exit(Exit.CLEAN)
    from qiflow.engine.run import audit
    from qiflow.views.text import make_console, render

    pending = imported.summary["need_review"]
    click.echo(f"UNREVIEWED DRAFT: the verdict below rests on {pending} classification(s) no human has confirmed.")
    report = audit(scenario, file=str(name))
    render(report, make_console())
    click.echo(f"UNREVIEWED DRAFT: {pending} classification(s) to confirm before relying on this verdict.")
    sys.exit(Exit.FOUND if report.has_errors else Exit.CLEAN)
