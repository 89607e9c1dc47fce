"""One tree: every business model, with and without its optional roles, and with the roles
its rules could add, is one tree under the ``ceo``. Each role's manager is the first of its
``reports_to`` present, as the engine picks it; a role without a span (not a leader) reports
to the CEO only when no CS leader is present.

Models that name an unknown role are left to the references check.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from csorg.catalog.checks.context import Context
from csorg.catalog.schema import ROOT_ROLE, BusinessModel, Rule

if TYPE_CHECKING:
    from csorg.catalog.yamlload import KeyPath

ID = "tree"


def check(ctx: Context) -> None:
    roles = ctx.catalog.roles
    rule_roles = _RuleRoles(ctx.catalog.rules.values())
    for model in ctx.catalog.models.values():
        if all(entry.role in roles for entry in model.roles):
            _tree(ctx, model, rule_roles.possible(model))


def _tree(ctx: Context, model: BusinessModel, extra: set[str]) -> None:
    """``extra`` are the roles rules could add."""
    roles = ctx.catalog.roles
    index = {e.role: i for i, e in enumerate(model.roles)}
    full = set(index) | {r for r in extra if r in roles}
    required = {e.role for e in model.roles if not e.optional}
    for present in (full, required):
        ids = {ROOT_ROLE, *present}
        leaders = sorted(r for r in ids if r != ROOT_ROLE and roles[r].span is not None)
        for role_id in sorted(ids - {ROOT_ROLE}):
            role = roles[role_id]
            manager = next((m for m in role.reports_to if m in ids), None)
            at = index.get(role_id)
            where: KeyPath = ("roles", at, "role") if at is not None else ("roles",)
            if manager is None:
                ctx.problem(
                    "models",
                    model.id,
                    where,
                    f"{role_id!r} has no manager in this model: none of its reports_to "
                    f"({', '.join(role.reports_to) or 'none'}) is present"
                    f"{ctx.elsewhere('roles', role_id, 'models', model.id)}, so the org "
                    "is not one tree "
                    "under the `ceo`",
                )
            elif manager == ROOT_ROLE and role.span is None and leaders:
                ctx.problem(
                    "models",
                    model.id,
                    where,
                    f"{role_id!r} would report straight to the CEO although "
                    f"{leaders[0]!r} leads CS; add a leader to its reports_to",
                )
        if required == full:
            break


class _RuleRoles:
    """The roles rules could add to each model, indexed once (conditions on inputs other
    than the model and the stage are ignored)."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.for_model: dict[str, list[Rule]] = {}
        self.for_stage: dict[str, set[str]] = {}
        self.always: set[str] = set()
        self.any_stage: set[str] = set()  # roles of every rule not tied to a model
        for rule in rules:
            added = {e.role for e in rule.add if e.role not in rule.remove}
            when = rule.when
            if when.model is not None:
                for model_id in when.model:
                    self.for_model.setdefault(model_id, []).append(rule)
                continue
            self.any_stage |= added
            if when.stage is None:
                self.always |= added
            else:
                for stage in when.stage:
                    self.for_stage.setdefault(stage, set()).update(added)

    def possible(self, model: BusinessModel) -> set[str]:
        stages = model.match.stage if model.match is not None else None
        if stages is None:
            out = set(self.any_stage)
        else:
            out = set(self.always)
            for stage in stages:
                out |= self.for_stage.get(stage, set())
        for rule in self.for_model.get(model.id, ()):
            when = rule.when
            if stages is not None and when.stage is not None and not set(when.stage) & set(stages):
                continue
            out.update(e.role for e in rule.add if e.role not in rule.remove)
        return out
