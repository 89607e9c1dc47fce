"""People outside Customer Success: not audited.

* **info**: one finding per person at the top of a part of the chart that is not Customer
  Success (a Chief Revenue Officer and their team, a Business Operations manager), with the
  number of people under them. Their titles may be mapped with ``--titles`` if they are CS
  after all.
"""

from __future__ import annotations

from collections.abc import Iterator

from csorg.audit.context import Context, Finding
from csorg.catalog.schema import ROOT_ROLE
from csorg.text import plural

KIND = "outside-cs"


def check(ctx: Context) -> Iterator[Finding]:
    outside = {
        pid
        for pid in ctx.facts.order
        if not ctx.readings[pid].in_cs and ctx.readings[pid].role is None
    }
    below: dict[str, int] = {}
    for person_id in reversed(ctx.facts.order):
        boss = ctx.chart.by_id[person_id].reports_to
        if person_id in outside and boss is not None:
            below[boss] = below.get(boss, 0) + below.get(person_id, 0) + 1
    for person_id in ctx.facts.order:
        if person_id not in outside:
            continue
        person = ctx.chart.by_id[person_id]
        boss = person.reports_to
        if boss is not None and boss in outside:
            continue  # named with the head of their part of the chart
        if boss is not None and ctx.readings[boss].role not in (ROOT_ROLE, None):
            continue
        team = below.get(person_id, 0)
        others = f" and the {plural(team, 'person', 'people')} under them" if team else ""
        yield ctx.about(
            KIND,
            "info",
            person,
            f"{ctx.who(person)}{others}: not read as Customer Success, so not audited; map the "
            "title with --titles if it is a CS role",
        )
