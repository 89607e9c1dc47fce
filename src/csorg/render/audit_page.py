"""`csorg audit --format html -o FILE`: a page for a client.

The real org chart is drawn with the export layer's layout (:func:`csorg.export.layout.layout`)
and colours (:mod:`csorg.export.style`): one box per person, filled by the area of the role
they are read as, with a red or amber border and a count of findings when something is
wrong. Beside the chart: the findings ranked by severity and the changes the recommendation
would bring; selecting a box opens the person's card (their reading, findings and changes)
through CSS ``:target``, so the page needs no script. Its Content-Security-Policy allows no
script and no request of any kind; all text is escaped.

A chart of more than :data:`MAX_DRAWN` people draws its top :data:`MAX_DRAWN` (breadth
first) and says how many more sit under each box; every finding is listed either way.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape

from csorg.audit.changes import Change
from csorg.audit.context import SEVERITIES, Finding
from csorg.audit.result import Audit
from csorg.catalog.schema import Catalog
from csorg.export.layout import Layout, Spacing, layout
from csorg.export.style import FONT, LINE, MUTED, TEXT, colours, ellipsis
from csorg.render.audit import HEADINGS, SYMBOLS, change_text, heading, numbers, tally
from csorg.text import one_line

MAX_DRAWN = 1500
BOX = Spacing(box_width=210, box_height=66)
BORDERS = {"error": "#dc2626", "warning": "#f59e0b"}  # not in the area palette
PAD = 9.0
_CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 FONT; color: TEXT; background: #f8fafc; }
header { padding: 20px 28px 4px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 18px 0 6px; }
.sub, .muted { color: MUTED; }
.glance { border-collapse: collapse; margin: 8px 28px; background: #fff; }
.glance td { border: 1px solid #e2e8f0; padding: 4px 10px; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 440px; gap: 20px;
  padding: 14px 28px 28px; align-items: start; }
.chart { background: #fff; border: 1px solid #e2e8f0; border-radius: 10px; overflow: auto;
  max-height: calc(100vh - 40px); margin: 0; }
.chart svg { display: block; }
.side { position: sticky; top: 14px; max-height: calc(100vh - 28px); overflow: auto; }
.panel, .card { background: #fff; border: 1px solid #e2e8f0; border-radius: 10px;
  padding: 12px 18px; margin: 0 0 14px; }
.card { display: none; }
.card:target { display: block; border-color: #334155; }
.side ul, .side ol { padding-left: 20px; margin: 4px 0; }
.side li { margin: 4px 0; }
.error { color: #b91c1c; } .warning { color: #b45309; } .info { color: #0369a1; }
.close { float: right; text-decoration: none; color: MUTED; font-size: 20px; }
footer { padding: 0 28px 24px; color: MUTED; font-size: 13px; }
@media (max-width: 1100px) { .layout { grid-template-columns: minmax(0, 1fr); }
  .side { position: static; max-height: none; } }
@media print { .layout { display: block; } .chart { max-height: none; overflow: visible; }
  .side { position: static; max-height: none; } .card { display: block; } }
"""


def _t(value: str) -> str:
    return escape(one_line(value), quote=True)


