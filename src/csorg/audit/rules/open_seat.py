"""Open seats: planned, not filled.

* **info**: one finding per role with open seats (TBH, Open req, Vacant, an empty name, an
  unfilled position), naming each seat's manager and requisition. Open seats are counted
  apart from filled ones everywhere: they close gaps in ``headcount``, never in ``coverage``.
"""

from __future__ import annotations

from collections.abc import Iterator

from csorg.audit.context import Context, Finding

KIND = "open-seat"
LISTED = 5


def check(ctx: Context) -> Iterator[Finding]:
    groups: dict[str, list[str]] = {}
    for person_id in ctx.facts.order:
        person = ctx.chart.by_id[person_id]
        if person.vacant:
            groups.setdefault(ctx.readings[person_id].role or "", []).append(person_id)
    for role_id, seats in groups.items():
        parts = []
        for seat_id in seats[:LISTED]:
            seat = ctx.chart.by_id[seat_id]
            boss = f" under {ctx.name(seat.reports_to)}" if seat.reports_to else ""
            req = f" ({seat.req})" if seat.req else ""
            parts.append(f"{seat.title}{req}{boss}")
        more = f" and {len(seats) - LISTED} more" if len(seats) > LISTED else ""
        count = sum(ctx.chart.by_id[s].count for s in seats)
        what = ctx.title(role_id) if role_id else "a title no role matches"
        finding = ctx.about_role(
            KIND,
            "info",
            role_id or "unmapped",
            f"{count} open seat{'s' if count > 1 else ''} of {what}, planned and not counted as "
            f"filled: {'; '.join(parts)}{more}",
            tuple(seats),
        )
        yield finding
