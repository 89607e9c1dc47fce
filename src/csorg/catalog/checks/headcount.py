"""Headcount bases have what they need: ``coverage`` its ``accounts_per_seat`` (or a customer
tier it serves, whose ``accounts_per_seat`` it uses), ``span`` a ``span``, and ``ratio`` a
``ratio`` of a role that is itself counted by ``one`` or ``coverage`` (so ratios never
chain)."""

from __future__ import annotations

from csorg.catalog.checks.context import Context

ID = "headcount"


def check(ctx: Context) -> None:
    roles = ctx.catalog.roles
    served = {role_id for tier in ctx.catalog.tiers.values() for role_id in tier.served_by}
    for role in roles.values():
        rid = role.id
        headcount = role.headcount
        uncovered = headcount.accounts_per_seat is None and rid not in served
        if headcount.basis == "coverage" and uncovered:
            ctx.problem(
                "roles",
                rid,
                ("headcount",),
                "basis `coverage` needs accounts_per_seat, or a tier served by this role",
            )
        if headcount.basis == "ratio":
            ratio = headcount.ratio
            per = roles.get(ratio.per) if ratio is not None else None
            if ratio is None:
                ctx.problem("roles", rid, ("headcount",), "basis `ratio` needs ratio")
            elif per is not None and per.headcount.basis not in ("one", "coverage"):
                ctx.problem(
                    "roles",
                    rid,
                    ("headcount", "ratio", "per"),
                    f"a ratio must be of a role counted by `one` or `coverage`; "
                    f"{ratio.per!r} is counted by `{per.headcount.basis}`",
                )
        if headcount.basis == "span" and role.span is None:
            ctx.problem("roles", rid, ("span",), "basis `span` needs a span")
