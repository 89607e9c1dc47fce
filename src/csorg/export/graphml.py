"""GraphML: the org tree with every node attribute, for networkx, Gephi, yEd and friends.

``networkx.read_graphml`` reads the file back as the same directed tree (manager -> report)
with typed attributes (``title``, ``role``, ``count``, ``area``, ``area_name``,
``optional``, ``level``, ``region``, ``segment``, ``covers``, ``dotted_to``,
``rationale``). Every edge has a boolean ``dotted``: false for the tree's reporting lines,
true for a dotted-line manager (an edge from that manager to the report), so
``[e for e in g.edges(data=True) if not e[2]["dotted"]]`` is the tree. Each node and
edge also carries yEd graphics in yEd's own ``y:`` namespace (a GraphML extension other
readers skip), so yEd opens the file already laid out as an org chart, with coloured, labelled
boxes, instead of a pile of unlabelled nodes. Text is escaped by the XML writer; control
characters were made visible when the chart was built, so the file is always well-formed.
"""

from __future__ import annotations

from typing import Any

from csorg.export.chart import Node, OrgChart, detail
from csorg.export.drawing import Drawing, draw
from csorg.export.layout import Box, Point
from csorg.export.layout import coordinate as _n
from csorg.export.style import DOTTED, LINE, TEXT, colours
from csorg.export.xmlwriter import XmlWriter, attribute, text

GRAPHML = "http://graphml.graphdrawing.org/xmlns"
YED = "http://www.yworks.com/xml/graphml"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA = (
    "http://graphml.graphdrawing.org/xmlns "
    "http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd"
)

# (id, attribute, GraphML type) of the data every node or graph carries
GRAPH_KEYS = (
    ("g_model", "model_id", "string"),
    ("g_model_name", "model_name", "string"),
    ("g_summary", "summary", "string"),
    ("g_mode", "mode", "string"),
    ("g_total", "total_seats", "int"),
)
NODE_KEYS = (
    ("n_title", "title", "string"),
    ("n_role", "role", "string"),
    ("n_count", "count", "int"),
    ("n_area", "area", "string"),
    ("n_area_name", "area_name", "string"),
    ("n_optional", "optional", "boolean"),
    ("n_level", "level", "int"),
    ("n_region", "region", "string"),
    ("n_segment", "segment", "string"),
    ("n_covers", "covers", "string"),
    ("n_dotted_to", "dotted_to", "string"),
    ("n_rationale", "rationale", "string"),
)
LABEL = {
    "alignment": "center",
    "autoSizePolicy": "content",
    "fontFamily": "Dialog",
    "fontSize": "12",
    "fontStyle": "plain",
    "hasBackgroundColor": "false",
    "hasLineColor": "false",
    "modelName": "internal",
    "modelPosition": "c",
    "textColor": TEXT.upper(),
    "visible": "true",
}


