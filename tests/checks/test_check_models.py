"""models: each role once; account shares of the model's coverage roles, adding up to at
most 1."""

from __future__ import annotations

import pytest

from csorg.catalog.checks import models
from snippets import Found, model, problems

M = "business_models.yaml"


def share(role_id: str, value: float) -> str:
    return f"{{role: {role_id}, share: {{value: {value}, source: handbook}}}}"


CASES: dict[str, tuple[str, Found]] = {
    "shares of coverage roles": (
        "models:\n" + model("m", accounts=f"[{share('csm', 0.6)}]"),
        [],
    ),
    "a role listed twice": (
        "models:\n" + model("m", roles="[{role: head}, {role: csm}, {role: csm}]"),
        [(M, 2, "models[m].roles[2].role", "'csm' is listed twice")],
    ),
    "a share of a role outside the model": (
        "models:\n" + model("m", accounts=f"[{share('ops', 0.5)}]"),
        [(M, 2, "models[m].accounts[0].role", "'ops' is not one of the model's roles")],
    ),
    "a share of a role not counted by coverage": (
        "models:\n" + model("m", accounts=f"[{share('head', 0.5)}]"),
        [(M, 2, "models[m].accounts[0].role", "'head' is not counted by coverage")],
    ),
    "shares adding up to more than 1": (
        "models:\n" + model("m", accounts=f"[{share('csm', 0.7)}, {share('csm', 0.5)}]"),
        [(M, 2, "models[m].accounts", "account shares add up to 1.2, more than 1")],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_models(case: str) -> None:
    snippet, expected = CASES[case]
    assert problems(models, models=snippet) == expected
