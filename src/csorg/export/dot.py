"""DOT: the org for Graphviz (``dot -Tsvg org.dot -o org.svg``), drawn top-down as an org chart.

Boxes carry HTML-like labels (title in bold, then count and area, the seats per region and
segment by role, the roles a box also covers); functional areas have their own fill colour,
optional roles a dashed border, and a key lists the areas.

Large orgs keep the compact arrangement of csorg's own layout (:mod:`csorg.export.layout`),
expressed in Graphviz's terms so ``dot`` keeps it:

* a team of reports who manage no one is a column: its members are chained by invisible
  edges (one rank each) inside a framed cluster, and one line runs from the manager to the
  frame (the other reporting edges are in the file, invisible);
* reports that would make a row too wide wrap into rows: invisible edges push each row below
  the one before it (``newrank`` ranks the whole graph at once, clusters included).

Dotted-line managers are dashed edges that do not constrain the ranks (``constraint=false``),
so they never bend the tree. Every identifier is a double-quoted string; labels escape ``&``,
``<`` and ``>``, and backslashes are doubled wherever Graphviz would expand ``\\N``, ``\\G``,
``\\L``, ``\\E``, ``\\T`` or ``\\H`` (node name, graph name and the like), so a title shows
exactly as written.
"""

from __future__ import annotations

from csorg.export.chart import (
    OrgChart,
    covers_line,
    detail,
    dotted_line,
    headline,
    split_line,
    used_areas,
)
from csorg.export.layout import Layout, Slot, Spacing, layout
from csorg.export.style import DOTTED, FONT, LINE, MUTED, TEXT, colours

# the arrangement is planned in points, with boxes about the size Graphviz gives the labels
SPACING = Spacing(box_width=190, box_height=50, column_gap=18, max_width=3000)


def _id(value: str) -> str:
    """A DOT double-quoted string, for names Graphviz does not expand (node ids)."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _text(value: str) -> str:
    """A double-quoted string Graphviz expands (a tooltip): backslashes survive both the
    parser and the expansion of ``\\N`` and friends."""
    return '"' + value.replace("\\", "\\\\\\\\").replace('"', '\\"') + '"'


def _html(value: str) -> str:
    """Text for an HTML-like label (Graphviz expands ``\\N`` there too)."""
    return (
        value.replace("\\", "\\\\").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    )


def dot_text(chart: OrgChart) -> str:
    font = _id(FONT.split(",")[0])
    lines = [
        "digraph csorg {",
        "  graph ["
        + ", ".join(
            (
                "rankdir=TB",
                "newrank=true",
                "compound=true",
                "splines=polyline",
                "nodesep=0.25",
                "ranksep=0.35",
                f"fontname={font}",
                "labelloc=t",
                "labeljust=l",
                f"label=<{_heading(chart)}>",
            )
        )
        + "];",
        f'  node [shape=box, style="rounded,filled", fontname={font}, fontsize=11, '
        f'fontcolor="{TEXT}", penwidth=1.4, margin="0.14,0.07"];',
        # leave each manager at the bottom and reach each report at the top
        f'  edge [arrowhead=none, tailport=s, headport=n, color="{LINE}", penwidth=1.2];',
    ]
    for node in chart.nodes.values():
        fill, border = colours(node.area_index)
        style = '"rounded,filled,dashed"' if node.optional else '"rounded,filled"'
        label = f"<B>{_html(headline(node))}</B><BR/>"
        label += f'<FONT POINT-SIZE="9" COLOR="{MUTED}">{_html(detail(chart, node))}</FONT>'
        for extra in (split_line(node), covers_line(node)):
            if extra:
                label += f'<BR/><FONT POINT-SIZE="9" COLOR="{MUTED}"><I>{_html(extra)}</I></FONT>'
        tooltip = "\n".join(
            p for p in (headline(node), detail(chart, node), dotted_line(chart, node)) if p
        )
        attributes = [
            f"label=<{label}>",
            f'fillcolor="{fill}"',
            f'color="{border}"',
            f"style={style}",
            f"tooltip={_text(tooltip)}",
        ]
        if node.count > 1 and not chart.seats:
            attributes.append("peripheries=2")  # a stack of seats
        lines.append(f"  {_id(node.id)} [{', '.join(attributes)}];")
    lines += _tree(chart)
    for report, boss in chart.dotted():
        tooltip = _text(dotted_line(chart, chart.nodes[report]))
        lines.append(
            f"  {_id(boss)} -> {_id(report)} [style=dashed, constraint=false, "
            f'color="{DOTTED}", tailport=e, headport=e, tooltip={tooltip}];'
        )
    lines.append("}")
    return "\n".join(lines) + "\n"


def _tree(chart: OrgChart) -> list[str]:
    """The reporting lines, arranged as csorg's layout arranges them (see above)."""
    laid = layout(chart.root, chart.children, SPACING)
    out: list[str] = []
    for manager in chart.nodes:
        rows = laid.rows.get(manager, [])
        for number, row in enumerate(rows):
            for place, slot in enumerate(row):
                if isinstance(slot, tuple):
                    out += _team(manager, slot, f"cluster {manager} {number} {place}")
                else:
                    out.append(f"  {_id(manager)} -> {_id(slot)};")
            if number + 1 < len(rows):
                # the next row starts below the lowest box of this one, all its tops level
                tops = [s[0] if isinstance(s, tuple) else s for s in rows[number + 1]]
                out.append("  { rank=same; " + " ".join(f"{_id(t)};" for t in tops) + " }")
                for slot in row:
                    low = _lowest(slot, chart, laid)
                    out.append(f"  {_id(low)} -> {_id(tops[0])} [style=invis, weight=5];")
    return out


