"""Corpus runs: many inputs, N processes, one summary, stable order, the exit-code contract; and the
generator's labels, held to the engine (it must find exactly the injected codes)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

from qiflow.corpus.generate import SHAPES, V1_DIFFERS, generate
from qiflow.corpus.judge import Options, judge
from qiflow.corpus.pool import CHUNK, TASKS_PER_WORKER, chunk_for, judge_all, summarize_all
from qiflow.corpus.summary import Summary
from qiflow.engine.expect import mismatches
from qiflow.engine.run import audit
from qiflow.files.discover import Item, items
from qiflow.scenario import Scenario
from tests.conftest import ROOT, SCENARIOS


def qiflow(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "qiflow", *args], capture_output=True, text=True, cwd=ROOT, check=False,
                          timeout=300)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    done = qiflow("generate", "--count", "120", "--seed", "7", "-o", str(folder / "gen.jsonl"))
    assert done.returncode == 0, done.stderr
    return folder / "gen.jsonl"


def test_generated_dockets_raise_exactly_the_injected_codes() -> None:
    """Codes (the whole docket's and each entry's) and appealability: exactly as labelled, for every shape."""
    shapes: Counter[str] = Counter()
    v1_only: list[str] = []
    for data in generate(400, seed=11):
        scenario = Scenario.model_validate(data)
        shape = data["sources"][0].rsplit(" ", 1)[1]
        shapes[shape] += 1
        problems = [str(p) for p in mismatches(scenario, audit(scenario))]
        if shape in V1_DIFFERS and problems == ["expect.discovery_authorized: expected False, got True"]:
            v1_only.append(shape)  # the engine still reads s.11 version 1 here (see generate.V1_DIFFERS)
            continue
        assert not problems, (data["note"], problems)
    assert set(shapes) == set(SHAPES)
    if v1_only:
        pytest.xfail(f"engine on s.11 v1: discovery_authorized true for {sorted(set(v1_only))} ({len(v1_only)} "
                     "dockets); v2 says false")


def test_generate_is_deterministic_and_valid() -> None:
    assert generate(30, seed=3) == generate(30, seed=3)
    assert generate(30, seed=3) != generate(30, seed=4)


def test_inputs_in_a_stable_order(tmp_path: Path) -> None:
    for name in ("b.yaml", "a/z.yml", "a/y.json", "c.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("{}")
    (tmp_path / "r.jsonl").write_text("{}\n\n{}\n")
    names = [i.name for i in items([str(tmp_path)])]
    assert names == [str(tmp_path / x) for x in ("a/y.json", "a/z.yml", "b.yaml")] + [
        f"{tmp_path / 'r.jsonl'}:1", f"{tmp_path / 'r.jsonl'}:3"]
    assert [i.name for i in items([str(tmp_path / "*.yaml")])] == [str(tmp_path / "b.yaml")]
    assert [i.name for i in items([str(tmp_path / "nothing-*.yaml")])] == [str(tmp_path / "nothing-*.yaml")]


def test_two_processes_give_what_one_gives(corpus: Path) -> None:
    work = list(items([str(corpus)]))
    one = [(o.name, o.codes, o.error) for o in judge_all(work, jobs=1)]
    two = [(o.name, o.codes, o.error) for o in judge_all(work, jobs=2, chunk=7)]
    assert one == two and len(one) == 120


def test_a_summary_summed_where_judged_is_the_sum_of_the_outcomes(corpus: Path, tmp_path: Path) -> None:
    """``summarize_all`` (each chunk summed in its worker, then merged) gives what adding every Outcome gives,
    input errors included and in input order, on one process or two."""
    lines = corpus.read_text().splitlines()
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text("\n".join(lines[:40] + ["{not json", ""] + lines[40:80] + ['{"qiflow": 2}'] + lines[80:]) + "\n")
    work = list(items([str(mixed)]))
    added = Summary()
    for outcome in judge_all(work):
        added.add(outcome)

    def sums(summary: Summary) -> dict[str, object]:
        return {k: v for k, v in summary.as_dict().items() if k != "seconds"}

    assert len(added.input_errors) == 2 and added.input_errors[0].startswith(f"{mixed}:41:")
    for jobs, chunk in ((1, 50), (2, 7), (2, 50)):
        assert sums(summarize_all(work, jobs=jobs, chunk=chunk)) == sums(added)


def test_a_large_corpus_is_sent_in_few_large_chunks() -> None:
    """Each worker gets about TASKS_PER_WORKER tasks, never of fewer than CHUNK dockets."""
    assert chunk_for(120, 2) == CHUNK
    assert chunk_for(10_000, 2) * 2 * TASKS_PER_WORKER >= 10_000 > (chunk_for(10_000, 2) - 1) * 2 * TASKS_PER_WORKER


def test_a_record_is_read_by_its_span_where_it_is_judged(tmp_path: Path) -> None:
    """A JSON Lines record is found by its span (Windows line ends, blank lines and all); a record that is gone
    when its worker reads it is a located bad input, not a crash."""
    scenario = yaml.safe_load((SCENARIOS / "rules" / "careful-procedure-followed.yaml").read_text())
    record = json.dumps(scenario, default=str).encode()
    path = tmp_path / "r.jsonl"
    path.write_bytes(b"\r\n" + record + b"\r\n\n" + record + b"\n")
    work = list(items([str(path)]))
    assert [(i.line, i.text) for i in work] == [(2, None), (4, None)]
    assert [o.error for o in judge_all(work)] == [None, None]
    assert judge(work[1]).codes == judge(Item(str(path), 4, record)).codes
    path.write_bytes(record + b"\n")
    assert judge(work[1]).error == f"{path}:4: (file): a JSON Lines file that does not change while it is read " \
        "(this record is gone)"


def test_run_on_a_corpus_summarises_and_exits_by_contract(corpus: Path, tmp_path: Path) -> None:
    done = qiflow("run", str(corpus), "-j", "2")
    assert done.returncode == 1  # violations, no bad input
    assert "Dockets read: 120 (120 valid, 0 input errors)" in done.stdout and "By era" in done.stdout
    bad = tmp_path / "bad.jsonl"
    bad.write_text(corpus.read_text().splitlines()[0] + "\n{not json\n")
    done = qiflow("run", str(corpus), str(bad), "--format", "jsonl")
    assert done.returncode == 2
    lines = [json.loads(x) for x in done.stdout.splitlines()]
    expected = f"{bad}:2: (syntax): valid JSON (Expecting property name enclosed in double quotes at column 2)"
    assert len(lines) == 123 and lines[-1]["summary"]["input_errors"] == [expected]
    clean = tmp_path / "clean.yaml"
    clean.write_text((SCENARIOS / "rules" / "careful-procedure-followed.yaml").read_text())
    assert qiflow("run", str(clean), "--summary-only").returncode == 0


def test_summary_writes_a_tidy_table(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "s.csv"
    done = qiflow("summary", str(corpus), "-o", str(out))
    assert done.returncode == 1
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    total = {r["measure"]: int(r["count"]) for r in rows if r["table"] == "total"}
    assert total["dockets"] == 120 and total["input_errors"] == 0
    codes = {r["key"]: int(r["count"]) for r in rows if r["table"] == "code"}
    assert codes and all(c.startswith("QI") for c in codes)
    data = json.loads(qiflow("summary", str(corpus), "--format", "json").stdout)
    assert {k: v["count"] for k, v in data["codes"].items()} == codes
    assert set(data["seconds"]) == {"wall", "reading", "validation", "judging", "jobs"}


def test_check_on_the_library_is_unchanged() -> None:
    done = qiflow("check", str(SCENARIOS))
    assert done.returncode == 0 and done.stdout.splitlines()[-1].endswith("passed, 0 failed")


def test_a_bad_input_is_an_outcome_not_an_exception(tmp_path: Path) -> None:
    outcome = judge(Item(str(tmp_path / "missing.yaml")), Options())
    assert outcome.error == f"{tmp_path / 'missing.yaml'}: (file): no such file"
    outcome = judge(Item("x.jsonl", 4, b'{"qiflow": 2}'), Options())
    assert outcome.error == "x.jsonl:4: qiflow: format version 1, got 2"


def test_the_fast_reader_and_the_line_tracking_reader_agree() -> None:
    from qiflow.files import load as loader

    texts = [p.read_text(encoding="utf-8") for p in sorted(SCENARIOS.rglob("*.yaml"))]
    texts += [yaml.safe_dump(d, sort_keys=False) for d in generate(50, seed=5)]
    texts.append("qiflow: 1\ntitle: &t anchored\nnote: *t\nparties: []\ndocket: []\n")
    for text in texts:
        assert loader.parse(text, "x") == loader._slow(text, "x")


def test_summary_names_each_bad_input_on_stderr(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("qiflow: 1\ntitle: t\n")
    (tmp_path / "good.yaml").write_bytes((SCENARIOS / "rusanowsky-v-city-of-dallas.yaml").read_bytes())
    done = qiflow("summary", str(tmp_path))
    assert done.returncode == 2 and "input_errors,1" in done.stdout.replace("\r", "")
    assert f"bad input: {tmp_path / 'bad.yaml'}" in done.stderr


def test_generate_is_bounded_and_streams_the_same_dockets(tmp_path: Path) -> None:
    from qiflow.cli.generate import MAX_COUNT
    from qiflow.corpus.generate import dockets

    done = qiflow("generate", "--count", str(MAX_COUNT + 1))
    assert done.returncode == 2 and f"{MAX_COUNT}" in done.stderr and "Traceback" not in done.stderr
    assert list(dockets(30, 5)) == generate(30, 5)
