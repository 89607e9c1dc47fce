"""Tables for people, drawn with rich: `recommend --format table`, `models`, `roles`.

Catalog strings become rich ``Text`` (never markup) after :func:`csorg.textsafe.one_line`,
so a title can neither inject markup nor send control characters to the terminal.
"""

from __future__ import annotations

import sys

from rich.console import Console
from rich.table import Table
from rich.text import Text

from csorg.catalog.schema import Catalog
from csorg.engine.result import Recommendation
from csorg.render.markdown import provenance
from csorg.render.tree import heading
from csorg.text import one_line as safe

PALETTE = (
    "magenta",
    "cyan",
    "green",
    "yellow",
    "blue",
    "red",
    "bright_magenta",
    "bright_cyan",
    "bright_green",
    "bright_yellow",
    "bright_blue",
    "bright_red",
)


__all__ = ["area_styles", "console", "provenance", "write_table"]


def area_styles(catalog: Catalog) -> dict[str, str]:
    return {area: PALETTE[i % len(PALETTE)] for i, area in enumerate(catalog.areas)}


def console(width: int = 140) -> Console:
    """A console for stdout: colour only on a terminal, no markup or emoji interpretation.

    Off a terminal (a pipe, a file) output gets a fixed ``width`` instead of rich's 80
    columns, so tables stay readable and the same from one machine to the next."""
    on_terminal = sys.stdout.isatty()
    return Console(highlight=False, markup=False, emoji=False, width=None if on_terminal else width)


def write_table(rec: Recommendation, catalog: Catalog) -> None:
    out = console()
    styles = area_styles(catalog)
    table = Table()
    for name in ("Role", "Title", "Count", "Reports to", "Area", "Optional", "Covers"):
        table.add_column(name, justify="right" if name == "Count" else "left")
    for entry in rec.roles:
        table.add_row(
            entry.id,
            safe(entry.title),
            str(entry.count),
            entry.reports_to or "",
            Text(safe(catalog.area_name(entry.area)), style=styles.get(entry.area, "")),
            "yes" if entry.optional else "",
            ", ".join(entry.covers),
        )
    out.print(Text(heading(rec), style="bold"))
    out.print(table)
    if rec.cost is not None:
        from csorg.render import cost

        for renderable in cost.table(rec.cost, catalog):
            out.print(renderable)
    for warning in rec.warnings:
        out.print(Text("warning: ", style="bold yellow") + Text(safe(warning)))
    for note in rec.notes:
        out.print(Text("note: ", style="bold cyan") + Text(safe(note)))
    if rec.seats is not None:
        seats = Table(title=f"Seats ({len(rec.seats)})")
        for name in ("Seat", "Role", "Reports to", "Region", "Segment"):
            seats.add_column(name)
        for seat in rec.seats:
            seats.add_row(
                seat.id,
                seat.role,
                seat.reports_to or "",
                safe(seat.region or ""),
                safe(seat.segment or ""),
            )
        out.print(seats)
