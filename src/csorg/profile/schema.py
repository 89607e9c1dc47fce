"""The shape of a company profile (``csorg.yaml``), declared once.

Like the catalog schema, these dataclasses are what pydantic checks a profile against (strict,
unknown fields forbidden) and what ``csorg schema profile`` turns into a JSON Schema; the
attribute docstrings become its descriptions. A field left out, or ``null``, is not given:
the command's own default applies, or a flag gives it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from csorg.catalog.schema import STRICT, CurrencyCode, Id, Limits, Touch
from csorg.engine.inputs import MAX_CUSTOMERS, MAX_EMPLOYEES, MAX_HEADCOUNT
from csorg.profile.model import MAX_QUARTERS

MAX_NAMES = 200  # regions or segments in one list or mix
PERCENT_PATTERN = r"^\s*[-+]?\d+(\.\d+)?\s*%\s*$"
SHARE_PATTERN = r"^\s*\d+(\.\d+)?\s*%\s*$"

Name = Annotated[str, Limits(min_length=1, max_length=60)]
Amount = Annotated[float, Limits(gt=0)] | Annotated[str, Limits(min_length=1, max_length=40)]
Percent = float | Annotated[str, Limits(pattern=PERCENT_PATTERN)]
Names = Annotated[tuple[Name, ...], Limits(max_length=MAX_NAMES)]
Mix = dict[
    Name,
    Annotated[int, Limits(ge=0, le=MAX_CUSTOMERS)] | Annotated[str, Limits(pattern=SHARE_PATTERN)],
]
Customers = Annotated[int, Limits(ge=0, le=MAX_CUSTOMERS)]


@dataclass(frozen=True, kw_only=True)
class Growth:
    """A forecast as growth rates: the same growth every quarter."""

    __pydantic_config__ = STRICT

    quarters: Annotated[int, Limits(ge=1, le=MAX_QUARTERS)]
    """How many quarters to plan, from the next one."""
    customer_growth: Percent | None = None
    """Growth of the accounts per quarter, in percent: `12%` or `12`; negative shrinks."""
    arr_growth: Percent | None = None
    """Growth of ARR per quarter, in percent: `15%` or `15`; negative shrinks."""


@dataclass(frozen=True, kw_only=True)
class Period:
    """One quarter of a forecast: where the company expects to be by its end."""

    __pydantic_config__ = STRICT

    quarter: Annotated[str, Limits(min_length=1, max_length=40)] | None = None
    """A label for the quarter, e.g. `2026-Q3` (quote it); default: its number."""
    customers: Customers | None = None
    """Accounts under management."""
    arr: Amount | None = None
    """Annual recurring revenue: `4200000`, or as text: `4.2M`, `800k`."""


@dataclass(frozen=True, kw_only=True)
class ProfileFile:
    """`csorg.yaml`: a company's inputs, read by every command that takes them."""

    __pydantic_config__ = STRICT

    version: Literal[1] = 1
    """Profile format version."""
    stage: Id | None = None
    """Company stage: `startup`, `scaling`, `enterprise` (or a stage of your catalog)."""
    employees: Annotated[int, Limits(ge=1, le=MAX_EMPLOYEES)] | None = None
    """Company size; gives the stage when `stage` is not set."""
    touch: Touch | None = None
    """Touch model: `low` (the product does most of the work) or `high` (close guidance)."""
    plg: bool | None = None
    """A product-led growth company."""
    model: Id | None = None
    """A business model to use instead of matching one (see `csorg models`)."""
    optional: bool | None = None
    """Keep (true) or leave out (false) the roles a structure marks optional."""
    traits: Annotated[tuple[Id, ...], Limits(max_length=MAX_NAMES)] | None = None
    """Product or offer traits: `technical`, `complex`, `services`."""
    customers: Customers | None = None
    """Accounts under management."""
    arr: Amount | None = None
    """Annual recurring revenue, in `currency`: `2500000`, or as text: `2.5M`, `800k`."""
    regions: Names | Mix | None = None
    """Regions: a list of names (`[na, emea]`), or each with its accounts (`na: 700`) or
    its share of them (`na: 60%`)."""
    segment_by: Id | None = None
    """Split CSMs into pods by `size`, `industry` or `journey`."""
    segments: Names | Mix | None = None
    """The segments (tiers with `segment_by: size`): a list of names, or each with its
    accounts (`smb: 1700`) or its share of them (`smb: 85%`)."""
    headcount: Annotated[int, Limits(ge=1, le=MAX_HEADCOUNT)] | None = None
    """CS seats in the budget (the CEO is not one)."""
    budget: Amount | None = None
    """Money for the CS team a year, in `currency`: `1200000`, or `1.2M`."""
    currency: CurrencyCode | None = None
    """Currency of `arr`, `budget` and the cost: `USD`, `EUR`, `GBP`, ... (default USD)."""
    forecast: (
        Growth | Annotated[tuple[Period, ...], Limits(min_length=1, max_length=MAX_QUARTERS)] | None
    ) = None
    """Where the company is going, for `csorg plan`: growth rates (`quarters`,
    `customer_growth`, `arr_growth`), or a list of quarters with their accounts and ARR."""
