"""The whole recommendation: the steps in order, and the result other tools read.

1. :mod:`~csorg.engine.structure`: the business model, its roles and reporting lines.
2. :mod:`~csorg.engine.book`: the company's accounts and ARR by tier, region and segment.
3. :mod:`~csorg.engine.need`: each role's company-wide need.
4. :mod:`~csorg.engine.placement`: seats over regions and segments, small books pooled.
5. :mod:`~csorg.engine.layers`: the management layers the spans call for.
6. :mod:`~csorg.engine.budget`: fit a headcount, cutting management before coverage.
7. :mod:`~csorg.engine.metrics`: the numbers a reviewer checks, against benchmarks.

Without accounts or ARR there is nothing to size: the result is the structure as the articles
give it, one seat per role, and says so.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from csorg.catalog.schema import ROOT_ROLE, Catalog
from csorg.engine.budget import Build, Limit, fit, squeeze
from csorg.engine.cost import OverSpend, over_spend, seat_cost, with_cost
from csorg.engine.inputs import Inputs, Request, infer_stage, money, resolve, stages_by_size
from csorg.engine.layers import Node, min_span_of
from csorg.engine.metrics import org_metrics
from csorg.engine.reasons import count_reasons, next_hires
from csorg.engine.result import Budget, Coverage, Recommendation, RoleEntry, SeatEntry
from csorg.engine.staffing import Cuts, Org, size_org, unsized_org
from csorg.engine.structure import choose_model, match_fits, tree_order
from csorg.text import cite, number, plural, short_source


def recommend(catalog: Catalog, request: Request) -> Recommendation:
    inputs = resolve(catalog, request)
    model = choose_model(catalog, inputs)

    def build(cuts: Cuts) -> Org:
        if inputs.sized:
            return size_org(catalog, model, inputs, cuts)
        return unsized_org(catalog, model, inputs, cuts)

    budget: Budget | None = None
    warnings: list[str] = []
    notes: list[str] = []
    if inputs.headcount is not None or inputs.budget is not None:
        limit = Limit(inputs.headcount, inputs.budget, lambda org: org_cost(catalog, org, inputs))
        org, ideal = fit(catalog, build, limit)
        budget = _budget(catalog, org, ideal, limit, inputs, warnings, notes)
    else:
        org = build(Cuts())
    _canonical(catalog, org)
    covers = covered_roles(catalog, org)
    metrics = org_metrics(catalog, org) if inputs.sized else ()
    _notes(catalog, org, inputs, notes)
    _warnings(catalog, org, inputs, metrics, warnings)
    rec = with_cost(
        catalog,
        Recommendation(
            model_id=model.id,
            model_name=model.name,
            inputs=inputs,
            roles=tuple(role_entries(catalog, org, inputs, covers)),
            warnings=tuple(warnings),
            notes=tuple(notes),
            budget=budget,
            seats=seat_entries(catalog, org, covers) if inputs.seats else None,
            sized=inputs.sized,
            metrics=metrics,
            next_hires=tuple(next_hires(catalog, org)),
            coverage=coverage(org),
        ),
    )
    over = over_spend(catalog, rec)
    if over is None:
        return rec
    return replace(rec, warnings=(*rec.warnings, _over_spend_advice(catalog, build, inputs, over)))


def _over_spend_advice(catalog: Catalog, build: Build, inputs: Inputs, over: OverSpend) -> str:
    """The over-spend finding with a budget that meets the benchmark, checked by fitting the
    org to it, or, when even the smallest org the catalog allows costs more, that fact."""
    if over.budget is None:
        return over.text
    limit = Limit(None, over.budget, lambda org: org_cost(catalog, org, inputs))
    smallest, _ = squeeze(catalog, build, limit)
    if limit.fits(smallest):
        return (
            f"{over.text}: --budget {money(over.budget, '')} fits the benchmark (management "
            "goes first, then coverage, with a warning on how thin the books get)"
        )  # no currency symbol: a shell would expand $1
    return (
        f"{over.text}: at this ARR the benchmark pays for less than the smallest team this "
        f"structure allows ({plural(smallest.seats, 'seat')}, "
        f"{money(org_cost(catalog, smallest, inputs), inputs.symbol)} a year); until the ARR "
        "grows, a founder or a first CSM usually covers the work"
    )


def coverage(org: Org) -> tuple[Coverage, ...]:
    """The book each coverage role carries (sized orgs only)."""
    counts = org.counts()
    out: list[Coverage] = []
    for role_id, need in org.needs.items():
        if need.basis:  # a ratio role: it carries no book
            continue
        arr = None
        if org.book is not None and org.book.arr is not None and need.tiers:
            arr = sum(t.arr or 0.0 for t in need.tiers)
        head = org.head_book if org.head_book and org.head_book.role == role_id else None
        out.append(
            Coverage(
                role_id,
                need.accounts,
                arr,
                need.total,
                counts.get(role_id, 0),
                head.share if head else 0.0,
                head.head if head else None,
            )
        )
    return tuple(out)


# -- the tree in a fixed order ----------------------------------------------------------------


def _canonical(catalog: Catalog, org: Org) -> None:
    """Sort every seat's reports by role, then region and segment as given."""
    order = catalog.role_order()
    cells = {c: i for i, c in enumerate(org.book.cells)} if org.book else {}
    regions = (
        {c.region: i for i, c in reversed(list(enumerate(org.book.cells)))} if org.book else {}
    )
    for node in org.nodes():
        node.reports.sort(
            key=lambda n: (order[n.role], regions.get(n.cell.region, -1), cells.get(n.cell, -1))
        )


