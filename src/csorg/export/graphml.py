"""GraphML: the org tree with every node attribute, for networkx, Gephi, yEd and friends.

``networkx.read_graphml`` reads the file back as the same directed tree (manager -> report)
with typed attributes (``title``, ``role``, ``count``, ``area``, ``area_name``,
``optional``, ``level``, ``region``, ``segment``, ``covers``, ``rationale``). Each node and
edge also carries yEd graphics in yEd's own ``y:`` namespace (a GraphML extension other
readers skip), so yEd opens the file already laid out as an org chart, with coloured, labelled
boxes, instead of a pile of unlabelled nodes. Text is escaped by the XML writer; control
characters were made visible when the graph was built, so the file is always well-formed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from csorg.export.graph import detail
from csorg.export.layout import Box, Point
from csorg.export.style import LINE, TEXT, colours

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
    ("n_rationale", "rationale", "string"),
)


def _g(tag: str) -> str:
    return f"{{{GRAPHML}}}{tag}"


def _y(tag: str) -> str:
    return f"{{{YED}}}{tag}"


def _value(name: str, value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if name == "covers":
        return ";".join(value)  # role ids, as in the CSV
    if name == "rationale":
        return "\n".join(value)  # one reason a line
    return str(value)


def _n(value: float) -> str:
    return f"{value:.1f}"


def graphml_text(graph: Any) -> str:
    from csorg.export.svg import chart_layout

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
    ET.SubElement(top, _g("key"), {"id": "n_yed", "for": "node", "yfiles.type": "nodegraphics"})
    ET.SubElement(top, _g("key"), {"id": "e_yed", "for": "edge", "yfiles.type": "edgegraphics"})
    body = ET.SubElement(top, _g("graph"), {"id": "csorg", "edgedefault": "directed"})
    for key, name, _ in GRAPH_KEYS:
        ET.SubElement(body, _g("data"), {"key": key}).text = _value(name, graph.graph[name])

    chart, titles = chart_layout(graph)
    for node, data in graph.nodes(data=True):
        element = ET.SubElement(body, _g("node"), {"id": node})
        for key, name, _ in NODE_KEYS:
            ET.SubElement(element, _g("data"), {"key": key}).text = _value(name, data[name])
        box = chart.boxes[node]
        fill, border = colours(data["area_index"])
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
            {
                "color": border.upper(),
                "type": "dashed" if data["optional"] else "line",
                "width": "1.5",
            },
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
        label.text = "\n".join([*titles[node], detail(graph, node)])
        ET.SubElement(shape, _y("Shape"), {"type": "roundrectangle"})

    for index, (manager, report) in enumerate(graph.edges):
        edge = ET.SubElement(
            body, _g("edge"), {"id": f"e{index}", "source": manager, "target": report}
        )
        _edge_graphics(
            edge, chart.routes[(manager, report)], chart.boxes[manager], chart.boxes[report]
        )
    ET.indent(top, space="  ")
    xml = ET.tostring(top, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{xml}\n'


def _edge_graphics(edge: ET.Element, route: tuple[Point, ...], source: Box, target: Box) -> None:
    """yEd's drawing of a connector: ports relative to the boxes' centres, then the bends."""
    (sx, sy), *bends, (tx, ty) = route
    line = ET.SubElement(ET.SubElement(edge, _g("data"), {"key": "e_yed"}), _y("PolyLineEdge"))
    path = ET.SubElement(
        line,
        _y("Path"),
        {
            "sx": _n(sx - source.centre),
            "sy": _n(sy - (source.y + source.height / 2)),
            "tx": _n(tx - target.centre),
            "ty": _n(ty - (target.y + target.height / 2)),
        },
    )
    for x, y in bends:
        ET.SubElement(path, _y("Point"), {"x": _n(x), "y": _n(y)})
    ET.SubElement(line, _y("LineStyle"), {"color": LINE.upper(), "type": "line", "width": "1.2"})
    ET.SubElement(line, _y("Arrows"), {"source": "none", "target": "none"})
    ET.SubElement(line, _y("BendStyle"), {"smoothed": "false"})
