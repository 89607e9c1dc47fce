"""The pure-Python org-chart layout behind the SVG, PNG, PDF, draw.io and yEd geometry, on any
tree: no overlaps, square connectors, a bounded width, the top box in view."""

from __future__ import annotations

import itertools
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from csorg.catalog.schema import Catalog
from csorg.engine.inputs import Request
from csorg.engine.recommend import recommend
from csorg.export.chart import org_chart
from csorg.export.drawing import draw
from csorg.export.layout import Box, Layout, Spacing, coordinate, layout
from csorg.export.style import ellipsis, text_width, wrap


@st.composite
def trees(pick: st.DrawFn, most: int = 60) -> dict[str, list[str]]:
    """A random tree as children lists: node i reports to one of the nodes before it."""
    size = pick(st.integers(min_value=1, max_value=most))
    children: dict[str, list[str]] = {}
    for index in range(1, size):
        manager = pick(st.integers(min_value=0, max_value=index - 1))
        children.setdefault(f"n{manager}", []).append(f"n{index}")
    return children


@st.composite
def wide_trees(pick: st.DrawFn) -> dict[str, list[str]]:
    """Org-like trees: a few levels of managers with up to twelve reports each."""
    children: dict[str, list[str]] = {}
    level = ["n0"]
    count = 1
    for _ in range(pick(st.integers(min_value=1, max_value=5))):
        below = []
        for manager in level:
            for _ in range(pick(st.integers(min_value=0, max_value=12))):
                node = f"n{count}"
                count += 1
                children.setdefault(manager, []).append(node)
                below.append(node)
        level = below[:40]
    return children


def _height(children: dict[str, list[str]]) -> int:
    depth = {"n0": 0}
    for manager in sorted(children, key=lambda n: int(n[1:])):
        for report in children[manager]:
            depth[report] = depth[manager] + 1
    return max(depth.values())


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


@settings(max_examples=100, deadline=None)
@given(st.one_of(trees(most=400), wide_trees()))
def test_any_org_stays_within_a_bounded_width(children: dict[str, list[str]]) -> None:
    """Rows wrap at max_width; each level of nesting can add at most one indent."""
    spacing = Spacing()
    count = 1 + sum(len(v) for v in children.values())
    chart = layout("n0", children, spacing)
    _check(chart, children, count)
    assert chart.width <= spacing.max_width + spacing.indent * _height(children) + 1e-6
    # and the top box is in the first screenful, however wide the chart
    assert chart.width <= spacing.view or chart.boxes["n0"].right <= spacing.view


@settings(max_examples=40, deadline=None)
@given(wide_trees(), st.floats(min_value=400, max_value=3000))
def test_the_width_limit_is_a_setting(children: dict[str, list[str]], limit: float) -> None:
    spacing = Spacing(max_width=limit)
    chart = layout("n0", children, spacing)
    assert chart.width <= max(limit, spacing.box_width) + spacing.indent * _height(children)


def test_reports_who_manage_no_one_are_listed_in_columns() -> None:
    spacing = Spacing()
    seven = layout("lead", {"lead": [f"csm{i}" for i in range(7)]}, spacing)
    assert len({seven.boxes[f"csm{i}"].x for i in range(7)}) == 1  # one column, not seven
    assert seven.width == spacing.indent + spacing.box_width
    twelve = layout("lead", {"lead": [f"csm{i}" for i in range(12)]}, spacing)
    columns = sorted({twelve.boxes[f"csm{i}"].x for i in range(12)})
    assert len(columns) == 2  # past column_length, two columns of six
    assert [sum(twelve.boxes[f"csm{i}"].x == x for i in range(12)) for x in columns] == [6, 6]


def test_a_wide_row_wraps_into_rows_of_about_equal_width() -> None:
    spacing = Spacing(max_width=1000)
    teams = {f"lead{i}": [f"csm{i}-{k}" for k in range(3)] for i in range(8)}
    chart = layout("boss", {"boss": list(teams), **teams}, spacing)
    rows = sorted({chart.boxes[lead].y for lead in teams})
    assert len(rows) == 3  # eight teams of 244 px in rows no wider than 1000 px
    per_row = [sum(chart.boxes[lead].y == y for lead in teams) for y in rows]
    assert max(per_row) - min(per_row) <= 1
    assert chart.width <= 1000 + spacing.indent


def test_537_seats_fit_about_4000_px_with_the_ceo_in_view(catalog: Catalog) -> None:
    request = Request(
        stage="enterprise",
        touch="high",
        customers=50_000,
        regions=("na", "emea", "apac"),
        seats=True,
    )
    rec = recommend(catalog, request)
    assert len(rec.seats or ()) > 500
    picture = draw(org_chart(rec, catalog, seats=True))
    assert picture.layout.width <= 4000
    ceo = picture.layout.boxes[picture.chart.root]
    assert ceo.right <= picture.spacing.view and ceo.y == 0


def test_coordinates_are_written_short_and_the_same_way() -> None:
    assert [coordinate(v) for v in (0, 12.0, 12.25, 12.26, -0.04, 1e-9, 3599.96)] == [
        "0",
        "12",
        "12.2",
        "12.3",
        "0",
        "0",
        "3600",
    ]


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
