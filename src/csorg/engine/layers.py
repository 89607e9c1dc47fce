"""Step 5: management layers. Who manages whom, and which manager seats the org needs.

The seats of the earlier steps (CSMs, digital success, support, operations, ...) report to
the nearest role up the role tree that takes reports. Only the head of CS (the role under the
CEO) takes reports from the start; a layer below it opens when a seat above would otherwise
manage more than its span, and only if it gets at least its minimum span of reports. So a
small team has its leader as a player-coach, and each layer a bigger team needs is added with
the reason "span of control". A role that is staffed for its own work (CS Ops) takes reports
only from its minimum span on; below it, they report past it.

Seats of a manager role are formed team by team: a region with enough people for a team gets
its own, smaller regions share one. A role with ``per_region_from`` (the VP) gets one seat
per region whose team reaches that size, once two regions do. Last, a manager left with a
single report that is itself a manager is removed and its report moves up.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import attrgetter

from csorg.catalog.schema import MAX_SPAN, ROOT_ROLE, Catalog, Role
from csorg.engine.book import Cell
from csorg.engine.placement import Placed
from csorg.engine.structure import Structure

_CELL = attrgetter("cell")
_ROLE = attrgetter("role")
MAX_ROUNDS = 64
LEADER_LEVEL = 2  # a head of CS at this rank or above may lead a small team as a player-coach


@dataclass(eq=False, slots=True)
class Node:
    """A seat being placed in the tree."""

    role: str
    cell: Cell
    serves: tuple[Cell, ...]
    reports: list[Node] = field(default_factory=list)

    def size(self) -> int:
        """Seats in this seat's team, itself included."""
        total, stack = 0, [self]
        while stack:
            node = stack.pop()
            total += 1
            stack.extend(node.reports)
        return total


@dataclass(frozen=True)
class Insert:
    """A layer the structure lacks must be added (the caller rebuilds the structure)."""

    role: str
    reason: str
    opened: dict[str, str]  # the layers opened so far, to start from next time
    seats_of: dict[str, int]  # leaders given more seats so far


@dataclass
class Arrangement:
    root: Node
    opened: dict[str, str]  # manager roles opened for span of control -> reason
    closed: dict[str, str]  # manager roles of the structure left unstaffed -> why
    pruned: dict[str, str]  # manager seats removed as managers of one -> why
    over_span: list[str] = field(default_factory=list)  # spans that could not be kept
    seats_of: dict[str, int] = field(default_factory=dict)  # leaders given more seats


@dataclass
class _Plan:
    """What the arrangement loop has decided so far."""

    accepting: set[str]
    opened: dict[str, str] = field(default_factory=dict)
    refused: dict[str, str] = field(default_factory=dict)  # takes no reports -> why
    seats_of: dict[str, int] = field(default_factory=dict)  # single-seat overrides
    leaves: dict[str, list[Node]] = field(default_factory=dict)  # see _seats
    teams: dict[tuple[int, int, tuple[int, ...]], tuple[list[Node], list[list[Node]]]] = field(
        default_factory=dict
    )  # see _grouped


def span_of(role: Role, widen: bool) -> int:
    if widen or role.span is None:
        return MAX_SPAN
    return min(role.span.value, MAX_SPAN)


def min_span_of(role: Role) -> int:
    return role.min_span.value if role.min_span is not None else 1


def is_coordinator(role: Role) -> bool:
    """A single seat that exists to bring leaders together (a CCO): it needs at least two."""
    return role.headcount.basis == "one" and min_span_of(role) >= 2


def heads_of(catalog: Catalog, structure: Structure) -> list[str]:
    """The CS leaders of the structure: the roles under the CEO that can manage, or, under a
    coordinator (a CCO), the leaders below it, since it waits until there are two."""
    children = structure.children()
    heads: list[str] = []
    queue = [r for r, m in structure.parent.items() if m == ROOT_ROLE]
    while queue:
        role_id = queue.pop(0)
        role = catalog.roles[role_id]
        if role.span is None:
            continue
        below = [c for c in children.get(role_id, []) if catalog.roles[c].span is not None]
        if is_coordinator(role) and below:
            queue.extend(sorted(below, key=catalog.role_order().__getitem__))
        else:
            heads.append(role_id)
    return sorted(heads, key=catalog.role_order().__getitem__)


