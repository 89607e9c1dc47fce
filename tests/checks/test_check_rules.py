"""rules: each adds or removes a role; none removes the root."""

from __future__ import annotations

import pytest

from csorg.catalog.checks import rules
from snippets import Found, problems

M = "business_models.yaml"

CASES: dict[str, tuple[str, Found]] = {
    "a rule that adds a role": (
        "rules:\n  - {id: r, why: w, when: {traits: [technical]}, add: [{role: ops}]}\n",
        [],
    ),
    "a rule that does nothing": (
        "rules:\n  - {id: r, why: w, when: {traits: [technical]}}\n",
        [(M, 2, "rules[r]", "a rule must add or remove at least one role")],
    ),
    "a rule that removes the root": (
        "rules:\n  - {id: r, why: w, when: {}, remove: [ops, ceo]}\n",
        [(M, 2, "rules[r].remove[1]", "the root cannot be removed")],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_rules(case: str) -> None:
    snippet, expected = CASES[case]
    assert problems(rules, models=snippet) == expected
