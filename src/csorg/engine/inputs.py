"""What the user asked for, checked against the catalog and with defaults filled in."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from csorg.catalog.schema import TOUCHES, Catalog, Stage, Touch
from csorg.errors import UsageError, suggestion

MAX_CUSTOMERS = 10_000_000
MAX_HEADCOUNT = 100_000
MAX_EMPLOYEES = 10_000_000
MAX_UNITS = 200  # regions x segments
MAX_ARR = 1e12  # a trillion a year: beyond any company

_AMOUNT = re.compile(r"(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>[kmb])?", re.IGNORECASE)
_UNITS = {"k": 1e3, "m": 1e6, "b": 1e9}


def parse_amount(text: str, flag: str) -> float:
    """A money amount as people write it: ``2500000``, ``2,500,000``, ``2.5M``, ``800k``,
    ``$1.2m``; anything else is a usage error."""
    cleaned = text.strip().lstrip("$€£").replace(",", "").replace("_", "")
    match = _AMOUNT.fullmatch(cleaned)
    if match is None:
        raise UsageError(
            f"invalid value for {flag}: {text!r}; give an amount such as 2500000, 2.5M or 800k"
        )
    value = float(match["number"]) * _UNITS.get((match["unit"] or "").lower(), 1.0)
    if value <= 0 or value > MAX_ARR:
        raise UsageError(f"{flag} must be above 0 and at most {MAX_ARR:,.0f}, got {text!r}")
    return value


@dataclass(frozen=True)
class Request:
    """A company's inputs as given (on the command line, in a profile); ``None`` where a value
    was not given, so that one request can be layered over another."""

    stage: str | None = None
    touch: str | None = None
    plg: bool | None = None
    model: str | None = None
    optional: bool | None = None
    traits: tuple[str, ...] | None = None
    customers: int | None = None
    arr: float | None = None
    headcount: int | None = None
    employees: int | None = None
    regions: tuple[str, ...] | None = None
    segment_by: str | None = None
    segments: tuple[str, ...] | None = None
    budget: float | None = None  # money a year for the CS team
    currency: str | None = None  # of --arr, --budget and the cost
    seats: bool = False

    def given(self) -> dict[str, Any]:
        """The values that were given."""
        return {
            f.name: value
            for f in fields(self)
            if (value := getattr(self, f.name)) is not None and f.name != "seats"
        }

    def over(self, base: Request) -> Request:
        """This request's values, and ``base``'s where this one gives none (flags over a
        profile)."""
        return replace(base, **self.given(), seats=self.seats)


@dataclass(frozen=True)
class Inputs:
    """Every input of a recommendation, with defaults filled in."""

    stage: str
    touch: Touch
    plg: bool
    model: str | None
    optional: bool
    traits: tuple[str, ...]
    customers: int | None
    arr: float | None
    headcount: int | None
    employees: int | None
    regions: tuple[str, ...]
    segment_by: str | None
    segments: tuple[str, ...]
    seats: bool
    stage_inferred: bool
    region_shares: tuple[float, ...] = ()  # each region's share of the accounts (sum 1)
    segment_shares: tuple[float, ...] | None = None  # given with --segments a=N,...; else None
    customers_inferred: bool = False  # the customers are the sum of a --segments/--regions mix
    budget: float | None = None
    currency: str = "USD"
    symbol: str = "$"  # how amounts in the currency are written (not part of the JSON)
    per_usd: float = 1.0  # units of the currency for one US dollar (not part of the JSON)

    @property
    def sized(self) -> bool:
        """Whether there is a book to size the org by (accounts or ARR)."""
        return self.customers is not None or self.arr is not None

    def describe(self, *, pods: bool = False) -> list[str]:
        """Short phrases for headings: stage, touch, product-led, accounts, budget; with
        ``pods``, also the regions and segmentation (for charts that show them)."""
        parts = [self.stage + (" (inferred)" if self.stage_inferred else ""), f"{self.touch} touch"]
        if self.plg:
            parts.append("product-led")
        if self.customers is not None:
            parts.append(f"{self.customers:,} account" + ("" if self.customers == 1 else "s"))
        if self.arr is not None:
            parts.append(f"ARR {money(self.arr, self.symbol)}")
        if pods and self.regions:
            parts.append("regions " + ", ".join(self.regions))
        if pods and self.segment_by:
            parts.append(f"pods by {self.segment_by}")
        if self.headcount is not None:
            parts.append(f"headcount {self.headcount}")
        if self.budget is not None:
            parts.append(f"budget {money(self.budget, self.symbol)}")
        return parts

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("traits", "regions", "segments"):
            data[key] = list(data[key])
        del data["symbol"], data["per_usd"]
        return data

    def dollars(self, usd: float) -> str:
        """An amount in US dollars (the unit of the benchmarks), written in the currency of
        the request, so one output speaks one currency."""
        return money(usd * self.per_usd, self.symbol)


def money(value: float, symbol: str = "$") -> str:
    """An amount in short form, to three significant figures: ``$2.5M``, ``$800K``,
    ``$1.23B``, ``€796K``."""
    sign = "-" if value < 0 else ""
    value = abs(value)
    for unit, size in (("B", 1e9), ("M", 1e6), ("K", 1e3)):
        scaled = float(f"{value / size:.3g}")
        if scaled >= 1:
            short = f"{scaled:,.2f}".rstrip("0").rstrip(".")
            return f"{sign}{symbol}{short}{unit}"
    return f"{sign}{symbol}{value:,.0f}"


def default_currency(catalog: Catalog) -> str:
    """The currency the catalog's pay bands are written in (the most common one), else USD."""
    counts: dict[str, int] = {}
    for band in catalog.bands.values():
        counts[band.currency] = counts.get(band.currency, 0) + 1
    return max(counts, key=lambda code: counts[code]) if counts else "USD"


