"""Rules: each adds or removes at least one role, and none removes the root ``ceo``."""

from __future__ import annotations

from csorg.catalog.checks.context import Context
from csorg.catalog.schema import ROOT_ROLE

ID = "rules"


def check(ctx: Context) -> None:
    for rule in ctx.catalog.rules.values():
        for i, role_id in enumerate(rule.remove):
            if role_id == ROOT_ROLE:
                ctx.problem("rules", rule.id, ("remove", i), "the root cannot be removed")
        if not rule.add and not rule.remove:
            ctx.problem("rules", rule.id, (), "a rule must add or remove at least one role")
