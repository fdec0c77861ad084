"""Hostile input, one class per test: every one ends in exit 2 with a located message (or a valid report),
never a traceback, a hang, unbounded memory, or a write over an input."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from qiflow.files.limits import MAX_DEPTH, MAX_FILE_BYTES
from qiflow.files.load import ScenarioError, load, parse
from qiflow.files.write import write_output
from tests.conftest import ROOT, SCENARIOS

RULE = SCENARIOS / "rules" / "qi201-no-pleadings-finding.yaml"
HEAD = "qiflow: 1\ntitle: t\nparties:\n  - {id: o, name: O, role: defendant}\ndocket:\n"


def qiflow(*args: str, timeout: float = 60, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "qiflow", *args], capture_output=True, text=True, cwd=ROOT, check=False,
                          timeout=timeout, **kw)  # type: ignore[call-overload]


def refused(text: str) -> ScenarioError:
    with pytest.raises(ScenarioError) as caught:
        parse(text, "bad.yaml")
    assert len(str(caught.value)) < 1_000
    return caught.value


@pytest.mark.parametrize(("text", "line", "words"), [
    (HEAD + "  - {event: answer, by: o, date_filed: 2023-02-30}\n", 6, "a real calendar date"),
    (HEAD + "  - {event: answer, by: o, date_filed: 0000-01-01}\n", 6, "a real calendar date"),
    (HEAD + "  - {event: answer, by: o, entry_number: " + "9" * 5000 + "}\n", 6, "at most 18 digits"),
    (HEAD + "  - {event: answer, by: o, entry_number: " + "9" * 4000 + "}\n", 6, "at most 18 digits"),
    (HEAD + "  - {event: answer, asserts_qi: true, asserts_qi: false, by: o}\n", 6, "'asserts_qi' is given twice"),
    (HEAD + "  - {event: answer, by: \"o\x01\"}\n", 6, "U+0001 is a control character"),
    (HEAD + "  - " + "[" * 5000 + "]" * 5000 + "\n", 6, f"nested at most {MAX_DEPTH} deep"),
    (HEAD + "  - " + "[" * 40 + "]" * 40 + "\n", 6, f"nested at most {MAX_DEPTH} deep"),
    (HEAD + "  - !!python/object/apply:os.system [echo hi]\n", 6, "could not determine a constructor"),
    (HEAD + "---\nqiflow: 1\n", 6, "another document"),
    (HEAD + "  - {event: answer, by: o, entry_number: true}\n", 6, "a whole number, not true"),
    (HEAD + "  - {event: appeal, by: o, from: true}\n", 6, "a whole number"),
    (HEAD + '  - {event: answer, by: o, description: "x\\e[2J"}\n', 6, "U+001B is a control character"),
    (HEAD + '  - {event: answer, by: o, "x\\x9b": 1}\n', 6, "a field name without control characters"),
])
def test_each_hostile_value_is_refused_at_its_line(text: str, line: int, words: str) -> None:
    error = refused(text)
    assert error.line == line and error.file == "bad.yaml"
    assert words in error.expected


def test_the_same_message_with_or_without_libyaml(monkeypatch: pytest.MonkeyPatch) -> None:
    from qiflow.files import load as module

    bad = [HEAD + "  - {event: answer, by: smyth}\n", HEAD + "  - {event: anser, by: o}\n",
           HEAD + "  - {event: answer, by: o, asserts_qi: perhaps}\n", HEAD + "  - {event: answer, by: o\n"]
    fast = [str(refused(t)) for t in bad]
    monkeypatch.setattr(module, "_FastLoader", module._LineLoader)
    assert [str(refused(t)) for t in bad] == fast
    assert all(":6:" in m or ":7:" in m for m in fast)


def test_an_alias_bomb_is_refused_in_bounded_time_and_memory() -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    bomb = "\n".join(lines) + "\nqiflow: 1\ntitle: *a8\n"
    assert len(bomb) < 1_000
    assert "alias" in refused(bomb).expected


def test_too_many_values_are_refused_with_or_without_an_anchor(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bound on values holds on the fast path too, not only where an alias could multiply them."""
    from qiflow.files import load as module

    monkeypatch.setattr(module, "MAX_VALUES", 1_000)
    text = HEAD.replace("title: t", "title: t\nsources: [" + ",".join(["a"] * 1_500) + "]") + "  - {event: answer, by: o}\n"
    assert "&" not in text
    assert "at most 1,000 values" in refused(text).expected
    parse(text.replace(",".join(["a"] * 1_500), ",".join(["a"] * 900)), "ok.yaml")


