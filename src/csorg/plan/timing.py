"""When to open each requisition: back from the date a seat is needed, by the time a new
person takes to carry a full load (ramp) and the time a hire takes (time to fill plus notice),
both catalog data by role level (``hiring`` in business_models.yaml).

Months are counted from the start of the plan's first quarter (month 0); a seat for a quarter
is needed by that quarter's end, when the forecast's accounts and ARR are reached.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from csorg.catalog.schema import Catalog, HiringTime, Role

DAYS_A_MONTH = 30.44


@dataclass(frozen=True)
class Timing:
    """Months from the start of the plan (negative: before it)."""

    requisition: int  # open the requisition
    start: int  # the person's first day
    full: int  # the month they carry a full load: the seat is needed by then
    days_to_fill: int
    months_to_ramp: int
    source: HiringTime | None


def hiring_time(catalog: Catalog, role: Role) -> HiringTime | None:
    return next((h for h in catalog.hiring.values() if role.level in h.levels), None)


def timing(catalog: Catalog, role: Role, need: int) -> Timing:
    """When to open the requisition for a seat of ``role`` needed by month ``need``."""
    found = hiring_time(catalog, role)
    days = found.days_to_fill.value if found else 60
    ramp = found.months_to_ramp.value if found else 0
    start = need - ramp
    requisition = start - math.ceil(days / DAYS_A_MONTH)
    return Timing(requisition, start, need, days, ramp, found)


def month_label(month: int, first: date | None) -> str:
    """``2027-03`` with a start date, else ``month 3`` (``month -2``: before the plan starts)."""
    if first is None:
        return f"month {month}"
    total = first.year * 12 + first.month - 1 + month
    return f"{total // 12}-{total % 12 + 1:02d}"
