"""Why each count is what it is: the reasons shown with every role, and the next hires.

Every sentence cites where its number comes from, or says it is csorg's own heuristic.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from csorg.catalog.schema import ROOT_ROLE, Catalog
from csorg.engine.book import Cell
from csorg.engine.inputs import Inputs
from csorg.engine.layers import heads_of, min_span_of, span_of
from csorg.engine.need import Need
from csorg.engine.result import NextHire
from csorg.engine.staffing import Org
from csorg.text import cite, number, plural


def count_reasons(catalog: Catalog, org: Org, inputs: Inputs, role_id: str) -> list[str]:
    """How the seats of ``role_id`` were counted and placed."""
    role = catalog.roles[role_id]
    seats = org.counts().get(role_id, 0)
    need = org.needs.get(role_id)
    out: list[str] = []
    if need is not None and need.tiers:
        out.extend(_tier_reasons(catalog, org, inputs, need, seats))
    elif need is not None and role.headcount.basis == "coverage":
        rate = role.headcount.accounts_per_seat
        assert rate is not None
        per_seat = getattr(rate, inputs.touch)
        out.append(
            f"{plural(seats, 'seat')}: {need.accounts:,.0f} accounts at {number(per_seat.value)} "
            f"per seat in a {inputs.touch}-touch model ({cite(catalog, per_seat)})"
        )
    elif role.headcount.basis == "ratio" and role.headcount.ratio is not None and need is not None:
        ratio = role.headcount.ratio
        first = role.headcount.first_at
        start = f", the first from {first.value} ({cite(catalog, first)})" if first else ""
        out.append(
            f"one per {ratio.every.value} {catalog.title(ratio.per)} seats "
            f"({cite(catalog, ratio.every)}){start}: {need.basis} → {seats}"
        )
    carried = org.head_book
    if carried is not None and carried.head == role_id and role.own_book is not None:
        out.append(
            f"works accounts as a player-coach while the team is small: {carried.share:.1f} "
            f"seats of {catalog.title(carried.role)} work, up to {role.own_book.value:g} of a "
            f"book ({cite(catalog, role.own_book)})"
        )
    opened = _opened_reason(catalog, org, role_id) if role_id in org.arrangement.opened else None
    if opened is not None:
        out.append(opened)
    elif role.span is not None and seats > 1 and role.headcount.basis == "span":
        out.append(
            f"span of control: at most {span_of(role, org.cuts.widen)} direct reports each "
            f"({cite(catalog, role.span)}) → {seats}"
        )
    placed = _placement(org, role_id)
    if placed:
        out.append(placed)
    return out


def _tier_reasons(catalog: Catalog, org: Org, inputs: Inputs, need: Need, seats: int) -> list[str]:
    parts: list[str] = []
    for piece in need.tiers:
        tier = catalog.tiers[piece.tier]
        text = (
            f"{tier.name} {piece.accounts:,.0f} accounts at {number(tier.accounts_per_seat.value)} "
            f"per seat ({cite(catalog, tier.accounts_per_seat)})"
        )
        if piece.by_arr is not None and tier.arr_per_seat is not None and piece.arr is not None:
            binding = "the ARR binds" if piece.arr_binds else "the accounts bind"
            text += (
                f" and {inputs.dollars(piece.arr)} ARR at {inputs.dollars(tier.arr_per_seat.value)}"
                " per seat "
                f"({cite(catalog, tier.arr_per_seat)}): {binding}"
            )
        parts.append(text)
    work = sum(p.seats for p in need.tiers)
    head = f"{plural(seats, 'seat')} for {work:.1f} seats of work"
    carried = org.head_book if org.head_book and org.head_book.role == need.role else None
    if carried is not None:
        head += (
            f", {carried.share:.1f} of them carried by the {catalog.title(carried.head)} as a "
            "player-coach"
        )
    if seats < work - (carried.share if carried else 0.0) - 1e-6:
        head += " (the budget cuts coverage)"
    return [head + ": " + "; ".join(parts)]


def _cell_order(cells: tuple[Cell, ...]) -> Callable[[Cell], tuple[int, int]]:
    """Sort key: regions, then segments, in the order the user gave them."""
    regions = {c.region: i for i, c in reversed(list(enumerate(cells)))}
    segments = {c.segment: i for i, c in reversed(list(enumerate(cells)))}
    return lambda cell: (regions.get(cell.region, -1), segments.get(cell.segment, -1))


def _placement(org: Org, role_id: str) -> str | None:
    """Where a role's seats sit, when there are regions or segments."""
    nodes = org.seats_of(role_id)
    homes = Counter(n.cell for n in nodes if n.cell.region or n.cell.segment)
    if not homes or org.book is None or len(org.book.cells) < 2:
        return None
    order = _cell_order(org.book.cells)
    where = ", ".join(f"{cell.label()} {homes[cell]}" for cell in sorted(homes, key=order))
    pooled_cells = {c for n in nodes for c in n.serves[1:] if c not in homes}
    pooled = [c.label() for c in sorted(pooled_cells, key=order)]
    text = f"placed by share of the book: {where}"
    if pooled:
        text += f"; {', '.join(pooled)} served by pooled seats"
    return text


