"""What the rules measure, counted once: seats by role (filled, open, contractors, FTE),
layers below the top, direct reports. All linear in the number of people."""

from __future__ import annotations

from dataclasses import dataclass, field

from csorg.audit.orgfile import OrgChart, Person
from csorg.audit.reading import PersonReading
from csorg.catalog.schema import ROOT_ROLE, Catalog


@dataclass
class Tally:
    """Seats of one role. Open seats are planned, not filled; contractors fill seats but are
    counted apart from staff; FTE weighs part-timers."""

    employees: int = 0
    fte: float = 0.0  # employees' full-time equivalents
    contractors: int = 0
    contractor_fte: float = 0.0
    open: int = 0
    people: list[str] = field(default_factory=list)  # ids, in chart order

    @property
    def filled(self) -> int:
        return self.employees + self.contractors

    @property
    def seats(self) -> int:
        return self.filled + self.open

    def add(self, person: Person) -> None:
        self.people.append(person.id)
        if person.vacant:
            self.open += person.count
        elif person.employment == "contractor":
            self.contractors += person.count
            self.contractor_fte += person.fte * person.count
        else:
            self.employees += person.count
            self.fte += person.fte * person.count

    def as_json(self) -> dict[str, float | int]:
        return {
            "seats": self.seats,
            "filled": self.filled,
            "employees": self.employees,
            "fte": round(self.fte, 2),
            "contractors": self.contractors,
            "open": self.open,
        }


@dataclass
class Facts:
    order: list[str]  # people depth first from the top
    position: dict[str, int]  # id -> place in ``order``
    depth: dict[str, int]  # layers below the CEO (an implied CEO above a chart without one)
    team: dict[str, int]  # id -> direct-report seats
    tallies: dict[str, Tally]  # role -> its seats, in catalog order
    total: Tally  # every seat but the CEO's


def gather(catalog: Catalog, chart: OrgChart, readings: dict[str, PersonReading]) -> Facts:
    order = chart.order()
    position = {pid: i for i, pid in enumerate(order)}
    offset = 0 if readings[chart.root].role == ROOT_ROLE else 1
    depth = {pid: d + offset for pid, d in chart.depths().items()}
    team: dict[str, int] = {}
    for manager, reports in chart.reports.items():
        team[manager] = sum(chart.by_id[r].count for r in reports)
    by_role: dict[str, Tally] = {}
    total = Tally()
    for person_id in order:
        person = chart.by_id[person_id]
        role = readings[person_id].role
        if person_id == chart.root and role == ROOT_ROLE:
            continue
        total.add(person)
        if role is not None:
            by_role.setdefault(role, Tally()).add(person)
    tallies = {r: by_role[r] for r in catalog.roles if r in by_role}
    return Facts(order, position, depth, team, tallies, total)
