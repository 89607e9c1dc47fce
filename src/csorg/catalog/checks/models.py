"""Business models: each role is listed once in a model's ``roles``."""

from __future__ import annotations

from csorg.catalog.checks.context import Context

ID = "models"


def check(ctx: Context) -> None:
    for model in ctx.catalog.models.values():
        seen: set[str] = set()
        for i, entry in enumerate(model.roles):
            if entry.role in seen:
                ctx.problem(
                    "models", model.id, ("roles", i, "role"), f"{entry.role!r} is listed twice"
                )
            seen.add(entry.role)
