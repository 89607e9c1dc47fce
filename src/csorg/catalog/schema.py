"""The shape of csorg's catalog files (roles, business models, compensation), declared once.

These are plain frozen dataclasses, so the engine can use them without importing pydantic.
:mod:`csorg.catalog.parse` validates YAML into them with pydantic (strict, unknown fields
forbidden) and ``csorg schema`` prints the JSON Schema pydantic derives from them; the
attribute docstrings become the schema's descriptions, which editors show on hover.

Every number is a :class:`Figure`, :class:`Count`, :class:`Share` or :class:`Money`: a value
in a sane range (:data:`MIN_FIGURE` to :data:`MAX_FIGURE`, :data:`MAX_COUNT`,
:data:`MAX_MONEY`) together with where it comes from (a source id) or an explicit
``heuristic: true`` and a note saying why.

Fields that name an entry of another section carry a :class:`Ref` (``RoleId``, ``SourceIds``,
...); :mod:`csorg.catalog.checks.references` reports any that names nothing, so a new section
gets its references checked by declaring them here.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
CURRENCY_PATTERN = r"^[A-Z]{3}$"  # an ISO 4217 code: USD, EUR, GBP
ROOT_ROLE = "ceo"  # the top of every org chart
MAX_SPAN = 12  # hard cap on direct reports, whatever a catalog says
# The range of catalog numbers: a figure (accounts per seat) or a share below MIN_FIGURE, or
# any number above its cap, is a typo or an attack (5e-324 accounts per seat overflows the
# sizing), never a real value.
MIN_FIGURE = 0.001
MAX_FIGURE = 10_000_000
MAX_COUNT = 10_000_000
MAX_MONEY = 10_000_000_000  # US dollars: ten billion is no account's value nor any seat's book
MAX_AMOUNT = 1_000_000_000_000  # money a year: a trillion, in any currency (yen included)

Touch = Literal["low", "high"]
TOUCHES: tuple[Touch, ...] = ("low", "high")
Scope = Literal["global", "region", "pod"]
Basis = Literal["one", "span", "coverage", "ratio"]


class _Limits:
    """Constraints (``gt``, ``ge``, ``le``, ``min_length``, ``max_length``, ``pattern``) that
    pydantic applies to the core schema it builds; until then they cost nothing to import,
    unlike ``annotated_types`` or pydantic's own ``Field``."""

    __slots__ = ("limits",)

    def __init__(self, **limits: object) -> None:
        self.limits = limits

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        schema.update(self.limits)
        return schema


class Ref:
    """Marks an id field as naming an entry of another section (``Ref("role")``: a role id).
    pydantic ignores it; the reference check reads it from the type hints."""

    __slots__ = ("kind",)

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def __repr__(self) -> str:
        return f"Ref({self.kind!r})"


Id = Annotated[str, _Limits(min_length=1, max_length=80, pattern=ID_PATTERN)]
CurrencyCode = Annotated[str, _Limits(pattern=CURRENCY_PATTERN)]
CurrencyId = Annotated[CurrencyCode, Ref("currency")]
Text = Annotated[str, _Limits(min_length=1)]
Ids = tuple[Id, ...]
RoleId = Annotated[Id, Ref("role")]
AreaId = Annotated[Id, Ref("area")]
SourceId = Annotated[Id, Ref("source")]
StageId = Annotated[Id, Ref("stage")]
TraitId = Annotated[Id, Ref("trait")]
ModelId = Annotated[Id, Ref("model")]
TierId = Annotated[Id, Ref("tier")]
RoleIds = tuple[RoleId, ...]
SourceIds = tuple[SourceId, ...]
StageIds = tuple[StageId, ...]

# strict: YAML's `no` is not a string and `"5"` is not a number; forbid: a misspelt field is
# an error, not a silently ignored key.
_CONFIG: Any = {
    "extra": "forbid",
    "strict": True,
    "use_attribute_docstrings": False,  # `csorg schema` adds descriptions itself (fast loads)
    "allow_inf_nan": False,
}

# for other files checked the same way (the company profile)
Limits = _Limits
STRICT = _CONFIG


