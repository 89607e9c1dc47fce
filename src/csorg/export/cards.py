"""The HTML page's role cards: what a role does, why it is recommended here, its dotted lines,
numbers and sources (from :func:`csorg.catalog.explain.card_json`), every piece of catalog
text escaped and a source's address a link only when it is http(s)."""

from __future__ import annotations

from html import escape
from typing import Any

from csorg.catalog.explain import card_json, source_json
from csorg.catalog.schema import Catalog
from csorg.engine.result import Recommendation, RoleEntry
from csorg.text import one_line, plural, reference


def text(value: str) -> str:
    return escape(one_line(value), quote=True)


def card(entry: RoleEntry, rec: Recommendation, catalog: Catalog) -> list[str]:
    role = catalog.roles[entry.id]
    data = card_json(catalog, role)
    anchor = f"card-{entry.id}"
    facts = []
    if entry.reports_to is not None:
        facts.append(f"{plural(entry.count, 'seat')} in this org")
        boss = rec.role(entry.reports_to)
        facts.append("reports to " + (boss.title if boss else entry.reports_to))
    if entry.optional:
        facts.append("optional")
    if entry.covers:
        facts.append("also covers " + ", ".join(catalog.title(c) for c in entry.covers))
    out = [
        f'<section class="card" id="{anchor}" aria-labelledby="{anchor}-title">',
        '<a class="close" href="#top" aria-label="Close the card">×</a>',
        f'<p class="kicker"><span class="swatch area-{entry.area}"></span>'
        f"{text(data['area']['name'])}</p>",
        f'<h2 id="{anchor}-title">{text(data["title"])}</h2>',
        '<p class="seat" hidden></p>',  # the page's script names the seat that was opened
        f'<p class="facts">{text(" · ".join(facts))}</p>' if facts else "",
        f"<p>{text(data['summary'])}</p>",
    ]
    if entry.reports_to is not None:
        out += _list("Why it is recommended", entry.rationale)
    if entry.pods:
        out += _list(
            "Where the seats are",
            [
                "/".join(p for p in (region, segment) if p) + f": {plural(n, 'seat')}"
                for region, segment, n in entry.pods
            ],
        )
    out += _dotted(entry, rec, catalog)
    out += _list("Responsibilities", data["responsibilities"])
    out += ["<h3>When to add</h3>", f"<p>{text(data['when_to_add'])}</p>"]
    differences = [f"vs {d['title']}: {d['note']}" for d in data["differs_from"]]
    differences += [f"vs {v['title']}: {v['note']}" for v in data["variants"]]
    out += _list("How it differs", differences)
    if data["aliases"]:
        out += ["<h3>Also called</h3>", f"<p>{text(', '.join(data['aliases']))}</p>"]
    figures = []
    for figure in data["figures"]:
        value = figure["value"]
        shown = f"{value:g}" if isinstance(value, float) else str(value)
        where = "heuristic" if figure["heuristic"] else reference(figure["source"])
        figures.append(
            f"{text(figure['what'])}: <strong>{text(shown)}</strong>"
            + (f' <span class="figure-source">({text(where)})</span>' if where else "")
        )
    if figures:
        out += ["<h3>Numbers</h3>", "<ul>", *(f"<li>{f}</li>" for f in figures), "</ul>"]
    sources = [source(s) for s in data["sources"]]
    if sources:
        out += ["<h3>Sources</h3>", "<ul>", *(f"<li>{s}</li>" for s in sources), "</ul>"]
    out.append("</section>")
    return [line for line in out if line]


def _dotted(entry: RoleEntry, rec: Recommendation, catalog: Catalog) -> list[str]:
    """Each dotted-line manager of the role, why, and the sources behind it."""
    items = []
    for target in entry.dotted_to:
        boss = rec.role(target)
        line = next((d for d in catalog.roles[entry.id].dotted_lines if target in d.to), None)
        item = f"to <strong>{text(boss.title if boss else target)}</strong>"
        if line is not None:
            item += f": {text(line.why)}"
            cited = [source(source_json(catalog, s)) for s in line.sources]
            if cited:
                item += f' <span class="figure-source">({"; ".join(cited)})</span>'
        items.append(item)
    if not items:
        return []
    return ["<h3>Dotted line</h3>", "<ul>", *(f"<li>{i}</li>" for i in items), "</ul>"]


def _list(heading: str, items: Any) -> list[str]:
    items = [item for item in items if item]
    if not items:
        return []
    return [f"<h3>{heading}</h3>", "<ul>", *(f"<li>{text(i)}</li>" for i in items), "</ul>"]


def source(data: dict[str, Any]) -> str:
    name = text(data.get("title") or data["id"])
    url = data.get("url") or ""
    if url.startswith(("https://", "http://")) and one_line(url) == url:
        name = f'<a href="{escape(url, quote=True)}" rel="noopener noreferrer">{name}</a>'
    by = ", ".join(p for p in (data.get("author"), data.get("publisher")) if p)
    date = data.get("date") or ""
    extra = " — ".join(text(p) for p in (by, date) if p)
    return name + (f" — {extra}" if extra else "")
