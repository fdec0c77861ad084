"""Engine speed on parsed dockets, each figure a ratio to a baseline measured in the same run.

1. Against the law itself (issue 14). Baseline: the independent oracle (``tests/support/oracle.py``, a
   plain-Python reading of LAW.md s.11 that shares no code with qiflow) judging the same dockets.
   Measured: ``qiflow.verdict`` (what a corpus needs) and ``qiflow.audit`` (the whole report). Goals:
   verdict at least 0.5x the oracle's speed, audit at least 0.2x. Checked first: the two agree.
2. Against the first release (issue 8). Baseline: the release before the reorganisation
   (``baseline.RELEASE``), exported from history and timed in its own process, judging the case library
   under the law it knew (version 1): the fold of its engine's step alone, and its whole ``audit``.
   Measured: the same for today's code on the same files, under the same law (the ``v1`` variant of the
   procedure) and under the law as written (v2). Today's report says more than the release's (where
   each official stands after every entry, dated cites), so the audit row compares unequal work.

Dockets: the scenario library and 500 generated ones (``qiflow generate``, seed 1). Each time is the
best of ``ROUNDS`` (the machine is shared; the fastest round is the least disturbed).
Run: ``python benchmarks/bench_engine.py [ROUNDS] [law]`` (``law``: the first part only).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import inspect
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import baseline
import yaml

from qiflow.corpus.generate import generate
from qiflow.engine.expect import scenario_files
from qiflow.engine.run import audit
from qiflow.engine.step import Docket
from qiflow.engine.verdict import verdict
from qiflow.files.load import load
from qiflow.procedure.careful import PROCEDURE, VARIANTS
from qiflow.procedure.model import Procedure
from qiflow.scenario import Scenario

ROOT = baseline.ROOT


def load_oracle() -> ModuleType:
    """The test suite's independent oracle, loaded from its file (it imports nothing of qiflow's)."""
    spec = importlib.util.spec_from_file_location("oracle", ROOT / "tests" / "support" / "oracle.py")
    assert spec is not None and spec.loader is not None
    module = sys.modules["oracle"] = importlib.util.module_from_spec(spec)  # dataclasses look it up
    spec.loader.exec_module(module)
    return module


_RELEASE = """
import datetime as dt, json, pathlib, sys, time
rounds = int(sys.argv[1])
scenarios = []
for name in sys.argv[2:]:
    try:
        scenarios.append((name, load(pathlib.Path(name))))
    except Exception:
        pass
def judging():
    for _, s in scenarios:
        case = Case(s.parties, s.law_as_of or dt.date.today(), s.mode == "strict")
        for entry in s.docket:
            case.step(entry)
        getattr(case, "close", lambda: None)()
def reports():
    for _, s in scenarios:
        audit(s)
print(json.dumps({"files": [n for n, _ in scenarios], "judging": best(judging, rounds),
                  "audit": best(reports, rounds)}))
"""


def best(fn: Callable[[], object], rounds: int) -> float:
    """The fastest of ``rounds`` calls, in seconds (one warm-up first)."""
    fn()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def interleaved(fns: list[Callable[[], object]], rounds: int) -> list[float]:
    """The fastest of ``rounds`` calls of each, in seconds, the calls taken in turn round after round (one
    warm-up each first), so a burst of other work on the machine weighs on every side alike."""
    for fn in fns:
        fn()
    times = [float("inf")] * len(fns)
    for _ in range(rounds):
        for i, fn in enumerate(fns):
            start = time.perf_counter()
            fn()
            times[i] = min(times[i], time.perf_counter() - start)
    return times


def against_the_law(rounds: int) -> None:
    judge = load_oracle().judge
    files = scenario_files([ROOT / "scenarios"])
    raw = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in files] + generate(500, 1)
    parsed = [Scenario.model_validate(r) for r in raw]
    entries = sum(len(s.docket) for s in parsed)
    for r, s in zip(raw, parsed, strict=True):
        v, o = verdict(s), judge(r)
        if v.codes != o.all_codes or v.discovery_authorized != o.discovery_authorized:
            sys.exit(f"MISMATCH on {s.title}: qiflow {v.codes} vs oracle {o.all_codes}")
    oracle, fast, full = interleaved([lambda: [judge(r) for r in raw], lambda: [verdict(s) for s in parsed],
                                      lambda: [audit(s) for s in parsed]], rounds)
    n = len(parsed)
    print(f"1. against the law itself: {n} parsed dockets ({entries} entries, {entries / n:.1f} a docket), "
          f"best of {rounds} rounds (the three timed in turn each round); the oracle and qiflow agree on every one")
    print(f"   baseline  oracle (plain-Python s.11) : {oracle / n * 1e6:8.1f} us/docket")
    print(f"   qiflow    verdict                    : {fast / n * 1e6:8.1f} us/docket   {oracle / fast:5.2f}x the "
          "oracle's speed (goal 0.5x)")
    print(f"   qiflow    audit (the whole report)   : {full / n * 1e6:8.1f} us/docket   {oracle / full:5.2f}x the "
          "oracle's speed (goal 0.2x)")


def against_the_release(rounds: int) -> None:
    files = [str(p) for p in scenario_files([ROOT / "scenarios"])]
    timer = "from collections.abc import Callable\n" + inspect.getsource(best)  # one timer for every side
    old = baseline.run(baseline.export(baseline.RELEASE), timer + _RELEASE, str(rounds), *files)
    reorganised = baseline.run(baseline.export(baseline.REORGANISED), timer + _RELEASE, str(rounds), *old["files"])
    read = [load(Path(p)) for p in old["files"]]
    v1 = VARIANTS["v1"]

    def judging(procedure: Procedure) -> None:
        for s in read:
            case = Docket(s.parties, s.law_as_of or dt.date.today(), s.mode == "strict", procedure)
            for entry in s.docket:
                case.step(entry)

    n = len(read)
    columns = [
        (f"reorganised {baseline.REORGANISED}, v1", reorganised["judging"], reorganised["audit"]),
        ("today, v1 (same law)", best(lambda: judging(v1), rounds), best(lambda: [audit(s, procedure=v1) for s in read], rounds)),
        ("today, v2 (as written)", best(lambda: judging(PROCEDURE), rounds), best(lambda: [audit(s) for s in read], rounds)),
    ]
    print(f"2. against the first release ({baseline.RELEASE}, law v1): the {n} library files it can read, best of "
          f"{rounds}; ms a docket, and the release's time / this one's")
    print(f"   {'':32s} {'release':>8s}" + "".join(f" {name:>26s}" for name, _, _ in columns))
    for row, key in (("judging (the fold of the step)", 1), ("audit (judging and the report)", 2)):
        was = old["judging" if key == 1 else "audit"]
        cells = "".join(f" {c[key] / n * 1e3:19.3f} {was / c[key]:5.2f}x" for c in columns)
        print(f"   {row:32s} {was / n * 1e3:8.3f}{cells}")
    print("   (the release and the reorganised commit are exported from history and timed in child processes;")
    print("   today's report says more than theirs: each official's standing after every entry, dated cites)")


if __name__ == "__main__":
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    against_the_law(rounds)
    if sys.argv[2:] != ["law"]:
        against_the_release(rounds)