def _n(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def html_page(result: Audit, catalog: Catalog) -> str:
    css = _CSS.replace("FONT", FONT).replace("MUTED", MUTED).replace("TEXT", TEXT)
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    policy = f"default-src 'none'; style-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    anchors = {pid: f"p{i}" for i, pid in enumerate(result.ctx.facts.order)}
    marks = result.by_person()
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{escape(policy, quote=True)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="csorg audit">',
        f"<title>Org chart audit — {_t(result.chart.file)}</title>",
        f"<style>{css}</style>",
        "</head>",
        '<body id="top">',
        "<header>",
        f"<h1>Org chart audit: {_t(result.chart.file)}</h1>",
        f'<p class="sub">{_t(heading(result))}</p>',
        f"<p><strong>{_t(tally(result))}</strong></p>",
        "</header>",
        '<table class="glance" aria-label="At a glance">',
        *(f"<tr><td>{_t(k)}</td><td>{_t(v)}</td></tr>" for k, v in numbers(result)),
        "</table>",
        '<div class="layout">',
        '<figure class="chart" aria-label="Org chart">',
        _svg(result, anchors, marks, catalog),
        "</figure>",
        '<aside class="side" aria-label="Findings and changes">',
    ]
    out += _cards(result, anchors, marks)
    out += _findings(result, anchors)
    out += _changes(result, anchors)
    out += [
        "</aside>",
        "</div>",
        f"<footer>{_t(heading(result))}. Made with csorg audit.</footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"


def _drawn(result: Audit) -> tuple[list[str], dict[str, list[str]], dict[str, int]]:
    """The people drawn (breadth first, at most MAX_DRAWN), their drawn reports, and how
    many people under each drawn box are left out."""
    chart = result.chart
    drawn = [chart.root]
    kept = {chart.root}
    index = 0
    while index < len(drawn) and len(drawn) < MAX_DRAWN:
        for report in chart.reports.get(drawn[index], []):
            if len(drawn) >= MAX_DRAWN:
                break
            drawn.append(report)
            kept.add(report)
        index += 1
    children = {p: [r for r in chart.reports.get(p, []) if r in kept] for p in drawn}
    shown_as: dict[str, str] = {}  # each person -> the drawn box they are under (or are)
    hidden: dict[str, int] = {}
    for person_id in result.ctx.facts.order:  # managers before their reports
        if person_id in kept:
            shown_as[person_id] = person_id
            continue
        boss = chart.by_id[person_id].reports_to
        box = shown_as[boss] if boss is not None else chart.root
        shown_as[person_id] = box
        hidden[box] = hidden.get(box, 0) + 1
    return drawn, children, hidden


def _svg(
    result: Audit, anchors: dict[str, str], marks: dict[str, list[Finding]], catalog: Catalog
) -> str:
    drawn, children, hidden = _drawn(result)
    chart: Layout = layout(result.chart.root, children, BOX)
    width, height = chart.width + 24, chart.height + 40
    areas = {a: i for i, a in enumerate(catalog.areas)}
    paths = " ".join("M" + " L".join(f"{_n(x)} {_n(y)}" for x, y in line) for line in chart.lines)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(width)}" height="{_n(height)}" '
        f'viewBox="0 0 {_n(width)} {_n(height)}" font-family="{escape(FONT, quote=True)}" '
        'role="img" aria-label="Org chart with findings">',
        '<g transform="translate(12 12)">',
        f'<path d="{paths}" fill="none" stroke="{LINE}" stroke-width="1.5"/>',
    ]
    for person_id in drawn:
        out += _box(
            result,
            person_id,
            chart,
            anchors,
            marks.get(person_id, []),
            areas,
            hidden.get(person_id, 0),
        )
    out += ["</g>", "</svg>"]
    return "\n".join(out)


def _box(
    result: Audit,
    person_id: str,
    chart: Layout,
    anchors: dict[str, str],
    found: list[Finding],
    areas: dict[str, int],
    hidden: int,
) -> list[str]:
    person = result.chart.by_id[person_id]
    reading = result.ctx.readings[person_id]
    box = chart.boxes[person_id]
    role = result.ctx.catalog.roles.get(reading.role or "")
    fill, border = colours(areas.get(role.area, 0)) if role else ("#f1f5f9", "#94a3b8")
    worst = next((s for s in SEVERITIES if any(f.severity == s for f in found)), None)
    stroke = BORDERS.get(worst or "", border)
    dash = ' stroke-dasharray="4 3"' if person.vacant or not reading.in_cs else ""
    inner = box.width - 2 * PAD
    name = person.name or ("Open seat" if person.vacant else person.id)
    read = role.title if role else ("not read as CS" if not reading.in_cs else "title not read")
    counts = " ".join(
        f"{SYMBOLS[s]}{sum(1 for f in found if f.severity == s)}"
        for s in SEVERITIES
        if any(f.severity == s for f in found)
    )
    x, top = _n(box.centre), box.y + PAD
    lines = [
        (name, 12.5, "bold", TEXT),
        (person.title, 11.0, "normal", TEXT),
        (f"{read} {counts}".strip(), 10.5, "normal", MUTED),
    ]
    out = [
        f'<g class="node" id="n-{anchors[person_id]}"><a href="#card-{anchors[person_id]}">',
        f"<title>{_t(name)} — {_t(person.title)}</title>",
        f'<rect x="{_n(box.x)}" y="{_n(box.y)}" width="{_n(box.width)}" height="{_n(box.height)}" '
        f'rx="6" fill="{fill}" stroke="{stroke}" '
        f'stroke-width="{3 if worst in BORDERS else 1.5}"{dash}/>',
    ]
    baseline = top + 12
    for text, size, weight, colour in lines:
        shown = ellipsis(one_line(text), inner, size, bold=weight == "bold")
        out.append(
            f'<text x="{x}" y="{_n(baseline)}" text-anchor="middle" font-size="{size}" '
            f'font-weight="{weight}" fill="{colour}">{_t(shown)}</text>'
        )
        baseline += 16
    out.append("</a></g>")
    if hidden:
        out.append(
            f'<text x="{x}" y="{_n(box.bottom + 14)}" text-anchor="middle" font-size="10.5" '
            f'fill="{MUTED}">+{hidden} more below</text>'
        )
    return out


