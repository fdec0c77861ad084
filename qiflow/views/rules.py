"""``qiflow rule``: what a violation code means and who says so, like ``ruff rule``."""

from __future__ import annotations

from qiflow.law.codes import CODES, Code
from qiflow.procedure.careful import PROCEDURE


def guards_for(code: Code) -> list[str]:
    """The guards of the procedure that raise ``code``, with the moves they sit on."""
    return [
        f"{gd.name} (on {', '.join(mv.event for mv in PROCEDURE.moves if gd in mv.guards)})"
        for gd in PROCEDURE.guards if gd.code is code
    ]


def describe_rule(code: Code) -> str:
    lines = [
        f"{code.code} ({code.name})",
        "",
        f"Severity: {code.severity.value}{'' if code.settled else ' (unsettled law)'}",
        f"Section of the law (docs/law.md): {code.section}",
        f"Checked by: {'; '.join(guards_for(code))}",
        "",
        code.rule,
        "",
        "Authorities:",
        *(f"  - {x}" for x in code.authorities),
    ]
    return "\n".join(lines)


def list_rules(columns: int | None = None) -> str:
    """One code a row; the rule wraps on words under its own column, never splitting a word."""
    import textwrap

    from qiflow.views.text import terminal_width

    width = max(len(c.name) for c in CODES.values())
    indent = " " * (5 + 2 + width + 2 + 7 + 2)
    total = columns or terminal_width()
    if total - len(indent) < 50:  # narrow: the rule goes under the code, indented
        indent = " " * 7
    room = max(total - len(indent), 30)
    rows = []
    for c in CODES.values():
        lines = textwrap.wrap(c.rule, room, break_long_words=False, break_on_hyphens=False) or [""]
        if len(indent) == 7:
            rows.append(f"{c.code}  {c.name}  ({c.severity.value})")
            rows += [indent + line for line in lines]
        else:
            rows.append(f"{c.code}  {c.name:<{width}}  {c.severity.value:<7}  {lines[0]}")
            rows += [indent + line for line in lines[1:]]
    return "\n".join(rows)
