"""provenance: every number has a source, or is a heuristic with a note; in entries that
failed their schema too."""

from __future__ import annotations

import pytest

from csorg.catalog.checks import provenance
from snippets import Found, model, problems, role

R = "roles.yaml"
M = "business_models.yaml"
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
    "numbers of stages, models and rules": (
        None,
        "stages:\n"
        "  - {id: tiny, name: Tiny, description: d, max_employees: {value: 10}}\n"
        "models:\n"
        + model(
            "m",
            roles="[{role: head}, {role: csm}, {role: ops}]",
            accounts="[{role: csm, share: {value: 0.5}}]",
        )
        + "rules:\n"
        "  - {id: r, why: w, when: {min_customers: {value: 10}}, add: [{role: ops}]}\n",
        [
            (M, 2, "stages[tiny].max_employees", NEEDS),
            (M, 4, "models[m].accounts[0].share", NEEDS),
            (M, 6, "rules[r].when.min_customers", NEEDS),
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
