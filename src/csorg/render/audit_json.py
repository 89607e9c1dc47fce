"""`csorg audit --format json`: the JSON contract (docs/plan-audit.md), written as it is made.

One line per finding, person, title and change: readable in a diff, written by the C encoder
item by item, so a chart of 50,000 people never holds its whole report in memory.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from csorg.audit.result import Audit, json_parts
from csorg.catalog.schema import Catalog
from csorg.text import json_safe

BLOCK = 1000  # lines written at a time


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def json_lines(result: Audit) -> Iterator[str]:
    yield "{"
    first = True
    for key, value in json_parts(result):
        lead = "" if first else ","
        first = False
        if key == "mapping" or isinstance(value, Iterator):
            yield from _items(lead, key, value)
        else:
            nested = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")
            yield f"{lead}\n  {_dump(key)}: {nested}"
    yield "\n}\n"


def _items(lead: str, key: str, value: Iterator[Any]) -> Iterator[str]:
    mapping = key == "mapping"
    opening, closing = ("{", "}") if mapping else ("[", "]")
    yield f"{lead}\n  {_dump(key)}: {opening}"
    empty = True
    for item in value:
        text = f"{_dump(item[0])}: {_dump(item[1])}" if mapping else _dump(item)
        yield f"{'' if empty else ','}\n    {text}"
        empty = False
    yield closing if empty else f"\n  {closing}"


def write_json(result: Audit, catalog: Catalog, stream: TextIO | None = None) -> None:
    stream = stream or sys.stdout
    chunk: list[str] = []
    for piece in json_lines(result):
        chunk.append(piece)
        if len(chunk) >= BLOCK:
            stream.write(json_safe("".join(chunk)))
            chunk.clear()
    stream.write(json_safe("".join(chunk)))
