"""The font the PNG and PDF exports embed: Liberation Sans 2.1.5, regular and bold, shipped
unmodified with its licence (SIL Open Font License 1.1, see ``LICENSE`` here).

It has Helvetica's metrics, which the layout measures text with, so text fits its boxes,
and it is passed to the renderers explicitly: the files look the same on every machine, with
or without fonts installed. (Italic text is drawn upright, to keep the wheel small.)
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

FOLDER = Path(__file__).resolve().parent
FAMILY = "Liberation Sans"
REGULAR = FOLDER / "LiberationSans-Regular.ttf"
BOLD = FOLDER / "LiberationSans-Bold.ttf"


@functools.cache
def _covered() -> frozenset[int]:
    from fontTools.ttLib import TTFont  # fpdf2's dependency, so there with the render extra

    covered: set[int] = set()
    for path in (REGULAR, BOLD):
        covered |= set(TTFont(path, lazy=True).getBestCmap())
    return frozenset(covered)


def missing(texts: Iterable[str]) -> list[str]:
    """The characters of ``texts`` the font has no glyph for, in order of first use."""
    try:
        covered = _covered()
    except ImportError:
        return []
    seen: dict[str, None] = {}
    for text in texts:
        for char in text:
            if not char.isspace() and ord(char) not in covered:
                seen[char] = None
    return list(seen)


def missing_warning(texts: Iterable[str], fmt: str) -> tuple[str, ...]:
    """A warning naming the characters the font cannot draw, if any."""
    chars = missing(texts)
    if not chars:
        return ()
    shown = ", ".join(f"{c!r} (U+{ord(c):04X})" for c in chars[:10])
    more = f" and {len(chars) - 10} more" if len(chars) > 10 else ""
    return (f"{FAMILY}, the font of the {fmt}, has no glyph for {shown}{more}: left out",)