@dataclass(frozen=True, kw_only=True)
class Source:
    """A publication a fact in the catalog comes from."""

    __pydantic_config__ = _CONFIG

    id: Id
    """Short id that catalog entries cite, e.g. `kiouri-2023`."""
    title: Text
    """The title of the article, page or report."""
    author: str | None = None
    """Who wrote it, when named."""
    publisher: str | None = None
    """The organisation or site that published it."""
    date: str | None = None
    """Publication date as written (quote it: `"2023-03-20"`)."""
    url: str | None = None
    """Where it can be read."""
    note: str | None = None
    """Anything a reader should know about the source."""


@dataclass(frozen=True, kw_only=True)
class _Provenance:
    __pydantic_config__ = _CONFIG

    source: SourceId | None = None
    """Id of the source the number comes from; leave empty only with `heuristic: true`."""
    heuristic: bool = False
    """True when no source gives the number and it is csorg's own judgement."""
    note: str | None = None
    """Where in the source, or the reasoning behind a heuristic."""


@dataclass(frozen=True, kw_only=True)
class Figure(_Provenance):
    """A number (a ratio or coverage) with its provenance."""

    value: Annotated[float, _Limits(ge=MIN_FIGURE, le=MAX_FIGURE)]
    """The number: at least 0.001 and at most 10,000,000."""


@dataclass(frozen=True, kw_only=True)
class Count(_Provenance):
    """A whole number (a span, threshold or ratio) with its provenance."""

    value: Annotated[int, _Limits(ge=1, le=MAX_COUNT)]
    """The number: a whole number from 1 to 10,000,000."""


@dataclass(frozen=True, kw_only=True)
class Share(_Provenance):
    """A fraction with its provenance."""

    value: Annotated[float, _Limits(ge=MIN_FIGURE, le=1)]
    """The fraction: at least 0.001 and at most 1."""


@dataclass(frozen=True, kw_only=True)
class Money(Figure):
    """An amount in US dollars (annual recurring revenue, contract value) with its provenance."""

    value: Annotated[float, _Limits(ge=1, le=MAX_MONEY)]
    """The amount in US dollars: at least 1 and at most 10,000,000,000."""


@dataclass(frozen=True, kw_only=True)
class Amount(_Provenance):
    """An amount of money with its provenance."""

    value: Annotated[float, _Limits(ge=1, le=MAX_AMOUNT)]
    """The amount: at least 1 and at most 1,000,000,000,000 (in the currency given)."""


Number = Figure | Count | Share | Amount


@dataclass(frozen=True, kw_only=True)
class Area:
    """A functional area roles belong to (leadership, support, ...)."""

    __pydantic_config__ = _CONFIG

    id: Id
    """Stable id, e.g. `cs-management`."""
    name: Text
    """Name shown to people."""
    description: Text
    """What the area is responsible for."""
    sources: SourceIds = ()
    """Ids of the sources that describe the area."""


@dataclass(frozen=True, kw_only=True)
class Difference:
    """How a role differs from another role people confuse it with."""

    __pydantic_config__ = _CONFIG

    role: RoleId
    """Id of the other role."""
    note: Text
    """The difference, in a sentence or two."""


@dataclass(frozen=True, kw_only=True)
class Variant:
    """Another title for a variant of the role, and how it differs."""

    __pydantic_config__ = _CONFIG

    title: Text
    """The variant's title (also list it under `aliases` so it resolves to the role)."""
    note: Text
    """How the variant differs from the main title."""


@dataclass(frozen=True, kw_only=True)
class Coverage:
    """How many accounts one seat can look after, by touch model."""

    __pydantic_config__ = _CONFIG

    low: Figure
    """Accounts per seat in a low-touch model."""
    high: Figure
    """Accounts per seat in a high-touch model."""


@dataclass(frozen=True, kw_only=True)
class Ratio:
    """One seat of this role for every `every` seats of role `per`."""

    __pydantic_config__ = _CONFIG

    per: RoleId
    """Id of the role whose seats this role is sized from (e.g. `csm`)."""
    every: Count
    """How many seats of `per` one seat of this role supports."""


