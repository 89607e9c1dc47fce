"""More management layers between the CEO and a front-line role than the recommendation has.

* **warning**: someone of a coverage role (CSMs, digital success, support) sits deeper below
  the CEO than the recommendation puts the role, named with the chain above them.

A chart whose top is not the CEO (a CS org starting at its VP) is counted under an implied
CEO.
"""

from __future__ import annotations

from collections.abc import Iterator

from csorg.audit.context import Context, Finding
from csorg.text import plural

KIND = "layers"
MAX_CHAIN = 8  # titles shown in a chain; longer chains are shortened in the middle


def recommended_depths(ctx: Context) -> dict[str, int]:
    depth: dict[str, int] = {}
    for entry in ctx.rec.roles:  # tree order: managers first
        depth[entry.id] = 0 if entry.reports_to is None else depth.get(entry.reports_to, 0) + 1
    return depth


def check(ctx: Context) -> Iterator[Finding]:
    planned = recommended_depths(ctx)
    for role_id, tally in ctx.facts.tallies.items():
        role = ctx.catalog.roles[role_id]
        if role.headcount.basis != "coverage" or role_id not in planned:
            continue
        depths = {p: ctx.facts.depth[p] for p in tally.people}
        deepest = max(depths.values())
        if deepest > planned[role_id]:
            deep = [p for p in tally.people if depths[p] == deepest]
            yield ctx.about_role(
                KIND,
                "warning",
                role_id,
                f"{ctx.names(deep)} sit{'s' if len(deep) == 1 else ''} {plural(deepest, 'layer')} "
                f"below the CEO ({chain(ctx, deep[0])}); the recommendation puts a {role.title} "
                f"{plural(planned[role_id], 'layer')} below",
                tuple(deep),
            )


def chain(ctx: Context, person_id: str) -> str:
    """The titles from the top down to a person: "CEO → VP → Team Lead → CSM"."""
    titles: list[str] = []
    current: str | None = person_id
    while current is not None:
        titles.append(ctx.chart.by_id[current].title)
        current = ctx.chart.by_id[current].reports_to
    titles.reverse()
    if len(titles) > MAX_CHAIN:
        titles = [*titles[:3], f"… {len(titles) - 6} more …", *titles[-3:]]
    return " → ".join(titles)
