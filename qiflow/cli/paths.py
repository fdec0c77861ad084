"""``qiflow paths``: shortest and simple paths through the careful procedure, in each era; export as scenarios."""

from __future__ import annotations

from pathlib import Path

import click

from qiflow.cli.common import fail


@click.command()
@click.option("--era", type=click.Choice(["before-wicks", "wicks-to-carswell", "after-carswell", "all"]),
              default="all", show_default=True,
              help="Before Wicks (Jan. 6, 1995), from Wicks to Carswell (June 17, 2022), after Carswell, or all.")
@click.option("--all", "all_", is_flag=True, help="List every simple path, not the first twelve.")
@click.option("--export", "export", type=click.Path(path_type=Path), metavar="DIR",
              help="Write the paths as scenarios under DIR/<era>/ (qiflow check DIR replays them).")
def paths(era: str, all_: bool, export: Path | None) -> None:
    """The shortest docket to each phase and every simple path to lawful limited discovery, in each era."""
    from qiflow.files.write import OutputError, make_folder, write_output
    from qiflow.teach.paths import ERAS, exports, render

    eras = list(ERAS) if era == "all" else [era]
    limit = None if all_ else 12
    if export is None:
        click.echo("\n\n".join(render(e, limit or 10**6) for e in eras))
        return
    written = 0
    for e in eras:
        for name, text in exports(e, limit).items():
            target = export / name
            try:
                make_folder(target.parent)
                write_output(target, text)
            except OutputError as error:
                fail(error)
            written += 1
    click.echo(f"Wrote {written} scenarios under {export}; qiflow check {export} replays them.")
