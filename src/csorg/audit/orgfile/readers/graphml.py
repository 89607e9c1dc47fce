"""GraphML org charts (yEd and other graph editors), read with networkx's GraphML reader.

Node properties become columns (``Name``, ``Title``, ``Employee ID``, ...); a node without
name or title properties is read from its label ("Name" on the first line, the title below).
An edge runs from a manager to a report, unless every node has at most one outgoing edge and
some have several incoming ones (then edges run from report to manager). An edge is a dotted
line when a property says so (``dotted``, ``matrix``, ``indirect``, ``secondary``) or yEd
draws it dashed or dotted.
"""

from __future__ import annotations

import io
import re
from typing import Any

from csorg.audit.orgfile.limits import MAX_PEOPLE, too_many
from csorg.audit.orgfile.table import DOTTED_EDGE, MANAGER_EDGE, NODE, Table
from csorg.errors import CsorgError

# yEd's drawing data, which networkx turns into node properties
_DRAWING = frozenset({"x", "y", "width", "height", "shape_type", "label"})
_DOTTED_WORDS = ("dotted", "dashed", "matrix", "indirect", "secondary", "solid-line: no")
_NODE = re.compile(rb"<(?:\w+:)?node\b[^>]*?\bid\s*=\s*[\"']([^\"']*)[\"']")
# an edge element with its content, never running into the next edge
_EDGE = re.compile(rb"<(?:\w+:)?edge\b([^>]*)>((?:(?!<(?:\w+:)?edge\b).)*?)</(?:\w+:)?edge>", re.S)
_SOURCE = re.compile(rb"\bsource\s*=\s*[\"']([^\"']*)[\"']")
_TARGET = re.compile(rb"\btarget\s*=\s*[\"']([^\"']*)[\"']")
_DASHED = re.compile(rb"LineStyle\b[^>]*\btype\s*=\s*[\"'](dashed|dotted|dashed_dotted)", re.S)


def read_graphml(data: bytes, file: str) -> Table:
    graph = _graph(data, file)
    if graph.number_of_nodes() > MAX_PEOPLE:
        raise too_many(file, None)
    if graph.number_of_nodes() == 0:
        raise CsorgError.at(file, "the graph has no nodes", line=1)
    lines = _node_lines(data)
    dashed = _dashed_edges(data)
    solid: dict[str, list[str]] = {}
    dotted: dict[str, list[str]] = {}
    edges = sorted(graph.edges(data=True), key=lambda e: (str(e[0]), str(e[1])))
    upward = _upward([(str(a), str(b)) for a, b, d in edges if not _is_dotted(d, a, b, dashed)])
    for a, b, props in edges:
        manager, report = (str(b), str(a)) if upward else (str(a), str(b))
        target = dotted if _is_dotted(props, a, b, dashed) else solid
        target.setdefault(report, []).append(manager)
    headers: dict[str, int] = {NODE: 0}
    records: list[tuple[int, dict[str, str]]] = []
    for node, props in graph.nodes(data=True):
        record = {NODE: str(node)}
        for key, value in props.items():
            if key in _DRAWING or value is None:
                continue
            headers.setdefault(str(key), len(headers))
            record[str(key)] = str(value).strip()
        _from_label(record, props, headers)
        record[MANAGER_EDGE] = ";".join(solid.get(str(node), ()))
        record[DOTTED_EDGE] = ";".join(dotted.get(str(node), ()))
        records.append((lines.get(str(node), 1), record))
    names = [*headers, MANAGER_EDGE, DOTTED_EDGE]
    rows = [(line, [record.get(h, "") for h in names]) for line, record in records]
    table = Table(names, rows, header_line=1, kind="GraphML")
    table.links[MANAGER_EDGE] = NODE
    table.links[DOTTED_EDGE] = NODE
    table.dotted.add(DOTTED_EDGE)
    if upward:
        table.notes.append("edges run from each report to its manager")
    return table


def _graph(data: bytes, file: str) -> Any:
    import xml.etree.ElementTree as ET

    import networkx as nx

    try:
        return nx.read_graphml(io.BytesIO(data), node_type=str, force_multigraph=False)
    except ET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else 1
        raise CsorgError.at(file, f"not valid XML: {_reason(exc)}", line=line) from None
    except (nx.NetworkXError, KeyError, ValueError, TypeError, IndexError, AttributeError) as exc:
        raise CsorgError.at(file, f"not a GraphML file networkx can read: {_reason(exc)}") from None
    except RecursionError:
        raise CsorgError.at(file, "not a GraphML file: nested too deeply") from None


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]


def _node_lines(data: bytes) -> dict[str, int]:
    out: dict[str, int] = {}
    line, counted = 1, 0
    for match in _NODE.finditer(data):
        line += data.count(b"\n", counted, match.start())
        counted = match.start()
        out.setdefault(match.group(1).decode("utf-8", "replace"), line)
    return out


def _dashed_edges(data: bytes) -> set[tuple[str, str]]:
    """(source, target) of edges yEd draws dashed or dotted (networkx drops the style)."""
    out: set[tuple[str, str]] = set()
    for match in _EDGE.finditer(data):
        source, target = _SOURCE.search(match.group(1)), _TARGET.search(match.group(1))
        if source and target and _DASHED.search(match.group(2)):
            out.add(
                (
                    source.group(1).decode("utf-8", "replace"),
                    target.group(1).decode("utf-8", "replace"),
                )
            )
    return out


def _is_dotted(props: dict[str, Any], a: Any, b: Any, dashed: set[tuple[str, str]]) -> bool:
    if (str(a), str(b)) in dashed:
        return True
    words = " ".join(str(v).casefold() for k, v in props.items() if k != "id")
    return any(word in words for word in _DOTTED_WORDS)


def _upward(edges: list[tuple[str, str]]) -> bool:
    """Whether edges run from report to manager: every node has at most one outgoing edge,
    and some node has several incoming ones."""
    outgoing: dict[str, int] = {}
    incoming: dict[str, int] = {}
    for a, b in edges:
        outgoing[a] = outgoing.get(a, 0) + 1
        incoming[b] = incoming.get(b, 0) + 1
    return max(outgoing.values(), default=0) <= 1 < max(incoming.values(), default=0)


def _from_label(record: dict[str, str], props: dict[str, Any], headers: dict[str, int]) -> None:
    """Name and title from a yEd label ("Name\\nTitle") when no property gives them."""
    label = str(props.get("label") or "").strip()
    if not label:
        return
    keys = {k.casefold() for k in record}
    first, _, rest = label.partition("\n")
    if not keys & {"name", "full name", "display name"}:
        headers.setdefault("label name", len(headers))
        record["label name"] = first.strip()
    if not keys & {"title", "job title", "position"} and rest.strip():
        headers.setdefault("label title", len(headers))
        record["label title"] = " ".join(rest.split())
