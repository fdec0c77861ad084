"""Jinja2, set up once for the pages: autoescaping everywhere, undefined names an error, the stylesheet
and script read from the package and inlined so every page stands alone."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from qiflow.web.embed import json_script


@cache
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("qiflow.web", "templates"), autoescape=True, undefined=StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )


@cache
def static(name: str) -> Markup:
    """A file from ``static/``, trusted (it is ours), for inlining."""
    return Markup(files("qiflow.web").joinpath("static", name).read_text(encoding="utf-8"))


def render(template: str, *, data: Any = None, scripts: tuple[str, ...] = (), nav: Any = (), **context: Any) -> str:
    """Render ``template`` with the stylesheet, ``scripts`` from ``static/`` and ``data`` as embedded JSON."""
    js = Markup("\n").join(static(s) for s in scripts) if scripts else ""
    answers = json_script(data, "answers") if data is not None else ""
    return environment().get_template(template).render(
        css=static("site.css"), js=js, answers=answers, nav=nav, **context)