def test_a_ten_megabyte_value_is_refused_and_a_large_one_quoted_short() -> None:
    error = refused(HEAD.replace("title: t", "title: " + "x" * 10_000_000))
    assert f"at most {MAX_FILE_BYTES:,} characters" in error.expected
    error = refused(HEAD + "  - {event: answer, by: o}\n".replace("answer", "y" * 1_000_000))
    assert "1,000,000 characters" in error.expected and len(str(error)) < 1_000


def test_a_value_never_quoted_whole(tmp_path: Path) -> None:
    error = refused(HEAD + "  - {event: answer, by: " + "z" * 100_000 + "}\n")
    assert "100,000 characters" in str(error) and len(str(error)) < 1_000


def test_encodings_boms_and_empty_files(tmp_path: Path) -> None:
    valid = RULE.read_text(encoding="utf-8")
    (tmp_path / "bom.yaml").write_bytes(b"\xef\xbb\xbf" + valid.encode())
    load(tmp_path / "bom.yaml")
    (tmp_path / "u16.yaml").write_bytes(valid.encode("utf-16"))
    (tmp_path / "empty.yaml").write_bytes(b"")
    (tmp_path / "bin.yaml").write_bytes(bytes(range(256)))
    for name, words in (("u16.yaml", "UTF-16"), ("empty.yaml", "a mapping"), ("bin.yaml", "binary")):
        with pytest.raises(ScenarioError, match=words):
            load(tmp_path / name)


def test_special_files_never_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(tmp_path / "loop.yaml")
    for path, words in ((fifo, "not a FIFO"), (loop, "readable file"), (tmp_path, "not a directory")):
        with pytest.raises(ScenarioError, match=words):
            load(path)
        for command in ("run", "check"):
            done = qiflow(command, str(path), timeout=30)
            assert done.returncode == 2 and "Traceback" not in done.stderr, done


