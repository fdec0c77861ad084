"""``qiflow check``: hold each scenario's ``expect`` block (and each entry's) to the engine's report."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qiflow import scenario as m
from qiflow.engine.refs import resolved
from qiflow.engine.report import Report


@dataclass(frozen=True)
class Mismatch:
    where: str
    expected: object
    got: object

    def __str__(self) -> str:
        return f"{self.where}: expected {self.expected!r}, got {self.got!r}"


def scenario_files(paths: list[Path]) -> list[Path]:
    """Every ``.yaml``/``.yml`` file named or found under the given paths, in a stable order."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()))
        else:
            out.append(path)
    return out


def mismatches(scenario: m.Scenario, report: Report) -> list[Mismatch]:
    """What the scenario expects and the report does not show; a key left out is not checked."""
    out: list[Mismatch] = []
    scenario = resolved(scenario)
    expect = scenario.expect
    if expect is not None:
        given = expect.model_fields_set
        if "violations" in given and sorted(set(expect.violations or [])) != report.codes:
            out.append(Mismatch("expect.violations", sorted(set(expect.violations or [])), report.codes))
        if "discovery_authorized" in given and expect.discovery_authorized != report.discovery_authorized:
            out.append(Mismatch("expect.discovery_authorized", expect.discovery_authorized,
                                report.discovery_authorized))
        if "appealable" in given and expect.appealable != report.appealable:
            out.append(Mismatch("expect.appealable", expect.appealable, report.appealable))
        if "refused" in given and sorted(expect.refused or []) != sorted(report.refused):
            out.append(Mismatch("expect.refused", sorted(expect.refused or []), sorted(report.refused)))
        if "state" in given and expect.state != report.state:
            out.append(Mismatch("expect.state", expect.state, report.state))
    for entry, got in zip(scenario.docket, report.entries, strict=False):
        if entry.expect is not None and sorted(set(entry.expect)) != sorted(set(got.codes)):
            name = got.label
            out.append(Mismatch(f"{name} ({entry.event}) expect", sorted(set(entry.expect)), sorted(set(got.codes))))
    return out
