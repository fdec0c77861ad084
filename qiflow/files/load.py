"""Read scenario files safely; every error names the file, the line, the field and what was expected."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from qiflow import scenario as m
from qiflow.law.codes import CODES


@dataclass
class ScenarioError(Exception):
    """Bad input: where it is and what was expected."""

    file: str
    line: int | None
    field: str
    expected: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.expected}"


class _Mapping(dict):
    """A YAML mapping that remembers the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[Any, int]


class _Sequence(list):
    line: int = 0
    item_lines: list[int]


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that keeps line numbers, so errors can point into the file."""

    def construct_mapping(self, node, deep=False):  # noqa: ANN001, ANN201
        out = _Mapping(super().construct_mapping(node, deep=True))
        out.line = node.start_mark.line + 1
        out.key_lines = {self.construct_object(k, deep=True): k.start_mark.line + 1 for k, _ in node.value}
        return out

    def construct_sequence(self, node, deep=False):  # noqa: ANN001, ANN201
        out = _Sequence(super().construct_sequence(node, deep=True))
        out.line = node.start_mark.line + 1
        out.item_lines = [item.start_mark.line + 1 for item in node.value]
        return out


_LineLoader.add_constructor("tag:yaml.org,2002:map", _LineLoader.construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _LineLoader.construct_sequence)


def _line_of(data: Any, loc: tuple[Any, ...]) -> int | None:
    """The deepest line known along ``loc`` (a pydantic error location) in the loaded data."""
    line = getattr(data, "line", None)
    node = data
    for key in loc:
        if isinstance(node, _Mapping) and key in node:
            line = node.key_lines.get(key, line)
            node = node[key]
        elif isinstance(node, _Sequence) and isinstance(key, int) and key < len(node):
            line = node.item_lines[key]
            node = node[key]
        elif isinstance(node, _Mapping) and key == "from_" and "from" in node:
            line = node.key_lines.get("from", line)
            node = node["from"]
        # discriminator tags and union branches appear in loc but not in the data: skip them
    return line


def _field(loc: tuple[Any, ...], data: Any) -> str:
    parts: list[str] = []
    node = data
    for key in loc:
        if isinstance(node, list) and isinstance(key, int) and key < len(node):
            parts.append(f"[{key}]")
            node = node[key]
        elif isinstance(node, dict) and key in node:
            parts.append(f".{key}" if parts else str(key))
            node = node[key]
        elif isinstance(node, dict) and isinstance(key, str) and key not in m.EVENT_KINDS:
            parts.append(f".{'from' if key == 'from_' else key}" if parts else str(key))
            node = None
    return "".join(parts) or "(top level)"


def _expected(err: dict[str, Any]) -> str:
    kind, msg = err["type"], err["msg"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field (not in the scenario format; see `qiflow schema`)"
    if kind == "union_tag_invalid":
        return f"unknown event kind {err['ctx']['tag']!r}; expected one of: {', '.join(m.EVENT_KINDS)}"
    if kind == "union_tag_not_found":
        return "every docket entry needs an `event` field naming its kind"
    if kind == "literal_error":
        return f"expected {err['ctx']['expected']}, got {err['input']!r}"
    return f"{msg} (got {err['input']!r})" if not isinstance(err["input"], (dict, list)) else msg


def read_text(path: Path) -> str:
    """The file as UTF-8 text, or a ScenarioError for a missing, binary or non-UTF-8 file."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ScenarioError(name, None, "(file)", "no such file") from None
    except IsADirectoryError:
        raise ScenarioError(name, None, "(file)", "a scenario file, not a directory") from None
    except OSError as exc:
        raise ScenarioError(name, None, "(file)", f"a readable file ({exc.strerror})") from None
    if b"\0" in raw:
        line = raw[: raw.index(b"\0")].count(b"\n") + 1
        raise ScenarioError(name, line, "(file)", "a YAML text file, but this looks binary (it has a NUL byte)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ScenarioError(name, line, "(file)", f"UTF-8 text; byte 0x{raw[exc.start]:02x} is not valid UTF-8") \
            from None


def parse(text: str, name: str) -> m.Scenario:
    """Parse and validate scenario text; raises ScenarioError."""
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - _LineLoader is a SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise ScenarioError(name, mark.line + 1 if mark else None, "(syntax)",
                            f"valid YAML ({exc.problem or exc.context})") from None
    except yaml.YAMLError as exc:
        raise ScenarioError(name, None, "(syntax)", f"valid YAML ({exc})") from None
    if not isinstance(data, dict):
        raise ScenarioError(name, getattr(data, "line", 1), "(top level)", "a mapping with `qiflow: 1`, `title`, "
                            "`parties` and `docket`")
    if "qiflow" not in data:
        raise ScenarioError(name, 1, "qiflow", "the format version `qiflow: 1` at the top of the file")
    if data["qiflow"] != 1:
        raise ScenarioError(name, data.key_lines.get("qiflow"), "qiflow",
                            f"format version 1, got {data['qiflow']!r}")
    try:
        scenario = m.Scenario.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        field = _field(loc, data)
        if err["type"] in ("union_tag_invalid", "union_tag_not_found"):
            field += ".event"
        raise ScenarioError(name, _line_of(data, loc), field, _expected(err)) from None
    _check_references(scenario, data, name)
    return scenario


def load(path: Path | str) -> m.Scenario:
    """Load one scenario file. The file is only read, never written."""
    path = Path(path)
    return parse(read_text(path), str(path))


def _check_references(scenario: m.Scenario, data: Any, name: str) -> None:
    """Ids refer to things defined earlier; dates never go backwards (SCENARIOS.md, "Docket entries")."""
    parties = {p.id for p in scenario.parties}
    seen_ids: set[str] = set()
    for i, p in enumerate(scenario.parties):
        if p.id in seen_ids:
            raise ScenarioError(name, _line_of(data, ("parties", i, "id")), f"parties[{i}].id",
                                f"a unique party id; {p.id!r} is used twice")
        seen_ids.add(p.id)
    entries: dict[int, m.Entry] = {}
    requests: set[str] = set()
    questions: set[str] = set()
    last_date: dt.date | None = None

    def fail(i: int, fld: str, expected: str) -> None:
        loc = ("docket", i) + tuple(int(x) if x.isdigit() else x for x in fld.replace("]", "").replace("[", ".").split("."))
        raise ScenarioError(name, _line_of(data, loc), f"docket[{i}].{fld}", expected)

    def party(i: int, fld: str, pid: str | None, defendant: bool = False) -> None:
        if pid is None:
            return
        if pid not in parties:
            fail(i, fld, f"a party id defined under `parties`; {pid!r} is not one ({', '.join(sorted(parties))})")
        if defendant and not next(p for p in scenario.parties if p.id == pid).is_defendant:
            fail(i, fld, f"a defendant; {pid!r} is not one")

    def entry_ref(i: int, fld: str, num: int, kinds: tuple[str, ...]) -> None:
        if num not in entries:
            fail(i, fld, f"the entry_number of an earlier docket entry; there is no earlier entry {num}")
        if kinds and entries[num].event not in kinds:
            fail(i, fld, f"an earlier {' or '.join(kinds)} entry; entry {num} is a {entries[num].event}")

    def request_id(i: int, fld: str, rid: str) -> None:
        if rid not in requests:
            fail(i, fld, f"a request id made earlier in a discovery_motion; {rid!r} never was")

    def request_ids(i: int, fld: str, ids: list[str]) -> None:
        for j, rid in enumerate(ids):
            request_id(i, f"{fld}[{j}]", rid)

    for i, e in enumerate(scenario.docket):
        if e.date_filed is not None:
            if last_date is not None and e.date_filed < last_date:
                fail(i, "date_filed", f"a date on or after {last_date} (the previous entry's); dates must not go "
                                      f"backwards, got {e.date_filed}")
            last_date = e.date_filed
        if isinstance(e.by, list):
            for j, pid in enumerate(e.by):
                party(i, f"by[{j}]", pid)
        else:
            party(i, "by", e.by)
        if isinstance(e, m.AppealRuling) and e.as_to is not None:
            for j, pid in enumerate(e.as_to):
                party(i, f"as_to[{j}]", pid)
        if isinstance(e, (m.DiscoveryOrder, m.MotionToDismissRuling)):
            for j, q in enumerate(e.fact_questions):
                for k, pid in enumerate(q.as_to or ()):
                    party(i, f"fact_questions[{j}].as_to[{k}]", pid, defendant=True)
        if isinstance(e, m.Discovery):
            party(i, "against", e.against)
        if isinstance(e, (m.DiscoveryOrder,)) and e.against is not None:
            for j, pid in enumerate(e.against):
                party(i, f"against[{j}]", pid)
        if isinstance(e, (m.QiRuling, m.Judgment)) and e.defendants is not None:
            for j, pid in enumerate(e.defendants):
                party(i, f"defendants[{j}]", pid, defendant=True)
        if isinstance(e, m.MotionToDismissRuling):
            entry_ref(i, "motion", e.motion, ("motion_to_dismiss",))
        if isinstance(e, m.Response) and e.to is not None:
            entry_ref(i, "to", e.to, ())
        if isinstance(e, m.Appeal):
            entry_ref(i, "from", e.from_, ())
        if isinstance(e, (m.FrivolousCertification, m.AppealRuling)):
            entry_ref(i, "appeal", e.appeal, ("appeal",))
        if isinstance(e, m.DiscoveryMotion):
            requests |= {r.id for r in e.requests}
        if isinstance(e, m.Supplement):
            request_ids(i, "requests", e.requests)
        if isinstance(e, m.JointReport):
            request_ids(i, "agreed", e.agreed)
            request_ids(i, "disputed", e.disputed)
        if isinstance(e, m.Discovery):
            request_ids(i, "requests", e.requests)
        if isinstance(e, (m.DiscoveryOrder, m.MotionToDismissRuling)):
            questions |= {q.id for q in e.fact_questions}
        if isinstance(e, m.DiscoveryOrder):
            for j, auth in enumerate(e.authorized):
                request_id(i, f"authorized[{j}].request", auth.request)
                for k, q in enumerate(auth.addresses):
                    if q not in questions:
                        fail(i, f"authorized[{j}].addresses[{k}]",
                             f"a fact-question id defined in this or an earlier entry; {q!r} is not")
        if e.expect is not None:
            for j, code in enumerate(e.expect):
                if code not in CODES:
                    fail(i, f"expect[{j}]", f"a violation code ({', '.join(CODES)}); got {code!r}")
        if e.entry_number is not None:
            if e.entry_number in entries:
                fail(i, "entry_number", f"a unique entry_number; {e.entry_number} is used twice")
            entries[e.entry_number] = e
    if scenario.expect is not None and scenario.expect.violations is not None:
        for j, code in enumerate(scenario.expect.violations):
            if code not in CODES:
                raise ScenarioError(name, _line_of(data, ("expect", "violations", j)), f"expect.violations[{j}]",
                                    f"a violation code ({', '.join(CODES)}); got {code!r}")
