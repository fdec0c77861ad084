"""The ``qiflow`` command line. Each command lives in its own module, imported only when it runs, so
``qiflow --help`` starts fast and a heavy optional dependency is loaded only by the command that uses it."""

from __future__ import annotations

import importlib

import click

from qiflow import __version__

COMMANDS: dict[str, tuple[str, str]] = {
    "run": ("qiflow.cli.scenarios:run", "Play a scenario's docket and report what the law makes of each entry."),
    "check": ("qiflow.cli.scenarios:check", "Run the `expect` blocks of every scenario under PATHS."),
    "rule": ("qiflow.cli.scenarios:rule", "Explain a violation code (e.g. QI201) and its authorities."),
    "schema": ("qiflow.cli.scenarios:schema", "Print the JSON Schema of the scenario format, for editors."),
    "verify": ("qiflow.cli.verify:verify", "Explore every reachable situation and check the invariants."),
    "diagram": ("qiflow.cli.diagram:diagram", "Draw the procedure, a case, or a counterexample."),
    "docs": ("qiflow.cli.docs:docs", "Regenerate or drift-check the generated reference pages."),
    "summary": ("qiflow.cli.summary:summary", "Judge a corpus and write its summary table as CSV or JSON."),
    "generate": ("qiflow.cli.generate:generate", "Write synthetic, labelled dockets for benchmarks and tests."),
    "import": ("qiflow.cli.ingest:import_", "Turn a real docket (CourtListener JSON, PACER HTML, text) into a draft scenario."),
    "exercises": ("qiflow.cli.exercises:exercises", "Write or drift-check the exercise pack and its teacher's key."),
    "explain": ("qiflow.cli.explain:explain", "Why an entry or the case stands as it does: the because-chain."),
    "play": ("qiflow.cli.play:play", "Step through a case in class: predict, reveal, pick the next move, save."),
    "paths": ("qiflow.cli.paths:paths", "Shortest dockets to each phase, every simple path to limited discovery."),
    "quiz": ("qiflow.cli.quiz:quiz", "Turn a scenario into questions, check the answers, keep the score."),
    "report": ("qiflow.cli.web:report", "Write a case as one self-contained HTML page (--html -o OUT.html)."),
    "site": ("qiflow.cli.web:site", "Build the case library as a static site for any web host or folder."),
    "slides": ("qiflow.cli.slides:slides", "Draw the 16:9 slide set (A-D) from the procedure's definition."),
}
"""Command name: (where it is defined, the one line ``--help`` shows without importing it)."""


class LazyGroup(click.Group):
    """A group that imports a command's module only when that command is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, _, name = COMMANDS[cmd_name][0].partition(":")
        command = getattr(importlib.import_module(module), name)
        assert isinstance(command, click.Command)
        return command

    def invoke(self, ctx: click.Context) -> object:
        """Run the command; an interrupt (Ctrl-C) ends it with exit code 130, as a shell reports SIGINT, not 1 (which
        means violations found)."""
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("\nqiflow: interrupted", err=True)
            raise click.exceptions.Exit(130) from None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Commands"):
            formatter.write_dl([(name, COMMANDS[name][1]) for name in self.list_commands(ctx)])


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="qiflow")
def main() -> None:
    """Simulate, audit, verify and draw the Fifth Circuit's careful procedure for QI discovery."""
