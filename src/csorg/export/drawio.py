"""draw.io: a native, uncompressed ``.drawio`` file that opens editable in draw.io (diagrams.net,
desktop or web) and in the tools built on it (the VS Code and Confluence draw.io plugins).

The file is ``mxfile`` → ``diagram`` → ``mxGraphModel`` → ``root``, with the two cells every
model has (``0``, the root, and ``1``, the default layer), a text cell for the heading, and
then one vertex per box, placed where csorg's own layout puts it, with org-chart styling
(rounded boxes in the area's colours, dashed borders for optional roles, bold titles). Each
vertex is a ``UserObject`` carrying its csorg data (``csorg_id``, ``role``, ``count``,
``area``, ``region``, ``segment``), which draw.io shows under *Edit Data* and keeps when the
chart is edited. Reporting lines are edges with ``source`` and ``target`` that leave the
manager's bottom and follow the layout's own route (waypoints), so they stay attached when a
box is moved; dotted-line managers are dashed, curved edges in their own colour.

Labels are HTML (``html=1``): catalog text is escaped once for HTML, then once more by the
XML writer, so a title shows exactly as written and never adds markup.
"""

from __future__ import annotations

import functools
from html import escape

from csorg import __version__
from csorg.export.chart import OrgChart
from csorg.export.drawing import Drawing, draw
from csorg.export.layout import Box, Point
from csorg.export.layout import coordinate as _n
from csorg.export.style import DASH, DOTTED, DOTTED_DASH, LINE, MUTED, TEXT, colours
from csorg.export.xmlwriter import XmlWriter, attribute

MARGIN = 40.0
HEADER = 70.0

BOX_STYLE = (
    "rounded=1;arcSize=10;whiteSpace=wrap;html=1;fillColor={fill};strokeColor={border};"
    f"fontColor={TEXT};fontFamily=Helvetica;fontSize=12;strokeWidth=1.5;verticalAlign=middle;"
)
EDGE_STYLE = (
    "edgeStyle=orthogonalEdgeStyle;rounded=0;orthogonalLoop=1;html=1;endArrow=none;"
    f"strokeColor={LINE};strokeWidth=1.5;"
)
DOTTED_STYLE = (
    "curved=1;html=1;endArrow=none;dashed=1;"
    f"dashPattern={DOTTED_DASH};strokeColor={DOTTED};strokeWidth=1.5;"
)


def drawio_text(chart: OrgChart) -> str:
    picture = draw(chart)
    laid = picture.layout
    out = XmlWriter()
    out.lines.pop()  # draw.io files start at <mxfile>, with no XML declaration
    out.open("mxfile", {"host": "csorg", "agent": f"csorg {__version__}", "compressed": "false"})
    out.open("diagram", {"id": "csorg-org-chart", "name": chart.model_name})
    out.open(
        "mxGraphModel",
        {
            "dx": "1200",
            "dy": "800",
            "grid": "0",
            "gridSize": "10",
            "guides": "1",
            "tooltips": "1",
            "connect": "1",
            "arrows": "0",
            "fold": "1",
            "page": "0",
            "pageScale": "1",
            "pageWidth": _n(laid.width + 2 * MARGIN),
            "pageHeight": _n(laid.height + 2 * MARGIN + HEADER),
            "math": "0",
            "shadow": "0",
        },
    )
    out.open("root")
    out.leaf("mxCell", {"id": "0"})
    out.leaf("mxCell", {"id": "1", "parent": "0"})
    out.open(
        "mxCell",
        {
            "id": "heading",
            "value": f"<b>{escape(chart.model_name)}</b><br>"
            f'<font style="font-size:12px" color="{MUTED}">{escape(chart.subtitle)}</font>',
            "style": "text;html=1;align=left;verticalAlign=top;whiteSpace=wrap;fontSize=18;"
            f"fontFamily=Helvetica;fontColor={TEXT};",
            "vertex": "1",
            "parent": "1",
        },
    )
    _geometry(out, Box(MARGIN, MARGIN - 10, max(laid.width, 480.0), HEADER - 10))
    out.close("mxCell")
    for node_id in chart.nodes:
        _vertex(out, picture, node_id)
    for index, (manager, report) in enumerate(chart.edges()):
        route = laid.routes[(manager, report)]
        pins = _pins(route[0], laid.boxes[manager], route[-1], laid.boxes[report])
        _edge(out, f"e{index}", EDGE_STYLE + pins, (manager, report), list(route[1:-1]))
    for index, (report, boss, curve) in enumerate(picture.dotted):
        # drawn from the manager to the report: the curve reversed
        start, *controls, end = reversed(curve)
        pins = _pins(start, laid.boxes[boss], end, laid.boxes[report])
        _edge(out, f"d{index}", DOTTED_STYLE + pins, (boss, report), controls)
    out.close("root")
    out.close("mxGraphModel")
    out.close("diagram")
    out.close("mxfile")
    return out.result()


