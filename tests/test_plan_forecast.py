"""`csorg plan` from a growth forecast: named forecasts with what a founder should see,
properties over any growing forecast, the profile's forecast, every output format, bad input.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from csorg.catalog.load import load_catalog
from csorg.catalog.schema import Catalog
from csorg.engine.inputs import Request
from csorg.plan.build import forecast_plan
from csorg.plan.forecast import parse_start, quarter_label
from csorg.plan.quarterly import HiringPlan
from csorg.plan.timing import month_label
from csorg.profile.model import ForecastPeriod, GrowthForecast, Profile

CATALOG = load_catalog()
FIXTURES = Path(__file__).parent / "fixtures"
MONTH = re.compile(r"month (-?\d+)")


def _month(text: str) -> int:
    match = MONTH.fullmatch(text)
    assert match, text
    return int(match[1])


def _plan(run: Callable[..., Any], *args: str) -> dict[str, Any]:
    result = run("plan", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = result.json()
    return data


FOUNDER = ("--stage", "startup", "--touch", "high", "--customers", "50", "--arr", "2M")
GROWTH = ("--quarters", "8", "--customer-growth", "25%", "--arr-growth", "25%")


def test_a_founder_sees_hires_before_they_are_needed_and_teams_before_managers(
    run: Callable[..., Any], catalog: Catalog
) -> None:
    data = _plan(run, *FOUNDER, *GROWTH)
    quarters = data["quarters"]
    assert [q["quarter"] for q in quarters] == [f"Q{i}" for i in range(1, 9)]
    customers = [q["customers"] for q in quarters]
    assert customers == sorted(customers) and customers[-1] > 4 * 50
    # every requisition opens before the seat must carry its load
    for hire in data["hires"]:
        assert _month(hire["open_requisition"]) < _month(hire["start"]) <= _month(hire["needed_by"])
    # a Team Lead comes only once the CSMs reach the Team Lead's minimum span
    least = catalog.roles["cs-team-lead"].min_span
    assert least is not None
    for quarter in quarters:
        team = {t["role"]: 0 for t in quarter["team"]}
        for t in quarter["team"]:
            team[t["role"]] += t["count"]
        if team.get("cs-team-lead"):
            assert team.get("csm", 0) >= least.value * team["cs-team-lead"] // 2
    # the team and its cost never fall while the company grows, and nobody is let go
    heads = [q["headcount"] for q in quarters]
    assert heads == sorted(heads)
    costs = [q["cost"] for q in quarters]
    assert costs == sorted(costs)
    assert data["totals"]["hires"] == heads[-1] - data["start"]["headcount"] + sum(
        m["count"] for m in data["moves"] if m["from"] == m["to"]
    )


def test_the_first_team_lead_is_promoted_from_the_csms(run: Callable[..., Any]) -> None:
    data = _plan(run, *FOUNDER, *GROWTH)
    promotions = [m for m in data["moves"] if m["promotion"] and m["to"] == "cs-team-lead"]
    assert promotions and promotions[0]["from"] == "csm"
    backfills = [h for h in data["hires"] if h["backfills"]]
    assert {h["role"] for h in backfills} == {"csm"}
    # each promoted CSM is replaced once, and a hire counts only its own backfills
    for quarter in {h["quarter"] for h in backfills}:
        promoted = sum(m["count"] for m in promotions if m["quarter"] == quarter)
        hires = [h for h in backfills if h["quarter"] == quarter]
        assert sum(h["backfills"] for h in hires) == promoted
        assert all(h["backfills"] <= h["count"] for h in hires)


def test_a_spare_team_lead_waits_for_growth_rather_than_running_support(
    run: Callable[..., Any],
) -> None:
    data = _plan(
        run,
        *("--stage", "scaling", "--touch", "high", "--customers", "400", "--arr", "20M"),
        *("--regions", "na=70%,emea=30%", "--quarters", "6"),
        *("--customer-growth", "12%", "--arr-growth", "15%"),
    )
    sideways = [(m["from"], m["to"]) for m in data["moves"] if m["from"] != m["to"]]
    assert ("cs-team-lead", "support-manager") not in sideways
    # the support manager comes from support, and a promoted rep's seat is hired again
    assert ("support-rep", "support-manager") in sideways


def test_a_stage_change_is_said_and_nobody_is_removed(run: Callable[..., Any]) -> None:
    data = _plan(
        run,
        "--stage",
        "startup",
        "--touch",
        "low",
        "--customers",
        "300",
        "--arr",
        "6M",
        "--quarters",
        "8",
        "--arr-growth",
        "15%",
        "--customer-growth",
        "10%",
    )
    stages = [q["stage"] for q in data["quarters"]]
    assert stages[0] == "startup" and stages[-1] == "scaling"
    assert any("reaches the Scaling company stage" in n for n in data["notes"])
    # the startup's CS Lead is not let go: the person becomes the VP the scaling org needs
    moves = [m for m in data["moves"] if m["from"] == "cs-lead"]
    assert moves and moves[0]["to"] == "vp-cs" and moves[0]["promotion"]


def test_the_plan_repeats_what_a_reviewer_would_flag_in_its_last_org(
    run: Callable[..., Any],
) -> None:
    flags = ("--stage", "scaling", "--touch", "high", "--quarters", "4", "--customer-growth",
             "50%")  # fmt: skip
    small = _plan(run, *flags, "--customers", "400")  # about $80M implied at Q4: in the stage
    assert not any(w.startswith("Q4 org:") for w in small["warnings"])
    big = _plan(run, *flags, "--customers", "1000")  # about $215M implied at Q4
    final = run("recommend", "--stage", "scaling", "--touch", "high", "--customers",
                str(big["quarters"][-1]["customers"]), "--format", "json").json()  # fmt: skip
    assert final["warnings"]
    assert [w for w in big["warnings"] if w.startswith("Q4 org:")] == [
        f"Q4 org: {w}" for w in final["warnings"]
    ]


def test_starting_from_nobody_hires_everyone(run: Callable[..., Any]) -> None:
    data = _plan(run, *FOUNDER, *GROWTH, "--from", "none")
    assert data["start"]["headcount"] == 0 and data["start"]["from"] == "no team"
    first = data["quarters"][0]
    assert first["hires"] == first["headcount"] > 0
    assert any(h["late"] for h in data["hires"])  # today's seats should already be hired
    assert any("open those requisitions now" in w for w in data["warnings"])


def test_starting_from_an_org_chart(run: Callable[..., Any]) -> None:
    chart = FIXTURES / "healthy-org.yaml"
    data = _plan(
        run,
        "--stage",
        "scaling",
        "--touch",
        "high",
        "--customers",
        "300",
        "--quarters",
        "4",
        "--customer-growth",
        "20%",
        "--from-org",
        str(chart),
    )
    start = {t["role"]: t["count"] for t in data["start"]["team"]}
    assert start.get("csm", 0) >= 5 and "ceo" not in start
    assert data["start"]["from"].startswith("the org chart")


def test_a_shrinking_company_keeps_its_people_and_is_told(run: Callable[..., Any]) -> None:
    data = _plan(
        run,
        "--stage",
        "scaling",
        "--touch",
        "high",
        "--customers",
        "2000",
        "--quarters",
        "4",
        "--customer-growth",
        "-20%",
    )
    heads = [q["headcount"] for q in data["quarters"]]
    assert heads == sorted(heads, reverse=True) and heads[-1] == heads[0]
    assert not data["hires"]
    assert any("shrinks" in w and "removes no one" in w for w in data["warnings"])
    # from the first quarter on: nothing promises growth that is not coming
    assert any(w.startswith("Q1: the company shrinks") for w in data["warnings"])
    assert not any("growth to come" in n for n in data["notes"])


def test_dates_come_with_a_start_quarter(run: Callable[..., Any]) -> None:
    data = _plan(run, *FOUNDER, *GROWTH, "--start", "2027-Q3")
    assert data["quarters"][0]["quarter"] == "2027-Q3"
    assert data["quarters"][2]["quarter"] == "2028-Q1"
    assert data["first_quarter_starts"] == "2027-07-01"
    for hire in data["hires"]:
        assert re.fullmatch(r"\d{4}-\d{2}", hire["open_requisition"])


@pytest.mark.parametrize(
    ("growth", "grows_too", "steady"),
    [
        (("--customer-growth", "20%"), "arr", None),
        (("--arr-growth", "20%"), "customers", None),
        (("--customer-growth", "20%", "--arr-growth", "0%"), None, "arr"),
        (("--arr-growth", "20%", "--customer-growth", "0%"), None, "customers"),
    ],
)
def test_one_growth_rate_moves_both_figures_unless_the_other_is_given(
    run: Callable[..., Any], growth: tuple[str, ...], grows_too: str | None, steady: str | None
) -> None:
    data = _plan(run, *FOUNDER, "--quarters", "4", *growth)
    first, last = data["quarters"][0], data["quarters"][-1]
    if grows_too is not None:
        # the ARR per account stays as today's: $2M over 50 accounts
        per_account = [q["arr"] / q["customers"] for q in data["quarters"]]
        assert all(abs(x - 40_000) / 40_000 < 0.02 for x in per_account), per_account
        assert last[grows_too] > 2 * first[grows_too] / 1.2
        assert any("same ARR per account" in n for n in data["notes"])
    if steady is not None:
        assert first[steady] == last[steady]
        assert not any("same ARR per account" in n for n in data["notes"])


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("2027-Q1", "2027-01-01"),
        ("2027-q4", "2027-10-01"),
        ("2027-05", "2027-04-01"),
        ("2027-03-17", "2027-01-01"),
    ],
)
def test_start_quarters_are_read_as_written(text: str, first: str) -> None:
    assert parse_start(text).isoformat() == first


def test_labels_and_months() -> None:
    start = parse_start("2027-Q4")
    assert quarter_label(2, start) == "2028-Q1"
    assert quarter_label(3, None) == "Q3"
    assert month_label(-2, start) == "2027-08"
    assert month_label(5, None) == "month 5"


def test_the_profile_forecast_is_the_default(
    run: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    init = run(
        "init",
        "--stage",
        "startup",
        "--touch",
        "high",
        "--customers",
        "120",
        "--arr",
        "3M",
        "--quarters",
        "8",
        "--customer-growth",
        "10%",
    )
    assert init.exit_code == 0, init.stderr
    assert run("recommend").exit_code == 0
    data = _plan(run)
    assert len(data["quarters"]) == 8
    assert data["quarters"][0]["customers"] == round(120 * 1.1)
    # flags override the profile's forecast one value at a time
    shorter = _plan(run, "--quarters", "4")
    assert [q["customers"] for q in shorter["quarters"]] == [
        q["customers"] for q in data["quarters"][:4]
    ]
    faster = _plan(run, "--arr-growth", "30%")
    assert len(faster["quarters"]) == 8
    assert faster["quarters"][0]["customers"] == round(120 * 1.1)
    assert faster["quarters"][0]["arr"] == pytest.approx(3_000_000 * 1.3)


def test_quarters_cut_a_listed_forecast_but_cannot_extend_it(
    run: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "csorg.yaml").write_text(
        "version: 1\nstage: startup\ntouch: high\ncustomers: 120\nforecast:\n"
        "  - {quarter: 2027-Q1, customers: 150}\n  - {quarter: 2027-Q2, customers: 200}\n",
        encoding="utf-8",
    )
    assert [q["customers"] for q in _plan(run)["quarters"]] == [150, 200]
    assert [q["customers"] for q in _plan(run, "--quarters", "1")["quarters"]] == [150]
    longer = run("plan", "--quarters", "3")
    assert longer.exit_code == 2
    assert "lists 2 quarters" in longer.stderr and "Traceback" not in longer.stderr


def test_a_list_of_quarters_in_a_profile(catalog: Catalog) -> None:
    periods = (
        ForecastPeriod("2027-Q1", 200, None),
        ForecastPeriod("2027-Q2", 260, 5_000_000),
        ForecastPeriod("2027-Q3", None, 6_000_000),
    )
    profile = Profile("csorg.yaml", Request(), periods, b"")
    plan = forecast_plan(catalog, Request(stage="startup", touch="high", customers=150), profile)
    labels = [q.quarter.label for q in plan.quarters]
    assert labels == ["2027-Q1", "2027-Q2", "2027-Q3"]
    assert [q.quarter.customers for q in plan.quarters] == [200, 260, 260]


# -- properties -----------------------------------------------------------------------------


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    stage=st.sampled_from(["startup", "scaling", "enterprise"]),
    touch=st.sampled_from(["low", "high"]),
    customers=st.integers(10, 3_000),
    growth=st.floats(0, 40),
    count=st.integers(1, 6),
    regions=st.sampled_from([(), ("na", "emea")]),
    start_from=st.sampled_from(["recommended", "none"]),
)
def test_a_growing_forecast_never_cuts_and_hires_ahead(
    stage: str,
    touch: str,
    customers: int,
    growth: float,
    count: int,
    regions: tuple[str, ...],
    start_from: str,
) -> None:
    request = Request(stage=stage, touch=touch, customers=customers, regions=regions)
    forecast = GrowthForecast(count, growth, None)
    profile = Profile("csorg.yaml", Request(), forecast, b"")
    plan: HiringPlan = forecast_plan(
        CATALOG, request, profile, from_spec="none" if start_from == "none" else None
    )
    heads = [q.headcount for q in plan.quarters]
    assert heads == sorted(heads)
    costs = [q.annual_cost for q in plan.quarters]
    assert all(c is not None for c in costs)
    assert costs == sorted(costs)  # type: ignore[type-var]
    for quarter in plan.quarters:
        # the team holds at least every seat of the quarter's org
        want: dict[str, int] = {}
        for entry in quarter.recommendation.roles:
            if entry.reports_to is not None:
                want[entry.id] = want.get(entry.id, 0) + entry.count
        have: dict[str, int] = {}
        for (role, _), n in quarter.team.items():
            have[role] = have.get(role, 0) + n
        for role, n in want.items():
            assert have.get(role, 0) >= n, (quarter.quarter.label, role)
        # a move crosses areas only as a step up, when the org no longer has the person's
        # role (a CS Lead becomes the VP); never sideways (a Support Manager to CS Team Lead)
        for move in quarter.moves:
            before, after = CATALOG.roles[move.role], CATALOG.roles[move.to]
            if move.role == move.to or before.area == after.area:
                continue
            assert not want.get(move.role) and after.level < before.level, move
    for hire in plan.hires:
        assert _month(hire.requisition) < _month(hire.needed)
    again = forecast_plan(
        CATALOG, request, profile, from_spec="none" if start_from == "none" else None
    )
    assert again.as_json() == plan.as_json()


# -- formats and errors -----------------------------------------------------------------------


def test_every_format_and_csv_rows_per_hire(run: Callable[..., Any], tmp_path: Path) -> None:
    data = _plan(run, *FOUNDER, *GROWTH)
    table = run("plan", *FOUNDER, *GROWTH, "--format", "csv")
    assert table.exit_code == 0, table.stderr
    rows = list(csv.DictReader(io.StringIO(table.stdout)))
    assert len(rows) == len(data["hires"])
    assert sum(int(r["seats"]) for r in rows) == data["totals"]["hires"]
    assert set(rows[0]) >= {"quarter", "role", "open_requisition", "start", "full_load_by"}
    tree = run("plan", *FOUNDER, *GROWTH).stdout
    assert tree.startswith("Hiring plan: 8 quarters")
    assert (
        "Hires (open each requisition by the month given; month 0 is the first day of Q1)" in tree
    )
    memo = run("plan", *FOUNDER, *GROWTH, "--format", "markdown").stdout
    assert memo.startswith("# Hiring plan") and "| Quarter | Role |" in memo
    assert run("plan", *FOUNDER, *GROWTH, "--format", "table").exit_code == 0
    # the same forecast gives the same plan, byte for byte
    assert (
        run("plan", *FOUNDER, *GROWTH, "--format", "json").stdout
        == run("plan", *FOUNDER, *GROWTH, "--format", "json").stdout
    )
    out = tmp_path / "hires.csv"
    assert run("plan", *FOUNDER, *GROWTH, "--format", "csv", "-o", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8") == table.stdout


@pytest.mark.parametrize(
    ("args", "code", "fragment"),
    [
        (("--quarters", "8"), 2, "needs --customer-growth or --arr-growth"),
        (("--quarters", "0", "--customer-growth", "5%"), 2, "--quarters must be from 1"),
        (("--quarters", "50", "--customer-growth", "5%"), 2, "--quarters must be from 1"),
        (("--customer-growth", "fast"), 2, "give a percentage"),
        (("--customer-growth", "-150%"), 2, "--customer-growth must be from"),
        (("--customer-growth", "5000%"), 2, "--customer-growth must be from"),
        (("--customer-growth", "5%", "--start", "someday"), 2, "give a quarter such as"),
        (("--customer-growth", "5%", "--from-org", "/nonexistent/org.csv"), 1, "org.csv"),
        (("--customer-growth", "5%", "--to-customers", "900"), 2, "go with --to"),
        ((), 2, "give a forecast"),
    ],
)
def test_bad_forecasts_are_clear_errors(
    run: Callable[..., Any], args: tuple[str, ...], code: int, fragment: str
) -> None:
    result = run(
        "plan", "--no-profile", "--stage", "startup", "--touch", "high", "--customers", "40", *args
    )
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr


def test_a_manager_whose_role_goes_waits_rather_than_running_another_function(
    run: Callable[..., Any],
) -> None:
    """Scaling from 400 accounts: a Customer Support Manager opened in Q7 is not needed in Q8's
    structure; they stay, ahead of need, rather than becoming a CS Team Lead."""
    data = _plan(
        run,
        *("--stage", "scaling", "--touch", "high", "--customers", "400"),
        *("--quarters", "8", "--customer-growth", "10%"),
    )
    sideways = [(m["from"], m["to"]) for m in data["moves"] if m["from"] != m["to"]]
    assert ("support-rep", "support-manager") in sideways
    assert ("support-manager", "cs-team-lead") not in sideways
    assert any("kept ahead of need: 1 Customer Support Manager" in n for n in data["notes"])