@dataclass(frozen=True, kw_only=True)
class Headcount:
    """How many seats of a role an org needs."""

    __pydantic_config__ = _CONFIG

    basis: Basis = "one"
    """`one`: one seat per scope unit; `span`: enough seats that no seat manages more than
    its span; `coverage`: enough seats for the accounts (see `accounts_per_seat`); `ratio`:
    one seat per `ratio.every` seats of `ratio.per`."""
    accounts_per_seat: Coverage | None = None
    """For `basis: coverage`: accounts one seat covers, by touch model."""
    ratio: Ratio | None = None
    """For `basis: ratio`: the role it is sized from and how many of those one seat serves."""
    first_at: Count | None = None
    """In a sized org, the first seat comes only once the basis reaches this: accounts for
    `coverage`, seats of `ratio.per` for `ratio`. Below it the role is a next hire and the
    seats around it do its work."""


@dataclass(frozen=True, kw_only=True)
class DottedLine:
    """A second, dotted-line manager: someone the role works for day to day without reporting
    to them."""

    __pydantic_config__ = _CONFIG

    to: Annotated[RoleIds, _Limits(min_length=1)]
    """Preferred dotted-line managers, best first; the first one present in an org (other
    than the role's own manager) is used, else there is no dotted line. Each ranks above the
    role or beside it (a level no larger than the role's), never below it."""
    why: Text
    """Why the role works for that manager too."""
    sources: SourceIds = ()
    """Ids of the sources behind it; leave empty for csorg's own reading and say so in `why`."""


@dataclass(frozen=True, kw_only=True)
class Role:
    """One role in a Customer Success org."""

    __pydantic_config__ = _CONFIG

    id: Id
    """Stable id, e.g. `csm`."""
    title: Text
    """The usual job title."""
    aliases: tuple[Text, ...] = ()
    """Other titles people use for the same role."""
    close_titles: tuple[Text, ...] = ()
    """Titles that sometimes mean this role but often name a different job (an Account
    Manager is often in sales): `audit` asks about them instead of applying them, and
    `explain` does not resolve them. A close title belongs to one role and is no role's id,
    title or alias."""
    area: AreaId
    """Id of the functional area the role belongs to."""
    level: Annotated[int, _Limits(ge=0)]
    """Rank in the hierarchy: 0 is the CEO, larger numbers are further from the top.
    A role's managers always have a smaller level."""
    summary: Text
    """The role in one sentence."""
    responsibilities: Annotated[tuple[Text, ...], _Limits(min_length=1)]
    """What the role does."""
    when_to_add: Text
    """The trigger for hiring the role."""
    differs_from: tuple[Difference, ...] = ()
    """How the role differs from the roles it is confused with."""
    variants: tuple[Variant, ...] = ()
    """Titles for variants of the same role, and how they differ."""
    reports_to: RoleIds = ()
    """Preferred managers, best first; the first one present in an org is the manager.
    Empty only for the root of the tree (the CEO)."""
    joins_teams_of: RoleIds = ()
    """In a sized org, seats of this role join the teams of these manager roles when they
    are staffed (an engineer in a pod of CSMs under their Team Lead), before `reports_to`."""
    scope: Scope = "region"
    """`global`: seats serve the whole company; `region`: seats are counted per region;
    `pod`: seats are counted per region and segment."""
    headcount: Headcount = field(default_factory=Headcount)
    """How many seats the role needs."""
    span: Count | None = None
    """Most direct reports one seat of this role should have (never more than 12)."""
    min_span: Count | None = None
    """Fewest direct reports that justify a seat of this manager role in a sized org; with
    fewer, the role is not staffed yet and the manager above does its job. Needs a `span`
    and is at most that span."""
    per_region_from: Count | None = None
    """In a sized org with regions, a region gets its own seat of this role once its own team
    has this many seats; smaller regions are served by another region's seat."""
    own_book: Share | None = None
    """For a head of CS: the share of one coverage seat's book it carries itself while it
    leads a small team (a player-coach). In a sized org the main coverage role needs that
    much less, and with less work than this the head is the whole team."""
    dotted_lines: tuple[DottedLine, ...] = ()
    """Dotted-line managers the role also works for."""
    own_reading: bool = False
    """True when no source names the role as such and it is csorg's own reading of them."""
    sources: Annotated[SourceIds, _Limits(min_length=1)]
    """Ids of the sources the description draws on."""


