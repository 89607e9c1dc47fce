"""The tree check: unique ids, one person at the top, no reporting cycle.

Linear in the number of people whatever the shape: the cycle search visits each person once
and the depth-first order is iterative, so a 50,000-deep chain is as cheap as a flat team.
"""

from __future__ import annotations

from csorg.audit.orgfile.limits import invalid
from csorg.audit.orgfile.model import OrgChart, Person, natural_key
from csorg.errors import CsorgError, Problem

MAX_LISTED = 5


def build_chart(file: str, people: list[Person]) -> OrgChart:
    """Index the people and check the tree."""
    problems: list[Problem] = []
    by_id: dict[str, Person] = {}
    for person in people:
        first = by_id.get(person.id)
        if first is not None:
            problems.append(
                Problem(
                    file,
                    person.line,
                    field="id",
                    message=f"{person.id!r} is used twice (first on line {first.line})",
                )
            )
            continue
        by_id[person.id] = person
    if problems:
        raise invalid(file, problems)
    if not by_id:
        raise CsorgError.at(file, "no people in the file, only a header", line=1)
    cycle = _cycle(by_id)
    if cycle:
        path = " → ".join([*cycle, cycle[0]])
        lines = ", ".join(str(by_id[c].line) for c in cycle[:20])
        raise CsorgError.at(
            file,
            f"reporting cycle: {path if len(cycle) <= 20 else f'{len(cycle)} people'} "
            f"(lines {lines}{', ...' if len(cycle) > 20 else ''}); someone in it must report "
            "outside it",
            line=by_id[cycle[0]].line,
            field="manager",
        )
    roots = [p for p in by_id.values() if p.reports_to is None]
    if len(roots) > 1:
        shown = ", ".join(f"{p.id!r} (line {p.line})" for p in roots[:MAX_LISTED])
        more = f" and {len(roots) - MAX_LISTED} more" if len(roots) > MAX_LISTED else ""
        raise CsorgError.at(
            file,
            f"{len(roots)} people report to no one: {shown}{more}; an org chart has one top "
            "(give the others a manager)",
            line=roots[1].line,
            field="manager",
        )
    reports: dict[str, list[str]] = {}
    for person in by_id.values():
        if person.reports_to is not None:
            reports.setdefault(person.reports_to, []).append(person.id)
    for team in reports.values():
        team.sort(key=natural_key)
    return OrgChart(file, list(by_id.values()), by_id, reports, roots[0].id)


def _cycle(by_id: dict[str, Person]) -> list[str]:
    """One reporting cycle (ids in order, starting from the earliest in the file), or []."""
    state: dict[str, int] = {}  # 1: on the current path, 2: leads to the root
    for start in by_id:
        path: list[str] = []
        current: str | None = start
        while current is not None and current not in state:
            state[current] = 1
            path.append(current)
            current = by_id[current].reports_to
        if current is not None and state[current] == 1:
            loop = path[path.index(current) :]
            first = min(range(len(loop)), key=lambda i: by_id[loop[i]].line)
            return loop[first:] + loop[:first]
        for person in path:
            state[person] = 2
    return []
