"""Compensation: a pay band runs low ≤ mid ≤ high, is for a CS role (not the root: the CEO is
not a CS cost), and is in a currency the catalogs have a rate for; the rates are per US
dollar, so the US dollar's own rate is 1."""

from __future__ import annotations

from csorg.catalog.checks.context import Context
from csorg.catalog.schema import ROOT_ROLE

ID = "compensation"


def check(ctx: Context) -> None:
    catalog = ctx.catalog
    for role_id, band in catalog.bands.items():
        low, mid, high = band.low.value, band.mid.value, band.high.value
        if low > mid:
            ctx.problem(
                "bands", role_id, ("mid", "value"), f"mid ({mid:,g}) is below low ({low:,g})"
            )
        if mid > high:
            ctx.problem(
                "bands", role_id, ("high", "value"), f"high ({high:,g}) is below mid ({mid:,g})"
            )
        if role_id == ROOT_ROLE:
            ctx.problem(
                "bands", role_id, ("role",), "the CEO is not a CS seat and is never in a CS cost"
            )
        if band.currency not in catalog.currencies and not _written(ctx, role_id):
            # a currency written in the band is a reference, checked with the others
            ctx.problem(
                "bands",
                role_id,
                (),
                f"no rate for {band.currency}, the currency of bands by default: add it under "
                "`currencies`, or give the band's `currency`",
            )
    usd = catalog.currencies.get("USD")
    if usd is not None and usd.per_usd.value != 1:
        ctx.problem(
            "currencies",
            "USD",
            ("per_usd", "value"),
            f"rates are per US dollar, so USD's is 1, not {usd.per_usd.value:g}",
        )


def _written(ctx: Context, role_id: str) -> bool:
    """Whether the band gives its currency itself."""
    doc, path = ctx.origins[("bands", role_id)]
    entry = doc.data[path[0]][path[1]]
    return isinstance(entry, dict) and "currency" in entry