def _cell(node_id: str) -> str:
    return "n-" + node_id  # never "0" or "1", the model's own cells


def _at(point: Point) -> Point:
    return point[0] + MARGIN, point[1] + MARGIN + HEADER


def _vertex(out: XmlWriter, picture: Drawing, node_id: str) -> None:
    chart = picture.chart
    node = chart.nodes[node_id]
    label = picture.labels[node_id]
    style = _style(node.area_index, node.optional, node.count > 1 and not chart.seats)
    html = _title(label.title)  # escaped for the attribute already: titles repeat
    for text, size in ((label.detail, 11), (label.split, 10), (label.covers, 10)):
        if text:
            line = f'<br><font style="font-size:{size}px" color="{MUTED}">{escape(text)}</font>'
            html += attribute(line)
    data = {
        "tooltip": label.tooltip,
        "id": _cell(node_id),
        "csorg_id": node_id,
        "role": node.role,
        "count": str(node.count),
        "area": node.area,
    }
    data.update({k: v for k, v in (("region", node.region), ("segment", node.segment)) if v})
    if node.dotted_to:
        data["dotted_to"] = ";".join(node.dotted_to)
    box = picture.layout.boxes[node_id]
    x, y = _at((box.x, box.y))
    pairs = "".join(f' {key}="{attribute(value)}"' for key, value in data.items())
    out.lines += [
        f'{"  " * out.depth}<UserObject label="{html}"{pairs}>',
        f'{"  " * out.depth}  <mxCell style="{style}" vertex="1" parent="1">',
        f'{"  " * out.depth}    <mxGeometry x="{_n(x)}" y="{_n(y)}" width="{_n(box.width)}" '
        f'height="{_n(box.height)}" as="geometry" />',
        f"{'  ' * out.depth}  </mxCell>",
        f"{'  ' * out.depth}</UserObject>",
    ]


@functools.lru_cache(maxsize=1024)
def _title(lines: tuple[str, ...]) -> str:
    """A box's title as draw.io's HTML label, escaped for an attribute."""
    return attribute("<br>".join(f"<b>{escape(line)}</b>" for line in lines))


@functools.lru_cache(maxsize=256)
def _style(area_index: int, optional: bool, stacked: bool) -> str:
    """A box's style, escaped for an attribute."""
    fill, border = colours(area_index)
    style = BOX_STYLE.format(fill=fill, border=border)
    if optional:
        style += f"dashed=1;dashPattern={DASH};"
    if stacked:
        style += "shadow=1;"  # a role with several seats: a card with a stack behind it
    return attribute(style)


def _edge(
    out: XmlWriter, cell_id: str, style: str, ends: tuple[str, str], waypoints: list[Point]
) -> None:
    source, target = (attribute(_cell(end)) for end in ends)
    pad = "  " * out.depth
    cell = (
        f'{pad}<mxCell id="{cell_id}" value="" style="{attribute(style)}" edge="1" parent="1" '
        f'source="{source}" target="{target}">'
    )
    if not waypoints:
        out.lines += [cell, f'{pad}  <mxGeometry relative="1" as="geometry" />', f"{pad}</mxCell>"]
        return
    points = [f'{pad}      <mxPoint x="{_n(x)}" y="{_n(y)}" />' for x, y in map(_at, waypoints)]
    out.lines += [
        cell,
        f'{pad}  <mxGeometry relative="1" as="geometry">',
        f'{pad}    <Array as="points">',
        *points,
        f"{pad}    </Array>",
        f"{pad}  </mxGeometry>",
        f"{pad}</mxCell>",
    ]


def _pins(start: Point, source: Box, end: Point, target: Box) -> str:
    """Where an edge leaves its source and reaches its target, as draw.io's style keys."""
    (sx, sy), (tx, ty) = start, end
    return (
        f"exitX={_ratio(sx - source.x, source.width)};exitY={_ratio(sy - source.y, source.height)};"
        f"exitDx=0;exitDy=0;entryX={_ratio(tx - target.x, target.width)};"
        f"entryY={_ratio(ty - target.y, target.height)};entryDx=0;entryDy=0;"
    )


def _ratio(part: float, whole: float) -> str:
    """Where a line meets a box side, as draw.io's fraction of the box: ``0.0648``."""
    value = f"{part / whole:.4f}".rstrip("0").rstrip(".")
    return value if value not in ("", "-0") else "0"


def _geometry(out: XmlWriter, box: Box) -> None:
    out.leaf(
        "mxGeometry",
        {
            "x": _n(box.x),
            "y": _n(box.y),
            "width": _n(box.width),
            "height": _n(box.height),
            "as": "geometry",
        },
    )
