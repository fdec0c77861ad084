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
    "long", max_examples=2_000, deadline=None, print_blob=True, suppress_health_check=list(HealthCheck)
)
"""The fuzz suite's long run (tests/test_fuzz.py): ``HYPOTHESIS_PROFILE=long``."""
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

try:  # Hypothesis >= 6.131 also draws "local constants" harvested from every project module imported so
    # far, so a derandomized test's examples change with which modules a run happens to load (adding any
    # module, or running the suite rather than one file, changed test_stateful's examples). Keep that pool
    # empty, so a derandomized run draws the same examples whatever else is imported.
    from hypothesis.internal.conjecture import providers as _providers

    _providers._get_local_constants = lambda: _providers._local_constants
except (ImportError, AttributeError):  # an older or newer Hypothesis: nothing to pin
    pass
"""Derandomized by default, so the README's test command gives the same result on every machine;
``HYPOTHESIS_PROFILE=dev`` explores fresh random examples."""