def next_hires(catalog: Catalog, org: Org) -> list[NextHire]:
    """Roles of the structure without seats yet: what brings them, who does it meanwhile."""
    counts = org.counts()
    structure = org.structure
    if org.book is not None and set(counts) == {ROOT_ROLE}:
        return _first_hire(catalog, org)
    out: list[NextHire] = []
    waiting = {**org.arrangement.closed, **org.not_staffed, **org.arrangement.pruned}
    children = structure.children()
    natural: dict[str, list[str]] = {}  # the roles that report to a role first, by the catalog
    for role in catalog.roles.values():
        if role.reports_to:
            natural.setdefault(role.reports_to[0], []).append(role.id)
    for role_id in structure.members:
        if role_id == ROOT_ROLE or counts.get(role_id) or role_id not in waiting:
            continue
        role = catalog.roles[role_id]
        covering = next((a for a in structure.ancestors(role_id) if counts.get(a)), ROOT_ROLE)
        who = catalog.title(covering)
        carried = org.head_book
        if carried is not None and carried.role == role_id:
            own = catalog.roles[carried.head].own_book
            limit = f"{own.value:g}" if own is not None else f"{carried.share:.1f}"
            head = catalog.title(carried.head)
            trigger = (
                f"once its work passes the {limit} of a book the {head} carries as a "
                f"player-coach: now {carried.total:.1f} seats of work"
            )
            until = f"the {head} works the accounts"
        elif role_id in org.not_staffed:
            trigger = f"once its work fills a seat: now {org.not_staffed[role_id]}"
            until = f"the {who} and the team do its work"
        elif role_id in org.arrangement.pruned:
            trigger = (
                f"once it has at least {min_span_of(role)} leaders to bring together "
                f"(now {org.arrangement.pruned[role_id]})"
            )
            until = f"the {who} leads without it"
        else:
            manager = catalog.roles[covering]
            trigger = (
                f"when the {who} would have more than {span_of(manager, org.cuts.widen)} direct "
                f"reports and it would get at least {min_span_of(role)}"
            )
            team = children.get(role_id) or natural.get(role_id, [])
            if team and not any(counts.get(c) for c in team):  # no one for it to lead yet
                titles = " or ".join(catalog.title(c) for c in team)
                trigger = f"once there are {titles} seats for it to lead (none yet), and " + trigger
            until = f"the {who} manages its people directly"
        out.append(NextHire(role_id, role.title, trigger, until))
    return out


def _first_hire(catalog: Catalog, org: Org) -> list[NextHire]:
    """No accounts to serve yet: the one hire to plan is the head of CS, who starts as a
    player-coach with the first customers (the layers below come much later)."""
    heads = [h for h in heads_of(catalog, org.structure) if h in org.structure.members]
    return [
        NextHire(
            head,
            catalog.title(head),
            "with the first customers: there are no accounts to serve yet",
            "the people who win the first customers look after them",
        )
        for head in heads[:1]
    ]


def _opened_reason(catalog: Catalog, org: Org, role_id: str) -> str | None:
    """Why a layer was opened: the manager it relieved, as recorded when it opened. A later
    round may have replaced that manager (a bigger org grows a VP over a startup's CS Lead);
    then the reason is restated for the manager the layer reports to now, or left out when
    that manager could take the layer's reports itself."""
    recorded = org.arrangement.opened[role_id]
    manager_role = None
    most = 0  # the most direct reports a manager seat would have without the layer
    seats = 0
    stack = [org.arrangement.root]
    while stack:
        node = stack.pop()
        layer = [child for child in node.reports if child.role == role_id]
        if layer:
            manager_role = node.role
            seats += 1
            without = len(node.reports) - len(layer) + sum(len(c.reports) for c in layer)
            most = max(most, without)
        stack.extend(node.reports)
    if manager_role is None or recorded.startswith(
        f"span of control: {catalog.title(manager_role)} would have"
    ):
        return recorded
    span = span_of(catalog.roles[manager_role], org.cuts.widen)
    if most <= span:
        return None
    who = f"a {catalog.title(manager_role)}" if seats > 1 else f"the {catalog.title(manager_role)}"
    return (
        f"span of control: without this layer, {who} would have {most:,} direct reports, "
        f"above its span of {span}; this layer takes them"
    )