def test_a_huge_file_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with open(big, "wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: 100 MB without writing them
    with pytest.raises(ScenarioError, match=f"at most {MAX_FILE_BYTES:,} bytes"):
        load(big)


def test_a_huge_jsonl_record_is_refused_and_the_rest_run(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    good = '{"qiflow": 1, "title": "t", "parties": [], "docket": []}\n'
    corpus.write_text(good + '{"title": "' + "x" * (MAX_FILE_BYTES + 10) + '"}\n' + good)
    done = qiflow("run", str(corpus), "--format", "jsonl")
    assert done.returncode == 2
    assert f"{corpus}:2: (record)" in done.stdout and done.stdout.count('"ok": true') == 2


def test_one_bad_file_never_stops_check(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(RULE.read_text())
    (tmp_path / "b.yaml").write_text(HEAD + "  - {event: answer, by: o, asserts_qi: true, asserts_qi: false}\n")
    (tmp_path / "c.yaml").write_bytes(b"\xff\xfe\x00")
    (tmp_path / "d.yaml").write_text(RULE.read_text())
    done = qiflow("check", str(tmp_path))
    assert done.returncode == 2
    assert done.stdout.count("ok    ") == 2 and "2 passed, 2 failed" in done.stdout
    assert f"{tmp_path / 'b.yaml'}:6: (value): each key once" in done.stdout


def test_outputs_are_refused_clearly(tmp_path: Path) -> None:
    source = tmp_path / "in.yaml"
    source.write_text(RULE.read_text())
    before = source.read_bytes()
    cases = [
        (["diagram", str(source), "--format", "dot", "-o", str(tmp_path)], "is a directory"),
        (["diagram", str(source), "--format", "dot", "-o", str(tmp_path / "no" / "x.dot")], "does not exist"),
        (["diagram", str(source), "--format", "dot", "-o", str(source)], "refusing to write over an input"),
        (["diagram", str(source), "--format", "dot", "-o", str(tmp_path / ".." / tmp_path.name / "in.yaml")],
         "refusing to write over an input"),
        (["docs", "--write", str(source)], "is a file"),
        (["diagram", "--write", str(tmp_path / "x")], "does not exist"),
        (["summary", str(source), "-o", str(source)], "refusing to write over an input"),
        (["site", str(source / "x")], "cannot create the folder"),
        (["exercises", "--write", str(source / "x")], "cannot create the folder"),
        (["paths", "--export", str(source)], "cannot create the folder"),
    ]
    for args, words in cases:
        done = qiflow(*args)
        assert done.returncode == 2 and words in done.stderr and "Traceback" not in done.stderr, (args, done)
    assert source.read_bytes() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_an_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    done = qiflow("diagram", str(RULE), "--format", "dot", "-o", str(locked / "x.dot"))
    assert done.returncode == 2 and "cannot write here" in done.stderr and "Traceback" not in done.stderr


def test_an_interrupted_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.dot"
    target.write_text("the previous good one")

    def crash(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        write_output(target, "new" * 1000)
    assert target.read_text() == "the previous good one"
    assert [p.name for p in tmp_path.iterdir()] == ["out.dot"]


def test_dash_writes_to_stdout() -> None:
    done = qiflow("diagram", str(RULE), "--format", "dot", "-o", "-")
    assert done.returncode == 0 and done.stdout.startswith("digraph")


MARKUP = (
    'qiflow: 1\ntitle: "[/bold] x [red]"\nparties:\n  - {id: o, name: "[/] O [b", role: defendant}\n'
    '  - {id: p, name: "[/italic]", role: plaintiff}\ndocket:\n  - {event: complaint, by: p, description: "[/bold]"}\n'
    '  - {event: answer, by: o, asserts_qi: true, note: "[/]", description: "[/]"}\n'
    '  - {event: discovery, by: p, against: o, description: "[/x]"}\n'
)


def test_terminal_markup_in_text_is_printed_as_text(tmp_path: Path) -> None:
    path = tmp_path / "markup.yaml"
    path.write_text(MARKUP)
    done = qiflow("run", str(path))
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr, done.stderr
    assert "[/] O [b" in done.stdout and "[/x]" in done.stdout


def test_a_non_utf8_terminal_gets_a_report(tmp_path: Path) -> None:
    path = tmp_path / "accents.yaml"
    path.write_text(HEAD.replace("title: t", "title: Café § ½") + "  - {event: answer, by: o, asserts_qi: true}\n")
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"}
    done = qiflow("run", str(path), env=env)
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr, done.stderr


def test_a_control_character_in_json_or_a_file_name_never_reaches_the_terminal(tmp_path: Path) -> None:
    data = tmp_path / "t.json"
    data.write_text('{"qiflow": 1, "title": "T\\u001b]0;owned\\u0007", "parties": [], "docket": []}')
    done = qiflow("run", str(data))
    assert done.returncode == 2 and "U+001B is a control character" in done.stderr and "\x1b" not in done.stderr
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a\x1b]0;owned\x07\rFAKE.yaml").write_text("x")
    done = qiflow("check", str(folder))
    assert done.returncode == 2 and "\x1b" not in done.stdout + done.stderr and "\r" not in done.stdout
    assert "a\\x1b]0;owned\\x07\\x0dFAKE.yaml" in done.stdout
