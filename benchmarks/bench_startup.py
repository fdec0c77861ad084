"""Start-up: ``qiflow --help`` against bare Python (``python -c pass``), measured in the same run.

Run: ``python benchmarks/bench_startup.py [ROUNDS]`` (default 20). Prints the median of each, the
difference, and which qiflow modules ``--help`` loads.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time


def _median(args: list[str], rounds: int) -> float:
    samples = []
    for _ in range(rounds + 1):
        start = time.perf_counter()
        subprocess.run(args, capture_output=True, check=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples[1:])


def main(rounds: int = 20) -> None:
    bare = _median([sys.executable, "-c", "pass"], rounds)
    help_ = _median([sys.executable, "-m", "qiflow", "--help"], rounds)
    run_ = _median([sys.executable, "-m", "qiflow", "run", "--help"], rounds)
    print(f"bare python -c pass     : {bare * 1e3:6.1f} ms (median of {rounds})")
    print(f"python -m qiflow --help : {help_ * 1e3:6.1f} ms  (+{(help_ - bare) * 1e3:.1f} ms)")
    print(f"python -m qiflow run -h : {run_ * 1e3:6.1f} ms  (+{(run_ - bare) * 1e3:.1f} ms)")
    code = ("import sys, contextlib\nfrom qiflow.cli import main\n"
            "with contextlib.suppress(SystemExit): main(['--help'])\n"
            "print(' '.join(sorted(m for m in sys.modules if m.startswith('qiflow'))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    print("qiflow modules --help loads:", done.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
