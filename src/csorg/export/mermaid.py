"""Mermaid: a ``flowchart TD`` that GitHub, GitLab and mermaid.js render.

Node ids are derived from role or seat ids (``r_vp_cs``, ``s_csm_01``), never from titles.
Labels are double-quoted and every character that means something to Mermaid or to HTML
(quotes, brackets, ``#``, ``;``, ``<``, ``>``, ``&``, backticks, ``|``...) is written as a
Mermaid entity code (``#34;``), which Mermaid turns back into the character when it draws the
label: ``-->`` or ``<script>`` in a title is shown, never parsed. Functional areas become
``classDef`` colours, optional roles get a dashed border, dotted-line managers a dotted link
(``-.->``, from the manager to the report, so it never turns the chart upside down).

mermaid.js (and so GitHub) refuses a diagram over 50,000 characters or with 500 links or
more, and a diagram cannot raise those limits. A chart past them is split: by region first
(the seats placed in or serving it), then by branch (the reports of the first manager with
several), packing neighbouring branches together while they fit. Each part keeps the
managers above it, so it reads on its own. The parts go into one Markdown file, a
``mermaid`` code block each, the form GitHub, GitLab and ``mmdc -i chart.md`` read, and a
warning says so.
"""

from __future__ import annotations

import re

from csorg.export.chart import (
    Node,
    OrgChart,
    covers_line,
    detail,
    headline,
    in_region,
    places,
    split_line,
    subchart,
    used_areas,
    with_managers,
)
from csorg.export.formats import Written
from csorg.export.style import DOTTED, MUTED, TEXT, colours
from csorg.text import markdown_escape

# mermaid.js's default limits (`maxTextSize`, `maxEdges`); a page can raise them, a diagram
# cannot, and GitHub keeps the defaults. A diagram needs fewer than MAX_EDGES links.
MAX_TEXT = 50_000
MAX_EDGES = 500

OPTIONAL = f"classDef optional stroke-dasharray:5 4,stroke-width:1.5px,color:{TEXT}"

# letters, digits, spaces and a few harmless marks stay as they are; all else is an entity
_UNSAFE = re.compile(r"[^\w ,.:()/×·+'-]")


def _label(text: str) -> str:
    return _UNSAFE.sub(lambda m: f"#{ord(m.group())};", text)


def _node_id(chart: OrgChart, node: str) -> str:
    prefix = "s_" if chart.seats else "r_"
    return prefix + node.replace("-", "_")


def _node_line(chart: OrgChart, node: Node) -> str:
    label = f"<b>{_label(headline(node))}</b><br/><small>{_label(detail(chart, node))}</small>"
    for extra in (split_line(node), covers_line(node)):
        if extra:
            label += f"<br/><small><i>{_label(extra)}</i></small>"
    return f'    {_node_id(chart, node.id)}["{label}"]'


def mermaid_text(chart: OrgChart, *, title: str = "") -> str:
    """One diagram of the whole chart."""
    heading = f": {title}" if title else ""
    lines = ["flowchart TD", f"    %% csorg export: {chart.model_id}, {chart.mode}{heading}"]
    lines += [_node_line(chart, node) for node in chart.nodes.values()]
    for manager, report in chart.edges():
        lines.append(f"    {_node_id(chart, manager)} --- {_node_id(chart, report)}")
    dotted = list(chart.dotted())
    for report, boss in dotted:
        lines.append(f"    {_node_id(chart, boss)} -.-> {_node_id(chart, report)}")
    for index, area, _ in used_areas(chart):
        fill, border = colours(index)
        name = "area_" + area.replace("-", "_")
        lines.append(f"    classDef {name} fill:{fill},stroke:{border},color:{TEXT}")
        members = [n.id for n in chart.nodes.values() if n.area == area]
        lines.append(f"    class {','.join(_node_id(chart, n) for n in members)} {name}")
    optional = [n.id for n in chart.nodes.values() if n.optional]
    if optional:
        lines.append(f"    {OPTIONAL}")
        lines.append(f"    class {','.join(_node_id(chart, n) for n in optional)} optional")
    lines.append(f"    linkStyle default stroke:{MUTED}")
    solid = len(chart) - 1
    if dotted:
        numbers = ",".join(str(solid + i) for i in range(len(dotted)))
        lines.append(f"    linkStyle {numbers} stroke:{DOTTED},stroke-width:1.5px")
    return "\n".join(lines) + "\n"


