"""``qiflow diagram``: draw the procedure, a case's path, or a counterexample; keep ``diagrams/`` fresh."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from qiflow.cli.common import Exit, fail, load_or_fail
from qiflow.engine.run import audit
from qiflow.files.write import OutputError, write_output
from qiflow.procedure.careful import PROCEDURE
from qiflow.views.diagram import (
    FORMATS,
    DotMissing,
    case_graph,
    gallery,
    procedure_graph,
    render,
    to_dot,
    to_mermaid,
)
from qiflow.views.diagram.counterexample import NoCounterexample, counterexample_graph


def _maintain(check: Path | None, write: Path | None) -> None:
    folder = write or check
    assert folder is not None
    case = folder.resolve().parent / gallery.CASE
    if not case.is_file():
        fail(f"{folder}: the gallery is drawn from {case}, which does not exist: give the diagrams/ folder of a "
             "qiflow checkout (beside its scenarios/)")
    if write is not None:
        if write.exists() and not write.is_dir():
            fail(f"{write}: is a file; --write takes a folder")
        try:
            names = gallery.write(write)
        except (OutputError, OSError) as error:
            fail(error)
        for name in names:
            click.echo(f"wrote {write / name}")
    if check is not None:
        if bad := gallery.stale(check):
            click.echo("stale: " + ", ".join(str(check / x) for x in bad)
                       + "\nregenerate with: qiflow diagram --write " + str(check), err=True)
            sys.exit(Exit.FOUND)
        click.echo(f"{check}: every diagram is up to date")


@click.command()
@click.argument("file", required=False, type=click.Path(path_type=Path))
@click.option("--without", "guard", metavar="GUARD", help="Draw the counterexample found without this guard.")
@click.option("--format", "fmt", type=click.Choice(["dot", *FORMATS, "mermaid"]), default="svg", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write here (default: stdout, text formats).")
@click.option("--check", type=click.Path(path_type=Path, file_okay=False), metavar="DIR",
              help="Fail (exit 1) naming the committed diagrams in DIR that are stale.")
@click.option("--write", type=click.Path(path_type=Path, file_okay=False), metavar="DIR",
              help="Regenerate the committed diagrams in DIR.")
def diagram(file: Path | None, guard: str | None, fmt: str, output: Path | None, check: Path | None,
            write: Path | None) -> None:
    """Draw the careful procedure (or FILE's path through it) with Graphviz or as Mermaid text."""
    try:
        if check or write:
            if file or guard:
                fail("--check and --write take no FILE or --without")
            return _maintain(check, write)
        if file and guard:
            fail("give a scenario FILE or --without GUARD, not both")
        if fmt == "mermaid" and (file or guard):
            fail("--format mermaid draws the procedure only; use dot or svg for a path")
        if fmt in ("png", "pdf") and output is None:
            fail(f"{fmt} output is binary: give -o FILE")
        _emit(_graph(file, guard), fmt, output, [file] if file else [])
    except DotMissing as error:
        fail(str(error))
    except OutputError as error:
        fail(error)


def _graph(file: Path | None, guard: str | None):
    if guard:
        try:
            return counterexample_graph(guard)
        except KeyError:
            fail(f"unknown guard {guard!r}; expected one of {', '.join(g.name for g in PROCEDURE.guards)}")
        except NoCounterexample as error:
            fail(str(error))
    if file:
        scenario = load_or_fail(file)
        return case_graph(scenario, audit(scenario, file=str(file)))
    return procedure_graph()


def _emit(graph, fmt: str, output: Path | None, inputs: list[Path]) -> None:
    """Write the picture atomically (never over an input; ``-o -`` or no ``-o`` is stdout)."""
    if output is not None and str(output) != "-":
        for source in inputs:  # refuse before drawing, so a refused run costs nothing
            write_output_check(output, source)
    text = to_mermaid(graph) if fmt == "mermaid" else to_dot(graph)
    data = text.encode() if fmt in ("dot", "mermaid") else render(text, fmt)
    write_output("-" if output is None else output, data, inputs=inputs)


def write_output_check(output: Path, source: Path) -> None:
    try:
        if output.resolve() == source.resolve() or (output.exists() and output.samefile(source)):
            raise OutputError(f"{output}: refusing to write over an input file")
    except OSError:
        pass
