"""A role of the recommendation nobody holds.

* **warning**: nobody holds it, not even an open seat;
* **info**: the role is optional in the structure, or only open seats or contractors hold it
  (planned, or bought in).
"""

from __future__ import annotations

from collections.abc import Iterator

from csorg.audit.context import Context, Finding
from csorg.catalog.schema import ROOT_ROLE

KIND = "missing-role"


def check(ctx: Context) -> Iterator[Finding]:
    model = ctx.rec.model_name
    for entry in ctx.rec.roles:
        if entry.id == ROOT_ROLE:
            continue
        tally = ctx.facts.tallies.get(entry.id)
        if tally is not None and tally.employees:
            continue
        role = ctx.catalog.roles[entry.id]
        when = " ".join(role.when_to_add.split())
        optional = " as an optional role" if entry.optional else ""
        if tally is None:
            yield ctx.about_role(
                KIND,
                "info" if entry.optional else "warning",
                entry.id,
                f"no one holds the {role.title} role, which the {model} structure has{optional} "
                f"({entry.count} recommended); when to add: {when}",
            )
            continue
        held = []
        if tally.open:
            held.append(f"{tally.open} open seat{'s' if tally.open > 1 else ''}")
        if tally.contractors:
            held.append(f"{tally.contractors} contractor{'s' if tally.contractors > 1 else ''}")
        yield ctx.about_role(
            KIND,
            "info",
            entry.id,
            f"no one on staff holds the {role.title} role ({entry.count} recommended), only "
            f"{' and '.join(held)}: {ctx.names(tally.people)}",
            tuple(tally.people),
        )
