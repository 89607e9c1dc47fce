"""Step 6: the budget. Fit the org to a headcount or a money budget (or both), cutting
management before coverage.

In order, each step kept only if it saves seats:
1. management first: every manager takes up to the hard cap of direct reports, so fewer
   team leads and directors are needed;
2. roles combined into another seat (the catalog's ``hats``, in order): a senior role is only
   ever taken on by a single seat, never spread over several;
3. coverage thinned: CSMs and the other coverage seats cut in proportion, with a warning
   saying how far the books then are from the benchmark;
4. the last-resort combinations (a single CSM who does it all).

The seat count (and the cost, at each seat's mid band and pay level) never exceeds the budget.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from csorg.catalog.schema import ROOT_ROLE, Catalog
from csorg.engine.staffing import Cuts, Org
from csorg.errors import CsorgError
from csorg.text import plural

Build = Callable[[Cuts], Org]


@dataclass(frozen=True)
class Limit:
    """What the org must fit: seats, money a year, or both."""

    seats: int | None = None
    money: float | None = None
    cost: Callable[[Org], float] | None = None  # an org's yearly cost, for a money budget

    def fits(self, org: Org) -> bool:
        if self.seats is not None and org.seats > self.seats:
            return False
        return self.money is None or self.cost is None or self.cost(org) <= self.money + 0.5

    def describe(self) -> str:
        parts = [f"a headcount of {self.seats}"] if self.seats is not None else []
        if self.money is not None:
            parts.append(f"a budget of {self.money:,.0f} a year")
        return " and ".join(parts)


def fit_headcount(catalog: Catalog, build: Build, headcount: int) -> tuple[Org, int]:
    """The largest org within ``headcount`` seats, and the seats the ideal org needs."""
    org, ideal = fit(catalog, build, Limit(seats=headcount))
    return org, ideal.seats


def fit(catalog: Catalog, build: Build, limit: Limit) -> tuple[Org, Org]:
    """The largest org within ``limit``, and the ideal org."""
    org, ideal = squeeze(catalog, build, limit)
    if not limit.fits(org):
        raise CsorgError(
            f"{limit.describe()} cannot hold this structure: even with every role combined as "
            f"far as the catalog allows it needs {plural(org.seats, 'seat')}"
            + (f" costing {limit.cost(org):,.0f} a year" if limit.cost and limit.money else "")
        )
    return org, ideal


def squeeze(catalog: Catalog, build: Build, limit: Limit) -> tuple[Org, Org]:
    """The largest org within ``limit`` or, when none fits, the smallest the catalog allows;
    and the ideal org."""
    ideal = build(Cuts())
    if limit.fits(ideal):
        return ideal, ideal
    # management first: every manager takes up to the hard cap, whatever that saves
    org = build(replace(ideal.cuts, widen=True)) if ideal.book is not None else ideal
    org = _combine(catalog, build, org, limit, last_resort=False)
    if not limit.fits(org) and org.book is not None:
        org = _thin_coverage(build, org, limit)
        org = _combine(catalog, build, org, limit, last_resort=False)
    while not limit.fits(org):  # last resorts, each pass after thinning what is left
        # a last resort can bring in a role (a CCO once no VP heads CS) that an ordinary
        # combination then folds away, so both kinds run on every pass
        combined = _combine(catalog, build, org, limit, last_resort=True)
        combined = _combine(catalog, build, combined, limit, last_resort=False)
        if not limit.fits(combined) and combined.book is not None:
            combined = _thin_coverage(build, combined, limit)
        if combined.seats >= org.seats:
            break
        org = combined
    if org.cuts.coverage_cap is not None and limit.fits(org):
        # a last resort freed room the earlier thinning could not count on: fill it
        org = _regrow_coverage(build, org, limit, ideal.coverage_seats())
    return org, ideal


def _keep_if_smaller(limit: Limit, org: Org, tried: Org) -> Org:
    if tried.seats < org.seats:
        return tried
    if limit.money is not None and limit.cost is not None and limit.cost(tried) < limit.cost(org):
        return tried
    return org


def _combine(catalog: Catalog, build: Build, org: Org, limit: Limit, *, last_resort: bool) -> Org:
    """Combine roles into others, in the catalog's order, while the org is over budget."""
    for hat in catalog.hats:
        if limit.fits(org):
            break
        counts = org.counts()
        if hat.last_resort != last_resort or hat.role == ROOT_ROLE or not counts.get(hat.role):
            continue
        if any(hat.role == role for role, _ in org.cuts.hats):
            continue
        combined = dict(org.cuts.hats)  # a host combined into another seat still takes hats
        host = next((h for h in hat.into if counts.get(h) or h in combined), None)
        if host is None:
            continue
        if not _may_take(catalog, counts, hat.role, host):
            continue
        cap = org.cuts.coverage_cap
        if cap is not None and hat.role in org.needs:  # its coverage seats go with it
            cap = max(cap - counts[hat.role], 1)
        try:
            tried = build(
                replace(org.cuts, hats=(*org.cuts.hats, (hat.role, host)), coverage_cap=cap)
            )
        except CsorgError:
            continue
        org = _keep_if_smaller(limit, org, _fold_newcomers(catalog, build, counts, tried))
    return org


def _may_take(catalog: Catalog, counts: dict[str, int], role: str, host: str) -> bool:
    """Two seats never share one more senior role."""
    return counts.get(host, 0) <= 1 or catalog.roles[role].level >= catalog.roles[host].level


def _fold_newcomers(catalog: Catalog, build: Build, before: dict[str, int], org: Org) -> Org:
    """Combine roles a combination brought in (a CCO who heads CS once its VP is folded into
    a CSM) into the seats the catalog names for them, so the combination is judged whole."""
    for _ in range(len(catalog.hats)):
        counts = org.counts()
        combined = dict(org.cuts.hats)
        new = [r for r in counts if r != ROOT_ROLE and not before.get(r) and r not in combined]
        hat = next((h for h in catalog.hats if h.role in new), None)
        if hat is None:
            return org
        host = next((h for h in hat.into if counts.get(h) or h in combined), None)
        if host is None or not _may_take(catalog, counts, hat.role, host):
            return org
        try:
            org = build(replace(org.cuts, hats=(*org.cuts.hats, (hat.role, host))))
        except CsorgError:
            return org
    return org


def _thin_coverage(build: Build, org: Org, limit: Limit) -> Org:
    """The most coverage seats that fit, found by halving the range."""
    low, high = len(org.needs), org.coverage_seats()
    best: Org | None = None
    while low <= high:
        middle = (low + high) // 2
        tried = build(replace(org.cuts, coverage_cap=middle))
        if limit.fits(tried):
            best, low = tried, middle + 1
        else:
            high = middle - 1
    return best if best is not None else build(replace(org.cuts, coverage_cap=len(org.needs)))


def _regrow_coverage(build: Build, org: Org, limit: Limit, most: int) -> Org:
    """The most coverage seats, up to ``most``, that still fit, found by halving the range
    above what ``org`` has."""
    low, high = org.coverage_seats() + 1, most
    best = org
    while low <= high:
        middle = (low + high) // 2
        tried = build(replace(org.cuts, coverage_cap=middle))
        if limit.fits(tried) and tried.coverage_seats() > best.coverage_seats():
            best, low = tried, middle + 1
        else:
            high = middle - 1
    return best
