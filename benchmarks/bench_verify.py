"""Explorer speed over the whole reachable space, each figure a ratio to a baseline measured in the same run.

Baseline: the first release's explorer (``baseline.RELEASE``, exported from history, run in its own
process) over the whole space of the law it knew, version 1, checking the invariants that law keeps (all
but ``taken_while_gates_hold``, as its tests did); and the same at the end of the reorganisation
(``baseline.REORGANISED``), which explored the same space the same way. Measured: today's explorer over the whole space of the
same law (the ``v1`` variant of ``qiflow verify --law v1``), checking the invariants v1 keeps (found by
leaving out each one it breaks, in turn), and over the law as written (v2, three eras, every invariant).
The two explorers abstract situations differently (today's keeps the per-official posture of v2), so
besides the time of a whole run the table gives the time per transition, the figure that compares the
step itself, and the last row the whole space searched era by era on two processes (``qiflow verify``'s
default on this machine).
Run: ``python benchmarks/bench_verify.py [ROUNDS]``.
"""

from __future__ import annotations

import sys
import time

import baseline

from qiflow.law.invariants import SAFETY, Invariant
from qiflow.procedure.careful import PROCEDURE, VARIANTS
from qiflow.procedure.model import Procedure
from qiflow.verify.explore import Exploration, explore

_RELEASE = """
import json, sys, time
invariants = tuple(x for x in SAFETY if x is not TAKEN_WHILE_GATES_HOLD)  # the space its tests proved
best = None
for _ in range(int(sys.argv[1])):
    start = time.perf_counter()
    found = explore(PROCEDURE, invariants)
    took = time.perf_counter() - start
    best = took if best is None else min(best, took)
print(json.dumps({"seconds": best, "situations": found.situations, "transitions": found.transitions,
                  "violation": found.violation}))
"""


def best(fn: object, rounds: int) -> tuple[float, Exploration]:
    """The fastest of ``rounds`` explorations, and its result."""
    times, found = [], None
    for _ in range(rounds):
        start = time.perf_counter()
        found = fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    assert isinstance(found, Exploration)
    return min(times), found


def kept(procedure: Procedure) -> tuple[Invariant, ...]:
    """The invariants ``procedure`` keeps: every one, less each that a whole exploration finds broken."""
    invariants = SAFETY
    while (broken := explore(procedure, invariants).invariant) is not None and broken in invariants:
        invariants = tuple(x for x in invariants if x is not broken)
    return invariants


def main(rounds: int) -> None:
    old = baseline.run(baseline.export(baseline.RELEASE), _RELEASE, str(rounds))
    reorganised = baseline.run(baseline.export(baseline.REORGANISED), _RELEASE, str(rounds))
    v1_law = VARIANTS["v1"]
    v1_keeps = kept(v1_law)
    v1_time, v1 = best(lambda: explore(v1_law, v1_keeps), rounds)
    v2_time, v2 = best(lambda: explore(PROCEDURE), rounds)
    j2_time, j2 = best(lambda: explore(PROCEDURE, jobs=2), rounds)
    left_out = ", ".join(x.name for x in SAFETY if x not in v1_keeps)
    print(f"the whole space, best of {rounds}; per transition, and the release's time / today's "
          f"(today's v1 run leaves out {left_out})")
    print(f"  {'':40s} {'situations':>10s} {'transitions':>11s} {'seconds':>8s} {'us/trans.':>9s}  verdict")
    rows = [(f"release {baseline.RELEASE}, law v1", old["situations"], old["transitions"], old["seconds"],
             old["violation"]),
            (f"reorganised {baseline.REORGANISED}, law v1", reorganised["situations"], reorganised["transitions"],
             reorganised["seconds"], reorganised["violation"]),
            ("today, law v1 (same law)", v1.situations, v1.transitions, v1_time, v1.violation),
            ("today, law v2 (as written)", v2.situations, v2.transitions, v2_time, v2.violation),
            ("today, law v2, -j 2 (eras in parallel)", j2.situations, j2.transitions, j2_time, j2.violation)]
    per_old = old["seconds"] / old["transitions"]
    for name, situations, transitions, seconds, violation in rows:
        per = seconds / transitions
        ratio = "" if per == per_old else f"  {per_old / per:5.2f}x per transition, {old['seconds'] / seconds:5.2f}x whole"
        print(f"  {name:40s} {situations:10d} {transitions:11d} {seconds:8.3f} {per * 1e6:9.1f}  "
              f"{violation or 'holds'}{ratio}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
