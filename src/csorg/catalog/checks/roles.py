"""Reporting lines: the catalog has a ``ceo`` role at level 0 that reports to no one; every
other role lists its preferred managers (``reports_to``), each once, none of them itself, each
ranking higher (a smaller level). Managers always point upwards, so no reporting cycle can
arise."""

from __future__ import annotations

from csorg.catalog.checks.context import Context
from csorg.catalog.schema import ROOT_ROLE, Role

ID = "roles"


def check(ctx: Context) -> None:
    roles = ctx.catalog.roles
    if ROOT_ROLE not in roles and ROOT_ROLE not in ctx.broken.get("roles", ()):
        first = next((entry_id for section, entry_id in ctx.origins if section == "roles"), None)
        if first is not None:
            ctx.problem(
                "roles", first, ("id",), "the catalog has no `ceo` role, the root of every org"
            )
    for role in roles.values():
        _root_and_level(ctx, role)
        _managers(ctx, role)


def _root_and_level(ctx: Context, role: Role) -> None:
    rid = role.id
    if rid == ROOT_ROLE:
        if role.reports_to:
            ctx.problem("roles", rid, ("reports_to",), "the root `ceo` reports to no one")
        if role.level != 0:
            ctx.problem("roles", rid, ("level",), "the root `ceo` has level 0")
    else:
        if not role.reports_to:
            ctx.problem("roles", rid, ("reports_to",), "list at least one preferred manager")
        if role.level == 0:
            ctx.problem("roles", rid, ("level",), "level 0 is the root's; use 1 or more")


def _managers(ctx: Context, role: Role) -> None:
    rid = role.id
    seen: set[str] = set()
    for i, manager_id in enumerate(role.reports_to):
        where = ("reports_to", i)
        if manager_id in seen:
            ctx.problem("roles", rid, where, f"{manager_id!r} is listed twice")
        seen.add(manager_id)
        if manager_id == rid:
            ctx.problem("roles", rid, where, "a role cannot report to itself")
            continue
        manager = ctx.catalog.roles.get(manager_id)
        if manager is None:  # unknown: the references check reports it
            continue
        if manager.level >= role.level:
            ctx.problem(
                "roles",
                rid,
                where,
                f"a manager must rank higher (a smaller level): {manager_id!r} has level "
                f"{manager.level}, this role {role.level}, so this would point "
                f"{'sideways' if manager.level == role.level else 'downwards'}",
            )
