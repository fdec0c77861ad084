"""Triage engine/oracle disagreements: run many random dockets, group the disagreements by what differs,
and minimise one example of each group (greedy removal of entries, fields and parties while the scenario
stays valid and the same kind of disagreement remains).

    .venv/bin/python -m tests.support.triage [N]      # N random dockets (default 2000)
"""

from __future__ import annotations

import copy
import sys

import yaml
from hypothesis import HealthCheck, given, settings

from tests.support.dockets import check_valid, scenarios
from tests.support.oracle import judge
from tests.test_differential import _differences, engine_verdict

_KEEP = {"event", "entry_number", "motion", "outcome", "from", "appeal", "against", "by", "confer_by", "report_by"}


def signature(d: dict) -> frozenset | None:
    """What kind of disagreement this is (per field, per code), or None when they agree (or it can't load)."""
    try:
        check_valid(d)
        engine = engine_verdict(d)
    except Exception:  # noqa: BLE001 - an invalid candidate is just not a counterexample
        return None
    oracle = judge(d)
    if not _differences(engine, oracle):
        return None
    sig = set()
    for a, b in zip(engine.codes, oracle.codes):
        for c in set(a) ^ set(b):
            sig.add(("code", c, c in a))
    for f in ("refused", "discovery_authorized", "appealable"):
        if getattr(engine, f) != getattr(oracle, f):
            sig.add((f,))
    return frozenset(sig)


def minimise(d: dict, item: tuple) -> dict:
    """Shrink `d` while the disagreement `item` (one element of its signature) remains."""
    def still(c):
        s = signature(c)
        return s is not None and item in s

    changed = True
    while changed:
        changed = False
        for i in reversed(range(len(d["docket"]))):
            c = copy.deepcopy(d)
            del c["docket"][i]
            if still(c):
                d, changed = c, True
        for i, e in enumerate(d["docket"]):
            for k in list(e):
                if k in _KEEP and k != "entry_number":
                    continue
                c = copy.deepcopy(d)
                del c["docket"][i][k]
                if still(c):
                    d, changed = c, True
        for i, p in enumerate(d["parties"]):
            if p["role"] == "defendant":
                c = copy.deepcopy(d)
                del c["parties"][i]
                if still(c):
                    d, changed = c, True
                    break
        for k in ("mode",):
            if k in d:
                c = copy.deepcopy(d)
                del c[k]
                if still(c):
                    d, changed = c, True
    return d


def main(n: int = 2000) -> None:
    groups: dict = {}
    seen = [0]

    @settings(max_examples=n, database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(scenarios())
    def run(d):
        seen[0] += 1
        s = signature(d)
        if s is not None:
            for item in s:
                groups.setdefault(item, []).append(d)

    run()
    print(f"{seen[0]} dockets, {len(groups)} kinds of disagreement")
    for item, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        d = min(items, key=lambda x: len(x["docket"]))
        m = minimise(copy.deepcopy(d), item)
        print(f"\n=== {item} in {len(items)} dockets")
        print(yaml.safe_dump(m, sort_keys=False, width=110))
        print("engine:", engine_verdict(m))
        print("oracle:", judge(m))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
