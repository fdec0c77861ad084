"""The pages in a real browser: headless Chromium driven by Playwright, pages loaded from ``file://``.

The browser is the system's (Debian's ``chromium``, or ``$QIFLOW_CHROMIUM``), never one Playwright would
download. Without Playwright or a Chromium the tests skip, saying which is missing. Screenshots go to
``tests/artifacts/screenshots/`` (or ``$QIFLOW_SCREENSHOTS``, e.g. ``docs/screenshots``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from qiflow.engine.run import audit
from qiflow.files.load import load
from qiflow.web.site import case_html
from tests.conftest import ROOT, SCENARIOS
from tests.web_support import HOSTILE, RUSANOWSKY, build_site

pytestmark = pytest.mark.browser

ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = Path(os.environ.get("QIFLOW_SCREENSHOTS", ROOT / "tests" / "artifacts" / "screenshots"))
DEPARTURES = SCENARIOS / "cases" / "zapata-v-melson.yaml"


def chromium_path() -> str | None:
    for candidate in (os.environ.get("QIFLOW_CHROMIUM"), shutil.which("chromium"), shutil.which("chromium-browser"),
                      "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed: pip install '.[browser]'")
    executable = chromium_path()
    if executable is None:
        pytest.skip("no Chromium found (looked for $QIFLOW_CHROMIUM, chromium, chromium-browser, /usr/bin/chromium); "
                    "on Debian: apt-get install chromium")
    with tempfile.TemporaryDirectory(prefix="qiflow-chromium-") as profile, sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(profile, executable_path=executable, args=ARGS,
                                                       headless=True, viewport={"width": 1280, "height": 900})
        yield context
        context.close()


@pytest.fixture(scope="session")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, plus the single pages of Rusanowsky, a case with departures, and the hostile scenario."""
    out = tmp_path_factory.mktemp("web")
    build_site(out / "site")
    for name, path in (("rusanowsky", RUSANOWSKY), ("departures", DEPARTURES), ("hostile", HOSTILE)):
        scenario = load(path)
        (out / f"{name}.html").write_text(case_html(scenario, audit(scenario, file=str(path)), path=path))
    return out


class Watched:
    """A page that records console errors, uncaught exceptions and every request that is not ``file://``."""

    def __init__(self, context: Any, width: int = 1280) -> None:
        self.page = context.new_page()
        self.page.set_viewport_size({"width": width, "height": 900})
        self.errors: list[str] = []
        self.network: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: None if r.url.startswith("file://") else self.network.append(r.url))

    def open(self, path: Path) -> Any:
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")
        return self.page

    def clean(self) -> None:
        assert self.errors == [], self.errors
        assert self.network == [], self.network
        self.page.close()


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / name))


def no_horizontal_scroll(page: Any) -> None:
    width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1], f"scrolls sideways: {width[0]} px of content in a {width[1]} px viewport"


def visible_entries(page: Any) -> list[str]:
    return page.eval_on_selector_all(".entry", "els => els.filter(e => e.offsetParent !== null).map(e => e.id)")


def test_rusanowsky_page_desktop_and_phone(browser: Any, pages: Path) -> None:
    w = Watched(browser)
    page = w.open(pages / "rusanowsky.html")
    assert page.title().startswith("Rusanowsky v. City of Dallas")
    assert page.locator("h1").inner_text() == "Rusanowsky v. City of Dallas"
    assert page.locator(".stepbar").is_visible(), "the script ran and showed the step control"
    assert len(visible_entries(page)) == page.locator(".entry").count(), "every entry shows before stepping"
    timeline = page.locator("figure.timeline svg").first
    assert timeline.is_visible() and timeline.bounding_box()["height"] > 200
    assert timeline.get_attribute("role") == "group" and timeline.get_attribute("aria-label")
    assert timeline.locator("a").count() > 5, "each box links to its entry"
    shot(page, "rusanowsky-desktop.png")
    page.locator("details.path summary").click()
    assert page.locator("details.path svg").is_visible()
    w.clean()
    phone = Watched(browser, 390)
    page = phone.open(pages / "rusanowsky.html")
    no_horizontal_scroll(page)
    shot(page, "rusanowsky-phone.png")
    page.locator("details.path summary").click()
    for details in page.locator("details").all():
        details.evaluate("d => d.open = true")
    no_horizontal_scroll(page)
    phone.clean()