def _value(name: str, value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if name in ("covers", "dotted_to"):
        return ";".join(value)  # ids, as in the CSV
    if name == "rationale":
        return "\n".join(value)  # one reason a line
    return str(value)


def graphml_text(chart: OrgChart) -> str:
    picture = draw(chart)
    out = XmlWriter()
    out.open(
        "graphml",
        {"xmlns": GRAPHML, "xmlns:xsi": XSI, "xmlns:y": YED, "xsi:schemaLocation": SCHEMA},
    )
    for key, name, kind in GRAPH_KEYS:
        out.leaf("key", {"id": key, "for": "graph", "attr.name": name, "attr.type": kind})
    for key, name, kind in NODE_KEYS:
        out.leaf("key", {"id": key, "for": "node", "attr.name": name, "attr.type": kind})
    dotted = {"id": "e_dotted", "for": "edge", "attr.name": "dotted", "attr.type": "boolean"}
    out.leaf("key", dotted)
    out.leaf("key", {"id": "n_yed", "for": "node", "yfiles.type": "nodegraphics"})
    out.leaf("key", {"id": "e_yed", "for": "edge", "yfiles.type": "edgegraphics"})
    out.open("graph", {"id": "csorg", "edgedefault": "directed"})
    for key, name, _ in GRAPH_KEYS:
        out.leaf("data", {"key": key}, _value(name, getattr(chart, name)))
    # nodes and edges, thousands of them, written from templates: only values are escaped
    for node in chart.nodes.values():
        out.lines += _node(picture, node)
    boxes = picture.layout.boxes
    index = 0
    for manager, report in chart.edges():
        route = picture.layout.routes[(manager, report)]
        out.lines += _edge(index, (manager, boxes[manager]), (report, boxes[report]), route)
        index += 1
    for report, boss, curve in picture.dotted:
        ends = (curve[-1], curve[0])  # drawn from the manager to the report
        out.lines += _edge(index, (boss, boxes[boss]), (report, boxes[report]), ends, dotted=True)
        index += 1
    out.close("graph")
    out.close("graphml")
    return out.result()


_LABEL = "".join(f' {key}="{value}"' for key, value in LABEL.items())


def _node(picture: Drawing, node: Node) -> list[str]:
    lines = [f'    <node id="{attribute(node.id)}">']
    for key, name, _ in NODE_KEYS:
        value = _value(name, getattr(node, name))
        lines.append(
            f'      <data key="{key}">{text(value)}</data>'
            if value
            else f'      <data key="{key}" />'
        )
    box = picture.layout.boxes[node.id]
    fill, border = colours(node.area_index)
    line = "dashed" if node.optional else "line"
    label = picture.labels[node.id]
    shown = "\n".join(p for p in (*label.title, detail(picture.chart, node), label.split) if p)
    lines += [
        '      <data key="n_yed">',
        "        <y:ShapeNode>",
        f'          <y:Geometry x="{_n(box.x)}" y="{_n(box.y)}" width="{_n(box.width)}" '
        f'height="{_n(box.height)}" />',
        f'          <y:Fill color="{fill.upper()}" transparent="false" />',
        f'          <y:BorderStyle color="{border.upper()}" type="{line}" width="1.5" />',
        f"          <y:NodeLabel{_LABEL}>{text(shown)}</y:NodeLabel>",
        '          <y:Shape type="roundrectangle" />',
        "        </y:ShapeNode>",
        "      </data>",
        "    </node>",
    ]
    return lines


def _edge(
    index: int,
    source: tuple[str, Box],
    target: tuple[str, Box],
    route: tuple[Point, ...],
    *,
    dotted: bool = False,
) -> list[str]:
    """An edge, with yEd's drawing of it: ports relative to the boxes' centres, then bends."""
    (source_id, source_box), (target_id, target_box) = source, target
    (sx, sy), *bends, (tx, ty) = route
    ports = (
        f'sx="{_n(sx - source_box.centre)}" sy="{_n(sy - source_box.middle)}" '
        f'tx="{_n(tx - target_box.centre)}" ty="{_n(ty - target_box.middle)}"'
    )
    style = (
        f'color="{DOTTED.upper()}" type="dashed"'
        if dotted
        else f'type="line" color="{LINE.upper()}"'
    )
    lines = [
        f'    <edge id="e{index}" source="{attribute(source_id)}" target="{attribute(target_id)}">',
        f'      <data key="e_dotted">{_value("dotted", dotted)}</data>',
        '      <data key="e_yed">',
        "        <y:PolyLineEdge>",
    ]
    if bends:
        lines.append(f"          <y:Path {ports}>")
        lines += [f'            <y:Point x="{_n(x)}" y="{_n(y)}" />' for x, y in bends]
        lines.append("          </y:Path>")
    else:
        lines.append(f"          <y:Path {ports} />")
    lines += [
        f'          <y:LineStyle {style} width="1.2" />',
        '          <y:Arrows source="none" target="none" />',
        '          <y:BendStyle smoothed="false" />',
        "        </y:PolyLineEdge>",
        "      </data>",
        "    </edge>",
    ]
    return lines
