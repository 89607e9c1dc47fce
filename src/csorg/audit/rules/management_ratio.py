"""More managers per individual contributor than the recommendation has.

* **warning**: in a team of 10 seats or more, managers per IC above 1.5 times the
  recommendation's own ratio (and above 1 in 5), that is a top-heavy org;
* **info**: above the recommendation's ratio, but within 1.5 times it.

A manager is a seat with direct reports; the CEO is not counted. The recommendation's ratio
comes from its own roles: those that others report to are managers.
"""

from __future__ import annotations

from collections.abc import Iterator

from csorg.audit.context import Context, Finding, Severity
from csorg.text import number

KIND = "management-ratio"
MIN_SEATS = 10
FLOOR = 0.2  # a ratio below this is never top-heavy


def ratios(ctx: Context) -> tuple[int, int, float | None, float | None]:
    """(managers, ICs, chart ratio, recommended ratio) over seats other than the CEO's."""
    managers = ics = 0
    for person_id in ctx.facts.order:
        if person_id == ctx.chart.root:
            continue
        seats = ctx.chart.by_id[person_id].count
        if ctx.chart.reports.get(person_id):
            managers += seats
        else:
            ics += seats
    bosses = {r.reports_to for r in ctx.rec.roles}
    rec_managers = sum(
        r.count for r in ctx.rec.roles if r.reports_to is not None and r.id in bosses
    )
    rec_ics = sum(r.count for r in ctx.rec.roles if r.reports_to is not None and r.id not in bosses)
    chart = managers / ics if ics else None
    planned = rec_managers / rec_ics if rec_ics else None
    return managers, ics, chart, planned


def check(ctx: Context) -> Iterator[Finding]:
    managers, ics, chart, planned = ratios(ctx)
    if chart is None or planned is None or managers + ics < MIN_SEATS or chart <= planned:
        return
    if chart <= FLOOR:
        return
    severity: Severity = "warning" if chart > planned * 1.5 else "info"
    yield Finding(
        KIND,
        severity,
        "org",
        "org",
        f"{managers} managers for {ics} individual contributors: {number(round(chart, 2))} "
        f"managers per IC, where the recommendation has {number(round(planned, 2))}",
    )
