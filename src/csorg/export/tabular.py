"""CSV: one row per role, or one row per seat (the form org-chart tools import).

Columns are fixed so that other tools, and `csorg audit`, can rely on them:
``id, title, reports_to, role, count, area, optional, region, segment, covers``.
In the per-seat form ``id`` is the seat, ``role`` its role and ``count`` is 1; ``covers``
lists the role ids a combined seat also covers, separated by ``;``.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-``, ``@`` or a tab as a formula
("CSV injection"), and a catalog is text anyone can write. So a free-text cell (title,
region, segment) that starts with one of those gets a leading ``'``, the mark spreadsheets
themselves use for "this is text"; ids never need it (they start with a letter or digit).
A reader that wants the exact title strips a leading ``'`` followed by one of those
characters, or looks the role up by ``role``.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from csorg.engine.result import Recommendation

COLUMNS = (
    "id",
    "title",
    "reports_to",
    "role",
    "count",
    "area",
    "optional",
    "region",
    "segment",
    "covers",
)
FORMULA_START = ("=", "+", "-", "@", "\t")


def text_cell(value: str) -> str:
    """A free-text cell that a spreadsheet shows as text, never runs as a formula."""
    return "'" + value if value.startswith(FORMULA_START) else value


def csv_text(rec: Recommendation, *, seats: bool = False) -> str:
    """The recommendation as CSV, by role or (``seats``) by seat."""
    from csorg.export.graph import org_graph

    return graph_csv(org_graph(rec, seats=seats))


def graph_csv(graph: Any) -> str:
    """The CSV of an org graph from :func:`csorg.export.graph.org_graph`."""
    from csorg.export.graph import manager

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for node, data in graph.nodes(data=True):
        writer.writerow(
            (
                node,
                text_cell(data["title"]),
                manager(graph, node) or "",
                data["role"],
                data["count"],
                data["area"],
                "yes" if data["optional"] else "",
                text_cell(data["region"]),
                text_cell(data["segment"]),
                ";".join(data["covers"]),
            )
        )
    return out.getvalue()
