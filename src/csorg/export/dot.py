"""DOT: the org for Graphviz (``dot -Tsvg org.dot -o org.svg``), drawn top-down as an org chart.

Boxes carry HTML-like labels (title in bold, then count and area); functional areas have
their own fill colour, optional roles a dashed border, and a key lists the areas. Every
identifier is a double-quoted string and every label escapes ``&``, ``<`` and ``>``, so a
title can hold any character without breaking the file.
"""

from __future__ import annotations

from typing import Any

from csorg.export.graph import covers_line, detail, headline, used_areas
from csorg.export.style import FONT, LINE, MUTED, TEXT, colours


def _id(value: str) -> str:
    """A DOT double-quoted string."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _html(value: str) -> str:
    """Text for an HTML-like label."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def dot_text(graph: Any) -> str:
    font = _id(FONT.split(",")[0])
    lines = [
        "digraph csorg {",
        "  graph ["
        + ", ".join(
            (
                "rankdir=TB",
                "splines=polyline",
                "nodesep=0.25",
                "ranksep=0.45",
                f"fontname={font}",
                "labelloc=t",
                "labeljust=l",
                f"label=<{_heading(graph)}>",
            )
        )
        + "];",
        f'  node [shape=box, style="rounded,filled", fontname={font}, fontsize=11, '
        f'fontcolor="{TEXT}", penwidth=1.4, margin="0.14,0.07"];',
        # leave each manager at the bottom and reach each report at the top
        f'  edge [arrowhead=none, tailport=s, headport=n, color="{LINE}", penwidth=1.2];',
    ]
    for node, data in graph.nodes(data=True):
        fill, border = colours(data["area_index"])
        style = '"rounded,filled,dashed"' if data["optional"] else '"rounded,filled"'
        label = f"<B>{_html(headline(data))}</B><BR/>"
        label += f'<FONT POINT-SIZE="9" COLOR="{MUTED}">{_html(detail(graph, node))}</FONT>'
        covers = covers_line(data)
        if covers:
            label += f'<BR/><FONT POINT-SIZE="9" COLOR="{MUTED}"><I>{_html(covers)}</I></FONT>'
        attributes = [
            f"label=<{label}>",
            f'fillcolor="{fill}"',
            f'color="{border}"',
            f"style={style}",
            f"tooltip={_id(headline(data))}",
        ]
        if data["count"] > 1 and graph.graph["mode"] == "roles":
            attributes.append("peripheries=2")  # a stack of seats
        lines.append(f"  {_id(node)} [{', '.join(attributes)}];")
    for manager, report in graph.edges:
        lines.append(f"  {_id(manager)} -> {_id(report)};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _heading(graph: Any) -> str:
    """The graph's label: model name, inputs, and a key to the areas' colours."""
    key = []
    for index, _, name in used_areas(graph):
        fill, border = colours(index)
        key.append(
            f'<TD BGCOLOR="{fill}" COLOR="{border}" BORDER="1" STYLE="rounded" WIDTH="12" '
            f'HEIGHT="10"></TD><TD ALIGN="LEFT">{_html(name)}</TD>'
        )
    if any(data["optional"] for _, data in graph.nodes(data=True)):
        key.append(
            f'<TD COLOR="{MUTED}" BORDER="1" STYLE="dashed" WIDTH="12" HEIGHT="10"></TD>'
            '<TD ALIGN="LEFT">optional role</TD>'
        )
    return (
        '<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="1">'
        f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="16"><B>{_html(graph.graph["model_name"])}'
        "</B></FONT></TD></TR>"
        f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="11" COLOR="{MUTED}">'
        f"{_html(graph.graph['subtitle'])}</FONT></TD></TR>"
        f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="9" COLOR="{MUTED}">'
        '<TABLE BORDER="0" CELLSPACING="3" CELLPADDING="1"><TR>'
        + "".join(key)
        + "</TR></TABLE></FONT></TD></TR></TABLE>"
    )
