"""The fast YAML path reads every text as PyYAML's SafeLoader does, or leaves it to the line-tracking loader.

Its shortcuts (a plain scalar's tag worked out once per text, a scalar's value remembered by tag and text,
plain strings taken as they are) must never change what a file means: YAML 1.1's ``010`` is 8, ``no`` is
false, ``2023-02-28`` a date.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from qiflow.files import load as module
from tests.conftest import SCENARIOS

TRICKY = ["010", "0o10", "0x1f", "0b101", "1_000", "1:30", "190:20:30", "-0", "+5", "1.5", "1e3", "6.8523015e+5",
          ".inf", "-.Inf", ".nan", "yes", "No", "on", "OFF", "y", "n", "true", "False", "~", "null", "Null", "",
          "2023-02-28", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10", "2002-12-14", "<<", "=",
          "off1", "pl", "order", "total", "yesterday", "note", "no_one", "7th", "0.5.1", "-", "--x", ".5", "+.inf",
          "'010'", '"yes"', "!!str 010", "!!int '7'", "!!float 1", "!!bool yes"]
scalars = st.one_of(st.sampled_from(TRICKY), st.text(alphabet="0123456789-:.+_exoyYnNtTfF ", max_size=12))
trees = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(scalars, inner, max_size=4)), max_leaves=20)


def _text(tree: Any, indent: int = 0) -> str:
    """Block-style YAML with every scalar written as it stands (unquoted unless it carries its quotes)."""
    pad = "  " * indent
    if isinstance(tree, list):
        return "".join(f"{pad}-\n{_text(x, indent + 1)}" if isinstance(x, (list, dict)) and x
                       else f"{pad}- {_flat(x)}\n" for x in tree) or f"{pad}[]\n"
    if isinstance(tree, dict):
        return "".join(f"{pad}{_flat(k)}:\n{_text(v, indent + 1)}" if isinstance(v, (list, dict)) and v
                       else f"{pad}{_flat(k)}: {_flat(v)}\n" for k, v in tree.items()) or f"{pad}{{}}\n"
    return f"{pad}{_flat(tree)}\n"


def _flat(x: Any) -> str:
    return "[]" if x == [] else "{}" if x == {} else str(x)


def same_as_safe_loader(text: str) -> bool:
    """Whether the fast path reads ``text`` as SafeLoader does (or leaves it to the line-tracking loader)."""
    try:
        expected = repr(yaml.load(text, Loader=yaml.SafeLoader))
    except yaml.YAMLError:
        expected = None
    try:
        got = repr(module._fast_data(text))
    except (module._Unusual, yaml.YAMLError, ValueError, TypeError):
        return True  # the line-tracking loader decides (and locates any error)
    return got == expected


@given(trees)
def test_the_fast_path_reads_every_text_as_the_safe_loader_does(tree: Any) -> None:
    text = _text(tree)
    assert same_as_safe_loader(text), text
    assert same_as_safe_loader(text), text  # again, with what it remembered from the first reading


def test_every_library_file_reads_the_same() -> None:
    """On the fast path itself: an ordinary file never falls back (else the property above would hold of a
    fast path that left every text to the line-tracking loader)."""
    for path in sorted(SCENARIOS.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert repr(module._fast_data(text)) == repr(yaml.load(text, Loader=yaml.SafeLoader)), path


def test_the_comparison_catches_a_wrong_shortcut(monkeypatch: pytest.MonkeyPatch) -> None:
    """Were the first-character shortcut to forget that ``o`` may begin a boolean, ``on`` would be read as a
    string: the property above would fail."""
    texts = [_text({k: v}) for k in ("a", "b") for v in TRICKY]
    assert all(same_as_safe_loader(t) for t in texts)
    monkeypatch.setattr(module._FastLoader, "_plain", module._FastLoader._plain - {"o"})
    monkeypatch.setattr(module._FastLoader, "_tags", {})
    monkeypatch.setattr(module, "_SCALARS", {})
    assert not all(same_as_safe_loader(t) for t in texts)


def test_no_path_resolver_and_no_wildcard_resolver_is_registered() -> None:
    """The fast path skips path resolution and looks only at a scalar's first character; both need these."""
    assert not yaml.SafeLoader.yaml_path_resolvers
    assert None not in yaml.SafeLoader.yaml_implicit_resolvers


def test_what_the_fast_path_remembers_stays_bounded() -> None:
    for i in range(3 * module._MEMO_LIMIT):
        assert module._fast_data(f"k{i}: {i}\nd: 2001-01-{1 + i % 28:02d}\n") == {f"k{i}": i, "d": yaml.safe_load(
            f"x: 2001-01-{1 + i % 28:02d}")["x"]}
    assert len(module._SCALARS) <= module._MEMO_LIMIT and len(module._FastLoader._tags) <= module._MEMO_LIMIT
    word, number = "9" * module._MEMO_VALUE + "x", "1." + "5" * module._MEMO_VALUE
    assert module._fast_data(f"s: {word}\nf: {number}\n") == {"s": word, "f": float(number)}
    assert word not in module._FastLoader._tags and ("tag:yaml.org,2002:float", number) not in module._SCALARS
