"""spans: managers have a span, within the hard cap; a min_span has a span and is at most
that span."""

from __future__ import annotations

import pytest

from csorg.catalog.checks import spans
from snippets import Found, problems, role

R = "roles.yaml"
SPAN = "{value: %d, source: handbook}"

CASES: dict[str, tuple[str, Found]] = {
    "a manager without a span, in the same file": (
        "roles:\n" + role("lead", level="2") + role("x", reports_to="[lead]"),
        [(R, 2, "roles[lead].span", "roles list this role as a manager, so it needs a span")],
    ),
    "a manager without a span, in the file below": (
        "roles:\n" + role("x", reports_to="[ops, head]"),
        [
            (
                R,
                2,
                "roles[x].reports_to[0]",
                "'ops' (in base/roles.yaml) has no span, so it cannot be a manager; name "
                "another manager or give it a span",
            )
        ],
    ),
    "a span at the cap": ("roles:\n" + role("x", span=SPAN % 12), []),
    "a span above the cap": (
        "roles:\n" + role("x", span=SPAN % 13),
        [
            (
                R,
                2,
                "roles[x].span.value",
                "a span above 12 direct reports is not allowed (got 13)",
            )
        ],
    ),
    "a min_span within the span": (
        "roles:\n" + role("x", span=SPAN % 8, min_span=SPAN % 8),
        [],
    ),
    "a min_span above the span": (
        "roles:\n" + role("x", span=SPAN % 8, min_span=SPAN % 9),
        [
            (
                R,
                2,
                "roles[x].min_span.value",
                "min_span 9 is more than the span of 8; a seat could never have enough direct "
                "reports",
            )
        ],
    ),
    "a min_span without a span": (
        "roles:\n" + role("x", min_span=SPAN % 2),
        [
            (
                R,
                2,
                "roles[x].min_span",
                "a min_span needs a span: the most direct reports one seat can have",
            )
        ],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_spans(case: str) -> None:
    snippet, expected = CASES[case]
    assert problems(spans, roles=snippet) == expected
