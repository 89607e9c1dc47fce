"""The quarter-by-quarter hiring plan: each quarter's org for the forecast, the hires (with
the month to open each requisition), promotions and moves that get the team there, and the
headcount and cost of the team each quarter.

Each quarter's org is an ordinary recommendation for the company at that quarter's end, so the
rules that make a recommendation sound hold in every quarter: a manager comes only with a team
of its minimum span, ratio roles from their thresholds. The team is then carried from one
quarter to the next by :func:`csorg.plan.people.change`: nobody is removed while the company
grows, and a new manager is promoted from the team where it can be.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from csorg.catalog.schema import ROOT_ROLE, Catalog
from csorg.engine.cost import cost_of
from csorg.engine.inputs import Inputs, money
from csorg.engine.recommend import recommend
from csorg.engine.result import Recommendation, RoleEntry
from csorg.plan.forecast import Quarter
from csorg.plan.people import Key, Move, change, from_recommendation
from csorg.plan.timing import month_label, timing
from csorg.text import plural


@dataclass(frozen=True)
class Hire:
    quarter: str
    role: str
    title: str
    region: str | None
    count: int
    requisition: str  # when to open it
    start: str  # first day
    needed: str  # when the seat must carry a full load
    late: bool  # the requisition should already be open
    backfills: int  # how many of them replace someone promoted
    why: str

    def as_json(self) -> dict[str, Any]:
        return {
            "quarter": self.quarter,
            "role": self.role,
            "title": self.title,
            "region": self.region,
            "count": self.count,
            "open_requisition": self.requisition,
            "start": self.start,
            "needed_by": self.needed,
            "late": self.late,
            "backfills": self.backfills,
            "why": self.why,
        }


@dataclass(frozen=True)
class Promotion:
    quarter: str
    role: str  # the role they leave
    to: str  # the role they take
    region: str | None
    count: int
    promotion: bool  # to a more senior role (else a move at the same level)
    text: str

    def as_json(self) -> dict[str, Any]:
        return {
            "quarter": self.quarter,
            "from": self.role,
            "to": self.to,
            "region": self.region,
            "count": self.count,
            "promotion": self.promotion,
            "text": self.text,
        }


@dataclass(frozen=True)
class QuarterPlan:
    quarter: Quarter
    recommendation: Recommendation  # the org the quarter calls for
    team: dict[Key, int]  # the team at the quarter's end
    hires: tuple[Hire, ...]
    moves: tuple[Promotion, ...]
    surplus: dict[Key, int]  # people the org no longer needs, kept
    annual_cost: float | None  # of the team at the quarter's end, mid band

    @property
    def headcount(self) -> int:
        return sum(self.team.values())

    def as_json(self) -> dict[str, Any]:
        q = self.quarter
        return {
            "quarter": q.label,
            "customers": q.customers,
            "arr": None if q.arr is None else round(q.arr),
            "stage": q.stage,
            "model": self.recommendation.model_id,
            "recommended_seats": self.recommendation.total_seats,
            "headcount": self.headcount,
            "hires": sum(h.count for h in self.hires),
            "promotions": sum(m.count for m in self.moves if m.promotion),
            "cost": None if self.annual_cost is None else round(self.annual_cost / 4),
            "team": [
                {"role": role, "region": region, "count": n}
                for (role, region), n in sorted(self.team.items(), key=_key_order)
            ],
            "surplus": [
                {"role": role, "region": region, "count": n}
                for (role, region), n in sorted(self.surplus.items(), key=_key_order)
            ],
        }


def _key_order(item: tuple[Key, int]) -> tuple[str, str]:
    (role, region), _ = item
    return role, region or ""


@dataclass(frozen=True)
class HiringPlan:
    """The answer to "whom do I hire, and when, as we grow?"."""

    start: Inputs
    start_label: str  # how the team it starts from was given
    start_team: dict[Key, int]
    first: date | None  # the first day of the first quarter, when given
    quarters: tuple[QuarterPlan, ...]
    currency: str
    symbol: str
    notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def hires(self) -> tuple[Hire, ...]:
        return tuple(h for q in self.quarters for h in q.hires)

    @property
    def moves(self) -> tuple[Promotion, ...]:
        return tuple(m for q in self.quarters for m in q.moves)

    def total_cost(self) -> float | None:
        costs = [q.annual_cost for q in self.quarters]
        if any(c is None for c in costs):
            return None
        return sum(c / 4 for c in costs if c is not None)

    def as_json(self) -> dict[str, Any]:
        total = self.total_cost()
        return {
            "version": 1,
            "start": {
                "from": self.start_label,
                "inputs": self.start.as_json(),
                "headcount": sum(self.start_team.values()),
                "team": [
                    {"role": role, "region": region, "count": n}
                    for (role, region), n in sorted(self.start_team.items(), key=_key_order)
                ],
            },
            "first_quarter_starts": self.first.isoformat() if self.first else None,
            "currency": self.currency,
            "quarters": [q.as_json() for q in self.quarters],
            "hires": [h.as_json() for h in self.hires],
            "moves": [m.as_json() for m in self.moves],
            "totals": {
                "hires": sum(h.count for h in self.hires),
                "promotions": sum(m.count for m in self.moves if m.promotion),
                "headcount": self.quarters[-1].headcount if self.quarters else 0,
                "cost": None if total is None else round(total),
            },
            "notes": list(self.notes),
            "warnings": list(self.warnings),
        }


def plan_quarters(
    catalog: Catalog,
    start: Inputs,
    start_label: str,
    team: Counter[Key],
    quarters: list[Quarter],
    first: date | None,
) -> HiringPlan:
    start_team = dict(team)
    plans: list[QuarterPlan] = []
    notes: list[str] = []
    warnings: list[str] = []
    previous: Quarter | None = None
    for quarter in quarters:
        rec = recommend(catalog, quarter.request)
        want = from_recommendation(rec)
        step = change(catalog, team, want)
        need_month = 3 * quarter.index
        hires = tuple(
            _hire(catalog, quarter, key, count, need_month, first, step.moves)
            for key, count in sorted(step.hires.items(), key=lambda kv: _rank(catalog, kv[0]))
        )
        moves = tuple(_promotion(catalog, quarter, move) for move in step.moves)
        team = Counter(step.team)
        plans.append(
            QuarterPlan(
                quarter,
                rec,
                dict(team),
                hires,
                moves,
                dict(step.surplus),
                _cost(catalog, rec, team),
            )
        )
        if previous is not None and quarter.stage != previous.stage:
            notes.append(
                f"{quarter.label}: the company reaches the {catalog.stages[quarter.stage].name} "
                f"stage (ARR {money(quarter.arr or 0, rec.inputs.symbol)}): the {rec.model_name} "
                "structure from here"
            )
        if step.surplus:
            shrinking = _shrinks(previous or start, quarter)  # Q1 against today
            people = ", ".join(
                plural(n, catalog.title(role)) + (f" ({region})" if region else "")
                for (role, region), n in sorted(step.surplus.items(), key=_key_order)
            )
            if shrinking:
                warnings.append(
                    f"{quarter.label}: the company shrinks; the org needs fewer people than the "
                    f"team has ({people}). csorg removes no one: leave departures unfilled or "
                    "move people to growing work"
                )
            else:
                notes.append(
                    f"{quarter.label}: kept ahead of need: {people}; the growth to come takes "
                    "them up (nobody is removed while the company grows)"
                )
        previous = quarter
    currency = start.currency
    symbol = start.symbol
    late = sum(h.count for p in plans for h in p.hires if h.late)
    if late:
        warnings.append(
            f"{late} of the hires should already be under way to be at full speed when needed: "
            "open those requisitions now"
        )
    if plans:  # what a reviewer of the org it grows into would flag (the largest book)
        last = plans[-1]
        warnings.extend(f"{last.quarter.label} org: {w}" for w in last.recommendation.warnings)
    return HiringPlan(
        start,
        start_label,
        start_team,
        first,
        tuple(plans),
        currency,
        symbol,
        tuple(notes),
        tuple(warnings),
    )


def _rank(catalog: Catalog, key: Key) -> tuple[int, int, str]:
    role = catalog.roles[key[0]]
    # individual contributors first, then their managers: teams before the people who lead them
    return (-role.level, catalog.role_order()[key[0]], key[1] or "")


def _hire(
    catalog: Catalog,
    quarter: Quarter,
    key: Key,
    count: int,
    need: int,
    first: date | None,
    moves: tuple[Move, ...],
) -> Hire:
    role = catalog.roles[key[0]]
    when = timing(catalog, role, need)
    backfills = min(
        count,
        sum(m.count for m in moves if m.backfill and m.role == key[0] and m.region == key[1]),
    )
    why = (
        f"the {quarter.label} org has more {role.title} seats"
        + (f" in {key[1]}" if key[1] else "")
        + f"; {when.days_to_fill} days to hire"
        + (f" and {when.months_to_ramp} months to a full load" if when.months_to_ramp else "")
    )
    return Hire(
        quarter.label,
        key[0],
        role.title,
        key[1],
        count,
        month_label(when.requisition, first),
        month_label(when.start, first),
        month_label(when.full, first),
        when.requisition < 0,
        backfills,
        why,
    )


def _promotion(catalog: Catalog, quarter: Quarter, move: Move) -> Promotion:
    old, new = catalog.title(move.role), catalog.title(move.to)
    many = move.count > 1
    people = f"{move.count} {old}s" if many else f"a {old}"
    where = f" ({move.region})" if move.region else ""
    if move.role == move.to:
        takes = "take" if many else "takes"
        text = f"{people}{where} {takes} on another region's accounts"
    elif move.promotion:
        text = f"{people}{where} become {new}s" if many else f"{people}{where} becomes the {new}"
        if move.backfill:
            text += "; their seats are hired again" if many else f"; the {old} seat is hired again"
    else:
        moves = "move" if many else "moves"
        text = f"{people}{where} {moves} to {new}, a role at the same level the org now needs"
    return Promotion(
        quarter.label, move.role, move.to, move.region, move.count, move.promotion, text
    )


def _cost(catalog: Catalog, rec: Recommendation, team: Counter[Key]) -> float | None:
    """The team's yearly cost (mid band), costed as csorg costs a recommendation."""
    if not catalog.bands:
        return None
    by_role: dict[str, list[tuple[str | None, int]]] = {}
    for (role_id, region), n in team.items():
        by_role.setdefault(role_id, []).append((region, n))
    entries = [rec.roles[0]] if rec.roles and rec.roles[0].id == ROOT_ROLE else []
    for role_id, places in by_role.items():
        role = catalog.roles[role_id]
        entries.append(
            RoleEntry(
                role_id,
                role.title,
                sum(n for _, n in places),
                ROOT_ROLE,
                False,
                role.area,
                role.level,
                (),
                pods=tuple((region, None, n) for region, n in places),
            )
        )
    cost = cost_of(catalog, replace(rec, roles=tuple(entries), seats=None))
    return cost.total.mid


def _shrinks(before: Quarter | Inputs, after: Quarter) -> bool:
    return (after.customers or 0) < (before.customers or 0) or (after.arr or 0) < (before.arr or 0)
