"""``qiflow report --html`` (one case as a self-contained page) and ``qiflow site`` (the library as a static site)."""

from __future__ import annotations

from pathlib import Path

import click

from qiflow.cli.common import fail, load_or_fail
from qiflow.engine.run import audit
from qiflow.files.load import ScenarioError
from qiflow.files.write import OutputError, write_output


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--html", "as_html", is_flag=True, help="Write one self-contained HTML page (inline SVG, CSS, JS).")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Where to write it (default: stdout).")
def report(file: Path, as_html: bool, output: Path | None) -> None:
    """Write FILE's case as a page: verdict, timeline, docket with stepping, teaching notes."""
    if not as_html:
        fail("only --html is supported here; `qiflow run FILE` prints the report in the terminal")
    from qiflow.web.site import case_html

    scenario = load_or_fail(file)
    html = case_html(scenario, audit(scenario, file=str(file)), path=file)
    try:
        write_output(output if output is not None else "-", html, inputs=[file])
    except OutputError as error:
        fail(error)
    if output is not None:
        click.echo(f"wrote {output} ({len(html.encode()):,} bytes)", err=True)


@click.command()
@click.argument("out", type=click.Path(path_type=Path, file_okay=False))
@click.option("--scenarios", type=click.Path(path_type=Path, exists=True, file_okay=False),
              default=Path("scenarios"), show_default=True, help="Where the case library lives.")
def site(out: Path, scenarios: Path) -> None:
    """Build the library as a static site in OUT: cases, rules, law, slides, exercises."""
    from qiflow.web.site import build, write

    try:
        files = build(scenarios)
        removed = write(out, files)
    except (ScenarioError, OutputError) as error:
        fail(error)
    size = sum(len(data) for data in files.values())
    for name in removed:
        click.echo(f"removed {out / name} (no longer in the library)")
    click.echo(f"wrote {len(files)} files to {out} ({size:,} bytes); open {out / 'index.html'}")
