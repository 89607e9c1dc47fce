"""Each person's role, read from their title and their place in the chart.

A title is read on its own first (:mod:`csorg.audit.titles`); the chart then settles what a
title cannot:

* a valid ``role`` column wins over the title;
* the top of the chart is the CEO when its title can mean that ("Founder", "Managing
  Director"); anyone else with such a title is not;
* someone read as an individual contributor who manages two or more people is read as the
  manager those people usually report to ("CS Manager - Mid Market" with eight CSMs is their
  Team Lead), and asked about;
* a reading worth asking about is applied only inside Customer Success: under a CS leader,
  above CS people, or in a CS department. An "Account Manager" under the Chief Revenue
  Officer is sales, and is left out of the checks (and asked about).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, replace

from csorg.audit.orgfile import OrgChart, Person
from csorg.audit.titles.places import canonical_region, region_of_location
from csorg.audit.titles.reader import Reading, TitleReader
from csorg.catalog.schema import ROOT_ROLE, Catalog

TEAM = 2  # direct reports that make someone a manager whatever their title says
_CS_DEPARTMENT = re.compile(
    r"customer|success|support|service|\bcx\b|client|experience|onboarding|implementation|"
    r"renewal|education|training|professional services",
    re.I,
)


@dataclass(slots=True)
class PersonReading:
    """The role a person is counted as (``role``), and how it was read."""

    role: str | None  # applied: the person is counted as this role
    title: Reading  # what the title alone says
    method: str  # role-column, map, title, normalised, close-title, close-spelling, reports, none
    confidence: float
    rule: str
    ask: str | None  # the question for the report, None when there is none
    in_cs: bool  # part of the Customer Success org
    region: str | None
    segment: str | None

    @property
    def suggested(self) -> str | None:
        """The role the title suggests, applied or not."""
        return self.role or self.title.role


def read_people(catalog: Catalog, chart: OrgChart, reader: TitleReader) -> dict[str, PersonReading]:
    firm: dict[str, PersonReading] = {}
    for person in chart.people:
        firm[person.id] = _first(catalog, chart, person, reader)
    order = chart.order()
    for person_id in reversed(order):  # reports before managers
        firm[person_id] = _by_reports(catalog, chart, chart.by_id[person_id], firm)
    cs_below = _cs_below(chart, order, firm)
    cs_above: dict[str, bool] = {}
    out: dict[str, PersonReading] = {}
    for person_id in order:
        person = chart.by_id[person_id]
        boss = person.reports_to
        above = boss is not None and (cs_above[boss] or _firm_cs(firm[boss]))
        cs_above[person_id] = above
        department = bool(person.department and _CS_DEPARTMENT.search(person.department))
        inside = above or cs_below[person_id] or department or _firm_cs(firm[person_id])
        out[person_id] = _settle(firm[person_id], inside)
    return out


def _first(catalog: Catalog, chart: OrgChart, person: Person, reader: TitleReader) -> PersonReading:
    title = reader.read(person.title)
    if title.role is None and person.job_profile:
        profile = reader.read(person.job_profile)
        if profile.role is not None:
            title = replace(profile, rule=f"job profile {person.job_profile!r}: {profile.rule}")
    region = _region(person, title)
    segment = person.segment or title.segment
    if person.role is not None and person.role in catalog.roles:
        return PersonReading(
            person.role, title, "role-column", 1.0, "role column", None, True, region, segment
        )
    role, ask, method = title.role, title.ask, title.method
    if role == ROOT_ROLE:
        if person.id == chart.root:
            ask = None  # the top of the chart is the CEO, whatever the title's doubts
        else:
            role, ask = None, "only the top of the chart is read as the CEO"
    return PersonReading(
        role, title, method, title.confidence, title.rule, ask, False, region, segment
    )


def _region(person: Person, title: Reading) -> str | None:
    if person.region:
        return canonical_region(person.region)
    return title.region or (_location(person.location) if person.location else None)


@functools.lru_cache(maxsize=4096)
def _location(text: str) -> str | None:
    return region_of_location(text)


def _by_reports(
    catalog: Catalog, chart: OrgChart, person: Person, firm: dict[str, PersonReading]
) -> PersonReading:
    """An individual contributor managing a team is read as that team's usual manager."""
    reading = firm[person.id]
    reports = chart.reports.get(person.id)
    role = catalog.roles.get(reading.role or "")
    if not reports or role is None or role.span is not None or reading.method == "role-column":
        return reading
    roles = Counter(r for rid in reports if (r := firm[rid].role) is not None)
    if sum(chart.by_id[rid].count for rid in reports if firm[rid].role) < TEAM or not roles:
        return reading
    usual = max(roles, key=lambda r: (roles[r], -list(catalog.roles).index(r)))
    boss = firm[person.reports_to].role if person.reports_to else None
    above = catalog.roles[boss].level if boss in catalog.roles else -1
    manager = next(
        (
            m
            for m in catalog.roles[usual].reports_to
            if catalog.roles[m].span is not None
            and above < catalog.roles[m].level < catalog.roles[usual].level
        ),
        None,
    )
    if manager is None:
        return reading
    people = sum(chart.by_id[rid].count for rid in reports)
    return replace(
        reading,
        role=manager,
        method="reports",
        confidence=0.7,
        rule=f"manages {people}: read as their usual manager, not as {role.title}",
        ask=f"the title reads as {role.title}, but {people} people report to them",
    )


def _firm_cs(reading: PersonReading) -> bool:
    return reading.role is not None and reading.role != ROOT_ROLE and reading.ask is None


def _cs_below(chart: OrgChart, order: list[str], firm: dict[str, PersonReading]) -> dict[str, bool]:
    below = dict.fromkeys(order, False)
    for person_id in reversed(order):
        boss = chart.by_id[person_id].reports_to
        if boss is not None and (below[person_id] or _firm_cs(firm[person_id])):
            below[boss] = True
    return below


def _settle(reading: PersonReading, inside: bool) -> PersonReading:
    """Apply a reading worth asking about only inside Customer Success."""
    if reading.role is not None and reading.ask is not None and not inside:
        reading.role = None
        reading.in_cs = False
    else:
        reading.in_cs = inside or _firm_cs(reading) or reading.method == "reports"
    return reading