def test_every_departure_appears(browser: Any, pages: Path) -> None:
    scenario = load(DEPARTURES)
    codes = [v.code for v in audit(scenario).violations]
    assert codes
    w = Watched(browser)
    page = w.open(pages / "departures.html")
    shown = page.eval_on_selector_all(".departure", "els => els.map(e => e.dataset.code)")
    assert shown == codes
    for code in codes:
        assert page.locator(f".departure[data-code={code}]").is_visible()
    w.clean()


def test_stepping_reveals_entries_in_order(browser: Any, pages: Path) -> None:
    w = Watched(browser)
    page = w.open(pages / "rusanowsky.html")
    ids = page.eval_on_selector_all(".entry", "els => els.map(e => e.id)")
    page.get_by_role("button", name="Step through").click()
    assert visible_entries(page) == ids[:1]
    for n in range(2, 6):
        page.keyboard.press("ArrowRight")
        assert visible_entries(page) == ids[:n]
        assert page.locator(".entry.current").get_attribute("id") == ids[n - 1]
        assert page.locator(".stepbar .status").inner_text() == f"Entry {n} of {len(ids)}"
    marks = page.evaluate("JSON.parse(document.getElementById('answers').textContent).timeline")
    lit = page.eval_on_selector_all(".timeline .current", "els => els.map(e => e.id)")
    assert lit == [marks[ids[4]]], "the current entry is lit on the timeline"
    page.keyboard.press("ArrowLeft")
    assert visible_entries(page) == ids[:4]
    assert page.eval_on_selector_all(".timeline .current", "els => els.map(e => e.id)") == [marks[ids[3]]]
    page.get_by_role("button", name="Next").click()
    assert visible_entries(page) == ids[:5]
    page.locator(f'.timeline a[*|href="#{ids[8]}"]').first.click()
    assert visible_entries(page) == ids[:9], "a box on the timeline steps to its entry"
    page.keyboard.press("a")
    assert visible_entries(page) == ids
    w.clean()


def test_predict_then_reveal_scores_the_answer(browser: Any, pages: Path) -> None:
    scenario = load(DEPARTURES)
    report = audit(scenario)
    first_flagged = next(i for i, e in enumerate(report.entries) if e.codes)
    w = Watched(browser)
    page = w.open(pages / "departures.html")
    page.get_by_label("Predict first").check()
    page.get_by_role("button", name="Step through").click()
    assert page.locator(".departures").is_hidden() and page.locator("figure.timeline").first.is_hidden(), (
        "the verdict and the timeline's flags wait while the student predicts")
    for i, entry in enumerate(report.entries[: first_flagged + 1]):
        box = page.locator(f"#e{entry.position}")
        assert box.locator(".explanation").is_hidden(), "the answer waits for the prediction"
        if i < first_flagged:
            page.keyboard.press("l")  # lawful
            assert "Right." in box.locator(".feedback").inner_text()
            page.keyboard.press("ArrowRight")
    box = page.locator(f"#e{report.entries[first_flagged].position}")
    code = report.entries[first_flagged].codes[0]
    box.locator(f"input[value={code}]").check()
    box.get_by_role("button", name="Check").click()
    assert "Right." in box.locator(".feedback").inner_text()
    assert box.locator(".explanation").is_visible()
    box.locator("details.why summary").click()
    assert box.locator(".chain .because li").first.is_visible(), "the because-chain opens under the answer"
    expected = first_flagged + 1
    assert page.locator(".stepbar .score").inner_text() == f"Score: {expected} of {expected}"
    page.get_by_role("button", name="Next").click()
    nxt = report.entries[first_flagged + 1]
    page.locator(f"#e{nxt.position} input[value=QI001]").check()
    page.locator(f"#e{nxt.position}").get_by_role("button", name="Check").click()
    feedback = page.locator(f"#e{nxt.position} .feedback")
    assert feedback.inner_text().startswith("Not quite.")
    assert page.locator(".stepbar .score").inner_text() == f"Score: {expected} of {expected + 1}"
    w.clean()