def role_parents(org: Org) -> dict[str, str | None]:
    """Each role's manager role: the one most of its seats report to."""
    managers: dict[str, Counter[str]] = {}
    stack: list[Node] = [org.root]
    while stack:
        node = stack.pop()
        for child in node.reports:
            managers.setdefault(child.role, Counter())[node.role] += 1
            stack.append(child)
    out: dict[str, str | None] = {ROOT_ROLE: None}
    for role_id, counter in managers.items():
        out[role_id] = max(sorted(counter), key=counter.__getitem__)
    return out


def covered_roles(catalog: Catalog, org: Org) -> dict[str, tuple[str, ...]]:
    """Roles a budget combined into each role staffed (following hats of hats; a host that is
    no longer in the org hands on to the next role its hat names)."""
    counts = org.counts()
    into = dict(org.cuts.hats)
    named = {hat.role: hat.into for hat in catalog.hats}
    out: dict[str, list[str]] = {}
    for role_id in into:
        host, seen = role_id, set()
        while host in into and host not in seen:
            seen.add(host)
            host = into[host]
        if not counts.get(host):
            host = next((h for h in named.get(role_id, ()) if counts.get(h)), "")
        if host:
            out.setdefault(host, []).append(role_id)
    return {host: tuple(roles) for host, roles in out.items()}


def dotted_managers(catalog: Catalog, parents: dict[str, str | None]) -> dict[str, tuple[str, ...]]:
    """Each role's dotted-line managers: per dotted line, the first role present that is
    neither the role itself nor its manager."""
    out: dict[str, tuple[str, ...]] = {}
    for role_id, manager in parents.items():
        found: list[str] = []
        for line in catalog.roles[role_id].dotted_lines:
            target = next(
                (t for t in line.to if t in parents and t not in (role_id, manager)), None
            )
            if target is not None and target not in found:
                found.append(target)
        out[role_id] = tuple(found)
    return out


# -- roles and seats --------------------------------------------------------------------------


def pod_order(
    inputs: Inputs, split: Counter[tuple[str | None, str | None]]
) -> tuple[tuple[str | None, str | None, int], ...]:
    """A role's seats per pod in the order the user named regions and segments, pooled seats
    (no region, no segment) last, so the tree reads like the input."""
    regions = {name: i for i, name in enumerate(inputs.regions)}
    segments = {name: i for i, name in enumerate(inputs.segments)}

    def key(pod: tuple[str | None, str | None]) -> tuple[int, int]:
        region, segment = pod
        return (
            regions.get(region, len(regions)) if region else len(regions),
            segments.get(segment, len(segments)) if segment else len(segments),
        )

    return tuple((r, s, split[(r, s)]) for r, s in sorted(split, key=key))


