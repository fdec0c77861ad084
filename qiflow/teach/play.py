"""``qiflow play``: a stepper for a class. Where the case stands, the moves open to each actor, predict then
reveal, pick a move and fill its fields, undo, why / why not, audit or strict, jump, save.

``Session`` holds the docket so far and answers every command with text; the loop (``run``) reads
commands from a ``Prompter`` (prompt_toolkit at a terminal, plain lines otherwise).
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import yaml
from pydantic import TypeAdapter, ValidationError
from rich.text import Text

from qiflow import scenario as m
from qiflow.engine.report import Report
from qiflow.engine.run import audit
from qiflow.files.write import OutputError, write_output
from qiflow.procedure.careful import PROCEDURE
from qiflow.teach import docket as d
from qiflow.teach.chains import (
    case_chain,
    entry_chain,
    render_chain,
    render_why_not,
    why_not,
)
from qiflow.teach.prompts import Prompter
from qiflow.teach.quiz import (
    grade,
    parse,
    question_at,
    render_feedback,
    render_question,
)
from qiflow.teach.words import official_words, order_words, readable
from qiflow.views import text as view


@cache
def _adapter() -> TypeAdapter[m.Event]:
    """Built on first use, not at import."""
    return TypeAdapter(m.Event)
PREDICTED = ("discovery_order", "motion_to_dismiss_ruling", "discovery", "qi_ruling", "judgment")
"""The moves the class is asked about before the reveal: what a court may do, and discovery."""
SKIP = {"event", "expect", "note", "review", "id"}
"""Fields the stepper does not ask for (an entry ``id`` is for files; here entries are named by number)."""
FIELD_WORDS = {
    "asserts_qi": "asserts QI", "pleadings_overcome_qi": "holds the pleadings overcome QI (gate 1)",
    "fact_questions": "fact questions (gate 2)", "authorized": "authorized requests (gate 3)",
    "from_": "appeal from (docket no.)", "motion": "ruling on motion (docket no.)", "appeal": "appeal (docket no.)",
    "reserves_qi": "leaves QI for later, whatever its title", "reply_ordered": "orders a Rule 7(a) reply",
    "date_filed": "date filed", "confer_by": "confer by", "report_by": "report by", "description": "docket text",
}
"""How the stepper names a field when it asks for it."""


def _words(name: str) -> str:
    return FIELD_WORDS.get(name, name.replace("_", " "))
COMMANDS = ("status", "moves", "next", "add", "undo", "why", "whynot", "mode", "jump", "predict", "save",
            "report", "help", "quit")
HELP = """Commands:
  status            where the case stands: phase, each official's QI, gates, motions, orders, burden
  moves             the moves open to each actor, and the barred ones with why not
  next              play the scenario's next entry: predict first, then the reveal with its because-chain
  add EVENT         make a move yourself (e.g. add discovery_order); you are asked for its fields
  undo              take back the last entry
  why [ENTRY]       the because-chain for an entry (default: the last), or 'why case'
  whynot EVENT      what would make EVENT lawful now
  mode audit|strict audit records every entry; strict refuses the unlawful ones
  predict on|off    ask the class before each reveal (default on)
  jump ENTRY        go to just after ENTRY of the scenario (a docket number or 'Entry N')
  save FILE         write the docket so far as a scenario; qiflow run replays it identically
  report            the full report so far
  quit"""


@dataclass
class Session:
    """The docket so far, and the scenario it may be stepping through."""

    title: str
    parties: list[m.Party]
    law_as_of: dt.date | None = None
    mode: str = "audit"
    docket: list[m.Event] = field(default_factory=list)
    source: m.Scenario | None = None
    predict: bool = True
    width: int = 100
    asked: int = 0
    right: int = 0
    played: Path | None = None
    """The file the session steps through: ``save`` never writes onto it."""

    @classmethod
    def from_scenario(cls, scenario: m.Scenario, upto: int = 0) -> Session:
        return cls(scenario.title, list(scenario.parties), scenario.law_as_of, scenario.mode,
                   list(scenario.docket[:upto]), scenario)

    @classmethod
    def new_case(cls, plaintiff: str, official: str, city: str | None = None, law_as_of: dt.date | None = None,
                 title: str | None = None) -> Session:
        parties = [m.Party(id="plaintiff", name=plaintiff, role=m.Role.PLAINTIFF),
                   m.Party(id="official", name=official, role=m.Role.DEFENDANT)]
        if city:
            parties.append(m.Party(id="city", name=city, role=m.Role.DEFENDANT, kind=m.Kind.MUNICIPALITY))
        return cls(title or f"{plaintiff} v. {city or official}", parties, law_as_of)

    def scenario(self) -> m.Scenario:
        base = self.source
        data: dict[str, Any] = {"qiflow": 1, "title": self.title, "mode": self.mode, "parties": self.parties,
                                "docket": self.docket}
        if self.law_as_of is not None:
            data["law_as_of"] = self.law_as_of
        if base is not None:
            for key in ("court", "case_number"):
                if getattr(base, key) is not None:
                    data[key] = getattr(base, key)
        return m.Scenario(**data)

    def report(self) -> Report:
        return audit(self.scenario())

    # --- views ------------------------------------------------------------------------------------
    def status(self) -> str:
        report = self.report()
        if not report.entries:
            return "Nothing filed yet. " + ", ".join(p.name for p in self.parties) + "."
        s = report.entries[-1].standing
        lines = [f"After {report.entries[-1].label}: {s.phase_label}."]
        lines += ["  " + official_words(o) for o in s.officials]
        lines += ["  " + order_words(order) for order in s.orders_in_force]
        lines.append(f"  Departures so far: {', '.join(report.codes) or 'none'}. Mode: {report.mode}.")
        return "\n".join(lines)

    def moves(self) -> str:
        report = self.report()
        if not report.next_moves:
            return "No move is open: no defendant remains in the case."
        out = []
        for actor, moves in view.moves_by_actor(report.next_moves):
            out.append(actor[:1].upper() + actor[1:])
            out += ["  " + view.move_line(mv, view.UNICODE).plain for mv in moves]
        filed = {e.event for e in self.docket}
        party_moves = [mv for mv in PROCEDURE.moves if mv.actor in ("plaintiff", "defendant", "parties")
                       and not mv.stays and (mv.event not in filed or mv.event in ("supplement", "appeal"))]
        out.append("Filings the parties may make (add EVENT): " + ", ".join(mv.event for mv in party_moves))
        return "\n".join(out)

    def reveal(self, position: int) -> str:
        report = self.report()
        row = report.entries[position - 1]
        mark = "refused" if not row.accepted else ("departs" if row.codes else "lawful")
        if d.appeals_final_judgment(self.docket, position):
            return (f"{row.label} {row.event_label}: {mark}. An appeal from the final judgment (28 U.S.C. \u00a7 1291): "
                    "an ordinary appeal, not a collateral-order appeal; the QI-appeal rules do not apply to it.")
        head = f"{row.label} {row.event_label}: {mark}. Now: {row.phase_label}."
        return head + "\n" + render_chain(entry_chain(self.scenario(), report, position))

    # --- changes ------------------------------------------------------------------------------------
    def add(self, entry: m.Event) -> int:
        """Append ``entry`` if the docket stays a valid scenario (ids defined, dates in order), else raise."""
        from qiflow.files.load import ScenarioError, parse

        self.docket.append(entry)
        try:
            parse(self.yaml(), "the docket")
        except ScenarioError as error:
            self.docket.pop()
            raise ValueError(str(error).replace("the docket: ", "")) from None
        return len(self.docket)

    def yaml(self) -> str:
        data = self.scenario().model_dump(mode="json", by_alias=True, exclude_unset=True)
        return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)

    def undo(self) -> m.Event | None:
        return self.docket.pop() if self.docket else None

    def jump(self, token: str) -> int:
        if self.source is None:
            raise d.NoSuchEntry("no scenario to jump in: start with qiflow play FILE")
        position = d.find(self.source.docket, token)
        self.docket = list(self.source.docket[:position])
        return position

    def next_entry(self) -> m.Event | None:
        if self.source is None or len(self.docket) >= len(self.source.docket):
            return None
        if self.source.docket[: len(self.docket)] != self.docket:
            return None
        return self.source.docket[len(self.docket)]

    def save(self, path: Path) -> None:
        write_output(path, self.yaml(), inputs=(self.played,) if self.played is not None else ())


# --- filling a move's fields ------------------------------------------------------------------------
def _model(event: str) -> type[m.Entry]:
    for kind in m.Event.__origin__.__args__:  # type: ignore[attr-defined]
        if kind.model_fields["event"].annotation.__args__[0] == event:
            return kind  # type: ignore[no-any-return]
    raise KeyError(event)


def _bare(annotation: Any) -> Any:
    """The type under ``Annotated`` (``m.Number`` is an int that refuses booleans)."""
    return get_args(annotation)[0] if get_origin(annotation) is Annotated else annotation


def _strip_optional(annotation: Any) -> tuple[Any, bool]:
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        return (args[0] if len(args) == 1 else annotation), len(args) < len(get_args(annotation))
    return annotation, False


def fill(event: str, ask: Callable[[str, list[str] | None], str | None], session: Session) -> m.Event | None:
    """Ask for each field of an ``event`` entry (blank keeps the default); ``None`` if input ends."""
    model = _model(event)
    data: dict[str, Any] = {"event": event}
    ids = [p.id for p in session.parties]
    numbers = [e.entry_number for e in session.docket if e.entry_number is not None]
    court = PROCEDURE.move[event].actor in ("district court", "court of appeals")
    for name, info in model.model_fields.items():
        if name in SKIP or (court and name == "by"):
            continue
        key = info.alias or name
        annotation, optional = _strip_optional(info.annotation)
        required = info.is_required()
        hint = ""
        words: list[str] | None = None
        if name == "entry_number":
            suggested = (max(numbers) + 1) if numbers else 1
            reply = ask(f"  docket number [{suggested}; '-' for none]: ", None)
            if reply is None:
                return None
            if reply.strip() != "-":
                data[key] = int(reply) if reply.strip().isdigit() else suggested
            continue
        if get_origin(annotation) is Literal:
            words = [str(a) for a in get_args(annotation)]
            hint = " (" + " | ".join(words) + ")"
        elif annotation is bool:
            hint, words = " (y/n)", ["y", "n"]
        elif annotation is dt.date:
            hint = " (YYYY-MM-DD)"
        elif name in ("by", "against", "defendants", "as_to"):
            words = ids
            hint = " (" + ", ".join(ids) + ")"
        elif get_origin(annotation) is list:
            (inner,) = get_args(annotation)
            if inner is m.FactQuestion or inner is m.Request:
                items: list[dict[str, object]] = []
                while True:
                    reply = ask(f"  {_words(name)}: 'id: text' (blank line ends): ", None)
                    if reply is None:
                        return None
                    if not reply.strip():
                        break
                    ident, _, said = reply.partition(":")
                    items.append({"id": ident.strip(), "text": said.strip()})
                if items:
                    data[key] = items
                continue
            if inner is m.Authorization:
                items = []
                while True:
                    reply = ask(f"  {_words(name)}: 'request id: question ids' (blank line ends): ", None)
                    if reply is None:
                        return None
                    if not reply.strip():
                        break
                    request, _, questions = reply.partition(":")
                    items.append({"request": request.strip(), "addresses": questions.replace(",", " ").split()})
                if items:
                    data[key] = items
                continue
            hint = " (comma-separated)"
        shown = "" if required else " [blank: default]"
        reply = ask(f"  {_words(name)}{hint}{shown}: ", words)
        if reply is None:
            return None
        reply = reply.strip()
        if not reply:
            continue
        if annotation is bool:
            data[key] = reply.lower().startswith("y")
        elif get_origin(annotation) is list or name in ("against", "defendants") and annotation is not str:
            data[key] = [x.strip() for x in reply.split(",") if x.strip()]
        elif _bare(annotation) is int:
            data[key] = int("".join(ch for ch in reply if ch.isdigit()) or 0)
        elif {_bare(a) for a in get_args(annotation)} - {type(None)} == {int, str}:  # m.EntryRef: a number, else an id
            data[key] = int(reply) if reply.isdigit() else reply
        else:
            data[key] = reply
        _ = optional
    return _adapter().validate_python(data)


# --- the loop -----------------------------------------------------------------------------------------
def _predict(session: Session, prompter: Prompter, say: Callable[[str], None]) -> None:
    """Ask the class about the last entry before revealing it, with the quiz's options; then grade."""
    position = len(session.docket)
    report = session.report()
    session.asked += 1
    q = question_at(session.scenario(), report, position, session.asked)
    say(render_question(q, report))
    keys = {o.key for o in q.options}
    while True:
        reply = prompter.ask("  Class prediction: ", sorted(keys))
        if reply is None:
            return
        if parse(reply) and parse(reply) <= keys:
            break
        say(f"  Pick from {', '.join(sorted(keys))}.")
    feedback = grade(q, reply)
    session.right += feedback.correct
    say(render_feedback(feedback))
    if feedback.correct:
        say(session.reveal(position))
    say(f"  (The class has {session.right} of {session.asked} predictions right.)")


