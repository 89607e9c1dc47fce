"""The company quarter by quarter: accounts, ARR and the stage they imply, from a forecast.

A forecast is a list of quarters (where the company expects to be at the end of each), or a
growth rate per quarter (see :mod:`csorg.profile.model`). The stage only moves forward: a
company reaches the next stage once its ARR passes the catalog's ``max_arr`` for its stage;
it never drops back while the plan runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from csorg.catalog.schema import Catalog
from csorg.engine.inputs import Inputs, Request, stages_by_size
from csorg.errors import UsageError
from csorg.profile.model import ForecastPeriod

_QUARTER = re.compile(r"(?P<year>\d{4})-?(?:Q(?P<quarter>[1-4])|(?P<month>\d{2})(?:-\d{2})?)", re.I)


def parse_start(text: str, flag: str = "--start") -> date:
    """The first day of the plan's first quarter: ``2027-Q1``, ``2027-01`` or ``2027-01-01``
    (a month other than a quarter's first starts the quarter it falls in)."""
    match = _QUARTER.fullmatch(text.strip())
    if match is None or not 1990 <= int(match["year"]) <= 2200:
        raise UsageError(f"invalid value for {flag}: {text!r}; give a quarter such as 2027-Q1")
    if match["quarter"]:
        month = 3 * (int(match["quarter"]) - 1) + 1
    else:
        given = int(match["month"])
        if not 1 <= given <= 12:
            raise UsageError(f"invalid value for {flag}: {text!r}; the month must be 01 to 12")
        month = 3 * ((given - 1) // 3) + 1
    return date(int(match["year"]), month, 1)


@dataclass(frozen=True)
class Quarter:
    """One quarter of the plan: the company at its end."""

    index: int  # 1-based
    label: str  # "Q3", or "2027-Q3" with a start date
    customers: int | None
    arr: float | None
    stage: str
    request: Request  # the company's inputs for the quarter


def quarter_label(index: int, first: date | None) -> str:
    if first is None:
        return f"Q{index}"
    months = first.month - 1 + 3 * (index - 1)
    return f"{first.year + months // 12}-Q{months % 12 // 3 + 1}"


def stage_for(catalog: Catalog, current: str, arr: float | None) -> str:
    """The stage ARR implies, never earlier than ``current``."""
    order = [s.id for s in stages_by_size(catalog)]
    if arr is None or current not in order:
        return current
    for stage in stages_by_size(catalog)[order.index(current) :]:
        if stage.max_arr is None or arr < stage.max_arr.value:
            return stage.id
    return order[-1]


def quarters(
    catalog: Catalog,
    start: Inputs,
    request: Request,
    periods: tuple[ForecastPeriod, ...],
    first: date | None,
) -> list[Quarter]:
    """Each quarter's inputs: the start's, with the forecast's accounts and ARR and the stage
    they imply."""
    if not periods:
        raise UsageError("a forecast needs at least one quarter")
    out: list[Quarter] = []
    stage = start.stage
    customers, arr = start.customers, start.arr
    for index, period in enumerate(periods, start=1):
        customers = period.customers if period.customers is not None else customers
        arr = period.arr if period.arr is not None else arr
        if customers is None and arr is None:
            raise UsageError(
                f"quarter {index} of the forecast gives neither accounts nor ARR, and the "
                "company starts with neither: give --customers or --arr, or a forecast with them"
            )
        stage = stage_for(catalog, stage, arr)
        label = period.label or quarter_label(index, first)
        quarter_request = replace(
            request,
            stage=stage,
            customers=customers,
            arr=arr,
            employees=None,
            seats=False,  # the plan counts people by role and region: the pods say it
            # the segments' counts were today's; the forecast keeps their shares
            segments=_shares(request.segments, start),
            regions=_shares(request.regions, start, regions=True),
        )
        out.append(Quarter(index, label, customers, arr, stage, quarter_request))
    return out


def _shares(
    given: tuple[str, ...] | None, start: Inputs, *, regions: bool = False
) -> tuple[str, ...] | None:
    """Names with their shares (``na=60%``) where the start gave counts."""
    if not given or not any("=" in item for item in given):
        return given
    names = start.regions if regions else start.segments
    shares = start.region_shares if regions else start.segment_shares
    if shares is None:
        return given
    return tuple(f"{name}={share * 100:.6f}%" for name, share in zip(names, shares, strict=True))
