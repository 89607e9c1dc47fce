"""The team a plan starts from when it starts from a real org chart: its people read as
`csorg audit` reads them, counted by role and region."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from csorg.audit.orgfile import read_org
from csorg.audit.reading import read_people
from csorg.audit.titles.reader import TitleReader
from csorg.catalog.schema import ROOT_ROLE, Catalog
from csorg.plan.people import Key


def from_org_chart(catalog: Catalog, path: Path, columns: str | None = None) -> Counter[Key]:
    """The filled seats of a real org chart, read as `csorg audit` reads it: people in
    Customer Success whose titles read as catalog roles (open seats and people outside CS
    left out)."""
    chart = read_org(path, columns=columns)
    readings = read_people(catalog, chart, TitleReader(catalog, None))
    team: Counter[Key] = Counter()
    for person in chart.people:
        reading = readings[person.id]
        if person.vacant or reading.role is None or reading.role == ROOT_ROLE or not reading.in_cs:
            continue
        team[(reading.role, reading.region)] += person.count
    return team
