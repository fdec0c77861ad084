"""How the engine grows with one docket's length, each size a ratio to the size before it in the same run.

One docket of 1,000, 10,000 and 100,000 entries: an official asserts QI in the answer, the court orders
a Rule 7(a) reply, denies QI on the record, and the case then runs on its merits for the rest of the
docket in blocks of ten entries the way long dockets do (motions, responses, orders, discovery under a
general order, a new discovery request in each block, a status conference). Measured: ``qiflow.verdict``
(the corpus path: it holds only the current posture) and ``qiflow.audit`` (the whole report, kept for
every entry), the time and the peak memory per entry (``tracemalloc``, in a second run). Goals: ten times
the entries at most eleven times the time; memory per entry flat. ``verdict`` is timed twice: as a library
call, and with the loaded scenario frozen out of the cyclic collector's sight (``gc.freeze``), as the
command line does, since a full collection rescans every object of a loaded 100,000-entry docket.
Run: ``python benchmarks/bench_scaling.py [LARGEST]`` (default 100,000; ``audit`` stops at 10,000 unless
LARGEST is given explicitly, as its report holds every entry's standing).
"""

from __future__ import annotations

import gc
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

from qiflow.engine.run import audit
from qiflow.engine.verdict import verdict
from qiflow.scenario import Scenario

PARTIES = [
    {"id": "p", "name": "A. Plaintiff", "role": "plaintiff"},
    {"id": "o", "name": "Officer B", "role": "defendant", "kind": "official"},
    {"id": "c", "name": "City of C", "role": "defendant", "kind": "municipality"},
]
OPENING: list[dict[str, Any]] = [
    {"event": "complaint", "by": "p"},
    {"event": "answer", "by": "o", "asserts_qi": True},
    {"event": "answer", "by": "c"},
    {"event": "reply_order"},
    {"event": "reply", "by": "p"},
    {"event": "sj_motion", "by": "o", "asserts_qi": True},
    {"event": "qi_ruling", "outcome": "denied", "basis": "law", "defendants": ["o"]},
    {"event": "discovery_order", "outcome": "granted", "scope": "general"},
]


def block(k: int) -> list[dict[str, Any]]:
    """Ten entries of a merits phase; request ``r{k}`` is new in each block."""
    return [
        {"event": "other", "description": "Motion to compel"},
        {"event": "discovery_motion", "by": "p", "requests": [{"id": f"r{k}", "text": f"Request {k}"}]},
        {"event": "response", "by": "o"},
        {"event": "order", "description": "Order on the motion to compel"},
        {"event": "discovery", "by": "p", "against": "o", "requests": [f"r{k}"]},
        {"event": "discovery", "by": "p", "against": "c"},
        {"event": "other", "description": "Notice of deposition"},
        {"event": "other", "description": "Status report"},
        {"event": "order", "description": "Scheduling order"},
        {"event": "other", "description": "Certificate of service"},
    ]


def docket(size: int) -> Scenario:
    entries = list(OPENING)
    k = 0
    while len(entries) < size:
        entries += block(k)
        k += 1
    numbered = [{**e, "entry_number": i} for i, e in enumerate(entries[:size], 1)]
    return Scenario.model_validate({"qiflow": 1, "title": f"{size:,} entries", "law_as_of": "2024-01-02",
                                    "parties": PARTIES, "docket": numbered})


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def peak(fn: Callable[[], object]) -> int:
    tracemalloc.start()
    fn()
    _, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return top


ROUNDS = 7
"""Every size is timed once a round, the sizes in turn, and keeps its fastest round: a slow spell of the
machine then weighs on each size alike, not on whichever was being timed."""


def measure(name: str, fn: Callable[[Scenario], object], sizes: list[int], frozen: bool) -> None:
    """Time and peak memory of ``fn`` on each size, and the time's ratio to the size before."""
    scenarios = {n: docket(n) for n in sizes}
    if frozen:
        gc.freeze()  # as the command line does once a scenario is loaded
    best = dict.fromkeys(sizes, float("inf"))
    for _ in range(ROUNDS):
        for n, scenario in scenarios.items():
            best[n] = min(best[n], timed(lambda: fn(scenario)))  # noqa: B023 - called at once
    before: tuple[float, int] | None = None
    for n, scenario in scenarios.items():
        seconds, memory = best[n], peak(lambda: fn(scenario))  # noqa: B023 - called at once
        ratio = "" if before is None else f"   {seconds / before[0]:5.1f}x the time for {n // before[1]}x the entries"
        print(f"  {name:28s} {n:>8,} entries: {seconds:8.3f} s  {seconds / n * 1e6:6.1f} us/entry  "
              f"peak {memory / 2**20:7.1f} MiB {memory / n:6.0f} B/entry{ratio}")
        before = (seconds, n)
    gc.unfreeze()


MEASURES: dict[str, tuple[Callable[[Scenario], object], bool]] = {
    "verdict": (verdict, False), "verdict, scenario frozen": (verdict, True), "audit, scenario frozen": (audit, True)}


def main(largest: int, audit_largest: int) -> None:
    """Each measure in a process of its own, so none runs in a heap the one before it left fragmented (on a
    100,000-entry docket, a second measure in the same process ran 10-15% slower per entry)."""
    sizes = [n for n in (1_000, 10_000, 100_000) if n <= largest]
    errors = verdict(docket(sizes[0])).errors
    if errors:
        sys.exit(f"the docket is not lawful: {errors}")
    print(f"one docket, by its length: time (best of {ROUNDS} rounds, the sizes in turn), peak memory, and the ratio "
          "to the size before", flush=True)  # before the children's lines
    for name in MEASURES:
        upto = audit_largest if name.startswith("audit") else largest
        subprocess.run([sys.executable, __file__, "--measure", name, str(upto)], check=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        fn, frozen = MEASURES[sys.argv[2]]
        measure(sys.argv[2], fn, [n for n in (1_000, 10_000, 100_000) if n <= int(sys.argv[3])], frozen)
    else:
        given = int(sys.argv[1]) if len(sys.argv) > 1 else None
        main(given or 100_000, given or 10_000)
