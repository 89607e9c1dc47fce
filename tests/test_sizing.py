"""Sizing: counts from customers and touch, spans, the headcount budget, regions, segments,
seats and warnings, through the engine and the real command line."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csorg.catalog.load import load_catalog
from csorg.catalog.schema import MAX_SPAN, Catalog
from csorg.engine.build import recommend
from csorg.engine.inputs import Request
from csorg.engine.result import Recommendation
from csorg.errors import CsorgError


def coverage(catalog: Catalog, role: str, touch: str) -> float:
    per_seat = catalog.roles[role].headcount.accounts_per_seat
    assert per_seat is not None
    return float(getattr(per_seat, touch).value)


def counts(rec: Recommendation) -> dict[str, int]:
    return {r.id: r.count for r in rec.roles}


def check_invariants(catalog: Catalog, rec: Recommendation) -> None:
    """One tree of seats under the CEO, spans kept, seats matching the role counts."""
    assert rec.seats is not None
    seats = {s.id: s for s in rec.seats}
    assert len(seats) == len(rec.seats)
    roots = [s for s in rec.seats if s.reports_to is None]
    assert [r.role for r in roots] == ["ceo"]
    for seat in rec.seats:
        # every chain of managers ends at the CEO: one tree, no cycle
        seen = set()
        current = seat
        while current.reports_to is not None:
            assert current.id not in seen
            seen.add(current.id)
            current = seats[current.reports_to]
        assert current.role == "ceo"
    reports = Counter(s.reports_to for s in rec.seats if s.reports_to)
    for manager_id, n in reports.items():
        role = catalog.roles[seats[manager_id].role]
        span = role.span.value if role.span else MAX_SPAN
        assert n <= min(span, MAX_SPAN), (manager_id, n)
    by_role = Counter(s.role for s in rec.seats)
    assert by_role == {r.id: r.count for r in rec.roles}
    role_manager = {r.id: r.reports_to for r in rec.roles}
    for seat in rec.seats:
        if seat.reports_to is not None:
            assert seats[seat.reports_to].role == role_manager[seat.role]
    if rec.inputs.headcount is not None:
        assert rec.total_seats <= rec.inputs.headcount


# -- counts ---------------------------------------------------------------------------------


@pytest.mark.parametrize("touch", ["low", "high"])
@pytest.mark.parametrize("customers", [1, 37, 38, 199, 201, 400, 1000])
def test_csm_count_follows_coverage(catalog: Catalog, touch: str, customers: int) -> None:
    rec = recommend(catalog, Request(stage="scaling", touch=touch, customers=customers))
    expected = max(1, math.ceil(customers / coverage(catalog, "csm", touch)))
    assert counts(rec)["csm"] == expected
    csm = rec.role("csm")
    assert csm is not None
    assert any("accounts at" in reason for reason in csm.rationale)


def test_more_customers_more_csms_and_low_touch_covers_more(catalog: Catalog) -> None:
    previous = 0
    for customers in (50, 500, 2000, 8000):
        low = counts(
            recommend(catalog, Request(stage="scaling", touch="low", customers=customers))
        )["csm"]
        high = counts(
            recommend(catalog, Request(stage="scaling", touch="high", customers=customers))
        )["csm"]
        assert low <= high
        assert high >= previous
        previous = high


def test_enterprise_splits_accounts_between_digital_and_csms(catalog: Catalog) -> None:
    rec = recommend(catalog, Request(stage="enterprise", touch="high", customers=100_000))
    shares = {a.role: a.share.value for a in catalog.models["enterprise"].accounts}
    got = counts(rec)
    assert got["digital-success-manager"] == math.ceil(
        100_000
        * shares["digital-success-manager"]
        / coverage(catalog, "digital-success-manager", "high")
    )
    assert got["csm"] == math.ceil(100_000 * shares["csm"] / coverage(catalog, "csm", "high"))


def test_no_optional_gives_the_digital_share_back_to_csms(catalog: Catalog) -> None:
    rec = recommend(
        catalog, Request(stage="startup", touch="low", plg=True, customers=1000, optional=False)
    )
    assert "digital-success-manager" not in counts(rec)
    assert counts(rec)["csm"] == math.ceil(1000 / coverage(catalog, "csm", "low"))


def test_span_of_control_adds_a_layer_and_says_why(catalog: Catalog) -> None:
    rec = recommend(catalog, Request(stage="startup", touch="high", customers=2000, seats=True))
    director = rec.role("cs-director")
    assert director is not None, "a director layer is inserted when the VP's span is exceeded"
    assert any(reason.startswith("span of control") for reason in director.rationale)
    team_lead = rec.role("cs-team-lead")
    assert team_lead is not None and team_lead.count == math.ceil(counts(rec)["csm"] / 7)
    check_invariants(catalog, rec)


def test_supporting_roles_follow_their_ratios(catalog: Catalog) -> None:
    rec = recommend(catalog, Request(stage="scaling", touch="high", customers=3000))
    got = counts(rec)
    ops = catalog.roles["cs-ops"].headcount.ratio
    assert ops is not None
    assert got["cs-ops"] == math.ceil(got["csm"] / ops.every.value)


def test_rules_triggered_by_counts(catalog: Catalog) -> None:
    small = counts(recommend(catalog, Request(stage="startup", touch="low", customers=200)))
    big = counts(recommend(catalog, Request(stage="startup", touch="low", customers=1200)))
    assert "cs-ops" not in small and "cs-ops" in big  # at five CSMs
    assert "cs-team-lead" not in small and "cs-team-lead" in big
    assert "support-rep" not in small and "support-rep" in big  # from 300 accounts


# -- the headcount budget -------------------------------------------------------------------


def test_short_budget_combines_roles_into_hats(catalog: Catalog, run: Callable) -> None:
    result = run(
        "recommend", "--stage", "startup", "--touch", "high", "--headcount", "3", "--format", "json"
    )
    assert result.exit_code == 0, result.stderr
    data = result.json()
    assert data["total_seats"] <= 3
    covered = [c for r in data["roles"] for c in r["covers"]]
    assert covered, "roles are combined, never dropped silently"
    present = {r["id"] for r in data["roles"]}
    full = {r.role for r in catalog.models["high-touch-startup"].roles}
    assert full <= present | set(covered)
    assert any("below the" in w and "also covers" in w for w in data["warnings"])
    assert data["budget"]["needed"] > 3 and data["budget"]["seats"] <= 3

    tree = run("recommend", "--stage", "startup", "--touch", "high", "--headcount", "3")
    assert "+ covers" in tree.stdout
    assert "warning: a headcount of 3" in tree.stdout


def test_single_seat_is_a_csm_who_does_it_all(catalog: Catalog) -> None:
    rec = recommend(catalog, Request(stage="startup", touch="low", customers=50, headcount=1))
    assert [r.id for r in rec.roles] == ["ceo", "csm"]
    csm = rec.role("csm")
    assert csm is not None and {"cs-lead", "support-manager"} <= set(csm.covers)


def test_budget_above_need_says_what_comes_next(run: Callable) -> None:
    data = run(
        "recommend",
        "--stage",
        "startup",
        "--touch",
        "low",
        "--customers",
        "100",
        "--headcount",
        "12",
        "--format",
        "json",
    ).json()
    assert data["budget"]["spare"] == 12 - data["total_seats"] > 0
    assert data["budget"]["next"], "spare seats get suggestions"
    assert any("spare seat" in n for n in data["notes"])


def test_impossible_budget_is_a_clear_error(run: Callable) -> None:
    result = run(
        "recommend",
        "--stage",
        "scaling",
        "--touch",
        "high",
        "--regions",
        "a,b,c",
        "--headcount",
        "2",
    )
    assert result.exit_code == 1
    assert "cannot hold this structure" in result.stderr
    assert "Traceback" not in result.stderr


def test_five_thousand_high_touch_accounts_on_three_people_warns(run: Callable) -> None:
    data = run(
        "recommend",
        "--stage",
        "startup",
        "--touch",
        "high",
        "--customers",
        "5000",
        "--headcount",
        "3",
        "--format",
        "json",
    ).json()
    warnings = " ".join(data["warnings"])
    assert "accounts per Customer Success Manager" in warnings
    assert "only a Digital Success Manager" in warnings
    assert data["total_seats"] <= 3


# -- regions and segments -------------------------------------------------------------------


def test_regions_put_one_vp_per_region_under_a_cco(catalog: Catalog) -> None:
    rec = recommend(
        catalog,
        Request(
            stage="startup", touch="low", customers=900, regions=("na", "emea", "apac"), seats=True
        ),
    )
    got = counts(rec)
    assert got["cco"] == 1 and got["vp-cs"] == 3 and "cs-lead" not in got
    vps = [s for s in rec.seats or () if s.role == "vp-cs"]
    assert sorted(s.region or "" for s in vps) == ["apac", "emea", "na"]
    assert all(s.reports_to == "cco-01" for s in vps)
    check_invariants(catalog, rec)


def test_segments_split_csms_into_pods(catalog: Catalog) -> None:
    rec = recommend(
        catalog,
        Request(stage="scaling", touch="high", customers=600, segment_by="size", seats=True),
    )
    csm = rec.role("csm")
    assert csm is not None and csm.pods is not None
    segments = {segment for _, segment, _ in csm.pods}
    assert segments == set(catalog.segmentations["size"].default_segments)
    assert sum(n for _, _, n in csm.pods) == csm.count
    seats = rec.seats or ()
    for seat in seats:
        if seat.role == "csm":
            manager = next(s for s in seats if s.id == seat.reports_to)
            assert manager.role == "cs-team-lead" and manager.segment == seat.segment
    check_invariants(catalog, rec)


def test_journey_segments_have_defaults(run: Callable, catalog: Catalog) -> None:
    data = run(
        "recommend",
        "--stage",
        "scaling",
        "--touch",
        "high",
        "--segment-by",
        "journey",
        "--format",
        "json",
    ).json()
    assert data["inputs"]["segments"] == list(catalog.segmentations["journey"].default_segments)


# -- seats ----------------------------------------------------------------------------------


def test_seat_ids_are_stable_and_readable(catalog: Catalog, run: Callable) -> None:
    args = (
        "recommend",
        "--stage",
        "scaling",
        "--touch",
        "high",
        "--customers",
        "700",
        "--seats",
        "--format",
        "json",
    )
    first, second = run(*args), run(*args)
    assert first.stdout == second.stdout
    seats = first.json()["seats"]
    assert seats[0] == {
        "id": "ceo-01",
        "role": "ceo",
        "title": "Chief Executive Officer",
        "reports_to": None,
    }
    for seat in seats:
        assert re.fullmatch(rf"{re.escape(seat['role'])}-\d{{2,}}", seat["id"])
    assert len(seats) == sum(r["count"] for r in first.json()["roles"])


def test_reports_are_spread_evenly(catalog: Catalog) -> None:
    rec = recommend(catalog, Request(stage="startup", touch="high", customers=1000, seats=True))
    by_manager: dict[str, Counter[str]] = defaultdict(Counter)
    for seat in rec.seats or ():
        if seat.reports_to:
            by_manager[seat.reports_to.rsplit("-", 1)[0]][seat.reports_to] += 1
    for role_id, loads in by_manager.items():
        if len(loads) > 1:
            assert max(loads.values()) - min(loads.values()) <= 1, role_id


# -- inputs ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("employees", "stage"),
    [
        (5, "startup"),
        (49, "startup"),
        (50, "scaling"),
        (249, "scaling"),
        (250, "enterprise"),
        (90_000, "enterprise"),
    ],
)
def test_stage_is_inferred_from_employees(run: Callable, employees: int, stage: str) -> None:
    data = run(
        "recommend", "--employees", str(employees), "--touch", "high", "--format", "json"
    ).json()
    assert data["inputs"]["stage"] == stage and data["inputs"]["stage_inferred"] is True
    assert any("inferred" in n for n in data["notes"])


def test_stage_and_employees_that_disagree_warn(run: Callable) -> None:
    data = run(
        "recommend",
        "--stage",
        "startup",
        "--employees",
        "5000",
        "--touch",
        "low",
        "--format",
        "json",
    ).json()
    assert data["inputs"]["stage_inferred"] is False
    assert any("suggests the Enterprise stage" in w for w in data["warnings"])


@pytest.mark.parametrize(
    "flags",
    [
        ["--customers", "-1"],
        ["--customers", "abc"],
        ["--customers", "1.5"],
        ["--headcount", "0"],
        ["--headcount", "-3"],
        ["--employees", "0"],
        ["--customers", "99999999999"],
        ["--regions", "a,,b"],
        ["--regions", "a,a"],
        ["--segment-by", "colour"],
        ["--segments", "a,b"],
        ["--segment-by", "industry"],
        ["--trait", "shiny"],
        ["--model", "nope"],
    ],
)
def test_bad_values_are_usage_errors(run: Callable, flags: list[str]) -> None:
    result = run("recommend", "--stage", "startup", "--touch", "high", *flags)
    assert result.exit_code == 2, result.stdout
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.strip()


# -- properties -----------------------------------------------------------------------------

names = st.lists(st.sampled_from(["na", "emea", "apac", "latam", "anz"]), unique=True, max_size=4)


SHIPPED = load_catalog()


@settings(max_examples=150, deadline=None)
@given(
    stage=st.sampled_from(["startup", "scaling", "enterprise"]),
    touch=st.sampled_from(["low", "high"]),
    plg=st.booleans(),
    customers=st.one_of(st.none(), st.integers(0, 15_000)),
    headcount=st.one_of(st.none(), st.integers(1, 400)),
    regions=names,
    segment_by=st.sampled_from([None, "size", "journey"]),
    optional=st.booleans(),
)
def test_any_inputs_give_one_tree_within_spans_and_budget(
    stage: str,
    touch: str,
    plg: bool,
    customers: int | None,
    headcount: int | None,
    regions: list[str],
    segment_by: str | None,
    optional: bool,
) -> None:
    request = Request(
        stage=stage,
        touch=touch,
        plg=plg,
        customers=customers,
        headcount=headcount,
        regions=tuple(regions),
        segment_by=segment_by,
        optional=optional,
        seats=True,
    )
    try:
        rec = recommend(SHIPPED, request)
    except CsorgError as error:
        # the only refusal: a budget smaller than one seat per region and pod can hold
        assert headcount is not None and "cannot hold this structure" in error.message
        return
    check_invariants(SHIPPED, rec)
    assert rec == recommend(SHIPPED, request)  # deterministic


def test_a_base_too_large_for_the_structure_ends_cleanly(run: Callable) -> None:
    result = run("recommend", "--stage", "startup", "--touch", "high", "--customers", "200000")
    assert result.exit_code == 1
    assert "outgrows its management layers" in result.stderr
    assert "--stage enterprise" in result.stderr


def test_the_largest_enterprise_benchmark_input_is_sized(catalog: Catalog) -> None:
    rec = recommend(
        catalog, Request(stage="enterprise", touch="high", customers=200_000, seats=True)
    )
    check_invariants(catalog, rec)
