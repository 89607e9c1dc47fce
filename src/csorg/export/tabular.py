"""CSV: one row per role, or one row per seat (the form org-chart tools import).

Columns are fixed so that other tools, and `csorg audit`, can rely on them:
``id, title, reports_to, role, count, area, optional, region, segment, covers, dotted_to``.
In the per-seat form ``id`` is the seat, ``role`` its role and ``count`` is 1; ``covers``
lists the role ids a combined seat also covers and ``dotted_to`` the ids of its dotted-line
managers (roles by role, seats by seat), each separated by ``;``. New columns only ever
come at the end.

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

from csorg.engine.result import Recommendation
from csorg.export.chart import OrgChart

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
    "dotted_to",
)
FORMULA_START = ("=", "+", "-", "@", "\t")


def text_cell(value: str) -> str:
    """A free-text cell that a spreadsheet shows as text, never runs as a formula."""
    return "'" + value if value.startswith(FORMULA_START) else value


def csv_text(rec: Recommendation, *, seats: bool = False) -> str:
    """The recommendation as CSV, by role or (``seats``) by seat."""
    from csorg.export.chart import org_chart

    return chart_csv(org_chart(rec, seats=seats))


def chart_csv(chart: OrgChart) -> str:
    """The CSV of an org chart from :func:`csorg.export.chart.org_chart`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for node in chart.nodes.values():
        writer.writerow(
            (
                node.id,
                text_cell(node.title),
                node.manager or "",
                node.role,
                node.count,
                node.area,
                "yes" if node.optional else "",
                text_cell(node.region),
                text_cell(node.segment),
                ";".join(node.covers),
                ";".join(node.dotted_to),
            )
        )
    return out.getvalue()
