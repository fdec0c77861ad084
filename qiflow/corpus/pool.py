"""Map ``judge`` over a corpus on N processes, in chunks, results in input order, memory bounded.

No scheduler: a ``concurrent.futures.ProcessPoolExecutor`` with a bounded window of chunks in flight.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from qiflow.corpus.judge import Options, Outcome, judge, judge_chunk
from qiflow.files.discover import Item

CHUNK = 50
"""Dockets per task: large enough that a task's overhead is small, small enough to balance the load."""


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def judge_all(items: Iterable[Item], options: Options | None = None, *, jobs: int = 1,
              done: Callable[[int], None] | None = None, chunk: int = CHUNK) -> Iterator[Outcome]:
    """Every item's Outcome, in input order; ``done(n)`` is called as each n more are finished."""
    options = options or Options()
    if jobs <= 1:
        for item in items:
            yield judge(item, options)
            if done:
                done(1)
        return
    _preload(options)
    window: deque[Future[list[Outcome]]] = deque()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for part in _chunks(items, chunk):
            window.append(pool.submit(judge_chunk, part, options))
            if len(window) >= jobs * 4:
                yield from _collect(window.popleft(), done)
        while window:
            yield from _collect(window.popleft(), done)


def _preload(options: Options) -> None:
    """Import the engine before the workers fork, so each inherits it instead of importing it again."""
    import qiflow.engine.verdict

    if options.check:
        import qiflow.engine.expect  # noqa: F401


def _collect(future: Future[list[Outcome]], done: Callable[[int], None] | None) -> list[Outcome]:
    out = future.result()
    if done:
        done(len(out))
    return out
