"""``qiflow generate``: synthetic, labelled dockets for benchmarks and tests (qiflow.corpus.generate)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from qiflow.cli.common import fail
from qiflow.files.write import OutputError, make_folder, write_output, write_parts

MAX_COUNT = 1_000_000
"""Dockets one run may generate (about 3 GB as JSON Lines): a bound, so a slip of the finger cannot fill a disk."""


def _json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, default=str)


def _yaml(data: dict[str, Any]) -> str:
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=110)


@click.command()
@click.option("--count", "-n", type=click.IntRange(min=1, max=MAX_COUNT), default=100, show_default=True,
              help=f"How many dockets (at most {MAX_COUNT:,}; written as they are made).")
@click.option("--seed", type=int, default=0, show_default=True, help="The same seed gives the same dockets.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "yaml", "json"]), default=None,
              help="jsonl: one docket a line (the default for a file or stdout); yaml or json: one file per docket "
                   "(the default for a folder: yaml).")
@click.option("-o", "--output", default="-", show_default=True, metavar="PATH",
              help="A .jsonl file, a folder (created if missing), or - for stdout.")
def generate(count: int, seed: int, fmt: str | None, output: str) -> None:
    """Write synthetic dockets in the shapes of the case library, departures injected at known rates and
    labelled (each `expect` block lists the codes LAW.md s.11 v2 says it must raise)."""
    from qiflow.corpus.generate import dockets as make

    to_folder = output != "-" and not output.endswith(".jsonl")
    fmt = fmt or ("yaml" if to_folder else "jsonl")
    if not to_folder and fmt != "jsonl":
        fail(f"--format {fmt} writes one file per docket: give -o FOLDER")
    if to_folder and fmt == "jsonl":
        fail(f"{output} is a folder: --format jsonl writes one file (give -o FILE.jsonl)")
    dockets = make(count, seed)
    try:
        if not to_folder:
            write_parts(output, (_json(d) + "\n" for d in dockets))
            if output != "-":
                click.echo(f"wrote {count} dockets to {output}", err=True)
            return
        folder = Path(output)
        if not folder.exists():
            make_folder(folder)
            click.echo(f"created folder {folder}", err=True)
        dump = _yaml if fmt == "yaml" else _json
        for i, data in enumerate(dockets, start=1):
            write_output(folder / f"synthetic-{seed}-{i:06d}.{fmt}", dump(data))
        click.echo(f"wrote {count} dockets to {folder}/", err=True)
    except (OutputError, OSError) as error:
        fail(error)
