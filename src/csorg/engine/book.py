"""Step 2: the company's book of business. Accounts and ARR by tier, region and segment.

Every account falls in a customer tier (enterprise, mid-market, SMB, digital, ... as the
catalog's ``tiers`` declare), split by ``--segments enterprise=40,...`` when the segments are
the tiers, else by the first catalog ``tier_mixes`` entry that matches the company. Regions and
other segments split the accounts by the shares given (an even split otherwise). With
``--arr``, ARR is spread over the tiers in proportion to their accounts times their typical
contract value; with ARR alone, each tier's accounts are its ARR over that contract value. With
both, a default mix is first moved (:func:`tilted`) to fit the ARR per account.

The book is the company-wide picture every later step sizes from.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from csorg.catalog.schema import Catalog, TierMix
from csorg.engine.inputs import Inputs
from csorg.errors import CsorgError

TILT_TOLERANCE = 0.05  # an ARR per account this close to the mix's average leaves it as it is


class Cell(NamedTuple):
    """A region and segment of the book; ``None`` where there are no regions or segments.
    A named tuple: cells key every placement, and a tuple hashes without a Python call."""

    region: str | None = None
    segment: str | None = None

    def label(self) -> str:
        return "/".join(part for part in (self.region, self.segment) if part) or "all"


@dataclass(frozen=True)
class Slice:
    """The accounts (and ARR) of one tier in one cell."""

    cell: Cell
    tier: str
    accounts: float
    arr: float | None


@dataclass(frozen=True)
class Book:
    slices: tuple[Slice, ...]
    tier_shares: dict[str, float]  # tier -> share of all accounts
    mix: TierMix | None  # the catalog mix used, or None when --segments gave the mix
    cells: tuple[Cell, ...]  # in the order the regions and segments were given
    accounts: float
    arr: float | None
    tilt: Tilt | None = None  # the default mix, moved to fit the ARR per account

    def tier_accounts(self, tier: str) -> float:
        return sum(s.accounts for s in self.slices if s.tier == tier)

    def tier_arr(self, tier: str) -> float | None:
        if self.arr is None:
            return None
        return sum(s.arr or 0.0 for s in self.slices if s.tier == tier)


def default_mix(catalog: Catalog, inputs: Inputs, model_id: str) -> TierMix:
    """The first catalog tier mix that matches the company."""
    for mix in catalog.tier_mixes.values():
        when = mix.when
        if (
            (when.stage is None or inputs.stage in when.stage)
            and (when.touch is None or inputs.touch in when.touch)
            and (when.plg is None or when.plg == inputs.plg)
            and (when.model is None or model_id in when.model)
        ):
            return mix
    raise CsorgError(
        f"no tier mix in the catalog fits --stage {inputs.stage} --touch {inputs.touch}; add a "
        "`tier_mixes` entry without conditions as the default, or give --segment-by size with "
        "--segments enterprise=N,..."
    )


def company_book(catalog: Catalog, inputs: Inputs, model_id: str) -> Book:
    """The accounts and ARR of a sized company, by region, segment and tier."""
    segmentation = catalog.segmentations.get(inputs.segment_by or "")
    tiers_are_segments = segmentation is not None and segmentation.tiers
    mix: TierMix | None = None
    if tiers_are_segments and inputs.segment_shares is not None:
        tier_shares = dict(zip(inputs.segments, inputs.segment_shares, strict=True))
    else:
        mix = default_mix(catalog, inputs, model_id)
        tier_shares = {share.tier: share.share.value for share in mix.shares}
        if tiers_are_segments:  # only the tiers named as segments
            kept = {t: v for t, v in tier_shares.items() if t in inputs.segments}
            total = sum(kept.values())
            tier_shares = (
                {t: v / total for t, v in kept.items()}
                if total
                else {t: 1 / len(inputs.segments) for t in inputs.segments}
            )
    tier_shares = {t: v for t, v in tier_shares.items() if v > 0}
    arr = in_dollars(catalog, inputs.arr, inputs.currency)
    tilt: Tilt | None = None
    if mix is not None and arr is not None and inputs.customers:
        acv = {t: catalog.tiers[t].typical_acv.value for t in tier_shares}
        tier_shares, tilt = tilted(tier_shares, acv, arr / inputs.customers)
        tier_shares = {t: v for t, v in tier_shares.items() if v > 0}
    value_weight = {t: v * catalog.tiers[t].typical_acv.value for t, v in tier_shares.items()}
    value_total = sum(value_weight.values())
    arr_shares = {t: w / value_total for t, w in value_weight.items()}

    if inputs.customers is not None:
        accounts = float(inputs.customers)
    elif arr is not None:  # accounts from ARR at each tier's typical contract value
        accounts = arr / value_total if value_total else 0.0
    else:
        raise CsorgError("a book needs --customers or --arr")

    regions: tuple[str | None, ...] = inputs.regions or (None,)
    region_shares = inputs.region_shares or (1.0,)
    segments: tuple[str | None, ...] = (None,)
    segment_shares: tuple[float, ...] = (1.0,)
    if inputs.segment_by is not None and not tiers_are_segments:
        segments = inputs.segments
        segment_shares = inputs.segment_shares or tuple(1 / len(segments) for _ in segments)

    cells: list[Cell] = []
    slices: list[Slice] = []
    for region, region_share in zip(regions, region_shares, strict=True):
        if tiers_are_segments:
            for tier in inputs.segments:
                cell = Cell(region, tier)
                cells.append(cell)
                if tier in tier_shares:
                    slices.append(
                        _slice(cell, tier, accounts, arr, region_share, tier_shares, arr_shares)
                    )
            continue
        for segment, segment_share in zip(segments, segment_shares, strict=True):
            cell = Cell(region, segment)
            cells.append(cell)
            for tier in tier_shares:
                slices.append(
                    _slice(
                        cell,
                        tier,
                        accounts,
                        arr,
                        region_share * segment_share,
                        tier_shares,
                        arr_shares,
                    )
                )
    return Book(tuple(slices), tier_shares, mix, tuple(cells), accounts, arr, tilt)


@dataclass(frozen=True)
class Tilt:
    """How far a default mix moved toward one tier to fit the ARR per account given."""

    tier: str  # the tier it moved toward
    part: float  # 0 (the mix as it is) to 1 (every account in that tier)
    per_account: float  # the ARR per account it fits


def tilted(
    shares: dict[str, float], acv: dict[str, float], per_account: float
) -> tuple[dict[str, float], Tilt | None]:
    """A default mix moved toward its cheapest tier (or its richest) until the tiers'
    typical contract values average the ARR per account the company has: $20K an account is
    not a book with one enterprise account in five. The other tiers keep their proportions;
    the move stops with every account in the end tier. csorg's own reading."""
    average = sum(v * acv[t] for t, v in shares.items())
    end = min(shares, key=lambda t: (acv[t], t)) if per_account < average else None
    end = end or max(shares, key=lambda t: (acv[t], t))
    reach = average - acv[end]
    if abs(average - per_account) <= TILT_TOLERANCE * average or reach == 0:
        return shares, None
    part = min(max((average - per_account) / reach, 0.0), 1.0)
    moved = {t: v * (1 - part) + (part if t == end else 0.0) for t, v in shares.items()}
    return moved, Tilt(end, part, per_account)


def in_dollars(catalog: Catalog, amount: float | None, currency: str | None) -> float | None:
    """An amount in US dollars, the unit of the tiers' figures (converted at the catalog's
    rate; as it is when the catalog has no rate for the currency)."""
    if amount is None or currency is None or currency == "USD":
        return amount
    rate = catalog.currencies.get(currency)
    return amount / rate.per_usd.value if rate is not None else amount


def _slice(
    cell: Cell,
    tier: str,
    accounts: float,
    arr: float | None,
    share: float,
    tier_shares: dict[str, float],
    arr_shares: dict[str, float],
) -> Slice:
    return Slice(
        cell,
        tier,
        accounts * share * tier_shares[tier],
        arr * share * arr_shares[tier] if arr is not None else None,
    )
