"""The rules engine: from a catalog and inputs to a sized, explained org.

1. Choose the business model: ``--model``, else the one whose ``match`` fits the stage,
   touch and ``--plg``.
2. Collect roles: the model's (optional ones unless ``--no-optional``) plus what applicable
   rules add, minus what they remove.
3. Resolve reporting lines: each role's first preferred manager present in the org.
4. Count seats (:mod:`csorg.engine.sizing`); where a seat that must stay single would manage more
   than its span, insert the layer its reports prefer next ("span of control"); rules that
   depend on counts are applied and everything is recomputed until nothing changes.
5. Fit the headcount budget: combine roles into hats in catalog order, then cut coverage
   seats, then apply last-resort hats.

Nothing here names a role: all of it is driven by the catalog.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from csorg.catalog.schema import (
    MAX_SPAN,
    ROOT_ROLE,
    BusinessModel,
    Catalog,
    Condition,
    Match,
    Role,
)
from csorg.engine.inputs import Inputs, Request, resolve, stages_by_size
from csorg.engine.result import Budget, Recommendation, RoleEntry, SeatEntry
from csorg.engine.sizing import (
    Seat,
    Unit,
    Units,
    build_seats,
    cap_counts,
    ceil_div,
    direct_reports,
    sum_related,
)
from csorg.errors import CsorgError
from csorg.text import cite, number, plural, short_source

MAX_ROUNDS = 64
MAX_SEATS = 200_000


# -- matching -------------------------------------------------------------------------------


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
    counts: dict[str, int] | None,
) -> bool:
    """Whether a rule applies; count conditions wait for the first sizing (``counts``)."""
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
    return c.min_count is None or (
        counts is not None and counts.get(c.min_count.role, 0) >= c.min_count.at_least.value
    )


# -- the org under construction -------------------------------------------------------------


@dataclass
class Member:
    role: Role
    optional: bool = False
    reasons: list[str] = field(default_factory=list)
    covers: list[str] = field(default_factory=list)


@dataclass
class Org:
    members: dict[str, Member]
    managers: dict[str, str | None]
    counts: dict[str, dict[Unit, int]]
    order: list[str]  # tree order
    units: Units
    applied_rules: list[str]

    @property
    def seats(self) -> int:
        """Seats in the CS org (the CEO is not one of them)."""
        return sum(sum(c.values()) for r, c in self.counts.items() if r != ROOT_ROLE)

    def total(self, role_id: str) -> int:
        return sum(self.counts.get(role_id, {}).values())

    def coverage_seats(self) -> int:
        return sum(
            self.total(r) for r, m in self.members.items() if m.role.headcount.basis == "coverage"
        )


@dataclass(frozen=True)
class Plan:
    """Budget decisions the builder applies: hats taken and a cap on coverage seats."""

    hats: tuple[tuple[str, str], ...] = ()  # (role, host)
    coverage_cap: int | None = None


def resolve_managers(
    catalog: Catalog, present: Iterable[str], units: Units
) -> dict[str, str | None]:
    """Each role's manager: the first of its preferences present whose scope can hold it."""
    ids = set(present)
    out: dict[str, str | None] = {}
    for role_id in ids:
        role = catalog.roles[role_id]
        if not role.reports_to:
            out[role_id] = None
            continue
        manager = next(
            (
                m
                for m in role.reports_to
                if m in ids and units.can_report(role.scope, catalog.roles[m].scope)
            ),
            None,
        )
        if manager is None:
            raise CsorgError(
                f"{role.title} ({role_id}) has no manager in this org: none of "
                f"{', '.join(role.reports_to)} is present; add one to its reports_to in the catalog"
            )
        out[role_id] = manager
    return out


def tree_order(catalog: Catalog, managers: dict[str, str | None]) -> list[str]:
    position = catalog.role_order()
    children: dict[str | None, list[str]] = {}
    for role_id, manager in managers.items():
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


