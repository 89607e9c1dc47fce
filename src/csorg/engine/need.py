"""Step 3: company-wide need. How many seats each role's work calls for, before placement.

Coverage roles take the accounts of the tiers they serve: each tier names its serving roles,
best first, and the first present and open one serves it. A role with a first-seat threshold
(``headcount.first_at``) is open only once its work reaches it, so a small digital tail stays
with the CSMs until it fills a digital book. With ARR, a tier's seats are the larger of its
accounts over accounts per seat and its ARR over ARR per seat, and the reason says which one
binds. Coverage roles no tier names (support) cover every account at their own per-seat rate.

Ratio roles follow the company-wide count of the seats they support (one CS Ops per twelve
CSMs), from the threshold on; the count is rounded to the nearest seat, since a ratio is an
average, while coverage is rounded up, since a book has a size limit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from csorg.catalog.schema import Catalog, Role
from csorg.engine.book import Book, Cell
from csorg.engine.structure import Structure

EPSILON = 1e-9


@dataclass(frozen=True)
class TierNeed:
    """One tier's part of a coverage role's need."""

    tier: str
    accounts: float
    arr: float | None
    by_accounts: float  # seats the accounts call for
    by_arr: float | None  # seats the ARR calls for

    @property
    def seats(self) -> float:
        return max(self.by_accounts, self.by_arr or 0.0)

    @property
    def arr_binds(self) -> bool:
        return self.by_arr is not None and self.by_arr > self.by_accounts


@dataclass(frozen=True)
class Need:
    """A role's need: fractional seats by cell, and how it was worked out."""

    role: str
    by_cell: dict[Cell, float]
    tiers: tuple[TierNeed, ...] = ()  # coverage from tiers
    accounts: float = 0.0  # coverage roles: the accounts covered
    basis: int = 0  # ratio roles: the seats of the role sized from

    @property
    def total(self) -> float:
        return sum(self.by_cell.values())


SMALL_TEAM = 2  # coverage seats a player-coach head still works beside (a team of two or three)


@dataclass(frozen=True)
class HeadBook:
    """Part of a coverage role's book carried by the head of CS while the team is small."""

    head: str
    role: str  # the coverage role whose book it shares
    share: float  # seats of work the head carries
    total: float  # the role's whole need, the head's share included


def head_book(catalog: Catalog, heads: list[str], needs: dict[str, Need]) -> HeadBook | None:
    """The book the head of CS carries, if any: only a single head with an ``own_book``, only
    from the main tier-served coverage role (the CSMs, not support), and only while that role
    would keep at most :data:`SMALL_TEAM` seats of its own beside the head."""
    if len(heads) != 1:
        return None
    head = catalog.roles[heads[0]]
    if head.own_book is None:
        return None
    order = catalog.role_order()
    books = [n for n in needs.values() if n.tiers and n.total > EPSILON]
    if not books:
        return None
    main = max(books, key=lambda n: (n.total, -order[n.role]))
    share = min(head.own_book.value, main.total)
    if seats_for(main.total - share) > SMALL_TEAM:
        return None
    return HeadBook(head.id, main.role, share, main.total)


def seats_for(need: float) -> int:
    """Whole seats for a coverage need: rounded up, since a book has a limit."""
    return math.ceil(need - EPSILON) if need > EPSILON else 0


def serving_roles(
    catalog: Catalog, book: Book, structure: Structure
) -> tuple[dict[str, str], dict[str, str]]:
    """Which present role serves each tier, and why a preferred one does not (role -> note).

    A preferred role with a first-seat threshold its tiers do not reach is passed over.
    """
    present = structure.members
    closed: dict[str, str] = {}
    while True:
        serving: dict[str, str] = {}
        for tier_id in book.tier_shares:
            tier = catalog.tiers[tier_id]
            role = next((r for r in tier.served_by if r in present and r not in closed), None)
            if role is None:  # no serving role in this structure: the main coverage role
                role = _fallback(catalog, structure, closed)
            if role is not None:
                serving[tier_id] = role
        reopened = False
        for role_id in sorted(set(serving.values())):
            threshold = present[role_id].role.headcount.first_at
            if threshold is None or present[role_id].from_start:
                continue
            accounts = sum(book.tier_accounts(t) for t, r in serving.items() if r == role_id)
            if accounts + EPSILON < threshold.value:
                closed[role_id] = (
                    f"{accounts:,.0f} accounts, below the {threshold.value:,} that open a "
                    "first seat"
                )
                reopened = True
        if not reopened:
            return serving, closed


def _fallback(catalog: Catalog, structure: Structure, closed: dict[str, str]) -> str | None:
    for tier in catalog.tiers.values():
        for role_id in tier.served_by:
            if role_id in structure.members and role_id not in closed:
                return role_id
    return None


def coverage_needs(
    catalog: Catalog, book: Book, structure: Structure, touch: str
) -> tuple[dict[str, Need], dict[str, str]]:
    """The need of every coverage role present, and the roles passed over (role -> why)."""
    serving, closed = serving_roles(catalog, book, structure)
    needs: dict[str, Need] = {}
    for role_id in sorted(set(serving.values()), key=catalog.role_order().__getitem__):
        by_cell: dict[Cell, float] = {}
        tiers: list[TierNeed] = []
        for tier_id, server in serving.items():
            if server != role_id:
                continue
            tier = catalog.tiers[tier_id]
            accounts = book.tier_accounts(tier_id)
            arr = book.tier_arr(tier_id) if tier.arr_per_seat is not None else None
            tiers.append(
                TierNeed(
                    tier_id,
                    accounts,
                    arr,
                    accounts / tier.accounts_per_seat.value,
                    arr / tier.arr_per_seat.value
                    if arr is not None and tier.arr_per_seat is not None
                    else None,
                )
            )
            for piece in book.slices:
                if piece.tier != tier_id:
                    continue
                seats = piece.accounts / tier.accounts_per_seat.value
                if piece.arr is not None and tier.arr_per_seat is not None:
                    seats = max(seats, piece.arr / tier.arr_per_seat.value)
                by_cell[piece.cell] = by_cell.get(piece.cell, 0.0) + seats
        needs[role_id] = Need(
            role_id, by_cell, tuple(tiers), accounts=sum(t.accounts for t in tiers)
        )
    for role_id, member in structure.members.items():
        rate = member.role.headcount.accounts_per_seat
        if member.role.headcount.basis != "coverage" or role_id in needs or rate is None:
            continue
        per_seat = getattr(rate, touch).value
        threshold = member.role.headcount.first_at
        if (
            threshold is not None
            and book.accounts + EPSILON < threshold.value
            and not member.from_start
        ):
            closed[role_id] = (
                f"{book.accounts:,.0f} accounts, below the {threshold.value:,} that open a "
                "first seat"
            )
            continue
        by_cell = {}
        for piece in book.slices:
            by_cell[piece.cell] = by_cell.get(piece.cell, 0.0) + piece.accounts / per_seat
        needs[role_id] = Need(role_id, by_cell, accounts=book.accounts)
    return needs, closed


def ratio_seats(role: Role, basis: int, from_start: bool) -> int:
    """Seats of a ratio role for ``basis`` seats of the role it is sized from: nothing below
    its first-seat threshold, then the ratio rounded to the nearest seat (at least one)."""
    ratio = role.headcount.ratio
    assert ratio is not None  # checked when the catalog loaded
    threshold = role.headcount.first_at.value if role.headcount.first_at else 1
    if basis < threshold and not from_start:
        return 0
    return max(1, math.floor(basis / ratio.every.value + 0.5))
