"""The command line's shared edge: one exit-code contract, one error path, the options every command reads."""

from __future__ import annotations

import datetime as dt
import gc
import os
import sys
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

if TYPE_CHECKING:
    from qiflow.scenario import Scenario


class Exit(IntEnum):
    """Exit codes, as linters use them (SCENARIOS.md, "Commands and results")."""

    CLEAN = 0
    """Nothing found, every expectation met, every generated file fresh."""
    FOUND = 1
    """Error-severity violations, a failed expectation, a stale file, a broken invariant."""
    USAGE = 2
    """Bad input or usage."""


def default_jobs() -> int:
    """The cores this process may run on (what ``-j`` defaults to)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


jobs_option = click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
                           help="Run on N processes (default: the machine's cores).")


def fail(message: object) -> NoReturn:
    """Stop with exit code 2 and ``message`` on stderr, never a traceback."""
    click.echo(f"qiflow: error: {message}", err=True)
    sys.exit(Exit.USAGE)


def load_or_fail(path: Path) -> Scenario:
    """The scenario at ``path``, or exit 2 naming its file, line, field and what was expected.

    The scenario lives until the command ends, so it is moved out of the cyclic collector's sight
    (``gc.freeze``): judging a long docket then costs no full collections that rescan it. The loader,
    and pydantic with it (the costliest import), is imported here, so no ``--help`` pays for it."""
    from qiflow.files.load import ScenarioError, load

    try:
        scenario = load(path)
    except ScenarioError as error:
        fail(error)
    gc.freeze()
    return scenario


def parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    """A click callback for YYYY-MM-DD options."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"expected a date as YYYY-MM-DD, got {value!r}") from None


def echo_wrapped(text: str) -> None:
    """Print ``text`` wrapped on word boundaries at the terminal's width (or ``COLUMNS``), each line keeping its
    indent; to a pipe without ``COLUMNS``, one line a message, as tools that read it expect."""
    import os

    from qiflow.teach.prompts import wrapped
    from qiflow.views.text import terminal_width

    if sys.stdout.isatty() or os.environ.get("COLUMNS", "").isdigit():
        text = wrapped(text, terminal_width())
    click.echo(text)
