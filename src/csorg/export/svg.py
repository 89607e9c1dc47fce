"""SVG: the org chart as a picture, laid out in plain Python (see :mod:`csorg.export.layout`).

Works on a fresh machine without Graphviz or a browser. Styling is done with presentation
attributes only (no ``<style>``, no scripts, no external fonts), which every SVG viewer,
GitHub's image view and slide tools importing SVG understand. A role with more than one seat
is drawn as a stack of cards with its count; ``--seats`` draws every seat.
"""

from __future__ import annotations

from html import escape
from typing import Any

from csorg.export.graph import covers_line, detail, headline, root, used_areas
from csorg.export.layout import Layout, Spacing, layout
from csorg.export.style import DASH, FONT, LINE, MUTED, TEXT, colours, ellipsis, text_width, wrap

MARGIN = 24
TITLE_SIZE = 13.0
TITLE_LEADING = 16.0
DETAIL_SIZE = 11.0
DETAIL_LEADING = 15.0
COVERS_SIZE = 10.5
COVERS_LEADING = 14.0
PAD_X = 10.0
PAD_Y = 9.0
STACK = 4.0  # offset of the card drawn behind a role with several seats


def _n(value: float) -> str:
    """A coordinate, short and always written the same way."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _text(value: str) -> str:
    return escape(value, quote=True)


def chart_layout(graph: Any) -> tuple[Layout, dict[str, list[str]]]:
    """The laid-out chart, and each node's title wrapped to its box.

    All boxes have one size, tall enough for the longest wrapped title, so rows line up.
    """
    inner = Spacing().box_width - 2 * PAD_X
    titles = {
        node: wrap(headline(data), inner, TITLE_SIZE, bold=True)
        for node, data in graph.nodes(data=True)
    }
    has_covers = any(data["covers_titles"] for _, data in graph.nodes(data=True))
    title_lines = max(len(t) for t in titles.values())
    height = (
        2 * PAD_Y
        + title_lines * TITLE_LEADING
        + DETAIL_LEADING
        + (COVERS_LEADING if has_covers else 0)
    )
    children = {node: list(graph.successors(node)) for node in graph.nodes}
    return layout(root(graph), children, Spacing(box_height=height)), titles


def svg_text(graph: Any, *, links: bool = False, standalone: bool = True) -> str:
    """The chart as an SVG document.

    With ``links``, each box links to ``#card-<role id>`` (the HTML page's role cards);
    ``standalone=False`` leaves out the XML declaration and the drawn heading, for a page
    that has its own.
    """
    chart, titles = chart_layout(graph)
    heading = graph.graph["model_name"]
    summary = graph.graph["summary"]
    sub = graph.graph["subtitle"]
    legend = _legend_items(graph)
    content_width = max(
        chart.width + STACK,
        min(text_width(heading, 18, bold=True), 900),
        min(text_width(sub, 12), 900),
        480,
    )
    legend_rows = _legend_rows(legend, content_width)
    header_height = 58.0 if standalone else 0.0
    legend_top = MARGIN + header_height + chart.height + STACK + 28
    total_width = content_width + 2 * MARGIN
    total_height = legend_top + len(legend_rows) * 22 + MARGIN - 6

    out: list[str] = []
    if standalone:
        out.append('<?xml version="1.0" encoding="UTF-8"?>')
    out.append(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(total_width)}" '
        f'height="{_n(total_height)}" viewBox="0 0 {_n(total_width)} {_n(total_height)}" '
        f'font-family="{_text(FONT)}" role="img" aria-labelledby="chart-title chart-desc">'
    )
    out.append(f'<title id="chart-title">{_text(heading)}</title>')
    out.append(f'<desc id="chart-desc">{_text(summary)}</desc>')
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
    left = MARGIN + (content_width - chart.width - STACK) / 2
    out.append(f'<g transform="translate({_n(left)} {_n(MARGIN + header_height)})">')
    out += _connectors(chart)
    for node, data in graph.nodes(data=True):
        out += _node(graph, node, data, chart, titles[node], links=links)
    out.append("</g>")
    out += _legend(legend_rows, legend_top)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _connectors(chart: Layout) -> list[str]:
    paths = " ".join("M" + " L".join(f"{_n(x)} {_n(y)}" for x, y in line) for line in chart.lines)
    return [f'<path d="{paths}" fill="none" stroke="{LINE}" stroke-width="1.5"/>']


def _node(
    graph: Any,
    node: str,
    data: dict[str, Any],
    chart: Layout,
    title: list[str],
    *,
    links: bool,
) -> list[str]:
    box = chart.boxes[node]
    fill, border = colours(data["area_index"])
    dash = f' stroke-dasharray="{DASH}"' if data["optional"] else ""
    inner = box.width - 2 * PAD_X
    line = detail(graph, node)
    covers = covers_line(data)
    tooltip = "\n".join(p for p in (headline(data), line, covers) if p)
    out = [f'<g id="n-{_text(node)}" class="node">']
    if links:
        out.append(f'<a href="#card-{_text(data["role"])}">')
    out.append(f"<title>{_text(tooltip)}</title>")
    rect = (
        f'width="{_n(box.width)}" height="{_n(box.height)}" rx="6" fill="{fill}" '
        f'stroke="{border}" stroke-width="1.5"{dash}'
    )
    if data["count"] > 1 and graph.graph["mode"] == "roles":
        out.append(f'<rect x="{_n(box.x + STACK)}" y="{_n(box.y + STACK)}" {rect}/>')
    out.append(f'<rect x="{_n(box.x)}" y="{_n(box.y)}" {rect}/>')
    # centre the text block vertically: titles that take fewer lines sit lower
    used = len(title) * TITLE_LEADING + DETAIL_LEADING + (COVERS_LEADING if covers else 0)
    top = box.y + (box.height - used) / 2
    x = _n(box.centre)
    baseline = top + TITLE_SIZE
    for text in title:
        out.append(
            f'<text x="{x}" y="{_n(baseline)}" text-anchor="middle" font-size="{_n(TITLE_SIZE)}" '
            f'font-weight="bold" fill="{TEXT}">{_text(text)}</text>'
        )
        baseline += TITLE_LEADING
    baseline += DETAIL_LEADING - TITLE_LEADING + 1
    out.append(
        f'<text x="{x}" y="{_n(baseline)}" text-anchor="middle" font-size="{_n(DETAIL_SIZE)}" '
        f'fill="{MUTED}">{_text(ellipsis(line, inner, DETAIL_SIZE))}</text>'
    )
    if covers:
        baseline += COVERS_LEADING
        out.append(
            f'<text x="{x}" y="{_n(baseline)}" text-anchor="middle" '
            f'font-size="{_n(COVERS_SIZE)}" font-style="italic" fill="{MUTED}">'
            f"{_text(ellipsis(covers, inner, COVERS_SIZE))}</text>"
        )
    if links:
        out.append("</a>")
    out.append("</g>")
    return out


def _legend_items(graph: Any) -> list[tuple[str, str, str, str]]:
    """(label, fill, border, dash) per legend entry."""
    items = [(name, *colours(index), "") for index, _, name in used_areas(graph)]
    if any(data["optional"] for _, data in graph.nodes(data=True)):
        items.append(("optional role", "#ffffff", MUTED, DASH))
    return items


def _legend_rows(
    items: list[tuple[str, str, str, str]], width: float
) -> list[list[tuple[float, tuple[str, str, str, str]]]]:
    rows: list[list[tuple[float, tuple[str, str, str, str]]]] = [[]]
    x = 0.0
    for item in items:
        size = 20 + min(text_width(item[0], 11), 260)
        if x and x + size > width:
            rows.append([])
            x = 0.0
        rows[-1].append((x, item))
        x += size + 18
    return [row for row in rows if row]


def _legend(rows: list[list[tuple[float, tuple[str, str, str, str]]]], top: float) -> list[str]:
    out = ['<g class="legend">']
    y = top
    for row in rows:
        for x, (label, fill, border, dash) in row:
            dashed = f' stroke-dasharray="{dash}"' if dash else ""
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