def role_entries(
    catalog: Catalog, org: Org, inputs: Inputs, covers: dict[str, tuple[str, ...]]
) -> list[RoleEntry]:
    parents = role_parents(org)
    dotted = dotted_managers(catalog, parents)
    counts = org.counts()
    pods: dict[str, Counter[tuple[str | None, str | None]]] = {}
    for node in org.nodes():
        pods.setdefault(node.role, Counter())[(node.cell.region, node.cell.segment)] += 1
    order = catalog.role_order()
    entries: list[RoleEntry] = []
    for role_id in tree_order(catalog, parents):
        role = catalog.roles[role_id]
        member = org.structure.members.get(role_id)
        reasons = list(member.reasons) if member else []
        if role_id in org.arrangement.opened:  # count_reasons says why, for the final tree
            reasons = [r for r in reasons if not r.startswith("span of control: ")]
        if inputs.sized:
            reasons.extend(count_reasons(catalog, org, inputs, role_id))
        hosted = tuple(sorted(covers.get(role_id, ()), key=order.__getitem__))
        if hosted:
            titles = ", ".join(catalog.title(c) for c in hosted)
            reasons.append(
                f"also covers {titles}: the headcount budget combines them into this seat"
            )
        split = pods.get(role_id, Counter())
        entries.append(
            RoleEntry(
                id=role_id,
                title=role.title,
                count=counts.get(role_id, 0),
                reports_to=parents.get(role_id),
                optional=member.optional if member else False,
                area=role.area,
                level=role.level,
                rationale=tuple(
                    dict.fromkeys(reasons)
                ),  # a layer inserted and reopened says why once
                covers=hosted,
                pods=pod_order(inputs, split) if any(r or s for r, s in split) else None,
                dotted_to=dotted.get(role_id, ()),
            )
        )
    return entries


def seat_entries(
    catalog: Catalog, org: Org, covers: dict[str, tuple[str, ...]]
) -> tuple[SeatEntry, ...]:
    """Every seat in tree order, with an id such as ``csm-07`` and its manager's id."""
    nodes = org.nodes()
    counts = Counter(n.role for n in nodes)
    ids: dict[int, str] = {}
    used: Counter[str] = Counter()
    for node in nodes:
        used[node.role] += 1
        width = max(2, len(str(counts[node.role])))
        ids[id(node)] = f"{node.role}-{used[node.role]:0{width}d}"
    parent: dict[int, str] = {}
    for node in nodes:
        for child in node.reports:
            parent[id(child)] = ids[id(node)]
    dotted = dotted_managers(catalog, role_parents(org))
    by_role: dict[str, list[Node]] = {}
    for node in nodes:
        by_role.setdefault(node.role, []).append(node)
    order = catalog.role_order()
    out: list[SeatEntry] = []
    for node in nodes:
        targets = tuple(ids[id(_nearest(by_role[t], node))] for t in dotted.get(node.role, ()))
        out.append(
            SeatEntry(
                id=ids[id(node)],
                role=node.role,
                title=catalog.roles[node.role].title,
                reports_to=parent.get(id(node)),
                region=node.cell.region,
                segment=node.cell.segment,
                covers=tuple(sorted(covers.get(node.role, ()), key=order.__getitem__)),
                dotted_to=targets,
                serves=tuple((c.region, c.segment) for c in node.serves),
            )
        )
    return tuple(out)


def _nearest(candidates: Sequence[Node], seat: Node) -> Node:
    """The candidate in the same region and segment, else the same region, else the first."""
    found = next((c for c in candidates if c.cell == seat.cell), None)
    found = found or next((c for c in candidates if c.cell.region == seat.cell.region), None)
    return found or candidates[0]


# -- budget, notes and warnings ---------------------------------------------------------------


def org_cost(catalog: Catalog, org: Org, inputs: Inputs) -> float:
    """What an org costs a year at each seat's mid band and pay level, in the input currency
    (seats of roles without a band cost nothing here; the cost section says so)."""
    total = 0.0
    for node in org.nodes():
        if node.role != ROOT_ROLE:
            total += seat_cost(catalog, node.role, node.cell.region, inputs.currency) or 0.0
    return total