@dataclass(frozen=True)
class _Problem:
    kind: str  # "refuse": a manager gets too few reports; "overflow": too many
    role: str
    reports: list[Node]
    why: str = ""


def arrange(
    catalog: Catalog,
    structure: Structure,
    staffed: Mapping[str, Sequence[Placed]],
    cells: Sequence[Cell],
    *,
    widen: bool = False,
    excluded: frozenset[str] = frozenset(),
    opened: Mapping[str, str] | None = None,
    seats_of: Mapping[str, int] | None = None,
) -> Arrangement | Insert:
    """The seat tree for the ``staffed`` seats, or a layer the structure must gain first.

    ``widen`` lets every manager take the hard cap of direct reports (a budget's first cut);
    ``excluded`` roles are never opened as layers (the budget combined them into others);
    ``opened`` are layers an earlier round opened, tried first (spare ones are dropped), and
    ``seats_of`` the seats it gave leaders.
    """
    heads = heads_of(catalog, structure)
    plan = _Plan(accepting={*heads, *(r for r in staffed if catalog.roles[r].span is not None)})
    for layer, reason in (opened or {}).items():
        if layer in structure.members and layer not in excluded:
            plan.accepting.add(layer)
            plan.opened[layer] = reason
    plan.seats_of.update(seats_of or {})
    region_order = {c.region: i for i, c in enumerate(cells)}
    for _ in range(MAX_ROUNDS):
        built = _build(catalog, structure, staffed, plan, heads, region_order, widen)
        if isinstance(built, Node):
            coordinator = _coordinator_due(catalog, structure, built, plan)
            if coordinator is not None:
                plan.accepting.add(coordinator)
                continue
            built = _drop_spare_layers(
                catalog, structure, staffed, plan, heads, region_order, widen, built
            )
            pruned = _prune(catalog, built)
            fill_serves(catalog, built)
            closed = _closed(structure, staffed, plan)
            over = _over(catalog, built, widen)
            return Arrangement(built, dict(plan.opened), closed, pruned, over, dict(plan.seats_of))
        role_id = built.role
        if built.kind == "refuse":
            plan.accepting.discard(role_id)
            plan.refused[role_id] = built.why
            continue
        detail = built.reports
        below = _layer_for(
            catalog, structure, root_of=role_id, nodes=detail, plan=plan, excluded=excluded
        )
        if below is None:
            if catalog.roles[role_id].headcount.basis == "span":
                # as many seats as the reports need: each took its share of the overflow
                seats = plan.seats_of.get(role_id, 1)
                wanted = math.ceil(len(detail) * seats / span_of(catalog.roles[role_id], widen))
                plan.seats_of[role_id] = max(seats + 1, wanted)
                continue
            plan.seats_of[role_id] = -1  # single seat, nothing to insert: it keeps its reports
            continue
        manager = catalog.roles[role_id]
        reason = (
            f"span of control: {manager.title} would have {len(detail)} direct reports, above "
            f"its span of {span_of(manager, widen)}; this layer takes them"
        )
        if below not in structure.members:
            return Insert(below, reason, dict(plan.opened), dict(plan.seats_of))
        plan.accepting.add(below)
        plan.opened[below] = reason
    raise AssertionError("management layers did not settle")


def _seats(plan: _Plan, role_id: str, seats: Sequence[Placed]) -> list[Node]:
    """A role's seats as tree nodes: fresh ones for a role that may take reports, and for the
    others the same leaves every round (nothing changes a leaf, and rounds are many)."""
    if role_id in plan.accepting:
        return [Node(role_id, p.cell, p.serves) for p in seats]
    leaves = plan.leaves.get(role_id)
    if leaves is None:
        leaves = plan.leaves[role_id] = [Node(role_id, p.cell, p.serves) for p in seats]
    return list(leaves)


