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
default on this machine). The rows are timed in turn, round after round, each keeping its fastest.
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
    """Each round runs every row once, in turn (the release's and the reorganised commit's in child processes
    that keep the faster of two runs, so that every row is timed warm), and each row keeps its fastest round:
    a burst of other work then weighs on every row alike, not only on the one running at the time."""
    folders = {"release": baseline.export(baseline.RELEASE), "reorganised": baseline.export(baseline.REORGANISED)}
    v1_law = VARIANTS["v1"]
    v1_keeps = kept(v1_law)
    ours = {"v1": lambda: explore(v1_law, v1_keeps), "v2": lambda: explore(PROCEDURE),
            "j2": lambda: explore(PROCEDURE, jobs=2)}
    ours["v2"]()  # warm, as the children are
    times: dict[str, list[float]] = {name: [] for name in (*folders, *ours)}
    sizes: dict[str, tuple[int, int, str | None]] = {}
    for _ in range(rounds):
        for name, folder in folders.items():
            got = baseline.run(folder, _RELEASE, "2")
            times[name].append(got["seconds"])
            sizes[name] = (got["situations"], got["transitions"], got["violation"])
        for name, fn in ours.items():
            took, found = best(fn, 1)
            times[name].append(took)
            sizes[name] = (found.situations, found.transitions, found.violation)
    left_out = ", ".join(x.name for x in SAFETY if x not in v1_keeps)
    print(f"the whole space, best of {rounds} rounds (each row once a round, in turn); per transition, and the "
          f"release's time / today's (today's v1 run leaves out {left_out})")
    print(f"  {'':40s} {'situations':>10s} {'transitions':>11s} {'seconds':>8s} {'us/trans.':>9s}  verdict")
    labels = {"release": f"release {baseline.RELEASE}, law v1", "reorganised": f"reorganised {baseline.REORGANISED}, law v1",
              "v1": "today, law v1 (same law)", "v2": "today, law v2 (as written)",
              "j2": "today, law v2, -j 2 (eras in parallel)"}
    base = min(times["release"])
    per_base = base / sizes["release"][1]
    for name, label in labels.items():
        situations, transitions, violation = sizes[name]
        seconds = min(times[name])
        per = seconds / transitions
        ratio = "" if name == "release" else f"  {per_base / per:5.2f}x per transition, {base / seconds:5.2f}x whole"
        print(f"  {label:40s} {situations:10d} {transitions:11d} {seconds:8.3f} {per * 1e6:9.1f}  "
              f"{violation or 'holds'}{ratio}")

if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
