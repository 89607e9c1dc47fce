"""PDF: the chart drawn by fpdf2 (the ``render`` extra) from csorg's own layout, as vectors.

Pure Python, no browser. The first page holds the whole chart; an org split into regions
then gets one page per region (its seats and the managers above them), each with a bookmark,
so a consultant can print or hand over one region at a time. Pages are as large as the chart
(1 px of the SVG is 0.75 pt, as browsers print), so every label stays readable when zoomed;
a chart larger than a PDF page may be (200 inches) is scaled down to fit. Text is set in the
shipped Liberation Sans, embedded as a subset, so it is selectable and searchable and every
character prints as written. The same inputs give the same bytes: the creation date is fixed.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from csorg.export.chart import OrgChart, in_region, places, subchart, with_managers
from csorg.export.drawing import STACK, Drawing, draw
from csorg.export.fonts import BOLD, REGULAR, missing_warning
from csorg.export.formats import Written, need
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
FONT = "csorg-sans"
FIXED_DATE = datetime(2000, 1, 1, tzinfo=UTC)


def pdf_bytes(chart: OrgChart) -> Written:
    fpdf = need("fpdf", "pdf")
    # csorg names the characters its font cannot draw itself, once (see the end)
    logging.getLogger("fpdf").setLevel(logging.ERROR)
    pdf = fpdf.FPDF(unit="pt")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_title(f"{chart.model_name}: CS org chart")
    pdf.set_subject(chart.summary)
    pdf.set_creator("csorg export")
    pdf.set_producer("csorg")
    pdf.set_lang("en")
    pdf.set_auto_page_break(False)
    pdf.set_margin(0)
    pdf.add_font(FONT, "", str(REGULAR))
    pdf.add_font(FONT, "B", str(BOLD))
    texts: list[str] = []
    for title, part in pages(chart):
        picture = draw(part)
        _page(pdf, picture, title)
        texts += picture.texts()
    return Written(bytes(pdf.output()), missing_warning(texts, "pdf"))


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


def _page(pdf: Any, picture: Drawing, title: str) -> None:
    chart, laid = picture.chart, picture.layout
    width = max(laid.width + STACK, 480.0) * PT + 2 * MARGIN
    height = (laid.height + STACK) * PT + 2 * MARGIN + HEADER
    scale = min(1.0, MAX_PAGE / width, MAX_PAGE / height)
    pdf.add_page(format=(width * scale, height * scale))
    pdf.start_section(title)
    pen = _Pen(pdf, scale)
    heading = f"{chart.model_name} — {title}" if title != "Whole chart" else chart.model_name
    room = (width - 2 * MARGIN) / PT
    pen.text(MARGIN, MARGIN + 14, ellipsis(heading, room, 18, bold=True), 18 * PT, TEXT, bold=True)
    pen.text(MARGIN, MARGIN + 32, ellipsis(chart.subtitle, room, 12), 12 * PT, MUTED)
    top = MARGIN + HEADER

    def at(x: float, y: float) -> tuple[float, float]:
        return MARGIN + x * PT, top + y * PT

    pen.colour(draw=LINE)
    pen.width(1.5 * PT)
    for points in laid.lines:
        pen.polyline([at(x, y) for x, y in points])
    for node_id, node in chart.nodes.items():
        box = laid.boxes[node_id]
        fill, border = colours(node.area_index)
        pen.colour(draw=border, fill=fill)
        pen.dash(DASH if node.optional else "")
        x, y = at(box.x, box.y)
        if node.count > 1 and not chart.seats:
            pen.rect(x + STACK * PT, y + STACK * PT, box.width * PT, box.height * PT)
        pen.rect(x, y, box.width * PT, box.height * PT)
        pen.dash("")
        centre = MARGIN + box.centre * PT
        for line in picture.lines(node_id):
            colour = MUTED if line.muted else TEXT
            _, baseline = at(0, line.baseline)
            pen.text(
                centre, baseline, line.text, line.size * PT, colour, bold=line.bold, centred=True
            )
    pen.colour(draw=DOTTED)
    pen.dash(DOTTED_DASH)
    for _, _, curve in picture.dotted:
        pen.curve([at(x, y) for x, y in curve])
    pen.dash("")


class _Pen:
    """fpdf2's drawing calls at one scale (a page larger than PDF allows is shrunk)."""

    def __init__(self, pdf: Any, scale: float) -> None:
        self.pdf = pdf
        self.scale = scale
        self.font: tuple[str, float] | None = None
        self.ink = ""
        self.widths: dict[tuple[str, str, float], float] = {}  # titles repeat hundreds of times

    def colour(self, *, draw: str | None = None, fill: str | None = None) -> None:
        if draw:
            self.pdf.set_draw_color(draw)
        if fill:
            self.pdf.set_fill_color(fill)

    def width(self, value: float) -> None:
        self.pdf.set_line_width(value * self.scale)

    def dash(self, pattern: str) -> None:
        if pattern:
            dash, gap = (float(p) * PT * self.scale for p in pattern.split())
            self.pdf.set_dash_pattern(dash=dash, gap=gap)
        else:
            self.pdf.set_dash_pattern()

    def polyline(self, points: list[tuple[float, float]]) -> None:
        self.pdf.polyline([(x * self.scale, y * self.scale) for x, y in points])

    def curve(self, points: list[tuple[float, float]]) -> None:
        self.pdf.bezier([(x * self.scale, y * self.scale) for x, y in points])

    def rect(self, x: float, y: float, w: float, h: float) -> None:
        s = self.scale
        self.pdf.rect(
            x * s, y * s, w * s, h * s, style="DF", round_corners=True, corner_radius=6 * PT * s
        )

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        colour: str,
        *,
        bold: bool = False,
        centred: bool = False,
    ) -> None:
        if not text:
            return
        font = ("B" if bold else "", size * self.scale)
        if font != self.font:
            self.pdf.set_font(FONT, *font)
            self.font = font
        if colour != self.ink:
            self.pdf.set_text_color(colour)
            self.ink = colour
        left = x * self.scale
        if centred:
            key = (text, *font)
            if key not in self.widths:
                self.widths[key] = self.pdf.get_string_width(text)
            left -= self.widths[key] / 2
        self.pdf.text(left, y * self.scale, text)
