"""What every audit rule reads (:class:`Context`) and what it yields (:class:`Finding`)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Literal

from csorg.audit.facts import Facts
from csorg.audit.orgfile import OrgChart, Person
from csorg.audit.reading import PersonReading
from csorg.catalog.lookup import normal_title
from csorg.catalog.schema import Catalog
from csorg.engine.layers import LEADER_LEVEL
from csorg.engine.result import Recommendation, RoleEntry
from csorg.text import plural

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
Subject = Literal["person", "role", "title", "region", "segment", "org"]
# a limit exceeded by more than this factor is an error rather than a warning
ERROR_FACTOR = 1.5
NAMED = 3  # people named in one message; the rest are counted


@functools.lru_cache(maxsize=4096)
def _normal(title: str) -> str:
    return normal_title(title)


@dataclass(frozen=True)
class Finding:
    kind: str
    severity: Severity
    subject: str  # a person's id, a role id, a title, a region or segment, or "org"
    subject_type: Subject
    message: str
    role: str | None = None
    line: int | None = None  # the file line of the person (or the first person) concerned
    people: tuple[str, ...] = ()  # ids of the people it concerns

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "subject": self.subject,
            "subject_type": self.subject_type,
            "role": self.role,
            "line": self.line,
            "people": list(self.people),
            "message": self.message,
        }


@dataclass(frozen=True)
class Context:
    catalog: Catalog
    chart: OrgChart
    rec: Recommendation
    readings: dict[str, PersonReading]
    facts: Facts

    @property
    def recommended(self) -> dict[str, RoleEntry]:
        return {r.id: r for r in self.rec.roles}

    def player_coach(self, person: Person) -> bool:
        """A head of CS under the CEO, who may lead a small team while working with
        customers, as the engine allows (no minimum span)."""
        role_id = self.readings[person.id].role
        return (
            role_id is not None
            and person.reports_to is not None
            and person.reports_to == self.chart.root
            and self.catalog.roles[role_id].level <= LEADER_LEVEL
        )

    # findings -------------------------------------------------------------------------

    def about(
        self,
        kind: str,
        severity: Severity,
        person: Person,
        message: str,
        people: tuple[str, ...] = (),
    ) -> Finding:
        return Finding(
            kind,
            severity,
            person.id,
            "person",
            message,
            self.readings[person.id].role,
            person.line,
            people or (person.id,),
        )

    def about_role(
        self,
        kind: str,
        severity: Severity,
        role_id: str,
        message: str,
        people: tuple[str, ...] = (),
    ) -> Finding:
        line = self.chart.by_id[people[0]].line if people else None
        return Finding(kind, severity, role_id, "role", message, role_id, line, people)

    # words --------------------------------------------------------------------------------

    def title(self, role_id: str) -> str:
        return self.catalog.title(role_id)

    def seats(self, n: float, role_id: str) -> str:
        shown = f"{round(n, 2):g}"
        return f"{shown} {self.title(role_id)} seat{'' if n == 1 else 's'}"

    def who(self, person: Person) -> str:
        """Name or id, title, and the role read from it when the title is not the role's."""
        label = person.name or (f"open seat {person.id}" if person.vacant else person.id)
        extra = f" ×{person.count:,}" if person.count > 1 else ""
        role_id = self.readings[person.id].role
        if role_id is not None and _normal(person.title) != _normal(self.title(role_id)):
            return f"{label}{extra} ({person.title}, read as {self.title(role_id)})"
        return f"{label}{extra} ({person.title})"

    def name(self, person_id: str) -> str:
        person = self.chart.by_id[person_id]
        return person.name or (f"open seat {person.id}" if person.vacant else person.id)

    def names(self, ids: list[str] | tuple[str, ...]) -> str:
        """ "Ann, Bo and Cy", or "Ann, Bo, Cy and 4 others"."""
        shown = [self.name(i) for i in ids[:NAMED]]
        rest = len(ids) - len(shown)
        if rest > 0:
            return f"{', '.join(shown)} and {plural(rest, 'other')}"
        if len(shown) > 1:
            return f"{', '.join(shown[:-1])} and {shown[-1]}"
        return shown[0] if shown else ""
