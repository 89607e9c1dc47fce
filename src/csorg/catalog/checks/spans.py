"""Spans of control: a role that other roles list as a manager has a ``span``; no span is
above the hard cap (:data:`~csorg.catalog.schema.MAX_SPAN`); a ``min_span`` comes with a
``span`` and is at most that span."""

from __future__ import annotations

from csorg.catalog.checks.context import Context
from csorg.catalog.schema import MAX_SPAN, Role

ID = "spans"


def check(ctx: Context) -> None:
    roles = ctx.catalog.roles
    # manager id -> the first role naming it, and where
    named: dict[str, tuple[str, int]] = {}
    for role in roles.values():
        for i, manager_id in enumerate(role.reports_to):
            named.setdefault(manager_id, (role.id, i))
    for role in roles.values():
        _manager_span(ctx, role, named.get(role.id))
        if role.span is not None and role.span.value > MAX_SPAN:
            ctx.problem(
                "roles",
                role.id,
                ("span", "value"),
                f"a span above {MAX_SPAN} direct reports is not allowed (got {role.span.value})",
            )
        _min_span(ctx, role)


def _manager_span(ctx: Context, role: Role, named_by: tuple[str, int] | None) -> None:
    """A manager needs a span. The problem goes to the later layer: a custom role naming a
    shipped role without a span is told to pick another manager."""
    if named_by is None or role.span is not None:
        return
    rid = role.id
    other, index = named_by
    if ctx.layer("roles", other) > ctx.layer("roles", rid):
        ctx.problem(
            "roles",
            other,
            ("reports_to", index),
            f"{rid!r}{ctx.elsewhere('roles', rid, 'roles', other)} has no span, so it "
            "cannot be a manager; name another manager or give it a span",
        )
    else:
        ctx.problem(
            "roles", rid, ("span",), "roles list this role as a manager, so it needs a span"
        )


def _min_span(ctx: Context, role: Role) -> None:
    if role.min_span is None:
        return
    if role.span is None:
        ctx.problem(
            "roles",
            role.id,
            ("min_span",),
            "a min_span needs a span: the most direct reports one seat can have",
        )
    elif role.min_span.value > role.span.value:
        ctx.problem(
            "roles",
            role.id,
            ("min_span", "value"),
            f"min_span {role.min_span.value} is more than the span of {role.span.value}; "
            "a seat could never have enough direct reports",
        )
