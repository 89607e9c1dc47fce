"""tree: every model, with and without its optional roles and with the roles its rules
could add, is one tree under the ceo."""

from __future__ import annotations

import pytest

from csorg.catalog.checks import tree
from snippets import Found, model, problems, role

R = "roles.yaml"
M = "business_models.yaml"

# `lead` reports only to `ops`, which the base model leaves out
LEAD = "roles:\n" + role("lead", level="4", reports_to="[ops]")

CASES: dict[str, tuple[str | None, str, Found]] = {
    "one tree": (
        None,
        "models:\n" + model("m", roles="[{role: head}, {role: ops}, {role: csm}]"),
        [],
    ),
    "a role whose managers are absent": (
        LEAD,
        "models:\n" + model("m", roles="[{role: head}, {role: lead}]"),
        [
            (
                M,
                2,
                "models[m].roles[1].role",
                "'lead' has no manager in this model: none of its reports_to (ops) is present "
                "(in roles.yaml), so the org is not one tree under the `ceo`",
            )
        ],
    ),
    "a role whose manager is optional": (
        LEAD,
        "models:\n" + model("m", roles="[{role: head}, {role: ops, optional: true}, {role: lead}]"),
        [
            (
                M,
                2,
                "models[m].roles[2].role",
                "'lead' has no manager in this model: none of its reports_to (ops) is present "
                "(in roles.yaml), so the org is not one tree under the `ceo`",
            )
        ],
    ),
    "a role a rule adds without its manager": (
        LEAD,
        "models:\n"
        + model("m")
        + "rules:\n  - {id: r, why: w, when: {model: [m]}, add: [{role: lead}]}\n",
        [
            (
                M,
                2,
                "models[m].roles",
                "'lead' has no manager in this model: none of its reports_to (ops) is present "
                "(in roles.yaml), so the org is not one tree under the `ceo`",
            )
        ],
    ),
    "a rule for another stage adds nothing here": (
        LEAD,
        "models:\n"
        + model("simple", match="{stage: [large], touch: [low]}")
        + model("m", match="{stage: [large], touch: [high]}")
        + "rules:\n  - {id: r, why: w, when: {stage: [small]}, add: [{role: lead}]}\n",
        [],
    ),
    "a contributor straight under the CEO beside a CS leader": (
        "roles:\n" + role("rep", reports_to="[ceo]"),
        "models:\n" + model("m", roles="[{role: head}, {role: rep}]"),
        [
            (
                M,
                2,
                "models[m].roles[1].role",
                "'rep' would report straight to the CEO although 'head' leads CS; add a leader "
                "to its reports_to",
            )
        ],
    ),
    "a model naming an unknown role is left to the references check": (
        None,
        "models:\n" + model("m", roles="[{role: head}, {role: nobody}]"),
        [],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_tree(case: str) -> None:
    roles, models, expected = CASES[case]
    assert problems(tree, roles=roles, models=models) == expected
