"""The exhaustive explorer: the law (v2) against docs/law.md s.9, and the law with each guard removed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from qiflow.cli import main
from qiflow.files.dump import scenario_yaml
from qiflow.files.load import parse
from qiflow.law.eras import Era
from qiflow.procedure.careful import PROCEDURE, VARIANTS
from qiflow.verify.alphabet import LAW_AS_OF
from qiflow.verify.explore import explore


@pytest.fixture(scope="module")
def full() -> object:
    return explore()


def test_the_law_keeps_every_invariant_in_every_era_with_no_dead_ends(full) -> None:  # noqa: ANN001
    print(f"{full.situations} situations, {full.transitions} transitions, {full.seconds:.2f} s")
    assert full.violation is None
    assert full.situations > 5_000  # the whole space, not a search cut short
    assert [Era.of(d) for d in LAW_AS_OF] == list(Era)  # one day in each of the three eras


def test_the_eras_searched_in_parallel_give_the_same_space(full) -> None:  # noqa: ANN001
    two = explore(jobs=2)
    assert (two.situations, two.transitions, two.violation) == (full.situations, full.transitions, None)


@pytest.mark.parametrize("guard", ["qi_motion_ruled_first", "pleadings_overcome_qi", "court_divested"])
def test_the_counterexample_does_not_depend_on_the_processes(guard: str) -> None:
    one, two = explore(PROCEDURE.without(guard)), explore(PROCEDURE.without(guard), jobs=2)
    assert two.counterexample == one.counterexample and two.violation == one.violation
    assert (two.situations, two.transitions, two.through_removed) == (one.situations, one.transitions,
                                                                      one.through_removed)


def _run_json(runner: CliRunner, path: Path) -> dict:
    result = runner.invoke(main, ["run", str(path), "--format", "json"])
    return json.loads(result.output)


@pytest.mark.parametrize("guard", [g.name for g in PROCEDURE.blocking_guards], ids=str)
def test_without_each_guard_a_replayable_counterexample_raises_its_code(guard: str, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "counterexample.yaml"
    result = runner.invoke(main, ["verify", "--without", guard, "--counterexample", str(out)])
    assert result.exit_code == 1, result.output
    code = next(g.code.code for g in PROCEDURE.guards if g.name == guard)
    replay = _run_json(runner, out)
    assert code in {v["code"] for v in replay["violations"]}
    assert explore(PROCEDURE.without(guard)).through_removed


def test_version_1_still_shows_its_gap_and_the_counterexample_reads_back() -> None:
    found = explore(VARIANTS["v1"], law=VARIANTS["v1"])
    assert found.violation == "discovery_through_gates" and found.counterexample is not None
    assert parse(scenario_yaml(found.counterexample), "ce.yaml") == found.counterexample


def test_verify_json_reports_the_figures() -> None:
    result = CliRunner().invoke(main, ["verify", "--without", "stay_of_discovery", "--format", "json"])
    data = json.loads(result.output)
    assert result.exit_code == 1 and data["violation"] and data["situations"] > 0 and not data["holds"]


@pytest.mark.parametrize("args", [["--without", "no_such_guard"], ["--without", "conference_by_deadline"],
                                  ["--without", "qi_available"]], ids=["unknown", "caution", "qi001"])
def test_usage_errors_list_the_guards(args: list[str]) -> None:
    result = CliRunner().invoke(main, ["verify", *args])
    assert result.exit_code == 2
    assert "stay_of_discovery" in result.output


def test_list_guards_separates_cautions() -> None:
    result = CliRunner().invoke(main, ["verify", "--list-guards"])
    guards, cautions = result.output.split("Cautions")
    assert result.exit_code == 0
    assert "narrowly_tailored" in guards and "codefendant_discovery" in cautions and "qi_available" in cautions
