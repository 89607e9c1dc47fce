"""csorg's own reading of YAML text: lines counted as editors count them, its nesting limit
reported whatever limit the parser has, and plain-words hints for syntax errors.

Every case runs with libyaml's C parser and with PyYAML's pure-Python one: their error
texts and limits differ, csorg's behaviour must not.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from csorg.catalog import yamlload
from csorg.catalog.yamlload import MAX_DEPTH, load_yaml
from csorg.catalog.yamltext import Lines, nesting_past, syntax_hint
from csorg.errors import CsorgError, Problem

PARSERS = {"libyaml": getattr(yaml, "CSafeLoader", None), "python": yaml.SafeLoader}


@pytest.fixture(params=list(PARSERS))
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    loader = PARSERS[request.param]
    if loader is None:
        pytest.skip("PyYAML was built without libyaml")
    monkeypatch.setattr(yamlload, "_Loader", loader)
    yield request.param


def problems_of(data: str | bytes) -> list[Problem]:
    try:
        document = load_yaml(data, "f.yaml")
    except CsorgError as error:
        return list(error.problems)
    return document.problems


def where(data: str | bytes) -> list[tuple[int | None, int | None, str]]:
    return [(p.line, p.column, p.message) for p in problems_of(data)]


# -- lines as editors count them -------------------------------------------------------------

# text -> (line, column) of its one problem; every case has a problem on the last line
LINE_CASES: dict[str, tuple[str | bytes, tuple[int, int]]] = {
    "\\n": ("a: 1\nb: 2\nb: 3\n", (3, 1)),
    "\\r\\n": ("a: 1\r\nb: 2\r\nb: 3\r\n", (3, 1)),
    "\\r": ("a: 1\rb: 2\rb: 3\r", (3, 1)),
    "U+2028 in a value": ("a: 'x\u2028y'\nb: 2\nb: 3\n", (3, 1)),
    "U+2029 in a value": ("a: 'x\u2029y'\nb: 2\nb: 3\n", (3, 1)),
    "U+0085 in a value": ('a: "x\x85y"\nb: 2\nb: 3\n', (3, 1)),
    "several of them": ("a: 'x\u2028\u2029\x85y'\nb: 2\n# a comment\nb: 3\n", (4, 1)),
    "a syntax error after U+2028": ("a: 'x\u2028y'\nb: [1,\n", (3, 1)),
    "a column after U+2028 on the same line": ("{a: 'x\u2028y', b: 1, 'c': 2, c: 3}\n", (1, 26)),
    "a character YAML refuses after accents": ("a: ééé\x07\n", (1, 7)),
    "a character YAML refuses after \\r": ("a: 1\rb: é\x07\n", (2, 5)),
    "invalid UTF-8 after \\r\\n": (b"a: 1\r\nb: caf\xe9\n", (2, 7)),
    "invalid UTF-8 after \\r and accents": (b"a: 1\rb: \xc3\xa9\xff\n", (2, 5)),
    "a NUL byte after accents": (b"a: \xc3\xa9\x00\n", (1, 5)),
}


@pytest.mark.parametrize("case", list(LINE_CASES))
def test_lines_are_counted_as_editors_count_them(case: str, parser: str) -> None:
    data, position = LINE_CASES[case]
    [(line, column, _)] = where(data)
    assert (line, column) == position


def test_a_duplicate_key_names_the_first_line_as_editors_count_it(parser: str) -> None:
    [(_, _, message)] = where("a: 'x\u2028y'\nb: 2\nb: 3\n")
    assert "first given on line 2" in message


def test_located_values_are_where_editors_show_them(parser: str) -> None:
    document = load_yaml(
        "a: 'x\u2028y\x85z'\nb:\n  - 1\n  - 'w\u2029'\nc: 3\n", "f.yaml", locate=True
    )
    assert document.values[("b", 1)][:2] == (4, 5)
    assert document.values[("c",)][:2] == (5, 4)
    assert document.keys[("c",)][:2] == (5, 1)


def test_lines_helper() -> None:
    lines = Lines("ab\r\ncd\ref\u2028gh\n")
    assert [lines.of(i) for i in (0, 4, 7, 9, 10)] == [(1, 1), (2, 1), (3, 1), (3, 3), (3, 4)]
    assert [lines.line_text(n) for n in (1, 2, 3, 4, 5)] == ["ab", "cd", "ef\u2028gh", "", ""]


# -- nesting ---------------------------------------------------------------------------------

TOO_DEEP = f"nesting deeper than {MAX_DEPTH} levels"

# text -> where csorg reports its nesting limit
NESTING_CASES: dict[str, tuple[str, tuple[int, int]]] = {
    "65 levels of lists": ("roles: " + "[" * 65 + "]" * 65 + "\n", (1, 71)),
    "1,000 levels of lists": ("roles: " + "[" * 1000 + "]" * 1000 + "\n", (1, 71)),
    "100,000 levels of lists": ("roles: " + "[" * 100_000 + "]" * 100_000 + "\n", (1, 71)),
    "100,000 unclosed levels": ("roles: " + "[" * 100_000 + "\n", (1, 71)),
    "100,000 levels of mappings": ("r: " + "{a: " * 100_000 + "1" + "}" * 100_000, (1, 256)),
    "lists of mappings, spaced out": ("r: " + "[ {x: " * 1000 + "\n", (1, 192)),
    "over several lines": ("r:\n  - " + "[\n    " * 2000, (64, 5)),
    "under block levels": ("a:\n  b:\n    - " + "[" * 5000 + "\n", (3, 68)),
}


@pytest.mark.parametrize("case", list(NESTING_CASES))
def test_nesting_is_reported_at_csorgs_limit_whatever_the_parser(case: str, parser: str) -> None:
    text, position = NESTING_CASES[case]
    assert where(text) == [(*position, TOO_DEEP)]


def test_brackets_in_text_and_quotes_are_not_nesting(parser: str) -> None:
    deep = "[" * 2000
    assert where(f"a: '{deep}'\nb: \"{deep}\"\nc: see {deep}\nd: 1 # {deep}\n") == []
    # a syntax error after them is reported as what it is
    [(line, _, message)] = where(f"a: '{deep}'\nc: see {deep}\nd: 'x\n")
    assert (line, "YAML syntax error" in message, TOO_DEEP in message) == (4, True, False)


def test_nesting_past_counts_only_brackets_that_open_a_value() -> None:
    text = "a: [x, 'y [[', [z # [[\n  , [[w]]]], b: see [["
    assert nesting_past(text, 0, len(text), 0, 4) is None
    assert nesting_past(text, 0, len(text), 1, 4) == text.index("[[w") + 1
    assert nesting_past("a: [[[", 0, 6, 2, 3) == 4
    assert nesting_past("a: [[[", 4, 6, 2, 3) == 5  # from where the parser's events stopped


# -- hints -----------------------------------------------------------------------------------

INDENT = "check the indentation of this line against the lines above it"

# text -> (line, column, the hint csorg adds)
HINT_CASES: dict[str, tuple[str, tuple[int, int], str]] = {
    "a line indented too far": (
        "roles:\n  - id: a\n     title: b\n",
        (3, 11),
        INDENT,
    ),
    "a line indented too little": (
        "roles:\n  - id: a\n    title: b\n   area: c\n",
        (4, 4),
        INDENT,
    ),
    "a key outdented in a list item": ("roles:\n  - id: a\n  title: b\n", (3, 3), INDENT),
    "a list item outdented": (
        "roles:\n  - id: a\n    aliases:\n    - x\n   - y\n",
        (5, 4),
        INDENT,
    ),
    "a tab in the indentation": (
        "roles:\n\t- id: a\n",
        (2, 1),
        "YAML indents with spaces only: replace the tabs at the start of this line",
    ),
    "a tab after spaces": (
        "roles:\n  - id: a\n  \ttitle: b\n",
        (3, 3),
        "YAML indents with spaces only: replace the tabs at the start of this line",
    ),
    "': ' in a value": ("title: Head: of CS\n", (1, 12), "a value that contains ': ' needs quotes"),
    "a value starting with '@'": (
        "note: @team\n",
        (1, 7),
        "a value that starts with '@' needs quotes",
    ),
    "a value starting with '`'": (
        "note: `x`\n",
        (1, 7),
        "a value that starts with '`' needs quotes",
    ),
    "a value starting with '%'": (
        "note: %x\n",
        (1, 7),
        "a value that starts with '%' needs quotes",
    ),
    "a value starting with ':'": (
        "title: : x\n",
        (1, 8),
        "a value that starts with ':' needs quotes",
    ),
    "a value starting with '|'": (
        "note: | x\n",
        (1, 9),
        "a value that starts with '|' needs quotes",
    ),
    "a value starting with ']'": (
        "note: ]x\n",
        (1, 7),
        "a value that starts with ']' needs quotes",
    ),
    "text after a closing quote": (
        'title: "Lead" of CS\n',
        (1, 15),
        "text follows a closing quote: quote the whole value",
    ),
    "an unclosed double quote": (
        'title: "Lead\nnext: 1\n',
        (3, 1),
        'the quoted text that starts at line 1, column 8 is not closed: end it with "',
    ),
    "an unclosed single quote": (
        "title: 'Lead\nnext: 1\n",
        (3, 1),
        "the quoted text that starts at line 1, column 8 is not closed: end it with '",
    ),
    "an unclosed list": (
        "aliases: [a, b\nnext: 1\n",
        (2, 5),
        "the '[' at line 1, column 10 is not closed where expected: close it with ']', "
        "or quote the value if it is text",
    ),
    "a value starting with '{'": (
        "note: {x\n",
        (2, 1),
        "the '{' at line 1, column 7 is not closed where expected: close it with '}', "
        "or quote the value if it is text",
    ),
    "a list item without a space": (
        "roles:\n  -id: a\n  - id: b\n",
        (3, 3),
        "put a space after the '-' that starts the list item on line 2",
    ),
    "a key without ':'": (
        "roles:\n  - id: a\n    title\n    area: b\n",
        (4, 5),
        "line 3 has no ':' after its key",
    ),
    "a line separator in a comment": (
        "a: 1\n# note\u2028more\nb: 2\n",
        (3, 1),
        "line 2 holds U+2028, which YAML reads as a line break: remove it, or quote the text "
        "around it",
    ),
    "a line separator inside plain text": (
        "a: x\u2028y\nb: 1\n",
        (2, 1),
        "line 1 holds U+2028, which YAML reads as a line break: remove it, or quote the text "
        "around it",
    ),
}


@pytest.mark.parametrize("case", list(HINT_CASES))
def test_syntax_errors_get_a_hint_in_plain_words(case: str, parser: str) -> None:
    text, position, hint = HINT_CASES[case]
    [(line, column, message)] = where(text)
    assert message.startswith("YAML syntax error: ")
    assert message.endswith(f"; {hint}")
    # the parser's own text stays beside the hint
    assert len(message) > len("YAML syntax error: ") + len(hint) + 10
    # the two parsers put a few errors a character apart; csorg reports where they do
    assert line == position[0] and abs((column or 0) - position[1]) <= 1


def test_a_backslash_escape_gets_a_hint(parser: str) -> None:
    [(line, _, message)] = where('note: "C:\\data"\n')
    assert line == 1
    assert message.endswith(
        "; a backslash in double quotes starts an escape: write it twice (\\\\) or use single "
        "quotes"
    )


def test_no_hint_without_a_clear_reading() -> None:
    lines = Lines("a: b\n")
    assert syntax_hint(lines, 2) == ""


# -- any text --------------------------------------------------------------------------------

TRICKY = st.text(st.sampled_from(list(" \t\n\r\x85\u2028\u2029-:,[]{}'\"#|>@`ab")), max_size=200)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TRICKY)
def test_every_reported_position_is_inside_the_file(text: str) -> None:
    """Whatever the text, a problem's line is one an editor shows (or the end of the file)."""
    lines = Lines(text)
    for problem in problems_of(text):
        # at the end of a file without a final line break the parser names the next line
        assert problem.line is None or 1 <= problem.line <= len(lines.starts) + 1
        assert problem.column is None or problem.column >= 1
