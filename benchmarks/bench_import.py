"""Accuracy of ``qiflow import``'s classifier against the labelled development set of real docket entries
(tests/data/import/devset.jsonl; provenance in tests/data/import/README.md), on the dev part and the held-out part.

    python benchmarks/bench_import.py [--errors] [--part dev|heldout]

Each docket's entries are classified and then linked as one case (the whole-case pass). Reported, for the classifier
and, in the same run, for a naive keyword table (the ratio base): event kind on clear entries and overall (the set of
kinds an entry gives, ``order``/``other`` dropped beside a specific kind), ``asserts_qi`` precision (over every entry
given ``asserts_qi: true``, right when the entry's text establishes it or the court's order says the filing asserted
QI) and recall (against the entries whose text establishes it, and against every filing known to have asserted QI),
ruling outcomes, motion links, and the share of entries flagged for review. A gold outcome of null means the docket
text does not state it; the importer is right to leave it out.
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

from qiflow.ingest.classify import REVIEW_BELOW  # noqa: E402 - after the path set-up above
from qiflow.ingest.docket import SourceEntry  # noqa: E402 - after the path set-up above
from qiflow.ingest.link import classify_all, resolve  # noqa: E402 - after the path set-up above

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
    if row.get("docket"):
        return row["docket"]
    return row["id"].rsplit("-", 1)[0] if not row["id"].startswith("justia-") else row["id"]


def _in_docket_order(group: list[dict]) -> list[dict]:
    """Rows gathered from court orders (those with a ``docket`` key) are put in docket-number order, unnumbered
    ones last; rows from a docket sheet keep the sheet's order."""
    if not any(r.get("docket") for r in group):
        return group
    return sorted(group, key=lambda r: (r["entry_number"] is None, r["entry_number"] or 0))


def predict(rows: list[dict], naive: bool = False) -> dict[str, dict]:
    out: dict[str, dict] = {}
    by_docket: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_docket[docket_of(r)].append(r)
    for group in by_docket.values():
        group = _in_docket_order(group)
        if naive:
            for r in group:
                kind = next((k for p, k in NAIVE if re.search(p, r["text"], re.IGNORECASE)), "other")
                qi = True if kind in QI_KINDS and re.search(r"qualified immunity", r["text"], re.IGNORECASE) else None
                out[r["id"]] = {"kinds": [kind], "qi": qi, "outcomes": {}, "links": [], "flagged": False}
            continue
        entries = [SourceEntry(r["entry_number"], dt.date.fromisoformat(r["date_filed"]) if r["date_filed"] else None,
                               r["text"]) for r in group]
        items = resolve(classify_all(entries))
        for r, item in zip(group, items, strict=False):
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
    tp = fp = 0
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
        text_qi = g.get("asserts_qi") is True
        real_qi = text_qi or g.get("qi_in_fact") is True
        if p["qi"] is True:
            tp += real_qi
            fp += not real_qi
            if errors and not real_qi:
                print(f"  QI FALSE POSITIVE {r['id']}: {r['text'][:110]}")
        if text_qi:
            s["asserts_qi recall (text says)"][0] += p["qi"] is True
            s["asserts_qi recall (text says)"][1] += 1
        if real_qi:
            s["asserts_qi recall (all QI filings)"][0] += p["qi"] is True
            s["asserts_qi recall (all QI filings)"][1] += 1
        if "outcomes" in g:
            links = g.get("links") or [None]
            if len(g["outcomes"]) == len(links):
                gold_map = {n: o for n, o in zip(links, g["outcomes"], strict=False)}
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
    return {k: (v[0], v[1]) for k, v in s.items()}


ORDER = ["kind (clear)", "kind (overall)", "asserts_qi precision", "asserts_qi recall (text says)",
         "asserts_qi recall (all QI filings)", "ruling outcome", "motion links", "flagged for review"]


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


def results(rows: list[dict], errors: bool = False, parts: tuple[str, ...] = ("dev", "heldout"),
            subsets: dict[str, list[dict]] | None = None) -> dict[str, dict[str, tuple[int, int]]]:
    """The classifier's scores and the naive table's, per part, from one prediction run of each."""
    pred, naive = predict(rows), predict(rows, naive=True)
    out: dict[str, dict[str, tuple[int, int]]] = {}
    groups = subsets or {part: [r for r in rows if r["part"] == part] for part in parts}
    for name, subset in groups.items():
        if errors:
            print(f"[{name}]")
        out[f"{name} ({len(subset)})"] = score(subset, pred, errors=errors)
    for name, subset in groups.items():
        out[f"naive, {name}"] = score(subset, naive)
    return out


def ratios(res: dict[str, dict[str, tuple[int, int]]]) -> str:
    """Event-kind accuracy of the classifier over the naive table's, per part."""
    parts = [k for k in res if not k.startswith("naive, ")]
    cells = []
    for part in parts:
        name = part.rsplit(" (", 1)[0]
        n, d = res[part]["kind (overall)"]
        bn, bd = res[f"naive, {name}"]["kind (overall)"]
        cells.append(f"{name} {n / d / (bn / bd):.2f}x" if d and bd and bn else f"{name} n/a")
    return "Event kind (overall), classifier / naive keyword table: " + ", ".join(cells)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--errors", action="store_true", help="list the misses")
    ap.add_argument("--part", choices=("dev", "heldout"), help="score one part only")
    args = ap.parse_args()
    rows = load()
    parts = (args.part,) if args.part else ("dev", "heldout")
    qi_rows = {f"QI {p}": [r for r in rows if r["part"] == p and r["id"].startswith("qi-")] for p in parts}
    if "heldout" in parts:
        qi_rows["QI fresh"] = [r for r in rows if r.get("batch") in ("fresh", "fresh2")]
    res = results(rows, errors=args.errors, parts=parts)
    qi = results(rows, subsets=qi_rows)
    print(f"Development set: {len(rows)} real docket entries ({DEVSET.relative_to(ROOT)}; sources in its README):")
    for p in parts:
        part_rows = [r for r in rows if r["part"] == p]
        print(f"  {p}: {len(part_rows)} entries, {sum(r['id'].startswith('qi-') for r in part_rows)} of them from "
              f"QI disputes' orders ({len({docket_of(r) for r in part_rows})} dockets)")
    print(table(res))
    print(ratios(res))
    print()
    print("The QI-dispute entries alone (motions, answers, orders and rulings quoted from QI disputes' orders; "
          "'fresh' is the two held-out batches gathered after the classifier changes):")
    print(table(qi))


if __name__ == "__main__":
    main()
