"""``qiflow docs``: write or check the generated reference pages (case table, rules, procedure)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from qiflow.cli.common import Exit, fail
from qiflow.files.load import ScenarioError
from qiflow.files.write import OutputError
from qiflow.views import docs as pages


@click.command()
@click.option("--write", "write_dir", type=click.Path(path_type=Path), help="Regenerate the pages into DIR.")
@click.option("--check", "check_dir", type=click.Path(path_type=Path), help="Fail (exit 1) if a page in DIR is stale.")
@click.option("--scenarios", type=click.Path(path_type=Path, exists=True, file_okay=False),
              default=Path("scenarios"), show_default=True, help="Where the case library lives.")
def docs(write_dir: Path | None, check_dir: Path | None, scenarios: Path) -> None:
    """Generate the reference pages (cases, rules, procedure, law, schema) and the teaching page from the
    definition, the scenarios and what the commands print."""
    if (write_dir is None) == (check_dir is None):
        raise click.UsageError("give exactly one of --write DIR or --check DIR")
    if write_dir is not None and write_dir.exists() and not write_dir.is_dir():
        fail(f"{write_dir}: is a file; --write takes a folder (created if missing)")
    try:
        if write_dir is not None:
            for name in pages.write(write_dir, scenarios):
                click.echo(f"wrote {write_dir / name}")
            return
        assert check_dir is not None
        stale = pages.stale(check_dir, scenarios)
    except (ScenarioError, OutputError) as error:
        fail(error)
    except OSError as error:
        fail(f"{write_dir or check_dir}: {error.strerror or error}")
    for name in stale:
        click.echo(f"stale: {check_dir / name} (run `qiflow docs --write {check_dir}`)")
    if stale:
        sys.exit(Exit.FOUND)
    from qiflow.views.teaching import NAMES

    click.echo(f"docs up to date: {', '.join(sorted(pages.pages(scenarios)) + list(NAMES))}")
