"""A case as a timeline in swimlanes: lanes, order, dates, docket numbers, gates, flags, pages, escaping."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from itertools import pairwise
from pathlib import Path

import pytest

from qiflow.engine.run import audit
from qiflow.files.load import load
from qiflow.law.codes import CODES
from qiflow.views.diagram import canvas
from qiflow.views.diagram.counterexample import counterexample_timeline
from qiflow.views.diagram.timeline import (
    FLAG,
    MAX_BOXES,
    MAX_COLUMNS,
    Timeline,
    dots,
    timeline,
)
from tests.conftest import ROOT, SCENARIOS
from tests.support.helpers import CAST, QI_ANSWER, REQUESTS, gated_order, scenario

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")
SVG = "{http://www.w3.org/2000/svg}"
CASES = [SCENARIOS / "rusanowsky-v-city-of-dallas.yaml", SCENARIOS / "cases" / "carswell-v-camp.yaml",
         SCENARIOS / "cases" / "zapata-v-melson.yaml"]


def drawn(case) -> Timeline:
    return timeline(case, audit(case))


def text_of(card) -> str:
    return " ".join(line.text for line in card.lines)


def test_each_entry_stands_in_its_lane_and_in_docket_order() -> None:
    case = scenario(
        {"event": "complaint", "by": "doe"},
        QI_ANSWER,
        {"event": "motion_to_dismiss", "by": "city", "asserts_qi": False},
        REQUESTS,
        {"event": "conference"},
        gated_order(),
        {"event": "appeal", "by": "smith", "from": 6},
        {"event": "appeal_ruling", "appeal": 7, "outcome": "affirmed"},
    )
    tl = drawn(case)
    lanes = [lane.id for lane in tl.lanes]
    assert lanes == ["plaintiff", "official", "other", "district_court", "court_of_appeals"]
    cards = [c for page in tl.pages for c in page.cards]
    assert [c.positions for c in cards] == [(1,), (2,), (3,), (4,), (5,), (6,), (7,), (8,)]
    where = {c.positions[0]: (lanes[c.first], lanes[c.last]) for c in cards}
    assert where[1] == ("plaintiff", "plaintiff") and where[2] == ("official", "official")
    assert where[3] == ("other", "other") and where[4] == ("plaintiff", "plaintiff")
    assert where[5] == ("plaintiff", "official")  # the parties together
    assert where[6] == ("district_court", "district_court") and where[7] == ("official", "official")
    assert where[8] == ("court_of_appeals", "court_of_appeals")
    for page in tl.pages:  # within a column each box stands in a lower lane than the one before
        for column in page.columns:
            assert all(upper.last < lower.first for upper, lower in pairwise(column))


def test_undated_entries_say_date_unknown_and_unnumbered_ones_never_say_dkt() -> None:
    case = scenario({"event": "complaint", "by": "doe", "entry_number": None},
                    {**QI_ANSWER, "entry_number": 14, "date_filed": "2023-02-09"})
    first, second = (c for page in drawn(case).pages for c in page.cards)
    assert "date unknown" in text_of(first) and "Dkt." not in text_of(first) and "Entry 1" in text_of(first)
    assert "Dkt. 14" in text_of(second) and "Feb. 9, 2023" in text_of(second)
    rusanowsky = drawn(load(CASES[0]))
    for card in (c for page in rusanowsky.pages for c in page.cards):
        if card.tone != "collapsed":
            entry = rusanowsky_entry(card.positions[0])
            assert ("Dkt." in text_of(card)) == (entry.entry_number is not None)
            assert ("date unknown" in text_of(card)) == (entry.date_filed is None)


def rusanowsky_entry(position: int):
    return load(CASES[0]).docket[position - 1]


def test_gates_are_marked_where_an_order_found_them_and_flagged_where_it_skipped_them() -> None:
    rusanowsky = [text_of(c) for page in drawn(load(CASES[0])).pages for c in page.cards]
    assert any("Dkt. 39" in t and "Gate 1 ✓" in t and "Gate 2 ✓" in t and "Gate 3: requests 1 ✓ 2 ✗" in t
               for t in rusanowsky)
    assert not any("⚑" in t for t in rusanowsky)
    zapata = [text_of(c) for page in drawn(load(CASES[2])).pages for c in page.cards]
    order = next(t for t in zapata if "Entry 5" in t)  # the discovery order: its number is unknown
    assert "Dkt." not in order
    assert "Gate 1 ✗ skipped QI201" in order and "Gate 2 ✗ skipped QI202" in order and "QI203" in order
    assert any("⚑ QI102" in t for t in zapata)


def test_every_code_has_a_two_word_flag() -> None:
    assert set(CODES) <= set(FLAG)
    assert all(len(words.split()) == 2 for words in FLAG.values())


def test_entries_with_no_qi_effect_collapse_into_one_box() -> None:
    case = scenario({"event": "complaint", "by": "doe"}, QI_ANSWER,
                    *({"event": "other", "description": f"x{i}"} for i in range(3)), REQUESTS)
    tl = drawn(case)
    cards = [c for page in tl.pages for c in page.cards]
    assert [c.positions for c in cards] == [(1,), (2,), (3, 4, 5), (6,)]
    assert cards[2].tone == "collapsed" and "3 entries with no QI effect" in text_of(cards[2])
    assert tl.collapsed == 3 and "collapsed" in dots(tl)[0]


def test_a_long_docket_pages_onto_several_slides_in_order_and_says_so() -> None:
    entries = [{"event": "complaint", "by": "doe"}, QI_ANSWER]
    for n in range(20):
        entries += [{"event": "discovery_motion", "by": "doe", "requests": [{"id": f"r{n}"}]},
                    {"event": "discovery_order", "outcome": "denied"}]
    tl = drawn(scenario(*entries))
    assert len(tl.pages) > 1
    shown = [p for page in tl.pages for c in page.cards for p in c.positions]
    assert shown == list(range(1, len(entries) + 1))
    for page, dot in zip(tl.pages, dots(tl), strict=False):
        assert len(page.cards) <= MAX_BOXES and len(page.columns) <= MAX_COLUMNS
        assert f"page {page.number} of {len(tl.pages)}" in dot
    assert "Continued on page 2" in dots(tl)[0] and "Continued" not in dots(tl)[-1]


def test_the_footer_says_what_the_court_held_and_what_the_engine_found() -> None:
    footer = " ".join(drawn(load(CASES[2])).footer)
    assert "Court held: QI102, QI201, QI202" in footer and "engine: QI102, QI201, QI202, QI203" in footer
    assert "reversed" in footer


def test_a_counterexample_is_drawn_from_the_complaint_with_what_it_proves() -> None:
    tl = counterexample_timeline("qi_motion_ruled_first")
    first = tl.pages[0].cards[0]
    assert "complaint" in text_of(first)
    assert "docs/law.md s.9" in tl.caption and "forbids" in tl.caption and "_" not in tl.title


HOSTILE = ["<script>alert(1)</script>", "</svg>", 'Q"uote\'s', "&amp;", "\u200fRTL\u200e mark", "]]><!--"]


def _hostile(texts: list[str]):
    cast = [{**CAST[0], "name": texts[0]}, {**CAST[1], "name": texts[1]}, {**CAST[2], "name": texts[2]},
            {**CAST[3], "name": texts[3]}]
    return scenario({"event": "complaint", "by": "doe"}, QI_ANSWER,
                    {**REQUESTS, "requests": [{"id": "r1", "text": texts[4]}]}, gated_order(),
                    title=texts[4], court=texts[5], case_number=texts[0], parties=cast)


def test_hostile_scenario_text_adds_no_markup_to_the_dot() -> None:
    def markup(texts: list[str]) -> list[str]:
        return re.findall(r"<[^<>]*>", "".join(dots(drawn(_hostile(texts)))))

    assert set(markup(HOSTILE)) == set(markup(["plain"] * len(HOSTILE)))  # longer text wraps to more lines
    dot = "".join(dots(drawn(_hostile(HOSTILE))))
    assert "<script" not in dot and "</svg>" not in dot and "&lt;script&gt;" in dot and "&amp;amp;" in dot


@needs_dot
def test_hostile_scenario_text_is_shown_literally_in_well_formed_svg() -> None:
    svg = canvas.draw(dots(drawn(_hostile(HOSTILE)))[0], "svg")
    shown = " ".join(t.text or "" for t in ET.fromstring(svg).iter(f"{SVG}text"))
    for text in ("<script>alert(1)</script>", "</svg>", "Q\"uote's", "&amp;", "RTL"):
        assert text in shown, text
    assert b"<script" not in svg


@needs_dot
@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_each_timeline_page_is_1920_by_1080_with_text_no_smaller_than_24_px(path: Path) -> None:
    for dot in dots(drawn(load(path))):
        svg = canvas.draw(dot, "svg")
        assert canvas.png_size(canvas.draw(dot, "png")) == (canvas.WIDTH, canvas.HEIGHT)
        assert canvas.smallest_text_px(svg) >= canvas.MIN_TEXT_PX
        assert canvas.draw(dot, "svg") == svg


def qiflow(*args: str, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "qiflow", *args], capture_output=True, text=True, cwd=ROOT, check=False,
                          **kw)  # type: ignore[call-overload]


def test_a_case_is_drawn_as_a_timeline_by_default_identically_every_time() -> None:
    runs = [qiflow("diagram", str(CASES[1]), "--format", "dot", env={**os.environ, "PYTHONHASHSEED": s})
            for s in ("1", "2")]
    assert runs[0].returncode == 0 and runs[0].stdout == runs[1].stdout
    assert runs[0].stdout.startswith("digraph qiflow_timeline")


@needs_dot
def test_a_paged_timeline_is_written_one_file_a_page(tmp_path: Path) -> None:
    done = qiflow("diagram", str(CASES[0]), "-o", str(tmp_path / "r.svg"))
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r-p1.svg", "r-p2.svg"]
    assert qiflow("diagram", str(CASES[0]), "--format", "svg").returncode == 2


def test_without_dot_a_timeline_image_exits_2_with_a_clear_message(tmp_path: Path) -> None:
    done = qiflow("diagram", str(CASES[2]), "-o", str(tmp_path / "z.svg"), env={**os.environ, "PATH": str(tmp_path)})
    assert done.returncode == 2 and "Traceback" not in done.stderr and "install" in done.stderr
