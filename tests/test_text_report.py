"""The terminal report a student reads: verdict first, words not ids, whole words, any width, any terminal."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys

import pytest

from qiflow.engine.run import audit
from qiflow.files.load import load
from qiflow.views.text import render
from tests.conftest import ROOT, SCENARIOS
from tests.support.helpers import QI_MOTION, REQUESTS, gated_order, scenario

RUSANOWSKY = SCENARIOS / "rusanowsky-v-city-of-dallas.yaml"
ZAPATA = SCENARIOS / "cases" / "zapata-v-melson.yaml"


def qiflow(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "qiflow", *args], check=False, capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **env})


def text_of(path, width: int = 80, **options: bool) -> str:
    sc = load(path)
    out = io.StringIO()
    render(audit(sc), out, scenario=sc, width=width, **options)
    return out.getvalue()


@pytest.mark.parametrize("width", [80, 120])
def test_fits_the_width_and_never_splits_a_word(width: int) -> None:
    done = qiflow("run", str(RUSANOWSKY), COLUMNS=str(width))
    lines = done.stdout.splitlines()
    assert max(len(line) for line in lines) <= width
    source = RUSANOWSKY.read_text() + json.dumps(json.loads(qiflow("run", str(RUSANOWSKY), "--format", "json").stdout))
    source += (ROOT / "qiflow" / "views" / "text.py").read_text() + (ROOT / "qiflow" / "teach" / "words.py").read_text()
    for word in re.findall(r"[A-Za-z]{4,}", done.stdout):
        assert word in source or word.lower() in source.lower(), word


def test_rusanowsky_reads_in_a_screen_or_two() -> None:
    """At most 100 lines at 80 columns (two screens of a 50-line terminal), fewer at 120."""
    lines = {w: qiflow("run", str(RUSANOWSKY), COLUMNS=str(w)).stdout.splitlines() for w in (80, 120)}
    assert len(lines[80]) <= 100, len(lines[80])
    assert len(lines[120]) < len(lines[80]) - 15
    for width, said in lines.items():
        assert max(len(line) for line in said) <= width
        assert not [line for line in said if re.search(r"[A-Za-z]-$", line)], "a word split at the edge"


@pytest.mark.parametrize("width", [40, 80, 120])
def test_every_scenario_fits_the_width(width: int) -> None:
    for path in sorted(SCENARIOS.rglob("*.yaml")):
        for options in ({}, {"hide_verdicts": True}, {"verbose": True}):
            said = text_of(path, width, **options).splitlines()
            assert max(len(line) for line in said) <= width, (path, options)


def test_routine_entries_take_one_line_and_the_turns_are_explained() -> None:
    out = text_of(RUSANOWSKY)
    lines = out.splitlines()
    response = next(i for i, line in enumerate(lines) if line.startswith("\u2713 Dkt. 18 "))
    assert "\u201cPlaintiff's response" in lines[response] and lines[response + 1].startswith("\u2713 Dkt. 22 ")
    answer = next(i for i, line in enumerate(lines) if line.startswith("\u2713 Dkt. 14 "))
    assert "asserted qualified immunity in the answer" in " ".join(lines[answer:answer + 4])
    assert "(Harlow, 457 U.S. at 818)" in out and "ordinary appeal after the case has ended" in out
    verbose = text_of(RUSANOWSKY, 80, verbose=True)
    assert "Christopher Rusanowsky responded to the motion at Dkt. 15." in verbose
    assert "responded to the motion at Dkt. 15" not in out


def test_verdict_comes_first_in_plain_words() -> None:
    out = text_of(RUSANOWSKY)
    assert out.index("WHERE THE CASE STANDS") < out.index("DOCKET")
    for machine in ("qi_stay", "joint_report_filed", "→ qi", "r1", "fq1", "Allowed.", "#12", "granted_in_part"):
        assert machine not in out, machine
    assert "date unknown" in out and "Entry 12" in out and "Entry N: the Nth entry" in out
    assert "“Rudloff's answer, asserting qualified immunity (para. 2.4.1)”" in out  # the docket's own text
    assert "What the court held" in out and "Remember" in out  # the library's teaching block


def test_verbose_shows_machine_names_and_every_authority() -> None:
    out = text_of(RUSANOWSKY, 120, verbose=True)
    assert "qi_stay" in out and "Harlow v. Fitzgerald, 457 U.S. 800, 818 (1982)" in out


def test_hide_verdicts_hides_every_judgment() -> None:
    out = text_of(ZAPATA, 100, hide_verdicts=True)
    for judgment in ("QI102", "QI201", "departure", "Held ", "What the court held", "appealable", "✗"):
        assert judgment not in out, judgment
    assert "holds the pleadings overcome QI: no" in out and "Question" in out


def test_until_takes_a_docket_number_or_a_position() -> None:
    by_number = json.loads(qiflow("run", str(RUSANOWSKY), "--format", "json", "--until", "Dkt. 35").stdout)
    assert by_number["entries"][-1]["label"] == "Dkt. 35"
    by_position = json.loads(qiflow("run", str(RUSANOWSKY), "--format", "json", "--until", "Entry 12").stdout)
    assert by_position["entries"][-1]["label"] == "Entry 12"
    bare = json.loads(qiflow("run", str(RUSANOWSKY), "--format", "json", "--until", "12").stdout)
    assert bare["entries"][-1]["label"] == "Entry 12"
    wrong = qiflow("run", str(RUSANOWSKY), "--until", "Entry 99")
    assert wrong.returncode == 2 and "Dkt. 35" in wrong.stderr


def test_scenario_markup_is_printed_as_itself() -> None:
    sc = scenario({"event": "complaint", "by": "doe", "description": "[/] and [bold unclosed [red]x[/red]"},
                  QI_MOTION, title="[/]title [bold")
    out = io.StringIO()
    render(audit(sc), out, scenario=sc, width=80)
    assert "[/] and [bold unclosed [red]x[/red]" in out.getvalue() and "[/]title [bold" in out.getvalue()


class Ascii(io.StringIO):
    encoding = "ascii"


def test_an_ascii_terminal_gets_ascii() -> None:
    sc = scenario({**QI_MOTION, "description": "§ “quoted” — ü"}, REQUESTS, gated_order())
    out = Ascii()
    render(audit(sc), out, scenario=sc, width=80)
    out.getvalue().encode("ascii")
    done = qiflow("run", str(RUSANOWSKY), PYTHONIOENCODING="ascii", LANG="C", LC_ALL="C")
    assert done.returncode == 0 and "Traceback" not in done.stderr
    done.stdout.encode("ascii")


def test_json_keys_are_unchanged() -> None:
    report = json.loads(qiflow("run", str(RUSANOWSKY), "--format", "json").stdout)
    assert {"state", "state_label", "discovery_authorized", "appealable", "violations", "entries", "next_moves",
            "request_texts", "fact_question_texts"} <= set(report)


def test_law_as_of_before_the_docket_warns(tmp_path) -> None:
    text = RUSANOWSKY.read_text().replace("law_as_of: 2025-03-19", "law_as_of: 2022-01-01")
    (tmp_path / "early.yaml").write_text(text)
    done = qiflow("run", str(tmp_path / "early.yaml"))
    assert "warning" in done.stderr and "earlier than" in done.stderr


def test_a_text_is_quoted_once_though_an_id_is_one_of_its_words() -> None:
    """The request ``personnel`` is "Officer Smith's full personnel file", the question ``warning`` is "Was a warning
    given?": each text appears whole, never with its own id replaced inside it."""
    out = io.StringIO()
    render(audit(load(SCENARIOS / "rules" / "qi203-request-not-narrowly-tailored.yaml")), out, width=200)
    flat = " ".join(out.getvalue().split())
    assert "“Officer Smith's full personnel file”" in flat and "“Was a warning given?”" in flat
    assert "“Officer Smith's full “" not in flat and "“Was a “" not in flat