def _budget(
    catalog: Catalog,
    org: Org,
    ideal: Org,
    limit: Limit,
    inputs: Inputs,
    warnings: list[str],
    notes: list[str],
) -> Budget:
    cuts = org.cuts
    need = ideal.seats
    if org is not ideal:
        done: list[str] = []
        if cuts.widen:
            done.append("managers take up to 12 direct reports")
        for host, roles in covered_roles(catalog, org).items():
            done.append(
                f"{catalog.title(host)} also covers " + ", ".join(catalog.title(r) for r in roles)
            )
        if cuts.coverage_cap is not None:
            done.append(f"coverage seats are cut to {org.coverage_seats()}")
            done.extend(_thinner_books(catalog, org))
        needed = f"the {need} seats this org needs"
        if inputs.budget is not None:
            needed += f" ({money(org_cost(catalog, ideal, inputs), inputs.symbol)} a year)"
        warnings.append(f"{_limit_text(inputs)} is below {needed}: " + "; ".join(done))
    spare = (inputs.headcount - org.seats) if inputs.headcount is not None else 0
    suggestions: list[tuple[str, str]] = []
    if spare > 0:
        suggestions = _spare_seats(catalog, org, inputs)
        names = ", ".join(catalog.title(r) for r, _ in suggestions[:spare])
        notes.append(
            f"{plural(spare, 'spare seat')} in the budget" + (f": next, {names}" if names else "")
        )
    return Budget(
        headcount=inputs.headcount,
        needed=need,
        seats=org.seats,
        spare=max(spare, 0),
        combined=cuts.hats,
        next=tuple(suggestions),
        money=inputs.budget,
        money_needed=org_cost(catalog, ideal, inputs) if inputs.budget is not None else None,
        money_used=org_cost(catalog, org, inputs) if inputs.budget is not None else None,
        currency=inputs.currency if inputs.budget is not None else None,
    )


def _limit_text(inputs: Inputs) -> str:
    parts = [f"a headcount of {inputs.headcount}"] if inputs.headcount is not None else []
    if inputs.budget is not None:
        parts.append(f"a budget of {money(inputs.budget, inputs.symbol)} a year")
    return " and ".join(parts)


def _thinner_books(catalog: Catalog, org: Org) -> list[str]:
    """How far each thinned book is from what its tiers call for."""
    counts = org.counts()
    out: list[str] = []
    for role_id, need in org.needs.items():
        seats = counts.get(role_id, 0)
        if need.basis or not seats or seats >= need.total - 1e-9 or not need.accounts:
            continue
        load, target = need.accounts / seats, need.accounts / need.total
        out.append(
            f"{load:,.0f} accounts per {catalog.title(role_id)} against the "
            f"{target:,.0f} one seat is sized for ({(load / target - 1) * 100:+.0f}%)"
        )
    return out


def _spare_seats(catalog: Catalog, org: Org, inputs: Inputs) -> list[tuple[str, str]]:
    """What spare seats should go to: the structure's next hires, left-out optional roles,
    the next stage's roles, then more coverage."""
    counts = org.counts()
    out: list[tuple[str, str]] = [(n.role, n.trigger) for n in next_hires(catalog, org)]
    model = org.structure.model
    for entry in model.roles:
        if entry.optional and not counts.get(entry.role) and all(entry.role != r for r, _ in out):
            out.append((entry.role, f"optional in the {model.name} structure"))
    stages = [s.id for s in stages_by_size(catalog)]
    if inputs.stage in stages and stages.index(inputs.stage) + 1 < len(stages):
        following = stages[stages.index(inputs.stage) + 1]
        for other in catalog.models.values():
            if other.match is not None and match_fits(
                other.match, following, inputs.touch, inputs.plg
            ):
                for entry in other.roles:
                    if not counts.get(entry.role) and all(entry.role != r for r, _ in out):
                        out.append(
                            (entry.role, f"part of the {other.name} structure, the next stage")
                        )
                break
    if org.needs:
        primary = max(org.needs, key=lambda r: (org.needs[r].total, -catalog.role_order()[r]))
        out.append((primary, "more coverage: fewer accounts per seat"))
    return out


