"""The recommended org as a tree of boxes: the one structure every export writer reads.

One node per role (or per seat with ``seats=True``), each naming its manager, nodes and
reports in the recommendation's own (depth-first) order, so every writer walks the tree the
same way and the same inputs always give the same file. Dotted-line managers
(``Node.dotted_to``) are kept apart from the tree: they are drawn, never laid out.

This is plain Python on purpose: an export holds a tree, and importing networkx just to hold
one cost about a third of an export's start-up. (GraphML is written by csorg itself; the tests
read it back with networkx.)

Every piece of catalog or user text is made printable here, once: control characters become
visible ``\\xNN`` escapes (:func:`csorg.text.clean`) and the few code points XML cannot hold
become ``\\uXXXX``, so no writer can pass a terminal escape or an invalid character on.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from csorg.engine.result import Recommendation
from csorg.text import clean, one_line, plural

if TYPE_CHECKING:
    from csorg.catalog.schema import Catalog

# code points XML 1.0 cannot contain even as references (surrogates cannot come from a
# decoded file, but a caller could pass them)
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")

Pod = tuple[str, str, int]  # (region, segment, seats); "" where the org is not split


@functools.lru_cache(maxsize=4096)  # a chart repeats a few titles and places many times
def printable(text: str) -> str:
    """``text`` with control characters and XML-invalid code points shown as escapes."""
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", clean(text))


@dataclass(frozen=True, slots=True)
class Node:
    """One box: a role (with its seat count) or one seat."""

    id: str
    title: str
    role: str
    count: int
    area: str
    area_name: str
    area_index: int  # the area's place in the catalog: its colour
    optional: bool
    level: int
    manager: str | None
    region: str  # "" when the org is not split by region (always "" by role)
    segment: str
    covers: tuple[str, ...]  # role ids this box also does the work of
    covers_titles: tuple[str, ...]
    dotted_to: tuple[str, ...]  # dotted-line managers: ids of other nodes in the chart
    pods: tuple[Pod, ...]  # by role: seats per region/segment pod
    serves: tuple[tuple[str, str], ...]  # by seat: the (region, segment) cells a pooled seat serves
    rationale: tuple[str, ...]  # by role: why the role is recommended


@dataclass(frozen=True)
class OrgChart:
    model_id: str
    model_name: str
    summary: str  # the one-line heading of `csorg recommend`
    subtitle: str  # the inputs and the seat count, without the model name
    mode: str  # "roles" or "seats"
    total_seats: int
    nodes: dict[str, Node]  # in depth-first order: a manager before its reports
    children: dict[str, tuple[str, ...]]  # every node's reports, in order
    root: str
    recommendation: Recommendation
    catalog: Catalog | None

    @property
    def seats(self) -> bool:
        return self.mode == "seats"

    def __len__(self) -> int:
        return len(self.nodes)

    def edges(self) -> Iterator[tuple[str, str]]:
        """(manager, report) for every solid reporting line, managers in node order."""
        for node in self.nodes:
            for report in self.children[node]:
                yield node, report

    def dotted(self) -> Iterator[tuple[str, str]]:
        """(report, dotted-line manager) for every dotted line, in node order."""
        for node in self.nodes.values():
            for other in node.dotted_to:
                yield node.id, other

    def depths(self) -> dict[str, int]:
        """Each node's distance from the root."""
        depth: dict[str, int] = {}
        for node in self.nodes.values():
            depth[node.id] = 0 if node.manager is None else depth[node.manager] + 1
        return depth


def org_chart(
    rec: Recommendation, catalog: Catalog | None = None, *, seats: bool = False
) -> OrgChart:
    """The org by role or (``seats``) by seat.

    ``catalog`` supplies area names and their order (for colours); without it the area id
    stands in for its name and areas are numbered in the order they appear.
    """
    area_order = {a: i for i, a in enumerate(catalog.areas)} if catalog is not None else {}

    def area_index(area: str) -> int:
        if area not in area_order:
            area_order[area] = len(area_order)
        return area_order[area]

    def area_name(area: str) -> str:
        return printable(catalog.area_name(area)) if catalog is not None else area

    entries = {r.id: r for r in rec.roles}

    def covers_titles(covers: tuple[str, ...]) -> tuple[str, ...]:
        titles = []
        for role_id in covers:
            entry = entries.get(role_id)
            if entry is not None:
                titles.append(printable(entry.title))
            elif catalog is not None:
                titles.append(printable(catalog.title(role_id)))
            else:
                titles.append(role_id)
        return tuple(titles)

    nodes: dict[str, Node] = {}
    ids = {r.id for r in rec.roles} if not seats else {s.id for s in rec.seats or ()}
    if not seats:
        for role in rec.roles:
            nodes[role.id] = Node(
                id=role.id,
                title=printable(role.title),
                role=role.id,
                count=role.count,
                area=role.area,
                area_name=area_name(role.area),
                area_index=area_index(role.area),
                optional=role.optional,
                level=role.level,
                manager=role.reports_to,
                region="",
                segment="",
                covers=role.covers,
                covers_titles=covers_titles(role.covers),
                dotted_to=tuple(d for d in role.dotted_to if d in ids),
                pods=tuple(
                    (printable(region or ""), printable(segment or ""), n)
                    for region, segment, n in role.pods or ()
                ),
                serves=(),
                rationale=tuple(printable(r) for r in role.rationale),
            )
    else:
        if rec.seats is None:
            raise ValueError("the recommendation was made without seats")
        for seat in rec.seats:
            role = entries[seat.role]
            nodes[seat.id] = Node(
                id=seat.id,
                title=printable(seat.title),
                role=seat.role,
                count=1,
                area=role.area,
                area_name=area_name(role.area),
                area_index=area_index(role.area),
                optional=role.optional,
                level=role.level,
                manager=seat.reports_to,
                region=printable(seat.region or ""),
                segment=printable(seat.segment or ""),
                covers=seat.covers,
                covers_titles=covers_titles(seat.covers),
                dotted_to=tuple(d for d in seat.dotted_to if d in ids),
                pods=(),
                serves=tuple(
                    (printable(region or ""), printable(segment or ""))
                    for region, segment in seat.serves
                )
                if len(seat.serves) > 1
                else (),
                rationale=(),
            )
    children: dict[str, list[str]] = {node: [] for node in nodes}
    roots = []
    for node in nodes.values():
        if node.manager is None:
            roots.append(node.id)
        else:
            children[node.manager].append(node.id)
    if len(roots) != 1:
        raise ValueError(f"an org chart has one top, not {len(roots)}")
    return OrgChart(
        model_id=rec.model_id,
        model_name=printable(rec.model_name),
        summary=printable(rec.headline()),
        subtitle=printable(subtitle(rec)),
        mode="seats" if seats else "roles",
        total_seats=rec.total_seats,
        nodes=nodes,
        children={node: tuple(kids) for node, kids in children.items()},
        root=roots[0],
        recommendation=rec,
        catalog=catalog,
    )


