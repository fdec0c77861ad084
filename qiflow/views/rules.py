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
        f"LAW.md section: {code.section}",
        f"Checked by: {'; '.join(guards_for(code))}",
        "",
        code.rule,
        "",
        "Authorities:",
        *(f"  - {x}" for x in code.authorities),
    ]
    return "\n".join(lines)


def list_rules() -> str:
    width = max(len(c.name) for c in CODES.values())
    return "\n".join(f"{c.code}  {c.name:<{width}}  {c.severity.value:<7}  {c.rule}" for c in CODES.values())