def _notes(catalog: Catalog, org: Org, inputs: Inputs, notes: list[str]) -> None:
    if inputs.stage_inferred:
        stage = catalog.stages[inputs.stage].name
        notes.append(f"stage inferred from {inputs.employees:,} employees: {stage}")
    model = org.structure.model
    if not inputs.sized:
        notes.append(
            f"this is the {model.name} structure as its sources give it, one seat per role, not "
            "a staffed org: give --customers N or --arr AMOUNT to size it"
        )
        if inputs.regions or inputs.segment_by:
            notes.append("regions and segments are placed once the org is sized")
        return
    book = org.book
    assert book is not None
    shares = ", ".join(
        f"{catalog.tiers[t].name} {v * 100:.0f}%" for t, v in book.tier_shares.items()
    )
    if book.mix is not None:
        how = f"the {book.mix.name} mix"
        if book.tilt is not None:
            how += (
                f" moved {book.tilt.part * 100:.0f}% of the way toward "
                f"{catalog.tiers[book.tilt.tier].name}, so that the tiers' typical contracts "
                f"average the {inputs.dollars(book.tilt.per_account)} of ARR per account given"
            )
        notes.append(
            f"accounts by tier: {shares} ({how}{'; ' if book.tilt else ', '}csorg's own "
            "reading; give yours with --segment-by size --segments enterprise=N,mid-market=N,smb=N)"
        )
    if inputs.customers_inferred:
        notes.append(f"{inputs.customers:,} accounts: the sum of the counts given")
    if inputs.customers is None and inputs.arr is not None:
        notes.append(
            f"about {book.accounts:,.0f} accounts, worked out from the ARR at each tier's "
            "typical contract value"
        )
    for caveat in model.caveats:
        cited = ", ".join(short_source(catalog, s) for s in caveat.sources)
        notes.append(f"{caveat.text} ({cited})")
    notes.extend(_valuable_books(catalog, org, inputs))
    for node in org.root.reports:
        role = catalog.roles[node.role]
        if node.reports and len(node.reports) < min_span_of(role):
            notes.append(
                f"the {role.title} leads a team of {node.size() - 1} as a player-coach who also "
                "works with customers; a separate manager comes as the team grows"
            )


VALUABLE = 2.0  # ARR seats over account seats past which a tier's books need a word
EPSILON = 1e-9


def _valuable_books(catalog: Catalog, org: Org, inputs: Inputs) -> list[str]:
    """Where a tier's accounts are worth so much more than its typical contract that the ARR
    figure calls for well over twice the seats the account figure does, the two sources no
    longer describe the same job: say so, and which one csorg followed."""
    out: list[str] = []
    for need in org.needs.values():
        clauses: list[str] = []
        by_arr = by_accounts = 0
        for piece in need.tiers:
            if piece.by_arr is None or piece.arr is None or piece.accounts <= 0:
                continue
            if piece.by_arr < 1 or piece.by_arr <= VALUABLE * piece.by_accounts:
                continue
            tier = catalog.tiers[piece.tier]
            assert tier.arr_per_seat is not None
            book = piece.arr / max(piece.by_accounts, 1e-9)
            clauses.append(
                f"{tier.name} {inputs.dollars(piece.arr / piece.accounts)} against "
                f"{inputs.dollars(tier.typical_acv.value)}: "
                f"{piece.accounts / piece.by_arr:.1f} accounts per CSM at "
                f"{inputs.dollars(tier.arr_per_seat.value)} each "
                f"({cite(catalog, tier.arr_per_seat)}), where "
                f"{number(tier.accounts_per_seat.value)} accounts each "
                f"({cite(catalog, tier.accounts_per_seat)}) would be {inputs.dollars(book)} per CSM"
            )
            by_arr += math.ceil(piece.by_arr - EPSILON)
            by_accounts += math.ceil(piece.by_accounts - EPSILON)
        if clauses:
            out.append(
                "ARR per account is far above the typical contract of its tier ("
                + "; ".join(clauses)
                + "). The sources do not size books this valuable; csorg follows the ARR, its "
                f"own reading: {by_arr:,} {catalog.title(need.role)} seats rather than "
                f"{by_accounts:,}. Check the ARR and the tier mix"
            )
    return out


