"""The sized org: structure → book → need → placement → layers, until the structure settles.

Rules that depend on seat counts (a CCO once there are two VPs, CS Ops from five CSMs) see
the counts of the previous round, and a layer a span needs but the structure lacks is added
with its reason; the steps run again until nothing changes. A budget's decisions
(:class:`Cuts`) are applied on the way: wider spans, roles combined into others, a cap on
coverage seats.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from operator import attrgetter

from csorg.catalog.schema import ROOT_ROLE, BusinessModel, Catalog
from csorg.engine.book import Book, Cell, company_book
from csorg.engine.inputs import Inputs
from csorg.engine.layers import Arrangement, Insert, Node, arrange, heads_of
from csorg.engine.need import HeadBook, Need, coverage_needs, head_book, ratio_seats, seats_for
from csorg.engine.placement import Placed, largest_remainder, place
from csorg.engine.structure import Structure, build_structure
from csorg.errors import CsorgError
from csorg.text import plural

MAX_ROUNDS = 32
MAX_SEATS = 200_000


@dataclass(frozen=True)
class Cuts:
    """What a budget decided: wider spans, roles combined into others, fewer coverage seats."""

    widen: bool = False
    hats: tuple[tuple[str, str], ...] = ()  # (role, the role whose seat takes it on)
    coverage_cap: int | None = None


@dataclass
class Org:
    """A sized org and how it came about."""

    structure: Structure
    book: Book | None
    needs: dict[str, Need]
    staffed: dict[str, list[Placed]]
    arrangement: Arrangement
    not_staffed: dict[str, str] = field(default_factory=dict)  # roles below a threshold -> why
    cuts: Cuts = field(default_factory=Cuts)
    head_book: HeadBook | None = None  # the book the head of CS carries as a player-coach
    _counts: dict[str, int] | None = field(default=None, repr=False, compare=False)
    _by_role: dict[str, list[Node]] | None = field(default=None, repr=False, compare=False)

    @property
    def root(self) -> Node:
        return self.arrangement.root

    def nodes(self) -> list[Node]:
        """Every seat, the CEO first, managers before their reports."""
        out: list[Node] = []
        stack = [self.root]
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(reversed(node.reports))
        return out

    def counts(self) -> dict[str, int]:
        """Seats per role (the tree's membership does not change once the org is built)."""
        if self._counts is None:
            counts: dict[str, int] = {}
            for node in self.nodes():
                counts[node.role] = counts.get(node.role, 0) + 1
            self._counts = counts
        return dict(self._counts)

    def seats_of(self, role_id: str) -> list[Node]:
        """The seats of one role, in no particular order (grouped once, so asking for every
        role stays linear in the seats)."""
        if self._by_role is None:
            groups: dict[str, list[Node]] = {}
            for node in self.nodes():
                groups.setdefault(node.role, []).append(node)
            self._by_role = groups
        return list(self._by_role.get(role_id, ()))

    @property
    def seats(self) -> int:
        """Seats in the CS org (the CEO is not one of them)."""
        return len(self.nodes()) - 1

    def coverage_seats(self) -> int:
        return sum(len(self.staffed.get(r, ())) for r in self.needs)


def size_org(catalog: Catalog, model: BusinessModel, inputs: Inputs, cuts: Cuts) -> Org:
    """The org for a sized company (accounts or ARR given)."""
    hatted = frozenset(role for role, _ in cuts.hats)
    inserted: dict[str, str] = {}
    counts: dict[str, int] | None = None
    history: list[dict[str, int]] = []
    opened: dict[str, str] = {}  # layers opened so far: each round starts from them
    leaders: dict[str, int] = {}  # and the seats leaders were given
    book = company_book(catalog, inputs, model.id)
    org: Org | None = None
    last: tuple[object, ...] | None = None  # the previous round's inputs to arrange
    for _ in range(MAX_ROUNDS):
        tiers = {t: book.tier_accounts(t) for t in book.tier_shares}
        structure = build_structure(catalog, model, inputs, counts, inserted, hatted, tiers)
        staffed, needs, not_staffed, carried = staff(catalog, structure, book, inputs, cuts)
        given = (structure, staffed, dict(opened), dict(leaders))
        if org is not None and given == last:  # arranging again would give the same org
            return org
        total = sum(len(p) for p in staffed.values())
        if total > MAX_SEATS:
            raise CsorgError(
                f"the org would have more than {MAX_SEATS:,} seats, more than csorg builds; size "
                "it for fewer accounts, or for one region or segment at a time"
            )
        arrangement = arrange(
            catalog,
            structure,
            staffed,
            book.cells,
            widen=cuts.widen,
            excluded=hatted,
            opened=opened,
            seats_of=leaders,
        )
        opened, leaders = arrangement.opened, arrangement.seats_of
        if isinstance(arrangement, Insert):
            inserted[arrangement.role] = arrangement.reason
            continue
        org = Org(structure, book, needs, staffed, arrangement, not_staffed, cuts, carried)
        last = given
        new_counts = org.counts()
        if new_counts == counts or new_counts in history:  # settled, or a cycle: keep this one
            return org
        history.append(new_counts)
        counts = new_counts
    if org is None:  # pragma: no cover - the catalog checks keep layers finite
        raise CsorgError("the catalog's layers do not settle for these inputs")
    return org


def staff(
    catalog: Catalog, structure: Structure, book: Book, inputs: Inputs, cuts: Cuts
) -> tuple[dict[str, list[Placed]], dict[str, Need], dict[str, str], HeadBook | None]:
    """The seats each role's own work calls for (not managers), placed over the book, and
    the part of it a player-coach head of CS carries."""
    needs, not_staffed = coverage_needs(catalog, book, structure, inputs.touch)
    counts = {r: seats_for(n.total) for r, n in needs.items()}
    head_ids = heads_of(catalog, structure)
    carried = head_book(catalog, [h for h in head_ids if h in structure.members], needs)
    if carried is not None:
        counts[carried.role] = seats_for(carried.total - carried.share)
    if cuts.coverage_cap is not None:
        counts = cap_coverage(counts, cuts.coverage_cap)
    staffed: dict[str, list[Placed]] = {}
    for role_id, need in needs.items():
        scope = catalog.roles[role_id].scope
        staffed[role_id] = place(role_id, counts[role_id], need.by_cell, book.cells, scope)
    if carried is not None and not counts[carried.role]:
        # the head is the whole team: a seat of its own, not one opened to manage others
        staffed[carried.head] = place(carried.head, 1, {}, book.cells, "global")
        head = catalog.title(carried.head)
        own = catalog.roles[carried.head].own_book
        limit = own.value if own is not None else carried.share
        not_staffed[carried.role] = (
            f"{carried.total:.1f} seats of work, which the {head} carries as a player-coach "
            f"(up to {limit:g} of a book)"
        )
    heads = set(head_ids)
    for role_id, member in structure.members.items():
        role = member.role
        if role_id == ROOT_ROLE or role_id in staffed or role_id in heads:
            continue
        if role.headcount.basis == "ratio" and role.headcount.ratio is not None:
            basis = staffed.get(role.headcount.ratio.per, [])
            seats = ratio_seats(role, len(basis), member.from_start)
            if not seats:
                threshold = role.headcount.first_at.value if role.headcount.first_at else 1
                not_staffed[role_id] = (
                    f"{plural(len(basis), catalog.title(role.headcount.ratio.per) + ' seat')}, "
                    f"below the {threshold} that open a first seat"
                )
                continue
            seats_by_cell = Counter(map(attrgetter("cell"), basis))
            weights = {cell: float(n) for cell, n in seats_by_cell.items()}
            needs[role_id] = Need(role_id, weights, basis=len(basis))
            staffed[role_id] = place(role_id, seats, weights, book.cells, role.scope)
        elif role.headcount.basis == "one" and role.span is None:
            staffed[role_id] = place(role_id, 1, {}, book.cells, "global")
    return staffed, needs, not_staffed, carried


def cap_coverage(counts: dict[str, int], cap: int) -> dict[str, int]:
    """Coverage seats cut to ``cap`` in all, in proportion, keeping one seat per role."""
    total = sum(counts.values())
    if total <= cap:
        return dict(counts)
    roles = [r for r, n in counts.items() if n > 0]
    extra = largest_remainder(max(cap - len(roles), 0), [counts[r] - 1 for r in roles])
    out = dict.fromkeys(counts, 0)
    for role_id, more in zip(roles, extra, strict=True):
        out[role_id] = 1 + more
    return out


def unsized_org(catalog: Catalog, model: BusinessModel, inputs: Inputs, cuts: Cuts) -> Org:
    """The structure as the articles give it: one seat per role, on its preferred line."""
    hatted = frozenset(role for role, _ in cuts.hats)
    structure = build_structure(catalog, model, inputs, None, None, hatted)
    nodes = {r: Node(r, Cell(), ()) for r in structure.members}
    for role_id, manager in structure.parent.items():
        if manager is not None:
            nodes[manager].reports.append(nodes[role_id])
    order = catalog.role_order()
    for node in nodes.values():
        node.reports.sort(key=lambda n: order[n.role])
    arrangement = Arrangement(nodes[ROOT_ROLE], {}, {}, {})
    staffed = {r: [Placed(r, Cell(), ())] for r in structure.members if r != ROOT_ROLE}
    return Org(structure, None, {}, staffed, arrangement, {}, cuts)
