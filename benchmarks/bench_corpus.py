"""Corpus throughput, end to end (files on disk to a corpus summary), against a baseline in the same run.

Baseline: today's build before issue 14, one core: every YAML file read with the line-tracking loader
(pure-Python PyYAML), validated, judged by ``verdict``, summed.
Measured: ``qiflow.corpus`` on one core (libyaml first, the line-tracking loader only to locate an
error), for the same dockets as YAML files, JSON files and one JSON Lines file; the split between
reading (disk, decoding, YAML/JSON), validation and judging; and the library's own scenarios.
Each rate is the fastest of several passes, the formats (or the baseline and qiflow) in turn.
Run: ``python benchmarks/bench_corpus.py [COUNT]`` (default 2,000 generated dockets).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

import yaml

from qiflow.corpus.generate import generate
from qiflow.corpus.pool import judge_all
from qiflow.corpus.summary import Summary
from qiflow.engine.verdict import verdict
from qiflow.files import load as loader
from qiflow.files.discover import items

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 3
"""Passes over the generated dockets in each format, the formats in turn; the fastest pass of each is kept."""
LIBRARY_ROUNDS = 15
"""The library is read this many times, the baseline and qiflow in turn (a round takes a tenth of a second,
short enough for a burst of other work to spoil a few)."""


def _baseline(files: list[Path]) -> float:
    start = time.perf_counter()
    for path in files:
        text = path.read_text(encoding="utf-8")
        data = yaml.load(text, Loader=loader._LineLoader)
        scenario = loader._validate(data, str(path))
        verdict(scenario)
    return time.perf_counter() - start


def _measured(args: list[str]) -> tuple[float, Summary]:
    summary = Summary()
    start = time.perf_counter()
    for outcome in judge_all(list(items(args)), jobs=1):
        summary.add(outcome)
    summary.wall = time.perf_counter() - start
    assert not summary.input_errors, summary.input_errors[:3]
    return summary.wall, summary


def main(count: int = 2000) -> None:
    dockets = generate(count, seed=1)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for kind in ("yaml", "json"):
            (folder / kind).mkdir()
        for i, d in enumerate(dockets):
            (folder / "yaml" / f"{i:06d}.yaml").write_text(yaml.dump(d, Dumper=yaml.CSafeDumper, sort_keys=False))
            (folder / "json" / f"{i:06d}.json").write_text(json.dumps(d, default=str))
        (folder / "all.jsonl").write_text("".join(json.dumps(d, default=str) + "\n" for d in dockets))
        size = sum(p.stat().st_size for p in (folder / "yaml").iterdir()) / count
        files = sorted((folder / "yaml").iterdir())
        _measured([str(folder / "yaml")])  # warm the page cache and the imports
        base = _baseline(files)
        inputs = {"YAML files": folder / "yaml", "JSON files": folder / "json", "JSON Lines": folder / "all.jsonl"}
        runs: dict[str, list[tuple[float, Summary]]] = {label: [] for label in inputs}
        for _ in range(ROUNDS):  # in turn, so a slow spell of the machine weighs on every format alike
            for label, arg in inputs.items():
                runs[label].append(_measured([str(arg)]))
        print(f"{count:,} generated dockets, {size / 1024:.1f} KiB each as YAML; one core; best of {ROUNDS}, in turn")
        print(f"  baseline (line-tracking YAML loader, then verdict): {count / base:8,.0f} dockets/s")
        for label, got in runs.items():
            wall, s = min(got, key=lambda run: run[0])
            reading, validation, judging = s.times
            print(f"  qiflow.corpus, {label:<10}: {count / wall:8,.0f} dockets/s  ({base / wall:4.1f}x baseline)"
                  f"  reading {1e3 * reading / count:.3f} ms, validation {1e3 * validation / count:.3f} ms,"
                  f" judging {1e3 * judging / count:.3f} ms per docket")
    library = [str(p) for p in sorted((ROOT / "scenarios").rglob("*.yaml"))]
    rounds = [(_baseline([Path(p) for p in library]), _measured(library)[0]) for _ in range(LIBRARY_ROUNDS)]
    base, wall = min(b for b, _ in rounds), min(w for _, w in rounds)
    print(f"the scenarios/ library ({len(library)} dockets, best of {LIBRARY_ROUNDS}, in turn), one core:")
    print(f"  baseline {len(library) / base:8,.0f} dockets/s; qiflow.corpus {len(library) / wall:8,.0f} dockets/s "
          f"({base / wall:.1f}x)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
