"""HTML: one self-contained page with the chart, made to be explored, and a card for every role.

Without script the page is the static SVG chart (:mod:`csorg.export.svg`), each box a link to
its role's card (responsibilities, why the role is recommended, dotted lines, numbers and
sources), shown through CSS ``:target``; printing gives the whole chart, fitted to the page,
then every card.

The page's own script (``assets/page.js``, inline) makes a live copy of the chart that:

* opens with the top of the org in view and, for a big org, collapsed below a sensible depth;
* has an expand/collapse control on every manager's box, and expand/collapse all;
* searches titles, seat and role ids, regions and segments, revealing (expanding down to)
  and highlighting each match in turn;
* zooms, fits the chart to the window and pans by dragging;
* filters by region and by segment;
* is driven from the keyboard: Tab through boxes and controls, arrows move between a box,
  its manager, its reports and its peers, ``+``/``-`` zoom, ``/`` searches;
* prints the whole chart fitted to a page, or one page per region.

It re-lays out the visible boxes with the same algorithm as :mod:`csorg.export.layout` (a
test checks that both agree) and only moves the boxes the Python side drew, so thousands of
seats stay smooth. The page needs no network: its Content-Security-Policy allows no request
of any kind, and only its own stylesheet and script (by hash). Every piece of catalog text is
escaped; the chart's data travels as JSON with ``<``, ``>`` and ``&`` written as ``\\u003c``
and the like, so it can never close its ``<script>`` block.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html import escape
from pathlib import Path
from typing import Any

from csorg.export.cards import card, text
from csorg.export.chart import OrgChart, places, used_areas
from csorg.export.drawing import STACK, Drawing, draw
from csorg.export.style import FONT, MUTED, TEXT, colours, text_width
from csorg.export.svg import MARGIN, content, legend_items, legend_rows, svg_markup

ASSETS = Path(__file__).resolve().parent / "assets"
# a chart with more boxes than this opens collapsed below the depth that shows about as many
OPEN_BOXES = 100
# characters JSON allows raw that an HTML <script> block or a terminal would act on
_RISKY = re.compile("[\x7f-\x9f\u2028\u2029<>&]")


def _asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


def _digest(source: str) -> str:
    return base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")


def _stylesheet(chart: OrgChart) -> str:
    css = _asset("page.css").replace("FONT", FONT).replace("MUTED", MUTED).replace("TEXT", TEXT)
    for index, area, _ in used_areas(chart):
        fill, border = colours(index)
        css += f".area-{area} {{ background: {fill}; border-color: {border}; }}\n"
    return css


def html_text(chart: OrgChart) -> str:
    rec, catalog = chart.recommendation, chart.catalog
    if catalog is None:
        raise ValueError("the HTML page needs the catalog for its role cards")
    picture = draw(chart)
    css = _stylesheet(chart)
    script = _asset("page.js")
    policy = (
        f"default-src 'none'; style-src 'sha256-{_digest(css)}'; "
        f"script-src 'sha256-{_digest(script)}'; base-uri 'none'; form-action 'none'"
    )
    title = chart.model_name
    used = {node.role for node in chart.nodes.values()}
    entries = [r for r in rec.roles if r.id in used]
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{escape(policy, quote=True)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="csorg export">',
        f"<title>{text(title)} — CS org chart</title>",
        f"<style>{css}</style>",
        "</head>",
        '<body id="top" data-print="fit">',
        "<header>",
        f"<h1>{text(title)}</h1>",
        f'<p class="sub">{text(chart.subtitle)}</p>',
        "</header>",
    ]
    messages = [("Warning", w) for w in rec.warnings] + [("Note", n) for n in rec.notes]
    if messages:
        out.append('<section class="messages" aria-label="Warnings and notes">')
        out += [f"<p><strong>{kind}:</strong> {text(message)}</p>" for kind, message in messages]
        out.append("</section>")
    out += _toolbar(chart)
    # a small chart shrinks to the column; a large one keeps its size and scrolls (or zooms)
    fit = " fit" if len(chart) <= 40 else ""
    out += [
        '<div class="layout">',
        f'<figure class="chart{fit}" aria-label="Org chart">',
        '<div class="static">',
        svg_markup(picture, links=True, standalone=False),
        "</div>",
        '<div class="live" hidden></div>',
        '<div class="print-regions"></div>',
        "</figure>",
        '<aside class="cards" aria-label="Role cards">',
        '<p class="hint">Select a role in the chart (or in the list below it) to read its '
        "card: what the role does, why it is recommended here, and the sources.</p>",
    ]
    for entry in entries:
        out += card(entry, rec, catalog)
    out += [
        "</aside>",
        "</div>",
        '<nav class="roles" aria-label="Roles">',
        "<h2>Roles</h2>",
        "<ol>",
    ]
    for entry in entries:
        count = f" ×{entry.count:,}" if entry.reports_to is not None else ""
        out.append(f'<li><a href="#card-{entry.id}">{text(entry.title)}</a>{count}</li>')
    out += [
        "</ol>",
        "</nav>",
        f"<footer>{text(chart.summary)}. Made with csorg export.</footer>",
        f'<script type="application/json" id="csorg-chart">{_data(picture)}</script>',
        f"<script>{script}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"


def _toolbar(chart: OrgChart) -> list[str]:
    """The controls the script brings to life (hidden without script: they would not work)."""
    regions, segments = places(chart)
    out = [
        '<div class="toolbar" role="toolbar" aria-label="Chart controls" hidden>',
        '<label class="search">Search <input type="search" id="search" autocomplete="off" '
        'placeholder="Title, id, region… ( / )" aria-describedby="search-status"></label>',
        '<button type="button" id="previous" aria-label="Previous match">↑</button>',
        '<button type="button" id="next" aria-label="Next match">↓</button>',
        '<span id="search-status" role="status" aria-live="polite"></span>',
    ]
    for name, label, values in (("region", "Region", regions), ("segment", "Segment", segments)):
        if values:
            options = "".join(
                f'<option value="{escape(v, quote=True)}">{text(v)}</option>' for v in values
            )
            out.append(
                f'<label>{label} <select id="{name}"><option value="">all</option>'
                f"{options}</select></label>"
            )
    out += [
        '<span class="group" role="group" aria-label="Boxes">',
        '<button type="button" id="expand-all">Expand all</button>',
        '<button type="button" id="collapse-all">Collapse</button>',
        "</span>",
        '<span class="group" role="group" aria-label="Zoom">',
        '<button type="button" id="zoom-out" aria-label="Zoom out">−</button>',
        '<output id="zoom-level" aria-label="Zoom level">100%</output>',
        '<button type="button" id="zoom-in" aria-label="Zoom in">+</button>',
        '<button type="button" id="fit">Fit</button>',
        '<button type="button" id="home">Top</button>',
        "</span>",
        '<span class="group" role="group" aria-label="Print">',
        '<label>Print <select id="print-mode"><option value="fit">whole chart, one page'
        "</option>"
        + (
            '<option value="regions">one page per region</option>'
            if chart.seats and len(regions) > 1
            else ""
        )
        + "</select></label>",
        '<button type="button" id="print">Print</button>',
        "</span>",
        "</div>",
    ]
    return out


def _data(picture: Drawing) -> str:
    """What the script needs: the tree, each box's place in the static chart, the spacing."""
    chart, laid = picture.chart, picture.layout
    index = {node_id: i for i, node_id in enumerate(chart.nodes)}
    depth = chart.depths()
    nodes = []
    for node in chart.nodes.values():
        box = laid.boxes[node.id]
        nodes.append(
            {
                "id": node.id,
                "manager": index[node.manager] if node.manager is not None else -1,
                "role": node.role,
                "title": node.title,
                "region": node.region,
                "segment": node.segment,
                "pods": [[r, s] for r, s, _ in node.pods],
                "serves": [list(cell) for cell in node.serves],
                "dotted": [index[d] for d in node.dotted_to],
                "x": box.x,
                "y": box.y,
            }
        )
    # the deepest level that keeps the boxes shown at first to about OPEN_BOXES
    order = sorted(depth.values())
    open_depth = order[-1] if len(order) <= OPEN_BOXES else max(1, order[OPEN_BOXES] - 1)
    width = content(picture)
    legend = legend_rows(legend_items(picture), width)
    widest = max(
        (x + 20 + min(text_width(item[0], 11), 260) for row in legend for x, item in row),
        default=0.0,
    )
    spacing = picture.spacing
    data: dict[str, Any] = {
        "seats": chart.seats,
        "nodes": nodes,
        "openDepth": open_depth,
        "spacing": {
            "boxWidth": spacing.box_width,
            "boxHeight": spacing.box_height,
            "columnGap": spacing.column_gap,
            "rowGap": spacing.row_gap,
            "stackGap": spacing.stack_gap,
            "indent": spacing.indent,
            "maxWidth": spacing.max_width,
            "columnLength": spacing.column_length,
            "view": spacing.view,
        },
        "frame": {
            "margin": MARGIN,
            "left": MARGIN + (width - laid.width - STACK) / 2,
            "top": MARGIN,
            "stack": STACK,
            "legendTop": MARGIN + laid.height + STACK + 28,
            "legendHeight": len(legend) * 22 + MARGIN - 6,
            "legendWidth": MARGIN + widest + MARGIN,
        },
    }
    text_json = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return _RISKY.sub(lambda m: f"\\u{ord(m.group()):04x}", text_json)