def _past_stage(catalog: Catalog, org: Org, inputs: Inputs) -> str | None:
    """A book worth more than the stage's ARR ceiling: the stage or the accounts are off."""
    stage = catalog.stages[inputs.stage]
    book = org.book
    if stage.max_arr is None or book is None:
        return None
    if book.arr is not None:
        arr = book.arr
        what = f"ARR {inputs.dollars(arr)} is"
        fixes = []
    else:
        arr = sum(
            book.tier_accounts(t) * catalog.tiers[t].typical_acv.value for t in book.tier_shares
        )
        what = (
            "the ARR these accounts imply at each tier's typical contract value, "
            f"{inputs.dollars(arr)}, is"
        )
        mix = " or the tier mix (--segment-by size --segments)" if book.mix is not None else ""
        fixes = [f"give --arr{mix}"]
    if arr <= stage.max_arr.value:
        return None
    stages = list(catalog.stages)
    later = stages[stages.index(stage.id) + 1 :]
    if later:
        fixes.insert(0, f"--stage {later[0]} may fit better")
    advice = f": {'; or '.join(fixes)}" if fixes else ""
    return (
        f"{what} past the {stage.name} stage's {inputs.dollars(stage.max_arr.value)} "
        f"({cite(catalog, stage.max_arr)}){advice}"
    )


def _warnings(
    catalog: Catalog, org: Org, inputs: Inputs, metrics: Sequence[object], warnings: list[str]
) -> None:
    from csorg.engine.result import Metric

    for role_id in org.arrangement.over_span:
        role = catalog.roles[role_id]
        warnings.append(
            f"a {role.title} manages more people than its span of "
            f"{role.span.value if role.span else 12}: the catalog has no layer to put between"
        )
    for metric in metrics:
        assert isinstance(metric, Metric)
        if metric.status in ("below", "above") and metric.value is not None:
            bound = metric.low if metric.status == "below" else metric.high
            assert bound is not None
            warnings.append(
                f"{metric.label}: {number(metric.value)}, {metric.status} the benchmark "
                f"{number(bound)} ({metric.source})"
            )
    model = org.structure.model
    mix = org.book.mix if org.book is not None else None
    product_led_mix = mix is not None and mix.when.plg is True
    if inputs.plg and model.match is not None and model.match.plg is None and not product_led_mix:
        # (when --plg chose the tier mix, the note on the mix says so: it had an effect)
        warnings.append(f"--plg has no effect on the {model.name} structure or its tier mix")
    if (
        inputs.touch == "high"
        and model.match is not None
        and model.match.touch is None
        and org.book is not None
        and org.book.mix is not None
        and org.book.mix.when.touch is None
    ):
        warnings.append(
            f"--touch high does not change the {model.name} structure or its tier mix (the "
            f"{org.book.mix.name} mix); it only sets the support load per account. Give "
            "--segment-by size --segments to set the mix"
        )
    if inputs.customers == 0 and inputs.arr:
        warnings.append(
            f"0 accounts with ARR {money(inputs.arr, inputs.symbol)}: the ARR sizes CSMs for "
            "accounts there are none of; leave out --customers to work the accounts out from "
            "the ARR"
        )
    past = _past_stage(catalog, org, inputs)
    if past is not None:
        warnings.append(past)
    if inputs.employees is not None and not inputs.stage_inferred:
        suggested = infer_stage(catalog, inputs.employees)
        if suggested.id != inputs.stage:
            warnings.append(
                f"{inputs.employees:,} employees suggests the {suggested.name} stage, "
                f"but --stage {inputs.stage} was given"
            )
    if inputs.customers is not None and org.seats > max(inputs.customers, 1):
        warnings.append(
            f"{org.seats} CS seats for {inputs.customers} accounts: the structure's fixed roles "
            "outweigh the customer base"
        )
    if inputs.headcount is not None and not inputs.sized:
        warnings.append(
            "--headcount without --customers or --arr fits the structure only: the seats the "
            "customers need are unknown"
        )
