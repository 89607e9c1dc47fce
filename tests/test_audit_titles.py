"""Titles as people write them: 267 real-world titles read as catalog roles, with the segment
and region they name and whether csorg asks about them; normalisation steps; title maps."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from csorg.audit.titles.custom import load_title_map
from csorg.audit.titles.normalise import parse
from csorg.audit.titles.places import region_of, region_of_location
from csorg.audit.titles.reader import TitleReader
from csorg.catalog.schema import Catalog
from csorg.errors import CsorgError

TITLES = Path(__file__).parent / "data" / "titles.csv"
ROWS = list(csv.DictReader(TITLES.open(encoding="utf-8")))


def test_the_table_is_big_enough() -> None:
    assert len(ROWS) >= 100
    assert sum(1 for r in ROWS if r["risky"] == "yes") >= 40


@pytest.fixture(scope="module")
def reader(catalog: Catalog) -> TitleReader:
    return TitleReader(catalog)


@pytest.mark.parametrize("row", ROWS, ids=[r["title"] for r in ROWS])
def test_real_world_title(reader: TitleReader, row: dict[str, str]) -> None:
    reading = reader.read(row["title"])
    assert reading.role == (row["expected_role"] or None), reading.rule
    assert reading.segment == (row["expected_segment"] or None), reading.steps
    assert reading.region == (row["expected_region"] or None), reading.steps
    if reading.role is not None:
        assert (reading.ask is not None) == (row["risky"] == "yes"), reading.rule
        assert 0 < reading.confidence <= 1 and reading.rule


@pytest.mark.parametrize(
    ("title", "method", "steps"),
    [
        ("Sr. CSM II - Mid Market (EMEA)", "normalised", ["seniority 'sr'", "grade 'ii'"]),
        ("TBH - Support Engineer II", "normalised", ["dropped the open-seat marker"]),
        ("Customer Success Manager (m/w/d)", "title", ["dropped the gender marker"]),
        ("Customer Success Manager (Part-Time)", "title", ["dropped the employment in the title"]),
        ("Cust. Success Mgr.", "title", []),
        ("Custmer Success Manger", "close-spelling", []),
        ("Account Manager", "close-title", []),
    ],
)
def test_each_reading_says_how_it_was_made(
    reader: TitleReader, title: str, method: str, steps: list[str]
) -> None:
    reading = reader.read(title)
    assert reading.method == method
    for step in steps:
        assert any(s.startswith(step) for s in reading.steps), reading.steps


def test_confidence_falls_with_each_guess(reader: TitleReader) -> None:
    exact = reader.read("Customer Success Manager")
    qualified = reader.read("Senior Customer Success Manager - EMEA")
    leader = reader.read("Support Team Lead")
    close = reader.read("Account Manager")
    assert exact.confidence > qualified.confidence > leader.confidence > close.confidence
    assert (exact.ask, qualified.ask) == (None, None)
    assert leader.ask and close.ask


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Head of Onboarding", "onboarding-manager"),
        ("Director, Customer Success", "cs-director"),
        ("Team Lead, Customer Success", "cs-team-lead"),
        ("Manager, Customer Support", "support-manager"),
        ("VP, Support", "support-director"),
        ("Customer Success Manager, Team Lead", "cs-team-lead"),
    ],
)
def test_head_of_x_and_x_lead_lead_x(reader: TitleReader, title: str, role: str) -> None:
    assert reader.read(title).role == role


def test_a_title_taken_apart() -> None:
    parsed = parse("Regional Director, Customer Success - North America")
    assert parsed.head == "director"
    assert parsed.topic == "customer success"
    assert parsed.region == "NA"
    assert parsed.seniority == ["regional"]


@pytest.mark.parametrize(
    ("place", "region"),
    [
        ("Austin, TX", "NA"),
        ("Berlin, DE", "EMEA"),  # DE is also Delaware: the city decides
        ("Wilmington, DE", None),  # an unknown city and a code of two regions: unknown
        ("Remote - US", "NA"),
        ("Lisbon - Portugal", "EMEA"),
        ("Singapore, SG", "APAC"),
        ("Manila, PH", "APAC"),
        ("Toronto, ON", "NA"),
        ("São Paulo", "LATAM"),
        ("Mars", None),
    ],
)
def test_locations(place: str, region: str | None) -> None:
    assert region_of_location(place) == region


def test_region_words() -> None:
    assert [region_of(w) for w in ("DACH", "UK&I", "ANZ", "Americas", "French")] == [
        "EMEA",
        "EMEA",
        "APAC",
        "NA",
        None,
    ]


# -- a team's own title map -----------------------------------------------------------------


def test_title_map_wins(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(
        "titles:\n  Customer Happiness Hero: support-rep\n  Account Manager: null\n",
        encoding="utf-8",
    )
    title_map = load_title_map(path, catalog)
    reader = TitleReader(catalog, title_map)
    hero = reader.read("customer happiness hero")  # titles compare as the catalog's do
    assert (hero.role, hero.method, hero.ask) == ("support-rep", "map", None)
    assert hero.rule == f"your title map ({path}:2)"
    assert reader.read("Account Manager").role is None


BAD_MAPS = [
    ("titles: [a, b]\n", ["a mapping with one `titles:` mapping"]),
    ("people: {}\n", ["a mapping with one `titles:` mapping"]),
    (
        "titles:\n  CSM Lead: cs-teamlead\n  Ops: 3\n  Sr CSM: csm\n  sr. csm: csm\n",
        [
            "3 problems in the title map",
            "map.yaml:2: CSM Lead: unknown role 'cs-teamlead' (did you mean 'cs-team-lead'",
            "map.yaml:3: Ops: must be a role id or null, not int",
            "map.yaml:5: sr. csm: the same title as line 4",
        ],
    ),
    ("titles:\n  A: csm\n  A: csm\n", ["map.yaml:3", "duplicate key"]),
]


@pytest.mark.parametrize(("text", "expected"), BAD_MAPS)
def test_bad_title_map(
    run: Callable[..., Any], tmp_path: Path, text: str, expected: list[str]
) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(text, encoding="utf-8")
    org = Path(__file__).parent / "fixtures" / "healthy-org.yaml"
    result = run("audit", str(org), "--stage", "scaling", "--touch", "high", "--titles", str(path))
    assert result.exit_code == 1 and result.stdout == ""
    for part in expected:
        assert part.replace("map.yaml", str(path)) in result.stderr, result.stderr


def test_bad_title_map_directly(catalog: Catalog, tmp_path: Path) -> None:
    with pytest.raises(CsorgError, match="file not found"):
        load_title_map(tmp_path / "missing.yaml", catalog)
