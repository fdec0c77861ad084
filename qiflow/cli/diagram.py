"""``qiflow diagram``: draw the procedure, a case (as a timeline, or its path on the map), or a
counterexample; keep ``diagrams/`` fresh."""

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
    canvas,
    case_graph,
    gallery,
    procedure_graph,
    render,
    to_dot,
    to_mermaid,
)
from qiflow.views.diagram.counterexample import (
    NoCounterexample,
    counterexample_graph,
    counterexample_timeline,
)
from qiflow.views.diagram.graph import Graph
from qiflow.views.diagram.timeline import dots as timeline_dots
from qiflow.views.diagram.timeline import timeline


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
@click.option("--view", type=click.Choice(["timeline", "map"]), default="timeline", show_default=True,
              help="A case (or counterexample) as a timeline in swimlanes on 16:9 slides, or as its path "
                   "on the procedure map.")
@click.option("--format", "fmt", type=click.Choice(["dot", *FORMATS, "mermaid"]), default="svg", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write here (default: stdout, text formats).")
@click.option("--check", type=click.Path(path_type=Path, file_okay=False), metavar="DIR",
              help="Fail (exit 1) naming the committed diagrams in DIR that are stale.")
@click.option("--write", type=click.Path(path_type=Path, file_okay=False), metavar="DIR",
              help="Regenerate the committed diagrams in DIR.")
def diagram(file: Path | None, guard: str | None, view: str, fmt: str, output: Path | None, check: Path | None,
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
        if (file or guard) and view == "timeline":
            if output is not None and file is not None and str(output) != "-":
                write_output_check(output, file)
            return _emit_pages(_timeline(file, guard), fmt, output)
        _emit(_graph(file, guard), fmt, output, [file] if file else [])
    except DotMissing as error:
        fail(str(error))
    except OutputError as error:
        fail(error)


def _graph(file: Path | None, guard: str | None) -> Graph:
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


def _timeline(file: Path | None, guard: str | None) -> list[str]:
    """The timeline's pages as DOT: a case's, or the counterexample's found without ``guard``."""
    if guard:
        try:
            return timeline_dots(counterexample_timeline(guard))
        except KeyError:
            fail(f"unknown guard {guard!r}; expected one of {', '.join(g.name for g in PROCEDURE.guards)}")
        except NoCounterexample as error:
            fail(str(error))
    assert file is not None
    scenario = load_or_fail(file)
    return timeline_dots(timeline(scenario, audit(scenario, file=str(file))))


def page_paths(output: Path, count: int) -> list[Path]:
    """Where each page goes: ``output`` itself for one page, else ``name-p1.svg``, ``name-p2.svg``, ..."""
    if count == 1:
        return [output]
    return [output.with_name(f"{output.stem}-p{n}{output.suffix}") for n in range(1, count + 1)]


def _emit_pages(pages: list[str], fmt: str, output: Path | None) -> None:
    if fmt == "mermaid":
        fail("--format mermaid draws the procedure only; use dot, svg, png or pdf for a timeline")
    if output is None:
        if fmt != "dot" and len(pages) > 1:
            fail(f"the timeline has {len(pages)} pages: give -o FILE (pages are written as FILE-p1, FILE-p2, ...)")
        data = "".join(pages).encode() if fmt == "dot" else canvas.draw(pages[0], fmt)
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    paths = page_paths(output, len(pages))
    for number, (page, path) in enumerate(zip(pages, paths, strict=True), 1):
        data = page.encode() if fmt == "dot" else canvas.draw(page, fmt)
        try:
            write_output(path, data)
        except OutputError as error:
            fail(error)
        if len(pages) > 1:
            click.echo(f"wrote {path} (page {number} of {len(pages)})", err=True)


def _emit(graph: Graph, fmt: str, output: Path | None, inputs: list[Path]) -> None:
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