@dataclass(frozen=True, kw_only=True)
class RolesFile:
    """`roles.yaml`: the roles csorg knows about."""

    __pydantic_config__ = _CONFIG

    version: Literal[1] = 1
    """Catalog format version."""
    sources: tuple[Source, ...] = ()
    """Publications cited by this file."""
    areas: tuple[Area, ...] = ()
    """Functional areas."""
    roles: tuple[Role, ...] = ()
    """The roles."""


@dataclass(frozen=True, kw_only=True)
class Stage:
    """A company stage that `--stage` accepts."""

    __pydantic_config__ = _CONFIG

    id: Id
    """Stable id, e.g. `startup`."""
    name: Text
    """Name shown to people."""
    description: Text
    """What a company at this stage looks like."""
    max_employees: Count | None = None
    """`--employees` below this number infers this stage (the smallest matching stage
    wins); leave empty for the largest stage."""
    max_arr: Money | None = None
    """In a forecast plan, a company reaches the next stage once its ARR passes this, in US
    dollars; leave empty for the largest stage."""


@dataclass(frozen=True, kw_only=True)
class HiringTime:
    """How long a hire takes and how long until the new person carries a full load."""

    __pydantic_config__ = _CONFIG

    id: Id
    """Stable id, e.g. `individual-contributors`."""
    levels: Annotated[tuple[Annotated[int, _Limits(ge=0)], ...], _Limits(min_length=1)]
    """The role levels it is for (5: individual contributors, 4: first-line managers, ...)."""
    days_to_fill: Count
    """Days from opening the requisition to the person's first day (time to fill plus
    notice)."""
    months_to_ramp: Count
    """Months from the first day until the person carries a full load."""


@dataclass(frozen=True, kw_only=True)
class Trait:
    """A property of the product or offer that `--trait` accepts."""

    __pydantic_config__ = _CONFIG

    id: Id
    """Stable id, e.g. `technical`."""
    description: Text
    """What it means for a company to have this trait."""


@dataclass(frozen=True, kw_only=True)
class Segmentation:
    """A way of splitting CSMs into pods that `--segment-by` accepts."""

    __pydantic_config__ = _CONFIG

    id: Id
    """Stable id, e.g. `journey`."""
    name: Text
    """Name shown to people."""
    description: Text
    """What the segments stand for."""
    default_segments: tuple[Id, ...] = ()
    """Segments used when `--segments` is not given; empty means it must be given."""
    tiers: bool = False
    """The segments are the catalog's customer tiers (`tiers`), each with its own coverage."""
    sources: SourceIds = ()
    """Ids of the sources that describe the segmentation."""


@dataclass(frozen=True, kw_only=True)
class Match:
    """The inputs a business model is chosen for; a missing field matches anything."""

    __pydantic_config__ = _CONFIG

    stage: StageIds | None = None
    """Stage ids the model is for."""
    touch: tuple[Touch, ...] | None = None
    """Touch models the model is for."""
    plg: bool | None = None
    """True: only with `--plg`; false: only without it."""


@dataclass(frozen=True, kw_only=True)
class ModelRole:
    """A role a business model or rule puts in the org."""

    __pydantic_config__ = _CONFIG

    role: RoleId
    """Id of the role."""
    optional: bool = False
    """Optional roles are marked as such and left out with `--no-optional`."""
    why: str | None = None
    """Why the role is there, shown with the recommendation."""
    from_start: bool = False
    """Staff one seat from the start in a sized org, whatever its threshold (the source says
    the role is needed from day one)."""


@dataclass(frozen=True, kw_only=True)
class Caveat:
    """Where a structure's source and the benchmarks disagree, said in the output."""

    __pydantic_config__ = _CONFIG

    text: Text
    """The disagreement and what csorg does about it, in a sentence or two."""
    sources: Annotated[SourceIds, _Limits(min_length=1)]
    """The sources on each side."""


