"""Write a synthetic org chart of a given size, for benchmarks.

    python benchmarks/generate_org.py --people 50000 --shape wide OUT.csv
    python benchmarks/generate_org.py --people 50000 --shape chain OUT.csv

``wide`` is an HR export as Workday writes one (position id, worker, business title, manager
by name, location, worker type, FTE, position status): a CEO, a VP of Customer Success,
directors, team leads of eleven, and the titles people really write (seniority, segments,
regions, risky titles), with open positions, contractors and part-timers. ``chain`` is the
worst shape for a tree: everyone reports to the person before them. The output depends only
on the arguments: same arguments, same bytes.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

TITLES = (
    "Customer Success Manager",
    "Sr. CSM",
    "Customer Success Manager II - EMEA",
    "Enterprise CSM (NA)",
    "Customer Success Associate",
    "Support Engineer II",
    "Tier 1 Support Agent",
    "Technical Account Manager",
    "Digital CSM (APAC)",
    "Customer Success Manager, Mid-Market",
    "Renewals Manager",
)
PLACES = ("Austin, TX", "London, UK", "Berlin, DE", "Singapore, SG", "Denver, CO", "Lisbon, PT")
TEAM = 11


def wide(people: int) -> list[list[str]]:
    rows = [
        [
            "Position ID",
            "Worker",
            "Business Title",
            "Manager",
            "Location",
            "Worker Type",
            "FTE",
            "Position Status",
        ]
    ]

    def add(title: str, manager: str, i: int, leaf: bool = False) -> str:
        name = f"Person {i:05d}"
        vacant = leaf and i % 97 == 0  # open seats are in teams, never managers
        rows.append(
            [
                f"P-{i:05d}",
                "" if vacant else name,
                title,
                manager,
                PLACES[i % len(PLACES)],
                "Contingent Worker" if i and i % 53 == 0 else "Employee",
                "50%" if i and i % 41 == 0 else "100%",
                "Unfilled" if vacant else "Filled",
            ]
        )
        return name

    ceo = add("Founder & CEO", "", 0)
    vp = add("VP, Customer Success", ceo, 1)
    index = 2
    director = vp
    while index < people:
        if (index - 2) % (TEAM * 8) == 0:
            director = add("Director, Customer Success", vp, index)
            index += 1
            continue
        lead = add("Customer Success Team Lead", director, index)
        index += 1
        for _ in range(TEAM):
            if index >= people:
                break
            add(TITLES[index % len(TITLES)], lead, index, leaf=True)
            index += 1
    return rows


def chain(people: int) -> list[list[str]]:
    rows = [["id", "name", "title", "manager id"]]
    for i in range(people):
        rows.append([str(i), f"Person {i}", TITLES[i % len(TITLES)], str(i - 1) if i else ""])
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--shape", choices=("wide", "chain"), default="wide")
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    rows = wide(args.people) if args.shape == "wide" else chain(args.people)
    with args.out.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
