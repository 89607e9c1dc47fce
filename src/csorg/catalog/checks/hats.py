"""Hats (the budget policy): the root ``ceo`` is never combined away, and no role is combined
into itself."""

from __future__ import annotations

from csorg.catalog.checks.context import Context
from csorg.catalog.schema import ROOT_ROLE

ID = "hats"


def check(ctx: Context) -> None:
    for index, hat in enumerate(ctx.catalog.hats):
        key = str(index)
        if ("hats", key) not in ctx.origins:
            continue
        if hat.role == ROOT_ROLE:
            ctx.problem("hats", key, ("role",), "the root cannot be combined away")
        for i, into in enumerate(hat.into):
            if into == hat.role:
                ctx.problem("hats", key, ("into", i), "a role cannot be combined into itself")