class Builder:
    """Builds the org for one model and inputs under a budget :class:`Plan`."""

    def __init__(self, catalog: Catalog, model: BusinessModel, inputs: Inputs) -> None:
        self.catalog = catalog
        self.model = model
        self.inputs = inputs
        self.units = Units.of(inputs.regions, inputs.segments)
        self.shares = {a.role: a.share for a in model.accounts}

    # roles --------------------------------------------------------------------------------

    def members(
        self, counts: dict[str, int] | None, inserted: dict[str, str], plan: Plan
    ) -> tuple[dict[str, Member], list[str]]:
        catalog, model = self.catalog, self.model
        found: dict[str, Member] = {}
        structure = f"part of the {model.name} structure"
        cited = ", ".join(short_source(catalog, s) for s in model.sources)
        for entry in model.roles:
            if entry.optional and not self.inputs.optional:
                continue
            reasons = [
                f"{structure} ({cited})" + (" as an optional role" if entry.optional else "")
            ]
            if entry.why:
                reasons.append(entry.why)
            found[entry.role] = Member(catalog.roles[entry.role], entry.optional, reasons)
        structural = set(found)
        applied: list[str] = []
        removed: dict[str, str] = {}
        for rule in catalog.rules.values():
            if not condition_holds(rule.when, self.inputs, model.id, counts):
                continue
            applied.append(rule.id)
            sources = ", ".join(short_source(catalog, s) for s in rule.sources)
            because = rule.why + (f" ({sources})" if sources else "")
            for entry in rule.add:
                if entry.optional and not self.inputs.optional:
                    continue
                member = found.get(entry.role)
                if member is None:
                    member = found[entry.role] = Member(catalog.roles[entry.role], entry.optional)
                elif entry.role in structural:
                    continue  # already part of the structure: the rule adds nothing
                else:
                    member.optional = member.optional and entry.optional
                member.reasons.append(f"rule {rule.id}: {because}")
                if entry.why:
                    member.reasons.append(entry.why)
            for role_id in rule.remove:
                removed[role_id] = f"rule {rule.id}: {because}"
        for role_id in removed:
            found.pop(role_id, None)
        for role_id, reason in inserted.items():
            if role_id not in found:
                found[role_id] = Member(catalog.roles[role_id], False, [reason])
        if ROOT_ROLE not in found:
            found[ROOT_ROLE] = Member(
                catalog.roles[ROOT_ROLE], False, ["the root of every org chart"]
            )
        hatted = dict(plan.hats)
        for role_id in hatted:
            found.pop(role_id, None)
        for role_id in hatted:
            host = self.host(role_id, hatted, found)
            if host is not None:
                found[host].covers.append(role_id)
        for member in found.values():
            member.covers.sort(key=self.catalog.role_order().__getitem__)
        ordered = {r: found[r] for r in catalog.roles if r in found}
        return ordered, applied

    def host(self, role_id: str, hatted: dict[str, str], present: dict[str, Member]) -> str | None:
        """Which present seat carries a combined role (following hats of hats)."""
        seen = set()
        current = role_id
        while current in hatted and current not in seen:
            seen.add(current)
            current = hatted[current]
        return current if current in present else None

    # counts -------------------------------------------------------------------------------

    def share(self, role_id: str, members: dict[str, Member]) -> float:
        """The fraction of accounts a coverage role looks after.

        Shares are the model's, renormalised over the listed roles present (a role left out,
        say with --no-optional, hands its accounts to the others); a role combined into
        another brings its share along. Roles the model does not list serve every account.
        """
        if role_id not in self.shares:
            return 1.0
        carried = {
            r: self.shares[r].value
            + sum(self.shares[c].value for c in m.covers if c in self.shares)
            for r, m in members.items()
            if r in self.shares
        }
        total = sum(carried.values())
        return carried[role_id] / total if total else 1.0

    def base_counts(self, members: dict[str, Member]) -> dict[str, dict[Unit, int]]:
        units, inputs = self.units, self.inputs
        counts: dict[str, dict[Unit, int]] = {}
        for role_id, member in members.items():
            role = member.role
            basis = role.headcount.basis
            if basis == "coverage" and inputs.customers is not None:
                coverage = role.headcount.accounts_per_seat
                assert coverage is not None  # checked when the catalog loaded
                per_seat = getattr(coverage, inputs.touch).value
                share = self.share(role_id, members)
                accounts = units.accounts(inputs.customers, role.scope)
                counts[role_id] = {
                    u: max(1, math.ceil(n * share / per_seat - 1e-9)) for u, n in accounts.items()
                }
            elif basis != "ratio":
                counts[role_id] = dict.fromkeys(units.of_scope(role.scope), 1)
        for role_id, member in members.items():
            ratio = member.role.headcount.ratio
            if member.role.headcount.basis != "ratio" or ratio is None:
                continue
            basis_counts = counts.get(ratio.per)
            counts[role_id] = {
                u: max(1, ceil_div(sum_related(basis_counts, u), ratio.every.value))
                if basis_counts
                else 1
                for u in units.of_scope(member.role.scope)
            }
        return counts

    def cap_coverage(
        self, members: dict[str, Member], counts: dict[str, dict[Unit, int]], cap: int
    ) -> None:
        cells = [
            (r, u)
            for r, m in members.items()
            if m.role.headcount.basis == "coverage"
            for u in counts[r]
        ]
        capped = cap_counts([counts[r][u] for r, u in cells], cap)
        for (r, u), n in zip(cells, capped, strict=True):
            counts[r][u] = n

    def apply_spans(
        self,
        members: dict[str, Member],
        managers: dict[str, str | None],
        counts: dict[str, dict[Unit, int]],
        excluded: set[str],
    ) -> tuple[str, Unit, int, str | None] | None:
        """Keep every seat within its span, deepest managers first.

        Where a manager's reports exceed its span, a layer the reports prefer (between them
        and the manager) is inserted if the catalog has one; otherwise the manager's seats
        grow, unless it is a single seat (``basis: one``), which is an overflow. Returns the
        first insertion or overflow as (manager, unit, reports, layer or None).
        """
        reports: dict[str, list[str]] = {}
        for role_id, manager in managers.items():
            if manager is not None:
                reports.setdefault(manager, []).append(role_id)
        by_depth = sorted(
            reports, key=lambda r: (-members[r].role.level, self.catalog.role_order()[r])
        )
        for manager_id in by_depth:
            role = members[manager_id].role
            span = min(role.span.value if role.span else MAX_SPAN, MAX_SPAN)
            for unit in counts[manager_id]:
                n = direct_reports(
                    manager_id, unit, reports[manager_id], self.catalog.roles, counts, self.units
                )
                need = ceil_div(n, span)
                if need <= counts[manager_id][unit]:
                    continue
                layer = self.layer_for(manager_id, unit, members, managers, counts, excluded)
                if layer is not None or role.headcount.basis == "one":
                    return manager_id, unit, n, layer
                counts[manager_id][unit] = need
        return None

    def layer_for(
        self,
        manager_id: str,
        unit: Unit,
        members: dict[str, Member],
        managers: dict[str, str | None],
        counts: dict[str, dict[Unit, int]],
        excluded: set[str],
    ) -> str | None:
        """The role to insert under an overflowing single seat, from its reports' preferences."""
        manager = self.catalog.roles[manager_id]
        scope = manager.scope
        reports = [r for r, m in managers.items() if m == manager_id]
        reports.sort(
            key=lambda r: (
                -sum(n for u, n in counts[r].items() if self.units.container(u, scope) == unit),
                self.catalog.role_order()[r],
            )
        )
        for report_id in reports:
            report = self.catalog.roles[report_id]
            for candidate in report.reports_to:
                if candidate == manager_id:
                    break
                role = self.catalog.roles[candidate]
                if (
                    candidate not in members
                    and candidate not in excluded
                    and manager.level < role.level < report.level
                    and self.units.can_report(report.scope, role.scope)
                ):
                    return candidate
        return None

    def build(self, plan: Plan) -> Org:
        inserted: dict[str, str] = {}
        counts_seen: dict[str, int] | None = None
        previous: tuple[str, ...] | None = None
        excluded = {role for role, _ in plan.hats}
        for _ in range(MAX_ROUNDS):
            members, applied = self.members(counts_seen, inserted, plan)
            managers = resolve_managers(self.catalog, members, self.units)
            counts = self.base_counts(members)
            if plan.coverage_cap is not None:
                self.cap_coverage(members, counts, plan.coverage_cap)
            overflow = self.apply_spans(members, managers, counts, excluded)
            layer = overflow[3] if overflow is not None else None
            if overflow is not None and layer is not None:
                manager_id, _, n, _ = overflow
                manager = self.catalog.roles[manager_id]
                span = manager.span
                source = f" ({cite(self.catalog, span)})" if span else ""
                inserted[layer] = (
                    f"span of control: {manager.title} would have {n} direct reports, above its "
                    f"span of {span.value if span else MAX_SPAN}{source}; this layer takes them"
                )
                continue
            totals = {r: sum(c.values()) for r, c in counts.items()}
            if sum(totals.values()) > MAX_SEATS:
                raise CsorgError(
                    f"the org would have more than {MAX_SEATS:,} seats; ask for fewer customers"
                )
            key = tuple(members)
            if key != previous:
                # rules that depend on counts see these counts in the next round (they may,
                # for example, replace a single seat that overflows with one that can grow)
                previous = key
                counts_seen = totals
                continue
            if overflow is not None:
                manager_id, _, n, _ = overflow
                manager = self.catalog.roles[manager_id]
                size = (
                    f"at {self.inputs.customers:,} accounts "
                    if self.inputs.customers is not None
                    else ""
                )
                raise CsorgError(
                    f"{size}the {self.model.name} structure outgrows its management layers: "
                    f"{manager.title} would manage {n} direct reports, above its span of "
                    f"{manager.span.value if manager.span else MAX_SPAN}, and the catalog has no "
                    "layer to put between them. Bases this large are usually served digitally "
                    "(try --stage enterprise or --touch low), or add a layer to the catalog"
                )
            order = tree_order(self.catalog, managers)
            return Org(members, managers, counts, order, self.units, applied)
        raise CsorgError(
            "the catalog's rules do not settle: adding and removing roles keeps changing the org"
        )


