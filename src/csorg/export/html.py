"""HTML: one self-contained page with the chart and a card for every role in it.

The page is the SVG chart (:mod:`csorg.export.svg`) inline, each box a link to its role's
card; a card (responsibilities, why the role is recommended, numbers and sources, from
:func:`csorg.explain.card_json`) shows when its link is followed, through CSS ``:target``.
So the page needs no script at all, and says so: its Content-Security-Policy allows no
script, no network request of any kind, and only the page's own stylesheet (by hash).
Every piece of catalog text is escaped, so a title or description can never add markup; a
source's address becomes a link only when it is http(s).
"""

from __future__ import annotations

import base64
import hashlib
from html import escape
from typing import Any

from csorg.catalog.explain import card_json
from csorg.catalog.schema import Catalog
from csorg.engine.result import Recommendation, RoleEntry
from csorg.export.graph import used_areas
from csorg.export.style import FONT, MUTED, TEXT, colours
from csorg.export.svg import svg_text
from csorg.text import one_line, plural, reference

_CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 FONT; color: TEXT; background: #f8fafc; }
header { padding: 20px 28px 4px; }
h1 { font-size: 22px; margin: 0 0 2px; }
.sub, .hint, .facts, .kicker { color: MUTED; }
.sub { margin: 0; }
.messages { margin: 12px 28px 0; padding: 8px 14px; background: #fffbeb;
  border: 1px solid #fcd34d; border-radius: 8px; }
.messages p { margin: 4px 0; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 400px; gap: 20px;
  padding: 14px 28px 28px; align-items: start; }
.chart { background: #fff; border: 1px solid #e2e8f0; border-radius: 10px; overflow: auto;
  max-height: calc(100vh - 40px); margin: 0; }
.chart svg { display: block; }
.chart.fit svg { max-width: 100%; height: auto; }
.chart a { cursor: pointer; }
.chart a:hover rect, .chart a:focus rect { stroke-width: 3; }
.chart a:focus { outline: none; }
.cards { position: sticky; top: 14px; max-height: calc(100vh - 28px); overflow: auto; }
.card, .hint { background: #fff; border: 1px solid #e2e8f0; border-radius: 10px;
  padding: 14px 20px; margin: 0; }
.card { display: none; scroll-margin-top: 120px; }
.card:target { display: block; }
.cards:has(.card:target) .hint { display: none; }
.card h2 { font-size: 19px; margin: 2px 0 4px; }
.card h3 { font-size: 14px; margin: 16px 0 4px; text-transform: uppercase;
  letter-spacing: .04em; color: MUTED; }
.card ul { margin: 4px 0; padding-left: 20px; }
.card li { margin: 2px 0; }
.card p { margin: 4px 0; }
.kicker { margin: 0; font-size: 13px; display: flex; align-items: center; gap: 8px; }
.swatch { display: inline-block; width: 14px; height: 14px; border: 2px solid; border-radius: 4px; }
.close { float: right; text-decoration: none; color: MUTED; font-size: 20px; line-height: 1; }
.figure-source { color: MUTED; font-size: 13px; }
.roles { padding: 0 28px 28px; }
.roles h2 { font-size: 16px; }
.roles ol { columns: 3 260px; margin: 0; padding-left: 22px; }
.roles a { color: inherit; }
footer { padding: 0 28px 24px; color: MUTED; font-size: 13px; }
@media (max-width: 1000px) {
  .layout { grid-template-columns: minmax(0, 1fr); }
  .cards { position: static; max-height: none; }
}
@media print {
  .layout { display: block; }
  .chart { max-height: none; overflow: visible; border: 0; }
  .cards { position: static; max-height: none; overflow: visible; }
  .card { display: block; break-inside: avoid; margin-top: 12px; }
  .hint, .close { display: none; }
}
"""


def _text(value: str) -> str:
    return escape(one_line(value), quote=True)


def _stylesheet(graph: Any) -> str:
    css = _CSS.replace("FONT", FONT).replace("MUTED", MUTED).replace("TEXT", TEXT)
    for index, area, _ in used_areas(graph):
        fill, border = colours(index)
        css += f".area-{area} {{ background: {fill}; border-color: {border}; }}\n"
    return css


def html_text(graph: Any, rec: Recommendation, catalog: Catalog) -> str:
    css = _stylesheet(graph)
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    policy = f"default-src 'none'; style-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    title = graph.graph["model_name"]
    entries = [r for r in rec.roles if r.id in {d["role"] for _, d in graph.nodes(data=True)}]
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{escape(policy, quote=True)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="csorg export">',
        f"<title>{_text(title)} — CS org chart</title>",
        f"<style>{css}</style>",
        "</head>",
        '<body id="top">',
        "<header>",
        f"<h1>{_text(title)}</h1>",
        f'<p class="sub">{_text(graph.graph["subtitle"])}</p>',
        "</header>",
    ]
    messages = [("Warning", w) for w in rec.warnings] + [("Note", n) for n in rec.notes]
    if messages:
        out.append('<section class="messages" aria-label="Warnings and notes">')
        out += [f"<p><strong>{kind}:</strong> {_text(text)}</p>" for kind, text in messages]
        out.append("</section>")
    chart = svg_text(graph, links=True, standalone=False).rstrip("\n")
    # a small chart shrinks to the column; a large one (hundreds of seats) keeps its size
    # and scrolls, so its labels stay readable
    fit = " fit" if graph.number_of_nodes() <= 40 else ""
    out += [
        '<div class="layout">',
        f'<figure class="chart{fit}" aria-label="Org chart">',
        chart,
        "</figure>",
        '<aside class="cards" aria-label="Role cards">',
        '<p class="hint">Select a role in the chart (or in the list below it) to read its '
        "card: what the role does, why it is recommended here, and the sources.</p>",
    ]
    managers = {r.id: r.reports_to for r in rec.roles}
    for entry in entries:
        out += _card(entry, managers.get(entry.id), rec, catalog)
    out += [
        "</aside>",
        "</div>",
        '<nav class="roles" aria-label="Roles">',
        "<h2>Roles</h2>",
        "<ol>",
    ]
    for entry in entries:
        count = f" ×{entry.count}" if entry.reports_to is not None else ""
        out.append(f'<li><a href="#card-{entry.id}">{_text(entry.title)}</a>{count}</li>')
    out += [
        "</ol>",
        "</nav>",
        f"<footer>{_text(graph.graph['summary'])}. Made with csorg export.</footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"


def _card(
    entry: RoleEntry, manager: str | None, rec: Recommendation, catalog: Catalog
) -> list[str]:
    role = catalog.roles[entry.id]
    card = card_json(catalog, role)
    anchor = f"card-{entry.id}"
    facts = []
    if manager is not None:
        facts.append(f"{plural(entry.count, 'seat')} in this org")
        boss = rec.role(manager)
        facts.append("reports to " + (boss.title if boss else manager))
    if entry.optional:
        facts.append("optional")
    if entry.covers:
        facts.append("also covers " + ", ".join(catalog.title(c) for c in entry.covers))
    out = [
        f'<section class="card" id="{anchor}" aria-labelledby="{anchor}-title">',
        '<a class="close" href="#top" aria-label="Close the card">×</a>',
        f'<p class="kicker"><span class="swatch area-{entry.area}"></span>'
        f"{_text(card['area']['name'])}</p>",
        f'<h2 id="{anchor}-title">{_text(card["title"])}</h2>',
        f'<p class="facts">{_text(" · ".join(facts))}</p>' if facts else "",
        f"<p>{_text(card['summary'])}</p>",
    ]
    if entry.reports_to is not None:
        out += _list("Why it is recommended", entry.rationale)
    out += _list("Responsibilities", card["responsibilities"])
    out += ["<h3>When to add</h3>", f"<p>{_text(card['when_to_add'])}</p>"]
    differences = [f"vs {d['title']}: {d['note']}" for d in card["differs_from"]]
    differences += [f"vs {v['title']}: {v['note']}" for v in card["variants"]]
    out += _list("How it differs", differences)
    if card["aliases"]:
        out += ["<h3>Also called</h3>", f"<p>{_text(', '.join(card['aliases']))}</p>"]
    figures = []
    for figure in card["figures"]:
        value = figure["value"]
        shown = f"{value:g}" if isinstance(value, float) else str(value)
        where = "heuristic" if figure["heuristic"] else reference(figure["source"])
        figures.append(
            f"{_text(figure['what'])}: <strong>{_text(shown)}</strong>"
            + (f' <span class="figure-source">({_text(where)})</span>' if where else "")
        )
    if figures:
        out += ["<h3>Numbers</h3>", "<ul>", *(f"<li>{f}</li>" for f in figures), "</ul>"]
    sources = [_source(s) for s in card["sources"]]
    if sources:
        out += ["<h3>Sources</h3>", "<ul>", *(f"<li>{s}</li>" for s in sources), "</ul>"]
    out.append("</section>")
    return [line for line in out if line]


def _list(heading: str, items: Any) -> list[str]:
    items = [item for item in items if item]
    if not items:
        return []
    return [f"<h3>{heading}</h3>", "<ul>", *(f"<li>{_text(i)}</li>" for i in items), "</ul>"]


def _source(source: dict[str, Any]) -> str:
    name = _text(source.get("title") or source["id"])
    url = source.get("url") or ""
    if url.startswith(("https://", "http://")) and one_line(url) == url:
        name = f'<a href="{escape(url, quote=True)}" rel="noopener noreferrer">{name}</a>'
    by = ", ".join(p for p in (source.get("author"), source.get("publisher")) if p)
    date = source.get("date") or ""
    extra = " — ".join(_text(p) for p in (by, date) if p)
    return name + (f" — {extra}" if extra else "")
