"""`csorg plan` output: the target org with what changes marked, then the ordered steps.

The tree is plain text like `recommend`'s (see :mod:`csorg.render.tree`); the table is rich.
"""

from __future__ import annotations

import sys
import textwrap
from typing import TextIO

from csorg.catalog.schema import Catalog
from csorg.plan import Roadmap, Step
from csorg.render.tree import WIDTH, painter, tree_lines, use_colour, width_for
from csorg.text import markdown_escape as md
from csorg.text import one_line, plural

ACTION_CODES = {"add": "32", "move": "36", "remove": "31"}


def heading(roadmap: Roadmap) -> str:
    start, target = roadmap.start, roadmap.target
    return (
        f"Plan: {one_line(start.model_name)} ({roadmap.start_spec}) → "
        f"{one_line(target.model_name)} ({roadmap.target_spec}): "
        f"{start.total_seats} → {target.total_seats} CS seats"
    )


def step_headline(step: Step, catalog: Catalog) -> str:
    title = one_line(step.title)
    if step.action == "move":
        old = one_line(catalog.title(step.old)) if step.old else "no one"
        new = one_line(catalog.title(step.new)) if step.new else "no one"
        return f"move {title}: from {old} to {new}"
    seats = plural(step.count or 0, "seat")
    return f"{step.action} {title} ({seats})"


def render(roadmap: Roadmap, catalog: Catalog, *, colour: bool = False, width: int = WIDTH) -> str:
    paint = painter(colour)
    out = [paint(heading(roadmap), "1"), ""]
    if not roadmap.steps:
        out.append("Nothing to change: both ends give the same org.")
        return "\n".join(out) + "\n"
    added = {a.role: a for a in roadmap.add}
    moved = {m.role: m for m in roadmap.move}
    items = []
    for entry in roadmap.target.roles:
        label = one_line(entry.title)
        if entry.reports_to is not None:
            label += f" ×{entry.count:,}"
        marks = []
        addition = added.get(entry.id)
        if addition is not None:
            marks.append(
                paint("+ new", "32")
                if addition.new
                else paint(f"+{addition.count} ({addition.before} → {addition.after})", "32")
            )
        move = moved.get(entry.id)
        if move is not None:
            old = one_line(catalog.title(move.old)) if move.old else "no one"
            marks.append(paint(f"↪ was under {old}", "36"))
        items.append((entry.id, entry.reports_to, "  ".join([label, *marks])))
    out.append(paint("Target org", "1"))
    out += tree_lines(items)
    if roadmap.remove:
        out.append("")
        for removal in roadmap.remove:
            what = (
                "the role goes"
                if removal.retired
                else f"{removal.count} fewer seats ({removal.before} → {removal.after})"
            )
            line = f"− {one_line(removal.title)} ×{removal.count:,}: {what}"
            if removal.replaced_by:
                successor = one_line(catalog.title(removal.replaced_by))
                line += f"; its work and its people move to the {successor}, nobody is let go"
            out.append(paint(line, "31"))
    out += ["", paint("Roadmap", "1")]
    wrap = textwrap.TextWrapper(width=width, initial_indent="", subsequent_indent="")
    pad = len(str(len(roadmap.steps))) + 2
    for step in roadmap.steps:
        number = f"{step.order}.".rjust(pad - 1) + " "
        headline = step_headline(step, catalog)
        out.append(number + paint(headline, ACTION_CODES[step.action]))
        indent = " " * pad
        for label, text in (("why", step.why), ("when", step.trigger)):
            wrap.initial_indent = f"{indent}{label}: "
            wrap.subsequent_indent = indent + "  "
            out += wrap.wrap(one_line(text))
    messages = [
        (f"{flag} warning", w)
        for flag, rec in (("from", roadmap.start), ("to", roadmap.target))
        for w in rec.warnings
    ]
    if messages:
        out.append("")
        for kind, text in messages:
            lines = textwrap.wrap(
                one_line(text), width=width, initial_indent=f"{kind}: ", subsequent_indent="  "
            )
            lines[0] = paint(f"{kind}:", "1;33") + lines[0][len(kind) + 1 :]
            out += lines
    return "\n".join(out) + "\n"


