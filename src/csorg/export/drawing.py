"""The chart as drawn by csorg itself: the laid-out boxes, the text in each, and the curves
of dotted lines. SVG, PNG, PDF, draw.io and yEd's GraphML graphics all draw this one
:class:`Drawing`, so they show the same chart.

A box holds its title (bold, wrapped to two lines), a detail line (count and area by role;
seat id, region and segment by seat), by role the seats per region and segment, and the
roles it also covers. All boxes have one size, tall enough for the fullest box, so rows line
up. Text is measured with Helvetica's widths (:mod:`csorg.export.style`), the metrics of the
Liberation Sans font the PNG and PDF writers embed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from csorg.export.chart import (
    OrgChart,
    covers_line,
    detail,
    dotted_line,
    headline,
    split_line,
)
from csorg.export.layout import Box, Layout, Point, Spacing, layout
from csorg.export.style import ellipsis, wrap

TITLE_SIZE = 13.0
TITLE_LEADING = 16.0
DETAIL_SIZE = 11.0
DETAIL_LEADING = 15.0
SMALL_SIZE = 10.5  # the split and covers lines
SMALL_LEADING = 14.0
PAD_X = 10.0
PAD_Y = 9.0
STACK = 4.0  # offset of the card drawn behind a role with several seats

Curve = tuple[Point, Point, Point, Point]  # a cubic Bézier: start, two controls, end


@dataclass(frozen=True)
class Label:
    """The text of one box, each line already fitted to the box."""

    title: tuple[str, ...]
    detail: str
    split: str
    covers: str
    tooltip: str  # everything, unshortened, one item a line


@dataclass(frozen=True)
class TextLine:
    text: str
    baseline: float
    size: float
    bold: bool = False
    italic: bool = False
    muted: bool = False


@dataclass(frozen=True)
class Drawing:
    chart: OrgChart
    layout: Layout
    labels: dict[str, Label]
    dotted: tuple[tuple[str, str, Curve], ...]  # (report, dotted-line manager, curve)
    spacing: Spacing  # the spacing laid out with (the boxes' height fitted to their text)

    def texts(self) -> list[str]:
        """Every piece of text drawn: the heading, then each box's lines."""
        out = [self.chart.model_name, self.chart.subtitle]
        for label in self.labels.values():
            out += [*label.title, label.detail, label.split, label.covers]
        return out

    def lines(self, node: str) -> list[TextLine]:
        """The text lines of a box, centred vertically: short titles sit lower."""
        label, box = self.labels[node], self.layout.boxes[node]
        used = len(label.title) * TITLE_LEADING + DETAIL_LEADING
        used += SMALL_LEADING * (bool(label.split) + bool(label.covers))
        baseline = box.y + (box.height - used) / 2 + TITLE_SIZE
        out = []
        for text in label.title:
            out.append(TextLine(text, baseline, TITLE_SIZE, bold=True))
            baseline += TITLE_LEADING
        baseline += DETAIL_LEADING - TITLE_LEADING + 1
        out.append(TextLine(label.detail, baseline, DETAIL_SIZE, muted=True))
        for text, italic in ((label.split, False), (label.covers, True)):
            if text:
                baseline += SMALL_LEADING
                out.append(TextLine(text, baseline, SMALL_SIZE, italic=italic, muted=True))
        return out


def draw(chart: OrgChart, spacing: Spacing | None = None) -> Drawing:
    """Lay out ``chart`` and fit every box's text."""
    spacing = spacing or Spacing()
    inner = spacing.box_width - 2 * PAD_X
    labels: dict[str, Label] = {}
    for node in chart.nodes.values():
        title = headline(node)
        line = detail(chart, node)
        split = split_line(node)
        covers = covers_line(node)
        labels[node.id] = Label(
            title=tuple(wrap(title, inner, TITLE_SIZE, bold=True)),
            detail=ellipsis(line, inner, DETAIL_SIZE),
            split=ellipsis(split, inner, SMALL_SIZE),
            covers=ellipsis(covers, inner, SMALL_SIZE),
            tooltip="\n".join(
                p for p in (title, line, split, covers, dotted_line(chart, node)) if p
            ),
        )
    has_split = any(label.split for label in labels.values())
    has_covers = any(label.covers for label in labels.values())
    title_lines = max(len(label.title) for label in labels.values())
    height = (
        2 * PAD_Y
        + title_lines * TITLE_LEADING
        + DETAIL_LEADING
        + SMALL_LEADING * (has_split + has_covers)
    )
    spacing = replace(spacing, box_height=height)
    laid = layout(chart.root, chart.children, spacing)
    dotted = tuple(
        (report, boss, dotted_curve(laid.boxes[report], laid.boxes[boss]))
        for report, boss in chart.dotted()
    )
    return Drawing(chart, laid, labels, dotted, spacing)


def dotted_curve(report: Box, manager: Box) -> Curve:
    """A dotted line as a curve between the facing edges of the two boxes (the report's top
    and the manager's bottom when the manager is above), a quarter of a box off-centre on the
    side facing the other box, so it never runs along a solid reporting line."""
    right = manager.centre >= report.centre
    start_x = report.x + report.width * (0.75 if right else 0.25)
    end_x = manager.x + manager.width * (0.25 if right else 0.75)
    if manager.bottom <= report.y:  # above: from the report's top to the manager's bottom
        start, end = (start_x, report.y), (end_x, manager.bottom)
        bend = max(20.0, min(60.0, (start[1] - end[1]) / 2))
        return start, (start[0], start[1] - bend), (end[0], end[1] + bend), end
    if report.bottom <= manager.y:  # below: from the report's bottom to the manager's top
        start, end = (start_x, report.bottom), (end_x, manager.y)
        bend = max(20.0, min(60.0, (end[1] - start[1]) / 2))
        return start, (start[0], start[1] + bend), (end[0], end[1] - bend), end
    start, end = (start_x, report.y), (end_x, manager.y)  # side by side: an arc over the top
    return start, (start[0], start[1] - 30), (end[0], end[1] - 30), end
