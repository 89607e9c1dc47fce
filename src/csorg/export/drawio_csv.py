"""draw.io's CSV import (*Arrange › Insert › Advanced › CSV*): the org as rows plus the ``#``
lines that tell draw.io how to draw them.

Each row is a box (``id, title, detail, manager, dotted, fill, stroke, dashed``); the header
lines give the label (bold title, detail below), the style (area colours, dashed border for
optional roles), one ``connect`` for reporting lines and one for dotted-line managers
(dashed), box size, and ``layout: verticaltree``, which draw.io lays out itself when it
imports (csorg's own layout is in the native ``--format drawio`` file).

draw.io puts the values into HTML labels as they are, so every value is HTML-escaped: a
title with ``<b>`` or ``&`` shows as written. (This file is for draw.io: its values are not
guarded against spreadsheet formulas the way ``--format csv`` is.)
"""

from __future__ import annotations

import csv
import io
from html import escape

from csorg.export.chart import OrgChart, detail, headline, split_line
from csorg.export.style import DOTTED, LINE, MUTED, TEXT, colours

HEADER = (
    f'# label: <b>%title%</b><br><font color="{MUTED}">%detail%</font>',
    "# style: rounded=1;arcSize=10;whiteSpace=wrap;html=1;fillColor=%fill%;"
    f"strokeColor=%stroke%;fontColor={TEXT};fontFamily=Helvetica;fontSize=12;dashed=%dashed%;",
    "# namespace: csorg-",
    "# identity: id",
    '# connect: {"from": "manager", "to": "id", "invert": true, "style": '
    f'"edgeStyle=orthogonalEdgeStyle;rounded=0;endArrow=none;strokeColor={LINE};"}}',
    '# connect: {"from": "dotted", "to": "id", "invert": true, "style": '
    f'"curved=1;endArrow=none;dashed=1;strokeColor={DOTTED};"}}',
    "# width: 216",
    "# height: auto",
    "# padding: 8",
    "# ignore: id,manager,dotted,fill,stroke,dashed",
    "# nodespacing: 40",
    "# levelspacing: 60",
    "# edgespacing: 40",
    "# layout: verticaltree",
)
COLUMNS = ("id", "title", "detail", "manager", "dotted", "fill", "stroke", "dashed")


def drawio_csv_text(chart: OrgChart) -> str:
    out = io.StringIO()
    out.write("## csorg export: " + escape(chart.summary).replace("\n", " ") + "\n")
    out.write("\n".join(HEADER) + "\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for node in chart.nodes.values():
        fill, border = colours(node.area_index)
        lines = [detail(chart, node), split_line(node)]
        writer.writerow(
            (
                node.id,
                escape(headline(node)),
                "<br>".join(escape(line) for line in lines if line),
                node.manager or "",
                ",".join(node.dotted_to),
                fill,
                border,
                "1" if node.optional else "0",
            )
        )
    return out.getvalue()
