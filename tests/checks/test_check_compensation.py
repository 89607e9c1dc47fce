"""compensation: bands in order, never for the root, in a currency with a rate; USD at 1."""

from __future__ import annotations

import pytest

from csorg.catalog.checks import compensation, references
from snippets import Found, problems

C = "compensation.yaml"


def band(role: str, low: int, mid: int, high: int, currency: str | None = "EUR") -> str:
    money = ", ".join(
        f"{edge}: {{value: {value}, source: handbook}}"
        for edge, value in (("low", low), ("mid", mid), ("high", high))
    )
    given = f", currency: {currency}" if currency else ""
    return f"  - {{role: {role}{given}, {money}}}\n"


CASES: dict[str, tuple[str, Found]] = {
    "a band in order": ("bands:\n" + band("csm", 80, 100, 120), []),
    "equal edges": ("bands:\n" + band("csm", 100, 100, 100), []),
    "mid below low": (
        "bands:\n" + band("csm", 120, 100, 130),
        [(C, 2, "bands[0].mid.value", "mid (100) is below low (120)")],
    ),
    "high below mid": (
        "bands:\n" + band("head", 80, 100, 90),
        [(C, 2, "bands[0].high.value", "high (90) is below mid (100)")],
    ),
    "a band for the CEO": (
        "bands:\n" + band("ceo", 1, 2, 3),
        [(C, 2, "bands[0].role", "the CEO is not a CS seat")],
    ),
    "the default currency without a rate": (
        "bands:\n" + band("csm", 80, 100, 120, currency=None),
        [(C, 2, "bands[0]", "no rate for USD, the currency of bands by default")],
    ),
    "a US dollar rate that is not 1": (
        "currencies:\n  - {code: USD, name: US dollar, symbol: $, as_of: '2026',"
        " per_usd: {value: 2, source: handbook}}\n"
        + "bands:\n"
        + band("csm", 80, 100, 120, currency=None),
        [(C, 2, "currencies[0].per_usd.value", "so USD's is 1, not 2")],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_compensation(case: str) -> None:
    snippet, expected = CASES[case]
    found = problems(compensation, compensation=snippet)
    assert [(f, line, field) for f, line, field, _ in found] == [e[:3] for e in expected]
    for (*_, message), (*_, want) in zip(found, expected, strict=True):
        assert want in message


def test_a_band_names_a_known_role_and_currency() -> None:
    snippet = "bands:\n" + band("cms", 1, 2, 3, currency="XYZ")
    found = problems(references, compensation=snippet)
    assert [(line, field) for _, line, field, _ in found] == [
        (2, "bands[0].currency"),
        (2, "bands[0].role"),
    ]
    assert "unknown currency 'XYZ'" in found[0][3]
    assert "unknown role 'cms' (did you mean 'csm'?)" in found[1][3]


def test_every_cost_figure_says_where_it_comes_from() -> None:
    from csorg.catalog.checks import provenance

    snippet = (
        "bands:\n  - {role: csm, currency: EUR, low: {value: 1}, mid: {value: 2, heuristic: true},"
        " high: {value: 3, source: handbook}}\n"
        "regions:\n  - {id: emea, name: Europe, multiplier: {value: 0.7}}\n"
    )
    found = problems(provenance, compensation=snippet)
    assert [(line, field) for _, line, field, _ in found] == [
        (2, "bands[0].low"),
        (2, "bands[0].mid.note"),
        (4, "regions[emea].multiplier"),
    ]
    assert "needs a `source`" in found[0][3] and "needs a `note`" in found[1][3]