def _team(manager: str, members: tuple[str, ...], name: str) -> list[str]:
    """A column of reports: framed, one rank each, one line from the manager to the frame."""
    out = [
        f"  subgraph {_id(name)} {{",
        f'    graph [style="rounded", color="{LINE}", penwidth=0.8, margin=8, label=""];',
        "    " + " ".join(f"{_id(m)};" for m in members),
    ]
    if len(members) > 1:
        out.append("    " + " -> ".join(_id(m) for m in members) + " [style=invis];")
    out.append("  }")
    out.append(f"  {_id(manager)} -> {_id(members[0])} [lhead={_id(name)}];")
    out += [f"  {_id(manager)} -> {_id(m)} [style=invis];" for m in members[1:]]
    return out


def _lowest(slot: Slot, chart: OrgChart, laid: Layout) -> str:
    """The box lowest on the page in a slot (the last of a column, else its subtree's)."""
    if isinstance(slot, tuple):
        return slot[-1]
    lowest, stack = slot, [slot]
    while stack:
        node = stack.pop()
        if laid.boxes[node].bottom > laid.boxes[lowest].bottom:
            lowest = node
        stack.extend(chart.children[node])
    return lowest


def _heading(chart: OrgChart) -> str:
    """The graph's label: model name, inputs, and a key to the areas' colours."""
    key = []
    for index, _, name in used_areas(chart):
        fill, border = colours(index)
        key.append(
            f'<TD BGCOLOR="{fill}" COLOR="{border}" BORDER="1" STYLE="rounded" WIDTH="12" '
            f'HEIGHT="10"></TD><TD ALIGN="LEFT">{_html(name)}</TD>'
        )
    if any(node.optional for node in chart.nodes.values()):
        key.append(
            f'<TD COLOR="{MUTED}" BORDER="1" STYLE="dashed" WIDTH="12" HEIGHT="10"></TD>'
            '<TD ALIGN="LEFT">optional role</TD>'
        )
    if any(node.dotted_to for node in chart.nodes.values()):
        key.append(
            f'<TD ALIGN="LEFT"><FONT COLOR="{DOTTED}">- - -</FONT></TD>'
            '<TD ALIGN="LEFT">dotted-line manager</TD>'
        )
    return (
        '<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="1">'
        f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="16"><B>{_html(chart.model_name)}'
        "</B></FONT></TD></TR>"
        f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="11" COLOR="{MUTED}">'
        f"{_html(chart.subtitle)}</FONT></TD></TR>"
        f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="9" COLOR="{MUTED}">'
        '<TABLE BORDER="0" CELLSPACING="3" CELLPADDING="1"><TR>'
        + "".join(key)
        + "</TR></TABLE></FONT></TD></TR></TABLE>"
    )
