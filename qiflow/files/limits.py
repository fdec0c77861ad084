"""The bounds every input is held to, so no input can hang qiflow or exhaust its memory.

Each bound is named in the error an input that passes it gets, so a user knows what to change.
"""

from __future__ import annotations

import re

MAX_FILE_BYTES = 4 * 1024 * 1024
"""A scenario file (or one JSON Lines record) is at most 4 MiB; the case library's largest is under 20 KiB."""

MAX_IMPORT_BYTES = 8 * 1024 * 1024
"""A docket sheet to import (CourtListener JSON, a saved PACER page, docket text) is at most 8 MiB: a case of
a thousand entries, with their docket text, takes about a tenth of that."""

MAX_DEPTH = 32
"""Lists and mappings nest at most 32 deep (the format itself needs 5)."""

MAX_VALUES = 200_000
"""At most 200,000 values in one scenario, counting each YAML alias as the values it stands for."""

MAX_INT_DIGITS = 18
"""An integer has at most 18 digits (docket numbers are small; a 4,000-digit number is not one)."""

MAX_QUOTE = 60
"""An error message quotes at most 60 characters of a value."""

MAX_MESSAGE = 400
"""An error message's field and expectation are each cut to at most 400 characters."""


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters (all but tab and line breaks), which a scenario's texts may not hold: printed, they would drive
the terminal (clear it, retitle it, hide what follows)."""

_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def shown(name: str) -> str:
    """A file name as a terminal may print it: each control character (a newline included) as a ``\\xNN`` escape, so
    a name can neither drive the terminal nor pass for another line of output."""
    return _UNPRINTABLE.sub(lambda found: f"\\x{ord(found[0]):02x}", name)


def quote(value: object) -> str:
    """``repr(value)``, cut to MAX_QUOTE characters with the full length said, safe for any value."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return f"an integer of about {int(value.bit_length() * 0.30103) + 1} digits"
    if isinstance(value, (dict, list, tuple, set)):
        return f"a {type(value).__name__} of {len(value)} items"
    if isinstance(value, str) and len(value) > MAX_QUOTE:
        return repr(value[:MAX_QUOTE]) + f"... ({len(value):,} characters)"
    text = repr(value)
    return text if len(text) <= MAX_QUOTE else text[:MAX_QUOTE] + f"... ({len(text):,} characters)"


def cut(text: str, limit: int = MAX_MESSAGE) -> str:
    """``text`` cut to ``limit`` characters, saying so."""
    return text if len(text) <= limit else text[:limit] + f"... (cut; {len(text):,} characters)"
