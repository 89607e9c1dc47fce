"""The result of a recommendation, and its JSON form (the contract other tools read)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from csorg.engine.inputs import Inputs
from csorg.text import one_line, plural


@dataclass(frozen=True)
class RoleEntry:
    id: str
    title: str
    count: int
    reports_to: str | None
    optional: bool
    area: str
    level: int
    rationale: tuple[str, ...]
    covers: tuple[str, ...] = ()
    pods: tuple[tuple[str | None, str | None, int], ...] | None = None
    dotted_to: tuple[str, ...] = ()  # dotted-line managers (role ids)

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "count": self.count,
            "reports_to": self.reports_to,
            "optional": self.optional,
            "area": self.area,
            "level": self.level,
            "rationale": list(self.rationale),
            "covers": list(self.covers),
            "dotted_to": list(self.dotted_to),
        }
        if self.pods is not None:
            data["pods"] = [
                {"region": region, "segment": segment, "count": n}
                for region, segment, n in self.pods
            ]
        return data


@dataclass(frozen=True)
class SeatEntry:
    id: str
    role: str
    title: str
    reports_to: str | None
    region: str | None = None
    segment: str | None = None
    covers: tuple[str, ...] = ()
    dotted_to: tuple[str, ...] = ()  # dotted-line managers (seat ids)
    serves: tuple[tuple[str | None, str | None], ...] = ()  # (region, segment) it serves

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "role": self.role,
            "title": self.title,
            "reports_to": self.reports_to,
        }
        if self.region is not None:
            data["region"] = self.region
        if self.segment is not None:
            data["segment"] = self.segment
        if self.covers:
            data["covers"] = list(self.covers)
        if self.dotted_to:
            data["dotted_to"] = list(self.dotted_to)
        if len(self.serves) > 1:
            data["serves"] = [{"region": r, "segment": s} for r, s in self.serves]
        return data


@dataclass(frozen=True)
class Metric:
    """A number an org-design reviewer checks, with the range it is checked against."""

    id: str
    label: str
    value: float | None
    low: float | None = None
    high: float | None = None
    source: str | None = None  # where the range comes from

    @property
    def status(self) -> str | None:
        if self.value is None or (self.low is None and self.high is None):
            return None
        if self.low is not None and self.value < self.low - 1e-9:
            return "below"
        if self.high is not None and self.value > self.high + 1e-9:
            return "above"
        return "within"

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"label": self.label, "value": self.value}
        if self.low is not None or self.high is not None:
            data["benchmark"] = {"low": self.low, "high": self.high, "source": self.source}
            data["status"] = self.status
        return data


@dataclass(frozen=True)
class Coverage:
    """The book a coverage role carries, and the load one seat is sized for."""

    role: str
    accounts: float
    arr: float | None
    work: float  # seats of work the book calls for (fractional)
    seats: int
    carried: float = 0.0  # seats of that work the head of CS carries as a player-coach
    carried_by: str | None = None  # the head of CS role that carries them

    @property
    def accounts_per_seat(self) -> float:
        """The load one seat is sized for: the book over the seats of work."""
        return self.accounts / self.work if self.work else 0.0

    def as_json(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "accounts": round(self.accounts, 2),
            "arr": round(self.arr, 2) if self.arr is not None else None,
            "work": round(self.work, 3),
            "seats": self.seats,
            "accounts_per_seat": round(self.accounts_per_seat, 2),
            **(
                {"carried_by": self.carried_by, "carried": round(self.carried, 3)}
                if self.carried_by
                else {}
            ),
        }


@dataclass(frozen=True)
class NextHire:
    """A role of the structure the team is still too small for."""

    role: str
    title: str
    trigger: str  # what creates the seat
    until: str  # who does the work meanwhile

    def as_json(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "title": self.title,
            "trigger": self.trigger,
            "until": self.until,
        }


@dataclass(frozen=True)
class Budget:
    headcount: int | None  # the seats budget, if one was given
    needed: int  # seats the org needs
    seats: int
    spare: int
    combined: tuple[tuple[str, str], ...]  # (role, the role that covers it)
    next: tuple[tuple[str, str], ...]  # (role, why) for spare seats
    money: float | None = None  # the money budget a year, if one was given
    money_needed: float | None = None  # what the org it needs costs (mid band)
    money_used: float | None = None  # what the org within the budget costs (mid band)
    currency: str | None = None

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "headcount": self.headcount,
            "needed": self.needed,
            "seats": self.seats,
            "spare": self.spare,
            "combined": [{"role": r, "into": h} for r, h in self.combined],
            "next": [{"role": r, "why": w} for r, w in self.next],
        }
        if self.money is not None:
            data["money"] = {
                "budget": round(self.money),
                "needed": None if self.money_needed is None else round(self.money_needed),
                "cost": None if self.money_used is None else round(self.money_used),
                "currency": self.currency,
            }
        return data


@dataclass(frozen=True)
class Band:
    """An amount as a low, typical (mid) and high estimate."""

    low: float
    mid: float
    high: float

    def __add__(self, other: Band) -> Band:
        return Band(self.low + other.low, self.mid + other.mid, self.high + other.high)

    def times(self, factor: float) -> Band:
        return Band(self.low * factor, self.mid * factor, self.high * factor)

    def as_json(self) -> dict[str, int]:
        return {"low": round(self.low), "mid": round(self.mid), "high": round(self.high)}


ZERO = Band(0.0, 0.0, 0.0)


@dataclass(frozen=True)
class RoleCost:
    role: str
    title: str
    seats: int
    each: Band  # one seat at the reference pay level
    total: Band  # every seat, at the pay level of its region
    source: str | None  # where the mid figure comes from (a source id)
    heuristic: bool

    def as_json(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "title": self.title,
            "seats": self.seats,
            "each": self.each.as_json(),
            "total": self.total.as_json(),
            "source": self.source,
            "heuristic": self.heuristic,
        }


@dataclass(frozen=True)
class RegionCost:
    region: str | None  # None: the reference pay level, when no region was given
    seats: int
    multiplier: float
    known: bool  # whether the catalog gives the region's pay level
    total: Band

    def as_json(self) -> dict[str, Any]:
        return {
            "region": self.region,
            "seats": self.seats,
            "multiplier": self.multiplier,
            "known": self.known,
            "total": self.total.as_json(),
        }


@dataclass(frozen=True)
class BenchmarkCheck:
    id: str
    name: str
    covers: str
    share: float
    applies: bool  # the benchmark is for the company's stage
    source: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "covers": self.covers,
            "share": self.share,
            "applies": self.applies,
            "source": self.source,
        }


@dataclass(frozen=True)
class ArrShare:
    arr: float
    share: Band  # the team's cost over ARR, as fractions
    benchmarks: tuple[BenchmarkCheck, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "arr": self.arr,
            "share": {
                "low": round(self.share.low, 4),
                "mid": round(self.share.mid, 4),
                "high": round(self.share.high, 4),
            },
            "benchmarks": [b.as_json() for b in self.benchmarks],
        }


@dataclass(frozen=True)
class Cost:
    """What the recommended team costs a year, fully loaded, in one currency."""

    currency: str
    symbol: str
    as_of: str | None  # the date of the exchange rate used, when amounts were converted
    seats: int  # the seats in the total
    roles: tuple[RoleCost, ...]
    regions: tuple[RegionCost, ...]
    total: Band
    arr_share: ArrShare | None = None
    missing: tuple[str, ...] = ()  # roles with seats but no cost band
    notes: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "currency": self.currency,
            "as_of": self.as_of,
            "seats": self.seats,
            "roles": [r.as_json() for r in self.roles],
            "regions": [r.as_json() for r in self.regions],
            "total": self.total.as_json(),
            "share_of_arr": self.arr_share.as_json() if self.arr_share else None,
            "missing": list(self.missing),
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class Recommendation:
    model_id: str
    model_name: str
    inputs: Inputs
    roles: tuple[RoleEntry, ...]
    warnings: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    budget: Budget | None = None
    seats: tuple[SeatEntry, ...] | None = None
    sized: bool = False
    metrics: tuple[Metric, ...] = ()
    next_hires: tuple[NextHire, ...] = ()
    coverage: tuple[Coverage, ...] = ()
    cost: Cost | None = None

    @property
    def total_seats(self) -> int:
        return sum(r.count for r in self.roles if r.reports_to is not None)

    def role(self, role_id: str) -> RoleEntry | None:
        return next((r for r in self.roles if r.id == role_id), None)

    def headline(self) -> str:
        """``High-touch startup (startup, high touch, 40 accounts): 2 CS seats``, as every view
        titles the recommendation."""
        details = self.inputs.describe()
        if self.sized:
            size = plural(self.total_seats, "CS seat")
        else:
            size = f"the structure, {plural(len(self.roles) - 1, 'role')} (not sized)"
        return f"{one_line(self.model_name)} ({one_line(', '.join(details))}): {size}"

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "model": {"id": self.model_id, "name": self.model_name},
            "inputs": self.inputs.as_json(),
            "roles": [r.as_json() for r in self.roles],
            "warnings": list(self.warnings),
            "notes": list(self.notes),
            "total_seats": self.total_seats,
        }
        data["sized"] = self.sized
        if self.sized:
            data["metrics"] = {m.id: m.as_json() for m in self.metrics}
            data["coverage"] = [c.as_json() for c in self.coverage]
        data["next_hires"] = [n.as_json() for n in self.next_hires]
        if self.budget is not None:
            data["budget"] = self.budget.as_json()
        if self.seats is not None:
            data["seats"] = [s.as_json() for s in self.seats]
        if self.cost is not None:
            data["cost"] = self.cost.as_json()
        return data
