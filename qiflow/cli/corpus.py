"""Corpus runs for ``run``, ``check`` and ``summary``: many inputs, N processes, one summary.

Exit codes: 2 if any input was bad (each is reported, located, and counted; the run goes on), else 1 if
any docket has an error-severity violation (``check``: a failed expectation), else 0.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from typing import TYPE_CHECKING, Any

import click

from qiflow.cli.common import Exit, default_jobs, echo_wrapped, fail
from qiflow.cli.progress import progress
from qiflow.files.discover import Item, items
from qiflow.files.limits import shown

if TYPE_CHECKING:
    from qiflow.corpus.judge import Options, Outcome
    from qiflow.corpus.summary import Summary

def outcome_json(o: Outcome) -> dict[str, Any]:
    if o.error is not None:
        return {"docket": o.name, "ok": False, "error": o.error}
    out: dict[str, Any] = {"docket": o.name, "ok": True, "court": o.court, "era": o.era, "state": o.state,
                           "codes": list(o.codes), "errors": list(o.errors), "appealable": o.appealable,
                           "discovery_authorized": o.discovery_authorized}
    if o.problems:
        out["problems"] = list(o.problems)
    return out


def gather(inputs: tuple[str, ...]) -> list[Item]:
    found = list(items(list(inputs)))
    if not found:
        fail("no scenario files (*.yaml, *.yml, *.json, *.jsonl) under " + ", ".join(inputs))
    return found


def exit_code(summary: Summary, check: bool) -> Exit:
    if summary.input_errors:
        return Exit.USAGE
    if (summary.failed_expectations if check else summary.with_errors):
        return Exit.FOUND
    return Exit.CLEAN


def judge_corpus(inputs: tuple[str, ...], options: Options, jobs: int | None,
                 each: Any = None) -> Summary:
    """Judge every docket the inputs name; ``each(outcome)`` sees them in input order (without it, each chunk
    is summed where it is judged: only the summary is wanted)."""
    from qiflow.corpus.pool import chunk_for, judge_all, summarize_all
    from qiflow.corpus.summary import Summary

    work = gather(inputs)
    if jobs is None:
        jobs = min(default_jobs(), max(1, len(work) // 50))
    jobs = min(jobs, max(1, len(work)))
    start = time.perf_counter()
    with progress(len(work)) as tick:
        chunk = chunk_for(len(work), jobs)
        if each is None:
            summary = summarize_all(work, options, jobs=jobs, done=tick, chunk=chunk)
        else:
            summary = Summary(jobs=jobs)
            for outcome in judge_all(work, options, jobs=jobs, done=tick, chunk=chunk):
                summary.add(outcome)
                each(outcome)
    summary.wall = time.perf_counter() - start
    return summary


def run_corpus(inputs: tuple[str, ...], fmt: str, jobs: int | None, summary_only: bool,
               law_as_of: dt.date | None, mode: str | None) -> None:
    from qiflow.corpus.judge import Options
    from qiflow.corpus.text import render_summary

    collected: list[dict[str, Any]] = []

    def each(o: Outcome) -> None:
        if fmt == "jsonl":
            click.echo(json.dumps(outcome_json(o), ensure_ascii=False))
        elif fmt == "json":
            collected.append(outcome_json(o))

    wants_each = not summary_only and fmt in ("json", "jsonl")
    summary = judge_corpus(inputs, Options(law_as_of=law_as_of, mode=mode), jobs, each if wants_each else None)
    if fmt == "text":
        click.echo(render_summary(summary))
    elif fmt == "jsonl":
        click.echo(json.dumps({"summary": summary.as_dict()}, ensure_ascii=False))
    elif summary_only:
        click.echo(summary.to_json(), nl=False)
    else:
        click.echo(json.dumps({"dockets": collected, "summary": summary.as_dict()}, indent=2, ensure_ascii=False))
    sys.exit(exit_code(summary, check=False))


def check_corpus(inputs: tuple[str, ...], jobs: int | None) -> None:
    from qiflow.corpus.judge import Options

    passed = failed = 0

    def each(o: Outcome) -> None:
        nonlocal passed, failed
        if o.error is not None:
            failed += 1
            click.echo(f"ERROR {o.error}")
        elif o.problems:
            failed += 1
            click.echo(f"FAIL  {shown(o.name)}")
            for problem in o.problems:
                echo_wrapped(f"      {problem}")
        else:
            passed += 1
            click.echo(f"ok    {shown(o.name)}")
        for warning in o.warnings:
            echo_wrapped(f"      warning: {warning}")

    summary = judge_corpus(inputs, Options(check=True), jobs, each)
    click.echo(f"{passed} passed, {failed} failed")
    sys.exit(exit_code(summary, check=True))
