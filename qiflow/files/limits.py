"""The bounds every input is held to, so no input can hang qiflow or exhaust its memory.

Each bound is named in the error an input that passes it gets, so a user knows what to change.
"""

from __future__ import annotations

MAX_FILE_BYTES = 4 * 1024 * 1024
"""A scenario file (or one JSON Lines record) is at most 4 MiB; the case library's largest is under 20 KiB."""

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
