"""Read scenario files safely; every error names the file, the line, the field and what was expected."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import stat
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from qiflow import scenario as m
from qiflow.files.limits import (
    CONTROL,
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_INT_DIGITS,
    MAX_VALUES,
    cut,
    quote,
    shown,
)
from qiflow.law.codes import CODES

_CLoader = getattr(yaml, "CSafeLoader", None)


@dataclass
class ScenarioError(Exception):
    """Bad input: where it is and what was expected."""

    file: str
    line: int | None
    field: str
    expected: str

    def __post_init__(self) -> None:
        self.field, self.expected = cut(self.field), cut(self.expected)

    def __str__(self) -> str:
        where = f"{shown(self.file)}:{self.line}" if self.line else shown(self.file)
        return f"{where}: {self.field}: {self.expected}"


class _Mapping(dict):
    """A YAML mapping that remembers the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[Any, int]


class _Sequence(list):
    line: int = 0
    item_lines: list[int]


class _Refused(ConstructorError):
    """A value the hardened constructors refuse (its problem says what was expected instead)."""


class _Hardened:
    """Constructors shared by both loaders: a duplicate key, an impossible date or an enormous integer is a
    YAML error at its own line, never a crash inside the constructor or a silent last-one-wins."""

    def construct_yaml_int(self, node):
        digits = str(node.value).replace("_", "").lstrip("+-")
        if len(digits) > MAX_INT_DIGITS:
            raise _Refused(None, None, f"an integer of at most {MAX_INT_DIGITS} digits "
                                   f"(this one has {len(digits):,})", node.start_mark)
        return super().construct_yaml_int(node)  # type: ignore[misc]

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)  # type: ignore[misc]
        except (ValueError, OverflowError) as error:
            raise _Refused(None, None, f"a real calendar date, got {quote(node.value)} ({error})",
                                   node.start_mark) from None

    def construct_mapping(self, node, deep=False):
        if isinstance(node, MappingNode):
            seen: set[tuple[str, str]] = set()
            for key, _ in node.value:
                if isinstance(key, ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
                    if (key.tag, key.value) in seen:
                        raise _Refused(None, None, f"each key once in a mapping; {quote(key.value)} is "
                                               "given twice", key.start_mark)
                    seen.add((key.tag, key.value))
        return super().construct_mapping(node, deep=deep)  # type: ignore[misc]


_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"
_MEMO_LIMIT, _MEMO_VALUE = 4096, 64
"""The fast path remembers at most 4,096 scalars of at most 64 characters (then starts afresh)."""


def _remember(memo: dict[Any, Any], key: Any, value: Any, text: str) -> None:
    if len(text) <= _MEMO_VALUE:
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        memo[key] = value


class _FastLoader(_Hardened, _CLoader or yaml.SafeLoader):  # type: ignore[misc]
    """libyaml's parser (when installed) with the hardened constructors: the path every valid file takes.

    A plain scalar's tag is a pure function of its text (YAML 1.1's implicit resolvers, which no path
    resolver overrides: none is registered), so it is worked out once per text, not once per occurrence."""

    _tags: dict[str, str] = {}
    _plain = frozenset(c for c in yaml.SafeLoader.yaml_implicit_resolvers if c)
    """The first characters some implicit resolver looks at (every other plain scalar is a string)."""

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is not ScalarNode:
            return _SEQ if kind is SequenceNode else _MAP
        if not implicit[0] or (value[:1] not in self._plain and value):
            return _STR
        tag = self._tags.get(value)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            _remember(self._tags, value, tag, value)
        return tag

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        """No path resolvers: nothing to follow (``SafeLoader.yaml_path_resolvers`` is empty, tested)."""

    def ascend_resolver(self) -> None:
        """No path resolvers: nothing to follow."""


_FastLoader.add_constructor("tag:yaml.org,2002:int", _Hardened.construct_yaml_int)  # type: ignore[type-var]
_FastLoader.add_constructor("tag:yaml.org,2002:timestamp", _Hardened.construct_yaml_timestamp)  # type: ignore[type-var]


class _LineLoader(_Hardened, yaml.SafeLoader):
    """SafeLoader that keeps line numbers, so errors can point into the file (used only to locate one)."""

    def construct_mapping(self, node, deep=False):
        out = _Mapping(super().construct_mapping(node, deep=True))
        out.line = node.start_mark.line + 1
        out.key_lines = {self.construct_object(k, deep=True): k.start_mark.line + 1 for k, _ in node.value}
        return out

    def construct_sequence(self, node, deep=False):
        out = _Sequence(super().construct_sequence(node, deep=True))
        out.line = node.start_mark.line + 1
        out.item_lines = [item.start_mark.line + 1 for item in node.value]
        return out


_LineLoader.add_constructor("tag:yaml.org,2002:map", _LineLoader.construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _LineLoader.construct_sequence)
_LineLoader.add_constructor("tag:yaml.org,2002:int", _Hardened.construct_yaml_int)  # type: ignore[type-var]
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _Hardened.construct_yaml_timestamp)  # type: ignore[type-var]


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


