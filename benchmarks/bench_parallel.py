"""``-j 2`` against ``-j 1``: the same corpus, the same command, wall time, ratio (the baseline is -j 1).

Run: ``python benchmarks/bench_parallel.py [COUNT] [FORMAT]`` (default 4,000 generated dockets as YAML
files; FORMAT yaml or jsonl). Prints each run's wall time, the ratio, and the load average before the runs
(other work on the machine lowers the ratio: a ratio needs two idle cores).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QIFLOW = [sys.executable, "-m", "qiflow"]


def _wall(args: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(QIFLOW + args, capture_output=True, text=True, check=False)
    assert done.returncode in (0, 1), done.stderr
    return time.perf_counter() - start


def main(count: int = 4000, fmt: str = "yaml") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        target = str(Path(tmp) / ("dockets" if fmt == "yaml" else "dockets.jsonl"))
        subprocess.run(QIFLOW + ["generate", "--count", str(count), "--seed", "2", "-o", target], check=True,
                       capture_output=True)
        _wall(["run", target, "--summary-only", "-j", "1"])  # warm the page cache
        print(f"{count:,} generated dockets ({fmt}); cores available: {len(os.sched_getaffinity(0))}; "
              f"load average before: {os.getloadavg()[0]:.2f}")
        one = min(_wall(["run", target, "--summary-only", "-j", "1"]) for _ in range(2))
        two = min(_wall(["run", target, "--summary-only", "-j", "2"]) for _ in range(2))
        print(f"  qiflow run {fmt} --summary-only -j 1: {one:6.2f} s  ({count / one:,.0f} dockets/s)")
        print(f"  qiflow run {fmt} --summary-only -j 2: {two:6.2f} s  ({count / two:,.0f} dockets/s)")
        print(f"  speed-up -j 2 / -j 1: {one / two:.2f}x (best of 2 each)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 4000, sys.argv[2] if len(sys.argv) > 2 else "yaml")
