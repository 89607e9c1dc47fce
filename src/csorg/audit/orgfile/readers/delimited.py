"""CSV as spreadsheets and HR systems write it: `,` `;` tab or `|` separated, with
preambles skipped.

Before the header, lines starting with ``#`` (draw.io's import directives and ``##``
comments) and rows with a single filled cell (a report title above the table) are skipped.
draw.io's ``# connect: {"from": "manager", "to": "name"}`` directives say which column names
which: they become the table's links, and a dashed connector marks a dotted line.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from csorg.audit.orgfile.limits import MAX_PEOPLE, Problems, too_many
from csorg.audit.orgfile.table import Table
from csorg.errors import CsorgError

DELIMITERS = (",", ";", "\t", "|")


def read_delimited(text: str, file: str) -> Table:
    lines = text.splitlines(keepends=True)
    start, directives = _preamble(lines)
    rows = _records(text, file, start, lines)
    header: tuple[int, list[str]] | None = None
    titles = 0
    for line, fields in rows:
        if sum(1 for f in fields if f.strip()) < 2:
            titles += 1  # a report title above the header
            continue
        header = (line, fields)
        break
    if header is None:
        raise CsorgError.at(
            file, "file is empty; expected a header line such as id,name,title,manager"
        )
    header_line, names = header
    headers = [n.strip() for n in names]
    table = Table(headers, [], header_line=header_line)
    if directives:
        table.notes.append(
            f"skipped {len(directives)} comment or directive lines before the header"
        )
    if titles:
        table.notes.append(
            f"skipped {titles} title row{'s' if titles > 1 else ''} above the header"
        )
    _links(table, directives)
    problems = Problems(file)
    width = len(headers)
    for line, fields in rows:
        if len(table.rows) >= MAX_PEOPLE:
            raise too_many(file, line)
        if len(fields) > width and any(f.strip() for f in fields[width:]):
            problems.add(
                line,
                f"{len(fields)} fields but the header has {width} "
                "(quote a value that contains the separator)",
            )
            continue
        values = [f.strip() for f in fields[:width]]
        values += [""] * (width - len(values))
        table.rows.append((line, values))
    problems.raise_any()
    return table


def _preamble(lines: list[str]) -> tuple[int, list[str]]:
    """How many lines come before the table, and draw.io's directives among them."""
    directives: list[str] = []
    index = 0
    pending = ""
    while index < len(lines):
        stripped = lines[index].strip().lstrip("\ufeff")
        if pending:
            pending += " " + stripped.lstrip("#").strip()
        elif stripped.startswith("#"):
            pending = stripped
        elif stripped:
            break
        index += 1
        if pending.endswith("\\"):
            pending = pending[:-1].rstrip()
            continue
        if pending:
            directives.append(pending)
            pending = ""
    return index, directives


def _delimiter(first: str) -> str:
    """The separator of a header line: the most frequent one outside quotes."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in first:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: (counts[d], -DELIMITERS.index(d)))
    return best if counts[best] else ","


def _records(text: str, file: str, start: int, lines: list[str]) -> Iterator[tuple[int, list[str]]]:
    """(first line of the record, fields) for each non-blank CSV record after ``start``."""
    body = "".join(lines[start:])
    first = next((line for line in lines[start:] if line.strip()), "")
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=_delimiter(first), strict=True)
    begin = 1
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise CsorgError.at(
                file, f"not valid CSV: {exc}", line=start + reader.line_num
            ) from None
        if any(f.strip() for f in fields):
            yield start + begin, fields
        begin = reader.line_num + 1


def _links(table: Table, directives: list[str]) -> None:
    """draw.io ``# connect:`` directives: the column that names rows, and the column named."""
    wanted = {h.casefold(): h for h in table.headers}
    for directive in directives:
        head, _, rest = directive.lstrip("#").strip().partition(":")
        if head.strip().casefold() != "connect":
            continue
        try:
            spec = json.loads(rest)
        except ValueError:
            table.notes.append(f"ignored a draw.io connect directive that is not JSON: {rest[:60]}")
            continue
        if not isinstance(spec, dict):
            continue
        source = wanted.get(str(spec.get("from", "")).casefold())
        target = wanted.get(str(spec.get("to", "")).casefold())
        if source is None or target is None:
            continue
        table.links[source] = target
        if "dashed=1" in str(spec.get("style", "")):
            table.dotted.add(source)
