"""provenance: every number has a source, or is a heuristic with a note; in entries that
failed their schema too."""

from __future__ import annotations

import pytest

from csorg.catalog.checks import provenance
from snippets import Found, problems, role

R = "roles.yaml"
M = "business_models.yaml"
GUESS = "{tier: big, share: {value: 1, heuristic: true}}"
NEEDS = "every number needs a `source` or `heuristic: true` with a `note` saying why"

CASES: dict[str, tuple[str | None, str | None, Found]] = {
    "a number with a source": (
        "roles:\n" + role("x", span="{value: 5, source: handbook}"),
        None,
        [],
    ),
    "a heuristic with a note": (
        "roles:\n" + role("x", span="{value: 5, heuristic: true, note: why}"),
        None,
        [],
    ),
    "a number with neither": (
        "roles:\n" + role("x", span="{value: 5}"),
        None,
        [(R, 2, "roles[x].span", NEEDS)],
    ),
    "heuristic: false is neither": (
        "roles:\n" + role("x", span="{value: 5, heuristic: false, note: n}"),
        None,
        [(R, 2, "roles[x].span", NEEDS)],
    ),
    "a heuristic without a note": (
        "roles:\n" + role("x", span="{value: 5, heuristic: true}"),
        None,
        [(R, 2, "roles[x].span.note", "a heuristic needs a `note` saying why")],
    ),
    "a source and a heuristic": (
        "roles:\n" + role("x", span="{value: 5, source: handbook, heuristic: true, note: n}"),
        None,
        [(R, 2, "roles[x].span.heuristic", "a number with a source is not a heuristic")],
    ),
    "numbers nested in a role": (
        "roles:\n"
        + role(
            "x",
            headcount="{basis: coverage, accounts_per_seat: {low: {value: 5}, high: {value: 2,"
            " heuristic: true}}}",
        ),
        None,
        [
            (
                R,
                2,
                "roles[x].headcount.accounts_per_seat.high.note",
                "a heuristic needs a `note` saying why",
            ),
            (R, 2, "roles[x].headcount.accounts_per_seat.low", NEEDS),
        ],
    ),
    "numbers of stages, rules, tiers and benchmarks": (
        None,
        "stages:\n"
        "  - {id: tiny, name: Tiny, description: d, max_employees: {value: 10}}\n"
        "rules:\n"
        "  - {id: r, why: w, when: {min_customers: {value: 10}}, add: [{role: ops}]}\n"
        "tiers:\n"
        "  - {id: big, name: Big, description: d, coverage: named, served_by: [csm],\n"
        "     accounts_per_seat: {value: 10}, typical_acv: {value: 90000, source: handbook}}\n"
        "benchmarks:\n"
        "  - {metric: accounts-per-csm, low: {value: 8, heuristic: true}}\n",
        [
            (M, 2, "stages[tiny].max_employees", NEEDS),
            (M, 4, "rules[r].when.min_customers", NEEDS),
            (M, 7, "tiers[big].accounts_per_seat", NEEDS),
            (M, 9, "benchmarks[0].low.note", "a heuristic needs a `note` saying why"),
        ],
    ),
    "a tier mix's note speaks for its heuristic shares": (
        None,
        "tiers:\n"
        "  - {id: big, name: Big, description: d, coverage: named, served_by: [csm],\n"
        "     accounts_per_seat: {value: 10, source: handbook},\n"
        "     typical_acv: {value: 90000, source: handbook}}\n"
        "tier_mixes:\n"
        f"  - {{id: all-big, name: All big, shares: [{GUESS}], note: Every account is big.}}\n"
        f"  - {{id: no-note, name: No note, shares: [{GUESS}]}}\n",
        [
            (
                M,
                7,
                "tier_mixes[no-note].shares[0].share.note",
                "a heuristic needs a `note` saying why",
            )
        ],
    ),
    "a number in an entry that failed its schema": (
        "roles:\n" + role("x", level="six", span="{value: 5}"),
        None,
        [(R, 2, "roles[x].span", NEEDS)],
    ),
    "a number the schema rejected is left to the schema": (
        "roles:\n" + role("x", span="{value: 0}"),
        None,
        [],
    ),
    "a misspelt source is left to the schema": (
        "roles:\n" + role("x", span="{value: 5, sorce: handbook}"),
        None,
        [],
    ),
    "a provenance the schema rejected is left to the schema": (
        "roles:\n" + role("x", span="{value: 5, heuristic: 'yes', note: n}"),
        None,
        [],
    ),
    "a sound number beside a rejected one": (
        "roles:\n" + role("x", span="{value: 0}", min_span="{value: 2}"),
        None,
        [(R, 2, "roles[x].min_span", NEEDS)],
    ),
    "a bare number is left to the schema": ("roles:\n" + role("x", span="5"), None, []),
}


@pytest.mark.parametrize("case", list(CASES))
def test_provenance(case: str) -> None:
    roles, models, expected = CASES[case]
    assert problems(provenance, roles=roles, models=models) == expected
