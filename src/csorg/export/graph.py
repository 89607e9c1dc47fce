"""The recommended org as a networkx tree: the one structure every export writer reads.

One node per role (or per seat with ``seats=True``), an edge from each manager to each
report, nodes and children in the recommendation's own order, so that every writer walks the
tree the same way and the same inputs always give the same file.

Node attributes:

``title``, ``role``, ``count``, ``area``, ``area_name``, ``area_index``, ``optional``,
``level``, ``region``, ``segment`` (``""`` when none), ``covers`` (role ids),
``covers_titles``, ``pods`` (role mode: ``(region, segment, count)``), ``rationale``
(role mode: the reasons for the role).

Graph attributes: ``model_id``, ``model_name``, ``summary`` (the one-line heading of
``csorg recommend``), ``subtitle`` (the inputs and the seat count, without the model name),
``mode`` (``"roles"`` or ``"seats"``), ``total_seats``.

Every piece of catalog or user text is made printable here, once: control characters become
visible ``\\xNN`` escapes (:func:`csorg.textsafe.clean`) and the few code points XML cannot
hold become ``\\uXXXX``, so no writer can pass a terminal escape or an invalid character on.

networkx is imported inside the function: the CLI imports this package lazily, but keeping
the import local means nothing pays for networkx until a graph is built.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from csorg.engine.result import Recommendation
from csorg.text import clean, one_line, plural

if TYPE_CHECKING:
    from csorg.catalog.schema import Catalog

# code points XML 1.0 cannot contain even as references (surrogates cannot come from a
# decoded file, but a caller could pass them)
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def printable(text: str) -> str:
    """``text`` with control characters and XML-invalid code points shown as escapes."""
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", clean(text))


def org_graph(rec: Recommendation, catalog: Catalog | None = None, *, seats: bool = False) -> Any:
    """The org as a ``networkx.DiGraph`` (manager -> report), by role or by seat.

    ``catalog`` supplies area names and their order (for colours); without it the area id
    stands in for its name and areas are numbered in the order they appear.
    """
    import networkx as nx

    from csorg.render.tree import heading

    graph = nx.DiGraph(
        model_id=rec.model_id,
        model_name=printable(rec.model_name),
        summary=printable(heading(rec)),
        subtitle=printable(subtitle(rec)),
        mode="seats" if seats else "roles",
        total_seats=rec.total_seats,
    )
    area_order = {a: i for i, a in enumerate(catalog.areas)} if catalog is not None else {}

    def area_index(area: str) -> int:
        if area not in area_order:
            area_order[area] = len(area_order)
        return area_order[area]

    def area_name(area: str) -> str:
        return printable(catalog.area_name(area)) if catalog is not None else area

    def covers_titles(covers: tuple[str, ...]) -> tuple[str, ...]:
        titles = []
        for role_id in covers:
            entry = rec.role(role_id)
            if entry is not None:
                titles.append(printable(entry.title))
            elif catalog is not None:
                titles.append(printable(catalog.title(role_id)))
            else:
                titles.append(role_id)
        return tuple(titles)

    if not seats:
        for role in rec.roles:
            graph.add_node(
                role.id,
                title=printable(role.title),
                role=role.id,
                count=role.count,
                area=role.area,
                area_name=area_name(role.area),
                area_index=area_index(role.area),
                optional=role.optional,
                level=role.level,
                region="",
                segment="",
                covers=role.covers,
                covers_titles=covers_titles(role.covers),
                pods=tuple(
                    (printable(region or ""), printable(segment or ""), n)
                    for region, segment, n in role.pods or ()
                ),
                rationale=tuple(printable(r) for r in role.rationale),
            )
            if role.reports_to is not None:
                graph.add_edge(role.reports_to, role.id)
        return graph

    if rec.seats is None:
        raise ValueError("the recommendation was made without seats")
    roles = {r.id: r for r in rec.roles}
    for seat in rec.seats:
        role = roles[seat.role]
        graph.add_node(
            seat.id,
            title=printable(seat.title),
            role=seat.role,
            count=1,
            area=role.area,
            area_name=area_name(role.area),
            area_index=area_index(role.area),
            optional=role.optional,
            level=role.level,
            region=printable(seat.region or ""),
            segment=printable(seat.segment or ""),
            covers=seat.covers,
            covers_titles=covers_titles(seat.covers),
            pods=(),
            rationale=(),
        )
        if seat.reports_to is not None:
            graph.add_edge(seat.reports_to, seat.id)
    return graph


def subtitle(rec: Recommendation) -> str:
    parts = rec.inputs.describe(pods=True)
    seats = rec.total_seats
    parts.append(plural(seats, "CS seat"))
    return " · ".join(parts)


def root(graph: Any) -> str:
    """The top of the tree (the CEO)."""
    return str(next(n for n in graph.nodes if graph.in_degree(n) == 0))


def manager(graph: Any, node: str) -> str | None:
    return next(iter(graph.predecessors(node)), None)


def headline(data: dict[str, Any]) -> str:
    """A node's title on one line."""
    return one_line(data["title"])


def detail(graph: Any, node: str) -> str:
    """The line under a node's title: count and area by role, seat id and place by seat."""
    data = graph.nodes[node]
    parts: list[str] = []
    if graph.graph["mode"] == "seats":
        parts.append(node)
        parts += [one_line(p) for p in (data["region"], data["segment"]) if p]
    else:
        if manager(graph, node) is not None:
            parts.append(f"×{data['count']}")
        parts.append(one_line(data["area_name"]))
    if data["optional"]:
        parts.append("optional")
    return " · ".join(parts)


def covers_line(data: dict[str, Any]) -> str:
    """``"+ covers A, B"`` for a seat that also does other roles' work, else ``""``."""
    if not data["covers_titles"]:
        return ""
    return "+ covers " + ", ".join(one_line(t) for t in data["covers_titles"])


def used_areas(graph: Any) -> list[tuple[int, str, str]]:
    """(colour index, area id, area name) of the areas in the graph, in catalog order."""
    seen = {
        data["area"]: (data["area_index"], data["area"], one_line(data["area_name"]))
        for _, data in graph.nodes(data=True)
    }
    return sorted(seen.values())
