"""A company profile as read: the inputs it gives, as a :class:`~csorg.engine.inputs.Request`,
and its growth forecast."""

from __future__ import annotations

import re
from dataclasses import dataclass

from csorg.engine.inputs import Request
from csorg.errors import UsageError

PROFILE_NAME = "csorg.yaml"  # read from the working folder when it exists
MIN_GROWTH = -99.0  # percent per quarter: a company cannot lose more than all its accounts
MAX_GROWTH = 1000.0  # percent per quarter: elevenfold in three months is already absurd
MAX_QUARTERS = 40  # ten years of quarters
DEFAULT_QUARTERS = 8

_PERCENT = re.compile(r"\s*(?P<number>[-+]?\d+(?:\.\d+)?)\s*%?\s*")


@dataclass(frozen=True)
class ForecastPeriod:
    """Where the company expects to be at the end of one quarter."""

    label: str | None  # "2026-Q3"; None: its number
    customers: int | None
    arr: float | None


@dataclass(frozen=True)
class GrowthForecast:
    """The same growth every quarter, in percent per quarter (negative shrinks)."""

    quarters: int
    customer_growth: float | None
    arr_growth: float | None

    def periods(self, customers: int | None, arr: float | None) -> tuple[ForecastPeriod, ...]:
        """The quarters this growth gives from today's accounts and ARR (accounts rounded
        to whole ones, never below zero); a figure with no growth rate stays as it is."""
        out: list[ForecastPeriod] = []
        for quarter in range(1, self.quarters + 1):
            out.append(
                ForecastPeriod(
                    label=None,
                    customers=None
                    if customers is None
                    else max(0, round(customers * _factor(self.customer_growth, quarter))),
                    arr=None if arr is None else arr * _factor(self.arr_growth, quarter),
                )
            )
        return tuple(out)


def _factor(percent: float | None, quarters: int) -> float:
    return 1.0 if percent is None else (1 + percent / 100) ** quarters


Forecast = GrowthForecast | tuple[ForecastPeriod, ...]


@dataclass(frozen=True)
class Profile:
    """A profile read from a file."""

    file: str  # as messages name it
    request: Request  # the inputs it gives; None where it gives none
    forecast: Forecast | None
    text: bytes  # the file as read, to place problems found later at their lines


def parse_growth(text: str, flag: str) -> float:
    """A growth rate per quarter in percent, as people write it: ``12%``, ``12``, ``-5%``."""
    match = _PERCENT.fullmatch(text)
    if match is None:
        raise UsageError(f"invalid value for {flag}: {text!r}; give a percentage such as 12%")
    value = float(match["number"])
    if not MIN_GROWTH <= value <= MAX_GROWTH:
        raise UsageError(
            f"{flag} must be from {MIN_GROWTH:g}% to {MAX_GROWTH:g}% a quarter, got {text!r}"
        )
    return value


def growth_forecast(
    quarters: int | None, customer_growth: str | None, arr_growth: str | None, prefix: str = "--"
) -> GrowthForecast | None:
    """The forecast the growth flags give (``None`` when none is given); the quarters default
    to :data:`DEFAULT_QUARTERS`."""
    if quarters is None and customer_growth is None and arr_growth is None:
        return None
    if customer_growth is None and arr_growth is None:
        raise UsageError(f"{prefix}quarters needs {prefix}customer-growth or {prefix}arr-growth")
    count = DEFAULT_QUARTERS if quarters is None else quarters
    if not 1 <= count <= MAX_QUARTERS:
        raise UsageError(f"{prefix}quarters must be from 1 to {MAX_QUARTERS}, got {count}")
    return GrowthForecast(
        quarters=count,
        customer_growth=None
        if customer_growth is None
        else parse_growth(customer_growth, f"{prefix}customer-growth"),
        arr_growth=None if arr_growth is None else parse_growth(arr_growth, f"{prefix}arr-growth"),
    )
