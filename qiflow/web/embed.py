"""Data for the page's script, embedded in ``<script type="application/json">`` so no text can end it.

Inside a script element the HTML parser looks only for ``</script`` (and ``<!--``); escaping ``<``,
``>`` and ``&`` as JSON ``\\u`` escapes removes every such sequence, and U+2028/U+2029 are escaped for
engines that once treated them as line ends. ``JSON.parse`` reads the escapes back as the same text.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup, escape

_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def dumps(data: Any) -> str:
    """``data`` as JSON that is safe as the text of a script element: keys sorted, so output is stable."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "".join(_UNSAFE.get(c, c) for c in text)


def json_script(data: Any, element_id: str) -> Markup:
    """A ``<script type="application/json" id=...>`` element holding ``data``."""
    return Markup('<script type="application/json" id="{}">{}</script>').format(
        escape(element_id), Markup(dumps(data)))
