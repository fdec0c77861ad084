"""Generated pages match the definition and the scenarios; the README's commands are the ones CI runs."""

from __future__ import annotations

import re

from qiflow.law.authorities import reported_name
from qiflow.law.codes import CODES
from qiflow.procedure.careful import PROCEDURE
from qiflow.views import docs
from tests.conftest import ROOT, SCENARIOS


def test_generated_pages_are_not_stale() -> None:
    stale = docs.stale(ROOT / "docs", SCENARIOS)
    assert not stale, f"run `qiflow docs --write docs/`: stale {stale}"


def test_case_table_lists_every_library_case_with_a_verdict() -> None:
    page = docs.cases_page(SCENARIOS)
    cases = docs.library(SCENARIOS)
    assert len(cases) >= 12
    for c in cases:
        assert f"[{c.facts.short_name}]" in page
        assert c.scenario.law_as_of == c.facts.decided, c.path
        assert c.scenario.teaching is not None, c.path
        assert c.scenario.docket[-1].event == "appeal_ruling", c.path


def test_a_case_that_departs_from_the_court_says_why() -> None:
    for c in docs.library(SCENARIOS):
        if not c.matches:
            assert c.scenario.note and len(c.scenario.note) > 80, f"{c.path}: differs from the court but no note"


def test_procedure_page_is_derived_from_the_definition() -> None:
    page = docs.procedure_page()
    for phase in PROCEDURE.phases:
        assert f"`{phase.name}`" in page
    for guard in PROCEDURE.guards:
        assert f"`{guard.name}` ({guard.code.code})" in page
    assert all(f"| {code} |" in docs.rules_page() for code in CODES)


def test_the_law_page_heads_each_doctrine_with_its_title() -> None:
    """Students read a heading in words; the machine key (what codes and invariants name) follows it once."""
    from qiflow.law.doctrines import DOCTRINES
    from qiflow.views.law import law_page

    page = law_page()
    titles = [d.title for d in DOCTRINES]
    assert len(set(titles)) == len(titles) and all(t and t[0].isupper() and not t.endswith(".") for t in titles)
    headings = [line for line in page.splitlines() if line.startswith("### ") and " (s." in line]
    assert [h.removeprefix("### ").split(" (s.")[0] for h in headings] == titles
    for d in DOCTRINES:
        assert page.count(f"`{d.name}`: {d.holds}") == 1, d.name  # the key, once, under its own heading
    codes = [line for line in page.splitlines() if line.startswith("| QI")]
    assert all(f"{code.code} |" in "\n".join(codes) for code in CODES.values())
    assert all(code.rests_on[0].title in next(x for x in codes if x.startswith(f"| {code.code} |"))
               for code in CODES.values() if code.rests_on)


def test_readme_opens_with_two_commands_and_ci_runs_the_test_one() -> None:
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"```sh\n(.*?)```", readme, re.S)
    assert block and readme.index("```sh") < readme.index("\n## ")
    commands = block.group(1).strip().splitlines()
    assert len(commands) == 2
    assert "qiflow run scenarios/rusanowsky-v-city-of-dallas.yaml" in commands[0]
    assert commands[1] in (ROOT / ".ci" / "run").read_text()


def test_the_orders_spellings_print_as_the_reported_names() -> None:
    assert reported_name("Zanitz v. Seal") == "Zantiz v. Seal"
    assert reported_name("Lion Boulous v. Wilson") == "Lion Boulos v. Wilson"
    assert "Zanitz" not in docs.cases_page(SCENARIOS)


def test_every_library_case_says_how_each_source_was_read() -> None:
    """Provenance per source (SCENARIOS.md `sources`): read in the opinion, quoted by a later court, or a summary."""
    from qiflow import scenario as m

    page = docs.cases_page(SCENARIOS)
    for c in docs.library(SCENARIOS):
        assert c.scenario.sources and all(isinstance(s, m.Source) for s in c.scenario.sources), c.path
        assert any(s.read == "opinion" for s in c.scenario.sources), f"{c.path}: nothing read in an opinion"
        for s in c.scenario.sources:
            assert " ".join(s.cite.split()) in page, (c.path, s.cite)


def test_no_human_output_prints_an_unverified_pin() -> None:
    """LAW.md "Markers": a (pin?) cite is printed without its pin; JSON keeps it, flagged."""
    import io

    from qiflow.engine.run import audit
    from qiflow.files.load import load
    from qiflow.law import doctrines
    from qiflow.law.authorities import Authority, _pinned, _split_cite
    from qiflow.views.text import render as print_report
    from qiflow.web.page import case_page
    from qiflow.web.render import render

    unverified = {a for d in vars(doctrines).values() if isinstance(d, doctrines.Doctrine) for a in d.cites
                  if isinstance(a, Authority) and a.unverified and a.pin}
    assert unverified, "LAW.md marks three pins (pin?); the data must carry them"
    pinned = set()
    for a in unverified:
        volume, reporter, _ = _split_cite(a.case.cite)
        pinned |= {f"{volume} {reporter} at {a.pin}", _pinned(a.case.cite, a.pin).split(" (")[0]}
    outputs = [p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md")]
    flagged = False
    for path in sorted(SCENARIOS.rglob("*.yaml")):
        scenario = load(path)
        report = audit(scenario)
        out = io.StringIO()
        print_report(report, out, scenario=scenario, width=100, verbose=True)
        page = case_page(scenario, report, path=path, pictures=False)
        outputs += [out.getvalue(), render("case.html.j2", data=page.answers, title=page.title, page=page)]
        flagged |= '"pin_verified":false' in report.model_dump_json()
    for text in outputs:
        assert not any(p in text for p in pinned), [p for p in pinned if p in text]
    assert flagged, "some scenario cites a (pin?) authority, and its JSON keeps the pin flagged"
