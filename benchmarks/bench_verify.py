"""Explorer speed over the whole reachable space, measured against a baseline taken in the same run.

Baseline: the explorer as it stood before it was tuned (``qiflow/verify.py`` at ``BASELINE``, read with
``git show`` and run against today's modules): an entry model copied per transition, ``engine.judge``
run in full (cautions too) and again under ``law``, ``Procedure.move`` rebuilt at every lookup,
``apply`` dispatched per call, and ``abstract`` evolving a posture to blank what it leaves out.
Measured: ``qiflow.verify.explore``. Both explore the space ``tests/test_verify.py`` proves (every
safety invariant but ``taken_while_gates_hold``, and no dead ends); the benchmark first checks that
they visit the same situations and transitions and reach the same verdict.

The speed-ups in ``posture.py`` (``evolve``, cached queries) and ``invariants.new_orders`` serve the
baseline too, so the ratio understates the gain over the original code.
Run: ``python benchmarks/bench_verify.py [ROUNDS] [BASELINE]``. Prints seconds per exploration and the ratio.
"""

from __future__ import annotations

import importlib.util
import statistics
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

from qiflow.law.invariants import SAFETY, TAKEN_WHILE_GATES_HOLD
from qiflow.procedure.careful import PROCEDURE
from qiflow.verify.explore import explore

ROOT = Path(__file__).resolve().parent.parent
BASELINE = "46fa6c7"
"""The last commit before the explorer was tuned."""
INVARIANTS = tuple(x for x in SAFETY if x is not TAKEN_WHILE_GATES_HOLD)


def baseline_module(rev: str) -> ModuleType:
    """``qiflow/verify.py`` as it was at ``rev``, loaded as a module of its own."""
    source = subprocess.run(["git", "show", f"{rev}:qiflow/verify.py"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout
    spec = importlib.util.spec_from_loader("qiflow_verify_baseline", loader=None)
    module = sys.modules[spec.name] = importlib.util.module_from_spec(spec)  # dataclasses look it up
    exec(compile(source, f"{rev}:qiflow/verify.py", "exec"), module.__dict__)  # noqa: S102 - our own history
    return module


def _time(fn, rounds: int) -> tuple[float, object]:  # noqa: ANN001 - a callable
    """Median seconds of ``rounds`` calls (one warm-up first), and the last result."""
    result = fn()
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        result = fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), result


def main(rounds: int = 7, rev: str = BASELINE) -> None:
    old = baseline_module(rev)
    base, was = _time(lambda: old.explore(PROCEDURE, INVARIANTS), rounds)
    ours, now = _time(lambda: explore(PROCEDURE, INVARIANTS), rounds)
    same = (was.situations, was.transitions, was.violation) == (now.situations, now.transitions, now.violation)
    print(f"{now.situations} situations, {now.transitions} transitions, median of {rounds} rounds")
    print(f"baseline  explorer at {rev:<10}  : {base:7.3f} s")
    print(f"qiflow    explorer                : {ours:7.3f} s  ({ours / now.transitions * 1e6:.1f} us/transition)")
    print(f"ratio     baseline / qiflow       : {base / ours:7.2f}x")
    if not same:
        print(f"MISMATCH: baseline found {was.situations} situations, {was.transitions} transitions, "
              f"violation {was.violation}")
        sys.exit(1)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7, sys.argv[2] if len(sys.argv) > 2 else BASELINE)
