"""The slide set: derived from the one definition, 16:9 at 1920×1080, readable text, stable bytes."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from qiflow.law import authorities as a
from qiflow.law.codes import CODES
from qiflow.law.guards import GATES
from qiflow.procedure.careful import PHASE, PROCEDURE
from qiflow.views.diagram import canvas
from qiflow.views.diagram.bars import BARS
from qiflow.views.slides.content import HOLDINGS, district_practice, slides
from qiflow.views.slides.render import slide_dots
from tests.conftest import ROOT

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")
CODE = re.compile(r"\bQI\d{3}\b")
SLIDES = {s.name: s for s in slides()}
DOTS = slide_dots()


def plain(dot: str) -> str:
    """The words of a DOT file's labels, markup and line breaks gone."""
    return html.unescape(" ".join(re.sub(r"<[^<>]*>", " ", dot).split()))


def run(*args: str, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "qiflow", *args], capture_output=True, text=True, cwd=ROOT, check=False,
                          **kw)  # type: ignore[call-overload]


def test_there_are_four_slides_a_to_d() -> None:
    assert list(DOTS) == ["slide-a", "slide-b", "slide-c", "slide-d"]


@pytest.mark.parametrize("name", list(SLIDES))
def test_a_slide_names_only_rules_the_procedure_has_and_every_one_it_must(name: str) -> None:
    slide, dot = SLIDES[name], DOTS[name]
    enforced = {g.code.code for g in PROCEDURE.guards}
    named = set(CODE.findall(dot))
    assert named <= enforced, f"{name} names rules the procedure does not have: {named - enforced}"
    assert named == set(slide.codes)
    assert {g.code.code for g in slide.must_show} <= named, f"{name} misses rules it must show"
    assert all(g in PROCEDURE.guards for g in slide.guards)
    for phase in slide.phases:
        assert phase in PHASE, f"{name} draws a phase the procedure does not have: {phase}"
    for code in named:  # every footnoted code is spelled out once at the foot of the slide
        assert CODES[code].name.split("-")[-1] in dot


def test_slide_a_footnotes_every_bar_of_every_phase_it_draws_and_the_gates() -> None:
    slide = SLIDES["slide-a"]
    for phase in slide.phases:
        for guard in BARS.get(phase, ()):
            assert guard.code.code in slide.codes, (phase, guard.name)
    assert [c for c in slide.codes if c in {g.code.code for g in GATES}] == [g.code.code for g in GATES]
    assert "District practice" in DOTS["slide-a"]


def test_district_practice_is_the_rusanowsky_order_steps_not_a_circuit_rule() -> None:
    practice = district_practice()
    assert practice, "the N.D. Tex. case-management steps must be labelled district practice"
    for phase in practice:
        assert all("5th Cir." not in x.case.cite and "U.S." not in x.case.cite for x in phase.authorities)
        assert phase.label.replace(" (district practice)", "") in plain(DOTS["slide-a"])
    assert not {"qi_motion_pending", "qi_stay", "limited_discovery"} & {p.name for p in practice}


def test_slide_b_is_the_three_gates_in_order_with_their_cites() -> None:
    slide, dot = SLIDES["slide-b"], DOTS["slide-b"]
    assert slide.guards == GATES == slide.must_show
    positions = [dot.index(f"Gate {n}.") for n in (1, 2, 3)]
    assert positions == sorted(positions)
    assert "Zapata" in dot and "immediately appealable" in plain(dot)
    assert "the court rules on what it has" in plain(dot)


def test_slide_c_shows_the_appeal_rules_and_the_final_judgment_apart() -> None:
    dot = SLIDES["slide-c"], DOTS["slide-c"]
    text = plain(dot[1])
    for words in ("Johnson", "Behrens", "Kinney", "genuine", "material", "frivolous", "final judgment"):
        assert words in text, words
    assert {g.code.section.split(".")[0] for g in dot[0].must_show} == {"7"}


def test_slide_d_is_the_doctrine_in_order_with_dates_from_the_authorities() -> None:
    dot = DOTS["slide-d"]
    years = [int(y) for y in re.findall(r"<B>(\d{4})</B>", dot)]
    assert years == [1982, 1987, 1991, 1995, 2009, 2012, 2014, 2015, 2021, 2022]
    for case, holding in HOLDINGS:
        assert case in a.ALL_CASES
        assert len(holding.split()) <= 4, holding
        assert str(case.year) in dot and case.cite.split(" (")[0] in plain(dot)


def test_edges_carry_at_most_three_words() -> None:
    for slide in SLIDES.values():
        for arrow in slide.arrows:
            assert len(arrow.words.split()) <= 3, (slide.name, arrow.words)


def test_no_routing_tables_or_machine_names_on_a_slide() -> None:
    for name, dot in DOTS.items():
        assert "where does the case" not in dot.lower(), name
        assert not re.search(r">[^<]*\b(qi_stay|qi_motion_pending|on_appeal)\b", dot), name


def test_slide_dot_is_identical_across_processes_and_hash_seeds() -> None:
    code = "from qiflow.views.slides.render import slide_dots; print(''.join(slide_dots().values()), end='')"
    runs = [subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, cwd=ROOT,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")]
    assert runs[0] == runs[1] == "".join(DOTS.values())


@needs_dot
@pytest.mark.parametrize("name", list(DOTS))
def test_each_slide_is_1920_by_1080_with_text_no_smaller_than_24_px(name: str) -> None:
    svg = canvas.draw(DOTS[name], "svg")
    assert canvas.png_size(canvas.draw(DOTS[name], "png")) == (canvas.WIDTH, canvas.HEIGHT)
    assert canvas.smallest_text_px(svg) >= canvas.MIN_TEXT_PX
    assert canvas.draw(DOTS[name], "svg") == svg


@needs_dot
def test_slides_command_writes_png_and_svg_by_default_and_pdf_on_request(tmp_path: Path) -> None:
    done = run("slides", "-o", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        f"slide-{x}.{f}" for x in "abcd" for f in ("png", "svg"))
    assert run("slides", "-o", str(tmp_path / "pdf"), "--format", "pdf").returncode == 0
    assert (tmp_path / "pdf" / "slide-b.pdf").read_bytes().startswith(b"%PDF")


def test_slides_without_dot_exit_2_with_a_clear_message(tmp_path: Path) -> None:
    done = run("slides", "-o", str(tmp_path / "out"), env={**os.environ, "PATH": str(tmp_path)})
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "apt-get install -y graphviz" in done.stderr
    assert run("slides", "-o", str(tmp_path / "d"), "--format", "dot",
               env={**os.environ, "PATH": str(tmp_path)}).returncode == 0
