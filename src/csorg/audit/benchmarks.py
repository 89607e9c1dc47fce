"""The benchmarks coverage is judged against, read from the recommendation, in one place.

The recommendation sizes each coverage role from the company's book (accounts and ARR by
customer tier, with each tier's accounts and ARR per seat): its ``coverage`` says how many
accounts, and how much ARR, one seat is sized to carry. A chart is judged against that load,
so a change in how the recommendation sizes coverage (tiers, pooled seats) reaches the audit
without a figure written here. A role the recommendation does not size falls back to the
catalog's accounts per seat for the touch model.
"""

from __future__ import annotations

from dataclasses import dataclass

from csorg.catalog.schema import Catalog
from csorg.engine.result import Recommendation


@dataclass(frozen=True)
class Coverage:
    """The book of one coverage role and the load one seat is sized for."""

    role: str
    accounts: float  # the role's share of the company's accounts
    arr: float | None  # and of its ARR, when ARR was given
    limit: float  # accounts one seat is sized for
    arr_limit: float | None  # ARR one seat is sized for
    planned: float | None  # accounts per recommended seat
    head: str | None = None  # a head of CS who carries part of the book as a player-coach
    head_accounts: float = 0.0  # the accounts that part comes to


def coverage(rec: Recommendation, held: list[str]) -> dict[str, Coverage]:
    """The benchmark of each coverage role in ``held`` that the recommendation sized."""
    out: dict[str, Coverage] = {}
    for book in rec.coverage:
        if book.role not in held or not book.accounts or not book.work:
            continue
        arr_limit = book.arr / book.work if book.arr else None
        planned = book.accounts / book.seats if book.seats else None
        out[book.role] = Coverage(
            book.role,
            book.accounts,
            book.arr,
            book.accounts_per_seat,
            arr_limit,
            planned,
            book.carried_by,
            book.accounts * book.carried / book.work,
        )
    return out


def accounts_per_seat(catalog: Catalog, rec: Recommendation, role_id: str) -> float | None:
    """Accounts one seat of ``role_id`` should carry at most: the recommendation's load, else
    the catalog's figure for its touch model."""
    sized = coverage(rec, [role_id]).get(role_id)
    if sized is not None:
        return sized.limit
    per_seat = catalog.roles[role_id].headcount.accounts_per_seat
    return getattr(per_seat, rec.inputs.touch).value if per_seat is not None else None


def arr_per_seat(rec: Recommendation, role_id: str) -> float | None:
    """ARR one seat of ``role_id`` should carry at most; ``None`` without ARR."""
    sized = coverage(rec, [role_id]).get(role_id)
    return sized.arr_limit if sized is not None else None
