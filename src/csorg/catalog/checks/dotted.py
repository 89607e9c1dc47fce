"""Dotted lines: each ``dotted_lines[].to`` lists roles other than the role itself, once
each, that rank above the role or beside it (a level no larger than the role's). A dotted
line is someone the role works for day to day: a peer's lead can be one, a junior cannot.
Its ids and sources are checked with every other reference."""

from __future__ import annotations

from csorg.catalog.checks.context import Context
from csorg.catalog.schema import Role

ID = "dotted"


def check(ctx: Context) -> None:
    for role in ctx.catalog.roles.values():
        for i, line in enumerate(role.dotted_lines):
            seen: set[str] = set()
            for j, target_id in enumerate(line.to):
                where = ("dotted_lines", i, "to", j)
                if target_id in seen:
                    ctx.problem("roles", role.id, where, f"{target_id!r} is listed twice")
                seen.add(target_id)
                if target_id == role.id:
                    ctx.problem(
                        "roles", role.id, where, "a role cannot have a dotted line to itself"
                    )
                    continue
                _rank(ctx, role, target_id, where)


def _rank(ctx: Context, role: Role, target_id: str, where: tuple[str, int, str, int]) -> None:
    target = ctx.catalog.roles.get(target_id)
    if target is None or target.level <= role.level:  # unknown: the references check
        return
    ctx.problem(
        "roles",
        role.id,
        where,
        f"a dotted-line manager must rank above the role or beside it (a smaller or equal "
        f"level): {target_id!r} has level {target.level}, this role {role.level}, so this "
        "would point downwards",
    )
