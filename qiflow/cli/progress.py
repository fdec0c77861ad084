"""A progress bar for long corpus runs, on standard error, and only when it is a terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

QUIET_BELOW = 200
"""Runs of fewer dockets than this finish too soon for a bar to help."""


@contextmanager
def progress(total: int, label: str = "dockets") -> Iterator[Callable[[int], None]]:
    """Yield ``tick(n)``: advance the bar by n. Without a terminal on stderr it does nothing.

    The bar (and its refresh thread) starts at the first tick, after the worker processes have been
    forked, so no worker is forked from a process with a second thread running.
    """
    if total < QUIET_BELOW or not sys.stderr.isatty():
        yield lambda n: None
        return
    state: dict[str, Any] = {}

    def tick(n: int) -> None:
        if not state:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            bar = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                           console=Console(stderr=True), transient=True)
            state["bar"], state["task"] = bar, bar.add_task(label, total=total)
            bar.start()
        state["bar"].advance(state["task"], n)

    try:
        yield tick
    finally:
        if state:
            state["bar"].stop()
