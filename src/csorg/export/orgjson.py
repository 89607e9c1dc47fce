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
                 "optional", "level", "region", "segment", "covers", "dottedTo",
                 "rationale", "pods"}, ...]
    }

``region`` and ``segment`` are ``null`` when not split; ``dottedTo`` lists the ids of the
node's dotted-line managers (other nodes of the list); ``rationale`` and ``pods`` are
given by role (they are empty lists per seat). The format only grows: keys are never renamed
or removed. (``csorg recommend --format json`` is the full recommendation; this is the chart.)
"""

from __future__ import annotations

import json
import re

from csorg.export.chart import OrgChart, used_areas
from csorg.export.style import colours

# characters JSON allows raw that a terminal or an HTML <script> block would act on
_RISKY = re.compile("[\x7f-\x9f\u2028\u2029<>&]")


def json_text(chart: OrgChart) -> str:
    nodes = []
    for node in chart.nodes.values():
        nodes.append(
            {
                "id": node.id,
                "parentId": node.manager,
                "title": node.title,
                "role": node.role,
                "count": node.count,
                "area": node.area,
                "areaName": node.area_name,
                "optional": node.optional,
                "level": node.level,
                "region": node.region or None,
                "segment": node.segment or None,
                "covers": list(node.covers),
                "dottedTo": list(node.dotted_to),
                "rationale": list(node.rationale),
                "pods": [
                    {"region": region or None, "segment": segment or None, "count": n}
                    for region, segment, n in node.pods
                ],
            }
        )
    document = {
        "format": "csorg-org-chart",
        "version": 1,
        "model": {"id": chart.model_id, "name": chart.model_name},
        "summary": chart.summary,
        "mode": chart.mode,
        "totalSeats": chart.total_seats,
        "areas": [
            {"id": area, "name": name, "fill": colours(index)[0], "border": colours(index)[1]}
            for index, area, name in used_areas(chart)
        ],
        "nodes": nodes,
    }
    text = json.dumps(document, indent=2, ensure_ascii=False)
    # these can only occur inside strings, where \uXXXX means the same character
    return _RISKY.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"
