"""A role the chart has and the recommendation does not.

* **info**: staff of a role outside the recommended structure (onboarding in a company whose
  product is not marked ``--trait complex``), with the role that covers its work within a
  headcount budget, if any.
"""

from __future__ import annotations

from collections.abc import Iterator

from csorg.audit.context import Context, Finding
from csorg.catalog.schema import ROOT_ROLE

KIND = "extra-role"


def check(ctx: Context) -> Iterator[Finding]:
    recommended = ctx.recommended
    for role_id, tally in ctx.facts.tallies.items():
        if role_id == ROOT_ROLE or role_id in recommended:
            continue
        host = next((r for r in ctx.rec.roles if role_id in r.covers), None)
        message = (
            f"{ctx.seats(tally.seats, role_id)} ({ctx.names(tally.people)}), a role the "
            f"{ctx.rec.model_name} structure does not have"
        )
        if host is not None:
            message += f"; within the headcount budget the {host.title} covers it"
        yield ctx.about_role(KIND, "info", role_id, message, tuple(tally.people))