@dataclass(frozen=True, kw_only=True)
class BusinessModel:
    """An org structure for one kind of company."""

    __pydantic_config__ = _CONFIG

    id: Id
    """Stable id, e.g. `high-touch-startup`."""
    name: Text
    """Name shown to people."""
    summary: Text
    """Who the structure is for and what it emphasises."""
    match: Match | None = None
    """The inputs that choose this model; without it, only `--model ID` does."""
    roles: Annotated[tuple[ModelRole, ...], _Limits(min_length=1)]
    """The roles of the structure (the CEO root is implied)."""
    caveats: tuple[Caveat, ...] = ()
    """Where the structure's source and the benchmarks disagree; shown with sized orgs."""
    own_reading: bool = False
    """True when no source gives the structure as such and it is csorg's own reading of them."""
    sources: Annotated[SourceIds, _Limits(min_length=1)]
    """Ids of the sources the structure comes from."""


@dataclass(frozen=True, kw_only=True)
class RoleCount:
    """A threshold on the number of seats of a role."""

    __pydantic_config__ = _CONFIG

    role: RoleId
    """Id of the role counted."""
    at_least: Count
    """The rule applies from this many seats."""


@dataclass(frozen=True, kw_only=True)
class TierCount:
    """A threshold on the accounts of a customer tier."""

    __pydantic_config__ = _CONFIG

    tier: TierId
    """Id of the tier counted."""
    at_least: Count
    """The rule applies from this many accounts in the tier."""


@dataclass(frozen=True, kw_only=True)
class Condition:
    """When a rule applies; every field given must hold."""

    __pydantic_config__ = _CONFIG

    stage: StageIds | None = None
    """Stage ids."""
    touch: tuple[Touch, ...] | None = None
    """Touch models."""
    plg: bool | None = None
    """With (true) or without (false) `--plg`."""
    model: tuple[ModelId, ...] | None = None
    """Business model ids."""
    traits: tuple[TraitId, ...] | None = None
    """Trait ids that must all be given with `--trait`."""
    min_customers: Count | None = None
    """At least this many accounts (`--customers`)."""
    min_regions: Count | None = None
    """At least this many regions (`--regions`)."""
    min_count: RoleCount | None = None
    """At least this many seats of a role once the org is sized."""
    min_tier_accounts: TierCount | None = None
    """At least this many accounts in a customer tier once the org is sized."""


@dataclass(frozen=True, kw_only=True)
class Rule:
    """Adds or removes roles when a condition holds."""

    __pydantic_config__ = _CONFIG

    id: Id
    """Stable id, e.g. `technical-product`."""
    why: Text
    """The reason, shown with every role the rule adds."""
    when: Condition
    """When the rule applies."""
    add: tuple[ModelRole, ...] = ()
    """Roles the rule adds."""
    remove: RoleIds = ()
    """Roles the rule takes out (their work passes to the roles that remain)."""
    sources: SourceIds = ()
    """Ids of the sources behind the rule."""


@dataclass(frozen=True, kw_only=True)
class Hat:
    """When the headcount budget is short, `role` is combined into another seat."""

    __pydantic_config__ = _CONFIG

    role: RoleId
    """Id of the role whose seats go."""
    into: Annotated[RoleIds, _Limits(min_length=1)]
    """Roles that can take the work on, best first; the first one present does."""
    last_resort: bool = False
    """Apply only after coverage seats (CSMs) have been cut to the minimum."""


CoverageModel = Literal["named", "pooled", "digital"]
Metric = Literal[
    "managers-per-ic",
    "layers-to-csm",
    "accounts-per-csm",
    "arr-per-csm",
    "accounts-per-dsm",
    "csms-per-cs-ops",
]
METRICS: tuple[Metric, ...] = (
    "managers-per-ic",
    "layers-to-csm",
    "accounts-per-csm",
    "arr-per-csm",
    "accounts-per-dsm",
    "csms-per-cs-ops",
)


@dataclass(frozen=True, kw_only=True)
class Tier:
    """A tier of customers by size, with the coverage model that serves it."""

    __pydantic_config__ = _CONFIG

    id: Id
    """Stable id, e.g. `mid-market`; also a segment name for `--segment-by size`."""
    name: Text
    """Name shown to people."""
    description: Text
    """Which accounts belong to the tier."""
    coverage: CoverageModel
    """`named`: each account has its own CSM; `pooled`: a team of CSMs shares the accounts;
    `digital`: one-to-many programmes run by digital success."""
    served_by: Annotated[RoleIds, _Limits(min_length=1)]
    """Roles that serve the tier, best first; the first one present and staffed does."""
    accounts_per_seat: Figure
    """Accounts of this tier one seat covers."""
    arr_per_seat: Money | None = None
    """Annual recurring revenue of this tier one seat covers; with `--arr`, seats follow the
    larger of the two needs."""
    typical_acv: Money
    """Annual contract value of a typical account of the tier, in US dollars; splits ARR over
    tiers and turns ARR into accounts when only ARR is given."""
    sources: SourceIds = ()
    """Ids of the sources that describe the tier."""


