"""JSON for front-end org-chart libraries: a flat list of nodes, each naming its parent.

This is the shape d3's ``stratify()``, d3-org-chart and most org-chart widgets take
(``id`` and ``parentId``; the root's ``parentId`` is ``null``), in depth-first order, so a
parent always comes before its reports::

    {
      "format": "csorg-org-chart", "version": 1,
      "model": {"id": ..., "name": ...}, "summary": ..., "mode": "roles" | "seats",
      "totalSeats": 22,
      "areas": [{"id": ..., "name": ..., "fill": "#dbeafe", "border": "#1d4ed8"}, ...],
      "nodes": [{"id", "parentId", "title", "role", "count", "area", "areaName",
                 "optional", "level", "region", "segment", "covers", "rationale",
                 "pods"}, ...]
    }

``region`` and ``segment`` are ``null`` when not split; ``rationale`` and ``pods`` are
given by role (they are empty lists per seat). The format only grows: keys are never renamed
or removed. (``csorg recommend --format json`` is the full recommendation; this is the chart.)
"""

from __future__ import annotations

import json
import re
from typing import Any

from csorg.export.graph import manager, used_areas
from csorg.export.style import colours

# characters JSON allows raw that a terminal or an HTML <script> block would act on
_RISKY = re.compile("[\x7f-\x9f\u2028\u2029<>&]")


def json_text(graph: Any) -> str:
    nodes = []
    for node, data in graph.nodes(data=True):
        nodes.append(
            {
                "id": node,
                "parentId": manager(graph, node),
                "title": data["title"],
                "role": data["role"],
                "count": data["count"],
                "area": data["area"],
                "areaName": data["area_name"],
                "optional": data["optional"],
                "level": data["level"],
                "region": data["region"] or None,
                "segment": data["segment"] or None,
                "covers": list(data["covers"]),
                "rationale": list(data["rationale"]),
                "pods": [
                    {"region": region or None, "segment": segment or None, "count": n}
                    for region, segment, n in data["pods"]
                ],
            }
        )
    document = {
        "format": "csorg-org-chart",
        "version": 1,
        "model": {"id": graph.graph["model_id"], "name": graph.graph["model_name"]},
        "summary": graph.graph["summary"],
        "mode": graph.graph["mode"],
        "totalSeats": graph.graph["total_seats"],
        "areas": [
            {"id": area, "name": name, "fill": colours(index)[0], "border": colours(index)[1]}
            for index, area, name in used_areas(graph)
        ],
        "nodes": nodes,
    }
    text = json.dumps(document, indent=2, ensure_ascii=False)
    # these can only occur inside strings, where \uXXXX means the same character
    return _RISKY.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"
