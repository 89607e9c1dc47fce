"""Text helpers every layer shares: safe terminal text, plurals, numbers, citations and
Markdown escaping.

Catalog and user text is made safe for a terminal here: control characters are shown, not
sent.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from csorg.catalog.schema import Catalog, Number

# C0 and C1 control characters (escape sequences, bells, backspaces) other than tab/newline
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """``text`` with every control character written as a visible ``\\xNN`` escape."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def one_line(text: str) -> str:
    """:func:`clean` text on a single line, runs of whitespace (newlines too) collapsed."""
    return " ".join(clean(text).split())


def plural(count: int, word: str, many: str | None = None) -> str:
    """``"1 seat"``, ``"3 seats"``; ``many`` for words that do not just take an s."""
    return f"{count} {word if count == 1 else many or word + 's'}"


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
