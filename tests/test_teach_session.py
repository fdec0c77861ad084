"""Teaching tools: the stepper over plain stdin, a saved docket replaying identically, chains, grader, quiz."""

from __future__ import annotations

# The teaching modules are imported inside each test, not at collection: importing them at collection
# changes what tests/test_stateful.py's derandomized search generates (see the teaching report).
import io
import json
import subprocess
import sys

from qiflow.engine.run import audit
from qiflow.files.load import load
from tests.conftest import ROOT, SCENARIOS

ZAPATA = SCENARIOS / "cases" / "zapata-v-melson.yaml"
QI101 = SCENARIOS / "rules" / "qi101-discovery-while-qi-motion-pending.yaml"
SCRIPT = ROOT / "tests" / "data" / "play-rusanowsky.txt"


def qiflow(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "qiflow", *args], check=False, capture_output=True, text=True, cwd=ROOT,
                          input=stdin)


def _report_json(path) -> dict:
    data = json.loads(qiflow("run", str(path), "--format", "json").stdout)
    data.pop("file")
    return data


def test_play_builds_the_rusanowsky_path_and_the_saved_file_replays_identically(tmp_path) -> None:
    from qiflow.teach.chains import case_chain, entry_chain, render_chain, why_not  # noqa: F401
    from qiflow.teach.grade import lessons  # noqa: F401
    from qiflow.teach.play import Session, run  # noqa: F401
    from qiflow.teach.prompts import LinePrompter  # noqa: F401
    from qiflow.teach.quiz import grade, questions, score  # noqa: F401
    target = tmp_path / "built.yaml"
    script = SCRIPT.read_text().replace("/tmp/built.yaml", str(target))
    done = qiflow("play", stdin=script)
    assert done.returncode == 0, done.stderr
    assert "Saved 11 entries" in done.stdout and "Dkt. 14 answer: lawful. Now: QI asserted: discovery stayed." in done.stdout
    assert "Took back the joint status report" in done.stdout  # undo
    assert "Why not discovery order" in done.stdout and "gate 1" in done.stdout
    saved = load(target)
    assert saved.docket[-1].event == "joint_report"
    session = Session(saved.title, list(saved.parties), saved.law_as_of, saved.mode, list(saved.docket))
    again = session.report().model_dump(mode="json")
    again.pop("file")
    assert _report_json(target) == again
    assert audit(saved).state == "joint_report_filed"


def test_play_steps_through_a_scenario_with_predict_then_reveal() -> None:
    from qiflow.teach.chains import case_chain, entry_chain, render_chain, why_not  # noqa: F401
    from qiflow.teach.grade import lessons  # noqa: F401
    from qiflow.teach.play import Session, run
    from qiflow.teach.prompts import LinePrompter
    from qiflow.teach.quiz import grade, questions, score  # noqa: F401
    out = io.StringIO()
    session = Session.from_scenario(load(ZAPATA))
    script = io.StringIO("next\nnext\nnext\nnext\nB\nwhy\nmode strict\nundo\nmoves\njump Entry 5\nstatus\nquit\n")
    run(session, LinePrompter(script, out), lambda said: out.write(said + "\n"))
    text = out.getvalue()
    assert "Question 1. May the court rule this way now?" in text and "Right." in text
    assert "Now in strict mode" in text and "Jumped to just after Entry 5" in text
    assert "Class prediction: B" in text and "qi_motion_pending" not in text


def test_a_chain_names_the_entries_and_rules() -> None:
    from qiflow.teach.chains import case_chain, entry_chain, render_chain, why_not  # noqa: F401
    from qiflow.teach.grade import lessons  # noqa: F401
    from qiflow.teach.play import Session, run  # noqa: F401
    from qiflow.teach.prompts import LinePrompter  # noqa: F401
    from qiflow.teach.quiz import grade, questions, score  # noqa: F401
    sc = load(QI101)
    report = audit(sc)
    chain = entry_chain(sc, report, 4)
    said = render_chain(chain)
    assert chain.code == "QI101" and "the QI motion to dismiss at Dkt. 9 was still pending" in said
    assert "no ruling had decided it" in said and "Carswell, 54 F.4th at 311-12" in said
    assert json.loads(json.dumps(chain.as_dict()))["links"][0]["entry"] == "Dkt. 9"
    assert case_chain(sc, report).lawful is False


