"""csorg's own reading of a YAML file's text, where libyaml's is not what people need.

* :class:`Lines` counts lines as editors do: a line ends at ``\\n``, ``\\r\\n`` or ``\\r``.
  libyaml (following YAML 1.1) also ends one at U+0085, U+2028 and U+2029, which editors
  show inside a line, so its line numbers drift after such a character.
* :func:`nesting_past` finds, in the text around a syntax error, flow collections (``[``,
  ``{``) nested deeper than csorg allows. Some libyaml versions stop deep flow nesting with
  their own error before csorg's limit is reached; csorg then still reports its own limit,
  at the same place, whatever the version.
* :func:`syntax_hint` explains a syntax error in plain words from the text at its position
  (a tab in the indentation, a line indented unlike its neighbours, a value that needs
  quotes, an unclosed quote or bracket), never from libyaml's wording, which changes between
  versions.
"""

from __future__ import annotations

import bisect
import re

_BREAK = re.compile(r"\r\n|\r|\n")
_YAML_ONLY_BREAKS = ("\x85", "\u2028", "\u2029")
_BYTE_BREAK = re.compile(rb"\r\n|\r|\n")


class Lines:
    """Editor lines and columns (1-based, in characters) of positions in ``text``."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None
        self._odd: bool | None = None

    @property
    def starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [0, *(m.end() for m in _BREAK.finditer(self.text))]
        return self._starts

    @property
    def odd(self) -> bool:
        """Whether libyaml would count lines differently (only then are marks recounted)."""
        if self._odd is None:
            self._odd = any(c in self.text for c in _YAML_ONLY_BREAKS)
        return self._odd

    def at(self, mark: object) -> tuple[int, int]:
        """The line and column of a libyaml mark (its ``index`` counts characters)."""
        if not self.odd:
            return mark.line + 1, mark.column + 1  # type: ignore[attr-defined]
        return self.of(mark.index)  # type: ignore[attr-defined]

    def of(self, index: int) -> tuple[int, int]:
        """The line and column of the character at ``index``."""
        line = bisect.bisect_right(self.starts, index) - 1
        return line + 1, index - self.starts[line] + 1

    def line_text(self, line: int) -> str:
        """Line ``line`` (1-based) without its line break; empty past the end."""
        if not 1 <= line <= len(self.starts):
            return ""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")


def byte_position(data: bytes, offset: int) -> tuple[int, int]:
    """The editor line and column (in characters) of byte ``offset`` in raw file data."""
    starts = [0, *(m.end() for m in _BYTE_BREAK.finditer(data, 0, offset))]
    line_start = starts[-1]
    return len(starts), len(data[line_start:offset].decode("utf-8", "replace")) + 1


# -- nesting -------------------------------------------------------------------------------

_FLOW = re.compile(r"""[\[\]{}"'#]""")
_QUOTED = {'"': re.compile(r'"(?:[^"\\]|\\.)*"', re.S), "'": re.compile(r"'(?:[^']|'')*'")}
_BEFORE_NODE = "[{,:-?"  # after these (or at a line start) a bracket or quote starts a node


def nesting_past(text: str, start: int, end: int, depth: int, limit: int) -> int | None:
    """Where, between ``start`` and ``end``, a flow collection opens past ``limit`` levels
    of nesting, given ``depth`` levels open at ``start``; None if none does.

    Only brackets that start a node count: not those inside quotes, comments or plain text
    (``note: see [1]``).
    """
    flow = 0
    pos = start
    while True:
        found = _FLOW.search(text, pos, end)
        if found is None:
            return None
        at = found.start()
        char = text[at]
        pos = at + 1
        if char in "[{":
            if flow or _starts_node(text, at):
                flow += 1
                if depth + flow > limit:
                    return at
        elif char in "]}":
            flow = max(0, flow - 1)
        elif char == "#":
            if at == 0 or text[at - 1] in " \t\r\n":
                line_end = _BREAK.search(text, at, end)
                pos = line_end.end() if line_end else end
        elif _starts_node(text, at):  # a quote: skip the quoted text
            quoted = _QUOTED[char].match(text, at)
            if quoted is None:
                return None  # an unclosed quote: a problem of its own
            pos = quoted.end()


def _starts_node(text: str, at: int) -> bool:
    before = _previous_character(text, at)
    return before in ("", "\n", "\r") or before in _BEFORE_NODE


def _previous_character(text: str, at: int) -> str:
    """The last character before ``at`` that is not a space or tab ("" at the start)."""
    index = at - 1
    while index >= 0 and text[index] in " \t":
        index -= 1
    return text[index] if index >= 0 else ""


# -- hints ---------------------------------------------------------------------------------

# characters that cannot start a plain value, or make it something other than text
_INDICATORS = "@`%|>*&!]},:?"
# the start of a line up to its first value: list dashes, then a key and its ':' (if any)
_KEY = re.compile(
    r"[ \t]*(?:-[ \t]+)*(?:(?:\"[^\"]*\"|'[^']*'|[^\s#:'\"][^:]*?)(?P<colon>:)(?:[ \t]+|$))?"
)


def syntax_hint(lines: Lines, problem: int, context: int | None = None) -> str:
    """A plain-words hint for a YAML syntax error found at character ``problem`` (libyaml's
    context, when it gives one, at ``context``); empty when the text says nothing clear."""
    for rule in _RULES:
        hint = rule(lines, problem, context)
        if hint:
            return hint
    return ""


