"""Which sales region a place names: NA, LATAM, EMEA or APAC.

The names are data (``csorg/audit/data/places.csv`` and ``codes.csv``): regions and
sub-regions (DACH, UK&I, Nordics, ANZ), countries, US states, Canadian provinces and business
cities. A location such as "Austin, TX", "Berlin, DE", "Lisbon - Portugal" or "Remote - US"
is read part by part: a known name decides; a two-letter code decides when it names one
region only (DE is Delaware or Germany, so "Berlin, DE" is decided by Berlin).
"""

from __future__ import annotations

import csv
import functools
import re
from importlib import resources

from csorg.catalog.lookup import normal_title

REGIONS = ("NA", "LATAM", "EMEA", "APAC")
_PARTS = re.compile(r",|;|\s[-–—/|]\s|\(|\)")


@functools.cache
def _names() -> dict[str, str]:
    return {row["name"]: row["region"] for row in _rows("places.csv")}


@functools.cache
def _codes() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for row in _rows("codes.csv"):
        out.setdefault(row["code"], set()).add(row["region"])
    return {code: frozenset(regions) for code, regions in out.items()}


def _rows(name: str) -> list[dict[str, str]]:
    text = (
        resources.files("csorg.audit").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    )
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines))


def region_of(text: str) -> str | None:
    """The region a name such as "EMEA", "DACH", "Japan" or "Denver" stands for."""
    return _names().get(normal_title(text))


def region_of_location(text: str) -> str | None:
    """The region of a location written the ways HR systems write it."""
    parts = [normal_title(p) for p in _PARTS.split(text)]
    parts = [p for p in parts if p and p != "remote"]
    names = _names()
    for part in parts:
        if part in names:
            return names[part]
    for part in reversed(parts):
        regions = _codes().get(part)
        if regions is not None and len(regions) == 1:
            return next(iter(regions))
    return None


def canonical_region(name: str) -> str:
    """A region name as given (``--regions emea``, a region column) in csorg's vocabulary
    when it is one of its names, else as written."""
    return region_of(name) or name.strip()
