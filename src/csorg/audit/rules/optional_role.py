"""A role the chart has that the recommendation marks optional.

* **info**: the role is there; the structure would work without it.
"""

from __future__ import annotations

from collections.abc import Iterator

from csorg.audit.context import Context, Finding

KIND = "optional-role"


def check(ctx: Context) -> Iterator[Finding]:
    for entry in ctx.rec.roles:
        tally = ctx.facts.tallies.get(entry.id)
        if not entry.optional or tally is None:
            continue
        yield ctx.about_role(
            KIND,
            "info",
            entry.id,
            f"{ctx.seats(tally.seats, entry.id)}: optional in the {ctx.rec.model_name} structure",
            tuple(tally.people),
        )
