"""SVG: the org chart as a picture, laid out in plain Python (see :mod:`csorg.export.layout`).

Works on a fresh machine without Graphviz or a browser. Styling is done with presentation
attributes only (no ``<style>``, no scripts, no external fonts), which every SVG viewer,
GitHub's image view and slide tools importing SVG understand. A role with more than one seat
is drawn as a stack of cards with its count; ``--seats`` draws every seat. Dotted-line
managers are dashed curves in their own colour; the legend names the areas, optional roles
and dotted lines.
"""

from __future__ import annotations

from html import escape

from csorg.export.chart import OrgChart, used_areas
from csorg.export.drawing import STACK, Drawing, draw
from csorg.export.layout import coordinate as _n
from csorg.export.style import (
    DASH,
    DOTTED,
    DOTTED_DASH,
    FONT,
    LINE,
    MUTED,
    TEXT,
    colours,
    ellipsis,
    text_width,
)

MARGIN = 24
HEADER = 58.0  # the drawn heading of a standalone file

LegendItem = tuple[str, str, str, str, bool]  # label, fill, border, dash, is a line


def _text(value: str) -> str:
    return escape(value, quote=True)


def svg_text(chart: OrgChart) -> str:
    """The chart as a standalone SVG document."""
    return svg_markup(draw(chart)) + "\n"


def svg_markup(picture: Drawing, *, links: bool = False, standalone: bool = True) -> str:
    """The drawing as SVG markup.

    With ``links``, each box links to ``#card-<role id>`` (the HTML page's role cards);
    ``standalone=False`` leaves out the XML declaration and the drawn heading, for a page
    that has its own.
    """
    chart, laid = picture.chart, picture.layout
    heading, sub = chart.model_name, chart.subtitle
    content_width = content(picture)
    rows = legend_rows(legend_items(picture), content_width)
    header = HEADER if standalone else 0.0
    legend_top = _legend_top(picture, header)
    total_width, total_height = _size(picture, content_width, len(rows), header)

    out: list[str] = []
    if standalone:
        out.append('<?xml version="1.0" encoding="UTF-8"?>')
    out.append(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(total_width)}" '
        f'height="{_n(total_height)}" viewBox="0 0 {_n(total_width)} {_n(total_height)}" '
        f'font-family="{_text(FONT)}" role="{"group" if links else "img"}" '
        'aria-labelledby="chart-title chart-desc">'
    )
    out.append(f'<title id="chart-title">{_text(heading)}</title>')
    out.append(f'<desc id="chart-desc">{_text(chart.summary)}</desc>')
    out.append(f'<rect width="{_n(total_width)}" height="{_n(total_height)}" fill="#ffffff"/>')
    if standalone:
        out.append(
            f'<text x="{MARGIN}" y="{MARGIN + 16}" font-size="18" font-weight="bold" '
            f'fill="{TEXT}">{_text(ellipsis(heading, content_width, 18, bold=True))}</text>'
        )
        out.append(
            f'<text x="{MARGIN}" y="{MARGIN + 38}" font-size="12" fill="{MUTED}">'
            f"{_text(ellipsis(sub, content_width, 12))}</text>"
        )
    left = MARGIN + (content_width - laid.width - STACK) / 2
    out.append(f'<g class="chart" transform="translate({_n(left)} {_n(MARGIN + header)})">')
    paths = " ".join("M" + " L".join(f"{_n(x)} {_n(y)}" for x, y in line) for line in laid.lines)
    out.append(f'<path class="links" d="{paths}" fill="none" stroke="{LINE}" stroke-width="1.5"/>')
    for node in chart.nodes:
        out += _node(picture, node, links=links)
    out += _dotted(picture)
    out.append("</g>")
    out += _legend(rows, legend_top)
    out.append("</svg>")
    return "\n".join(out)


def size(picture: Drawing) -> tuple[float, float]:
    """The width and height of the standalone SVG of ``picture``, in pixels."""
    width = content(picture)
    return _size(picture, width, len(legend_rows(legend_items(picture), width)), HEADER)


def _size(
    picture: Drawing, content_width: float, legend: int, header: float
) -> tuple[float, float]:
    return content_width + 2 * MARGIN, _legend_top(picture, header) + legend * 22 + MARGIN - 6


def _legend_top(picture: Drawing, header: float) -> float:
    return MARGIN + header + picture.layout.height + STACK + 28


def content(picture: Drawing) -> float:
    """The width of what is drawn between the margins: the chart, or the heading if wider."""
    chart = picture.chart
    return max(
        picture.layout.width + STACK,
        min(text_width(chart.model_name, 18, bold=True), 900),
        min(text_width(chart.subtitle, 12), 900),
        480,
    )