def _play_entry(session: Session, prompter: Prompter, say: Callable[[str], None]) -> None:
    entry = session.docket[-1]
    if session.predict and entry.event in PREDICTED:
        _predict(session, prompter, say)
    else:
        say(session.reveal(len(session.docket)))


def run(session: Session, prompter: Prompter, say: Callable[[str], None]) -> Session:
    """Read commands until ``quit`` or the end of input; every answer goes through ``say``."""
    say(f"{session.title}. Type 'help' for the commands.")
    say(session.status())
    while True:
        line = prompter.ask("qiflow> ", list(COMMANDS) + list(PROCEDURE.move))
        if line is None:
            break
        command, _, rest = line.strip().partition(" ")
        rest = rest.strip()
        try:
            if command in ("quit", "exit", "q"):
                break
            if not command:
                continue
            if command == "help":
                say(HELP)
            elif command == "status":
                say(session.status())
            elif command == "moves":
                say(session.moves())
            elif command == "report":
                buf = _Buffer()
                view.render(session.report(), buf, scenario=session.scenario(), width=session.width)  # type: ignore[arg-type]
                say(buf.text.rstrip())
            elif command == "next":
                entry = session.next_entry()
                if entry is None:
                    say("No next entry: the scenario is done, or the docket has left it (undo or jump).")
                    continue
                position = session.add(entry)
                row = session.report().entries[position - 1]
                say(f"Next: {row.label} ({row.date_label}) {row.event_label}"
                    + (f" \u201c{entry.description}\u201d" if entry.description else ""))
                _play_entry(session, prompter, say)
            elif command == "add":
                if rest not in PROCEDURE.move:
                    say("add what? One of: " + ", ".join(PROCEDURE.move))
                    continue
                entry_or_none = fill(rest, prompter.ask, session)
                if entry_or_none is None:
                    break
                try:
                    session.add(entry_or_none)
                except ValueError as error:
                    say(f"Not added: {error}")
                    continue
                _play_entry(session, prompter, say)
            elif command == "undo":
                gone = session.undo()
                say("Nothing to undo." if gone is None else f"Took back the {PROCEDURE.move[gone.event].label}.")
                say(session.status())
            elif command == "why":
                report = session.report()
                if rest == "case" or not session.docket:
                    say(render_chain(case_chain(session.scenario(), report)))
                else:
                    position = d.find(session.docket, rest) if rest else len(session.docket)
                    say(render_chain(entry_chain(session.scenario(), report, position)))
            elif command in ("whynot", "why-not"):
                if rest not in PROCEDURE.move:
                    say("why not what? One of: " + ", ".join(PROCEDURE.move))
                    continue
                say(render_why_not(why_not(rest, session.report())))
            elif command == "mode":
                if rest not in ("audit", "strict"):
                    say("mode audit or mode strict")
                    continue
                session.mode = rest
                say(f"Now in {rest} mode.\n" + session.status())
            elif command == "predict":
                session.predict = rest != "off"
                say("Predictions " + ("on." if session.predict else "off."))
            elif command == "jump":
                position = session.jump(rest)
                say(f"Jumped to just after {session.report().entries[position - 1].label}.\n" + session.status())
            elif command == "save":
                if not rest:
                    say("save FILE")
                    continue
                session.save(Path(rest))
                say(f"Saved {len(session.docket)} entries to {rest}; qiflow run {rest} replays them.")
            else:
                say(f"Unknown command {command!r}. Type 'help'.")
        except OutputError as error:
            say(f"Cannot save: {error}")
        except (d.NoSuchEntry, ValidationError, ValueError, OSError) as error:
            say(f"Cannot do that: {readable(str(error).splitlines()[0], session.report())}")
    return session


class _Buffer:
    """A text stream the report renders into (not a terminal, UTF-8)."""

    encoding = "utf-8"

    def __init__(self) -> None:
        self.text = ""

    def write(self, data: str) -> int:
        self.text += data
        return len(data)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def status_text(text: str) -> Text:
    return Text(text)
