"""Text helpers every layer shares: safe terminal text, plurals, numbers, citations and
Markdown escaping.

Catalog and user text is made safe for a terminal here: characters that could deceive a reader
are shown, not sent.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from csorg.catalog.schema import Catalog, Number

# Characters that act on a terminal or on the text around them instead of showing: C0 and C1
# controls other than tab and newline (escape sequences, bells, U+009B, the one-byte CSI),
# and every Unicode format character and line or paragraph separator (categories Cf, Zl, Zp:
# bidi embeddings, overrides, isolates and marks, zero-width spaces and joiners, the
# byte-order mark, soft hyphens, invisible tag characters). Spelt out rather than read from
# unicodedata at import, which would cost start-up time; a test compares it with unicodedata.
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891"
    "\u08e2\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)


def escape(char: str) -> str:
    """One character as a visible escape: ``\\x1b``, ``\\u202e``, ``\\U000e0041``."""
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def clean(text: str) -> str:
    """``text`` with every character that could deceive a reader (:data:`UNSAFE`) written as
    a visible escape; ordinary text comes back unchanged."""
    return UNSAFE.sub(lambda m: escape(m.group()), text)


def json_safe(text: str) -> str:
    """JSON text, as json.dumps writes it, with every :data:`UNSAFE` character written as
    JSON's own ``\\uXXXX`` escape: the data reads back exactly, and nothing raw reaches a
    terminal. (The characters can only stand inside JSON strings; tab and newline, which
    layout uses, are not among them.)"""
    if text.isascii():  # a constant-time test; json.dumps escapes C0 controls, not DEL
        return text.replace("\x7f", "\\u007f")
    return UNSAFE.sub(_json_escape, text)


def _json_escape(match: re.Match[str]) -> str:
    units = match.group().encode("utf-16-be")  # a character past U+FFFF is two escapes
    return "".join(f"\\u{units[i]:02x}{units[i + 1]:02x}" for i in range(0, len(units), 2))


def one_line(text: str) -> str:
    """:func:`clean` text on a single line, runs of whitespace (newlines too) collapsed."""
    return " ".join(clean(text).split())


def plural(count: int, word: str, many: str | None = None) -> str:
    """``"1 seat"``, ``"3,918 seats"``; ``many`` for words that do not just take an s."""
    return f"{count:,} {word if count == 1 else many or word + 's'}"


def number(value: float) -> str:
    """A figure as people read it: ``1,200`` or ``0.25``."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def short_source(catalog: Catalog, source_id: str) -> str:
    """A source as cited inline: ``Kiouri 2023``, ``Acharya et al. 2017``, ``Totango 2012``."""
    source = catalog.sources.get(source_id)
    if source is None:
        return source_id
    who = source.publisher or source.title
    if source.author:
        names = [n.strip() for n in re.split(r",| and ", source.author) if n.strip()]
        who = names[0].split()[-1] + (" et al." if len(names) > 1 else "")
    year = (source.date or "")[:4]
    return f"{who} {year}".strip()


def cite(catalog: Catalog, figure: Number) -> str:
    """A short provenance note for a number: ``Kiouri 2023`` or ``heuristic``."""
    if figure.heuristic or figure.source is None:
        return "heuristic"
    return short_source(catalog, figure.source)


def reference(source: Mapping[str, Any] | None, *, quoted: bool = False) -> str:
    """A source as a reference line: author or publisher, title, year."""
    if not source:
        return ""
    who = source.get("author") or source.get("publisher") or ""
    title = source.get("title") or source.get("id") or ""
    if quoted and title:
        title = f"\u201c{title}\u201d"
    return ", ".join(p for p in (who, title, (source.get("date") or "")[:4]) if p)


def markdown_escape(text: str) -> str:
    """One line of catalog text made safe inside Markdown (tables included)."""
    return re.sub(r"([\\`*_{}\[\]<>|#])", r"\\\1", one_line(text))
