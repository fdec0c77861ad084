"""The accuracy goals, as floors that fail when the classifier or the linker gets worse: on the dev part, on the
held-out part, and on the real QI-dispute entries; and the labelled set itself (real, sourced, QI truth only where the
text or a court says it). The figures are in benchmarks/bench_import.py's report."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_import.py"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_import", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench():
    return _bench()


@pytest.fixture(scope="module")
def scored(bench):
    rows = bench.load()
    qi = {"qi": [r for r in rows if r["id"].startswith("qi-")]}
    return bench.results(rows), bench.results(rows, subsets=qi)


def _rate(scores: dict, key: str) -> float:
    n, d = scores[key]
    assert d > 0, f"{key}: nothing to measure"
    return n / d


def test_dev_set_is_real_and_sourced(bench) -> None:
    rows = bench.load()
    assert len(rows) >= 450
    assert len({r["id"] for r in rows}) == len(rows)
    assert all(r["source"] and r["text"] and r["gold"]["kinds"] for r in rows)
    assert {r["part"] for r in rows} == {"dev", "heldout"}
    qi = [r for r in rows if r["id"].startswith("qi-")]
    assert len(qi) >= 90
    assert {r["origin"] for r in qi} == {"docket", "title", "link"}
    assert all(r["source"].startswith("http") for r in qi)
    # asserts_qi true only where the entry's own text says "qualified immunity"
    assert all("qualified immunity" in r["text"].lower() for r in qi if r["gold"].get("asserts_qi") is True)


def test_goals_hold_on_dev_and_held_out(scored) -> None:
    res, _ = scored
    for part in [k for k in res if not k.startswith("naive")]:
        scores = res[part]
        assert _rate(scores, "kind (clear)") >= 0.95, part
        assert _rate(scores, "kind (overall)") >= 0.90, part
        assert _rate(scores, "ruling outcome") >= 0.90, part
        assert _rate(scores, "motion links") >= 0.90, part


def test_asserts_qi_precision_on_real_qi_entries(scored) -> None:
    _, qi = scored
    scores = qi[next(k for k in qi if not k.startswith("naive"))]
    n, d = scores["asserts_qi precision"]
    assert d >= 6  # enough predictions for the floor to mean something
    assert n / d >= 0.95
    assert _rate(scores, "asserts_qi recall (text says)") >= 0.9  # what the text says, it reads
    naive = qi[next(k for k in qi if k.startswith("naive"))]
    assert _rate(naive, "asserts_qi precision") < n / d  # the keyword table guesses; the classifier does not


def test_classifier_beats_the_keyword_baseline(scored) -> None:
    res, _ = scored
    for part in [k for k in res if not k.startswith("naive")]:
        name = part.rsplit(" (", 1)[0]
        assert _rate(res[part], "kind (overall)") >= 1.5 * _rate(res[f"naive, {name}"], "kind (overall)"), part