def subtitle(rec: Recommendation) -> str:
    parts = rec.inputs.describe(pods=True)
    parts.append(plural(rec.total_seats, "CS seat") if rec.sized else "the structure, not sized")
    return " · ".join(parts)


def headline(node: Node) -> str:
    """A node's title on one line."""
    return one_line(node.title)


def detail(chart: OrgChart, node: Node) -> str:
    """The line under a node's title: count and area by role, seat id and place by seat."""
    parts: list[str] = []
    if chart.seats:
        parts.append(node.id)
        parts += [one_line(p) for p in (node.region, node.segment) if p]
        if node.serves and not (node.region or node.segment):
            parts.append("serves " + ", ".join(_place(r, s) for r, s in node.serves))
    else:
        if node.manager is not None:
            parts.append(f"×{node.count:,}")
        parts.append(one_line(node.area_name))
    if node.optional:
        parts.append("optional")
    return " · ".join(parts)


def split_line(node: Node) -> str:
    """By role, where the seats sit: ``"NA 46 · EMEA 46 · APAC 46"``; ``""`` when the org
    is not split into regions or segments."""
    if not node.pods or all(not region and not segment for region, segment, _ in node.pods):
        return ""
    return " · ".join(f"{_place(region, segment)} {n}" for region, segment, n in node.pods)


def _place(region: str, segment: str) -> str:
    """``na/enterprise``, ``na``, or ``shared`` for seats no region or segment owns."""
    return "/".join(one_line(p) for p in (region, segment) if p) or "shared"


def covers_line(node: Node) -> str:
    """``"+ covers A, B"`` for a box that also does other roles' work, else ``""``."""
    if not node.covers_titles:
        return ""
    return "+ covers " + ", ".join(one_line(t) for t in node.covers_titles)


def dotted_line(chart: OrgChart, node: Node) -> str:
    """``"dotted line to A, B"`` for a box with dotted-line managers, else ``""``."""
    if not node.dotted_to:
        return ""
    return "dotted line to " + ", ".join(
        headline(chart.nodes[other]) + (f" ({other})" if chart.seats else "")
        for other in node.dotted_to
    )


def in_region(node: Node, region: str) -> bool:
    """Whether a box belongs to ``region``: a seat placed there, or a pooled seat serving it."""
    return node.region == region or any(r == region for r, _ in node.serves)


def used_areas(chart: OrgChart) -> list[tuple[int, str, str]]:
    """(colour index, area id, area name) of the areas in the chart, in catalog order."""
    seen = {
        node.area: (node.area_index, node.area, one_line(node.area_name))
        for node in chart.nodes.values()
    }
    return sorted(seen.values())


def places(chart: OrgChart) -> tuple[list[str], list[str]]:
    """The regions and the segments of the chart's seats (or role pods), in first-seen order."""
    regions: dict[str, None] = {}
    segments: dict[str, None] = {}
    for node in chart.nodes.values():
        pairs = [(node.region, node.segment), *node.serves] + [(r, s) for r, s, _ in node.pods]
        for region, segment in pairs:
            if region:
                regions[region] = None
            if segment:
                segments[segment] = None
    return list(regions), list(segments)


def subchart(chart: OrgChart, keep: set[str]) -> OrgChart:
    """The part of ``chart`` made of the nodes in ``keep``, which holds every kept node's
    manager (so the part is a tree under the same top); dotted lines leaving it are dropped."""
    nodes = {}
    for node_id, node in chart.nodes.items():
        if node_id in keep:
            dotted = tuple(d for d in node.dotted_to if d in keep)
            nodes[node_id] = node if dotted == node.dotted_to else replace(node, dotted_to=dotted)
    children = {n: tuple(c for c in chart.children[n] if c in keep) for n in nodes}
    return replace(chart, nodes=nodes, children=children)


def with_managers(chart: OrgChart, chosen: set[str]) -> set[str]:
    """``chosen`` and every manager above each of them."""
    keep = set(chosen)
    for node_id in chosen:
        manager = chart.nodes[node_id].manager
        while manager is not None and manager not in keep:
            keep.add(manager)
            manager = chart.nodes[manager].manager
    return keep
