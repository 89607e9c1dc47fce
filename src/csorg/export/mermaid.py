"""Mermaid: a ``flowchart TD`` that GitHub, GitLab and mermaid.js render.

Node ids are derived from role or seat ids (``r_vp_cs``, ``s_csm_01``), never from titles.
Labels are double-quoted and every character that means something to Mermaid or to HTML
(quotes, brackets, ``#``, ``;``, ``<``, ``>``, ``&``, backticks, ``|``...) is written as a
Mermaid entity code (``#34;``), which Mermaid turns back into the character when it draws the
label: ``-->`` or ``<script>`` in a title is shown, never parsed. Functional areas become
``classDef`` colours, optional roles get a dashed border.
"""

from __future__ import annotations

import re
from typing import Any

from csorg.export.graph import covers_line, detail, headline, used_areas
from csorg.export.style import MUTED, TEXT, colours

# mermaid.js's default limits (`maxTextSize`, `maxEdges`); a page can raise them, a diagram
# cannot, and GitHub keeps the defaults
MAX_TEXT = 50_000
MAX_EDGES = 500

# letters, digits, spaces and a few harmless marks stay as they are; all else is an entity
_UNSAFE = re.compile(r"[^\w ,.:()/×·+'-]")


def _label(text: str) -> str:
    return _UNSAFE.sub(lambda m: f"#{ord(m.group())};", text)


def _node_id(graph: Any, node: str) -> str:
    prefix = "s_" if graph.graph["mode"] == "seats" else "r_"
    return prefix + node.replace("-", "_")


def mermaid_text(graph: Any) -> str:
    lines = [
        "flowchart TD",
        f"    %% csorg export: {graph.graph['model_id']}, {graph.graph['mode']}",
    ]
    for node, data in graph.nodes(data=True):
        label = f"<b>{_label(headline(data))}</b><br/><small>{_label(detail(graph, node))}</small>"
        covers = covers_line(data)
        if covers:
            label += f"<br/><small><i>{_label(covers)}</i></small>"
        lines.append(f'    {_node_id(graph, node)}["{label}"]')
    for manager, report in graph.edges:
        lines.append(f"    {_node_id(graph, manager)} --- {_node_id(graph, report)}")
    for index, area, _ in used_areas(graph):
        fill, border = colours(index)
        name = _class(area)
        lines.append(f"    classDef {name} fill:{fill},stroke:{border},color:{TEXT}")
        members = [n for n, d in graph.nodes(data=True) if d["area"] == area]
        lines.append(f"    class {','.join(_node_id(graph, n) for n in members)} {name}")
    optional = [n for n, d in graph.nodes(data=True) if d["optional"]]
    if optional:
        lines.append(f"    classDef optional stroke-dasharray:5 4,stroke-width:1.5px,color:{TEXT}")
        lines.append(f"    class {','.join(_node_id(graph, n) for n in optional)} optional")
    lines.append(f"    linkStyle default stroke:{MUTED}")
    return "\n".join(lines) + "\n"


def _class(area: str) -> str:
    return "area_" + area.replace("-", "_")


def too_big(text: str) -> str | None:
    """Why mermaid.js with its default settings would refuse ``text``, if it would."""
    edges = text.count(" --- ")
    if len(text) > MAX_TEXT or edges > MAX_EDGES:
        return (
            f"this diagram has {len(text):,} characters and {edges:,} links; mermaid.js and "
            f"GitHub refuse more than {MAX_TEXT:,} characters or {MAX_EDGES} links by default. "
            "Export by role (without --seats), or as svg or html."
        )
    return None