# -- budget ---------------------------------------------------------------------------------


def fit_budget(builder: Builder, headcount: int) -> tuple[Org, Plan, int]:
    """The largest org within ``headcount`` seats, and the plan that gets there."""
    ideal = builder.build(Plan())
    need = ideal.seats
    if need <= headcount:
        return ideal, Plan(), need
    plan = Plan()
    org = ideal

    def try_hats(last_resort: bool, org: Org, plan: Plan) -> tuple[Org, Plan]:
        for hat in builder.catalog.hats:
            if org.seats <= headcount:
                break
            if (
                hat.last_resort != last_resort
                or hat.role not in org.members
                or hat.role == ROOT_ROLE
            ):
                continue
            host = next((h for h in hat.into if h in org.members), None)
            if host is None:
                continue
            candidate = Plan((*plan.hats, (hat.role, host)), plan.coverage_cap)
            try:
                tried = builder.build(candidate)
            except CsorgError:
                continue  # the hat would leave a span impossible to keep
            if tried.seats < org.seats:
                org, plan = tried, candidate
        return org, plan

    org, plan = try_hats(False, org, plan)
    if org.seats > headcount:
        minimum = sum(
            len(org.counts[r])
            for r, m in org.members.items()
            if m.role.headcount.basis == "coverage"
        )
        low, high = minimum, org.coverage_seats()
        best: tuple[Org, Plan] | None = None
        while low <= high:
            middle = (low + high) // 2
            candidate = Plan(plan.hats, middle)
            tried = builder.build(candidate)
            if tried.seats <= headcount:
                best = (tried, candidate)
                low = middle + 1
            else:
                high = middle - 1
        if best is not None:
            org, plan = best
        else:
            # Even one coverage seat per pod is too many: with fewer CSMs, hats that saved
            # nothing before may save seats now; then the last-resort hats.
            plan = Plan(plan.hats, minimum)
            org = builder.build(plan)
            org, plan = try_hats(False, org, plan)
            org, plan = try_hats(True, org, plan)
    if org.seats > headcount:
        raise CsorgError(
            f"a headcount of {headcount} cannot hold this structure: even with every role "
            f"combined as far as the catalog allows it needs {org.seats} seats"
            + (f" ({len(builder.inputs.regions)} regions)" if builder.inputs.regions else "")
        )
    return org, plan, need


