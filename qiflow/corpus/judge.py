"""Judge one docket of a corpus: read it, validate it, and keep what a corpus summary needs.

``judge`` is a pure function of its input (and the options), so it maps onto any process pool or
distributed engine unchanged (see the README: a Dask bag or Ray).
"""

from __future__ import annotations

import datetime as dt
import time
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from qiflow.files.discover import Item
from qiflow.files.limits import MAX_FILE_BYTES
from qiflow.files.load import ScenarioError, decode, parse, parse_json, read_bytes
from qiflow.law.eras import Era
from qiflow.scenario import Scenario

ERAS = tuple(e.value for e in Era)
"""A docket belongs to the era (LAW.md s.11) of its ``law_as_of`` if it gives one, else of its last dated
entry (else: from Carswell, today's law)."""


def era(day: dt.date | None) -> str:
    return Era.CARSWELL.value if day is None else Era.of(day).value


@dataclass(frozen=True)
class Options:
    """What every docket of a run is judged with: ``check`` holds it to its expect blocks."""

    check: bool = False
    law_as_of: dt.date | None = None
    mode: str | None = None


@dataclass
class Outcome:
    """One docket's result, small enough to send between processes."""

    name: str
    error: str | None = None
    court: str = ""
    era: str = ""
    codes: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()
    appealable: bool | None = None
    discovery_authorized: bool = False
    state: str = ""
    problems: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    """For an author (``check``): a ``law_as_of`` earlier than the docket's entries."""
    times: tuple[float, float, float] = (0.0, 0.0, 0.0)
    """Seconds spent reading (disk, decoding, YAML/JSON), validating, and judging."""
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.error is None


class Records:
    """The JSON Lines files a chunk's records are read from, each opened once (a context: closed at its end)."""

    def __init__(self) -> None:
        self.open: dict[str, BinaryIO] = {}

    def read(self, item: Item) -> bytes:
        assert item.span is not None
        offset, size = item.span
        try:
            handle = self.open.get(item.path)
            if handle is None:
                handle = self.open[item.path] = open(item.path, "rb")  # noqa: SIM115  # closed on leaving the context
            handle.seek(offset)
            raw = handle.read(size)
        except OSError as exc:
            raise ScenarioError(item.path, item.line, "(file)", f"a readable file ({exc.strerror or exc})") from None
        if len(raw) != size:
            raise ScenarioError(item.path, item.line, "(file)", "a JSON Lines file that does not change while "
                                "it is read (this record is gone)")
        return raw

    def __enter__(self) -> Records:
        return self

    def __exit__(self, *_: object) -> None:
        for handle in self.open.values():
            handle.close()
        self.open.clear()


def _read(item: Item, marks: list[float], records: Records) -> Scenario:
    if item.text is not None or item.span is not None:
        raw = item.text if item.text is not None else records.read(item)
        if len(raw) > MAX_FILE_BYTES:
            raise ScenarioError(item.path, item.line, "(record)", f"a JSON Lines record of at most "
                                f"{MAX_FILE_BYTES:,} bytes (qiflow.files.limits.MAX_FILE_BYTES)")
        text = decode(raw, item.path, item.line or 1)
        return parse_json(text, item.path, item.line or 1, times=marks)
    raw = read_bytes(Path(item.path))
    text = decode(raw, item.path)
    if item.path.endswith(".json"):
        return parse_json(text, item.path, times=marks)
    return parse(text, item.path, times=marks)


def judge(item: Item, options: Options | None = None, records: Records | None = None) -> Outcome:
    """Read, validate and judge ``item``; a bad input is an Outcome with its located error, never an exception.

    ``records``: the JSON Lines files already open (a chunk opens each once); without, the item's is opened."""
    options = options or Options()
    start = time.perf_counter()
    marks: list[float] = []
    with Records() if records is None else nullcontext(records) as files:
        try:
            scenario = _read(item, marks, files)
        except ScenarioError as error:
            return Outcome(item.name, error=str(error))
    parsed = marks[0] if marks else start
    validated = time.perf_counter()
    if options.check:
        from qiflow.engine.expect import mismatches
        from qiflow.engine.run import audit
        from qiflow.teach.authoring import law_as_of_warnings
        from qiflow.teach.grade import lessons

        report = audit(scenario, file=item.name, law_as_of=options.law_as_of, mode=options.mode)
        problems = tuple(str(x) for x in lessons(scenario, report)) if mismatches(scenario, report) else ()
        codes, appealable, discovery = tuple(report.codes), report.appealable, report.discovery_authorized
        errors = tuple(sorted({v.code for v in report.violations if v.severity == "error"}))
        state = report.state
        warnings = tuple(law_as_of_warnings(scenario, options.law_as_of))
    else:
        from qiflow.engine.verdict import verdict

        found = verdict(scenario, law_as_of=options.law_as_of, mode=options.mode)
        problems = warnings = ()
        codes, errors, appealable = tuple(found.codes), tuple(found.errors), found.appealable
        discovery, state = found.discovery_authorized, found.state
    done = time.perf_counter()
    dates = [e.date_filed for e in scenario.docket if e.date_filed is not None]
    return Outcome(
        item.name, court=scenario.court or "(no court given)", era=era(scenario.law_as_of or max(dates, default=None)), codes=codes, errors=errors,
        appealable=appealable, discovery_authorized=discovery, state=state, problems=problems,
        warnings=warnings, times=(parsed - start, validated - parsed, done - validated),
    )


def judge_chunk(chunk: list[Item], options: Options) -> list[Outcome]:
    """Judge a chunk of items (one task for a worker process), each JSON Lines file opened once."""
    with Records() as records:
        return [judge(item, options, records) for item in chunk]
