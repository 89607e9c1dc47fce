"""JSON org charts as chart libraries keep them: d3-org-chart's flat array of nodes
(``id``/``parentId``, or ``nodeId``/``parentNodeId``) and BALKAN OrgChart JS's
``{"nodes": [{"id", "pid", ...}], "slinks": [...]}``.

Dotted lines come from a ``connections`` (d3-org-chart) or ``slinks`` (BALKAN) list of
``{"from", "to"}``; d3-org-chart keeps its connections in a file of their own, which is read
when it sits beside the chart as ``<name>.connections.json``. Each node's line in the file is
found while parsing, so problems name the line of the node.
"""

from __future__ import annotations

import json
from typing import Any

from csorg.audit.orgfile.limits import MAX_PEOPLE, Problems, too_many
from csorg.audit.orgfile.table import DOTTED_EDGE, Table
from csorg.errors import CsorgError

NODE_LISTS = ("nodes", "data", "people", "seats")
LINK_LISTS = ("connections", "slinks", "links")
_DECODER = json.JSONDecoder()
_SPACE = " \t\r\n"


def read_json(text: str, file: str, connections: str | None = None) -> Table:
    """The chart in ``text``; ``connections`` is the text of a separate connections file."""
    nodes, links = _parse(text, file)
    problems = Problems(file)
    headers: dict[str, int] = {}
    records: list[tuple[int, dict[str, str]]] = []
    for line, node in nodes:
        if len(records) >= MAX_PEOPLE:
            raise too_many(file, line)
        if not isinstance(node, dict):
            problems.add(line, "each node must be an object with an id")
            continue
        record: dict[str, str] = {}
        for key, value in node.items():
            text_value = _text(value)
            if text_value is None:
                continue  # nested data (images, styles) is not org data
            headers.setdefault(key, len(headers))
            record[key] = text_value
        records.append((line, record))
    problems.raise_any()
    if not records:
        raise CsorgError.at(file, "no nodes in the file", line=1)
    table = Table(list(headers), [], header_line=1, kind="JSON")
    if connections is not None:
        links += _links_file(connections, f"{file} connections")
    dotted = _dotted(links, file)
    if dotted:
        table.headers.append(DOTTED_EDGE)
    for line, record in records:
        values = [record.get(h, "") for h in headers]
        if dotted:
            key = record.get("id") or record.get("nodeId") or ""
            values.append(";".join(dotted.get(key, ())))
        table.rows.append((line, values))
    return table


def _parse(text: str, file: str) -> tuple[list[tuple[int, Any]], list[Any]]:
    """The nodes with their lines, and the links, of a chart file."""
    start = _skip(text, 0)
    if start < len(text) and text[start] == "[":
        nodes = _array(text, start, file)
        _end(text, nodes[1], file)
        return nodes[0], []
    if start < len(text) and text[start] == "{":
        return _object(text, start, file)
    raise CsorgError.at(
        file,
        "expected a JSON array of nodes, or an object with a `nodes` list",
        line=text.count("\n", 0, start) + 1,
    )


def _object(text: str, start: int, file: str) -> tuple[list[tuple[int, Any]], list[Any]]:
    nodes: list[tuple[int, Any]] | None = None
    links: list[Any] = []
    index = _skip(text, start + 1)
    while index < len(text) and text[index] != "}":
        key, index = _decode(text, index, file)
        index = _skip(text, index)
        if index >= len(text) or text[index] != ":":
            raise _syntax(text, index, file, "expected ':'")
        index = _skip(text, index + 1)
        if key in NODE_LISTS and nodes is None and text.startswith("[", index):
            nodes, index = _array(text, index, file)
        else:
            value, index = _decode(text, index, file)
            if key in LINK_LISTS and isinstance(value, list):
                links += value
        index = _skip(text, index)
        if index < len(text) and text[index] == ",":
            index = _skip(text, index + 1)
    if index >= len(text):
        raise _syntax(text, index, file, "the object is not closed")
    _end(text, index + 1, file)
    if nodes is None:
        raise CsorgError.at(
            file, f"the object has no list of nodes (one of: {', '.join(NODE_LISTS)})", line=1
        )
    return nodes, links


def _array(text: str, start: int, file: str) -> tuple[list[tuple[int, Any]], int]:
    """The items of the array at ``start`` with their lines, and the index after it."""
    items: list[tuple[int, Any]] = []
    index = _skip(text, start + 1)
    line, counted = 1, 0
    while index < len(text) and text[index] != "]":
        line += text.count("\n", counted, index)
        counted = index
        value, index = _decode(text, index, file)
        items.append((line, value))
        if len(items) > MAX_PEOPLE:
            raise too_many(file, line)
        index = _skip(text, index)
        if index < len(text) and text[index] == ",":
            index = _skip(text, index + 1)
        elif index < len(text) and text[index] != "]":
            raise _syntax(text, index, file, "expected ',' or ']'")
    if index >= len(text):
        raise _syntax(text, index, file, "the array is not closed")
    return items, index + 1


def _decode(text: str, index: int, file: str) -> tuple[Any, int]:
    try:
        return _DECODER.raw_decode(text, index)
    except json.JSONDecodeError as exc:
        raise CsorgError.at(file, f"not valid JSON: {exc.msg}", line=exc.lineno) from None
    except RecursionError:
        raise _syntax(text, index, file, "nested too deeply") from None


def _skip(text: str, index: int) -> int:
    while index < len(text) and text[index] in _SPACE:
        index += 1
    return index


def _end(text: str, index: int, file: str) -> None:
    index = _skip(text, index)
    if index < len(text):
        raise _syntax(text, index, file, "extra data after the chart")


def _syntax(text: str, index: int, file: str, message: str) -> CsorgError:
    return CsorgError.at(
        file, f"not valid JSON: {message}", line=text.count("\n", 0, min(index, len(text))) + 1
    )


def _text(value: Any) -> str | None:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        return str(value).strip()
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return ",".join(str(v).strip() for v in value)  # tags
    return None


def _links_file(text: str, file: str) -> list[Any]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CsorgError.at(file, f"not valid JSON: {exc.msg}", line=exc.lineno) from None
    except RecursionError:
        raise CsorgError.at(file, "not valid JSON: nested too deeply", line=1) from None
    if isinstance(value, dict):
        value = next((value[k] for k in LINK_LISTS if isinstance(value.get(k), list)), None)
    if not isinstance(value, list):
        raise CsorgError.at(file, "expected a list of connections ({from, to})", line=1)
    return value


def _dotted(links: list[Any], file: str) -> dict[str, list[str]]:
    """from-node id -> the ids it has a dotted line to."""
    out: dict[str, list[str]] = {}
    for link in links:
        if not isinstance(link, dict) or "from" not in link or "to" not in link:
            raise CsorgError(f"{file}: every connection needs `from` and `to`")
        source, target = _text(link["from"]), _text(link["to"])
        if source and target:
            out.setdefault(source, []).append(target)
    return out
