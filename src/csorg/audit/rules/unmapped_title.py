"""A title in the Customer Success org that no catalog role matches.

* **warning**: the person sits in CS (under a CS leader, above CS people, or in a CS
  department) and takes no part in the role checks until the title is mapped: with a
  ``role`` column, or a title map (``--titles``; ``--suggest-titles`` writes one to start
  from).

People outside Customer Success are reported by ``outside-cs`` instead.
"""

from __future__ import annotations

from collections.abc import Iterator

from csorg.audit.context import Context, Finding
from csorg.errors import did_you_mean

KIND = "unmapped-title"


def check(ctx: Context) -> Iterator[Finding]:
    choices = list(dict.fromkeys(r.title for r in ctx.catalog.roles.values()))
    hints: dict[str, list[str]] = {}
    for person_id in ctx.facts.order:
        reading = ctx.readings[person_id]
        if reading.role is not None or reading.title.role is not None or not reading.in_cs:
            continue
        person = ctx.chart.by_id[person_id]
        if person.title not in hints:
            hints[person.title] = did_you_mean(person.title, choices)
        closest = hints[person.title]
        hint = f"; closest: {', '.join(closest)}" if closest else ""
        yield ctx.about(
            KIND,
            "warning",
            person,
            f"title {person.title!r} matches no catalog role{hint}; map it in a title map "
            "(--titles; --suggest-titles starts one) or give the role id in a role column",
        )
