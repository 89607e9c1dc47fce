"""What an org chart is once read: people (or seats) and who they report to."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

Employment = Literal["employee", "contractor"]

_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key that puts ``csm-2`` before ``csm-10`` and ignores case; ties keep the text."""
    parts = [
        (0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
        for part in _DIGITS.split(text)
        if part
    ]
    return (*parts, (2, 0, text))


@dataclass(frozen=True, slots=True)
class Person:
    """One row of an org chart: a person, an open seat, or ``count`` seats alike (a per-role
    CSV row). Text is as written in the file, trimmed; ``None`` where the file says nothing."""

    id: str
    title: str
    reports_to: str | None
    line: int
    name: str | None = None
    role: str | None = None  # a `role` column as written (a catalog role id, if valid)
    count: int = 1
    region: str | None = None  # a region column as written
    segment: str | None = None  # a segment column as written
    vacant: bool = False  # an open seat: planned, not filled
    employment: Employment = "employee"
    fte: float = 1.0  # full-time equivalent of one of the ``count`` seats
    fte_assumed: bool = False  # part-time without an FTE figure: 0.5 is assumed
    dotted: tuple[str, ...] = ()  # ids of dotted-line managers
    location: str | None = None  # office, site, city or country as written
    department: str | None = None
    job_profile: str | None = None  # a second, standard title (Workday's job profile)
    req: str | None = None  # a requisition id
    accounts: float | None = None  # the person's book: number of accounts
    arr: float | None = None  # the person's book: annual recurring revenue


@dataclass
class OrgChart:
    """A checked chart: exactly one root, every manager known, no cycles.

    ``reports`` lists each manager's reports in a fixed order (by id, digits as numbers), so
    the same people in any row order give the same chart. ``columns`` says which column of
    the file gave each field; ``notes`` say what was assumed while reading.
    """

    file: str
    people: list[Person]  # in file order
    by_id: dict[str, Person] = field(default_factory=dict)
    reports: dict[str, list[str]] = field(default_factory=dict)  # manager id -> report ids
    root: str = ""
    columns: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    _order: list[str] | None = field(default=None, repr=False, compare=False)

    def order(self) -> list[str]:
        """Ids depth first from the root (managers before their reports); computed once."""
        if self._order is None:
            out: list[str] = []
            stack = [self.root]
            while stack:
                person = stack.pop()
                out.append(person)
                stack.extend(reversed(self.reports.get(person, ())))
            self._order = out
        return self._order

    def depths(self) -> dict[str, int]:
        """Layers below the top: 0 for the root, 1 for its reports, ..."""
        depth = {self.root: 0}
        for person in self.order():
            for report in self.reports.get(person, ()):
                depth[report] = depth[person] + 1
        return depth
