"""Start-up: every command's module imports without the heavy optional dependencies, and ``--help``
loads no engine. (Times are measured in benchmarks/, never asserted here.)"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from qiflow.cli import COMMANDS

HEAVY = ("juriscraper", "playwright")
USES_HEAVY: dict[str, tuple[str, ...]] = {"import": HEAVY}
"""Commands allowed to import a heavy dependency (an importer may need juriscraper or Playwright)."""


def _modules_after(code: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", code + "\nimport sys, json; print(json.dumps(sorted(sys.modules)))"],
                          capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout.splitlines()[-1]))


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_command_imports_no_heavy_dependency_it_does_not_use(name: str) -> None:
    loaded = _modules_after(
        "import click\nfrom qiflow.cli import main\n"
        f"main.get_command(click.Context(main), {name!r})"
    )
    allowed = USES_HEAVY.get(name, ())
    for heavy in HEAVY:
        if heavy not in allowed:
            assert not any(m == heavy or m.startswith(heavy + ".") for m in loaded), (name, heavy)


def test_help_loads_no_engine_nor_pydantic() -> None:
    loaded = _modules_after("from qiflow.cli import main\nimport contextlib\n"
                            "with contextlib.suppress(SystemExit): main(['--help'])")
    assert not {m for m in loaded if m.startswith(("qiflow.engine", "qiflow.law", "pydantic", "yaml", "rich"))}
