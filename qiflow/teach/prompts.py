"""Where the stepper's input comes from: a prompt_toolkit session at a terminal, plain lines otherwise.

Both ask one question at a time and return ``None`` at the end of input, so tests (and a teacher's
prepared script) drive the stepper over plain stdin exactly as a class drives it at the keyboard.
"""

from __future__ import annotations

import sys
from typing import Protocol, TextIO


class Prompter(Protocol):
    def ask(self, prompt: str, words: list[str] | None = None) -> str | None:
        """The reply to ``prompt`` (completing from ``words``), or ``None`` when input has ended."""


class LinePrompter:
    """Reads plain lines (a pipe, a file, a test) and echoes each reply, so a transcript reads as a session."""

    def __init__(self, stream: TextIO | None = None, out: TextIO | None = None) -> None:
        self.stream = stream or sys.stdin
        self.out = out or sys.stdout

    def ask(self, prompt: str, words: list[str] | None = None) -> str | None:
        self.out.write(prompt)
        line = self.stream.readline()
        if not line:
            self.out.write("\n")
            return None
        reply = line.rstrip("\n")
        self.out.write(reply + "\n")
        self.out.flush()
        return reply


class ToolkitPrompter:
    """A prompt_toolkit session: history, line editing, completion of commands, events and party ids."""

    def __init__(self) -> None:
        from prompt_toolkit import PromptSession

        self.session: PromptSession[str] = PromptSession()

    def ask(self, prompt: str, words: list[str] | None = None) -> str | None:
        from prompt_toolkit.completion import WordCompleter

        completer = WordCompleter(words, ignore_case=True) if words else None
        try:
            return self.session.prompt(prompt, completer=completer)
        except (EOFError, KeyboardInterrupt):
            return None


def wrapped(text: str, width: int) -> str:
    """``text`` wrapped at ``width`` on word boundaries, each line keeping its indent (and two more after)."""
    import textwrap

    out = []
    for line in text.split("\n"):
        indent = line[: len(line) - len(line.lstrip())]
        out.append(textwrap.fill(line, width, initial_indent="", subsequent_indent=indent + "  ",
                                 break_long_words=False, break_on_hyphens=False) if len(line) > width else line)
    return "\n".join(out)


def prompter() -> Prompter:
    """prompt_toolkit at a terminal; plain lines when stdin is a pipe or a file."""
    return ToolkitPrompter() if sys.stdin.isatty() and sys.stdout.isatty() else LinePrompter()
