"""The corpus summary as plain text for a terminal (no markup: court names and errors are data)."""

from __future__ import annotations

from qiflow.corpus.summary import Summary
from qiflow.law.codes import CODES


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


def render_summary(s: Summary) -> str:
    n = s.valid
    lines = [f"Dockets read: {s.dockets:,} ({n:,} valid, {len(s.input_errors):,} input errors)"]
    lines.append(f"  with error-severity violations: {s.with_errors:,} ({_pct(s.with_errors, n).strip()})")
    lines.append(f"  last discovery order appealable: {s.appealable:,} ({_pct(s.appealable, n).strip()})")
    lines.append(f"  discovery authorized at the end: {s.discovery_authorized:,} "
                 f"({_pct(s.discovery_authorized, n).strip()})")
    if s.codes:
        lines.append("Codes (dockets raising each):")
        for code in sorted(s.codes):
            name = CODES[code].name if code in CODES else ""
            lines.append(f"  {code}  {s.codes[code]:>8,}  {_pct(s.codes[code], n)}  {name}")
    for title, groups in (("By era", s.eras), ("By court", s.courts)):
        if not groups:
            continue
        lines.append(f"{title}:{'':<26}dockets  with errors  appealable  discovery")
        for key in sorted(groups, key=lambda k: -groups[k]["dockets"])[:25]:
            g = groups[key]
            label = key if len(key) <= 30 else key[:29] + "…"
            lines.append(f"  {label:<30} {g['dockets']:>8,}  {g['with_errors']:>10,}  {g['appealable']:>10,}"
                         f"  {g['discovery_authorized']:>9,}")
        if len(groups) > 25:
            lines.append(f"  ... and {len(groups) - 25} more (see --format json or qiflow summary)")
    if s.input_errors:
        lines.append(f"Input errors ({len(s.input_errors):,}):")
        lines += [f"  {e}" for e in s.input_errors]
    reading, validation, judging = s.times
    rate = f", {s.dockets / s.wall:,.0f} dockets/s" if s.wall > 0 else ""
    lines.append(f"Time: {s.wall:.2f} s wall on {s.jobs} process{'es' if s.jobs > 1 else ''}{rate} "
                 f"(summed over processes: reading {reading:.2f} s, validation {validation:.2f} s, "
                 f"judging {judging:.2f} s)")
    return "\n".join(lines)
