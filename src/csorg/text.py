"""Catalog and user text made safe for a terminal: control characters are shown, not sent."""

from __future__ import annotations

import re

# C0 and C1 control characters (escape sequences, bells, backspaces) other than tab/newline
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """``text`` with every control character written as a visible ``\\xNN`` escape."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def one_line(text: str) -> str:
    """:func:`clean` text on a single line, runs of whitespace (newlines too) collapsed."""
    return " ".join(clean(text).split())