def _dotted(picture: Drawing) -> list[str]:
    if not picture.dotted:
        return []
    out = ['<g class="dotted">']
    for report, boss, ((x1, y1), (c1x, c1y), (c2x, c2y), (x2, y2)) in picture.dotted:
        out.append(
            f'<path d="M{_n(x1)} {_n(y1)} C{_n(c1x)} {_n(c1y)} {_n(c2x)} {_n(c2y)} '
            f'{_n(x2)} {_n(y2)}" fill="none" stroke="{DOTTED}" stroke-width="1.5" '
            f'stroke-dasharray="{DOTTED_DASH}"><title>{_text(_dotted_title(picture, report, boss))}'
            "</title></path>"
        )
    out.append("</g>")
    return out


def _dotted_title(picture: Drawing, report: str, boss: str) -> str:
    nodes = picture.chart.nodes
    return f"{nodes[report].title} ({report}): dotted line to {nodes[boss].title} ({boss})"


def _node(picture: Drawing, node_id: str, *, links: bool) -> list[str]:
    node = picture.chart.nodes[node_id]
    box = picture.layout.boxes[node_id]
    fill, border = colours(node.area_index)
    dash = f' stroke-dasharray="{DASH}"' if node.optional else ""
    out = [f'<g id="n-{_text(node_id)}" class="node">']
    if links:
        out.append(f'<a href="#card-{_text(node.role)}">')
    out.append(f"<title>{_text(picture.labels[node_id].tooltip)}</title>")
    rect = (
        f'width="{_n(box.width)}" height="{_n(box.height)}" rx="6" fill="{fill}" '
        f'stroke="{border}" stroke-width="1.5"{dash}'
    )
    if node.count > 1 and not picture.chart.seats:
        out.append(f'<rect x="{_n(box.x + STACK)}" y="{_n(box.y + STACK)}" {rect}/>')
    out.append(f'<rect x="{_n(box.x)}" y="{_n(box.y)}" {rect}/>')
    x = _n(box.centre)
    for line in picture.lines(node_id):
        style = ' font-weight="bold"' if line.bold else ""
        style += ' font-style="italic"' if line.italic else ""
        out.append(
            f'<text x="{x}" y="{_n(line.baseline)}" text-anchor="middle" '
            f'font-size="{_n(line.size)}"{style} fill="{MUTED if line.muted else TEXT}">'
            f"{_text(line.text)}</text>"
        )
    if links:
        out.append("</a>")
    out.append("</g>")
    return out


def legend_items(picture: Drawing) -> list[LegendItem]:
    """(label, fill, border, dash, is a line) per legend entry."""
    chart = picture.chart
    items: list[LegendItem] = [
        (name, *colours(index), "", False) for index, _, name in used_areas(chart)
    ]
    if any(node.optional for node in chart.nodes.values()):
        items.append(("optional role", "#ffffff", MUTED, DASH, False))
    if picture.dotted:
        items.append(("dotted-line manager", "none", DOTTED, DOTTED_DASH, True))
    return items


def legend_rows(items: list[LegendItem], width: float) -> list[list[tuple[float, LegendItem]]]:
    rows: list[list[tuple[float, LegendItem]]] = [[]]
    x = 0.0
    for item in items:
        size = 20 + min(text_width(item[0], 11), 260)
        if x and x + size > width:
            rows.append([])
            x = 0.0
        rows[-1].append((x, item))
        x += size + 18
    return [row for row in rows if row]


def _legend(rows: list[list[tuple[float, LegendItem]]], top: float) -> list[str]:
    out = ['<g class="legend">']
    y = top
    for row in rows:
        for x, (label, fill, border, dash, line) in row:
            dashed = f' stroke-dasharray="{dash}"' if dash else ""
            if line:
                out.append(
                    f'<path d="M{_n(MARGIN + x)} {_n(y + 7)} h16" stroke="{border}" '
                    f'stroke-width="1.5"{dashed}/>'
                )
            else:
                out.append(
                    f'<rect x="{_n(MARGIN + x)}" y="{_n(y)}" width="14" height="14" rx="3" '
                    f'fill="{fill}" stroke="{border}" stroke-width="1.5"{dashed}/>'
                )
            out.append(
                f'<text x="{_n(MARGIN + x + 20)}" y="{_n(y + 11)}" font-size="11" '
                f'fill="{MUTED}">{_text(ellipsis(label, 260, 11))}</text>'
            )
        y += 22
    out.append("</g>")
    return out
