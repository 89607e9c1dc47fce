"""The benchmarks coverage is judged against, in one place.

Accounts per seat come from the recommendation the chart is compared with: its inputs (touch
model, accounts) and the catalog figure its coverage roles were sized with, and the
recommended seat count gives the load the recommendation plans per seat. When the
recommendation carries tier benchmarks of its own (accounts or ARR per CSM by tier), they
belong here, and every rule that judges coverage follows.
"""

from __future__ import annotations

from dataclasses import dataclass

from csorg.catalog.schema import Catalog, Number
from csorg.engine.result import Recommendation


@dataclass(frozen=True)
class Coverage:
    """How many accounts one seat of a coverage role should carry."""

    role: str
    accounts: float  # the role's share of the company's accounts
    share: float
    limit: Number  # accounts one seat covers at most (with its source)
    planned: float | None  # accounts per seat in the recommendation, when it has seats


def coverage(catalog: Catalog, rec: Recommendation, held: list[str]) -> dict[str, Coverage]:
    """The coverage benchmark of each coverage role in ``held`` (the roles the chart has),
    splitting the accounts between them as the engine does: the model's shares, renormalised
    over the roles present. Empty without a number of accounts."""
    customers = rec.inputs.customers
    if customers is None:
        return {}
    model = catalog.models.get(rec.model_id)
    shares = {a.role: a.share.value for a in model.accounts} if model else {}
    roles = [r for r in held if catalog.roles[r].headcount.basis == "coverage"]
    listed = sum(shares[r] for r in roles if r in shares)
    out: dict[str, Coverage] = {}
    for role_id in roles:
        per_seat = catalog.roles[role_id].headcount.accounts_per_seat
        if per_seat is None:
            continue
        share = shares[role_id] / listed if role_id in shares and listed else 1.0
        accounts = customers * share
        entry = rec.role(role_id)
        planned = accounts / entry.count if entry is not None and entry.count else None
        out[role_id] = Coverage(
            role_id, accounts, share, getattr(per_seat, rec.inputs.touch), planned
        )
    return out


def arr_per_seat(rec: Recommendation, role_id: str) -> float | None:
    """ARR one seat of ``role_id`` should carry at most; ``None`` while the recommendation
    has no ARR benchmark (books of ARR are then reported, not judged)."""
    return None
