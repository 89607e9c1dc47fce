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
from csorg.export.xmlwriter import XmlWriter

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
    out.leaf(
        "key", {"id": "e_dotted", "for": "edge", "attr.name": "dotted", "attr.type": "boolean"}
    )
    out.leaf("key", {"id": "n_yed", "for": "node", "yfiles.type": "nodegraphics"})
    out.leaf("key", {"id": "e_yed", "for": "edge", "yfiles.type": "edgegraphics"})
    out.open("graph", {"id": "csorg", "edgedefault": "directed"})
    for key, name, _ in GRAPH_KEYS:
        out.leaf("data", {"key": key}, _value(name, getattr(chart, name)))
    for node in chart.nodes.values():
        _node(out, picture, node)
    boxes = picture.layout.boxes
    index = 0
    for manager, report in chart.edges():
        route = picture.layout.routes[(manager, report)]
        _edge(out, index, (manager, boxes[manager]), (report, boxes[report]), route)
        index += 1
    for report, boss, curve in picture.dotted:
        ends = (curve[-1], curve[0])  # drawn from the manager to the report
        _edge(out, index, (boss, boxes[boss]), (report, boxes[report]), ends, dotted=True)
        index += 1
    out.close("graph")
    out.close("graphml")
    return out.result()


def _node(out: XmlWriter, picture: Drawing, node: Node) -> None:
    out.open("node", {"id": node.id})
    for key, name, _ in NODE_KEYS:
        out.leaf("data", {"key": key}, _value(name, getattr(node, name)))
    box = picture.layout.boxes[node.id]
    fill, border = colours(node.area_index)
    out.open("data", {"key": "n_yed"})
    out.open("y:ShapeNode")
    out.leaf(
        "y:Geometry",
        {"x": _n(box.x), "y": _n(box.y), "width": _n(box.width), "height": _n(box.height)},
    )
    out.leaf("y:Fill", {"color": fill.upper(), "transparent": "false"})
    line = "dashed" if node.optional else "line"
    out.leaf("y:BorderStyle", {"color": border.upper(), "type": line, "width": "1.5"})
    label = picture.labels[node.id]
    lines = [*label.title, detail(picture.chart, node), label.split]
    out.leaf("y:NodeLabel", LABEL, "\n".join(line for line in lines if line))
    out.leaf("y:Shape", {"type": "roundrectangle"})
    out.close("y:ShapeNode")
    out.close("data")
    out.close("node")


def _edge(
    out: XmlWriter,
    index: int,
    source: tuple[str, Box],
    target: tuple[str, Box],
    route: tuple[Point, ...],
    *,
    dotted: bool = False,
) -> None:
    """An edge, with yEd's drawing of it: ports relative to the boxes' centres, then bends."""
    (source_id, source_box), (target_id, target_box) = source, target
    out.open("edge", {"id": f"e{index}", "source": source_id, "target": target_id})
    out.leaf("data", {"key": "e_dotted"}, _value("dotted", dotted))
    (sx, sy), *bends, (tx, ty) = route
    out.open("data", {"key": "e_yed"})
    out.open("y:PolyLineEdge")
    ports = {
        "sx": _n(sx - source_box.centre),
        "sy": _n(sy - source_box.middle),
        "tx": _n(tx - target_box.centre),
        "ty": _n(ty - target_box.middle),
    }
    if bends:
        out.open("y:Path", ports)
        for x, y in bends:
            out.leaf("y:Point", {"x": _n(x), "y": _n(y)})
        out.close("y:Path")
    else:
        out.leaf("y:Path", ports)
    style = {"color": DOTTED.upper(), "type": "dashed"} if dotted else {"color": LINE.upper()}
    out.leaf("y:LineStyle", {"type": "line", **style, "width": "1.2"})
    out.leaf("y:Arrows", {"source": "none", "target": "none"})
    out.leaf("y:BendStyle", {"smoothed": "false"})
    out.close("y:PolyLineEdge")
    out.close("data")
    out.close("edge")
