"""``docs/teaching.md`` and the scenario its recorded session saves, generated: never typed by hand.

Every transcript and screen on the page is the output of the command shown above it, run here in process
(the command line itself, over plain stdin, as a pipe or a prepared script drives it). ``qiflow docs
--write docs/`` rebuilds the page and ``docs/teaching/rusanowsky-built.yaml``; the test suite fails when
either drifts from what the code prints now. The prose between the transcripts is in
``docs/teaching/intro.md`` and ``docs/teaching/outro.md``.

The same Rusanowsky session recorded in tmux (``docs/teaching/record.sh``, kept as
``docs/teaching/tmux-rusanowsky.txt``) is checked against the plain-stdin transcript line for line.
"""

from __future__ import annotations

import contextlib
import json
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from qiflow.views import generated

RUSANOWSKY = "scenarios/rusanowsky-v-city-of-dallas.yaml"
ZAPATA = "scenarios/cases/zapata-v-melson.yaml"
QI101 = "scenarios/rules/qi101-discovery-while-qi-motion-pending.yaml"
PLAY_SCRIPT = "tests/data/play-rusanowsky.txt"
ZAPATA_SCRIPT = "tests/data/play-zapata.txt"
BUILT = "docs/teaching/rusanowsky-built.yaml"
"""Where the recorded session saves the docket it builds (the script says ``save /tmp/built.yaml``)."""
TMUX = "docs/teaching/tmux-rusanowsky.txt"
TEMPLATE = "docs/teaching/template.yaml"
PLAY_COLUMNS = 100
"""The width of the tmux pane the session is recorded in."""
SCREEN = 40
"""The lines of a first screen."""
NAMES = ("teaching.md", "teaching/rusanowsky-built.yaml")
"""What this module generates, relative to ``docs/``."""


@dataclass(frozen=True)
class Ran:
    command: str
    """The command as a reader types it."""
    output: str
    """What it printed (standard output and standard error, as a terminal shows them)."""
    code: int


def _cli(args: list[str], shown: str, *, stdin: str | None = None, columns: int | None = None,
         cwd: Path | None = None, say_columns: bool = True) -> Ran:
    """Run ``qiflow ARGS`` in process as the command line does, stdout a pipe, ``COLUMNS`` set or not (and
    then shown before the command, unless ``say_columns`` is off: the tmux pane sets the width itself)."""
    from click.testing import CliRunner

    from qiflow.cli import main

    runner = CliRunner()
    env = {"COLUMNS": str(columns) if columns else None, "NO_COLOR": "1"}
    with contextlib.chdir(cwd) if cwd is not None else contextlib.nullcontext():
        result = runner.invoke(main, args, input=stdin, env=env, catch_exceptions=False)
    prefix = f"COLUMNS={columns} " if columns and say_columns and not shown.startswith("COLUMNS=") else ""
    said = shown.replace("| qiflow", f"| {prefix}qiflow") if "| qiflow" in shown else prefix + shown
    return Ran(said, result.output, result.exit_code)


def _fence(*runs: Ran, head: int | None = None) -> list[str]:
    lines = ["```text"]
    for i, ran in enumerate(runs):
        out = ran.output.rstrip("\n").split("\n")
        if head is not None:
            out = out[:head]
        lines += ([""] if i else []) + [f"$ {ran.command}"] + out
    return lines + ["```", ""]


def _plain(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.rstrip("\n").split("\n"))


@contextlib.contextmanager
def _scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="qiflow-teaching-") as tmp:
        yield Path(tmp)


@dataclass(frozen=True)
class Recording:
    """The recorded Rusanowsky session: its transcript, the file it saved, that file's report."""

    transcript: str
    saved: str
    replay: Ran
    """``qiflow run`` on the saved file."""
    replay_json: dict[str, object]
    session_json: dict[str, object]