# -- the whole recommendation ---------------------------------------------------------------


def recommend(catalog: Catalog, request: Request) -> Recommendation:
    inputs = resolve(catalog, request)
    model = choose_model(catalog, inputs)
    builder = Builder(catalog, model, inputs)
    warnings: list[str] = []
    notes: list[str] = []
    budget: Budget | None = None
    if inputs.headcount is not None:
        org, plan, need = fit_budget(builder, inputs.headcount)
        budget = _budget(catalog, builder, org, plan, need, inputs, warnings, notes)
    else:
        org, plan = builder.build(Plan()), Plan()
    if inputs.stage_inferred:
        stage = catalog.stages[inputs.stage]
        notes.append(f"stage inferred from {inputs.employees:,} employees: {stage.name}")
    _sanity_warnings(catalog, builder, org, plan, inputs, warnings)
    roles = _entries(catalog, builder, org, plan)
    seats = _seats(catalog, org) if inputs.seats else None
    return Recommendation(
        model_id=model.id,
        model_name=model.name,
        inputs=inputs,
        roles=tuple(roles),
        warnings=tuple(warnings),
        notes=tuple(notes),
        budget=budget,
        seats=seats,
    )


def dotted_managers(
    catalog: Catalog, managers: dict[str, str | None]
) -> dict[str, tuple[str, ...]]:
    """Each role's dotted-line managers: per dotted line, the first role present that is
    neither the role itself nor its manager."""
    out: dict[str, tuple[str, ...]] = {}
    for role_id, manager in managers.items():
        found: list[str] = []
        for line in catalog.roles[role_id].dotted_lines:
            target = next(
                (t for t in line.to if t in managers and t not in (role_id, manager)), None
            )
            if target is not None and target not in found:
                found.append(target)
        out[role_id] = tuple(found)
    return out


