"""``qiflow exercises``: write or drift-check the exercise pack and its teacher's key."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from qiflow.cli.common import Exit, fail
from qiflow.files.write import OutputError


@click.command()
@click.option("--write", "write_", is_flag=True, help="Regenerate the pack.")
@click.option("--check", "check_", is_flag=True, help="Fail (exit 1) if the pack on disk is stale.")
@click.argument("directory", required=False, type=click.Path(path_type=Path), default=Path("docs/exercises"))
def exercises(write_: bool, check_: bool, directory: Path) -> None:
    """Write or drift-check the exercise pack and its teacher's key (default: docs/exercises)."""
    from qiflow.teach.exercises import pack
    from qiflow.views.generated import stale, write

    artifacts = pack()
    if write_:
        try:
            names = write(directory, artifacts)
        except OutputError as error:
            fail(error)
        click.echo(f"Wrote {len(names)} files to {directory}.")
        return
    bad = stale(directory, artifacts)
    for name in bad:
        click.echo(f"stale: {directory / name}")
    click.echo("exercise pack is fresh" if not bad else f"{len(bad)} stale; run qiflow exercises --write")
    sys.exit(Exit.FOUND if bad else Exit.CLEAN)
