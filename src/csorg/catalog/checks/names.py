"""Names: an id, title or alias names one role, compared without case or punctuation (so
``csorg explain`` and ``audit`` never depend on which role comes first). A close title (a
title that often names another job) belongs to one role, is listed once, and is no role's
id, title or alias: those are read as the role outright.

When the two names come from different catalog layers, the problem is reported at the later
one: the file being edited.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from csorg.catalog.checks.context import Context
from csorg.catalog.lookup import normal_title

if TYPE_CHECKING:
    from csorg.catalog.yamlload import KeyPath

ID = "names"

# normalised name -> (role id, where the role gives it)
Names = dict[str, tuple[str, "KeyPath"]]


def check(ctx: Context) -> None:
    names: Names = {}
    for role in ctx.catalog.roles.values():
        given: list[tuple[str, KeyPath]] = [(role.id, ("id",)), (role.title, ("title",))]
        given += [(alias, ("aliases", i)) for i, alias in enumerate(role.aliases)]
        for name, where in given:
            owner, owner_where = names.setdefault(normal_title(name), (role.id, where))
            if owner == role.id:
                continue
            if ctx.layer("roles", owner) > ctx.layer("roles", role.id):
                ctx.problem("roles", owner, owner_where, _clash(ctx, name, role.id, owner))
            else:
                ctx.problem("roles", role.id, where, _clash(ctx, name, owner, role.id))
    _close_titles(ctx, names)


def _clash(ctx: Context, name: str, other: str, here: str) -> str:
    return (
        f"{name!r} also names role {other!r}{ctx.elsewhere('roles', other, 'roles', here)}; "
        "an id, title or alias must name one role"
    )


def _close_titles(ctx: Context, names: Names) -> None:
    close: Names = {}
    for role in ctx.catalog.roles.values():
        rid = role.id
        for i, title in enumerate(role.close_titles):
            where: KeyPath = ("close_titles", i)
            key = normal_title(title)
            if key in names:
                _close_title_is_a_name(ctx, title, (rid, where), names[key])
                continue
            owner, owner_where = close.setdefault(key, (rid, where))
            if (owner, owner_where) == (rid, where):
                continue
            if owner == rid:
                ctx.problem("roles", rid, where, f"{title!r} is listed twice")
            elif ctx.layer("roles", owner) > ctx.layer("roles", rid):
                ctx.problem("roles", owner, owner_where, _shared(ctx, title, rid, owner))
            else:
                ctx.problem("roles", rid, where, _shared(ctx, title, owner, rid))


def _shared(ctx: Context, title: str, other: str, here: str) -> str:
    return (
        f"{title!r} is also a close title of role {other!r}"
        f"{ctx.elsewhere('roles', other, 'roles', here)}; a close title belongs to one role"
    )


def _close_title_is_a_name(
    ctx: Context, title: str, close: tuple[str, KeyPath], name: tuple[str, KeyPath]
) -> None:
    (rid, where), (owner, owner_where) = close, name
    if owner == rid:
        ctx.problem(
            "roles",
            rid,
            where,
            f"{title!r} is also this role's id, title or an alias; "
            "a close title is one that often names another job",
        )
    elif ctx.layer("roles", owner) > ctx.layer("roles", rid):
        ctx.problem(
            "roles",
            owner,
            owner_where,
            f"this name is a close title of role {rid!r}"
            f"{ctx.elsewhere('roles', rid, 'roles', owner)}, which csorg asks about instead "
            "of reading it as a role; an id, title or alias cannot also be a close title",
        )
    else:
        ctx.problem(
            "roles",
            rid,
            where,
            f"{title!r} names role {owner!r}{ctx.elsewhere('roles', owner, 'roles', rid)}; "
            "a close title cannot be an id, title or alias",
        )