def _entries(catalog: Catalog, builder: Builder, org: Org, plan: Plan) -> list[RoleEntry]:
    entries: list[RoleEntry] = []
    dotted = dotted_managers(catalog, org.managers)
    for role_id in org.order:
        member = org.members[role_id]
        role = member.role
        count = org.total(role_id)
        reasons = list(member.reasons)
        reasons.extend(_count_reasons(catalog, builder, org, role_id, plan))
        if member.covers:
            titles = ", ".join(catalog.roles[c].title for c in member.covers)
            reasons.append(
                f"also covers {titles}: the headcount budget combines them into this seat"
            )
        pods = None
        if any(region or segment for region, segment in org.counts[role_id]):
            pods = tuple((unit[0], unit[1], n) for unit, n in org.counts[role_id].items())
        entries.append(
            RoleEntry(
                id=role_id,
                title=role.title,
                count=count,
                reports_to=org.managers[role_id],
                optional=member.optional,
                area=role.area,
                level=role.level,
                rationale=tuple(reasons),
                covers=tuple(member.covers),
                pods=pods,
                dotted_to=dotted[role_id],
            )
        )
    return entries


def _count_reasons(
    catalog: Catalog, builder: Builder, org: Org, role_id: str, plan: Plan
) -> list[str]:
    member = org.members[role_id]
    role = member.role
    inputs = builder.inputs
    count = org.total(role_id)
    units = org.counts[role_id]
    out: list[str] = []
    basis = role.headcount.basis
    if basis == "coverage" and inputs.customers is not None:
        coverage = role.headcount.accounts_per_seat
        assert coverage is not None
        per_seat = getattr(coverage, inputs.touch)
        share = builder.share(role_id, org.members)
        accounts = inputs.customers * share
        part = f"{number(share * 100)}% of " if share < 1 else ""
        out.append(
            f"{plural(count, 'seat')}: {part}{inputs.customers:,} accounts at "
            f"{number(per_seat.value)} per seat in a {inputs.touch}-touch model "
            f"({cite(catalog, per_seat)})"
            + (f", about {accounts / count:,.0f} each" if count else "")
        )
    elif basis == "ratio" and role.headcount.ratio is not None and inputs.customers is not None:
        ratio = role.headcount.ratio
        per = catalog.roles[ratio.per].title
        out.append(
            f"one per {ratio.every.value} {per} seats ({cite(catalog, ratio.every)}): "
            f"{org.total(ratio.per)} → {count}"
        )
    if len(units) > 1:
        has_regions = any(region for region, _ in units)
        has_segments = any(segment for _, segment in units)
        kind = (
            "region and segment pods"
            if has_regions and has_segments
            else "segments"
            if has_segments
            else "regions"
        )
        out.append(f"counted in each of {len(units)} {kind}")
    if role.span is not None and basis != "one":
        reports = [r for r, m in org.managers.items() if m == role_id]
        total = sum(org.total(r) for r in reports)
        if total and count > len(units):
            out.append(
                f"span of control: {total} direct reports at most {role.span.value} each "
                f"({cite(catalog, role.span)}) → {count}"
            )
    return out


