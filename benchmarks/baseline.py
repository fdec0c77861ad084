"""An earlier release of qiflow, exported from this repository's history, timed in a process of its own.

``python benchmarks/NAME.py`` compares today's code with the release before the reorganisation (issue 8)
on the same machine in the same run: the release's ``qiflow/`` is written to a temporary folder with
``git archive`` and imported from there by a child process, so the two never share a module.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RELEASE = "770e941"
"""The first release: the flat package and the law as first written (LAW.md version 1)."""
REORGANISED = "172f56f"
"""The end of issue 8's reorganisation (a folder per layer, the CLI a package, the public face, one pure step
for the engine and the explorer), before the law grew: the same law as the release, so the two compare like
with like."""

IMPORTS = """
try:  # the layout from the reorganisation on
    try:
        from qiflow.engine.step import Docket as Case  # one pure step
    except ImportError:
        from qiflow.engine.case import Case
    from qiflow.engine.run import audit
    from qiflow.files.load import load
    from qiflow.law.invariants import SAFETY, TAKEN_WHILE_GATES_HOLD
    from qiflow.procedure.careful import PROCEDURE
    from qiflow.verify.explore import explore
except ImportError:  # the release's flat package
    from qiflow.audit import audit
    from qiflow.engine import Case
    from qiflow.invariants import SAFETY, TAKEN_WHILE_GATES_HOLD
    from qiflow.loader import load
    from qiflow.procedure import PROCEDURE
    from qiflow.verify import explore
"""
"""What a child needs of either layout, under one set of names."""


def export(rev: str = RELEASE) -> Path:
    """``rev``'s ``qiflow/`` package in a fresh temporary folder (removed when the process ends)."""
    archive = subprocess.run(["git", "archive", "--format=tar", rev, "qiflow"], cwd=ROOT, check=True,
                             capture_output=True).stdout
    folder = Path(tempfile.mkdtemp(prefix=f"qiflow-{rev}-"))
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def run(folder: Path, code: str, *args: str) -> dict:
    """Run ``code`` with ``folder`` first on the path; it prints one JSON object, returned here."""
    script = f"import sys; sys.path.insert(0, {str(folder)!r})\n" + IMPORTS + code
    out = subprocess.run([sys.executable, "-c", script, *args], cwd=folder, check=True, capture_output=True,
                         text=True).stdout
    return json.loads(out.splitlines()[-1])
