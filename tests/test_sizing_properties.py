"""What an org-design reviewer checks, as properties over the whole input space.

Stage, touch and product-led; accounts from a handful to 200,000; ARR; regions with or without
shares; segments by size (the tiers, with or without a mix), industry or journey; headcount
budgets. For every company csorg must give one tree of seats that:

- has no manager below its minimum span, except a head of CS leading a small team as a
  player-coach, which the output explains;
- runs at most the catalog's managers per individual contributor in orgs of 30+ seats;
- keeps every span, or warns about the one it cannot keep;
- staffs each ratio role at its company-wide need;
- does not grow with regions and segments beyond the leaders they justify;
- never shrinks as accounts or ARR grow (ARR over the same accounts included);
- never exceeds a budget, and never refuses a valid company.
"""

from __future__ import annotations

import itertools
from collections import Counter

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from csorg.catalog.load import load_catalog
from csorg.catalog.schema import MAX_SPAN, ROOT_ROLE, Catalog
from csorg.engine.book import tilted
from csorg.engine.inputs import Request
from csorg.engine.need import ratio_seats
from csorg.engine.recommend import recommend
from csorg.engine.result import Recommendation

CATALOG = load_catalog()
REGIONS = ["na", "emea", "apac", "latam"]

stages = st.sampled_from(["startup", "scaling", "enterprise"])
touches = st.sampled_from(["low", "high"])
accounts = st.one_of(
    st.integers(1, 400), st.integers(400, 20_000), st.sampled_from([50_000, 200_000])
)
regions = st.sampled_from([(), ("na", "emea"), tuple(REGIONS)])
segmentations = st.sampled_from([None, "size", "industry", "journey"])
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _request(**values: object) -> Request:
    segment_by = values.get("segment_by")
    if segment_by == "industry" and "segments" not in values:
        values["segments"] = ("fintech", "health", "retail")
    return Request(seats=True, **values)  # type: ignore[arg-type]


def _tree(rec: Recommendation) -> tuple[dict[str, list[str]], dict[str, str]]:
    assert rec.seats is not None
    reports: dict[str, list[str]] = {s.id: [] for s in rec.seats}
    role = {s.id: s.role for s in rec.seats}
    for seat in rec.seats:
        if seat.reports_to is not None:
            reports[seat.reports_to].append(seat.id)
    return reports, role


def _team(reports: dict[str, list[str]], seat: str) -> int:
    size, stack = 0, [seat]
    while stack:
        current = stack.pop()
        size += 1
        stack.extend(reports[current])
    return size


def check_reviewer_rules(catalog: Catalog, rec: Recommendation) -> None:
    reports, role = _tree(rec)
    assert rec.seats is not None
    root = rec.seats[0].id
    assert role[root] == ROOT_ROLE and rec.seats[0].reports_to is None
    assert Counter(role.values()) == {r.id: r.count for r in rec.roles}
    titles = {r.title for r in rec.roles}
    for entry in rec.roles:  # a reader is told each reason once
        assert len(set(entry.rationale)) == len(entry.rationale), entry.id
        for reason in entry.rationale:  # and a span reason names a manager the org has
            if reason.startswith("span of control: ") and " would have " in reason:
                manager = reason.removeprefix("span of control: ").split(" would have ")[0]
                manager = manager.removeprefix("without this layer, ")
                manager = manager.removeprefix("the ").removeprefix("a ")
                assert manager in titles, (entry.id, reason)
        spans = [r for r in entry.rationale if r.startswith("span of control: ")]
        assert len(spans) <= 1, (entry.id, spans)  # one account of why the layer is there
    heads = set(reports[root])
    managers = [s for s, kids in reports.items() if kids and s != root]
    for seat in managers:
        spec = catalog.roles[role[seat]]
        least = spec.min_span.value if spec.min_span else 1
        if len(reports[seat]) < least:
            # only a head of CS leading a small team, and the output says why
            assert seat in heads, (seat, len(reports[seat]))
            assert any("player-coach" in note for note in rec.notes)
        most = min(spec.span.value if spec.span else MAX_SPAN, MAX_SPAN)
        if len(reports[seat]) > most and not rec.inputs.headcount:
            assert any("span" in w for w in rec.warnings), (seat, len(reports[seat]))
        # no manager of a single manager
        if len(reports[seat]) == 1:
            (only,) = reports[seat]
            assert not reports[only] or _team(reports, seat) <= 3, seat
    seats = len(rec.seats) - 1
    ics = seats - len(managers)
    if seats >= 30 and rec.inputs.headcount is None:
        bound = catalog.benchmarks["managers-per-ic"].high
        assert bound is not None
        assert len(managers) / ics <= bound.value + 1e-9, (len(managers), ics)