def _expected(err: Any) -> str:
    kind, msg = err["type"], err["msg"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field (not in the scenario format; see `qiflow schema`)"
    if kind == "union_tag_invalid":
        return f"unknown event kind {quote(err['ctx']['tag'])}; expected one of: {', '.join(m.EVENT_KINDS)}"
    if kind == "union_tag_not_found":
        return "every docket entry needs an `event` field naming its kind"
    if kind == "literal_error":
        return f"expected {err['ctx']['expected']}, got {quote(err['input'])}"
    return f"{msg} (got {quote(err['input'])})" if not isinstance(err["input"], (dict, list)) else msg


def read_bytes(path: Path, *, kind: str = "a scenario file", limit: int = MAX_FILE_BYTES,
               bound: str = "MAX_FILE_BYTES") -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (the bound named ``bound`` in ``files.limits``), or a
    ScenarioError saying what it is instead.

    A FIFO, a device or a socket is refused before it is opened, so it can never hang a run.
    """
    name = str(path)
    too_big = f"a file of at most {limit:,} bytes (qiflow.files.limits.{bound})"
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise ScenarioError(name, None, "(file)", f"{kind}, not a directory")
        if not stat.S_ISREG(info.st_mode):
            raise ScenarioError(name, None, "(file)", "a regular file, not a FIFO, device or socket")
        if info.st_size > limit:
            raise ScenarioError(name, None, "(file)", f"{too_big}; this one has {info.st_size:,}")
        with open(path, "rb") as handle:
            raw = handle.read(limit + 1)
    except FileNotFoundError:
        raise ScenarioError(name, None, "(file)", "no such file") from None
    except IsADirectoryError:
        raise ScenarioError(name, None, "(file)", f"{kind}, not a directory") from None
    except OSError as exc:
        raise ScenarioError(name, None, "(file)", f"a readable file ({exc.strerror or exc})") from None
    if len(raw) > limit:
        raise ScenarioError(name, None, "(file)", too_big)
    return raw


def decode(raw: bytes, name: str, first_line: int = 1) -> str:
    """UTF-8 text (a byte-order mark is dropped), or a ScenarioError at the line of the first bad byte."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise ScenarioError(name, first_line, "(file)", "UTF-8 text; this file is UTF-16 (re-save it as UTF-8)")
    if b"\0" in raw:
        line = raw[: raw.index(b"\0")].count(b"\n") + first_line
        raise ScenarioError(name, line, "(file)", "a YAML text file, but this looks binary (it has a NUL byte)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + first_line
        raise ScenarioError(name, line, "(file)", f"UTF-8 text; byte 0x{raw[exc.start]:02x} is not valid UTF-8") \
            from None


def read_text(path: Path) -> str:
    """The file as UTF-8 text, or a ScenarioError for a missing, special, oversized, binary or non-UTF-8 file."""
    return decode(read_bytes(path), str(path))


def _bounded(data: Any, name: str) -> None:
    """Refuse data nested deeper than MAX_DEPTH or with more than MAX_VALUES values (aliases expanded)."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    count = 0
    while stack:
        node, depth = stack.pop()
        count += 1
        if count > MAX_VALUES:
            raise ScenarioError(name, getattr(data, "line", None), "(file)",
                                f"at most {MAX_VALUES:,} values (qiflow.files.limits.MAX_VALUES), each YAML "
                                "alias counted as all it stands for; this file has more")
        if isinstance(node, (dict, list)):
            if depth > MAX_DEPTH:
                raise ScenarioError(name, getattr(node, "line", None), "(file)",
                                    f"lists and mappings nested at most {MAX_DEPTH} deep "
                                    "(qiflow.files.limits.MAX_DEPTH)")
            items = node.values() if isinstance(node, dict) else node
            stack.extend((child, depth + 1) for child in items)


_YAML_CONTROL_ESCAPE = re.compile(r"\\(?:[0abvfeN]|x[01]|x[89]|x7f|u00[01]|u00[89]|u007f|U000000[01]|U000000[89]|U0000007f)",
                                  re.IGNORECASE)
"""An escape in a double-quoted YAML scalar that may make a control character (a false alarm costs one walk)."""
_JSON_CONTROL_ESCAPE = re.compile(r"\\(?:[bf]|u00[01]|u00[89]|u007f)", re.IGNORECASE)
"""The same for JSON (which refuses a raw control character in a string): ``\\b``, ``\\f`` and ``\\u00XX``."""


def _plain(data: Any, name: str) -> None:
    """Refuse a text or a field name holding a control character, at its line (the line-tracking loader's data)."""
    stack: list[tuple[Any, str, int | None]] = [(data, "", getattr(data, "line", None))]
    while stack:
        node, where, line = stack.pop()
        children: list[tuple[Any, str, int | None]] = []
        if isinstance(node, dict):
            lines = getattr(node, "key_lines", {})
            for key, value in node.items():
                at = lines.get(key, line)
                if isinstance(key, str) and (found := CONTROL.search(key)):
                    raise ScenarioError(name, at, where or "(file)", f"a field name without control characters; "
                                        f"U+{ord(found[0]):04X} is a control character")
                children.append((value, f"{where}.{key}" if where else str(key), at))
        elif isinstance(node, list):
            lines = getattr(node, "item_lines", None)
            children = [(item, f"{where}[{i}]", lines[i] if lines else line) for i, item in enumerate(node)]
        elif isinstance(node, str) and (found := CONTROL.search(node)):
            raise ScenarioError(name, line, where or "(file)", f"text without control characters; U+{ord(found[0]):04X} "
                                "is a control character (written as an escape), which would drive the terminal")
        stack.extend(reversed(children))  # the first in the file is met first


def _depth_error(text: str, name: str, first_line: int, always: bool) -> ScenarioError | None:
    """The error for YAML nested deeper than MAX_DEPTH, at the line where it passes it, found by the parser
    alone (libyaml when installed: fast, and no recursion); None if it is not too deep (unless ``always``)."""
    depth, line = 0, None
    try:
        for event in yaml.parse(text, Loader=_CLoader or yaml.SafeLoader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    line = event.start_mark.line + first_line if event.start_mark else None
                    break
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
        else:
            if not always:
                return None
    except yaml.MarkedYAMLError as exc:
        if "nesting depth" not in str(exc.problem) and not always:
            return None
        line = exc.problem_mark.line + first_line if exc.problem_mark else None
    except yaml.YAMLError:
        if not always:
            return None
    return ScenarioError(name, line, "(file)", f"lists and mappings nested at most {MAX_DEPTH} deep "
                         "(qiflow.files.limits.MAX_DEPTH)")


def _yaml(text: str, name: str, loader: type, first_line: int = 1) -> Any:
    try:
        return yaml.load(text, Loader=loader)
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + first_line if isinstance(exc.position, int) else None
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        raise ScenarioError(name, line, "(file)", f"printable text; character U+{ord(char):04X} is a control "
                            "character YAML does not allow") from None
    except _Refused as exc:
        mark = exc.problem_mark
        raise ScenarioError(name, mark.line + first_line if mark else None, "(value)", str(exc.problem)) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise ScenarioError(name, mark.line + first_line if mark else None, "(syntax)",
                            f"valid YAML ({exc.problem or exc.context})") from None
    except yaml.YAMLError as exc:
        raise ScenarioError(name, None, "(syntax)", f"valid YAML ({exc})") from None
    except RecursionError:
        too_deep = _depth_error(text, name, first_line, always=True)
        assert too_deep is not None
        raise too_deep from None


_REF_KEYS = ("motion", "to", "from", "from_", "appeal")


def _validate(data: Any, name: str, first_line: int = 1) -> m.Scenario:
    """Validate loaded data; errors are located when ``data`` came from the line-tracking loader."""
    if not isinstance(data, dict):
        raise ScenarioError(name, getattr(data, "line", first_line), "(top level)", "a mapping with `qiflow: 1`, "
                            "`title`, `parties` and `docket`")
    if "qiflow" not in data:
        raise ScenarioError(name, first_line, "qiflow", "the format version `qiflow: 1` at the top of the file")
    if data["qiflow"] != 1:
        raise ScenarioError(name, getattr(data, "key_lines", {}).get("qiflow"), "qiflow",
                            f"format version 1, got {quote(data['qiflow'])}")
    try:
        scenario = m.Scenario.model_validate(data)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        loc = tuple(err["loc"])
        field = _field(loc, data)
        if err["type"] in ("union_tag_invalid", "union_tag_not_found"):
            field += ".event"
        expected = _expected(err)
        if loc[-1:] == (_NUMBER,) and (loc[-2] in _REF_KEYS or loc[:2] == ("expect", "refused")):  # m.EntryRef
            got = err["input"]
            got = "a list" if isinstance(got, list) else "a mapping" if isinstance(got, dict) else quote(got)
            expected = f"an entry_number (a whole number) or an entry id (a string), got {got}"
        raise ScenarioError(name, _line_of(data, loc), field, expected) from None
    except RecursionError:
        raise ScenarioError(name, None, "(file)", f"lists and mappings nested at most {MAX_DEPTH} deep "
                            "(qiflow.files.limits.MAX_DEPTH)") from None
    _check_references(scenario, data, name)
    return scenario


_NUMBER = "function-before[_not_a_boolean(), int]"
"""How pydantic names the ``m.Number`` branch of ``m.EntryRef`` in an error's location."""


def _shift(error: ScenarioError, first_line: int) -> ScenarioError:
    if error.line is not None and first_line != 1:
        error.line += first_line - 1
    return error


def _size(text: str, name: str, first_line: int) -> None:
    if len(text) > MAX_FILE_BYTES:
        raise ScenarioError(name, first_line, "(file)", f"a scenario of at most {MAX_FILE_BYTES:,} characters "
                            f"(qiflow.files.limits.MAX_FILE_BYTES); this one has {len(text):,}")


class _Unusual(Exception):
    """Something the fast builder leaves to the line-tracking loader (it decides, and locates any error)."""


_SCALARS: dict[tuple[str, str], Any] = {}
"""Scalars other than plain strings, by tag and text, as the hardened constructors made them (each immutable:
a number, a boolean, None, a date or a timestamp, bytes)."""


def _scalar(loader: Any, node: ScalarNode) -> Any:
    key = (node.tag, node.value)
    got = _SCALARS.get(key, _SCALARS)
    if got is _SCALARS:
        got = loader.construct_object(node)
        _remember(_SCALARS, key, got, node.value)
    return got


def _build(loader: Any, node: Any, memo: dict[int, Any]) -> Any:
    """Python data for a composed node: plain strings taken as they are, other scalars through the hardened
    constructors, each aliased collection built once (so an alias bomb costs no more than its text)."""
    kind = type(node)
    if kind is ScalarNode:
        return node.value if node.tag == _STR else _scalar(loader, node)
    done = memo.get(id(node))
    if done is not None:
        return done
    if kind is SequenceNode and node.tag == _SEQ:
        out: Any = [child.value if type(child) is ScalarNode and child.tag == _STR else _build(loader, child, memo)
                    for child in node.value]
    elif kind is MappingNode and node.tag == _MAP:
        out = {}
        for key_node, value_node in node.value:
            if type(key_node) is not ScalarNode or key_node.tag == _MERGE:
                raise _Unusual
            if key_node.tag == _STR:
                key = key_node.value
            elif not isinstance(key := _scalar(loader, key_node), (str, int, float, bool, type(None))):
                raise _Unusual
            if key in out:
                raise _Unusual
            out[key] = value_node.value if type(value_node) is ScalarNode and value_node.tag == _STR \
                else _build(loader, value_node, memo)
    else:
        raise _Unusual
    memo[id(node)] = out
    return out


def _fast_data(text: str) -> Any:
    loader = _FastLoader(text)
    try:
        node = loader.get_single_node()
        return None if node is None else _build(loader, node, {})
    finally:
        loader.dispose()


def _slow(text: str, name: str, first_line: int = 1) -> m.Scenario:
    """Read ``text`` with the line-tracking loader: the scenario, or a ScenarioError located in the file."""
    try:
        too_deep = _depth_error(text, name, 1, always=False)
        if too_deep is not None:
            raise too_deep
        data = _yaml(text, name, _LineLoader)
        _bounded(data, name)
        _plain(data, name)
        return _validate(data, name)
    except ScenarioError as error:
        raise _shift(error, first_line) from None


def parse(text: str, name: str, *, times: list[float] | None = None) -> m.Scenario:
    """Parse and validate scenario YAML; raises ScenarioError.

    ``times``, if given, gets the moment the text was parsed (before validation), for benchmarks.
    The fast path (libyaml's parser, a lean builder, no line tracking) takes every ordinary valid file; on
    any error, or anything unusual (merge keys, tags), the text is read again with the line-tracking loader,
    which decides and locates the error, so the message is the same whichever path ran.
    """
    _size(text, name, 1)
    try:
        data = _fast_data(text)
        if "&" in text or len(text) > MAX_VALUES // 2:  # with no anchor, at most about a value a character
            try:
                _bounded(data, name)
            except ScenarioError as error:
                if "&" not in text:  # no alias: the line-tracking loader would count the same, a minute later
                    raise _Counted(error) from None
                raise
        if _YAML_CONTROL_ESCAPE.search(text):  # the reader refuses a raw control character; an escape makes one
            _plain(data, name)
        if times is not None:
            times.append(time.perf_counter())
        return _validate(data, name)
    except _Counted as counted:
        raise ScenarioError(counted.error.file, 1, counted.error.field, counted.error.expected) from None
    except (ScenarioError, yaml.YAMLError, _Unusual, RecursionError, TypeError, ValueError):
        return _slow(text, name)


class _Counted(Exception):
    """Too many values in a file without aliases: the error as it stands, with no second reading to locate it."""

    def __init__(self, error: ScenarioError) -> None:
        self.error = error


class _Duplicate(Exception):
    pass


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise _Duplicate
    return out


def _json_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        raise _Duplicate
    return int(digits)


def parse_json(text: str, name: str, first_line: int = 1, *, times: list[float] | None = None) -> m.Scenario:
    """Parse and validate one scenario as JSON (a ``.json`` file, or one JSON Lines record at ``first_line``).

    Errors are located by reading the text again as YAML (JSON is YAML) with the line-tracking loader.
    """
    _size(text, name, first_line)
    try:
        data = json.loads(text, object_pairs_hook=_pairs, parse_int=_json_int)
    except json.JSONDecodeError as exc:
        raise ScenarioError(name, exc.lineno + first_line - 1, "(syntax)",
                            f"valid JSON ({exc.msg} at column {exc.colno})") from None
    except (_Duplicate, RecursionError, ValueError):
        data = None
    if times is not None:
        times.append(time.perf_counter())
    try:
        if data is None:
            raise ScenarioError(name, first_line, "(file)", "valid JSON")
        if _JSON_CONTROL_ESCAPE.search(text):  # JSON makes a control character only from an escape
            _plain(data, name)
        return _validate(data, name)
    except ScenarioError as error:
        try:
            _slow(text, name, first_line)
        except ScenarioError as located:
            raise located from None
        raise _shift(error, first_line) from None


def load(path: Path | str) -> m.Scenario:
    """Load one scenario file (YAML, or JSON if it ends ``.json``). The file is only read, never written."""
    path = Path(path)
    text = read_text(path)
    if path.suffix == ".json":
        return parse_json(text, str(path))
    return parse(text, str(path))


def _check_references(scenario: m.Scenario, data: Any, name: str) -> None:
    """Ids refer to things defined earlier; dates never go backwards (SCENARIOS.md, "Docket entries")."""
    parties = {p.id for p in scenario.parties}
    seen_ids: set[str] = set()
    for i, p in enumerate(scenario.parties):
        if p.id in seen_ids:
            raise ScenarioError(name, _line_of(data, ("parties", i, "id")), f"parties[{i}].id",
                                f"a unique party id; {quote(p.id)} is used twice")
        seen_ids.add(p.id)
    entries: dict[int, Any] = {}
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
            fail(i, fld, f"a party id defined under `parties`; {quote(pid)} is not one ({cut(', '.join(sorted(parties)), 200)})")
        if defendant and not next(p for p in scenario.parties if p.id == pid).is_defendant:
            fail(i, fld, f"a defendant; {quote(pid)} is not one")

    defined = {e.id: j for j, e in enumerate(scenario.docket) if e.id is not None}  # an id's last definition
    named: dict[str, Any] = {}  # ids of the entries so far

    def entry_ref(i: int, fld: str, ref: int | str, kinds: tuple[str, ...]) -> None:
        if isinstance(ref, str):
            if ref not in named:
                if ref == scenario.docket[i].id:
                    why = f"{quote(ref)} is this entry's own id"
                elif ref in defined:
                    why = f"{quote(ref)} is the id of a later entry (docket[{defined[ref]}])"
                else:
                    why = f"no entry has the id {quote(ref)}"
                fail(i, fld, f"the entry_number (a number) or id (a string) of an earlier docket entry; {why}")
            target, shown = named[ref], f"entry {quote(ref)}"
        else:
            if ref not in entries:
                fail(i, fld, f"the entry_number of an earlier docket entry; there is no earlier entry {ref}")
            target, shown = entries[ref], f"entry {ref}"
        if kinds and target.event not in kinds:
            fail(i, fld, f"an earlier {' or '.join(kinds)} entry; {shown} is a {target.event}")

    def request_id(i: int, fld: str, rid: str) -> None:
        if rid not in requests:
            fail(i, fld, f"a request id made earlier in a discovery_motion; {quote(rid)} never was")

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
                for k, qid in enumerate(auth.addresses):
                    if qid not in questions:
                        fail(i, f"authorized[{j}].addresses[{k}]",
                             f"a fact-question id defined in this or an earlier entry; {quote(qid)} is not")
        if e.expect is not None:
            for j, code in enumerate(e.expect):
                if code not in CODES:
                    fail(i, f"expect[{j}]", f"a violation code ({', '.join(CODES)}); got {quote(code)}")
        if e.entry_number is not None:
            if e.entry_number in entries:
                fail(i, "entry_number", f"a unique entry_number; {e.entry_number} is used twice")
            entries[e.entry_number] = e
        if e.id is not None:
            if not e.id.strip() or e.id.strip().isdigit():
                fail(i, "id", f"a name for the entry, not blank and not a number (a docket number goes in "
                              f"entry_number); got {quote(e.id)}")
            if e.id in named:
                fail(i, "id", f"an id unique in the docket; {quote(e.id)} is used twice")
            named[e.id] = e
    if scenario.expect is not None:
        for j, ref in enumerate(scenario.expect.refused or ()):
            if isinstance(ref, str) and ref not in named:
                raise ScenarioError(name, _line_of(data, ("expect", "refused", j)), f"expect.refused[{j}]",
                                    f"an entry_number (a number) or the id (a string) of a docket entry; no entry "
                                    f"has the id {quote(ref)}")
    if scenario.expect is not None and scenario.expect.violations is not None:
        for j, code in enumerate(scenario.expect.violations):
            if code not in CODES:
                raise ScenarioError(name, _line_of(data, ("expect", "violations", j)), f"expect.violations[{j}]",
                                    f"a violation code ({', '.join(CODES)}); got {quote(code)}")
