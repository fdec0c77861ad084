"""Map ``judge`` over a corpus on N processes, in chunks, results in input order, memory bounded.

No scheduler: a ``concurrent.futures.ProcessPoolExecutor`` with a bounded window of chunks in flight.
A run that needs only the summary has each chunk summed where it was judged (``summarize_all``), so the
parent merges one small Summary a chunk instead of unpacking and adding every docket's Outcome.
"""

from __future__ import annotations

import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TypeVar

from qiflow.corpus.judge import Options, Outcome, judge_chunk
from qiflow.corpus.summary import Summary
from qiflow.files.discover import Item

CHUNK = 50
"""Dockets per task at least: enough that a task's overhead is small."""
TASKS_PER_WORKER = 16
"""Tasks each worker gets, when the corpus is large enough: few enough that the parent, woken by every task
sent and every result, seldom takes a core from a worker (on 10,000 JSON Lines records on two cores, chunks
of 400 ran in 0.86x the time of chunks of 50), and enough that the last task leaves little for one worker
alone (about a thirty-second of the run)."""


def chunk_for(count: int, jobs: int) -> int:
    """Dockets per task for ``count`` dockets on ``jobs`` processes."""
    return max(CHUNK, -(-count // (jobs * TASKS_PER_WORKER)))


_R = TypeVar("_R")


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def summarize_chunk(chunk: list[Item], options: Options) -> Summary:
    """The Summary of one chunk (one task for a worker process)."""
    summary = Summary()
    for outcome in judge_chunk(chunk, options):
        summary.add(outcome)
    return summary


def _map(task: Callable[[list[Item], Options], _R], items: Iterable[Item], options: Options, jobs: int,
         done: Callable[[int], None] | None, chunk: int) -> Iterator[_R]:
    """``task`` of each chunk, in input order, on ``jobs`` processes; ``done(n)`` as each n more items finish."""
    if jobs <= 1:
        for part in _chunks(items, chunk):
            yield task(part, options)
            if done:
                done(len(part))
        return
    _preload(options)
    window: deque[tuple[int, Future[_R]]] = deque()
    with ProcessPoolExecutor(max_workers=jobs, initializer=_parent_handles_interrupts) as pool:
        try:
            for part in _chunks(items, chunk):
                window.append((len(part), pool.submit(task, part, options)))
                if len(window) >= jobs * 4:
                    yield _collect(*window.popleft(), done)
            while window:
                yield _collect(*window.popleft(), done)
        except BaseException:  # an interrupt, say: drop the chunks not started; the workers finish theirs and stop
            pool.shutdown(cancel_futures=True)
            raise


def judge_all(items: Iterable[Item], options: Options | None = None, *, jobs: int = 1,
              done: Callable[[int], None] | None = None, chunk: int = CHUNK) -> Iterator[Outcome]:
    """Every item's Outcome, in input order; ``done(n)`` is called as each n more are finished."""
    for outcomes in _map(judge_chunk, items, options or Options(), jobs, done, chunk):
        yield from outcomes


def summarize_all(items: Iterable[Item], options: Options | None = None, *, jobs: int = 1,
                  done: Callable[[int], None] | None = None, chunk: int = CHUNK) -> Summary:
    """The corpus Summary (what ``Summary.add`` of every Outcome gives), each chunk summed where it is judged."""
    summary = Summary(jobs=jobs)
    for part in _map(summarize_chunk, items, options or Options(), jobs, done, chunk):
        summary.merge(part)
    return summary


def _parent_handles_interrupts() -> None:
    """In a worker: ignore Ctrl-C, which the terminal sends the whole process group. The parent alone stops the
    run, and a worker interrupted mid-task can never leave the pool's queues half-used for the parent to wait on."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _preload(options: Options) -> None:
    """Import the engine before the workers fork, so each inherits it instead of importing it again."""
    import qiflow.engine.verdict

    if options.check:
        import qiflow.engine.expect  # noqa: F401


def _collect(size: int, future: Future[_R], done: Callable[[int], None] | None) -> _R:
    out = future.result()
    if done:
        done(size)
    return out
