"""PNG: the SVG chart rasterised by resvg (the ``resvg-py`` package of the ``render`` extra).

No browser, no system library: resvg is a self-contained wheel. It is given csorg's shipped
font and told to ignore the system's, so the picture is the same on every machine (and has
text even on one with no fonts at all).

A PNG is a picture for a slide. It is drawn up to twice the chart's size, to fill a full-HD
slide (1920 × 1080), and never smaller than the SVG, so its text is never smaller than the
SVG's. A chart of seats that would then need more than about 24 million pixels (about 700
seats or more) cannot be read as one picture: it is drawn one box per role instead, each with
its seats per region and segment, the view a slide of a large org shows. A warning says so;
the SVG, HTML and PDF exports still draw every seat.
"""

from __future__ import annotations

import math

from csorg.export.chart import OrgChart, org_chart
from csorg.export.drawing import DETAIL_LEADING, PAD_Y, TITLE_LEADING, Drawing, draw
from csorg.export.fonts import BOLD, FAMILY, REGULAR, missing_warning
from csorg.export.formats import Written, need
from csorg.export.layout import Spacing
from csorg.export.svg import size, svg_markup

MAX_PIXELS = 24_000_000
SLIDE = (1920, 1080)  # a full-HD slide: a picture is drawn up to the size that fills it
MAX_ZOOM = 2.0


# the least room a box takes (one line of title): boxes never overlap, so a chart of more
# boxes than MAX_PIXELS holds of these is too large without laying it out
SMALLEST_BOX = Spacing().box_width * (2 * PAD_Y + TITLE_LEADING + DETAIL_LEADING)


def png_bytes(chart: OrgChart) -> Written:
    resvg = need("resvg_py", "png")
    picture = _legible(chart)
    warnings: tuple[str, ...] = ()
    if picture is None:
        warnings = (
            f"the png draws one box per role: a box for each of {chart.total_seats:,} seats "
            f"needs more than {MAX_PIXELS // 1_000_000} million pixels with its text at full "
            "size (--format svg, html or pdf draw every seat)",
        )
        picture = draw(org_chart(chart.recommendation, chart.catalog))
    width, height = size(picture)
    zoom = math.floor(_zoom(width, height) * 100) / 100  # in hundredths, within the limits
    data = resvg.svg_to_bytes(
        svg_string=svg_markup(picture),
        zoom=zoom,
        background="#ffffff",
        skip_system_fonts=True,
        font_files=[str(REGULAR), str(BOLD)],
        font_family=FAMILY,
        sans_serif_family=FAMILY,
    )
    warnings += missing_warning(picture.texts(), "png")
    return Written(bytes(data), warnings, by_role=picture.chart.seats != chart.seats)


def _legible(chart: OrgChart) -> Drawing | None:
    """The chart drawn, or None for a chart of seats too large to draw within MAX_PIXELS
    with its text at full size."""
    if not chart.seats:
        return draw(chart)
    if len(chart) * SMALLEST_BOX > MAX_PIXELS:
        return None
    picture = draw(chart)
    return picture if math.prod(size(picture)) <= MAX_PIXELS else None


def _zoom(width: float, height: float) -> float:
    """Up to twice the size, to fill a full-HD slide (more pixels than the slide shows are
    lost on it); never smaller than the SVG, unless even that is past MAX_PIXELS (only a chart
    of thousands of roles is)."""
    if width * height > MAX_PIXELS:
        return math.sqrt(MAX_PIXELS / (width * height))
    return max(1.0, min(MAX_ZOOM, SLIDE[0] / width, SLIDE[1] / height))
