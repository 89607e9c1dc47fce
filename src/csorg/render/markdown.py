"""`recommend --format markdown`: the org for wikis, pull requests and docs."""

from __future__ import annotations

from csorg.catalog.schema import Catalog
from csorg.engine.result import Recommendation
from csorg.text import markdown_escape as md
from csorg.text import plural


def markdown(rec: Recommendation, catalog: Catalog) -> str:
    lines = [f"# {md(rec.model_name)}", ""]
    inputs = rec.inputs
    lines.append(
        f"Stage **{md(inputs.stage)}**{' (inferred)' if inputs.stage_inferred else ''}, "
        f"**{inputs.touch}** touch{', product-led' if inputs.plg else ''}; "
        f"{plural(rec.total_seats, 'CS seat')}."
    )
    lines += ["", "## Org chart", ""]
    depth: dict[str, int] = {}
    for entry in rec.roles:
        level = 0 if entry.reports_to is None else depth[entry.reports_to] + 1
        depth[entry.id] = level
        extra = " *(optional)*" if entry.optional else ""
        if entry.covers:
            extra += " — also covers " + ", ".join(
                md(catalog.roles[c].title) for c in entry.covers if c in catalog.roles
            )
        if entry.dotted_to:
            extra += " — dotted line to " + ", ".join(
                md(catalog.roles[d].title) if d in catalog.roles else md(d) for d in entry.dotted_to
            )
        area = md(catalog.area_name(entry.area))
        lines.append(f"{'  ' * level}- **{md(entry.title)}** ×{entry.count:,} ({area}){extra}")
    lines += [
        "",
        "## Roles",
        "",
        "| Role | Title | Count | Reports to | Area | Optional |",
        "|---|---|---:|---|---|---|",
    ]
    for entry in rec.roles:
        lines.append(
            f"| `{entry.id}` | {md(entry.title)} | {entry.count} | "
            f"{'`' + entry.reports_to + '`' if entry.reports_to else ''} | "
            f"{md(catalog.area_name(entry.area))} | {'yes' if entry.optional else ''} |"
        )
    if rec.cost is not None:
        from csorg.render import cost

        lines += cost.markdown(rec.cost, catalog)
    lines += ["", "## Why", ""]
    for entry in rec.roles:
        if entry.reports_to is None:
            continue
        lines.append(f"- **{md(entry.title)}**")
        lines.extend(f"  - {md(reason)}" for reason in entry.rationale)
    if rec.warnings or rec.notes:
        lines += ["", "## Warnings and notes", ""]
        lines.extend(f"- ⚠ {md(w)}" for w in rec.warnings)
        lines.extend(f"- {md(n)}" for n in rec.notes)
    if rec.seats is not None:
        lines += [
            "",
            "## Seats",
            "",
            "| Seat | Role | Reports to | Region | Segment |",
            "|---|---|---|---|---|",
        ]
        for seat in rec.seats:
            manager = f"`{seat.reports_to}`" if seat.reports_to else ""
            if seat.dotted_to:
                manager += " (dotted line to " + ", ".join(f"`{d}`" for d in seat.dotted_to) + ")"
            lines.append(
                f"| `{seat.id}` | `{seat.role}` | {manager} | "
                f"{md(seat.region or '')} | {md(seat.segment or '')} |"
            )
    return "\n".join(lines) + "\n"


def provenance(row: dict[str, object]) -> str:
    """Where a number from :func:`csorg.explain.all_figures` comes from, in words."""
    source = row.get("source")
    note = row.get("note")
    if row.get("heuristic") or not isinstance(source, dict):
        where = "heuristic"
    else:
        who = source.get("author") or source.get("publisher") or ""
        year = str(source.get("date") or "")[:4]
        where = ", ".join(str(p) for p in (who, f"\u201c{source['title']}\u201d", year) if p)
    return f"{where}: {note}" if note else where


def figures_table(rows: list[dict[str, object]]) -> str:
    lines = ["| Entry | Number | Value | Where it comes from |", "|---|---|---:|---|"]
    for row in rows:
        value = row["value"]
        shown = f"{value:g}" if isinstance(value, float | int) else str(value)
        lines.append(
            f"| `{row['entry']}` | {md(str(row['what']))} | {shown} | {md(provenance(row))} |"
        )
    return "\n".join(lines) + "\n"