def test_site_index_and_a_quiz_with_feedback(browser: Any, pages: Path) -> None:
    site = pages / "site"
    w = Watched(browser)
    page = w.open(site / "index.html")
    assert page.locator("table.cases tbody tr").count() >= 13
    shot(page, "site-index.png")
    page.get_by_role("link", name="Exercises").first.click()
    page.get_by_role("link", name="Spot the departure").click()
    questions = page.locator("form.quiz")
    first = questions.first
    first.locator("input[value=QI401]").check()
    first.get_by_role("button", name="Check").click()
    feedback = first.locator(".feedback")
    assert feedback.inner_text().startswith("Not quite. The answer:")
    assert feedback.locator("blockquote").count() >= 1, "the feedback quotes the rule"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("section.question").first.screenshot(path=str(SHOTS / "quiz-wrong-answer.png"))
    for form in questions.all()[1:]:
        form.locator("input").first.check()
        form.get_by_role("button", name="Check").click()
    result = page.locator("#result")
    assert result.is_visible() and result.inner_text().startswith("Your score: ")
    w.clean()


def test_a_teaching_quiz_grades_the_exact_set(browser: Any, pages: Path) -> None:
    w = Watched(browser)
    page = w.open(pages / "site" / "exercises" / "case-zapata-v-melson.html")
    key = page.evaluate("JSON.parse(document.getElementById('answers').textContent).questions")
    forms = page.locator("form.quiz")
    first = forms.first
    qid = first.get_attribute("data-question")
    for value in key[qid]["answer"]:
        first.locator(f"input[value='{value}']").check()
    first.get_by_role("button", name="Check").click()
    assert first.locator(".feedback").inner_text().startswith("Right.")
    assert page.locator(f"#{qid} .reveal .chain").is_visible(), "the chain shows once answered"
    second = forms.nth(1)
    sid = second.get_attribute("data-question")
    wrong = next(c for c in key[sid]["codes"] if c not in key[sid]["answer"])
    second.locator(f"input[value='{wrong}']").check()
    second.get_by_role("button", name="Check").click()
    text = second.locator(".feedback").inner_text()
    assert text.startswith("Not quite.") and f"Why not {key[sid]['codes'][wrong]}?" in text
    assert page.locator("#progress").inner_text() == f"2 of {forms.count()} answered; 1 right."
    w.clean()


def test_site_pages_fit_a_phone(browser: Any, pages: Path) -> None:
    site = pages / "site"
    w = Watched(browser, 390)
    for name in ("index.html", "rules/index.html", "law.html", "slides.html", "exercises/spot-the-departure.html",
                 "exercises/case-zapata-v-melson.html",
                 "cases/zapata-v-melson.html", "rules/qi201-no-pleadings-finding.html"):
        no_horizontal_scroll(w.open(site / name))
    w.clean()


def test_hostile_text_is_shown_as_text(browser: Any, pages: Path) -> None:
    w = Watched(browser)
    page = w.open(pages / "hostile.html")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("h1").inner_text().startswith("Doe v. <script>window.__pwned=1</script>")
    assert page.get_by_text('</svg><img src=x onerror="window.__pwned=2">').count() >= 1
    assert page.locator("img").count() == 0
    page.get_by_label("Predict first").check()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("l")
    page.keyboard.press("a")
    page.locator("details").evaluate_all("ds => ds.forEach(d => d.open = true)")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("body").is_visible(), "no injected style hid the page"
    w.clean()
