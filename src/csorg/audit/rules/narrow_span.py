"""A manager with fewer direct reports than the role's minimum span, named.

* **warning**: in a sized org (``--customers`` or ``--arr``), someone who leads people, but
  fewer (open seats included) than the role's ``min_span`` in the catalog; a role without a
  minimum is never narrow, a seat with no reports is not a manager, and the head of CS under
  the CEO may lead a small team as a player-coach (as the recommendation has it).

A manager of one or two is usually a layer the team is not big enough for yet: the leader
above could do the job, or the role can wait until the team grows. The recommendation sizes
the same way: without accounts it shows the structure, not a staffed org.
"""

from __future__ import annotations

from collections.abc import Iterator

from csorg.audit.context import Context, Finding
from csorg.text import cite, plural

KIND = "narrow-span"


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.rec.sized:
        return
    for person_id in ctx.facts.order:
        role_id = ctx.readings[person_id].role
        if role_id is None or not ctx.facts.team.get(person_id):
            continue
        if ctx.player_coach(ctx.chart.by_id[person_id]):
            continue
        role = ctx.catalog.roles[role_id]
        if role.min_span is None or role.span is None:
            continue
        person = ctx.chart.by_id[person_id]
        reports = ctx.facts.team.get(person_id, 0)
        each = reports / person.count
        if each >= role.min_span.value:
            continue
        boss = ctx.chart.by_id[person.reports_to] if person.reports_to else None
        above = f"; {ctx.who(boss)} could lead them directly" if boss is not None else ""
        yield ctx.about(
            KIND,
            "warning",
            person,
            f"{ctx.who(person)} has {plural(reports, 'direct report')}, under the minimum span of "
            f"{role.min_span.value} for a {role.title} ({cite(ctx.catalog, role.min_span)}){above}",
        )
