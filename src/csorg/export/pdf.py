"""PDF: the chart drawn from csorg's own layout, as vectors, by csorg's PDF writer
(:mod:`csorg.export.pdfdoc`); no library, no browser.

The first page holds the whole chart; an org split into regions then gets one page per region
(its seats and the managers above them), each with a bookmark, so a consultant can print or
hand over one region at a time. Pages are as large as the chart (1 px of the SVG is 0.75 pt,
as browsers print), so every label stays readable when zoomed; a chart larger than a PDF page
may be (200 inches) is scaled down to fit. Text is set in the shipped Liberation Sans,
embedded as a subset, so it is selectable and searchable and every character it has prints as
written. The same inputs give the same bytes.
"""

from __future__ import annotations

from csorg.export.chart import OrgChart, in_region, places, subchart, with_managers
from csorg.export.drawing import STACK, Drawing, draw
from csorg.export.fonts import BOLD, REGULAR, missing_warning
from csorg.export.formats import Written
from csorg.export.pdfdoc import Document, Page
from csorg.export.style import (
    DASH,
    DOTTED,
    DOTTED_DASH,
    LINE,
    MUTED,
    TEXT,
    colours,
    ellipsis,
)

PT = 0.75  # points per SVG pixel
MARGIN = 36.0
HEADER = 54.0
MAX_PAGE = 14_400.0  # the largest page side PDF readers accept, in points
CORNER = 6.0  # the boxes' corner radius, in SVG pixels
FONTS = {"F1": REGULAR, "F2": BOLD}


def pdf_bytes(chart: OrgChart) -> Written:
    document = Document(FONTS)
    texts: list[str] = []
    for title, part in pages(chart):
        picture = draw(part)
        _page(document, picture, title)
        texts += picture.texts()
    data = document.output(title=f"{chart.model_name}: CS org chart", subject=chart.summary)
    return Written(data, missing_warning(texts, "pdf"))


def pages(chart: OrgChart) -> list[tuple[str, OrgChart]]:
    """The whole chart, then (by seat, split into regions) one part per region: the seats
    placed in it or serving it, and the managers above them."""
    out = [("Whole chart", chart)]
    regions, _ = places(chart)
    if chart.seats and len(regions) > 1:
        for region in regions:
            ids = {n.id for n in chart.nodes.values() if in_region(n, region)}
            out.append((f"Region {region}", subchart(chart, with_managers(chart, ids))))
    return out


def _dash(pattern: str) -> tuple[float, float]:
    on, off = (float(p) * PT for p in pattern.split())
    return on, off


def _page(document: Document, picture: Drawing, title: str) -> None:
    chart, laid = picture.chart, picture.layout
    width = max(laid.width + STACK, 480.0) * PT + 2 * MARGIN
    height = (laid.height + STACK) * PT + 2 * MARGIN + HEADER
    scale = min(1.0, MAX_PAGE / width, MAX_PAGE / height)
    page = document.page(width * scale, height * scale, title, scale=scale)
    heading = f"{chart.model_name} — {title}" if title != "Whole chart" else chart.model_name
    room = (width - 2 * MARGIN) / PT
    page.text(MARGIN, MARGIN + 14, ellipsis(heading, room, 18, bold=True), 18 * PT, TEXT, font="F2")
    page.text(MARGIN, MARGIN + 32, ellipsis(chart.subtitle, room, 12), 12 * PT, MUTED, font="F1")
    _lines(page, picture, MARGIN + HEADER)
    _boxes(page, picture, MARGIN + HEADER)


def _lines(page: Page, picture: Drawing, top: float) -> None:
    page.stroke_colour(LINE)
    page.line_width(1.5 * PT)
    for points in picture.layout.lines:
        page.polyline([(MARGIN + x * PT, top + y * PT) for x, y in points])


def _boxes(page: Page, picture: Drawing, top: float) -> None:
    chart, boxes = picture.chart, picture.layout.boxes
    for node_id, node in chart.nodes.items():
        box = boxes[node_id]
        fill, border = colours(node.area_index)
        page.stroke_colour(border)
        page.fill_colour(fill)
        if node.optional:
            page.dash(*_dash(DASH))
        x, y = MARGIN + box.x * PT, top + box.y * PT
        w, h = box.width * PT, box.height * PT
        if node.count > 1 and not chart.seats:  # the card behind a role of several seats
            page.box(x + STACK * PT, y + STACK * PT, w, h, CORNER * PT)
        page.box(x, y, w, h, CORNER * PT)
        if node.optional:
            page.dash()
        centre = MARGIN + box.centre * PT
        for line in picture.lines(node_id):
            page.text(
                centre,
                top + line.baseline * PT,
                line.text,
                line.size * PT,
                MUTED if line.muted else TEXT,
                font="F2" if line.bold else "F1",
                centred=True,
            )
    page.stroke_colour(DOTTED)
    page.dash(*_dash(DOTTED_DASH))
    for _, _, curve in picture.dotted:
        page.curve([(MARGIN + x * PT, top + y * PT) for x, y in curve])
    page.dash()