def resolve_currency(catalog: Catalog, given: str | None) -> str:
    """The currency code to use: ``given`` (any case) when the catalog has a rate for it."""
    code = default_currency(catalog) if given is None else given.strip().upper()
    if given is not None and code not in catalog.currencies:
        known = ", ".join(catalog.currencies) or "none"
        raise UsageError(
            f"invalid value for --currency: {given!r} is not a currency the catalogs have a "
            f"rate for{suggestion(code, list(catalog.currencies))}; choose from: {known}"
        )
    return code


def stages_by_size(catalog: Catalog) -> list[Stage]:
    """Stages from smallest to largest company (an open-ended stage last)."""
    big = 1 << 62
    return sorted(
        catalog.stages.values(),
        key=lambda s: s.max_employees.value if s.max_employees is not None else big,
    )


def infer_stage(catalog: Catalog, employees: int) -> Stage:
    for stage in stages_by_size(catalog):
        if stage.max_employees is None or employees < stage.max_employees.value:
            return stage
    raise UsageError(f"no stage in the catalog covers {employees:,} employees; give --stage")


def _bounded(name: str, value: int | None, *, low: int, high: int) -> None:
    if value is None:
        return
    if value < low:
        raise UsageError(f"{name} must be at least {low}, got {value}")
    if value > high:
        raise UsageError(f"{name} must be at most {high:,}, got {value:,}")


def _check_id(kind: str, flag: str, value: str, known: dict[str, Any]) -> None:
    if value not in known:
        choices = ", ".join(known) or "none"
        raise UsageError(
            f"invalid value for {flag}: {value!r} is not a known {kind}"
            f"{suggestion(value, list(known))}; choose from: {choices}"
        )


@dataclass(frozen=True)
class Mix:
    """Names given to --regions or --segments, with the counts or shares given with them."""

    names: tuple[str, ...]
    weights: tuple[float, ...] | None = None  # as given; None when only names were given
    counts: bool = False  # the weights are account counts (else shares that add up to 1)

    @property
    def total(self) -> float:
        return sum(self.weights or ())

    def shares(self) -> tuple[float, ...]:
        """Each name's share: as given, else an even split."""
        if not self.names:
            return ()
        if self.weights is None or self.total <= 0:
            return tuple(1 / len(self.names) for _ in self.names)
        return tuple(w / self.total for w in self.weights)


def parse_mix(flag: str, items: tuple[str, ...]) -> Mix:
    """``a,b`` or ``a=40,b=60`` (account counts) or ``a=40%,b=60%`` (shares)."""
    pairs = [item.partition("=") for item in items]
    names = _names(flag, tuple(name for name, _, _ in pairs))
    given = [value.strip() for _, sep, value in pairs if sep]
    if not given:
        return Mix(names)
    if len(given) != len(pairs):
        raise UsageError(
            f"{flag}: give a count or a share for every name or for none, e.g. a=40,b=60 or "
            "a=40%,b=60%"
        )
    percent = [value.endswith("%") for value in given]
    if any(percent) and not all(percent):
        raise UsageError(f"{flag}: give every value as a count (40) or every one as a share (40%)")
    weights: list[float] = []
    for name, value in zip(names, given, strict=True):
        number = value.rstrip("%").replace(",", "").strip()
        try:
            weight = float(number) if all(percent) else int(number)
        except ValueError:
            raise UsageError(
                f"{flag}: {name}={value!r} is not a count or a share; write {name}=40 or {name}=40%"
            ) from None
        if weight < 0 or weight != weight or weight > MAX_CUSTOMERS:
            raise UsageError(f"{flag}: {name}={value} is out of range")
        weights.append(weight / 100 if all(percent) else weight)
    if all(percent) and abs(sum(weights) - 1) > 0.005:
        raise UsageError(f"{flag}: the shares add up to {sum(weights) * 100:g}%, not 100%")
    if sum(weights) <= 0:
        raise UsageError(f"{flag}: the counts add up to nothing")
    return Mix(names, tuple(weights), counts=not all(percent))


def _names(flag: str, values: tuple[str, ...]) -> tuple[str, ...]:
    cleaned = tuple(v.strip() for v in values)
    if any(not v for v in cleaned):
        raise UsageError(f"{flag} has an empty name; separate names with commas: a,b,c")
    if len(set(cleaned)) != len(cleaned):
        raise UsageError(f"{flag} names the same value twice: {', '.join(cleaned)}")
    for value in cleaned:
        if len(value) > 60 or not value.isprintable():
            raise UsageError(
                f"{flag}: {value!r} is not a usable name (printable, 60 characters at most)"
            )
    return cleaned


