"""Regions compared with the recommendation (needs ``--regions``): who serves which region.

* **warning**: a region with fewer staff of a coverage role (in FTE) than the recommendation
  puts there: under-covered, with the people who serve it;
* **info**: a region with more than 1.5 times the recommended seats (over-covered); people
  who serve no region of the recommendation; a regional manager whose team serves several
  regions; without ``--regions``, a chart whose people serve several regions.

A person's region is their region column, else the region their title names ("CSM (EMEA)",
"Digital CSM (APAC)"), else where their location is ("London, UK").
"""

from __future__ import annotations

from collections.abc import Iterator

from csorg.audit.context import Context, Finding
from csorg.audit.placement import compare, wanted, where

KIND = "region-coverage"


def check(ctx: Context) -> Iterator[Finding]:
    yield from compare(ctx, "region", KIND)
    if wanted(ctx, "region"):
        yield from _mixed_teams(ctx)


def _mixed_teams(ctx: Context) -> Iterator[Finding]:
    """Managers of a regional role whose reports serve several regions."""
    for manager_id in ctx.facts.order:
        role_id = ctx.readings[manager_id].role
        reports = ctx.chart.reports.get(manager_id)
        if role_id is None or not reports or ctx.catalog.roles[role_id].scope == "global":
            continue
        by_region: dict[str, list[str]] = {}
        for report in reports:
            here = where(ctx, "region", report)
            if here is not None and ctx.readings[report].in_cs:
                by_region.setdefault(here, []).append(report)
        if len(by_region) < 2:
            continue
        manager = ctx.chart.by_id[manager_id]
        parts = sorted(by_region.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        main, *others = parts
        rest = "; ".join(f"{region}: {ctx.names(people)}" for region, people in others)
        yield ctx.about(
            KIND,
            "info",
            manager,
            f"{ctx.who(manager)} leads a team that serves {len(parts)} regions: {main[0]} "
            f"({len(main[1])}) and {rest}",
            tuple(r for _, people in others for r in people),
        )
