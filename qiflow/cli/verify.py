"""``qiflow verify``: check the procedure exhaustively, with one guard removed, or as the law once stood."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from qiflow.cli.common import Exit, default_jobs, fail, jobs_option
from qiflow.engine.run import audit
from qiflow.files.dump import scenario_yaml
from qiflow.files.write import OutputError, write_output
from qiflow.law.variants import VARIANTS
from qiflow.procedure.careful import VARIANTS as PROCEDURES
from qiflow.procedure.model import Procedure
from qiflow.verify.alphabet import LAW_AS_OF
from qiflow.verify.explore import Exploration, explore


def _guards(procedure: Procedure) -> str:
    lines = ["Guards (they bar an entry in strict mode; --without removes one):"]
    lines += [f"  {g.name:<38} {g.code.code}  {g.question}" for g in procedure.blocking_guards]
    lines.append("Cautions (QI001 and the warnings: they flag but never bar an entry, so removing one changes "
                 "nothing to verify):")
    lines += [f"  {g.name:<38} {g.code.code}  {g.question}" for g in procedure.guards if not g.blocks]
    return "\n".join(lines)


def _counterexample(found: Exploration) -> list[str]:
    inv, scenario = found.invariant, found.counterexample
    assert inv is not None and scenario is not None
    lines = [f"Invariant broken: {inv.name} (docs/law.md s.{inv.section})", f"  {inv.paraphrase}"]
    lines += [f"  - {x}" for x in inv.authorities]
    lines.append(f"Shortest counterexample (law as of {scenario.law_as_of}; parties: "
                 + "; ".join(f"{p.name}, {p.kind.value}" for p in scenario.parties[1:]) + "):")
    report = audit(scenario, procedure=found.procedure)
    for e in report.entries:
        codes = f"  [{', '.join(e.codes)}]" if e.codes else ""
        lines.append(f"  {e.position:>2}. {e.label}: {e.explanation}{codes}")
    return lines


@click.command()
@click.option("--law", "variant", type=click.Choice(sorted(PROCEDURES)), default="v2", show_default=True,
              help="The law to verify: v2 (the law as written, docs/law.md) or v1 (as first written, with its gap).")
@click.option("--without", "guard", metavar="GUARD", help="Remove one guard and look for what it was stopping.")
@click.option("--list-guards", is_flag=True, help="List the guards --without accepts, and the cautions.")
@click.option("--counterexample", "out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the counterexample as a scenario file `qiflow run` replays.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@jobs_option
def verify(variant: str, guard: str | None, list_guards: bool, out: Path | None, fmt: str, jobs: int | None) -> None:
    """Explore every reachable situation and check the invariants of docs/law.md s.9.

    The three eras share no situation and are searched on separate processes (-j); the result does not
    depend on how many."""
    base = PROCEDURES[variant]
    if list_guards:
        click.echo(_guards(base))
        return
    procedure = base
    if guard is not None:
        names = {g.name: g for g in base.guards}
        if guard not in names:
            fail(f"unknown guard {guard!r}\n{_guards(base)}")
        if not names[guard].blocks:
            fail(f"{guard} is a caution ({names[guard].code.code}): it flags but never bars an entry, so "
                 "removing it changes nothing to verify.\n" + _guards(base))
        procedure = base.without(guard)
    found = explore(procedure, law=base, jobs=default_jobs() if jobs is None else jobs)
    what = f"the law {variant} ({VARIANTS[variant]})" + (f" without {guard}" if guard else "")
    if fmt == "json":
        click.echo(json.dumps({
            "law": variant, "without": guard, "situations": found.situations, "transitions": found.transitions,
            "seconds": round(found.seconds, 3), "eras": [d.isoformat() for d in LAW_AS_OF],
            "holds": found.violation is None, "violation": found.violation,
            "through_removed": found.through_removed,
            "counterexample": None if found.counterexample is None
            else found.counterexample.model_dump(mode="json", by_alias=True, exclude_none=True),
        }, indent=2))
    else:
        click.echo(f"Explored {found.situations} situations and {found.transitions} transitions ({what}), in "
                   f"{len(LAW_AS_OF)} eras, in {found.seconds:.2f} s.")
        if found.violation is None:
            click.echo("Every invariant of docs/law.md s.9 holds, and no situation is a dead end.")
        else:
            if guard and not found.through_removed:
                click.echo(f"No counterexample needs {guard} removed: other guards imply it here. "
                           "The procedure itself fails:")
            click.echo("\n".join(_counterexample(found)))
            if not procedure.removed:
                click.echo("Every entry above is accepted by this law in strict mode: the gap is in the law itself, "
                           "not a skipped guard (see docs/law-gaps.md).")
    if found.counterexample is not None and out is not None:
        try:
            write_output(out, scenario_yaml(found.counterexample))
        except OutputError as error:
            fail(error)
        if fmt == "text":
            click.echo(f"Wrote {out}; replay it with `qiflow run {out}`.")
    sys.exit(Exit.CLEAN if found.violation is None else Exit.FOUND)
