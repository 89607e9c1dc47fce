"""hats: the root is never combined away, and no role into itself."""

from __future__ import annotations

import pytest

from csorg.catalog.checks import hats
from snippets import Found, problems

M = "business_models.yaml"

CASES: dict[str, tuple[str, Found]] = {
    "a role combined into others": ("hats:\n  - {role: ops, into: [head, csm]}\n", []),
    "the root combined away": (
        "hats:\n  - {role: ops, into: [head]}\n  - {role: ceo, into: [head]}\n",
        [(M, 3, "hats[1].role", "the root cannot be combined away")],
    ),
    "a role combined into itself": (
        "hats:\n  - {role: ops, into: [head, ops]}\n",
        [(M, 2, "hats[0].into[1]", "a role cannot be combined into itself")],
    ),
    "an empty policy": ("hats: []\n", []),
}


@pytest.mark.parametrize("case", list(CASES))
def test_hats(case: str) -> None:
    snippet, expected = CASES[case]
    assert problems(hats, models=snippet) == expected
