"""Shared by the web tests: the hostile scenario, an HTML tag counter, and one site build per session."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from tests.conftest import ROOT

HOSTILE = ROOT / "tests" / "data" / "web" / "hostile.yaml"
RUSANOWSKY = ROOT / "scenarios" / "rusanowsky-v-city-of-dallas.yaml"


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of each script element, as a browser parses them."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)

    def named(self, name: str) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs in self.tags if tag == name]


def build_site(out: Path) -> dict[str, bytes]:
    from qiflow.web.site import build, write

    files = build(ROOT / "scenarios")
    write(out, files)
    return files
