"""Step 1: the structure. Which business model, which roles, and who reports to whom.

The model is ``--model`` or the one whose ``match`` fits the stage, touch and ``--plg``. Its
roles (optional ones unless ``--no-optional``) are joined by what applicable rules add and
less what they remove; rules on seat counts see the counts of the previous round. Each role's
manager is the first of its preferred managers present, which makes one tree under the CEO
(the catalog checks that managers always rank higher).

Nothing here names a role: all of it is driven by the catalog.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from csorg.catalog.schema import ROOT_ROLE, BusinessModel, Catalog, Condition, Match, Role
from csorg.engine.inputs import Inputs
from csorg.errors import CsorgError
from csorg.text import short_source


def match_fits(match: Match, stage: str, touch: str, plg: bool) -> bool:
    return (
        (match.stage is None or stage in match.stage)
        and (match.touch is None or touch in match.touch)
        and (match.plg is None or match.plg == plg)
    )


def choose_model(catalog: Catalog, inputs: Inputs) -> BusinessModel:
    if inputs.model is not None:
        return catalog.models[inputs.model]
    for model in catalog.models.values():
        if model.match is not None and match_fits(
            model.match, inputs.stage, inputs.touch, inputs.plg
        ):
            return model
    plg = " --plg" if inputs.plg else ""
    raise CsorgError(
        f"no business model in the catalog matches --stage {inputs.stage} --touch {inputs.touch}"
        f"{plg}; choose one with --model (see `csorg models`)"
    )


def condition_holds(
    condition: Condition,
    inputs: Inputs,
    model_id: str,
    counts: Mapping[str, int] | None,
    tier_accounts: Mapping[str, float] | None = None,
) -> bool:
    """Whether a rule applies; count conditions wait for the first sizing (``counts``), tier
    conditions for a sized book (``tier_accounts``)."""
    c = condition
    if c.stage is not None and inputs.stage not in c.stage:
        return False
    if c.touch is not None and inputs.touch not in c.touch:
        return False
    if c.plg is not None and c.plg != inputs.plg:
        return False
    if c.model is not None and model_id not in c.model:
        return False
    if c.traits is not None and not set(c.traits) <= set(inputs.traits):
        return False
    if c.min_customers is not None and (inputs.customers or 0) < c.min_customers.value:
        return False
    if c.min_regions is not None and len(inputs.regions) < c.min_regions.value:
        return False
    if c.min_tier_accounts is not None and (
        tier_accounts is None
        or tier_accounts.get(c.min_tier_accounts.tier, 0.0) < c.min_tier_accounts.at_least.value
    ):
        return False
    return c.min_count is None or (
        counts is not None and counts.get(c.min_count.role, 0) >= c.min_count.at_least.value
    )


@dataclass
class Member:
    """A role in the structure, with why it is there."""

    role: Role
    optional: bool = False
    reasons: list[str] = field(default_factory=list)
    from_start: bool = False  # staffed from the start whatever its threshold


@dataclass(frozen=True)
class Structure:
    model: BusinessModel
    members: dict[str, Member]  # in catalog order, the CEO included
    parent: dict[str, str | None]  # each role's manager role (the role tree)
    applied: tuple[str, ...]  # ids of the rules that applied
    removed: dict[str, str]  # role -> the rule that took it out

    def children(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for role_id, manager in self.parent.items():
            if manager is not None:
                out.setdefault(manager, []).append(role_id)
        return out

    def ancestors(self, role_id: str) -> list[str]:
        """The role's managers up the tree, nearest first (the CEO last)."""
        chain: list[str] = []
        current = self.parent.get(role_id)
        while current is not None:
            chain.append(current)
            current = self.parent.get(current)
        return chain


def build_structure(
    catalog: Catalog,
    model: BusinessModel,
    inputs: Inputs,
    counts: Mapping[str, int] | None = None,
    inserted: Mapping[str, str] | None = None,
    left_out: Iterable[str] = (),
    tier_accounts: Mapping[str, float] | None = None,
) -> Structure:
    """The roles of ``model`` for ``inputs``, plus layers ``inserted`` for span of control
    (role -> reason), less the roles ``left_out`` (combined into others by a budget)."""
    members: dict[str, Member] = {}
    cited = ", ".join(short_source(catalog, s) for s in model.sources)
    for entry in model.roles:
        if entry.optional and not inputs.optional:
            continue
        reasons = [
            f"part of the {model.name} structure ({cited})"
            + (" as an optional role" if entry.optional else "")
        ]
        if entry.why:
            reasons.append(entry.why)
        members[entry.role] = Member(
            catalog.roles[entry.role], entry.optional, reasons, entry.from_start
        )
    structural = set(members)
    applied: list[str] = []
    removed: dict[str, str] = {}
    for rule in catalog.rules.values():
        if not condition_holds(rule.when, inputs, model.id, counts, tier_accounts):
            continue
        applied.append(rule.id)
        sources = ", ".join(short_source(catalog, s) for s in rule.sources)
        because = rule.why + (f" ({sources})" if sources else "")
        for entry in rule.add:
            if entry.optional and not inputs.optional:
                continue
            member = members.get(entry.role)
            if member is None:
                member = members[entry.role] = Member(catalog.roles[entry.role], entry.optional)
            elif entry.role in structural:
                member.from_start = member.from_start or entry.from_start
                continue  # already part of the structure: the rule adds nothing
            else:
                member.optional = member.optional and entry.optional
            member.from_start = member.from_start or entry.from_start
            member.reasons.append(f"rule {rule.id}: {because}")
            if entry.why:
                member.reasons.append(entry.why)
        for role_id in rule.remove:
            removed[role_id] = f"rule {rule.id}: {because}"
    for role_id in removed:
        members.pop(role_id, None)
    for role_id, reason in (inserted or {}).items():
        if role_id not in members:
            members[role_id] = Member(catalog.roles[role_id], False, [reason])
    for role_id in left_out:
        if role_id != ROOT_ROLE:
            members.pop(role_id, None)
    if ROOT_ROLE not in members:
        members[ROOT_ROLE] = Member(
            catalog.roles[ROOT_ROLE], False, ["the root of every org chart"]
        )
    ordered = {r: members[r] for r in catalog.roles if r in members}
    return Structure(model, ordered, role_tree(catalog, ordered), tuple(applied), removed)


def role_tree(catalog: Catalog, present: Iterable[str]) -> dict[str, str | None]:
    """Each role's manager: the first of its preferred managers present."""
    ids = set(present)
    out: dict[str, str | None] = {}
    for role_id in ids:
        role = catalog.roles[role_id]
        if not role.reports_to:
            out[role_id] = None
            continue
        manager = next((m for m in role.reports_to if m in ids), None)
        if manager is None:
            raise CsorgError(
                f"{role.title} ({role_id}) has no manager in this org: none of "
                f"{', '.join(role.reports_to)} is present; add one to its reports_to in the catalog"
            )
        out[role_id] = manager
    return out


def tree_order(catalog: Catalog, parent: Mapping[str, str | None]) -> list[str]:
    """Roles in tree order: a manager before its reports, siblings in catalog order."""
    position = catalog.role_order()
    children: dict[str | None, list[str]] = {}
    for role_id, manager in parent.items():
        children.setdefault(manager, []).append(role_id)
    for kids in children.values():
        kids.sort(key=position.__getitem__)
    out: list[str] = []
    stack = list(reversed(children.get(None, [])))
    while stack:
        role_id = stack.pop()
        out.append(role_id)
        stack.extend(reversed(children.get(role_id, [])))
    return out