def _where(lines: Lines, index: int) -> str:
    line, column = lines.of(index)
    return f"line {line}, column {column}"


def _line_of(lines: Lines, index: int) -> tuple[int, str, int]:
    """The number and text of the line holding ``index``, and the index's offset in it."""
    line, column = lines.of(index)
    return line, lines.line_text(line), column - 1


def _tab(lines: Lines, problem: int, context: int | None) -> str:
    _, text, _ = _line_of(lines, problem)
    indent = text[: len(text) - len(text.lstrip(" \t"))]
    if "\t" in indent or lines.text[problem : problem + 1] == "\t":
        return "YAML indents with spaces only: replace the tabs at the start of this line"
    return ""


def _odd_break(lines: Lines, problem: int, context: int | None) -> str:
    """A line break only YAML sees: before the error on its line, else on the line libyaml
    names as the context, else on the line above."""
    line, text, column = _line_of(lines, problem)
    candidates = [(line, text[:column])]
    for number in (*([lines.of(context)[0]] if context is not None else []), line - 1):
        candidates.append((number, lines.line_text(number)))
    for number, written in candidates:
        for char in _YAML_ONLY_BREAKS:
            if char in written:
                return (
                    f"line {number} holds U+{ord(char):04X}, which YAML reads as a line "
                    "break: remove it, or quote the text around it"
                )
    return ""


def _quote(lines: Lines, problem: int, context: int | None) -> str:
    if context is None or lines.text[context : context + 1] not in ("'", '"'):
        return ""
    quote = lines.text[context]
    if quote == '"' and "\\" in lines.text[max(context, problem - 1) : problem + 1]:
        return (
            "a backslash in double quotes starts an escape: write it twice (\\\\) "
            "or use single quotes"
        )
    if _QUOTED[quote].match(lines.text, context) is None:
        return (
            f"the quoted text that starts at {_where(lines, context)} is not closed: "
            f"end it with {quote}"
        )
    return ""


def _bracket(lines: Lines, problem: int, context: int | None) -> str:
    if context is None or lines.text[context : context + 1] not in ("[", "{"):
        return ""
    opening = lines.text[context]
    closing = "]" if opening == "[" else "}"
    return (
        f"the {opening!r} at {_where(lines, context)} is not closed where expected: "
        f"close it with {closing!r}, or quote the value if it is text"
    )


def _after_quote(lines: Lines, problem: int, context: int | None) -> str:
    _, text, column = _line_of(lines, problem)
    before = text[:column].rstrip(" \t")
    if column < len(text) and before[-1:] in ("'", '"') and before.count(before[-1]) >= 2:
        return "text follows a closing quote: quote the whole value"
    return ""


def _value_start(lines: Lines, problem: int, context: int | None) -> str:
    _, text, column = _line_of(lines, problem)
    start = _KEY.match(text)
    value = start.end() if start else 0
    if value >= len(text) or column < value:
        return ""
    first = text[value]
    if first in _INDICATORS or text.startswith("- ", value):
        return f"a value that starts with {first!r} needs quotes"
    return ""


def _colon_in_value(lines: Lines, problem: int, context: int | None) -> str:
    _, text, column = _line_of(lines, problem)
    start = _KEY.match(text)
    if text[column : column + 1] == ":" and start and start.group("colon"):
        return "a value that contains ': ' needs quotes" if start.start("colon") < column else ""
    return ""


def _dash(lines: Lines, problem: int, context: int | None) -> str:
    line, _, _ = _line_of(lines, problem)
    for number in (line, *_lines_above(lines, line, 1)):
        if re.match(r"[ \t]*-[^\s-]", lines.line_text(number)):
            return f"put a space after the '-' that starts the list item on line {number}"
    return ""


def _missing_colon(lines: Lines, problem: int, context: int | None) -> str:
    if context is None:
        return ""
    line, text, _ = _line_of(lines, context)
    stripped = text.strip()
    if line < lines.of(problem)[0] and stripped and not re.search(r"[:#\-\[\]{}'\"]", stripped):
        return f"line {line} has no ':' after its key"
    return ""


def _indentation(lines: Lines, problem: int, context: int | None) -> str:
    """At the start of a line, or at the ':' of its first key (libyaml read the key as more
    of the value above), the line is out of place."""
    _, text, column = _line_of(lines, problem)
    indent = len(text) - len(text.lstrip(" "))
    start = _KEY.match(text)
    at_key = start is not None and start.group("colon") is not None
    if column <= indent or (at_key and start is not None and start.start("colon") == column):
        return "check the indentation of this line against the lines above it"
    return ""


def _lines_above(lines: Lines, line: int, count: int) -> list[int]:
    """The numbers of up to ``count`` lines above ``line`` that hold more than blanks or a
    comment, nearest first."""
    found: list[int] = []
    for number in range(line - 1, 0, -1):
        text = lines.line_text(number).strip()
        if text and not text.startswith("#"):
            found.append(number)
            if len(found) == count:
                break
    return found


_RULES = (
    _tab,
    _odd_break,
    _quote,
    _bracket,
    _after_quote,
    _dash,
    _missing_colon,
    _value_start,
    _colon_in_value,
    _indentation,
)