@dataclass(frozen=True, kw_only=True)
class TierShare:
    """One tier's share of all accounts."""

    __pydantic_config__ = _CONFIG

    tier: TierId
    """Id of the tier."""
    share: Share
    """Fraction of all accounts in the tier."""


@dataclass(frozen=True, kw_only=True)
class MixMatch:
    """The companies a tier mix is the default for; a missing field matches anything."""

    __pydantic_config__ = _CONFIG

    stage: StageIds | None = None
    """Stage ids."""
    touch: tuple[Touch, ...] | None = None
    """Touch models."""
    plg: bool | None = None
    """With (true) or without (false) `--plg`."""
    model: tuple[ModelId, ...] | None = None
    """Business model ids."""


@dataclass(frozen=True, kw_only=True)
class TierMix:
    """A default split of accounts over tiers, used when `--segments` gives no mix."""

    __pydantic_config__ = _CONFIG

    id: Id
    """Stable id, e.g. `high-touch`."""
    name: Text
    """Name shown to people."""
    when: MixMatch = field(default_factory=MixMatch)
    """The companies it is the default for; the first mix that matches is used."""
    shares: Annotated[tuple[TierShare, ...], _Limits(min_length=1)]
    """Each tier's share of the accounts; they add up to 1."""
    note: str | None = None
    """Why the mix looks like this."""


@dataclass(frozen=True, kw_only=True)
class Benchmark:
    """The range a metric of a sized org should fall in."""

    __pydantic_config__ = _CONFIG

    metric: Metric
    """Which metric."""
    low: Figure | None = None
    """Below this the org is out of line."""
    high: Figure | None = None
    """Above this the org is out of line."""
    from_seats: Count | None = None
    """The range applies to orgs of at least this many CS seats (small teams are led by
    player-coaches)."""


@dataclass(frozen=True, kw_only=True)
class BusinessModelsFile:
    """`business_models.yaml`: stages, structures, rules and budget policy."""

    __pydantic_config__ = _CONFIG

    version: Literal[1] = 1
    """Catalog format version."""
    sources: tuple[Source, ...] = ()
    """Publications cited by this file."""
    stages: tuple[Stage, ...] = ()
    """Company stages."""
    traits: tuple[Trait, ...] = ()
    """Product and offer traits that rules can test."""
    segmentations: tuple[Segmentation, ...] = ()
    """Ways of splitting CSMs into pods."""
    models: tuple[BusinessModel, ...] = ()
    """Org structures."""
    rules: tuple[Rule, ...] = ()
    """Conditional additions and removals."""
    hats: tuple[Hat, ...] | None = None
    """Budget policy: roles combined first come first. A file that gives `hats` replaces
    the whole list of the catalogs below it."""
    tiers: tuple[Tier, ...] = ()
    """Customer tiers and the coverage each gets."""
    tier_mixes: tuple[TierMix, ...] = ()
    """Default splits of accounts over tiers."""
    benchmarks: tuple[Benchmark, ...] = ()
    """Ranges the metrics of a sized org are checked against."""
    hiring: tuple[HiringTime, ...] = ()
    """Time to hire and to ramp, by role level, for hiring plans."""


@dataclass(frozen=True, kw_only=True)
class PayBand:
    """What one seat of a role costs a year, fully loaded: salary, variable pay, employer
    taxes and benefits, at the reference pay level (a region multiplier of 1)."""

    __pydantic_config__ = _CONFIG

    role: RoleId
    """Id of the role; a band given again for the same role replaces the earlier one."""
    currency: CurrencyId = "USD"
    """The currency of the three figures (a code listed under `currencies`)."""
    low: Amount
    """A lean hire: about the 25th percentile of pay, fully loaded."""
    mid: Amount
    """A typical hire: the median, fully loaded; the figure totals are built from."""
    high: Amount
    """A senior or well-paid hire: about the 75th percentile, variable pay included."""