def rusanowsky_session(root: Path) -> Recording:
    """``qiflow play`` over plain stdin from the prepared script, saving to ``docs/teaching/rusanowsky-built.yaml``
    (in a scratch folder, so generating the page writes nothing but the page)."""
    from qiflow.files.load import load
    from qiflow.teach.play import Session as Stepper

    script = (root / PLAY_SCRIPT).read_text().replace("/tmp/built.yaml", BUILT)
    with _scratch() as tmp:
        (tmp / BUILT).parent.mkdir(parents=True)
        ran = _cli(["play"], "qiflow play", stdin=script, columns=PLAY_COLUMNS, cwd=tmp, say_columns=False)
        if ran.code != 0:
            raise RuntimeError(f"qiflow play < {PLAY_SCRIPT} failed:\n{ran.output}")
        saved = (tmp / BUILT).read_text()
        text = _cli(["run", BUILT], f"qiflow run {BUILT}", cwd=tmp)
        replay = json.loads(_cli(["run", BUILT, "--format", "json"], "", cwd=tmp).output)
        scenario = load(tmp / BUILT)
    stepper = Stepper(scenario.title, list(scenario.parties), scenario.law_as_of, scenario.mode, list(scenario.docket))
    again = stepper.report().model_dump(mode="json")
    for data in (replay, again):
        data.pop("file", None)
    return Recording(_plain(ran.output), saved, text, replay, again)


def tmux_lines(text: str) -> list[str]:
    """A tmux pane's lines as the transcript has them: trailing blanks and the shell's last prompt dropped."""
    lines = [line.rstrip() for line in text.rstrip("\n").split("\n")]
    while lines and lines[-1] in ("", "$"):
        lines.pop()
    return lines


def _section_session(root: Path, session: Recording) -> list[str]:
    if session.replay_json != session.session_json:
        raise RuntimeError(f"{BUILT} does not replay to the session's report")
    entries, violations = session.replay_json["entries"], session.replay_json["violations"]
    assert isinstance(entries, list) and isinstance(violations, list)
    lines = [
        "## 1. A recorded `qiflow play` session: the Rusanowsky path to the joint report, saved and replayed", "",
        f"Recorded in tmux, {PLAY_COLUMNS} x 40, by `docs/teaching/record.sh`, which types a prepared script's "
        "lines into `qiflow play` (prompt_toolkit at a terminal) and prints the pane:", "",
        "```sh", f"QIFLOW=.venv/bin/qiflow docs/teaching/record.sh <(sed 's#/tmp/built.yaml#{BUILT}#' "
        f"{PLAY_SCRIPT}) > {TMUX}", "```", "",
        f"The recording is `{TMUX}`. Below is the same session over plain stdin "
        f"(`COLUMNS={PLAY_COLUMNS} qiflow play < {PLAY_SCRIPT}`, the script saving to `{BUILT}`); the test "
        "suite checks that the tmux recording and this transcript are the same line for line, and that the "
        "saved file replays to the session's own report.", "",
        "```text", "$ qiflow play", session.transcript, "```", "",
        f"The saved file, replayed: `qiflow run {BUILT} --format json` gives the session's own report, key for "
        f"key ({len(entries)} entries; now: {session.replay_json['state_label']}; "
        + (f"{len(violations)} departures" if violations else "no departure") + ").", "",
    ]
    return lines + _fence(session.replay)


def _first_screens(root: Path) -> list[str]:
    lines: list[str] = []
    for hide in (False, True):
        for width in (80, 120):
            flag = ["--hide-verdicts"] if hide else []
            ran = _cli(["run", RUSANOWSKY, *flag], f"COLUMNS={width} qiflow run {RUSANOWSKY}"
                       + (" --hide-verdicts" if hide else ""), columns=width, cwd=root)
            total = len(ran.output.rstrip("\n").split("\n"))
            n = 3 + hide
            lines += [f"## {n}. `qiflow run{' --hide-verdicts' if hide else ''}` on Rusanowsky at {width} columns "
                      f"(first screen: {SCREEN} of {total} lines)", ""]
            lines += _fence(ran, head=SCREEN)
    return lines


