"""Accuracy of ``qiflow import``'s classifier against the labelled development set of real docket entries
(tests/data/import/devset.jsonl; provenance in tests/data/import/README.md), on the dev part and the held-out part.

    python benchmarks/bench_import.py [--naive] [--errors]

Each docket's entries are classified and then linked as one case (the whole-case pass). Reported: event kind on
clear entries and overall (the set of kinds an entry gives, ``order``/``other`` dropped beside a specific kind),
``asserts_qi`` precision and recall, ruling outcomes, motion links, and the share of entries flagged for review.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qiflow.ingest.classify import REVIEW_BELOW
from qiflow.ingest.docket import SourceEntry
from qiflow.ingest.link import classify_all, resolve

DEVSET = ROOT / "tests" / "data" / "import" / "devset.jsonl"
RULINGS = {"motion_to_dismiss_ruling", "qi_ruling", "discovery_order", "judgment", "appeal_ruling"}
LINKED = {"motion_to_dismiss_ruling", "response", "appeal", "appeal_ruling"}
QI_KINDS = {"motion_to_dismiss", "sj_motion", "answer"}

NAIVE = [(r"qualified immunity", "motion_to_dismiss"), (r"\bcomplaint\b", "complaint"), (r"\banswer\b", "answer"),
         (r"motion to dismiss", "motion_to_dismiss"), (r"summary judgment", "sj_motion"),
         (r"notice of appeal", "appeal"), (r"\bresponse\b|opposition", "response"), (r"\breply\b", "reply"),
         (r"\bjudgment\b", "judgment"), (r"\border\b", "order")]


def load() -> list[dict]:
    return [json.loads(line) for line in DEVSET.read_text(encoding="utf-8").splitlines() if line.strip()]


def docket_of(row: dict) -> str:
    return row["id"].rsplit("-", 1)[0] if not row["id"].startswith("justia-") else row["id"]


def predict(rows: list[dict], naive: bool = False) -> dict[str, dict]:
    out: dict[str, dict] = {}
    by_docket: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_docket[docket_of(r)].append(r)
    for group in by_docket.values():
        if naive:
            for r in group:
                kind = next((k for p, k in NAIVE if re.search(p, r["text"], re.IGNORECASE)), "other")
                out[r["id"]] = {"kinds": [kind], "qi": None, "outcomes": {}, "links": [], "flagged": False}
            continue
        entries = [SourceEntry(r["entry_number"], dt.date.fromisoformat(r["date_filed"]) if r["date_filed"] else None,
                               r["text"]) for r in group]
        items = resolve(classify_all(entries))
        for r, item in zip(group, items):
            evs = item.events
            out[r["id"]] = {
                "kinds": sorted({e.kind for e in evs}),
                "qi": next((e.asserts_qi for e in evs if e.kind in QI_KINDS), None),
                "outcomes": {(e.links[0] if e.links else None): e.fields.get("outcome") for e in evs
                             if e.kind in RULINGS},
                "links": sorted({n for e in evs if e.kind in LINKED for n in (e.links if e.kind == "response" else e.links[:1])}),
                "flagged": any(e.confidence < REVIEW_BELOW or e.notes for e in evs),
            }
    return out


def score(rows: list[dict], pred: dict[str, dict], errors: bool = False) -> dict[str, tuple[int, int]]:
    s: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    tp = fp = fn = 0
    for r in rows:
        g, p = r["gold"], pred[r["id"]]
        ok = p["kinds"] == g["kinds"]
        s["kind (overall)"][0] += ok
        s["kind (overall)"][1] += 1
        if g["clear"]:
            s["kind (clear)"][0] += ok
            s["kind (clear)"][1] += 1
        if errors and not ok:
            print(f"  KIND {r['id']}: gold {g['kinds']} got {p['kinds']} | {r['text'][:110]}")
        if set(g["kinds"]) & QI_KINDS:
            gold_qi = g.get("asserts_qi") is True
            tp += gold_qi and p["qi"] is True
            fp += (not gold_qi) and p["qi"] is True
            fn += gold_qi and p["qi"] is not True
        if "outcomes" in g:
            links = g.get("links") or [None]
            if len(g["outcomes"]) == len(links):
                gold_map = {n: o for n, o in zip(links, g["outcomes"])}
            else:
                gold_map = {None: g["outcomes"][0]}
            pm = p["outcomes"] if None not in gold_map else {None: next(iter(p["outcomes"].values()), None)}
            ok_o = all(pm.get(n) == o for n, o in gold_map.items())
            s["ruling outcome"][0] += ok_o
            s["ruling outcome"][1] += 1
            if errors and not ok_o:
                print(f"  OUTCOME {r['id']}: gold {gold_map} got {p['outcomes']}")
        if g.get("links") and set(g["kinds"]) & LINKED:
            ok_l = p["links"] == sorted(g["links"])
            s["motion links"][0] += ok_l
            s["motion links"][1] += 1
            if errors and not ok_l:
                print(f"  LINKS {r['id']}: gold {g['links']} got {p['links']}")
        s["flagged for review"][0] += p["flagged"]
        s["flagged for review"][1] += 1
    s["asserts_qi precision"] = [tp, tp + fp]
    s["asserts_qi recall"] = [tp, tp + fn]
    return {k: (v[0], v[1]) for k, v in s.items()}


ORDER = ["kind (clear)", "kind (overall)", "asserts_qi precision", "asserts_qi recall", "ruling outcome",
         "motion links", "flagged for review"]


def table(results: dict[str, dict[str, tuple[int, int]]]) -> str:
    parts = list(results)
    lines = ["| measure | " + " | ".join(parts) + " |", "|---|" + "---|" * len(parts)]
    for key in ORDER:
        cells = []
        for part in parts:
            n, d = results[part].get(key, (0, 0))
            cells.append(f"{100 * n / d:.1f}% ({n}/{d})" if d else "n/a (0/0)")
        lines.append(f"| {key} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--naive", action="store_true", help="score the naive keyword table instead")
    ap.add_argument("--errors", action="store_true", help="list the misses")
    args = ap.parse_args()
    rows = load()
    pred = predict(rows, naive=args.naive)
    results = {}
    for part in ("dev", "heldout"):
        subset = [r for r in rows if r["part"] == part]
        if args.errors:
            print(f"[{part}]")
        results[f"{part} ({len(subset)} entries)"] = score(subset, pred, errors=args.errors)
    sources = sorted({docket_of(r) if not r["id"].startswith("justia") else "justia" for r in rows})
    print(f"Development set: {len(rows)} real docket entries from {len(sources)} sources ({DEVSET.relative_to(ROOT)})")
    print(table(results))


if __name__ == "__main__":
    main()
