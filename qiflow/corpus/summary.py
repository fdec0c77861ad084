"""The corpus summary a researcher needs: each code (count and share), by era and court, appealable
orders, discovery authorized, input errors (each located), and the time taken; as text, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from qiflow.corpus.judge import ERAS, Outcome

GROUP_COLUMNS = ("dockets", "with_errors", "appealable", "discovery_authorized")


@dataclass
class Summary:
    """Sums over a corpus; ``add`` each Outcome, then read ``rows`` (a tidy table) or ``as_dict``."""

    dockets: int = 0
    valid: int = 0
    with_errors: int = 0
    appealable: int = 0
    discovery_authorized: int = 0
    codes: Counter[str] = field(default_factory=Counter)
    eras: dict[str, Counter[str]] = field(default_factory=dict)
    courts: dict[str, Counter[str]] = field(default_factory=dict)
    input_errors: list[str] = field(default_factory=list)
    failed_expectations: int = 0
    times: list[float] = field(default_factory=lambda: [0.0, 0.0, 0.0])
    wall: float = 0.0
    jobs: int = 1

    def add(self, outcome: Outcome) -> None:
        self.dockets += 1
        if outcome.error is not None:
            self.input_errors.append(outcome.error)
            return
        self.valid += 1
        self.codes.update(set(outcome.codes))
        flags = {"dockets": True, "with_errors": bool(outcome.errors), "appealable": outcome.appealable is True,
                 "discovery_authorized": outcome.discovery_authorized}
        self.with_errors += flags["with_errors"]
        self.appealable += flags["appealable"]
        self.discovery_authorized += flags["discovery_authorized"]
        self.failed_expectations += bool(outcome.problems)
        for table, key in ((self.eras, outcome.era), (self.courts, outcome.court)):
            table.setdefault(key, Counter()).update({k: int(v) for k, v in flags.items()})
        for i, seconds in enumerate(outcome.times):
            self.times[i] += seconds

    def merge(self, other: Summary) -> None:
        """Add the sums of ``other`` (a later part of the same corpus): the same as adding its Outcomes here."""
        for name in ("dockets", "valid", "with_errors", "appealable", "discovery_authorized", "failed_expectations"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.codes.update(other.codes)
        for mine, theirs in ((self.eras, other.eras), (self.courts, other.courts)):
            for key, counts in theirs.items():
                mine.setdefault(key, Counter()).update(counts)
        self.input_errors.extend(other.input_errors)
        self.times = [a + b for a, b in zip(self.times, other.times, strict=True)]

    def share(self, count: int) -> float:
        return round(count / self.valid, 4) if self.valid else 0.0

    def rows(self) -> list[dict[str, Any]]:
        """A tidy table: one row per (table, key, measure), with count and share of valid dockets."""
        out: list[dict[str, Any]] = []

        def row(table: str, key: str, measure: str, count: int) -> None:
            out.append({"table": table, "key": key, "measure": measure, "count": count, "share": self.share(count)})

        for measure in ("dockets", "valid", "with_errors", "appealable", "discovery_authorized"):
            row("total", "all", measure, getattr(self, measure))
        row("total", "all", "input_errors", len(self.input_errors))
        for code in sorted(self.codes):
            row("code", code, "dockets", self.codes[code])
        for table, groups, order in (("era", self.eras, ERAS), ("court", self.courts, sorted(self.courts))):
            for key in (k for k in order if k in groups):
                for measure in GROUP_COLUMNS:
                    row(table, key, measure, groups[key][measure])
        return out

    def as_dict(self) -> dict[str, Any]:
        reading, validation, judging = self.times
        return {
            "dockets": self.dockets, "valid": self.valid, "with_errors": self.with_errors,
            "appealable": self.appealable, "discovery_authorized": self.discovery_authorized,
            "codes": {c: {"count": n, "share": self.share(n)} for c, n in sorted(self.codes.items())},
            "eras": {k: dict(self.eras[k]) for k in ERAS if k in self.eras},
            "courts": {k: dict(v) for k, v in sorted(self.courts.items())},
            "input_errors": self.input_errors,
            "seconds": {"wall": round(self.wall, 3), "reading": round(reading, 3),
                        "validation": round(validation, 3), "judging": round(judging, 3), "jobs": self.jobs},
        }

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), indent=2, ensure_ascii=False) + "\n"

    def to_csv(self) -> str:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=["table", "key", "measure", "count", "share"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(self.rows())
        return buffer.getvalue()