def _zapata(root: Path) -> list[str]:
    play = _cli(["play", ZAPATA], f"qiflow play {ZAPATA} < {ZAPATA_SCRIPT}",
                stdin=(root / ZAPATA_SCRIPT).read_text(), columns=PLAY_COLUMNS, cwd=root)
    lines = ["## 2. Stepping through a case with predictions: Zapata", "",
             f"Over plain stdin, from the prepared script `{ZAPATA_SCRIPT}` (at {PLAY_COLUMNS} columns): "
             "`next` asks the class to predict, then reveals with the because-chain.", ""]
    lines += _fence(play)
    return lines


def _explain_quiz(root: Path) -> list[str]:
    explain = [
        _cli(["explain", ZAPATA, *args], f"qiflow explain {ZAPATA}{' ' if args else ''}{shown}", columns=PLAY_COLUMNS,
             cwd=root)
        for args, shown in (([], ""), (["--entry", "Entry 5"], "--entry 'Entry 5'"),
                            (["--entry", "Entry 4"], "--entry 'Entry 4'"),
                            (["--entry", "Entry 3", "--why-not", "discovery_order"],
                             "--entry 'Entry 3' --why-not discovery_order"))]
    quiz = _cli(["quiz", ZAPATA], f"printf 'A\\nDE\\n' | qiflow quiz {ZAPATA}", stdin="A\nDE\n", columns=PLAY_COLUMNS,
                cwd=root)
    return (["## 5. `qiflow explain` on Zapata", ""] + _fence(*explain)
            + ["## 6. `qiflow quiz` on Zapata (the class answers A, then DE)", ""] + _fence(quiz))


def _grader(root: Path) -> list[str]:
    text = (root / QI101).read_text()
    student = text.replace("violations: [QI101]", "violations: [QI201]").replace("expect: [QI101]", "expect: [QI201]")
    if student == text:
        raise RuntimeError(f"{QI101}: no expect block naming QI101 to change")
    with _scratch() as tmp:
        (tmp / "student.yaml").write_text(student)
        ran = _cli(["check", "student.yaml"], "qiflow check student.yaml", cwd=tmp, columns=PLAY_COLUMNS)
    return ["## 7. `qiflow check` as a grader", "",
            f"A student predicted QI201 for `{QI101}` (its `expect` blocks say QI201 where the file says QI101):",
            ""] + _fence(ran)


def _paths() -> list[str]:
    from qiflow.teach.paths import ERAS, era_words, only_in, shortest, simple_paths

    lines = ["## 8. `qiflow paths` in the three eras", "",
             "From the procedure's definition and the engine's own step: the shortest lawful docket to each phase "
             "and every simple path (no phase twice) to lawful limited QI discovery, judged by the law of one day "
             "in each era of the law (docs/law.md s.11). `qiflow paths --export DIR` writes each as a scenario that "
             "`qiflow check DIR` passes.", "",
             "| era | the law as of | phases reached | simple paths to limited discovery | "
             + " | ".join(f"not lawful {era_words(e)}" for e in ERAS) + " |",
             "|---|---|---|---|" + "---|" * len(ERAS)]
    for era, day in ERAS.items():
        cells = [str(len(only_in(era, other))) if other != era else "-" for other in ERAS]
        lines.append(f"| {era_words(era)} | {day.isoformat()} | {len(shortest(era))} | {len(simple_paths(era))} | "
                     + " | ".join(cells) + " |")
    lines += ["", "Read a row across: of the paths lawful in that era, how many the law of each other era bars. "
              "Before Wicks an order or a deferral needed no holding that the pleadings overcome QI; from Carswell "
              "no order and no deferral may come while a QI motion to dismiss is pending.", ""]
    ran = _cli(["paths", "--era", "before-wicks"], "qiflow paths --era before-wicks")
    lines += _fence(ran, head=SCREEN)
    return lines