def _route(catalog: Catalog, structure: Structure, role_id: str, accepting: set[str]) -> str:
    """The role that manages ``role_id``'s seats: a team it joins if staffed, else its first
    preferred manager present that takes reports, else the nearest such role up the tree."""
    role = catalog.roles[role_id]
    for manager in (*role.joins_teams_of, *role.reports_to):
        if manager in structure.members and (manager in accepting or manager == ROOT_ROLE):
            return manager
    for ancestor in structure.ancestors(role_id):
        if ancestor in accepting:
            return ancestor
    return ROOT_ROLE


def _drop_spare_layers(
    catalog: Catalog,
    structure: Structure,
    staffed: Mapping[str, Sequence[Placed]],
    plan: _Plan,
    heads: list[str],
    region_order: dict[str | None, int],
    widen: bool,
    built: Node,
) -> Node:
    """Close each opened layer the final tree does not need (one opened before the head
    split by region, say), newest first: a layer exists only when a span needs it."""
    for layer in reversed(list(plan.opened)):
        if _still_needed(catalog, built, layer, widen):
            continue
        plan.accepting.discard(layer)
        tried = _build(catalog, structure, staffed, plan, heads, region_order, widen)
        if isinstance(tried, Node) and _coordinator_due(catalog, structure, tried, plan) is None:
            del plan.opened[layer]
            built = tried
        else:
            plan.accepting.add(layer)
    return built


def _still_needed(catalog: Catalog, root: Node, layer: str, widen: bool) -> bool:
    """Whether a manager above the ``layer``'s seats would overflow without them (a cheap
    test that saves rebuilding the tree to find out)."""
    stack = [root]
    while stack:
        node = stack.pop()
        stack.extend(node.reports)
        inside = [child for child in node.reports if child.role == layer]
        if not inside or node.role == ROOT_ROLE:
            continue
        count = len(node.reports) - len(inside) + sum(len(child.reports) for child in inside)
        if count > span_of(catalog.roles[node.role], widen):
            return True
    return False


def _coordinator_due(catalog: Catalog, structure: Structure, root: Node, plan: _Plan) -> str | None:
    """A coordinator (a CCO) not yet staffed that now has two leaders or more to bring
    together among the seats reporting to the CEO."""
    for role_id, member in structure.members.items():
        if role_id in plan.accepting or role_id in plan.refused or not is_coordinator(member.role):
            continue
        under = [n for n in root.reports if role_id in structure.ancestors(n.role)]
        if len(under) >= min_span_of(member.role):
            return role_id
    return None


def _build(
    catalog: Catalog,
    structure: Structure,
    staffed: Mapping[str, Sequence[Placed]],
    plan: _Plan,
    heads: list[str],
    region_order: dict[str | None, int],
    widen: bool,
) -> Node | _Problem:
    """Build the tree bottom-up; stop at the first manager that must refuse or overflows."""
    nodes = {r: _seats(plan, r, seats) for r, seats in staffed.items() if seats}
    route = {r: _route(catalog, structure, r, plan.accepting) for r in structure.members}
    under: dict[str, list[str]] = {}  # manager role -> the roles whose seats report to it
    for role_id, manager in route.items():
        under.setdefault(manager, []).append(role_id)
    order = catalog.role_order()
    levels = sorted(
        (r for r in plan.accepting if r in structure.members),
        key=lambda r: (-catalog.roles[r].level, order[r]),
    )
    for manager_id in levels:
        role = catalog.roles[manager_id]
        reports = [
            n
            for r in sorted(under.get(manager_id, ()), key=order.__getitem__)
            if r != manager_id
            for n in nodes.get(r, ())
        ]
        own = nodes.get(manager_id)
        player_coach = manager_id in heads and (
            role.level <= LEADER_LEVEL or role.own_book is not None
        )
        if not player_coach and len(reports) < min_span_of(role):
            if own is not None or reports:  # staffed for its own work, or an opened layer
                why = (
                    f"{len(reports)} direct report{'s' if len(reports) != 1 else ''}, below its "
                    f"minimum span of {min_span_of(role)}"
                )
                return _Problem("refuse", manager_id, reports, why)
            continue
        span = span_of(role, widen)
        if own is not None:  # a fixed number of seats, staffed for their own work
            _assign(own, _grouped(plan, reports, span, min_span_of(role), region_order))
        elif not reports:
            continue  # a leader with no one to lead has no seat (its work went elsewhere)
        elif manager_id in heads or role.headcount.basis == "one":
            own = _leaders(catalog, manager_id, reports, plan, region_order)
            nodes[manager_id] = own
        else:
            own = []
            for team in _grouped(plan, reports, span, min_span_of(role), region_order):
                seat = Node(manager_id, *_team_place(team, role))
                seat.reports = team
                own.append(seat)
            nodes[manager_id] = own
        if plan.seats_of.get(manager_id) != -1:
            for seat in own:
                if len(seat.reports) > span:
                    return _Problem("overflow", manager_id, seat.reports)
    root = Node(ROOT_ROLE, Cell(), ())
    root.reports = [
        n
        for r in sorted(under.get(ROOT_ROLE, ()), key=order.__getitem__)
        if r != ROOT_ROLE
        for n in nodes.get(r, ())
    ]
    return root