def _seats(catalog: Catalog, org: Org) -> tuple[SeatEntry, ...]:
    covers = {r: tuple(m.covers) for r, m in org.members.items()}
    seats = build_seats(org.order, catalog.roles, org.managers, org.counts, org.units, covers)
    dotted = dotted_managers(catalog, org.managers)
    by_role: dict[str, list[Seat]] = {}
    for seat in seats:
        by_role.setdefault(seat.role, []).append(seat)

    def nearest(target: str, seat: Seat) -> str:
        # the target's seat in the same region and segment, else the same region, else its first
        candidates = by_role[target]
        found = next((c for c in candidates if c.unit == seat.unit), None)
        found = found or next((c for c in candidates if c.unit[0] == seat.unit[0]), None)
        return (found or candidates[0]).id

    return tuple(
        SeatEntry(
            id=s.id,
            role=s.role,
            title=catalog.roles[s.role].title,
            reports_to=s.reports_to,
            region=s.unit[0],
            segment=s.unit[1],
            covers=s.covers,
            dotted_to=tuple(nearest(t, s) for t in dotted[s.role]),
        )
        for s in seats
    )


def _budget(
    catalog: Catalog,
    builder: Builder,
    org: Org,
    plan: Plan,
    need: int,
    inputs: Inputs,
    warnings: list[str],
    notes: list[str],
) -> Budget:
    headcount = inputs.headcount
    assert headcount is not None
    if plan.hats or plan.coverage_cap is not None:
        combined = "; ".join(
            f"{member.role.title} also covers "
            + ", ".join(catalog.roles[c].title for c in member.covers)
            for member in (org.members[r] for r in org.order)
            if member.covers
        )
        message = f"a headcount of {headcount} is below the {need} seats this structure needs"
        if combined:
            message += f": roles are combined ({combined})"
        if plan.coverage_cap is not None:
            message += f"; coverage seats are cut to {org.coverage_seats()}"
        warnings.append(message)
    spare = headcount - org.seats
    next_roles: list[tuple[str, str]] = []
    if spare > 0:
        next_roles = _next_hires(catalog, builder, org)
        if next_roles:
            names = ", ".join(catalog.roles[r].title for r, _ in next_roles[:spare])
            notes.append(f"{plural(spare, 'spare seat')} in the budget: next, {names}")
        else:
            notes.append(f"{plural(spare, 'spare seat')} in the budget")
    return Budget(
        headcount=headcount,
        needed=need,
        seats=org.seats,
        spare=max(spare, 0),
        combined=tuple(plan.hats),
        next=tuple(next_roles),
    )


