"""``qiflow diagram``: draw the procedure, a case's path, or a counterexample; keep ``diagrams/`` fresh."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from qiflow.cli.common import Exit, fail, load_or_fail
from qiflow.engine.run import audit
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
    if write is not None:
        for name in gallery.write(write):
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
        _emit(_graph(file, guard), fmt, output)
    except DotMissing as error:
        fail(str(error))


def _graph(file: Path | None, guard: str | None):  # noqa: ANN202 - a Graph
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


def _emit(graph, fmt: str, output: Path | None) -> None:  # noqa: ANN001 - a Graph
    text = to_mermaid(graph) if fmt == "mermaid" else to_dot(graph)
    data = text.encode() if fmt in ("dot", "mermaid") else render(text, fmt)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        output.write_bytes(data)
