"""Seat arithmetic: units (regions and segment pods), counts, spans of control, seats.

Pure functions of the catalog and the inputs; nothing here knows a role by name. A role's
``headcount.basis`` says how its seats are counted, ``scope`` whether they are counted once,
per region or per pod, and ``span`` how many direct reports one seat may have.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from csorg.catalog.schema import Role, Scope

Unit = tuple[str | None, str | None]  # (region, segment); None where the scope has none
GLOBAL: Unit = (None, None)
_RANK: dict[Scope, int] = {"pod": 0, "region": 1, "global": 2}


def split_evenly(total: int, parts: int) -> list[int]:
    """``total`` in ``parts`` whole shares that differ by at most one, larger ones first."""
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


@dataclass(frozen=True)
class Units:
    """The regions and segments an org is split into."""

    regions: tuple[str | None, ...] = (None,)
    segments: tuple[str | None, ...] = (None,)

    @classmethod
    def of(cls, regions: Sequence[str], segments: Sequence[str]) -> Units:
        return cls(tuple(regions) or (None,), tuple(segments) or (None,))

    def of_scope(self, scope: Scope) -> list[Unit]:
        if scope == "global":
            return [GLOBAL]
        if scope == "region":
            return [(r, None) for r in self.regions]
        return [(r, s) for r in self.regions for s in self.segments]

    def container(self, unit: Unit, scope: Scope) -> Unit:
        """The unit of scope ``scope`` that holds ``unit`` (the only one, if narrower)."""
        if scope == "global":
            return GLOBAL
        region = unit[0] if unit[0] is not None else self.regions[0]
        if scope == "region":
            return (region, None)
        segment = unit[1] if unit[1] is not None else self.segments[0]
        return (region, segment)

    def can_report(self, report: Scope, manager: Scope) -> bool:
        """A seat reports to one manager seat: the manager's scope must hold the report's."""
        if _RANK[manager] >= _RANK[report]:
            return True
        if report == "global":
            inside = len(self.regions) * (len(self.segments) if manager == "pod" else 1)
        else:
            inside = len(self.segments)
        return inside == 1

    def accounts(self, customers: int, scope: Scope) -> dict[Unit, int]:
        """Accounts per unit: split evenly over regions, then over segments."""
        by_region = dict(zip(self.regions, split_evenly(customers, len(self.regions)), strict=True))
        if scope == "global":
            return {GLOBAL: customers}
        if scope == "region":
            return {(r, None): n for r, n in by_region.items()}
        out: dict[Unit, int] = {}
        for region, n in by_region.items():
            for segment, m in zip(self.segments, split_evenly(n, len(self.segments)), strict=True):
                out[(region, segment)] = m
        return out


def related(a: Unit, b: Unit) -> bool:
    """True when one unit holds the other (None stands for "all")."""
    return all(x is None or y is None or x == y for x, y in zip(a, b, strict=True))


def cap_counts(ideal: Sequence[int], cap: int) -> list[int]:
    """Cut counts to a total of ``cap``, keeping at least one each, proportionally."""
    if sum(ideal) <= cap:
        return list(ideal)
    floor = [1] * len(ideal)
    room = cap - len(ideal)
    extra = [n - 1 for n in ideal]
    total_extra = sum(extra)
    if room <= 0 or total_extra == 0:
        return floor
    shares = [e * room / total_extra for e in extra]
    whole = [math.floor(s) for s in shares]
    left = room - sum(whole)
    # largest remainder first; ties go to the earlier entry, so the result is stable
    order = sorted(range(len(ideal)), key=lambda i: (-(shares[i] - whole[i]), i))
    for i in order[:left]:
        whole[i] += 1
    return [f + w for f, w in zip(floor, whole, strict=True)]


@dataclass(frozen=True)
class Seat:
    id: str
    role: str
    unit: Unit
    reports_to: str | None
    covers: tuple[str, ...] = ()


def seat_ids(role: str, count: int) -> list[str]:
    width = max(2, len(str(count)))
    return [f"{role}-{i:0{width}d}" for i in range(1, count + 1)]


def build_seats(
    order: Sequence[str],
    roles: dict[str, Role],
    managers: dict[str, str | None],
    counts: dict[str, dict[Unit, int]],
    units: Units,
    covers: dict[str, tuple[str, ...]],
) -> list[Seat]:
    """One seat per counted position, in tree order, reports spread evenly over managers."""
    ids: dict[str, dict[Unit, list[str]]] = {}
    for role_id in order:
        by_unit = counts[role_id]
        names = iter(seat_ids(role_id, sum(by_unit.values())))
        ids[role_id] = {unit: [next(names) for _ in range(n)] for unit, n in by_unit.items()}

    parent: dict[str, str | None] = {}
    children: dict[str, list[str]] = {}
    for manager_id in order:
        reports = [r for r in order if managers.get(r) == manager_id]
        if not reports:
            continue
        scope = roles[manager_id].scope
        for unit, manager_seats in ids[manager_id].items():
            report_seats = [
                seat
                for r in reports
                for report_unit, seats in ids[r].items()
                if units.container(report_unit, scope) == unit
                for seat in seats
            ]
            start = 0
            for manager_seat, size in zip(
                manager_seats, split_evenly(len(report_seats), len(manager_seats)), strict=True
            ):
                block = report_seats[start : start + size]
                start += size
                children[manager_seat] = block
                for seat in block:
                    parent[seat] = manager_seat

    unit_of = {seat: unit for r in order for unit, seats in ids[r].items() for seat in seats}
    role_of = {seat: r for r in order for seats in ids[r].values() for seat in seats}
    roots = [
        seat for r in order for seats in ids[r].values() for seat in seats if seat not in parent
    ]
    out: list[Seat] = []
    stack = list(reversed(roots))
    while stack:
        seat = stack.pop()
        role_id = role_of[seat]
        out.append(Seat(seat, role_id, unit_of[seat], parent.get(seat), covers.get(role_id, ())))
        stack.extend(reversed(children.get(seat, [])))
    return out


def ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def sum_related(counts: dict[Unit, int], unit: Unit) -> int:
    return sum(n for u, n in counts.items() if related(u, unit))


def direct_reports(
    manager: str,
    unit: Unit,
    reports: Iterable[str],
    roles: dict[str, Role],
    counts: dict[str, dict[Unit, int]],
    units: Units,
) -> int:
    scope = roles[manager].scope
    return sum(
        n
        for r in reports
        for report_unit, n in counts[r].items()
        if units.container(report_unit, scope) == unit
    )
