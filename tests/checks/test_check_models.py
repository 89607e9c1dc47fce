"""models: each role once in a model."""

from __future__ import annotations

import pytest

from csorg.catalog.checks import models
from snippets import Found, model, problems

M = "business_models.yaml"

CASES: dict[str, tuple[str, Found]] = {
    "distinct roles": ("models:\n" + model("m", roles="[{role: head}, {role: ops}]"), []),
    "a role listed twice": (
        "models:\n" + model("m", roles="[{role: head}, {role: csm}, {role: csm}]"),
        [(M, 2, "models[m].roles[2].role", "'csm' is listed twice")],
    ),
    "a role listed twice, once optional": (
        "models:\n" + model("m", roles="[{role: head}, {role: ops}, {role: ops, optional: true}]"),
        [(M, 2, "models[m].roles[2].role", "'ops' is listed twice")],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_models(case: str) -> None:
    snippet, expected = CASES[case]
    assert problems(models, models=snippet) == expected
