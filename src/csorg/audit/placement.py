"""Seats by region or segment: where the chart's people serve, against where the
recommendation puts its seats (its pods). Shared by the region and segment rules."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from csorg.audit.context import Context, Finding, Severity
from csorg.audit.titles.places import canonical_region
from csorg.catalog.lookup import normal_title
from csorg.text import number

Dimension = Literal["region", "segment"]
OVER = 1.5  # more than this times the recommended seats is over-covered


@functools.lru_cache(maxsize=4096)
def label(dimension: Dimension, text: str) -> str:
    if dimension == "region":
        return canonical_region(text)
    return normal_title(text).replace(" ", "-")


def wanted(ctx: Context, dimension: Dimension) -> list[str]:
    """The regions or segments the recommendation was made for, in their order."""
    given = ctx.rec.inputs.regions if dimension == "region" else ctx.rec.inputs.segments
    return list(dict.fromkeys(label(dimension, g) for g in given))


def matches(dimension: Dimension, person: str, target: str) -> bool:
    """A person's segment counts for a recommended one it names a part of ("mid-market"
    for "smb-mid-market")."""
    if person == target:
        return True
    return dimension == "segment" and f"-{person}-" in f"-{target}-"


def where(ctx: Context, dimension: Dimension, person_id: str) -> str | None:
    reading = ctx.readings[person_id]
    value = reading.region if dimension == "region" else reading.segment
    return label(dimension, value) if value else None


@dataclass
class Cell:
    """One role in one region or segment."""

    planned: int = 0
    fte: float = 0.0
    people: list[str] | None = None


def compare(ctx: Context, dimension: Dimension, kind: str) -> Iterator[Finding]:
    targets = wanted(ctx, dimension)
    if not targets:
        yield from _unasked(ctx, dimension, kind)
        return
    for entry in ctx.rec.roles:
        role = ctx.catalog.roles[entry.id]
        if (
            role.headcount.basis != "coverage"
            or not entry.pods
            or entry.id not in ctx.facts.tallies
        ):
            continue
        cells = {t: Cell(people=[]) for t in targets}
        for region, segment, count in entry.pods:
            value = region if dimension == "region" else segment
            if value is not None and label(dimension, value) in cells:
                cells[label(dimension, value)].planned += count
        people = ctx.facts.tallies[entry.id].people
        known = [p for p in people if where(ctx, dimension, p)]
        if len(known) * 2 < len(people):
            yield ctx.about_role(
                kind,
                "info",
                entry.id,
                f"{len(people) - len(known)} of {len(people)} {entry.title} seats have no "
                f"{dimension} (no {dimension} column, and neither the title nor the location "
                f"names one): add a {dimension} column to compare them {dimension} by {dimension}",
                tuple(p for p in people if p not in known),
            )
            continue
        unplaced: list[str] = []
        for person_id in people:
            person = ctx.chart.by_id[person_id]
            here = where(ctx, dimension, person_id)
            target = next((t for t in targets if here and matches(dimension, here, t)), None)
            if target is None:
                unplaced.append(person_id)
                continue
            cell = cells[target]
            assert cell.people is not None
            cell.people.append(person_id)
            if not person.vacant and person.employment == "employee":
                cell.fte += person.fte * person.count
        yield from _cells(ctx, dimension, kind, entry.id, cells)
        if unplaced:
            yield ctx.about_role(
                kind,
                "info",
                entry.id,
                f"{ctx.names(unplaced)} ({entry.title}) serve{'s' if len(unplaced) == 1 else ''} "
                f"no {dimension} of the recommendation ({', '.join(targets)}): "
                + _places(ctx, dimension, unplaced),
                tuple(unplaced),
            )


def _cells(
    ctx: Context, dimension: Dimension, kind: str, role_id: str, cells: dict[str, Cell]
) -> Iterator[Finding]:
    title = ctx.title(role_id)
    for target, cell in cells.items():
        people = tuple(cell.people or ())
        if cell.fte + 1e-9 < cell.planned:
            severity: Severity = "warning"
            who = f" ({ctx.names(people)})" if people else ""
            yield ctx.about_role(
                kind,
                severity,
                role_id,
                f"{target} is under-covered: {round(cell.fte, 2):g} {title} FTE on staff"
                f"{who}, the recommendation has {cell.planned} for {target}",
                people,
            )
        elif cell.planned and cell.fte > cell.planned * OVER and cell.fte - cell.planned >= 1:
            yield ctx.about_role(
                kind,
                "info",
                role_id,
                f"{target} is over-covered: {number(round(cell.fte, 2))} {title} FTE on staff "
                f"({ctx.names(people)}), the recommendation has {cell.planned} for {target}",
                people,
            )


def _places(ctx: Context, dimension: Dimension, people: list[str]) -> str:
    counts: dict[str, int] = {}
    for person_id in people:
        here = where(ctx, dimension, person_id) or f"no {dimension} known"
        counts[here] = counts.get(here, 0) + 1
    return ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))


def spread(ctx: Context, dimension: Dimension) -> dict[str, int]:
    """People of the CS org by region or segment, largest first."""
    counts: dict[str, int] = {}
    for person_id in ctx.facts.order:
        if not ctx.readings[person_id].in_cs:
            continue
        here = where(ctx, dimension, person_id)
        if here:
            counts[here] = counts.get(here, 0) + ctx.chart.by_id[person_id].count
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _unasked(ctx: Context, dimension: Dimension, kind: str) -> Iterator[Finding]:
    """The chart spans several regions or segments the recommendation was not made for."""
    counts = spread(ctx, dimension)
    if len(counts) < 2:
        return
    flag = "--regions" if dimension == "region" else "--segment-by/--segments"
    shown = ", ".join(f"{k} ({v})" for k, v in counts.items())
    values = ",".join(k.lower() for k in counts)
    example = f" {values}" if dimension == "region" else ""
    yield Finding(
        kind,
        "info",
        "org",
        "org",
        f"the CS org serves {len(counts)} {dimension}s: {shown}; give {flag}{example} to compare "
        f"them {dimension} by {dimension} with the recommendation",
    )
