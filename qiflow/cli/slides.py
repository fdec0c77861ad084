"""``qiflow slides -o DIR``: the slide set a teacher projects (slides A to D), 1920×1080 PNG, SVG or PDF."""

from __future__ import annotations

from pathlib import Path

import click

from qiflow.cli.common import fail
from qiflow.files.write import OutputError, make_folder, write_output
from qiflow.views.diagram import DotMissing
from qiflow.views.slides.render import DEFAULT_FORMATS, draw, slide_dots


@click.command()
@click.option("-o", "--output", "directory", required=True, metavar="DIR",
              type=click.Path(path_type=Path, file_okay=False), help="Folder to write slide-a … slide-d into.")
@click.option("--format", "formats", multiple=True, type=click.Choice(["png", "svg", "pdf", "dot"]),
              help="Repeat for several (default: png and svg).")
def slides(directory: Path, formats: tuple[str, ...]) -> None:
    """Draw the slide set from the procedure's one definition: A where QI was raised, B the three
    gates, C after the QI ruling, D the doctrine's timeline."""
    chosen = tuple(dict.fromkeys(formats)) or DEFAULT_FORMATS
    try:
        make_folder(directory)
        for stem, dot in slide_dots().items():
            for fmt in chosen:
                path = directory / f"{stem}.{fmt}"
                write_output(path, dot.encode() if fmt == "dot" else draw(dot, fmt))
                click.echo(f"wrote {path}")
    except (DotMissing, OutputError) as error:
        fail(error)
