"""matches: no two models match the same inputs; the later layer is told."""

from __future__ import annotations

import pytest

from csorg.catalog.checks import matches
from snippets import Found, model, problems

M = "business_models.yaml"
ONE_MODEL = "each input must choose one model"

# the base model `simple` matches every input (match: {}); most cases replace it
SIMPLE = model("simple", match="{stage: [large]}")

CASES: dict[str, tuple[str, Found]] = {
    "models for different inputs": (
        "models:\n"
        + SIMPLE
        + model("low", match="{stage: [small], touch: [low]}")
        + model("high", match="{stage: [small], touch: [high]}")
        + model("chosen-by-name"),
        [],
    ),
    "two models for the same stage": (
        "models:\n"
        + SIMPLE
        + model("a", match="{stage: [small]}")
        + model("b", match="{stage: [small], plg: true}"),
        [
            (
                M,
                4,
                "models[b].match",
                f"matches the same inputs as model 'a' (e.g. --stage small --touch low --plg); "
                f"{ONE_MODEL}",
            )
        ],
    ),
    "a model for every stage and one for a stage": (
        "models:\n"
        + SIMPLE
        + model("a", match="{touch: [high]}")
        + model("b", match="{stage: [small]}"),
        [
            (
                M,
                3,
                "models[a].match",
                "matches the same inputs as model 'simple' (e.g. --stage large --touch high); "
                f"{ONE_MODEL}",
            ),
            (
                M,
                4,
                "models[b].match",
                "matches the same inputs as model 'a' (e.g. --stage small --touch high); "
                f"{ONE_MODEL}",
            ),
        ],
    ),
    "a model clashing with one in the file below": (
        "models:\n" + model("mine", match="{stage: [small], touch: [low], plg: false}"),
        [
            (
                M,
                2,
                "models[mine].match",
                "matches the same inputs as model 'simple' (in base/business_models.yaml) "
                f"(e.g. --stage small --touch low); {ONE_MODEL}",
            )
        ],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_matches(case: str) -> None:
    snippet, expected = CASES[case]
    assert problems(matches, models=snippet) == expected