def check_ratios(catalog: Catalog, rec: Recommendation) -> None:
    counts = {r.id: r.count for r in rec.roles}
    for entry in rec.roles:
        ratio = catalog.roles[entry.id].headcount.ratio
        if ratio is None or entry.covers or rec.inputs.headcount is not None:
            continue
        expected = ratio_seats(catalog.roles[entry.id], counts.get(ratio.per, 0), False)
        assert entry.count == max(expected, 1 if entry.count else 0), entry.id


@SETTINGS
@given(
    stage=stages,
    touch=touches,
    plg=st.booleans(),
    customers=accounts,
    regions=regions,
    segment_by=segmentations,
    optional=st.booleans(),
)
def test_every_sized_company_gets_an_org_a_reviewer_would_sign(
    stage: str,
    touch: str,
    plg: bool,
    customers: int,
    regions: tuple[str, ...],
    segment_by: str | None,
    optional: bool,
) -> None:
    request = _request(
        stage=stage,
        touch=touch,
        plg=plg,
        customers=customers,
        regions=regions,
        segment_by=segment_by,
        optional=optional,
    )
    rec = recommend(CATALOG, request)  # never refuses
    check_reviewer_rules(CATALOG, rec)
    check_ratios(CATALOG, rec)
    assert rec == recommend(CATALOG, request)


@SETTINGS
@given(stage=stages, touch=touches, plg=st.booleans(), customers=accounts, segment_by=segmentations)
def test_regions_and_segments_add_no_more_than_their_leaders(
    stage: str, touch: str, plg: bool, customers: int, segment_by: str | None
) -> None:
    plain = recommend(CATALOG, _request(stage=stage, touch=touch, plg=plg, customers=customers))
    split = recommend(
        CATALOG,
        _request(
            stage=stage,
            touch=touch,
            plg=plg,
            customers=customers,
            regions=tuple(REGIONS),
            segment_by=segment_by,
        ),
    )
    assert split.total_seats <= 1.2 * plain.total_seats + len(REGIONS)


@SETTINGS
@given(
    stage=stages,
    touch=touches,
    plg=st.booleans(),
    customers=st.integers(1, 30_000),
    more=st.integers(1, 5_000),
    regions=regions,
    segment_by=segmentations,
)
def test_seats_never_fall_as_accounts_grow(
    stage: str,
    touch: str,
    plg: bool,
    customers: int,
    more: int,
    regions: tuple[str, ...],
    segment_by: str | None,
) -> None:
    values = {
        "stage": stage,
        "touch": touch,
        "plg": plg,
        "regions": regions,
        "segment_by": segment_by,
    }
    small = recommend(CATALOG, _request(customers=customers, **values))
    large = recommend(CATALOG, _request(customers=customers + more, **values))
    assert large.total_seats >= small.total_seats


@SETTINGS
@given(
    stage=stages,
    touch=touches,
    arr=st.floats(50_000, 400_000_000),
    growth=st.floats(1.0, 3.0),
)
def test_seats_never_fall_as_arr_grows(stage: str, touch: str, arr: float, growth: float) -> None:
    small = recommend(CATALOG, _request(stage=stage, touch=touch, arr=arr))
    large = recommend(CATALOG, _request(stage=stage, touch=touch, arr=arr * growth))
    assert large.total_seats >= small.total_seats


