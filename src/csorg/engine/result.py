"""The result of a recommendation, and its JSON form (the contract other tools read)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from csorg.engine.inputs import Inputs


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
        return data


@dataclass(frozen=True)
class Budget:
    headcount: int
    needed: int
    seats: int
    spare: int
    combined: tuple[tuple[str, str], ...]  # (role, the role that covers it)
    next: tuple[tuple[str, str], ...]  # (role, why) for spare seats

    def as_json(self) -> dict[str, Any]:
        return {
            "headcount": self.headcount,
            "needed": self.needed,
            "seats": self.seats,
            "spare": self.spare,
            "combined": [{"role": r, "into": h} for r, h in self.combined],
            "next": [{"role": r, "why": w} for r, w in self.next],
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

    @property
    def total_seats(self) -> int:
        return sum(r.count for r in self.roles if r.reports_to is not None)

    def role(self, role_id: str) -> RoleEntry | None:
        return next((r for r in self.roles if r.id == role_id), None)

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "model": {"id": self.model_id, "name": self.model_name},
            "inputs": self.inputs.as_json(),
            "roles": [r.as_json() for r in self.roles],
            "warnings": list(self.warnings),
            "notes": list(self.notes),
            "total_seats": self.total_seats,
        }
        if self.budget is not None:
            data["budget"] = self.budget.as_json()
        if self.seats is not None:
            data["seats"] = [s.as_json() for s in self.seats]
        return data
