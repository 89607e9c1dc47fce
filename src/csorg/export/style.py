"""Colours and text measures the drawing writers (dot, mermaid, svg, html, graphml, drawio,
png, pdf) share.

Each functional area gets a colour by its position in the catalog, so an area looks the same
in every export of every org; optional roles get a dashed border, dotted-line managers a
dashed line in their own colour.
"""

from __future__ import annotations

import functools

# (fill, border) per functional area, by the area's position in the catalog; light fills so
# dark text stays readable, borders dark enough to tell the areas apart
PALETTE: tuple[tuple[str, str], ...] = (
    ("#e2e8f0", "#334155"),  # slate
    ("#dbeafe", "#1d4ed8"),  # blue
    ("#dcfce7", "#15803d"),  # green
    ("#fef3c7", "#b45309"),  # amber
    ("#ffedd5", "#c2410c"),  # orange
    ("#f3e8ff", "#7e22ce"),  # purple
    ("#ccfbf1", "#0f766e"),  # teal
    ("#fce7f3", "#be185d"),  # pink
    ("#e0f2fe", "#0369a1"),  # sky
    ("#fee2e2", "#b91c1c"),  # red
    ("#ecfccb", "#4d7c0f"),  # lime
    ("#e0e7ff", "#4338ca"),  # indigo
)
TEXT = "#0f172a"
MUTED = "#475569"
LINE = "#94a3b8"
DASH = "4 3"  # the border of an optional role
DOTTED = "#7c3aed"  # a dotted-line manager
DOTTED_DASH = "6 4"
FONT = "Helvetica, Arial, 'Liberation Sans', sans-serif"


def colours(area_index: int) -> tuple[str, str]:
    """(fill, border) for the area at ``area_index``."""
    return PALETTE[area_index % len(PALETTE)]


# Advance widths of Helvetica/Arial in thousandths of the font size, enough to wrap and size
# boxes without a font library; anything not listed counts as a digit. They are the advances of
# the shipped Liberation Sans (its hmtx table; tests/test_truetype.py reads them back).
_WIDTHS = {
    **dict.fromkeys("'", 191),
    **dict.fromkeys("ijl", 222),
    **dict.fromkeys("|", 260),
    **dict.fromkeys(" .,:;!ft/\\[]I", 278),
    **dict.fromkeys("r-()`·", 333),
    **dict.fromkeys("{}", 334),
    **dict.fromkeys('"', 355),
    **dict.fromkeys("*", 389),
    **dict.fromkeys("^", 469),
    **dict.fromkeys("ckvxyzsJ", 500),
    **dict.fromkeys("L", 556),
    **dict.fromkeys("+<=>~×", 584),
    **dict.fromkeys("FTZ", 611),
    **dict.fromkeys("ABEKPSVXY&", 667),
    **dict.fromkeys("CDHNRUw", 722),
    **dict.fromkeys("GOQ", 778),
    **dict.fromkeys("mM", 833),
    **dict.fromkeys("%", 889),
    **dict.fromkeys("W", 944),
    **dict.fromkeys("…—", 1000),
    **dict.fromkeys("@", 1015),
}
_DEFAULT = 556  # digits and most lower-case letters
_CJK = 1000


def char_width(char: str) -> int:
    width = _WIDTHS.get(char)
    if width is not None:
        return width
    return _CJK if ord(char) >= 0x2E80 else _DEFAULT


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Estimated width of ``text`` set in Helvetica at ``size`` pixels."""
    return sum(map(char_width, text)) * size / 1000 * (1.07 if bold else 1.0)


def wrap(text: str, width: float, size: float, *, bold: bool = False, lines: int = 2) -> list[str]:
    """``text`` wrapped into at most ``lines`` lines that fit ``width``; the last line ends
    in an ellipsis when the text does not fit (linear in the length of ``text``)."""
    return list(_wrap(text, width, size, bold, lines))


@functools.lru_cache(maxsize=1024)  # a chart repeats a few titles hundreds of times
def _wrap(text: str, width: float, size: float, bold: bool, lines: int) -> tuple[str, ...]:
    words = text.split()
    out: list[str] = []
    current = ""
    index = 0
    while index < len(words) and len(out) < lines:
        word = words[index]
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, size, bold=bold) <= width:
            current = candidate
            index += 1
        elif current:
            out.append(current)
            current = ""
        else:  # one word wider than the line: break it
            cut = fit(word, width, size, bold=bold)
            out.append(word[:cut])
            words[index] = word[cut:]
    if current and len(out) < lines:
        out.append(current)
        current = ""
    if index < len(words) or current:
        rest = " ".join([out[-1], current, *words[index:]]).split()
        out[-1] = ellipsis(" ".join(rest), width, size, bold=bold)
    return tuple(out) or ("",)


def ellipsis(text: str, width: float, size: float, *, bold: bool = False) -> str:
    """``text`` cut to fit ``width``, ending in "…" when it was cut."""
    if len(text) * size * (1.07 if bold else 1.0) <= width:  # fits even at the widest glyph
        return text
    if text_width(text, size, bold=bold) <= width:
        return text
    cut = fit(text, width - text_width("…", size, bold=bold), size, bold=bold)
    return text[:cut].rstrip() + "…"


def fit(text: str, width: float, size: float, *, bold: bool = False) -> int:
    """How many leading characters of ``text`` fit ``width`` (at least one)."""
    limit = width * 1000 / size / (1.07 if bold else 1.0)
    used = 0
    for index, char in enumerate(text):
        used += char_width(char)
        if used > limit:
            return max(index, 1)
    return len(text)
