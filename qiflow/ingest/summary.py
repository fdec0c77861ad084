"""What the importer made of a docket, and what a human must still confirm before trusting an audit of it."""

from __future__ import annotations

from collections import Counter
from typing import Any

VERDICT_FACTS = {"motion_to_dismiss", "sj_motion", "answer", "motion_to_dismiss_ruling", "qi_ruling",
                 "discovery_order", "reply_order", "appeal", "appeal_ruling", "judgment"}
"""Event kinds the audit's verdict turns on (LAW.md s.11): QI assertions, rulings on them, discovery orders, appeals."""


def summarize(scenario: dict[str, Any]) -> dict[str, Any]:
    docket = scenario["docket"]
    kinds = Counter(e["event"] for e in docket)
    review = [e for e in docket if "review" in e]
    unconfirmed = []
    for i, e in enumerate(docket):
        if "review" not in e:
            continue
        if e["event"] in VERDICT_FACTS or "asserts_qi" in e["review"] or "kept as" in e["review"]:
            where = f"entry {e['entry_number']}" if "entry_number" in e else f"docket[{i}]"
            unconfirmed.append(f"{where} ({e['event']}): {e['review']}")
    qi_unknown = sum(1 for e in docket if e["event"] in ("motion_to_dismiss", "sj_motion", "answer")
                     and not e.get("asserts_qi"))
    return {"entries": len(docket), "by_kind": dict(sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))),
            "need_review": len(review), "qi_unknown": qi_unknown, "unconfirmed": unconfirmed,
            "parties": len(scenario["parties"])}


def render(summary: dict[str, Any], limit: int = 12) -> str:
    lines = [f"Imported {summary['entries']} docket events, {summary['parties']} parties.",
             "By kind: " + ", ".join(f"{k} {n}" for k, n in summary["by_kind"].items()),
             f"Need review: {summary['need_review']} of {summary['entries']} (each carries a `review:` note).",
             (f"QI assertions unknown: {summary['qi_unknown']} motion(s)/answer(s) the text does not say assert QI "
             f"(treated as not asserted; confirm, or pass --assume-qi PARTY).")]
    if summary["unconfirmed"]:
        lines.append("Unconfirmed facts the audit's verdict depends on:")
        for fact in summary["unconfirmed"][:limit]:
            lines.append(f"  - {fact if len(fact) < 200 else fact[:197] + '...'}")
        if len(summary["unconfirmed"]) > limit:
            lines.append(f"  ... and {len(summary['unconfirmed']) - limit} more (see the review notes in the draft)")
    else:
        lines.append("Unconfirmed facts the audit's verdict depends on: none.")
    return "\n".join(lines)
