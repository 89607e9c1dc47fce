"""Step 4: placement. A role's company-wide seats spread over regions and segments.

Seats go to each region and segment in proportion to its share of the role's need, by largest
remainder, so the seats add up to the company-wide count: no floor of one seat per pod. A
region or segment whose share does not justify a seat of its own is served by a pooled seat,
which lists every region and segment it serves; it joins a seat of the same region if there is
one, else of the same segment, else the seats with the most room.

A role's ``scope`` bounds how finely it is placed: ``pod`` by region and segment, ``region``
by region, ``global`` not at all.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from csorg.catalog.schema import Scope
from csorg.engine.book import Cell


@dataclass(frozen=True)
class Placed:
    """Where one seat sits and which cells it serves (its own first)."""

    role: str
    cell: Cell
    serves: tuple[Cell, ...]


def narrowed(cell: Cell, scope: Scope) -> Cell:
    """The cell as finely as a role of ``scope`` is placed."""
    if scope == "global":
        return Cell()
    if scope == "region":
        return Cell(cell.region, None)
    return cell


def largest_remainder(total: int, weights: Sequence[float]) -> list[int]:
    """``total`` whole seats in proportion to ``weights``; ties go to the earlier weight."""
    weight = sum(weights)
    if total <= 0 or weight <= 0:
        return [0] * len(weights)
    quotas = [total * w / weight for w in weights]
    whole = [math.floor(q + 1e-9) for q in quotas]
    left = total - sum(whole)
    order = sorted(range(len(weights)), key=lambda i: (-(quotas[i] - whole[i]), i))
    for i in order[:left]:
        whole[i] += 1
    return whole


def place(
    role: str, seats: int, need: dict[Cell, float], cells: Sequence[Cell], scope: Scope
) -> list[Placed]:
    """``seats`` seats of ``role`` over ``cells`` in proportion to ``need``."""
    if seats <= 0:
        return []
    order: list[Cell] = []
    weight: dict[Cell, float] = {}
    for cell in cells:
        home = narrowed(cell, scope)
        if home not in weight:
            order.append(home)
            weight[home] = 0.0
        weight[home] += need.get(cell, 0.0)
    if not any(weight.values()):  # seats with no book of their own: the first cell holds them
        weight[order[0]] = 1.0
    counts = dict(zip(order, largest_remainder(seats, [weight[c] for c in order]), strict=True))
    hosts = [c for c in order if counts[c]]
    served: dict[Cell, list[Cell]] = {c: [c] for c in hosts}
    for cell in order:
        if counts[cell] or weight[cell] <= 0:
            continue
        served[_host(cell, hosts, counts, weight, served)].append(cell)
    placed: list[Placed] = []
    for cell in hosts:  # seats alike are one immutable value, repeated
        placed.extend([Placed(role, cell, tuple(served[cell]))] * counts[cell])
    return placed


def _host(
    cell: Cell,
    hosts: list[Cell],
    counts: dict[Cell, int],
    weight: dict[Cell, float],
    served: dict[Cell, list[Cell]],
) -> Cell:
    """The seats that take on a cell too small for a seat of its own."""

    def room(host: Cell) -> float:
        return counts[host] - sum(weight[c] for c in served[host])

    same_region = [h for h in hosts if h.region == cell.region and cell.region is not None]
    same_segment = [h for h in hosts if h.segment == cell.segment and cell.segment is not None]
    for group in (same_region, same_segment, hosts):
        if group:
            return max(group, key=lambda h: (room(h), -hosts.index(h)))
    raise AssertionError("placement needs at least one seat")