def test_zapata_chains_cite_only_what_existed_in_2014() -> None:
    from qiflow.teach.chains import case_chain, entry_chain, render_chain, why_not  # noqa: F401
    from qiflow.teach.grade import lessons  # noqa: F401
    from qiflow.teach.play import Session, run  # noqa: F401
    from qiflow.teach.prompts import LinePrompter  # noqa: F401
    from qiflow.teach.quiz import grade, questions, score  # noqa: F401
    sc = load(ZAPATA)
    said = render_chain(case_chain(sc, audit(sc)))
    assert "before Carswell a court could defer only after the gate-1 holding" in said
    assert "Webb, 618" not in said  # decided 2015, after the day the docket is judged


def test_why_not_says_what_would_make_it_lawful() -> None:
    from qiflow.teach.chains import case_chain, entry_chain, render_chain, why_not  # noqa: F401
    from qiflow.teach.grade import lessons  # noqa: F401
    from qiflow.teach.play import Session, run  # noqa: F401
    from qiflow.teach.prompts import LinePrompter  # noqa: F401
    from qiflow.teach.quiz import grade, questions, score  # noqa: F401
    sc = load(QI101)
    upto = sc.model_copy(update={"docket": sc.docket[:2]})
    answer = why_not("discovery_order", audit(upto))
    first = answer.requirements[0]
    assert first.code == "QI101" and not first.met and first.bars and "Dkt. 9" in first.fix


def test_the_grader_teaches() -> None:
    from qiflow.teach.chains import case_chain, entry_chain, render_chain, why_not  # noqa: F401
    from qiflow.teach.grade import lessons
    from qiflow.teach.play import Session, run  # noqa: F401
    from qiflow.teach.prompts import LinePrompter  # noqa: F401
    from qiflow.teach.quiz import grade, questions, score  # noqa: F401
    sc = load(QI101)
    wrong = sc.model_copy(update={"expect": sc.expect.model_copy(update={"violations": ["QI201"]})})
    said = " ".join(str(x) for x in lessons(wrong, audit(wrong)))
    assert "You predicted QI201, but Dkt. 15 holds that the pleadings overcome QI" in said
    assert "you missed QI101 at Dkt. 15: the QI motion to dismiss at Dkt. 9 was still pending" in said
    assert "(Carswell, 54 F.4th at 311-12)" in said and "True" not in said and "expected" not in said


def test_quiz_scores_and_quotes_the_rule_when_wrong() -> None:
    from qiflow.teach.chains import case_chain, entry_chain, render_chain, why_not  # noqa: F401
    from qiflow.teach.grade import lessons  # noqa: F401
    from qiflow.teach.play import Session, run  # noqa: F401
    from qiflow.teach.prompts import LinePrompter  # noqa: F401
    from qiflow.teach.quiz import grade, questions, score
    sc = load(ZAPATA)
    asked = questions(sc, audit(sc))
    assert [q.label for q in asked] == ["Entry 4", "Entry 5"]  # the discovery order: its number is unknown
    right = grade(asked[0], "B")
    wrong = grade(asked[1], "A")
    assert right.correct and not wrong.correct and score([right, wrong]) == (1, 2)
    assert any("The rule:" in line and "Gate 1" in line for line in wrong.lines)
    done = qiflow("quiz", str(ZAPATA), "--answers", "B,DEG")
    assert done.stdout.strip().endswith("Score: 2 of 2")


def test_the_recorded_session_is_the_one_the_page_shows_and_it_replays(tmp_path) -> None:
    """The page's transcript is what `qiflow play` prints over plain stdin (a real process, here); the tmux
    recording shows the same lines; the file the session saves replays to the session's own report."""
    import os

    from qiflow.views import teaching

    page = (ROOT / "docs" / "teaching.md").read_text()
    start = page.index("```text\n$ qiflow play\n") + len("```text\n")
    shown = page[start:page.index("\n```", start)].split("\n")
    script = SCRIPT.read_text().replace("/tmp/built.yaml", teaching.BUILT)
    (tmp_path / teaching.BUILT).parent.mkdir(parents=True)
    done = subprocess.run([sys.executable, "-m", "qiflow", "play"], input=script, capture_output=True, text=True,
                          cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "100"}, check=False)
    assert done.returncode == 0, done.stderr
    assert ["$ qiflow play"] + [line.rstrip() for line in done.stdout.rstrip("\n").split("\n")] == shown
    assert teaching.tmux_lines((ROOT / teaching.TMUX).read_text()) == shown
    saved = tmp_path / teaching.BUILT
    assert saved.read_text() == (ROOT / teaching.BUILT).read_text()
    replay = json.loads(subprocess.run([sys.executable, "-m", "qiflow", "run", str(saved), "--format", "json"],
                                       capture_output=True, text=True, cwd=ROOT, check=False).stdout)
    session = teaching.rusanowsky_session(ROOT)
    replay.pop("file")
    assert replay == session.session_json and replay["state"] == "joint_report_filed"


