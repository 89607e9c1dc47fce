"""A company profile as read: the inputs it gives, as a :class:`~csorg.engine.inputs.Request`,
and its growth forecast."""

from __future__ import annotations

import re
from dataclasses import dataclass

from csorg.engine.inputs import Request
from csorg.errors import UsageError
from csorg.text import plural

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
        to whole ones, never below zero). A figure with no growth rate of its own grows with
        the other (see :meth:`followed`)."""
        customer_growth = self.customer_growth
        arr_growth = self.arr_growth
        follows = self.followed(customers, arr)
        if follows == "customers":
            customer_growth = arr_growth
        elif follows == "arr":
            arr_growth = customer_growth
        out: list[ForecastPeriod] = []
        for quarter in range(1, self.quarters + 1):
            out.append(
                ForecastPeriod(
                    label=None,
                    customers=None
                    if customers is None
                    else max(0, round(customers * _factor(customer_growth, quarter))),
                    arr=None if arr is None else arr * _factor(arr_growth, quarter),
                )
            )
        return tuple(out)

    def followed(self, customers: int | None, arr: float | None) -> str | None:
        """Which figure has no rate of its own and grows with the other: "customers",
        "arr" or None. With both figures known and one rate given, csorg keeps the ARR per
        account as it is today: a company whose accounts triple while its revenue stays flat
        is rarely what a forecast of one rate means (csorg's reading)."""
        if customers is None or arr is None:
            return None
        if self.customer_growth is None and self.arr_growth is not None:
            return "customers"
        if self.arr_growth is None and self.customer_growth is not None:
            return "arr"
        return None


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
    quarters: int | None,
    customer_growth: str | None,
    arr_growth: str | None,
    prefix: str = "--",
    *,
    base: Forecast | None = None,
) -> Forecast | None:
    """The forecast the growth flags give over ``base`` (the profile's forecast, whose values
    the flags override one by one); ``None`` when neither gives one. The quarters default to
    the base's, else :data:`DEFAULT_QUARTERS`."""
    if quarters is None and customer_growth is None and arr_growth is None:
        return base
    if customer_growth is None and arr_growth is None:
        if isinstance(base, GrowthForecast):
            customer_rate, arr_rate = base.customer_growth, base.arr_growth
        elif isinstance(base, tuple) and quarters is not None:
            if quarters > len(base):
                raise UsageError(
                    f"{prefix}quarters {quarters}: the profile's forecast lists "
                    f"{plural(len(base), 'quarter')}; give {prefix}customer-growth or "
                    f"{prefix}arr-growth to plan further"
                )
            return base[:quarters]
        else:
            raise UsageError(
                f"{prefix}quarters needs {prefix}customer-growth or {prefix}arr-growth"
            )
    else:
        inherited = base if isinstance(base, GrowthForecast) else None
        customer_rate = (
            parse_growth(customer_growth, f"{prefix}customer-growth")
            if customer_growth is not None
            else (inherited.customer_growth if inherited else None)
        )
        arr_rate = (
            parse_growth(arr_growth, f"{prefix}arr-growth")
            if arr_growth is not None
            else (inherited.arr_growth if inherited else None)
        )
    if quarters is not None:
        count = quarters
    elif isinstance(base, GrowthForecast):
        count = base.quarters
    else:
        count = DEFAULT_QUARTERS
    if not 1 <= count <= MAX_QUARTERS:
        raise UsageError(f"{prefix}quarters must be from 1 to {MAX_QUARTERS}, got {count}")
    return GrowthForecast(quarters=count, customer_growth=customer_rate, arr_growth=arr_rate)
