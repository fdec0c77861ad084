"""The static site: deterministic bytes, relative links that resolve, the parts the issue asks for; the CLI."""

from __future__ import annotations

import json
import posixpath
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urldefrag

import pytest

from qiflow.engine.run import audit
from qiflow.files.load import load
from qiflow.law.codes import CODES
from tests.conftest import ROOT
from tests.web_support import HOSTILE, RUSANOWSKY, Tags, build_site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    out = tmp_path_factory.mktemp("site")
    return out, build_site(out)


def test_the_same_input_gives_the_same_bytes(site: tuple[Path, dict[str, bytes]], tmp_path: Path) -> None:
    _, first = site
    again = build_site(tmp_path)
    assert sorted(first) == sorted(again)
    assert [n for n in first if first[n] != again[n]] == []


def test_the_site_has_every_part(site: tuple[Path, dict[str, bytes]]) -> None:
    _, files = site
    for name in ("index.html", "rules/index.html", "law.html", "slides.html", "exercises/index.html",
                 "exercises/spot-the-departure.html", "cases/rusanowsky-v-city-of-dallas.html",
                 "cases/zapata-v-melson.html"):
        assert name in files, name
    rules = files["rules/index.html"].decode()
    for code in CODES:
        assert f'id="{code}"' in rules
    index = Tags(files["index.html"].decode())
    assert len([a for a in index.named("a") if (a.get("href") or "").startswith("cases/")]) >= 13


def test_the_rules_index_pairs_each_v2_term_with_its_near_miss(site: tuple[Path, dict[str, bytes]]) -> None:
    _, files = site
    rules = files["rules/index.html"].decode()
    terms, others = rules.split('id="v2-terms"')[1].split("Other examples")
    v2 = sorted(p.stem for p in (ROOT / "scenarios" / "rules").glob("v2-*.yaml"))
    assert len(v2) == 24 and all(f'href="{stem}.html"' in terms for stem in v2)
    assert terms.count("Near miss:") == 12 and "v2-" not in others


def test_links_are_relative_and_resolve(site: tuple[Path, dict[str, bytes]]) -> None:
    _, files = site
    ids: dict[str, set[str]] = {}
    links: list[tuple[str, str]] = []
    for name, data in files.items():
        if not name.endswith(".html"):
            continue
        tags = Tags(data.decode())
        ids[name] = {a["id"] or "" for _, a in tags.tags if a.get("id")}
        links += [(name, a[k] or "") for _, a in tags.tags for k in ("href", "src", "xlink:href") if k in a]
    for page, link in links:
        assert not link.startswith(("/", "http:", "https:", "file:", "//", "javascript:")), (page, link)
        target, fragment = urldefrag(link)
        key = posixpath.normpath(posixpath.join(posixpath.dirname(page), target)) if target else page
        assert key in files, (page, link)
        if fragment:
            assert fragment in ids[key], (page, link)


def test_quiz_answers_are_the_engines(site: tuple[Path, dict[str, bytes]]) -> None:
    from qiflow.teach.quiz import questions

    _, files = site
    assert "exercises/entry-by-entry.html" in files and "exercises/case-zapata-v-melson.html" in files
    tags = Tags(files["exercises/case-zapata-v-melson.html"].decode())
    key = json.loads(tags.scripts[0])
    forms = [a["data-question"] for a in tags.named("form")]
    assert forms and set(forms) == set(key["questions"])
    scenario = load(ROOT / "scenarios" / "cases" / "zapata-v-melson.yaml")
    expected = questions(scenario, audit(scenario))
    assert [sorted(q.answer) for q in expected] == [key["questions"][f]["answer"] for f in forms]
    assert set(key["rules"]) == set(CODES), "every rule is there to quote"
    spot = json.loads(Tags(files["exercises/spot-the-departure.html"].decode()).scripts[0])["questions"]
    assert any(q["answer"] != ["lawful"] for q in spot.values())


def qiflow(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "qiflow", *args], capture_output=True, text=True, cwd=ROOT, check=False)


def test_report_html_writes_one_self_contained_file(tmp_path: Path) -> None:
    out = tmp_path / "rus.html"
    done = qiflow("report", str(RUSANOWSKY), "--html", "-o", str(out))
    assert done.returncode == 0, done.stderr
    html = out.read_text()
    assert html.startswith("<!doctype html>") and "<style>" in html and "<svg" in html
    assert not Tags(html).named("link") and all("src" not in a for a in Tags(html).named("script"))
    assert qiflow("report", str(RUSANOWSKY), "--html", "-o", str(RUSANOWSKY)).returncode == 2
    assert RUSANOWSKY.read_text().startswith("qiflow: 1")
    assert qiflow("report", str(RUSANOWSKY)).returncode == 2
    assert qiflow("report", str(tmp_path / "missing.yaml"), "--html").returncode == 2
    assert qiflow("report", str(HOSTILE), "--html", "-o", str(tmp_path / "h.html")).returncode == 0


def test_site_command_removes_only_its_own_stale_pages(tmp_path: Path) -> None:
    out = tmp_path / "s"
    (out / "cases").mkdir(parents=True)
    (out / "cases" / "gone.html").write_text('<!doctype html><meta name="generator" content="qiflow">old')
    (out / "notes.html").write_text("<p>the teacher's own page</p>")
    done = qiflow("site", str(out))
    assert done.returncode == 0, done.stderr
    assert (out / "index.html").is_file() and "files to" in done.stdout
    assert not (out / "cases" / "gone.html").exists() and "removed" in done.stdout
    assert (out / "notes.html").read_text() == "<p>the teacher's own page</p>"


def test_inlined_svg_prefixes_its_own_ids_and_keeps_outside_links() -> None:
    from qiflow.web.pictures import inline

    svg = ('<?xml version="1.0"?>\n<svg width="1"><title>qi_stay</title><g id="a_c1"><a xlink:href="#e3">'
           '<use href="#a_c1"/></a></g></svg>\n')
    out = str(inline(svg, "tl1", 'Alt "quoted" <b>'))
    assert out.startswith('<svg role="img" aria-label="Alt &#34;quoted&#34; &lt;b&gt;"')
    assert 'id="tl1-a_c1"' in out and 'href="#tl1-a_c1"' in out and 'xlink:href="#e3"' in out
    assert "qi_stay" not in out and "<?xml" not in out


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize(("ink", "ground"), [
    ("ink", "paper"), ("muted", "paper"), ("muted", "soft"), ("accent", "paper"), ("error", "error-bg"),
    ("warn", "warn-bg"), ("ok", "ok-bg"), ("ink", "current"), ("muted", "warn-bg"), ("ink", "soft"),
])
def test_text_colours_meet_wcag_aa(ink: str, ground: str) -> None:
    css = (ROOT / "qiflow" / "web" / "static" / "site.css").read_text()
    colours = dict(re.findall(r"--([\w-]+): (#[0-9a-f]{6})", css))
    light, dark = sorted((_luminance(colours[ink]), _luminance(colours[ground])), reverse=True)
    assert (light + 0.05) / (dark + 0.05) >= 4.5, f"{ink} on {ground}"
