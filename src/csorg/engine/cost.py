"""What a recommended team costs: per role, per region and in total, as a low, mid and high
estimate, in the currency asked for; and, with ARR, the cost as a share of ARR beside the
published benchmarks.

Everything comes from the compensation catalog (``compensation.yaml``): a fully-loaded annual
band per role, a pay level per region, fixed exchange rates and the spend benchmarks. The
counts come from the :class:`~csorg.engine.result.Recommendation` alone (its seats when it
lists them, else its roles and their pods), so the cost follows whatever the sizing decides.
The CEO is never a CS cost.

:func:`seat_cost` is the cost of one seat, for fitting an org to a money budget.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from csorg.catalog.schema import Catalog, PayBand
from csorg.engine.inputs import Inputs, default_currency
from csorg.engine.result import (
    ZERO,
    ArrShare,
    Band,
    BenchmarkCheck,
    Cost,
    Recommendation,
    RegionCost,
    RoleCost,
)
from csorg.text import plural, short_source

OVER_SPEND = 2.0  # times the most generous spend benchmark that earns a warning

Placements = dict[str, dict[str | None, int]]  # role -> region (None: none given) -> seats


def seat_cost(
    catalog: Catalog, role_id: str, region: str | None = None, currency: str | None = None
) -> float | None:
    """The typical (mid) annual cost of one seat of ``role_id`` in ``region``, in
    ``currency`` (default: the bands' own); ``None`` when the catalog has no band for it.
    A region without a pay level in the catalog costs as the reference level."""
    band = catalog.bands.get(role_id)
    if band is None:
        return None
    rate = _rate(catalog, band.currency, currency or default_currency(catalog))
    if rate is None:
        return None
    return band.mid.value * rate * _multiplier(catalog, region)[0]


def is_sized(inputs: Inputs) -> bool:
    """Whether the counts were sized for a company (else they are a structure's roles)."""
    return any(
        value is not None
        for value in (inputs.customers, inputs.arr, inputs.headcount, inputs.budget)
    )


def with_cost(catalog: Catalog, rec: Recommendation) -> Recommendation:
    """``rec`` with its cost, when it is sized and the catalog has pay bands."""
    if not is_sized(rec.inputs) or not catalog.bands:
        return rec
    return replace(rec, cost=cost_of(catalog, rec))


@dataclass(frozen=True)
class OverSpend:
    """A team that costs more than twice even the most generous spend benchmark for its
    stage: csorg's coverage and seniority figures and the benchmarks disagree for this book."""

    text: str  # the finding, without advice
    budget: float | None  # the budget that meets the benchmark (none when one was given)


def over_spend(catalog: Catalog, rec: Recommendation) -> OverSpend | None:
    share = rec.cost.arr_share if rec.cost else None
    applying = [b for b in share.benchmarks if b.applies] if share else []
    if share is None or not applying:
        return None
    benchmark = max(applying, key=lambda b: (b.share, b.id))
    ratio = share.share.mid / benchmark.share
    if ratio <= OVER_SPEND:
        return None
    cited = f" ({short_source(catalog, benchmark.source)})" if benchmark.source else ""
    text = (
        f"the team costs {share.share.mid * 100:.0f}% of ARR, {ratio:.1f}× the "
        f"{benchmark.share * 100:g}% {benchmark.name}{cited}"
    )
    given = rec.inputs.budget is not None or rec.inputs.headcount is not None
    return OverSpend(text, None if given else share.arr * benchmark.share)


def cost_of(catalog: Catalog, rec: Recommendation) -> Cost:
    """The cost of every seat of ``rec`` (see the module docstring)."""
    inputs = rec.inputs
    currency = inputs.currency if inputs.currency in catalog.currencies else None
    currency = currency or default_currency(catalog)
    home = inputs.regions[0] if inputs.regions else None
    placements = _placements(rec)
    notes: list[str] = []
    roles: list[RoleCost] = []
    by_region: dict[str | None, tuple[int, Band]] = {}
    missing: list[str] = []
    converted = False
    for role_id, placed in placements.items():
        seats = sum(placed.values())
        band = catalog.bands.get(role_id)
        rate = _rate(catalog, band.currency, currency) if band is not None else None
        if band is None or rate is None:
            missing.append(role_id)
            notes.append(
                f"no cost band for {catalog.title(role_id)} ({role_id}) in the catalogs: "
                f"its {plural(seats, 'seat')} are not in the total"
            )
            continue
        converted = converted or band.currency != currency
        each = _band(band).times(rate)
        total = ZERO
        for region, count in placed.items():
            where = region if region is not None else home
            share = each.times(count * _multiplier(catalog, where)[0])
            total = total + share
            seen, subtotal = by_region.get(where, (0, ZERO))
            by_region[where] = (seen + count, subtotal + share)
        roles.append(
            RoleCost(
                role=role_id,
                title=catalog.title(role_id),
                seats=seats,
                each=each,
                total=total,
                source=band.mid.source,
                heuristic=band.mid.heuristic,
            )
        )
    regions = _regions(catalog, inputs, by_region, notes)
    if home is not None and any(None in r for r in placements.values()):
        notes.append(f"seats that serve every region are costed at the pay level of {home}")
    total = sum((r.total for r in roles), ZERO)
    cost = Cost(
        currency=currency,
        symbol=catalog.currencies[currency].symbol if currency in catalog.currencies else "",
        as_of=catalog.currencies[currency].as_of if converted else None,
        seats=sum(r.seats for r in roles),
        roles=tuple(roles),
        regions=regions,
        total=total,
        missing=tuple(missing),
        notes=tuple(notes),
    )
    if inputs.arr is not None:
        cost = replace(cost, arr_share=_arr_share(catalog, inputs, total))
    return cost


def _band(band: PayBand) -> Band:
    return Band(band.low.value, band.mid.value, band.high.value)


def _rate(catalog: Catalog, source: str, target: str) -> float | None:
    """Units of ``target`` for one unit of ``source``, through the catalog's USD rates."""
    if source == target:
        return 1.0
    have, want = catalog.currencies.get(source), catalog.currencies.get(target)
    if have is None or want is None:
        return None
    return want.per_usd.value / have.per_usd.value


def _multiplier(catalog: Catalog, region: str | None) -> tuple[float, bool]:
    """A region's pay level and whether the catalog knows it (else the reference level)."""
    if region is None:
        return 1.0, True
    known = catalog.pay_regions.get(region.lower())
    return (known.multiplier.value, True) if known is not None else (1.0, False)


def _placements(rec: Recommendation) -> Placements:
    """Seats per role and region, the CEO left out: from the seats when listed, else from
    each role's pods (the rest of its count where pods do not cover it all)."""
    placements: Placements = {}
    if rec.seats is not None:
        for seat in rec.seats:
            if seat.reports_to is not None:
                regions = placements.setdefault(seat.role, {})
                regions[seat.region] = regions.get(seat.region, 0) + 1
        return placements
    for entry in rec.roles:
        if entry.reports_to is None or entry.count <= 0:
            continue
        regions = placements.setdefault(entry.id, {})
        for region, _, count in entry.pods or ():
            regions[region] = regions.get(region, 0) + count
        rest = entry.count - sum(regions.values())
        if rest > 0:
            regions[None] = regions.get(None, 0) + rest
    return placements


def _regions(
    catalog: Catalog,
    inputs: Inputs,
    by_region: dict[str | None, tuple[int, Band]],
    notes: list[str],
) -> tuple[RegionCost, ...]:
    """Cost per region, in the order the regions were given."""
    order = {region: i for i, region in enumerate(inputs.regions)}
    out: list[RegionCost] = []
    for region in sorted(by_region, key=lambda r: (order.get(r or "", len(order)), r or "")):
        seats, total = by_region[region]
        multiplier, known = _multiplier(catalog, region)
        if not known:
            notes.append(
                f"no pay level for region {region!r} in the catalogs: its seats are costed at "
                "the reference level (1)"
            )
        out.append(RegionCost(region, seats, multiplier, known, total))
    if not inputs.regions:
        reference = [r.id for r in catalog.pay_regions.values() if r.multiplier.value == 1]
        where = f" ({', '.join(reference)})" if reference else ""
        notes.append(
            f"costed at the reference pay level{where}; give --regions for regional pay levels"
        )
    return tuple(out)


def _arr_share(catalog: Catalog, inputs: Inputs, total: Band) -> ArrShare:
    arr = inputs.arr
    assert arr is not None
    return ArrShare(
        arr=arr,
        share=total.times(1 / arr),
        benchmarks=tuple(
            BenchmarkCheck(
                id=b.id,
                name=b.name,
                covers=b.covers,
                share=b.share.value,
                applies=b.stages is None or inputs.stage in b.stages,
                source=b.share.source,
            )
            for b in catalog.spend_benchmarks.values()
        ),
    )