def _leaders(
    catalog: Catalog,
    role_id: str,
    reports: list[Node],
    plan: _Plan,
    region_order: dict[str | None, int],
) -> list[Node]:
    """Seats of a leading role: one, one per region big enough (``per_region_from``), or
    more when no layer below can take an overflow."""
    role = catalog.roles[role_id]
    count = max(plan.seats_of.get(role_id, 1), 1)
    if role.per_region_from is not None:
        sizes: Counter[str | None] = Counter()  # seats per region in the whole team
        level = reports
        while level:  # level by level: comprehensions and Counter keep this fast
            sizes.update([n.cell.region for n in level])
            level = [child for n in level for child in n.reports]
        big = [
            r
            for r in sorted(sizes, key=lambda r: region_order.get(r, 1 << 30))
            if r is not None and sizes[r] >= role.per_region_from.value
        ]
        if len(big) >= 2 and count <= len(big):
            seats = [Node(role_id, Cell(region, None), (Cell(region, None),)) for region in big]
            _attach(seats, reports, region_order)
            return seats
    if count == 1:
        seat = Node(role_id, *_team_place(reports, role))
        seat.reports = list(reports)
        return [seat]
    teams = _split(_ordered(reports, region_order), count)
    seats = [Node(role_id, *_team_place(team, role)) for team in teams]
    for seat, team in zip(seats, teams, strict=True):
        seat.reports = team
    return seats


def _attach(seats: list[Node], reports: list[Node], region_order: dict[str | None, int]) -> None:
    """Give ``reports`` to existing ``seats``: same region first, then the smallest team."""
    heaps: dict[str | None, list[tuple[int, int, Node]]] = {}
    everyone: list[tuple[int, int, Node]] = []
    for index, seat in enumerate(seats):
        entry = (len(seat.reports), index, seat)
        everyone.append(entry)
        if seat.cell.region is not None:
            heaps.setdefault(seat.cell.region, []).append(entry)
    for heap in (*heaps.values(), everyone):
        heapq.heapify(heap)
    for node in _ordered(reports, region_order):
        heap = heaps.get(node.cell.region) or everyone
        _, index, target = heapq.heappop(heap)
        target.reports.append(node)
        heapq.heappush(heap, (len(target.reports), index, target))
    # the shared heap's counts may be stale for seats filled through a region's heap; the
    # split stays within one report of even, which is all this needs


def _assign(seats: list[Node], teams: list[list[Node]]) -> None:
    """Give each team to a seat of its own region if one is free, else to the next free seat;
    seats beyond the teams take no reports (their role's work is their own)."""
    free = list(seats)
    for team in teams:
        region = team[0].cell.region if team else None
        seat = next((s for s in free if s.cell.region == region and region is not None), None)
        seat = seat or (free[0] if free else min(seats, key=lambda s: len(s.reports)))
        if seat in free:
            free.remove(seat)
        seat.reports.extend(team)


