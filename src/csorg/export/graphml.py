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
characters were made visible when the graph was built, so the file is always well-formed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from csorg.export.chart import Node, OrgChart, detail
from csorg.export.drawing import Drawing, draw
from csorg.export.layout import Box, Point
from csorg.export.layout import coordinate as _n
from csorg.export.style import DOTTED, LINE, TEXT, colours

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


def _g(tag: str) -> str:
    return f"{{{GRAPHML}}}{tag}"


def _y(tag: str) -> str:
    return f"{{{YED}}}{tag}"


def _value(name: str, value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if name in ("covers", "dotted_to"):
        return ";".join(value)  # ids, as in the CSV
    if name == "rationale":
        return "\n".join(value)  # one reason a line
    return str(value)


def _graph_value(chart: OrgChart, name: str) -> str:
    return _value(name, getattr(chart, name))


def graphml_text(chart: OrgChart) -> str:
    picture = draw(chart)
    ET.register_namespace("", GRAPHML)
    ET.register_namespace("y", YED)
    ET.register_namespace("xsi", XSI)
    top = ET.Element(_g("graphml"), {f"{{{XSI}}}schemaLocation": SCHEMA})
    for key, name, kind in GRAPH_KEYS:
        ET.SubElement(
            top, _g("key"), {"id": key, "for": "graph", "attr.name": name, "attr.type": kind}
        )
    for key, name, kind in NODE_KEYS:
        ET.SubElement(
            top, _g("key"), {"id": key, "for": "node", "attr.name": name, "attr.type": kind}
        )
    ET.SubElement(
        top,
        _g("key"),
        {"id": "e_dotted", "for": "edge", "attr.name": "dotted", "attr.type": "boolean"},
    )
    ET.SubElement(top, _g("key"), {"id": "n_yed", "for": "node", "yfiles.type": "nodegraphics"})
    ET.SubElement(top, _g("key"), {"id": "e_yed", "for": "edge", "yfiles.type": "edgegraphics"})
    body = ET.SubElement(top, _g("graph"), {"id": "csorg", "edgedefault": "directed"})
    for key, name, _ in GRAPH_KEYS:
        ET.SubElement(body, _g("data"), {"key": key}).text = _graph_value(chart, name)
    for node in chart.nodes.values():
        _node(body, picture, node)
    index = 0
    for manager, report in chart.edges():
        boxes = picture.layout.boxes
        edge = _edge(body, index, manager, report, dotted=False)
        _edge_graphics(
            edge, picture.layout.routes[(manager, report)], boxes[manager], boxes[report]
        )
        index += 1
    for report, boss, curve in picture.dotted:
        edge = _edge(body, index, boss, report, dotted=True)
        start, end = curve[-1], curve[0]  # drawn from the manager to the report
        boxes = picture.layout.boxes
        _edge_graphics(edge, (start, end), boxes[boss], boxes[report], dotted=True)
        index += 1
    ET.indent(top, space="  ")
    xml = ET.tostring(top, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{xml}\n'


def _node(body: ET.Element, picture: Drawing, node: Node) -> None:
    element = ET.SubElement(body, _g("node"), {"id": node.id})
    for key, name, _ in NODE_KEYS:
        ET.SubElement(element, _g("data"), {"key": key}).text = _value(name, getattr(node, name))
    box = picture.layout.boxes[node.id]
    fill, border = colours(node.area_index)
    shape = ET.SubElement(ET.SubElement(element, _g("data"), {"key": "n_yed"}), _y("ShapeNode"))
    ET.SubElement(
        shape,
        _y("Geometry"),
        {"x": _n(box.x), "y": _n(box.y), "width": _n(box.width), "height": _n(box.height)},
    )
    ET.SubElement(shape, _y("Fill"), {"color": fill.upper(), "transparent": "false"})
    ET.SubElement(
        shape,
        _y("BorderStyle"),
        {"color": border.upper(), "type": "dashed" if node.optional else "line", "width": "1.5"},
    )
    label = ET.SubElement(
        shape,
        _y("NodeLabel"),
        {
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
        },
    )
    text = picture.labels[node.id]
    lines = [*text.title, detail(picture.chart, node), text.split]
    label.text = "\n".join(line for line in lines if line)
    ET.SubElement(shape, _y("Shape"), {"type": "roundrectangle"})


def _edge(body: ET.Element, index: int, source: str, target: str, *, dotted: bool) -> ET.Element:
    edge = ET.SubElement(body, _g("edge"), {"id": f"e{index}", "source": source, "target": target})
    ET.SubElement(edge, _g("data"), {"key": "e_dotted"}).text = _value("dotted", dotted)
    return edge


def _edge_graphics(
    edge: ET.Element,
    route: tuple[Point, ...],
    source: Box,
    target: Box,
    *,
    dotted: bool = False,
) -> None:
    """yEd's drawing of a connector: ports relative to the boxes' centres, then the bends."""
    (sx, sy), *bends, (tx, ty) = route
    line = ET.SubElement(ET.SubElement(edge, _g("data"), {"key": "e_yed"}), _y("PolyLineEdge"))
    path = ET.SubElement(
        line,
        _y("Path"),
        {
            "sx": _n(sx - source.centre),
            "sy": _n(sy - source.middle),
            "tx": _n(tx - target.centre),
            "ty": _n(ty - target.middle),
        },
    )
    for x, y in bends:
        ET.SubElement(path, _y("Point"), {"x": _n(x), "y": _n(y)})
    style = {"color": DOTTED.upper(), "type": "dashed"} if dotted else {"color": LINE.upper()}
    ET.SubElement(line, _y("LineStyle"), {"type": "line", **style, "width": "1.2"})
    ET.SubElement(line, _y("Arrows"), {"source": "none", "target": "none"})
    ET.SubElement(line, _y("BendStyle"), {"smoothed": "false"})