def mermaid_export(chart: OrgChart) -> Written:
    """The chart as one diagram, or split into parts that mermaid.js draws (see above)."""
    whole = mermaid_text(chart)
    if too_big(whole) is None:
        return Written(whole)
    parts = [(title, mermaid_text(part, title=title)) for title, part in split(chart)]
    out = [f"# {markdown_escape(chart.model_name)}", "", markdown_escape(chart.summary), ""]
    for title, text in parts:
        out += [f"## {markdown_escape(title)}", "", "```mermaid", text.rstrip("\n"), "```", ""]
    regions = places(chart)[0] if len(places(chart)[0]) > 1 else []
    if not regions:
        how = "one per branch"
    elif len(parts) == len(regions):
        how = f"one per region ({', '.join(regions)})"
    else:
        how = f"by region ({', '.join(regions)}), then by branch"
    warning = (
        f"{len(chart):,} boxes and their links are more than mermaid.js draws in "
        f"one diagram ({MAX_TEXT:,} characters, {MAX_EDGES} links); wrote {len(parts)} "
        f"diagrams, {how}, as mermaid code blocks in Markdown (mmdc reads a .md file). "
        "For one picture: --format svg, html or pdf."
    )
    return Written("\n".join(out), (warning,), "md")


def too_big(text: str) -> str | None:
    """Why mermaid.js with its default settings would refuse ``text``, if it would."""
    edges = text.count(" --- ") + text.count(" -.-> ")
    if len(text) > MAX_TEXT or edges >= MAX_EDGES:
        return (
            f"this diagram has {len(text):,} characters and {edges:,} links; mermaid.js and "
            f"GitHub refuse more than {MAX_TEXT:,} characters or {MAX_EDGES - 1} links"
        )
    return None


def split(chart: OrgChart) -> list[tuple[str, OrgChart]]:
    """Parts of ``chart`` that each fit in one diagram, with their titles."""
    regions = {
        region: {n.id for n in chart.nodes.values() if in_region(n, region)}
        for region in places(chart)[0]
    }
    groups: list[tuple[str, set[str]]] = [("", set(chart.nodes))]
    if len(regions) > 1:
        groups = [(region, with_managers(chart, ids)) for region, ids in regions.items()]
        rest = set(chart.nodes).difference(*(ids for _, ids in groups))
        if rest:
            groups.append(("company-wide", with_managers(chart, rest)))
    sizes = _Sizes(chart)
    parts: list[tuple[str, OrgChart]] = []
    for title, keep in groups:
        parts += _pack(subchart(chart, keep), title, sizes)
    return parts


class _Sizes:
    """An upper bound on the characters and links each node adds to a diagram, so parts are
    sized without writing them out."""

    def __init__(self, chart: OrgChart) -> None:
        self.chars: dict[str, int] = {}
        self.links: dict[str, int] = {}
        for node in chart.nodes.values():
            own = len(_node_id(chart, node.id))
            dotted = len(node.dotted_to)
            self.chars[node.id] = (
                len(_node_line(chart, node))
                + 1  # its line
                + 2 * own
                + 10  # the link from its manager
                + dotted * (2 * own + 16)  # its dotted links, and their numbers in linkStyle
                + 2 * (own + 1)  # its place in the class lists
            )
            self.links[node.id] = 1 + dotted
        areas = used_areas(chart)
        self.overhead = 200 + len(chart.model_id) + 160 * (len(areas) + 1) + len(OPTIONAL)

    def fits(self, ids: set[str]) -> bool:
        chars = self.overhead + sum(self.chars[i] for i in ids)
        return chars <= MAX_TEXT and sum(self.links[i] for i in ids) - 1 < MAX_EDGES


def _pack(part: OrgChart, title: str, sizes: _Sizes) -> list[tuple[str, OrgChart]]:
    """``part`` as it is if it fits, else its branches, neighbours packed together."""
    if sizes.fits(set(part.nodes)):
        return [(title or "whole chart", part)]
    top = part.root
    while len(part.children[top]) == 1:  # down to the first manager of several reports
        top = part.children[top][0]
    branches = part.children[top]
    if not branches:  # a single line of boxes cannot be split further
        return [(title or "whole chart", part)]
    above = with_managers(part, {top})

    def name(ids: list[str]) -> str:
        where = " · ".join(headline(part.nodes[b]) + f" ({b})" for b in ids[:2])
        where += f" and {len(ids) - 2} more" if len(ids) > 2 else ""
        return f"{title}: {where}" if title else where

    out: list[tuple[str, OrgChart]] = []
    current: set[str] = set()
    names: list[str] = []
    for branch in branches:
        members = _members(part, branch)
        if current and not sizes.fits(above | current | members):
            out += _pack(subchart(part, above | current), name(names), sizes)
            current, names = set(), []
        current |= members
        names.append(branch)
    out += _pack(subchart(part, above | current), name(names), sizes)
    return out


def _members(chart: OrgChart, node: str) -> set[str]:
    """``node`` and everyone under it."""
    found, stack = set(), [node]
    while stack:
        current = stack.pop()
        found.add(current)
        stack.extend(chart.children[current])
    return found