def _cards(result: Audit, anchors: dict[str, str], marks: dict[str, list[Finding]]) -> list[str]:
    """A card for each drawn person with findings or changes (and for everyone else drawn)."""
    moves: dict[str, list[Change]] = {}
    for change in result.changes:
        for moved in change.people + change.open:
            moves.setdefault(moved, []).append(change)
    drawn, _, _ = _drawn(result)
    out: list[str] = []
    for person_id in drawn:
        person = result.chart.by_id[person_id]
        reading = result.ctx.readings[person_id]
        anchor = anchors[person_id]
        role = (
            result.ctx.catalog.title(reading.role) if reading.role else "not read as a catalog role"
        )
        name = person.name or (f"Open seat {person.id}" if person.vacant else person.id)
        out += [
            f'<section class="card" id="card-{anchor}" aria-label="{_t(name)}">',
            '<a class="close" href="#top" aria-label="Close the card">×</a>',
            f"<h2>{_t(name)}</h2>",
            f'<p class="muted">{_t(person.title)} · line {person.line}</p>',
            f"<p>Read as <strong>{_t(role)}</strong> ({_t(reading.rule)}"
            f", confidence {reading.confidence:.2f}).</p>",
        ]
        if reading.ask:
            out.append(f'<p class="warning">To confirm: {_t(reading.ask)}.</p>')
        found = marks.get(person_id, [])
        if found:
            out.append("<ul>")
            out += [f'<li class="{f.severity}">{_t(f.kind)}: {_t(f.message)}</li>' for f in found]
            out.append("</ul>")
        for change in moves.get(person_id, []):
            out.append(f"<p>Change {change.order}: {_t(change_text(change, result))}.</p>")
        out.append("</section>")
    return out


def _findings(result: Audit, anchors: dict[str, str]) -> list[str]:
    out = ['<section class="panel" aria-label="Findings">', "<h2>Findings</h2>"]
    if not result.findings:
        out.append("<p>None: the org chart matches the recommendation.</p>")
    for severity in SEVERITIES:
        found = [f for f in result.findings if f.severity == severity]
        if not found:
            continue
        out += [f'<h3 class="{severity}">{HEADINGS[severity]} ({len(found)})</h3>', "<ol>"]
        for f in found:
            link = next((anchors[p] for p in f.people if p in anchors), None)
            kind = f'<a href="#card-{link}">{_t(f.kind)}</a>' if link else _t(f.kind)
            out.append(f'<li class="{severity}">{kind}: {_t(f.message)}</li>')
        out.append("</ol>")
    out.append("</section>")
    return out


def _changes(result: Audit, anchors: dict[str, str]) -> list[str]:
    out = ['<section class="panel" aria-label="Recommended changes">', "<h2>What would change</h2>"]
    if not result.changes:
        out.append("<p>Nothing: the chart has the recommended roles and reporting lines.</p>")
    else:
        out.append("<ol>")
        for change in result.changes:
            out.append(
                f"<li><strong>{_t(change_text(change, result))}</strong>"
                f'<br><span class="muted">{_t(change.why)}</span></li>'
            )
        out.append("</ol>")
    out.append("</section>")
    return out
