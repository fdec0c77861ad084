"""A case page: safe embedding, hostile text escaped everywhere, every departure and entry shown."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from qiflow.engine.expect import scenario_files
from qiflow.engine.run import audit
from qiflow.files.load import load
from qiflow.web.cites import short_cite
from qiflow.web.embed import dumps, json_script
from qiflow.web.site import case_html
from qiflow.web.sources import LATER, OPINION, SUMMARY, kind
from tests.conftest import SCENARIOS
from tests.web_support import HOSTILE, RUSANOWSKY, Tags

EVIL = ["</script>", "<script>", "<!--", "-->", "&", "<", ">", "\u2028", "\u2029"]


@pytest.mark.parametrize("text", EVIL + ["".join(EVIL), '"\'`\u202e\u200f'])
def test_embedded_json_cannot_end_its_script_and_reads_back_the_same(text: str) -> None:
    data = {"k": text, text: [text]}
    out = dumps(data)
    assert not set("<>&\u2028\u2029") & set(out)
    assert json.loads(out) == data
    element = str(json_script(data, 'x"y'))
    assert element.count("</script>") == 1 and element.endswith("</script>")
    assert 'id="x&#34;y"' in element


def hostile_html() -> str:
    scenario = load(HOSTILE)
    return case_html(scenario, audit(scenario, file=str(HOSTILE)), path=HOSTILE)


def test_hostile_text_is_never_markup() -> None:
    html = hostile_html()
    page = Tags(html)
    assert len(page.named("script")) == 2, "only the answer key and step.js"
    assert page.named("script")[0] == {"type": "application/json", "id": "answers"}
    assert not page.named("img") and len(page.named("style")) == 1 and not page.named("i") and not page.named("b")
    assert not [a for _, a in page.tags if any(k.startswith("on") for k in a)], "no event-handler attribute"
    assert not [a for _, a in page.tags if "javascript:" in (a.get("href") or "")]
    assert len(page.named("svg")) == html.count("</svg>"), "every </svg> in the text is escaped"
    assert "pwned" not in "".join(page.scripts[1:]), "no hostile text inside the page's script"
    shown = "".join(page.text)
    for text in ("<script>window.__pwned=1</script>", "</svg><img src=x onerror=\"window.__pwned=2\">",
                 "{{ 7*7 }} {% raw %}", "\u202eevil\u202c", "Jane <i>Doe</i> \u200fדו"):
        assert text in shown, text
    key = json.loads(page.scripts[0])
    assert key["entries"][-1]["codes"] == ["QI201", "QI202"] or key["entries"][-1]["codes"]


@pytest.mark.parametrize("path", scenario_files([SCENARIOS]), ids=lambda p: p.stem)
def test_every_departure_and_entry_is_on_the_page(path: Path) -> None:
    scenario = load(path)
    report = audit(scenario, file=str(path))
    from qiflow.teach.words import readable
    from qiflow.web.page import case_page
    from qiflow.web.render import render

    page = case_page(scenario, report, path=path, pictures=False)
    html = render("case.html.j2", data=page.answers, scripts=("step.js",), title=page.title, page=page)
    tags = Tags(html)
    shown = [a["data-code"] for a in tags.named("li") if a.get("data-code")]
    assert shown == [v.code for v in report.violations]
    assert [a["id"] for a in tags.named("li") if "entry" in (a.get("class") or "")] == [
        f"e{e.position}" for e in report.entries]
    for v in report.violations:  # in the words a student reads: request and question texts, not their ids
        assert readable(v.message, report).replace("'", "&#39;").replace('"', "&#34;") in html
    if not report.violations:
        assert "None: no departure from the careful procedure." in html


def test_rusanowsky_page_has_its_parts() -> None:
    scenario = load(RUSANOWSKY)
    html = case_html(scenario, audit(scenario, file=str(RUSANOWSKY)), path=RUSANOWSKY)
    tags = Tags(html)
    text = " ".join("".join(tags.text).split())
    for part in ("Rusanowsky v. City of Dallas", "N.D. Tex. / 5th Cir.",
                 "What the court held, beside the engine", "Where the case stands", "read in the opinion", "from a summary",
                 "After this entry: QI asserted: discovery stayed", "The teaching notes", "date unknown",
                 "Burden: the plaintiff must show QI does not apply"):
        assert part in text, part
    assert "qi_stay" not in text, "the page speaks the law's words, not the machine's"
    assert tags.named("details")[0] is not None
    assert not re.search(r'(href|src)="(https?:|//|/)', html), "no network and no absolute link"


def test_short_cites() -> None:
    assert short_cite("Zapata v. Melson, 750 F.3d 481, 485 & n.2 (5th Cir. 2014)") == "Zapata, 750 F.3d at 485 & n.2"
    assert short_cite("Kentucky v. Graham, 473 U.S. 159, 166-67 (1985)") == "Graham, 473 U.S. at 166-67"
    assert short_cite("Williams v. Brooks, 996 F.2d 728, 730 (5th Cir. 1993) (pin?)") == "Williams, 996 F.2d at 730 (pin?)"
    assert short_cite("Lion Boulos v. Wilson, 834 F.2d 504 (5th Cir. 1987)") == "Lion Boulos, 834 F.2d 504"
    assert short_cite("Rusanowsky v. City of Dallas, No. 3:22-cv-1132-K (N.D. Tex. Dec. 28, 2022) (order)") == (
        "Rusanowsky (N.D. Tex. Dec. 28, 2022)")


def test_sources_are_marked_by_how_they_were_known() -> None:
    assert kind("Backe v. LeBlanc, 691 F.3d 645 (5th Cir. 2012) (read: the opening)", "Backe v. LeBlanc") == OPINION
    assert kind("Studicata case summary of Backe v. LeBlanc (2012)", "Backe v. LeBlanc") == SUMMARY
    assert kind("Take the Fifth (blog), 'November 30, 2022, opinions'", "Carswell v. Camp") == SUMMARY
    assert kind("Webb v. Livingston, 618 F. App'x 201, 210 (5th Cir. 2015), quoting Gaines", "Gaines v. Davis") == LATER
    assert kind("Ramirez v. Guadarrama, 142 S. Ct. 2571 (2022) (Sotomayor, J., dissenting)",
                "Ramirez v. Guadarrama") == LATER
