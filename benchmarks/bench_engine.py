"""Engine throughput, measured against a baseline taken in the same run.

Baseline: what the design card warns against, a fresh ``transitions`` Machine built for every docket.
Measured: the shared Machine (``machine.build_machine`` is cached; dockets are added as models).
Run: ``python benchmarks/bench_engine.py [ROUNDS]``. Prints seconds per docket and the ratio.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from qiflow.engine.expect import scenario_files
from qiflow.engine.run import audit
from qiflow.files.load import load
from qiflow.procedure.careful import machine

ROOT = Path(__file__).resolve().parent.parent


def _time(fn, rounds: int) -> float:  # noqa: ANN001 - a callable
    """Median seconds of ``rounds`` calls (one warm-up first)."""
    fn()
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main(rounds: int = 20) -> None:
    files = scenario_files([ROOT / "scenarios"])
    scenarios = [load(p) for p in files]
    entries = sum(len(s.docket) for s in scenarios)

    def shared() -> None:
        for s in scenarios:
            audit(s)

    def fresh_machine_per_docket() -> None:
        for s in scenarios:
            machine.build_machine.cache_clear()
            audit(s)

    def parse() -> None:
        for p in files:
            load(p)

    base = _time(fresh_machine_per_docket, rounds)
    ours = _time(shared, rounds)
    loading = _time(parse, rounds)
    n = len(scenarios)
    print(f"{n} scenarios, {entries} docket entries, median of {rounds} rounds")
    print(f"baseline  fresh Machine per docket : {base / n * 1e3:8.3f} ms/docket")
    print(f"qiflow    shared Machine           : {ours / n * 1e3:8.3f} ms/docket"
          f"  ({ours / entries * 1e6:.1f} us/entry)")
    print(f"ratio     baseline / qiflow        : {base / ours:8.2f}x")
    print(f"loading   parse + validate YAML    : {loading / n * 1e3:8.3f} ms/file")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
