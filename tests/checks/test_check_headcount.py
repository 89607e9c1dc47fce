"""headcount: each basis has what it needs, and ratios never chain."""

from __future__ import annotations

import pytest

from csorg.catalog.checks import headcount
from snippets import Found, problems, role

R = "roles.yaml"
EVERY = "every: {value: 5, source: handbook}"

CASES: dict[str, tuple[str, Found]] = {
    "coverage with accounts per seat": (
        "roles:\n"
        + role(
            "x",
            headcount="{basis: coverage, accounts_per_seat: {low: {value: 5, source: handbook},"
            " high: {value: 2, source: handbook}}}",
        ),
        [],
    ),
    "coverage without accounts per seat": (
        "roles:\n" + role("x", headcount="{basis: coverage}"),
        [
            (
                R,
                2,
                "roles[x].headcount",
                "basis `coverage` needs accounts_per_seat, or a tier served by this role",
            )
        ],
    ),
    "ratio without a ratio": (
        "roles:\n" + role("x", headcount="{basis: ratio}"),
        [(R, 2, "roles[x].headcount", "basis `ratio` needs ratio")],
    ),
    "a ratio of a coverage role": (
        "roles:\n" + role("x", headcount=f"{{basis: ratio, ratio: {{per: csm, {EVERY}}}}}"),
        [],
    ),
    "a ratio of a ratio role": (
        "roles:\n"
        + role("x", headcount=f"{{basis: ratio, ratio: {{per: csm, {EVERY}}}}}")
        + role("y", headcount=f"{{basis: ratio, ratio: {{per: x, {EVERY}}}}}"),
        [
            (
                R,
                3,
                "roles[y].headcount.ratio.per",
                "a ratio must be of a role counted by `one` or `coverage`; 'x' is counted by "
                "`ratio`",
            )
        ],
    ),
    "a ratio of an unknown role is left to the references check": (
        "roles:\n" + role("x", headcount=f"{{basis: ratio, ratio: {{per: nobody, {EVERY}}}}}"),
        [],
    ),
    "span without a span": (
        "roles:\n" + role("x", headcount="{basis: span}"),
        [(R, 2, "roles[x].span", "basis `span` needs a span")],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_headcount(case: str) -> None:
    snippet, expected = CASES[case]
    assert problems(headcount, roles=snippet) == expected


def test_coverage_from_the_tier_a_role_serves() -> None:
    roles = "roles:\n" + role("x", headcount="{basis: coverage}")
    tier = (
        "tiers:\n  - {id: big, name: Big, description: d, coverage: named, served_by: [csm, x],\n"
        "     accounts_per_seat: {value: 10, source: handbook},\n"
        "     typical_acv: {value: 90000, source: handbook}}\n"
    )
    assert problems(headcount, roles=roles, models=tier) == []
