"""stages: one open-ended stage, distinct thresholds."""

from __future__ import annotations

import pytest

from csorg.catalog.checks import stages
from snippets import Found, problems

M = "business_models.yaml"


def stage(stage_id: str, most: int | None = None) -> str:
    limit = f", max_employees: {{value: {most}, source: handbook}}" if most else ""
    return f"  - {{id: {stage_id}, name: {stage_id}, description: d{limit}}}\n"


CASES: dict[str, tuple[str, Found]] = {
    "thresholds and one open end": ("stages:\n" + stage("mid", 500), []),
    "two open ends": (
        "stages:\n" + stage("huge"),
        [
            (
                M,
                2,
                "stages[huge].max_employees",
                "only the largest stage may leave max_employees empty",
            )
        ],
    ),
    "the same threshold twice": (
        "stages:\n" + stage("tiny", 100),
        [(M, 2, "stages[tiny].max_employees", "same threshold as stage 'small'")],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_stages(case: str) -> None:
    snippet, expected = CASES[case]
    assert problems(stages, models=snippet) == expected