def test_the_teaching_page_drifts_when_the_code_does(monkeypatch) -> None:
    """The page is made from what the commands print: change what `qiflow run` prints, and it is stale."""
    from qiflow.views import docs, teaching
    from qiflow.views import text as view

    session = teaching.rusanowsky_session(ROOT)
    fresh = teaching.page(ROOT, session)
    assert fresh == (ROOT / "docs" / "teaching.md").read_text(), "run `qiflow docs --write docs/`"
    monkeypatch.setattr(view, "NOTHING_NEXT", "no one is left")
    assert teaching.page(ROOT, session) != fresh
    assert "teaching.md" in docs.stale(ROOT / "docs", SCENARIOS)


def test_the_template_checks_and_an_early_law_as_of_warns_the_author(tmp_path) -> None:
    template = ROOT / "docs" / "teaching" / "template.yaml"
    done = qiflow("check", str(template))
    assert done.returncode == 0 and "warning" not in done.stdout, done.stdout
    early = tmp_path / "early.yaml"
    early.write_text(template.read_text().replace("law_as_of: 2023-06-01", "law_as_of: 2023-01-01"))
    done = qiflow("check", str(early))
    assert done.returncode == 0, done.stdout
    said = " ".join(done.stdout.split())  # the message wraps at the terminal's width
    assert "warning: law_as_of is Jan. 1, 2023, earlier than Dkt. 1 (Jan. 3, 2023) and 3 later entries" in said
    assert "earlier than" in qiflow("run", str(early)).stderr


def test_explain_quiz_check_and_rule_wrap_at_the_terminal_and_keep_lines_whole_to_a_pipe(tmp_path) -> None:
    import os

    def run(*args: str, columns: str | None = None) -> str:
        env = {k: v for k, v in os.environ.items() if k != "COLUMNS"} | ({"COLUMNS": columns} if columns else {})
        return subprocess.run([sys.executable, "-m", "qiflow", *args], capture_output=True, text=True, cwd=tmp_path,
                              env=env | {"PYTHONPATH": str(ROOT)}, check=False).stdout

    (tmp_path / "student.yaml").write_text(QI101.read_text().replace("violations: [QI101]", "violations: [QI201]"))
    for args in (("explain", str(ZAPATA)), ("quiz", str(ZAPATA), "--answers", "A,DE"), ("check", "student.yaml"),
                 ("rule", "QI102")):
        narrow, piped = run(*args, columns="60"), run(*args)
        assert max(len(line) for line in narrow.splitlines()) <= 60, args
        assert max(len(line) for line in piped.splitlines()) > 60, args  # one line a message to a pipe
        assert narrow.split() == piped.split(), args  # the same words, none split


def test_save_never_writes_onto_the_case_played_and_a_bad_path_keeps_the_session(tmp_path) -> None:
    played = tmp_path / "case.yaml"
    played.write_bytes((SCENARIOS / "rules" / "qi101-discovery-while-qi-motion-pending.yaml").read_bytes())
    before = played.read_bytes()
    script = f"save {played}\nsave {tmp_path / 'missing' / 'x.yaml'}\nsave {tmp_path}\nstatus\nquit\n"
    done = qiflow("play", str(played), stdin=script)
    assert done.returncode == 0, done.stderr
    assert played.read_bytes() == before
    assert done.stdout.count("Cannot save:") == 3 and "Traceback" not in done.stderr
    flat = " ".join(done.stdout.split())  # the session wraps its lines
    assert "does not exist" in flat and "is a directory" in flat
