"""Step 6: the budget. Fit the org to a headcount, cutting management before coverage.

In order, each step kept only if it saves seats:
1. management first: every manager takes up to the hard cap of direct reports, so fewer
   team leads and directors are needed;
2. roles combined into another seat (the catalog's ``hats``, in order): a senior role is only
   ever taken on by a single seat, never spread over several;
3. coverage thinned: CSMs and the other coverage seats cut in proportion, with a warning
   saying how far the books then are from the benchmark;
4. the last-resort combinations (a single CSM who does it all).

The seat count never exceeds the budget.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from csorg.catalog.schema import ROOT_ROLE, Catalog
from csorg.engine.staffing import Cuts, Org
from csorg.errors import CsorgError

Build = Callable[[Cuts], Org]


def fit_headcount(catalog: Catalog, build: Build, headcount: int) -> tuple[Org, int]:
    """The largest org within ``headcount`` seats, and the seats the ideal org needs."""
    ideal = build(Cuts())
    need = ideal.seats
    if need <= headcount:
        return ideal, need
    # management first: every manager takes up to the hard cap, whatever that saves
    org = build(replace(ideal.cuts, widen=True)) if ideal.book is not None else ideal
    org = _combine(catalog, build, org, headcount, last_resort=False)
    if org.seats > headcount and org.book is not None:
        org = _thin_coverage(build, org, headcount)
        org = _combine(catalog, build, org, headcount, last_resort=False)
    while org.seats > headcount:  # last resorts, each pass after thinning what is left
        combined = _combine(catalog, build, org, headcount, last_resort=True)
        if combined.seats > headcount and combined.book is not None:
            combined = _thin_coverage(build, combined, headcount)
        if combined.seats >= org.seats:
            break
        org = combined
    if org.seats > headcount:
        raise CsorgError(
            f"a headcount of {headcount} cannot hold this structure: even with every role "
            f"combined as far as the catalog allows it needs {org.seats} seats"
        )
    return org, need


def _keep_if_smaller(org: Org, tried: Org) -> Org:
    return tried if tried.seats < org.seats else org


def _combine(catalog: Catalog, build: Build, org: Org, headcount: int, *, last_resort: bool) -> Org:
    """Combine roles into others, in the catalog's order, while seats are over budget."""
    for hat in catalog.hats:
        if org.seats <= headcount:
            break
        counts = org.counts()
        if hat.last_resort != last_resort or hat.role == ROOT_ROLE or not counts.get(hat.role):
            continue
        if any(hat.role == role for role, _ in org.cuts.hats):
            continue
        host = next((h for h in hat.into if counts.get(h)), None)
        if host is None:
            continue
        if counts[host] > 1 and catalog.roles[hat.role].level < catalog.roles[host].level:
            continue  # two seats never share one more senior role
        cap = org.cuts.coverage_cap
        if cap is not None and hat.role in org.needs:  # its coverage seats go with it
            cap = max(cap - counts[hat.role], 1)
        try:
            tried = build(
                replace(org.cuts, hats=(*org.cuts.hats, (hat.role, host)), coverage_cap=cap)
            )
        except CsorgError:
            continue
        org = _keep_if_smaller(org, tried)
    return org


def _thin_coverage(build: Build, org: Org, headcount: int) -> Org:
    """The most coverage seats that fit, found by halving the range."""
    low, high = len(org.needs), org.coverage_seats()
    best: Org | None = None
    while low <= high:
        middle = (low + high) // 2
        tried = build(replace(org.cuts, coverage_cap=middle))
        if tried.seats <= headcount:
            best, low = tried, middle + 1
        else:
            high = middle - 1
    return best if best is not None else build(replace(org.cuts, coverage_cap=len(org.needs)))
