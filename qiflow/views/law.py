"""``docs/law.md``: the law qiflow encodes, generated from the code itself (eras, doctrines, codes, the rules
in LAW.md s.11's order with their dated formulas, the invariants), so users need no other copy."""

from __future__ import annotations

import datetime as dt
import inspect

from qiflow import scenario as m
from qiflow.law.codes import CODES
from qiflow.law.doctrines import DOCTRINES
from qiflow.law.eras import ALWAYS, Era
from qiflow.law.invariants import INVARIANTS
from qiflow.procedure.careful import PROCEDURE


def _day(day: dt.date) -> str:
    return "always" if day == ALWAYS else day.isoformat()


def _doc(obj: object) -> str:
    return " ".join((inspect.getdoc(obj) or "").split())


def law_page() -> str:
    """The Markdown page."""
    lines = ["# The law qiflow encodes", "",
             "Generated from `qiflow/law/` by `qiflow docs --write docs/`; do not edit. Section numbers (s.N) are "
             "those of this page's sources: 1 who may assert QI, 2 the stay, 3 rule first, 4 the Rule 7(a) reply "
             "and the SJ track, 5 the three gates, 6 the meet-and-confer, 7 appeals, 8 after QI is decided, "
             "9 invariants, 10 codes, 11 how each entry is judged. An unverified pinpoint is kept in the data "
             "and in JSON (`pin_verified: false`) but never printed.", "", "## Eras", ""]
    lines += [f"- **{e.value}**: from {_day(e.begins)}" for e in Era]
    lines += ["", "## Doctrines (each proposition of law once, with who holds it)", ""]
    for d in DOCTRINES:
        marks = ("" if d.settled else " **[unsettled]**") + (" *(N.D. Tex. practice, not circuit law)*"
                                                             if d.district_practice else "")
        lines += [f"### {d.title} (s.{d.section}){marks}", "", f"`{d.name}`: {d.holds}", ""] + [f"- {a}" for a in d.cites] + [""]
    lines += ["## Codes (s.10)", "", "| code | name | severity | s. | in force from | rests on |", "|---|---|---|---|---|---|"]
    lines += [f"| {c.code} | {c.name} | {c.severity.value} | {c.section} | {_day(c.since)} | "
              f"{'; '.join(d.title for d in c.rests_on)} |" for c in CODES.values()]
    lines += ["", "## How each entry is judged (s.11), rule by rule", ""]
    for move in PROCEDURE.moves:
        if not move.guards:
            continue
        lines += [f"### `{move.event}`", ""]
        for g in move.guards:
            bars = "bars the entry in strict mode" if g.blocks else "flags, never bars"
            lines.append(f"- **`{g.name}`** ({g.code.code}, {bars}): {g.question}")
            for start, formula in g.formulas:
                lines.append(f"  - from {_day(max(start, g.code.since))}: {_doc(formula)}")
        lines.append("")
    lines += ["## Invariants (s.9): what no path may reach", ""]
    for x in INVARIANTS:
        lines.append(f"- **`{x.name}`** (s.{x.section}): {x.paraphrase}")
        if x.on:
            kinds = [PROCEDURE.move[event].label for event, kind in m.EVENT_MODELS.items() if kind in x.on]
            lines.append(f"  - only an entry of {'this kind' if len(kinds) == 1 else 'these kinds'} can break it: "
                         f"{', '.join(kinds)}")
        lines += [f"  - from {_day(day)} ({doctrine.title}): {term}" for day, doctrine, term in x.dated]
    return "\n".join(lines) + "\n"