@SETTINGS
@given(
    stage=stages,
    touch=touches,
    customers=st.integers(1, 30_000),
    per_account=st.floats(500, 1_000_000),
    growth=st.floats(1.0, 4.0),
)
def test_seats_never_fall_as_arr_grows_over_the_same_accounts(
    stage: str, touch: str, customers: int, per_account: float, growth: float
) -> None:
    """Richer accounts move the default mix toward the richer tiers: never fewer seats."""
    arr = customers * per_account
    assume(arr * growth <= 5e9)  # a company, not the whole SaaS market
    small = recommend(CATALOG, _request(stage=stage, touch=touch, customers=customers, arr=arr))
    large = recommend(
        CATALOG, _request(stage=stage, touch=touch, customers=customers, arr=arr * growth)
    )
    assert large.total_seats >= small.total_seats


@given(
    shares=st.lists(st.floats(0.01, 1.0), min_size=1, max_size=5),
    values=st.lists(st.floats(100, 1_000_000), min_size=5, max_size=5, unique=True),
    per_account=st.floats(50, 5_000_000),
)
def test_a_tilted_mix_is_a_mix_that_fits_the_arr_per_account(
    shares: list[float], values: list[float], per_account: float
) -> None:
    total = sum(shares)
    mix = {f"t{i}": v / total for i, v in enumerate(shares)}
    acv = {f"t{i}": values[i] for i in range(len(shares))}
    moved, tilt = tilted(mix, acv, per_account)
    assert sum(moved.values()) == pytest.approx(1.0)
    assert all(v >= -1e-12 for v in moved.values())
    average = sum(v * acv[t] for t, v in moved.items())
    lowest, highest = min(acv.values()), max(acv.values())
    if tilt is None:  # already close enough
        assert moved == mix
        return
    reachable = min(highest, max(lowest, per_account))
    assert average == pytest.approx(reachable, rel=1e-6)
    others = [t for t in mix if t != tilt.tier]  # the rest keep their proportions
    for a, b in itertools.pairwise(others):
        assert moved[a] * mix[b] == pytest.approx(moved[b] * mix[a], abs=1e-12)


@SETTINGS
@given(
    stage=stages,
    touch=touches,
    plg=st.booleans(),
    customers=st.one_of(st.none(), st.integers(1, 20_000)),
    headcount=st.integers(1, 300),
    regions=regions,
    segment_by=segmentations,
)
def test_budgets_are_never_exceeded(
    stage: str,
    touch: str,
    plg: bool,
    customers: int | None,
    headcount: int,
    regions: tuple[str, ...],
    segment_by: str | None,
) -> None:
    rec = recommend(
        CATALOG,
        _request(
            stage=stage,
            touch=touch,
            plg=plg,
            customers=customers,
            headcount=headcount,
            regions=regions,
            segment_by=segment_by,
        ),
    )
    assert rec.total_seats <= headcount
    assert rec.budget is not None and rec.budget.seats == rec.total_seats
    if rec.budget.needed > headcount:
        assert any(f"headcount of {headcount}" in w for w in rec.warnings)
    # two seats never share one more senior role
    for entry in rec.roles:
        for covered in entry.covers:
            if CATALOG.roles[covered].level < entry.level:
                assert entry.count == 1, (entry.id, covered)


@SETTINGS
@given(
    stage=stages,
    touch=touches,
    mix=st.lists(st.integers(0, 5_000), min_size=4, max_size=4).filter(lambda m: sum(m) > 0),
)
def test_a_given_tier_mix_is_served_by_its_tiers(stage: str, touch: str, mix: list[int]) -> None:
    names = ("enterprise", "mid-market", "smb", "digital")
    given_mix = tuple(f"{n}={c}" for n, c in zip(names, mix, strict=True))
    rec = recommend(
        CATALOG, _request(stage=stage, touch=touch, segment_by="size", segments=given_mix)
    )
    assert rec.inputs.customers == sum(mix)
    assume(rec.seats is not None)
    # an enterprise account is never served digitally while smaller ones get named CSMs
    csm_tiers = {s.segment for s in rec.seats or () if s.role == "csm"}
    dsm_tiers = {s.segment for s in rec.seats or () if s.role == "digital-success-manager"}
    assert "enterprise" not in dsm_tiers
    if dsm_tiers:
        assert "digital" not in csm_tiers or "digital" in dsm_tiers