def _only(values: tuple[str, ...] | None) -> str | None:
    """The value a model's match fixes, if it allows exactly one."""
    return values[0] if values is not None and len(values) == 1 else None


def resolve(catalog: Catalog, request: Request) -> Inputs:
    """Check a request against the catalog; raise :class:`UsageError` for bad values."""
    _bounded("--customers", request.customers, low=0, high=MAX_CUSTOMERS)
    _bounded("--headcount", request.headcount, low=1, high=MAX_HEADCOUNT)
    _bounded("--employees", request.employees, low=1, high=MAX_EMPLOYEES)
    if request.model is not None:
        _check_id("business model", "--model", request.model, catalog.models)
    model = catalog.models.get(request.model) if request.model else None

    stage_id = request.stage
    inferred = False
    if stage_id is None and request.employees is not None:
        stage_id = infer_stage(catalog, request.employees).id
        inferred = True
    if stage_id is None and model is not None and model.match:
        stage_id = _only(model.match.stage)
    if stage_id is None:
        stages = ", ".join(catalog.stages)
        if model is not None:
            raise UsageError(
                f"--model {model.id} does not fix a stage: give --stage ({stages}) or --employees N"
            )
        raise UsageError(f"give --stage ({stages}), --employees N, or --model ID")
    _check_id("stage", "--stage", stage_id, catalog.stages)

    given = request.touch
    if given is None and model is not None and model.match:
        given = _only(model.match.touch)
    if given is None:
        fixed = f"--model {model.id} does not fix a touch model: " if model is not None else ""
        raise UsageError(f"{fixed}give --touch low or --touch high")
    touch = next((t for t in TOUCHES if t == given), None)
    if touch is None:
        raise UsageError(f"invalid value for --touch: {given!r}; choose from: low, high")

    plg = bool(request.plg)
    if model is not None and model.match and model.match.plg is True:
        plg = True

    given_traits = request.traits or ()
    for trait in given_traits:
        _check_id("trait", "--trait", trait, catalog.traits)
    traits = tuple(sorted(set(given_traits), key=list(catalog.traits).index))

    region_mix = parse_mix("--regions", request.regions or ())
    regions = region_mix.names
    segment_by = request.segment_by
    segment_mix = parse_mix("--segments", request.segments or ())
    segments = segment_mix.names
    if segment_by is not None:
        _check_id("segmentation", "--segment-by", segment_by, catalog.segmentations)
        segmentation = catalog.segmentations[segment_by]
        if not segments:
            segments = segmentation.default_segments
            if not segments:
                raise UsageError(f"--segment-by {segment_by} needs --segments a,b,...")
            segment_mix = Mix(segments)
        if segmentation.tiers:
            for name in segments:
                _check_id("customer tier", "--segments", name, catalog.tiers)
    elif segments:
        raise UsageError("--segments needs --segment-by (" + ", ".join(catalog.segmentations) + ")")
    if len(segments) == 1 and segment_mix.weights is None:
        raise UsageError("--segments needs at least two segments")
    if max(len(regions), 1) * max(len(segments), 1) > MAX_UNITS:
        raise UsageError(f"at most {MAX_UNITS} region x segment pods are supported")
    customers, inferred_customers = _customers(request.customers, region_mix, segment_mix)
    currency = resolve_currency(catalog, request.currency)

    return Inputs(
        stage=stage_id,
        touch=touch,
        plg=plg,
        model=request.model,
        optional=request.optional is not False,
        traits=traits,
        customers=customers,
        arr=request.arr,
        headcount=request.headcount,
        employees=request.employees,
        regions=regions,
        segment_by=segment_by,
        segments=tuple(segments),
        seats=request.seats,
        stage_inferred=inferred,
        region_shares=region_mix.shares(),
        segment_shares=segment_mix.shares() if segment_mix.weights is not None else None,
        customers_inferred=inferred_customers,
        budget=request.budget,
        currency=currency,
        symbol=catalog.currencies[currency].symbol if currency in catalog.currencies else "$",
        per_usd=(
            catalog.currencies[currency].per_usd.value if currency in catalog.currencies else 1.0
        ),
    )


def _customers(given: int | None, *mixes: Mix) -> tuple[int | None, bool]:
    """The accounts: as given, else the sum of a mix given in counts (which must agree)."""
    counted = [
        (flag, round(mix.total))
        for flag, mix in zip(("--regions", "--segments"), mixes, strict=True)
        if mix.counts
    ]
    for flag, total in counted:
        if given is not None and total != given:
            raise UsageError(f"the {flag} counts add up to {total:,}, but --customers is {given:,}")
    if given is None and counted:
        totals = {total for _, total in counted}
        if len(totals) > 1:
            raise UsageError("the --regions and --segments counts add up to different totals")
        return counted[0][1], True
    return given, False
