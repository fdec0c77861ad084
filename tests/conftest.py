"""Shared test set-up: Hypothesis profiles (ci, the default: derandomized, no deadline) and paths."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"

settings.register_profile(
    "ci", derandomize=True, deadline=None, print_blob=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", deadline=None)
settings.register_profile(
    "long", max_examples=5_000, deadline=None, print_blob=True, suppress_health_check=list(HealthCheck)
)
"""The fuzz suite's long run (tests/test_fuzz.py): ``HYPOTHESIS_PROFILE=long``."""
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
"""Derandomized by default, so the README's test command gives the same result on every machine;
``HYPOTHESIS_PROFILE=dev`` explores fresh random examples."""