def _worked_example(root: Path) -> list[str]:
    template = (root / TEMPLATE).read_text()
    no_holding = template.replace("    pleadings_overcome_qi: true            # gate 1: the explicit holding\n", "")
    early = template.replace("law_as_of: 2023-06-01", "law_as_of: 2023-01-01")
    motion = template.replace(
        "event: answer, by: smith, asserts_qi: true,\n     description: \"Smith's answer, asserting qualified immunity\"",
        "event: motion_to_dismiss, by: smith, asserts_qi: true,\n"
        "     description: \"Smith's Rule 12(b)(6) motion to dismiss on qualified immunity\"")
    for changed, what in ((no_holding, "the gate-1 holding"), (early, "law_as_of"), (motion, "the answer")):
        if changed == template:
            raise RuntimeError(f"{TEMPLATE}: the worked example cannot find {what} to change")
    with _scratch() as tmp:
        doe = tmp / "doe.yaml"

        def run(text: str, args: list[str], shown: str, head: int | None = None) -> list[str]:
            doe.write_text(text)
            columns = PLAY_COLUMNS if args[0] in ("check", "explain") else None
            return _fence(_cli(args, shown, cwd=tmp, columns=columns), head=head)

        verdict = 12
        steps = [
            "## 10. Writing a scenario: a template and a worked example", "",
            f"`{TEMPLATE}` is a complete scenario to copy: an answer-only assertion, a motion for leave with one "
            "request, and an order that passes the three gates. Every field is in `docs/SCENARIOS.md`. A worked "
            "example from it, each step run as shown (`qiflow run` piped, so at 80 columns):", "",
            f"1. Copy it to `doe.yaml` and run it: no departures; limited discovery authorized "
            f"(the verdict, its first {verdict} lines).", "",
            *run(template, ["run", "doe.yaml"], "qiflow run doe.yaml", head=verdict),
            "2. Delete `pleadings_overcome_qi: true` from Dkt. 21 and hold the file's `expect` blocks to the "
            "engine: the grader says what was missed and why.", "",
            *run(no_holding, ["check", "doe.yaml"], "qiflow check doe.yaml"),
            "3. Ask why, and what an order must do there:", "",
            *run(no_holding, ["explain", "doe.yaml", "--entry", "21"], "qiflow explain doe.yaml --entry 21"),
            *run(no_holding, ["explain", "doe.yaml", "--entry", "15", "--why-not", "discovery_order"],
                 "qiflow explain doe.yaml --entry 15 --why-not discovery_order"),
            "4. Put the holding back and set `law_as_of: 2023-01-01`, a day before the docket's entries: "
            "qiflow warns that they are judged by the law of a day before they were filed (leave `law_as_of` "
            "out to judge by today's law).", "",
            *run(early, ["run", "doe.yaml"], "qiflow run doe.yaml", head=4),
            "5. Replace the answer with a motion to dismiss asserting QI: from Carswell (June 17, 2022) a court "
            "must rule on a pending QI motion to dismiss before it orders any discovery (QI101). Judged by the "
            "law of the day before Carswell, the same docket keeps the careful procedure; qiflow warns that the "
            "entries, filed in 2023, are judged by older law, which is the point of the exercise.", "",
            *run(motion, ["run", "doe.yaml"], "qiflow run doe.yaml", head=verdict),
            *run(motion, ["run", "doe.yaml", "--law-as-of", "2022-06-16"], "qiflow run doe.yaml --law-as-of 2022-06-16",
                 head=verdict),
        ]
    return steps + ["Unknown facts stay unknown: leave out an `entry_number` or a `date_filed` you do not know; the "
                    "report shows the entry by its position (\"Entry 12\") and \"date unknown\".", ""]


def page(root: Path, session: Recording | None = None) -> str:
    session = session or rusanowsky_session(root)
    teaching = root / "docs" / "teaching"
    parts = [(teaching / "intro.md").read_text().rstrip("\n"), ""]
    parts += _section_session(root, session)
    parts += _zapata(root)
    parts += _first_screens(root)
    parts += _explain_quiz(root)
    parts += _grader(root)
    parts += _paths()
    parts += [(teaching / "outro.md").read_text().rstrip("\n"), ""]
    parts += _worked_example(root)
    return "\n".join(parts).rstrip("\n") + "\n"


def artifacts(root: Path) -> list[generated.Artifact]:
    """``teaching.md`` and ``teaching/rusanowsky-built.yaml``, relative to ``docs/``."""
    session = rusanowsky_session(root)
    page_name, built_name = NAMES
    return [generated.text(page_name, page(root, session)), generated.text(built_name, session.saved)]