def _next_hires(catalog: Catalog, builder: Builder, org: Org) -> list[tuple[str, str]]:
    """What spare seats should go to: left-out optional roles, then the next stage's roles,
    then more coverage."""
    out: list[tuple[str, str]] = []
    inputs = builder.inputs
    for entry in builder.model.roles:
        if entry.optional and entry.role not in org.members:
            out.append((entry.role, f"optional in the {builder.model.name} structure"))
    stages = [s.id for s in stages_by_size(catalog)]
    if inputs.stage in stages and stages.index(inputs.stage) + 1 < len(stages):
        following = stages[stages.index(inputs.stage) + 1]
        for model in catalog.models.values():
            if model.match is not None and match_fits(
                model.match, following, inputs.touch, inputs.plg
            ):
                for entry in model.roles:
                    if entry.role not in org.members and all(entry.role != r for r, _ in out):
                        out.append(
                            (entry.role, f"part of the {model.name} structure, the next stage")
                        )
                break
    coverage = [r for r, m in org.members.items() if m.role.headcount.basis == "coverage"]
    if coverage and inputs.customers is not None:
        primary = max(
            coverage, key=lambda r: (builder.share(r, org.members), -catalog.role_order()[r])
        )
        out.append((primary, "more coverage: fewer accounts per seat"))
    return out


def _sanity_warnings(
    catalog: Catalog, builder: Builder, org: Org, plan: Plan, inputs: Inputs, warnings: list[str]
) -> None:
    if inputs.customers is not None:
        widest = max(
            (
                getattr(r.headcount.accounts_per_seat, inputs.touch).value
                for r in catalog.roles.values()
                if r.headcount.accounts_per_seat is not None
            ),
            default=None,
        )
        for role_id, member in org.members.items():
            coverage = member.role.headcount.accounts_per_seat
            if member.role.headcount.basis != "coverage" or coverage is None:
                continue
            seats = org.total(role_id)
            accounts = inputs.customers * builder.share(role_id, org.members)
            per_seat = getattr(coverage, inputs.touch)
            load = accounts / seats
            if load > per_seat.value * 1.0001:
                warnings.append(
                    f"{load:,.0f} accounts per {member.role.title}, above the "
                    f"{number(per_seat.value)} one seat can cover in a {inputs.touch}-touch model "
                    f"({cite(catalog, per_seat)})"
                )
                if widest is not None and load >= widest and per_seat.value < widest:
                    owner = next(
                        r.title
                        for r in catalog.roles.values()
                        if r.headcount.accounts_per_seat is not None
                        and getattr(r.headcount.accounts_per_seat, inputs.touch).value == widest
                    )
                    warnings.append(
                        f"1:{number(load)} is a ratio only a {owner} (1:{number(widest)}+) can "
                        "serve: consider a digital, low-touch programme for most accounts"
                    )
        places = max(len(inputs.regions), 1) * max(len(inputs.segments), 1)
        if places > 1 and inputs.customers < places:
            warnings.append(
                f"{inputs.customers} accounts spread over {places} region/segment pods: "
                "some pods would have no accounts"
            )
        if org.seats > max(inputs.customers, 1):
            warnings.append(
                f"{org.seats} CS seats for {inputs.customers} accounts: the structure's fixed "
                "roles outweigh the customer base; consider --no-optional, fewer regions or "
                "segments, or a lighter model"
            )
    if inputs.employees is not None and not inputs.stage_inferred:
        from csorg.engine.inputs import infer_stage

        suggested = infer_stage(catalog, inputs.employees)
        if suggested.id != inputs.stage:
            warnings.append(
                f"{inputs.employees:,} employees suggests the {suggested.name} stage, "
                f"but --stage {inputs.stage} was given"
            )
    if inputs.headcount is not None and inputs.customers is None:
        warnings.append(
            "--headcount without --customers: coverage roles are counted at their minimum of "
            "one seat, so the need may be understated"
        )
