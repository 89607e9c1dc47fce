"""The font the PNG and PDF exports embed: Liberation Sans 2.1.5, regular and bold, shipped
unmodified with its licence (SIL Open Font License 1.1, see ``LICENSE`` here).

It has Helvetica's metrics, which the layout measures text with, so text fits its boxes,
and it is passed to the renderers explicitly: the files look the same on every machine, with
or without fonts installed. (Italic text is drawn upright, to keep the wheel small.) Which
characters it covers is read from the font files themselves (:mod:`csorg.export.truetype`).
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
def _covered() -> frozenset[str]:
    from csorg.export.truetype import load

    return frozenset(chr(code) for path in (REGULAR, BOLD) for code in load(path).cmap)


def missing(texts: Iterable[str]) -> list[str]:
    """The characters of ``texts`` the font has no glyph for, in order of first use."""
    covered = _covered()
    seen: dict[str, None] = {}
    for text in texts:
        if covered.issuperset(text):  # nearly every line: one set operation
            continue
        for char in text:
            if not char.isspace() and char not in covered:
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