def _ordered(nodes: Sequence[Node], region_order: dict[str | None, int]) -> list[Node]:
    return sorted(
        nodes,
        key=lambda n: (region_order.get(n.cell.region, 1 << 30), n.cell.segment or "", n.role),
    )


def _split(nodes: list[Node], parts: int) -> list[list[Node]]:
    """``nodes`` in ``parts`` runs whose sizes differ by at most one, larger first."""
    base, extra = divmod(len(nodes), parts)
    out: list[list[Node]] = []
    start = 0
    for i in range(parts):
        size = base + (1 if i < extra else 0)
        out.append(nodes[start : start + size])
        start += size
    return out


def _grouped(
    plan: _Plan,
    reports: list[Node],
    span: int,
    least: int,
    region_order: dict[str | None, int],
) -> list[list[Node]]:
    """:func:`group`, remembered while the arrangement lasts: each round builds the tree
    again, and a first-line manager's reports are the very same leaves every time. The entry
    holds the reports, so their ids stay theirs."""
    key = (span, least, tuple(map(id, reports)))
    found = plan.teams.get(key)
    if found is None:
        found = plan.teams[key] = (list(reports), group(reports, span, least, region_order))
    return [list(team) for team in found[1]]


def group(
    reports: list[Node], span: int, least: int, region_order: dict[str | None, int]
) -> list[list[Node]]:
    """Teams of at most ``span``, as few as the span allows: each region with enough people
    gets teams of its own; when that would take an extra team, regions keep their full teams
    and their remainders share one."""
    by_region: dict[str | None, list[Node]] = {}
    for node in _ordered(reports, region_order):
        by_region.setdefault(node.cell.region, []).append(node)
    aligned = _teams(by_region, span, least, lambda members: len(members))
    fewest = math.ceil(len(reports) / span)
    if len(aligned) > fewest:  # a manager more for the sake of regions: share the remainders
        packed = _teams(by_region, span, least, lambda members: len(members) // span * span)
        if len(packed) < len(aligned):
            return packed
    return aligned


def _teams(
    by_region: dict[str | None, list[Node]],
    span: int,
    least: int,
    own: Callable[[list[Node]], int],
) -> list[list[Node]]:
    """Regions keep ``own(members)`` of their people in teams of their own; the rest share."""
    teams: list[list[Node]] = []
    pool: list[Node] = []
    for region, members in by_region.items():
        kept = own(members) if region is not None and len(members) >= least else 0
        if kept:
            teams.extend(_deal(members[:kept], math.ceil(kept / span)))
        pool.extend(members[kept:])
    if pool and (len(pool) >= least or not teams):
        teams.extend(_deal(pool, math.ceil(len(pool) / span)))
    elif pool:
        room = sum(span - len(t) for t in teams)
        if room < len(pool):  # no room for the few: form every team afresh, regions in order
            everyone = [n for members in by_region.values() for n in members]
            return _split(everyone, math.ceil(len(everyone) / span))
        for node in pool:
            min(teams, key=len).append(node)
    return teams


def _deal(nodes: list[Node], parts: int) -> list[list[Node]]:
    """``nodes`` in ``parts`` teams of near-equal size with a like mix of roles: each role's
    seats are split in runs (so a segment's seats stay together), the larger runs first to
    the emptier teams."""
    roles = set(map(_ROLE, nodes))
    if len(roles) == 1:  # one role (the usual team of CSMs): its runs are the teams
        return [run for run in _split(nodes, parts) if run]
    teams: list[list[Node]] = [[] for _ in range(parts)]
    by_role: dict[str, list[Node]] = {}
    for node in nodes:
        by_role.setdefault(node.role, []).append(node)
    for members in sorted(by_role.values(), key=len, reverse=True):
        sizes = [len(team) for team in teams]
        order = sorted(range(parts), key=sizes.__getitem__)  # stable: ties by index
        for i, run in zip(order, _split(members, parts), strict=True):
            teams[i].extend(run)
    return [t for t in teams if t]


def _team_place(team: Sequence[Node], role: Role) -> tuple[Cell, tuple[Cell, ...]]:
    """A manager's own cell: the region (and segment) its whole team shares. What it serves
    is filled in once the tree is final (:func:`fill_serves`)."""
    if role.scope == "global":
        return Cell(), ()
    cells = set(map(_CELL, team))
    regions = {c.region for c in cells}
    segments = {c.segment for c in cells}
    region = regions.pop() if len(regions) == 1 else None
    segment = segments.pop() if len(segments) == 1 and role.scope == "pod" else None
    return Cell(region, segment), ()


def fill_serves(catalog: Catalog, root: Node) -> None:
    """Each manager serves the regions (and, for pod roles, segments) its team serves."""
    order: list[Node] = []
    stack = [root]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(node.reports)
    for node in reversed(order):  # reports before their managers
        if not node.reports:
            continue
        scope = catalog.roles[node.role].scope
        serves: dict[Cell, None] = {}
        for child in node.reports:
            for cell in child.serves or (child.cell,):
                serves[Cell(cell.region, cell.segment if scope == "pod" else None)] = None
        node.serves = tuple(serves)


def _layer_for(
    catalog: Catalog,
    structure: Structure,
    *,
    root_of: str,
    nodes: list[Node],
    plan: _Plan,
    excluded: frozenset[str],
) -> str | None:
    """The layer to open under an overflowing ``root_of``: the role its reports prefer
    between them and it, first-line layers first, that would get its minimum span."""
    manager = catalog.roles[root_of]
    by_role: dict[str, int] = {}
    for node in nodes:
        by_role[node.role] = by_role.get(node.role, 0) + 1
    candidates: dict[str, int] = {}
    for role_id, count in by_role.items():
        report = catalog.roles[role_id]
        for candidate in report.reports_to:
            if candidate == root_of:
                break
            layer = catalog.roles[candidate]
            if (
                candidate not in plan.accepting
                and candidate not in excluded
                and candidate not in plan.refused
                and layer.span is not None
                and manager.level < layer.level < report.level
            ):
                candidates[candidate] = candidates.get(candidate, 0) + count
                break
    usable = [c for c, n in candidates.items() if n >= min_span_of(catalog.roles[c])]
    if not usable:
        return None
    return max(
        usable, key=lambda c: (catalog.roles[c].level, candidates[c], -catalog.role_order()[c])
    )


def _prune(catalog: Catalog, root: Node) -> dict[str, str]:
    """Remove managers of one manager (and pure managers with no reports)."""
    pruned: dict[str, str] = {}
    changed = True
    while changed:
        changed = False
        stack = [root]
        while stack:
            node = stack.pop()
            kept: list[Node] = []
            for child in node.reports:
                only = child.reports[0] if len(child.reports) == 1 else None
                role = catalog.roles[child.role]
                if only is not None and only.reports and role.headcount.basis in ("span", "one"):
                    kept.append(only)
                    pruned.setdefault(
                        child.role,
                        f"it would manage only one {catalog.roles[only.role].title}",
                    )
                    changed = True
                else:
                    kept.append(child)
            node.reports = kept
            stack.extend(kept)
    return pruned


def _closed(
    structure: Structure, staffed: Mapping[str, Sequence[Placed]], plan: _Plan
) -> dict[str, str]:
    """Manager roles of the structure that have no seat, and why."""
    out: dict[str, str] = {}
    for role_id, member in structure.members.items():
        role = member.role
        if role_id == ROOT_ROLE or role.span is None or role_id in plan.accepting:
            continue
        if staffed.get(role_id):
            continue
        out[role_id] = plan.refused.get(role_id, "its span is not needed yet")
    return out


def _over(catalog: Catalog, root: Node, widen: bool) -> list[str]:
    """Seats that still manage more than their span (none, unless nothing could be inserted)."""
    out: list[str] = []
    stack = [root]
    while stack:
        node = stack.pop()
        stack.extend(node.reports)
        role = catalog.roles[node.role]
        if node.role != ROOT_ROLE and len(node.reports) > span_of(role, widen):
            out.append(node.role)
    return sorted(set(out), key=catalog.role_order().__getitem__)
