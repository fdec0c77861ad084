"""Rendering with Graphviz: hostile scenario text stays literal, output is byte-stable, a missing `dot` is explained."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import graphviz
import pytest

from qiflow.engine.run import audit
from qiflow.views.diagram import DotMissing, case_graph, procedure_graph, render, to_dot
from qiflow.views.diagram.escape import mermaid
from tests.conftest import ROOT
from tests.support.helpers import CAST, QI_ANSWER, REQUESTS, scenario

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")

HOSTILE = [
    'Q"uote\'s',
    "{brace}|pipe|",
    "<B>bold</B>",
    "</FONT></TD></TR></TABLE>>",
    "back\\slash\\N\\l\\G",
    '"]; evil [label="x',
    "-->--<!--",
    "&amp;&lt;",
    "]]><![CDATA[",
]
SVG = "{http://www.w3.org/2000/svg}"


def _hostile_case(hostile: list[str] = HOSTILE):  # noqa: ANN202 - a Scenario
    cast = [{**CAST[0], "name": hostile[0]}, {**CAST[1], "name": hostile[1]}, *CAST[2:]]
    docket = [
        {**QI_ANSWER, "description": hostile[2]},
        {**REQUESTS, "description": hostile[3],
         "requests": [{"id": "r1", "text": hostile[4]}, {"id": "r2", "text": "x\ny"}]},
        {"event": "other", "description": hostile[5]},
        {"event": "other", "description": hostile[6]},
        {"event": "other", "description": hostile[7]},
        {"event": "other", "description": hostile[4]},
        {"event": "other", "description": "first line\nsecond line\x07"},
    ]
    return scenario(*docket, title=hostile[8], parties=cast, court=hostile[5])


@needs_dot
def test_hostile_text_is_shown_literally_in_well_formed_svg() -> None:
    case = _hostile_case()
    svg = render(to_dot(case_graph(case, audit(case))), "svg")
    shown = [t.text for t in ET.fromstring(svg).iter(f"{SVG}text")]
    for text in HOSTILE:
        assert any(text in (line or "") for line in shown), text
    assert "first line second line" in shown
    titles = {t.text for t in ET.fromstring(svg).iter(f"{SVG}title")}
    assert "evil" not in titles and not any("x\ny" in (t or "") for t in titles)


def test_hostile_text_adds_no_markup_to_the_dot() -> None:
    def markup(texts: list[str]) -> list[str]:
        case = _hostile_case(texts)
        return re.findall(r"<[^<>]*>|\x07", to_dot(case_graph(case, audit(case))))

    assert markup(HOSTILE) == markup(["plain"] * len(HOSTILE))


def test_mermaid_escape_leaves_no_markup() -> None:
    for text in HOSTILE:
        assert not set(mermaid(text)) & set('"<>|`')


@needs_dot
def test_svg_and_dot_are_byte_identical_on_every_render() -> None:
    case = _hostile_case()
    dots = [to_dot(case_graph(case, audit(case))) for _ in range(2)]
    assert dots[0] == dots[1]
    assert render(dots[0], "svg") == render(dots[1], "svg")
    assert render(to_dot(procedure_graph()), "svg") == render(to_dot(procedure_graph()), "svg")


def test_a_missing_dot_raises_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(*args: object, **kwargs: object) -> bytes:
        raise graphviz.ExecutableNotFound(("dot",))

    monkeypatch.setattr(graphviz, "pipe", missing)
    with pytest.raises(DotMissing, match="apt-get install -y graphviz"):
        render(to_dot(procedure_graph()), "svg")


def test_without_dot_on_path_text_formats_work_and_images_exit_2(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": str(tmp_path)}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "qiflow", "diagram", *args],
                              capture_output=True, text=True, cwd=ROOT, env=env)

    assert run("--format", "dot").stdout.startswith("digraph qiflow {")
    assert run("--format", "mermaid").returncode == 0
    done = run("--format", "svg")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "apt-get install -y graphviz" in done.stderr and "brew install graphviz" in done.stderr
    assert run("--format", "pdf", "-o", str(tmp_path / "x.pdf")).returncode == 2
