"""A team's cost as the renderers show it: lines for the tree, a rich table, Markdown.

Each row is a role with its seats, the typical (mid) annual cost and the low-high range; then
the total, the cost per region, and with ARR the share of ARR beside the benchmarks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from csorg.engine.inputs import money
from csorg.engine.result import Band, Cost
from csorg.text import markdown_escape as md
from csorg.text import one_line, plural, short_source

if TYPE_CHECKING:
    from rich.console import RenderableType

    from csorg.catalog.schema import Catalog


def heading(cost: Cost) -> str:
    rate = f" at the {cost.as_of} rate" if cost.as_of else ""
    return f"Cost a year ({cost.currency}{rate}, fully loaded)"


def rows(cost: Cost, catalog: Catalog) -> list[tuple[str, str, str, str]]:
    """(label, mid, low-high, where the band comes from) per role, then the total."""
    out = [
        (
            f"{one_line(r.title)} ×{r.seats:,}",
            _money(cost, r.total.mid),
            _range(cost, r.total),
            "heuristic" if r.heuristic or r.source is None else short_source(catalog, r.source),
        )
        for r in cost.roles
    ]
    out.append(
        (
            f"Total, {plural(cost.seats, 'seat')}",
            _money(cost, cost.total.mid),
            _range(cost, cost.total),
            "",
        )
    )
    return out


def region_text(cost: Cost) -> str | None:
    """``na 4 seats $700K; emea 2 seats $260K (pay level 0.75)``, with regions given."""
    if len(cost.regions) < 2 and all(r.region is None for r in cost.regions):
        return None
    parts = [
        f"{one_line(r.region or 'reference')} {plural(r.seats, 'seat')} "
        f"{_money(cost, r.total.mid)} (pay level {r.multiplier:g})"
        for r in cost.regions
    ]
    return "; ".join(parts)


def share_text(cost: Cost) -> str | None:
    """``34.2% of ARR $3M (26.1%–45.3%)``."""
    share = cost.arr_share
    if share is None:
        return None
    return (
        f"{_percent(share.share.mid)} of ARR {_money(cost, share.arr)} "
        f"({_percent(share.share.low)}–{_percent(share.share.high)})"
    )


def benchmark_lines(cost: Cost, catalog: Catalog) -> list[str]:
    """One line per benchmark: its share, what it covers, where it comes from, and how the
    team compares where it applies to the company's stage."""
    share = cost.arr_share
    if share is None:
        return []
    lines = []
    for b in share.benchmarks:
        cited = short_source(catalog, b.source) if b.source else "heuristic"
        line = f"{_percent(b.share)} {one_line(b.name)} ({cited})"
        if b.applies:
            ratio = share.share.mid / b.share
            near = 0.95 < ratio < 1.05
            line += ": this team is about that" if near else f": this team is {ratio:.1f}× that"
        else:
            line += ", for another stage"
        lines.append(line)
    return lines


def tree_lines(cost: Cost, catalog: Catalog, bold: str) -> list[str]:
    """The cost section of the tree output; ``bold`` is the heading as painted."""
    table = rows(cost, catalog)
    label = max(len(row[0]) for row in table)
    mid = max(len(row[1]) for row in table)
    span = max(len(row[2]) for row in table)
    out = [bold]
    for name, middle, spread, source in table:
        line = f"  {name:<{label}}  {middle:>{mid}}  {spread:<{span}}  {source}"
        out.append(line.rstrip())
    regions = region_text(cost)
    if regions:
        out.append(f"  By region: {regions}")
    shared = share_text(cost)
    if shared:
        out.append(f"  Share of ARR: {shared}; benchmarks:")
        out += [f"    - {line}" for line in benchmark_lines(cost, catalog)]
    out += [f"  note: {one_line(note)}" for note in cost.notes]
    return out


def table(cost: Cost, catalog: Catalog) -> list[RenderableType]:
    """The cost as rich renderables: a table, then the regions, share and notes."""
    from rich.table import Table
    from rich.text import Text

    grid = Table(title=heading(cost))
    for name in ("Role", "Mid", "Low–high", "Band from"):
        grid.add_column(name, justify="right" if name == "Mid" else "left")
    for name, middle, spread, source in rows(cost, catalog):
        grid.add_row(name, middle, spread, source)
    out: list[RenderableType] = [grid]
    regions = region_text(cost)
    if regions:
        out.append(Text(f"By region: {regions}"))
    shared = share_text(cost)
    if shared:
        out.append(Text(f"Share of ARR: {shared}; benchmarks:"))
        out += [Text(f"  - {line}") for line in benchmark_lines(cost, catalog)]
    out += [Text("note: ", style="bold cyan") + Text(one_line(n)) for n in cost.notes]
    return out


def markdown(cost: Cost, catalog: Catalog) -> list[str]:
    """The cost section of the Markdown output."""
    lines = [
        "",
        f"## {md(heading(cost))}",
        "",
        "| Role | Mid | Low–high | Band from |",
        "|---|---:|---|---|",
    ]
    for name, middle, spread, source in rows(cost, catalog):
        lines.append(f"| {md(name)} | {md(middle)} | {md(spread)} | {md(source)} |")
    regions = region_text(cost)
    extra = []
    if regions:
        extra.append(f"- By region: {md(regions)}")
    shared = share_text(cost)
    if shared:
        extra.append(f"- Share of ARR: {md(shared)}; benchmarks:")
        extra += [f"  - {md(line)}" for line in benchmark_lines(cost, catalog)]
    extra += [f"- {md(note)}" for note in cost.notes]
    return [*lines, *([""] if extra else []), *extra]


def _money(cost: Cost, value: float) -> str:
    return money(value, cost.symbol or f"{cost.currency} ")


def _range(cost: Cost, band: Band) -> str:
    return f"{_money(cost, band.low)}–{_money(cost, band.high)}"


def _percent(share: float) -> str:
    return f"{share * 100:.1f}".removesuffix(".0") + "%"
