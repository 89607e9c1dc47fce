"""The pure-Python org-chart layout behind the SVG (and yEd's geometry), on any tree."""

from __future__ import annotations

import itertools
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from csorg.export.layout import Box, Layout, Spacing, layout
from csorg.export.style import ellipsis, text_width, wrap


@st.composite
def trees(draw: st.DrawFn) -> dict[str, list[str]]:
    """A random tree as children lists: node i reports to one of the nodes before it."""
    size = draw(st.integers(min_value=1, max_value=60))
    children: dict[str, list[str]] = {}
    for index in range(1, size):
        manager = draw(st.integers(min_value=0, max_value=index - 1))
        children.setdefault(f"n{manager}", []).append(f"n{index}")
    return children


def _overlap(a: Box, b: Box) -> bool:
    return a.x < b.x + b.width and b.x < a.x + a.width and a.y < b.y + b.height and b.y < a.bottom


def _on_edge(point: tuple[float, float], box: Box) -> bool:
    x, y = point
    inside_x = box.x - 1e-6 <= x <= box.x + box.width + 1e-6
    inside_y = box.y - 1e-6 <= y <= box.bottom + 1e-6
    on_side = abs(x - box.x) < 1e-6 or abs(x - box.x - box.width) < 1e-6
    on_top_or_bottom = abs(y - box.y) < 1e-6 or abs(y - box.bottom) < 1e-6
    return (inside_x and on_top_or_bottom) or (inside_y and on_side)


def _check(chart: Layout, children: dict[str, list[str]], count: int) -> None:
    boxes = list(chart.boxes.items())
    assert len(boxes) == count
    for i, (_, a) in enumerate(boxes):
        assert a.x >= 0 and a.y >= 0
        assert a.x + a.width <= chart.width + 1e-6 and a.bottom <= chart.height + 1e-6
        for _, b in boxes[i + 1 :]:
            assert not _overlap(a, b)
    for manager, reports in children.items():
        for report in reports:
            top, bottom = chart.boxes[manager], chart.boxes[report]
            assert bottom.y > top.bottom  # reports sit below their manager
            route = chart.routes[(manager, report)]
            assert _on_edge(route[0], top) and _on_edge(route[-1], bottom)
            for (x1, y1), (x2, y2) in itertools.pairwise(route):
                assert x1 == x2 or y1 == y2  # square corners only
    for line in chart.lines:
        for (x1, y1), (x2, y2) in itertools.pairwise(line):
            assert x1 == x2 or y1 == y2


@settings(max_examples=150, deadline=None)
@given(trees())
def test_any_tree_lays_out_without_overlaps(children: dict[str, list[str]]) -> None:
    count = 1 + sum(len(v) for v in children.values())
    _check(layout("n0", children, Spacing()), children, count)


def test_reports_who_manage_no_one_are_listed_in_a_column() -> None:
    children = {"lead": [f"csm{i}" for i in range(12)]}
    chart = layout("lead", children, Spacing())
    xs = {chart.boxes[f"csm{i}"].x for i in range(12)}
    assert len(xs) == 1  # one column, not twelve
    assert chart.width == Spacing().indent + Spacing().box_width


def test_a_very_deep_tree_does_not_exhaust_recursion() -> None:
    depth = sys.getrecursionlimit() + 100
    children = {f"n{i}": [f"n{i + 1}"] for i in range(depth)}
    chart = layout("n0", children, Spacing())
    assert chart.boxes[f"n{depth}"].y > chart.boxes["n0"].y


def test_wrap_fits_two_lines_and_ends_in_an_ellipsis() -> None:
    assert wrap("Customer Success Manager", 200, 13, bold=True) == ["Customer Success Manager"]
    lines = wrap("Customer Success Operations Manager", 190, 13, bold=True)
    assert lines == ["Customer Success Operations", "Manager"]
    long = wrap("word " * 100, 100, 13)
    assert len(long) == 2 and long[-1].endswith("…")
    assert all(text_width(line, 13) <= 100 for line in long)
    one_word = wrap("x" * 10_000, 100, 13)
    assert len(one_word) == 2 and one_word[-1].endswith("…")
    assert ellipsis("short", 100, 13) == "short"
    assert wrap("", 100, 13) == [""]


def test_wrap_is_linear_on_huge_titles() -> None:
    # a million characters must not take quadratic time (this would hang if it did)
    assert len(wrap("a" * 1_000_000, 190, 13)) == 2
    assert len(wrap("ab " * 300_000, 190, 13)) == 2
