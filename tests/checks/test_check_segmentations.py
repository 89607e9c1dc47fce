"""segmentations: unique default segments, two or more of them, or none."""

from __future__ import annotations

import pytest

from csorg.catalog.checks import segmentations
from snippets import Found, problems

M = "business_models.yaml"


def segmentation(segments: str) -> str:
    entry = f"{{id: tier, name: Tier, description: d, default_segments: {segments}}}"
    return f"segmentations:\n  - {entry}\n"


CASES: dict[str, tuple[str, Found]] = {
    "two segments": (segmentation("[smb, enterprise]"), []),
    "none": (segmentation("[]"), []),
    "one": (
        segmentation("[smb]"),
        [(M, 2, "segmentations[tier].default_segments", "give at least two segments, or none")],
    ),
    "a segment twice": (
        segmentation("[smb, smb, enterprise]"),
        [(M, 2, "segmentations[tier].default_segments", "segments must be unique")],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_segmentations(case: str) -> None:
    snippet, expected = CASES[case]
    assert problems(segmentations, models=snippet) == expected
