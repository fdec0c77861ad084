"""``qiflow verify``: check the procedure exhaustively, or with one guard removed (the law with a step skipped)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from qiflow.cli.common import Exit, fail
from qiflow.engine.run import audit
from qiflow.files.write import OutputError, write_output
from qiflow.procedure.careful import PROCEDURE, Procedure
from qiflow.verify.explore import Exploration, explore, scenario_yaml


def _guards(procedure: Procedure) -> str:
    lines = ["Guards (error severity; --without removes one):"]
    lines += [f"  {g.name:<36} {g.code.code}  {g.question}" for g in procedure.blocking_guards]
    lines.append("Cautions (warnings; they never bar a move, so there is nothing to remove):")
    lines += [f"  {g.name:<36} {g.code.code}  {g.question}" for g in procedure.guards if not g.blocks]
    return "\n".join(lines)


def _counterexample(found: Exploration) -> str:
    inv, scenario = found.invariant, found.counterexample
    assert inv is not None and scenario is not None
    lines = [f"Invariant broken: {inv.name} (LAW.md s.{inv.section})", f"  {inv.paraphrase}"]
    lines += [f"  - {x}" for x in inv.authorities]
    lines.append(f"Shortest counterexample (law as of {scenario.law_as_of}; parties: "
                 + "; ".join(f"{p.name}, {p.kind.value}" for p in scenario.parties[1:]) + "):")
    report = audit(scenario)
    for e in report.entries:
        codes = f"  [{', '.join(e.codes)}]" if e.codes else ""
        lines.append(f"  {e.entry_number:>2}. {e.explanation}{codes}")
    return "\n".join(lines)


@click.command()
@click.option("--without", "guard", metavar="GUARD", help="Remove one guard and look for what it was stopping.")
@click.option("--list-guards", is_flag=True, help="List the guards --without accepts, and the cautions.")
@click.option("--counterexample", "out", type=click.Path(path_type=Path),
              help="Write the counterexample as a scenario file `qiflow run` replays.")
@click.option("--amended", is_flag=True,
              help="Verify the proposed amendment to s.11's discovery rule (docs/law-gaps.md) instead.")
def verify(guard: str | None, list_guards: bool, out: Path | None, amended: bool) -> None:
    """Explore every reachable situation and check LAW.md s.9's invariants."""
    base = PROCEDURE.amended() if amended else PROCEDURE
    if list_guards:
        click.echo(_guards(base))
        return
    procedure = base
    if guard is not None:
        names = {g.name: g for g in base.guards}
        if guard not in names:
            fail(f"unknown guard {guard!r}\n{_guards(base)}")
        if not names[guard].blocks:
            fail(f"{guard} is a caution ({names[guard].code.code}, a warning): it never "
                 "bars a move, so removing it changes nothing to verify.\n" + _guards(base))
        procedure = base.without(guard)
    found = explore(procedure, law=base)
    what = ("the amended procedure" if amended else "the procedure") + (f" without {guard}" if guard else "")
    click.echo(f"Explored {found.situations} situations and {found.transitions} transitions "
               f"({what}) in {found.seconds:.2f} s.")
    if found.violation is None:
        click.echo("Every invariant of LAW.md s.9 holds, and no situation is a dead end.")
        sys.exit(Exit.CLEAN)
    if guard and not found.through_removed:
        click.echo(f"No counterexample needs {guard} removed: it is redundant here. The procedure itself fails:")
    click.echo(_counterexample(found))
    if not procedure.removed:
        click.echo("Every entry above is lawful under LAW.md s.11 as written (strict mode accepts each one): the "
                   "gap is between s.11 and s.9, not a skipped guard. `qiflow verify --amended` checks the proposed "
                   "fix; see docs/law-gaps.md.")
    if out is not None and found.counterexample is not None:
        try:
            write_output(out, scenario_yaml(found.counterexample))
        except OutputError as error:
            fail(error)
        if str(out) != "-":
            click.echo(f"Wrote {out}; replay it with `qiflow run {out}`.")
    sys.exit(Exit.FOUND)
