"""Fuzz the loader and the CLI: every input ends in a Scenario or a located ScenarioError (exit 2 on the
command line), never a traceback, a hang or unbounded memory.

Example counts: the default (ci) profile tries 100 examples per test and 20 corpora through the CLI (620 in
all); ``HYPOTHESIS_PROFILE=long`` tries 2,000 per test and 80 corpora (12,080).
"""

from __future__ import annotations

import json
import string
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qiflow.cli import main
from qiflow.files.load import ScenarioError, load, parse, parse_json
from qiflow.scenario import EVENT_KINDS, Scenario
from tests.conftest import SCENARIOS

FIELDS = ["qiflow", "title", "court", "mode", "law_as_of", "parties", "docket", "expect", "id", "name", "role",
          "kind", "capacity", "event", "by", "asserts_qi", "entry_number", "date_filed", "motion", "outcome",
          "against", "requests", "authorized", "fact_questions", "pleadings_overcome_qi", "scope", "from",
          "appeal", "defendants", "violations", "to", "confer_by", "report_by", "agreed", "disputed"]
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True), st.text(max_size=30), st.sampled_from(EVENT_KINDS), st.sampled_from(FIELDS),
    st.dates().map(str), st.sampled_from(["2023-02-30", "0000-01-01", "9999-99-99", "1e400", "[/]", "[bold"]),
)
keys = st.one_of(st.sampled_from(FIELDS), st.text(max_size=10))
trees = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=5),
                                                       st.dictionaries(keys, inner, max_size=6)), max_leaves=40)

LIBRARY = sorted(SCENARIOS.rglob("*.yaml"))


def _ok_or_located(fn: Any, *args: Any) -> None:
    try:
        assert isinstance(fn(*args), Scenario)
    except ScenarioError as error:
        assert error.file and error.field and error.expected
        assert len(str(error)) < 2_000


def _mutate(data: Any, path: list[int], value: Any) -> Any:
    """``data`` with the value at ``path`` (each step an index into a list or a mapping's keys) replaced."""
    if not path or not isinstance(data, (dict, list)) or not data:
        return value
    copy = dict(data) if isinstance(data, dict) else list(data)
    key = list(copy)[path[0] % len(copy)] if isinstance(copy, dict) else path[0] % len(copy)
    copy[key] = _mutate(copy[key], path[1:], value)  # type: ignore[index]
    return copy


@given(trees)
def test_any_structure_as_yaml_or_json(tree: Any) -> None:
    _ok_or_located(parse, yaml.safe_dump(tree, allow_unicode=True), "fuzz.yaml")
    _ok_or_located(parse_json, json.dumps(tree, default=str), "fuzz.jsonl", 3)


@given(st.sampled_from(LIBRARY), st.lists(st.integers(0, 40), max_size=5),
       st.one_of(trees, st.just(None)))
def test_library_scenario_with_one_value_wrong(file: Path, where: list[int], value: Any) -> None:
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    bent = _mutate(data, where, value)
    _ok_or_located(parse, yaml.safe_dump(bent, allow_unicode=True), str(file))
    _ok_or_located(parse_json, json.dumps(bent, default=str), str(file))


@given(st.sampled_from(LIBRARY), st.integers(0, 20_000), st.binary(max_size=20))
def test_library_scenario_with_bytes_spliced_in(file: Path, at: int, junk: bytes) -> None:
    raw = file.read_bytes()
    at %= len(raw)
    _bytes_ok(raw[:at] + junk + raw[at:])


@given(st.binary(max_size=300))
def test_any_bytes(raw: bytes) -> None:
    _bytes_ok(raw)


@given(st.text(alphabet=string.printable + "&*!|>-:[]{}#'\"\t\x01\x7f\ufeff", max_size=200))
def test_any_yaml_text(text: str) -> None:
    _ok_or_located(parse, text, "fuzz.yaml")


HOSTILE = [
    ("x: &a [1, 1, 1, 1, 1, 1, 1, 1]\ny: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nz: &c [*b, *b, *b, *b, *b, *b, *b, *b]\n"
     "w: &d [*c, *c, *c, *c, *c, *c, *c, *c]\nv: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"),
    "deep: " + "[" * 3000 + "]" * 3000 + "\n", "deep: " + "{a: " * 50 + "1" + "}" * 50 + "\n",
    "title: dup\n", "bad: !!python/object/apply:os.system [true]\n", "---\nqiflow: 1\n",
    "law_as_of: 2023-02-30\n", "law_as_of: 0000-00-00\n", "case_number: " + "7" * 4300 + "\n",
    "note: " + "n" * 300_000 + "\n", "note: \"\\x01\\ud800\"\n", "\x00\n", "\t- tab\n", "note: '[/] [bold'\n",
    "law_as_of: 99999-01-01\n", "mode: 1e999\n", "<<: {title: merged}\n", "parties: !!set {a, b}\n",
]


@given(st.sampled_from(LIBRARY), st.sampled_from(HOSTILE), st.integers(0, 200),
       st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1"]))
def test_library_scenario_with_a_hostile_fragment(file: Path, fragment: str, at: int, encoding: str) -> None:
    lines = file.read_text(encoding="utf-8").splitlines(keepends=True)
    at %= len(lines) + 1
    while at < len(lines) and lines[at].startswith((" ", "-")):  # insert at the top level
        at += 1
    text = "".join(lines[:at]) + fragment + "".join(lines[at:])
    _bytes_ok(text.encode(encoding, errors="replace"))


def _bytes_ok(raw: bytes) -> None:
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".yaml", delete=False) as handle:
        handle.write(raw)
    try:
        _ok_or_located(load, handle.name)
    finally:
        Path(handle.name).unlink()


@settings(max_examples=max(20, settings.default.max_examples // 25), suppress_health_check=list(HealthCheck))
@given(st.lists(st.one_of(trees.map(lambda t: yaml.safe_dump(t)), st.sampled_from(
    [x.read_text(encoding="utf-8") for x in LIBRARY[:5]])), min_size=1, max_size=4), st.booleans())
def test_cli_run_and_check_on_a_fuzzed_corpus(texts: list[str], as_jsonl: bool) -> None:
    import tempfile

    runner = CliRunner()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "c")
        folder.mkdir()
        if as_jsonl:
            lines = []
            for text in texts:
                try:
                    lines.append(json.dumps(yaml.safe_load(text), default=str))
                except yaml.YAMLError:
                    lines.append(text.replace("\n", " "))
            (folder / "all.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        else:
            for i, text in enumerate(texts):
                (folder / f"{i}.yaml").write_text(text, encoding="utf-8")
        for args in (["run", str(folder)], ["run", str(folder), "--format", "jsonl"], ["check", str(folder)],
                     ["summary", str(folder)]):
            done = runner.invoke(main, args)
            assert done.exception is None or isinstance(done.exception, SystemExit), done.output
            assert done.exit_code in (0, 1, 2)
            assert "Traceback" not in done.output
