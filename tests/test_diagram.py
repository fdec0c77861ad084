"""Diagrams drawn from PROCEDURE: what the procedure picture, a case path and the committed files must show."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from qiflow.engine.run import audit
from qiflow.files.load import load
from qiflow.law.guards import GATES
from qiflow.procedure.careful import CLUSTERS, PROCEDURE
from qiflow.views.diagram import case_graph, procedure_graph, to_dot, to_mermaid
from qiflow.views.diagram.procedure_view import barred_id, gate_id
from tests.conftest import ROOT, SCENARIOS
from tests.support.helpers import QI_ANSWER, QI_MOTION, REQUESTS, gated_order, scenario

RUSANOWSKY = SCENARIOS / "rusanowsky-v-city-of-dallas.yaml"


def qiflow(*args: str, **kw: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "qiflow", *args], capture_output=True, cwd=ROOT, **kw)


def texts(label) -> str:  # noqa: ANN001 - a Label
    return " ".join(t.text for t in label)


def test_every_phase_is_drawn_in_its_cluster() -> None:
    graph = procedure_graph()
    assert graph.clusters == CLUSTERS
    for phase in PROCEDURE.phases:
        assert graph.nodes[phase.name].cluster == phase.cluster


def test_the_gates_stand_in_order_before_limited_discovery_with_their_cites() -> None:
    graph = procedure_graph()
    chain = [(e.tail, e.head) for e in graph.edges if e.kind == "gate"]
    ids = [gate_id(g) for g in GATES]
    assert chain == [(ids[0], ids[1]), (ids[1], ids[2]), (ids[2], "limited_discovery")]
    for number, guard in enumerate(GATES, 1):
        label = texts(graph.nodes[gate_id(guard)].label)
        assert f"Gate {number}" in label and guard.code.authorities[0].short in label


def barred_codes(graph) -> dict[str, str]:  # noqa: ANN001 - a Graph
    """What each barred line's octagon says, by the node the line leaves."""
    return {e.tail: texts(graph.nodes[e.head].label) for e in graph.edges if e.kind == "barred"}


def test_barred_moves_carry_their_codes_and_vanish_with_their_guard() -> None:
    barred = barred_codes(procedure_graph())
    assert "QI101" in barred["qi_motion_pending"] and "QI401" in barred["on_appeal"]
    assert "QI301" in barred["qi_stay"] and barred[gate_id(GATES[0])] == "no: QI201"
    weaker = barred_codes(procedure_graph(PROCEDURE.without("qi_motion_ruled_first").without(
        "no_discovery_while_qi_motion_pending")))
    assert "QI101" not in weaker["qi_motion_pending"] and "QI102" in weaker["qi_motion_pending"]
    assert gate_id(GATES[1]) not in procedure_graph(PROCEDURE.without("fact_questions")).nodes


def test_a_case_path_numbers_every_step_and_emphasises_where_it_ends() -> None:
    case = load(RUSANOWSKY)
    graph = case_graph(case, audit(case))
    path = [texts(e.label) for e in graph.edges if e.kind == "path" and e.label]
    assert "6 · Dkt. 23 Rule 7(a) reply ordered" in path
    assert any(x.startswith("18 · Dkt. 39 · 2023-03-07") for x in path)
    assert "steps 3, 4, 5" in texts(graph.nodes["qi_stay"].label)
    assert "ends here" in texts(graph.nodes["closed"].label)
    assert len(graph.nodes["docket"].rows) == len(case.docket) + 1


def test_refused_and_failed_gate_steps_are_marked_with_their_codes() -> None:
    strict = scenario(QI_MOTION, REQUESTS, gated_order(), mode="strict")
    graph = case_graph(strict, audit(strict))
    refused = [e for e in graph.edges if e.kind == "path" and e.head == barred_id("qi_motion_pending")]
    assert len(refused) == 1 and "refused: QI101" in texts(refused[0].label)
    loose = scenario(QI_ANSWER, REQUESTS, gated_order(pleadings_overcome_qi=False))
    path = [texts(e.label) for e in case_graph(loose, audit(loose)).edges if e.kind == "path"]
    assert "3 · Dkt. 3 discovery order ⚠ QI201" in path  # v2: the order covers no one, so it leads to no gate


def test_mermaid_has_every_phase_and_dotted_bars() -> None:
    text = to_mermaid(procedure_graph())
    for phase in PROCEDURE.phases:
        assert f"n_{phase.name}(" in text
    assert "n_qi_motion_pending -.->|" in text and "linkStyle" in text


def test_dot_is_identical_across_processes_and_hash_seeds() -> None:
    runs = [qiflow("diagram", str(RUSANOWSKY), "--view", "map", "--format", "dot", env={"PYTHONHASHSEED": seed})
            for seed in ("1", "2")]
    assert runs[0].returncode == 0 and runs[0].stdout == runs[1].stdout == to_dot(
        case_graph(load(RUSANOWSKY), audit(load(RUSANOWSKY), file=str(RUSANOWSKY)))).encode()


def test_committed_diagrams_are_fresh() -> None:
    done = qiflow("diagram", "--check", "diagrams")
    assert done.returncode == 0, done.stderr.decode()


def test_check_names_stale_and_missing_files(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "diagrams", tmp_path / "diagrams")
    shutil.copytree(SCENARIOS, tmp_path / "scenarios")
    (tmp_path / "diagrams" / "procedure.dot").write_text("digraph {}\n")
    (tmp_path / "diagrams" / "rusanowsky-v-city-of-dallas.svg").unlink()
    done = qiflow("diagram", "--check", str(tmp_path / "diagrams"))
    assert done.returncode == 1
    named = done.stderr.decode().splitlines()[0].removeprefix("stale: ").split(", ")
    assert [Path(x).name for x in named] == ["procedure.dot", "rusanowsky-v-city-of-dallas.svg"]


def test_usage_and_input_errors_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("qiflow: 1\ntitle: x\nparties: []\ndocket: [{event: nonsense}]\n")
    done = qiflow("diagram", str(bad), "--format", "dot")
    assert done.returncode == 2 and done.stderr.startswith(b"qiflow: error: ") and b"Traceback" not in done.stderr
    assert qiflow("diagram", "--format", "png").returncode == 2
    assert qiflow("diagram", "--without", "no_such_guard").returncode == 2
    assert qiflow("diagram", str(RUSANOWSKY), "--format", "mermaid").returncode == 2
