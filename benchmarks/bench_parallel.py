"""``-j 2`` against ``-j 1``: the same corpus, the same command, wall time, ratio (the baseline is -j 1).

Run: ``python benchmarks/bench_parallel.py [COUNT] [FORMAT]`` (default 10,000 generated dockets as YAML
files; FORMAT yaml or jsonl). Prints each run's wall time, the ratio, and the load average before the runs
(other work on the machine lowers the ratio: a ratio needs two idle cores).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QIFLOW = [sys.executable, "-m", "qiflow"]
ROUNDS = 5
"""Runs of each, interleaved; the fastest of each is kept (the least disturbed)."""


def _run(args: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, the command and its worker processes)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(QIFLOW + args, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert done.returncode in (0, 1), done.stderr
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _wall(args: list[str]) -> float:
    return _run(args)[0]


def main(count: int = 4000, fmt: str = "yaml") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        target = str(Path(tmp) / ("dockets" if fmt == "yaml" else "dockets.jsonl"))
        subprocess.run(QIFLOW + ["generate", "--count", str(count), "--seed", "2", "-o", target], check=True,
                       capture_output=True)
        _wall(["run", target, "--summary-only", "-j", "1"])  # warm the page cache
        print(f"{count:,} generated dockets ({fmt}); cores available: {len(os.sched_getaffinity(0))}; "
              f"load average before: {os.getloadavg()[0]:.2f}")
        runs: dict[str, list[tuple[float, float]]] = {"1": [], "2": []}
        for _ in range(ROUNDS):  # interleaved, so a burst of other work on the machine weighs on both alike
            for jobs, got in runs.items():
                got.append(_run(["run", target, "--summary-only", "-j", jobs]))
        (one, cpu1), (two, cpu2) = min(runs["1"]), min(runs["2"])
        print(f"  qiflow run {fmt} --summary-only -j 1: {one:6.2f} s wall, {cpu1:6.2f} s CPU ({count / one:,.0f} "
              "dockets/s)")
        print(f"  qiflow run {fmt} --summary-only -j 2: {two:6.2f} s wall, {cpu2:6.2f} s CPU ({count / two:,.0f} "
              "dockets/s)")
        print(f"  speed-up -j 2 / -j 1: {one / two:.2f}x wall (best of {ROUNDS} each, interleaved); CPU cost of running on 2 "
              f"processes: {cpu2 / cpu1:.2f}x, so on two idle cores at most {2 * cpu1 / cpu2:.2f}x")
        print(f"  share of a core each run got: -j 1 {cpu1 / one:.2f}, -j 2 {cpu2 / two:.2f} (of 1 and 2)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000, sys.argv[2] if len(sys.argv) > 2 else "yaml")