@dataclass(frozen=True, kw_only=True)
class PayRegion:
    """The pay level of a region relative to the bands' reference level."""

    __pydantic_config__ = _CONFIG

    id: Id
    """The region as people pass it to `--regions`, e.g. `emea`, `uk`, `apac`."""
    name: Text
    """Name shown to people."""
    multiplier: Figure
    """Cost of a seat there as a multiple of the band (1 = the reference level)."""


@dataclass(frozen=True, kw_only=True)
class Currency:
    """A currency costs can be shown in, at a fixed rate."""

    __pydantic_config__ = _CONFIG

    code: CurrencyCode
    """ISO 4217 code, e.g. `EUR`; `--currency` takes it."""
    name: Text
    """Name shown to people."""
    symbol: Text
    """How amounts are written: `€1.2M`."""
    per_usd: Figure
    """Units of this currency for one US dollar (1 for USD)."""
    as_of: Text
    """The date of the rate (quote it: `"2026-04-13"`); shown with every converted amount."""


@dataclass(frozen=True, kw_only=True)
class SpendBenchmark:
    """A published share of ARR that companies spend on Customer Success."""

    __pydantic_config__ = _CONFIG

    id: Id
    """Stable id, e.g. `saastr-scaling`."""
    name: Text
    """What the benchmark says, in a few words."""
    share: Share
    """The share of annual recurring revenue, as a fraction (0.1 is 10%)."""
    covers: Text
    """What the spend includes (CS alone, CS and support, ...)."""
    stages: StageIds | None = None
    """Stage ids the benchmark is for; empty: any stage."""


@dataclass(frozen=True, kw_only=True)
class CompensationFile:
    """`compensation.yaml`: what CS seats cost, by role and region, and in which currency."""

    __pydantic_config__ = _CONFIG

    version: Literal[1] = 1
    """Catalog format version."""
    sources: tuple[Source, ...] = ()
    """Publications cited by this file."""
    bands: tuple[PayBand, ...] = ()
    """Annual cost bands, one per role."""
    regions: tuple[PayRegion, ...] = ()
    """Pay levels by region; a region not listed is costed at the reference level."""
    currencies: tuple[Currency, ...] = ()
    """Currencies and their fixed rates against the US dollar."""
    spend_benchmarks: tuple[SpendBenchmark, ...] = ()
    """Published shares of ARR spent on CS, to compare a team's cost with."""


@dataclass(frozen=True)
class Catalog:
    """All catalog files in use, layered and checked: what the engine reads."""

    sources: dict[str, Source]
    areas: dict[str, Area]
    roles: dict[str, Role]
    stages: dict[str, Stage]
    traits: dict[str, Trait]
    segmentations: dict[str, Segmentation]
    models: dict[str, BusinessModel]
    rules: dict[str, Rule]
    hats: tuple[Hat, ...]
    tiers: dict[str, Tier] = field(default_factory=dict)
    tier_mixes: dict[str, TierMix] = field(default_factory=dict)
    benchmarks: dict[str, Benchmark] = field(default_factory=dict)  # by metric
    hiring: dict[str, HiringTime] = field(default_factory=dict)
    files: tuple[str, ...] = ()
    bands: dict[str, PayBand] = field(default_factory=dict)  # by role id
    pay_regions: dict[str, PayRegion] = field(default_factory=dict)
    currencies: dict[str, Currency] = field(default_factory=dict)  # by code
    spend_benchmarks: dict[str, SpendBenchmark] = field(default_factory=dict)

    def role_order(self) -> Mapping[str, int]:
        """Each role's place in catalog order (worked out once: sizing sorts by it often)."""
        return self._role_order

    @functools.cached_property
    def _role_order(self) -> dict[str, int]:
        return {role_id: i for i, role_id in enumerate(self.roles)}

    def area_name(self, area_id: str) -> str:
        area = self.areas.get(area_id)
        return area.name if area else area_id

    def title(self, role_id: str) -> str:
        role = self.roles.get(role_id)
        return role.title if role else role_id