def write(roadmap: Roadmap, catalog: Catalog, stream: TextIO | None = None) -> None:
    stream = stream or sys.stdout
    stream.write(render(roadmap, catalog, colour=use_colour(stream), width=width_for(stream)))


def write_table(roadmap: Roadmap, catalog: Catalog) -> None:
    from rich.table import Table
    from rich.text import Text

    from csorg.render.text import console as make_console

    console = make_console()

    console.print(Text(heading(roadmap), style="bold"))
    if not roadmap.steps:
        console.print("Nothing to change: both ends give the same org.")
        return
    table = Table()
    for name in ("#", "Action", "Role", "Seats", "Manager", "Why", "When"):
        table.add_column(name, justify="right" if name in ("#", "Seats") else "left")
    styles = {"add": "green", "move": "cyan", "remove": "red"}
    for step in roadmap.steps:
        if step.action == "move":
            old = catalog.title(step.old) if step.old else "no one"
            new = catalog.title(step.new) if step.new else "no one"
            manager = f"{one_line(old)} → {one_line(new)}"
        else:
            entry = roadmap.target.role(step.role) or roadmap.start.role(step.role)
            boss = entry.reports_to if entry else None
            manager = one_line(catalog.title(boss)) if boss else ""
        table.add_row(
            str(step.order),
            Text(step.action, style=styles[step.action]),
            one_line(step.title),
            "" if step.count is None else str(step.count),
            manager,
            one_line(step.why),
            one_line(step.trigger),
        )
    console.print(table)
    for flag, rec in (("from", roadmap.start), ("to", roadmap.target)):
        for warning in rec.warnings:
            console.print(Text(f"{flag} warning: ", style="bold yellow") + Text(one_line(warning)))


def markdown(roadmap: Roadmap, catalog: Catalog) -> str:
    lines = [f"# {md(heading(roadmap))}", ""]
    if not roadmap.steps:
        lines.append("Nothing to change: both ends give the same org.")
        return "\n".join(lines) + "\n"
    lines += ["## Roadmap", ""]
    for step in roadmap.steps:
        lines.append(f"{step.order}. **{md(step_headline(step, catalog))}**")
        lines.append(f"   - Why: {md(step.why)}")
        lines.append(f"   - When: {md(step.trigger)}")
    if roadmap.add:
        lines += ["", "## Add", "", "| Role | Title | Seats | From → to | Reports to |"]
        lines.append("|---|---|---:|---|---|")
        for a in roadmap.add:
            manager = f"`{a.reports_to}`" if a.reports_to else ""
            lines.append(
                f"| `{a.role}` | {md(a.title)} | {a.count} | {a.before} → {a.after} | {manager} |"
            )
    if roadmap.remove:
        lines += ["", "## Remove", "", "| Role | Title | Seats | From → to | Work passes to |"]
        lines.append("|---|---|---:|---|---|")
        for r in roadmap.remove:
            successor = f"`{r.replaced_by}`" if r.replaced_by else ""
            lines.append(
                f"| `{r.role}` | {md(r.title)} | {r.count} | {r.before} → {r.after} | {successor} |"
            )
    if roadmap.move:
        lines += ["", "## Move", "", "| Role | Title | From | To |", "|---|---|---|---|"]
        for m in roadmap.move:
            lines.append(f"| `{m.role}` | {md(m.title)} | `{m.old or ''}` | `{m.new or ''}` |")
    warnings = [
        (flag, w)
        for flag, rec in (("from", roadmap.start), ("to", roadmap.target))
        for w in rec.warnings
    ]
    if warnings:
        lines += ["", "## Warnings", ""]
        lines.extend(f"- ⚠ {flag}: {md(w)}" for flag, w in warnings)
    return "\n".join(lines) + "\n"
