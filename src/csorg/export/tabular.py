"""CSV: one row per role, or one row per seat (the form org-chart tools import).

Columns are fixed so that other tools, and `csorg audit`, can rely on them:
``id, title, reports_to, role, count, area, optional, region, segment, covers``.
In the per-seat form ``id`` is the seat, ``role`` its role and ``count`` is 1; ``covers``
lists the role ids a combined seat also covers, separated by ``;``.
"""

from __future__ import annotations

import csv
import io

from csorg.result import Recommendation
from csorg.textsafe import clean

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


def csv_text(rec: Recommendation, *, seats: bool = False) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    if seats:
        if rec.seats is None:
            raise ValueError("the recommendation was made without seats")
        optional = {r.id: r.optional for r in rec.roles}
        areas = {r.id: r.area for r in rec.roles}
        for seat in rec.seats:
            writer.writerow(
                (
                    seat.id,
                    clean(seat.title),
                    seat.reports_to or "",
                    seat.role,
                    1,
                    areas[seat.role],
                    "yes" if optional[seat.role] else "",
                    clean(seat.region or ""),
                    clean(seat.segment or ""),
                    ";".join(seat.covers),
                )
            )
    else:
        for role in rec.roles:
            writer.writerow(
                (
                    role.id,
                    clean(role.title),
                    role.reports_to or "",
                    role.id,
                    role.count,
                    role.area,
                    "yes" if role.optional else "",
                    "",
                    "",
                    ";".join(role.covers),
                )
            )
    return out.getvalue()
