"""``qiflow summary``: judge a corpus and write its summary as a tidy CSV table or JSON, for a notebook."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from qiflow.cli.common import fail, jobs_option, parse_date
from qiflow.cli.corpus import exit_code, judge_corpus
from qiflow.files.discover import files
from qiflow.files.write import OutputError, write_output


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True,
              help="csv: one row per (table, key, measure) with count and share; json: nested.")
@click.option("-o", "--output", default="-", show_default=True, metavar="FILE", help="Write here (- is stdout).")
@click.option("--law-as-of", callback=parse_date, metavar="YYYY-MM-DD", help="Judge by the law as it stood that day.")
@click.option("--mode", type=click.Choice(["audit", "strict"]), help="Override each scenario's mode.")
@jobs_option
def summary(inputs: tuple[str, ...], fmt: str, output: str, law_as_of, mode: str | None,
            jobs: int | None) -> None:
    """Judge every docket under INPUTS (files, folders, globs, JSON Lines) and write the corpus summary.

    Exit 2 if any input was bad (they are counted in the table, each listed in the JSON), else 1 if any
    docket has an error-severity violation, else 0.
    """
    from qiflow.corpus.judge import Options

    sources = [Path(f) for f in files(list(inputs))]
    if output != "-" and any(Path(output).resolve() == f.resolve() for f in sources):
        fail(f"{output}: refusing to write over an input file")  # before the run, not after it
    result = judge_corpus(inputs, Options(law_as_of=law_as_of, mode=mode), jobs)
    try:
        write_output(output, result.to_csv() if fmt == "csv" else result.to_json(), inputs=sources)
    except OutputError as error:
        fail(error)
    for bad in result.input_errors:  # the table counts them; say which, where a person sees it
        click.echo(f"qiflow: bad input: {bad}", err=True)
    sys.exit(exit_code(result, check=False))
