"""PNG: the SVG chart rasterised by resvg (the ``resvg-py`` package of the ``render`` extra).

No browser, no system library: resvg is a self-contained wheel. It is given csorg's shipped
font and told to ignore the system's, so the picture is the same on every machine (and has
text even on one with no fonts at all). Small charts are drawn at twice their size, for
sharp slides; a large one is scaled so the image stays under about 24 million pixels.
"""

from __future__ import annotations

import math

from csorg.export.chart import OrgChart
from csorg.export.drawing import draw
from csorg.export.fonts import BOLD, FAMILY, REGULAR, missing_warning
from csorg.export.formats import Written, need
from csorg.export.svg import svg_markup

MAX_PIXELS = 24_000_000
MAX_ZOOM = 2.0


def png_bytes(chart: OrgChart) -> Written:
    resvg = need("resvg_py", "png")
    picture = draw(chart)
    svg = svg_markup(picture)
    width, height = _size(svg)
    zoom = round(min(MAX_ZOOM, math.sqrt(MAX_PIXELS / (width * height))), 2)
    data = resvg.svg_to_bytes(
        svg_string=svg,
        zoom=zoom,
        background="#ffffff",
        skip_system_fonts=True,
        font_files=[str(REGULAR), str(BOLD)],
        font_family=FAMILY,
        sans_serif_family=FAMILY,
    )
    return Written(bytes(data), missing_warning(picture.texts(), "png"))


def _size(svg: str) -> tuple[float, float]:
    """The width and height the SVG declares (csorg's own writer always does)."""
    head = svg[: svg.index(">", svg.index("<svg"))]
    width = float(head.split(' width="', 1)[1].split('"', 1)[0])
    height = float(head.split(' height="', 1)[1].split('"', 1)[0])
    return width, height
