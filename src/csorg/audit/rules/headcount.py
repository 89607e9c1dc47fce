"""Fewer or more staff of a role than the recommendation has.

Counted in full-time equivalents of the role's staff (part-timers weigh their FTE); open
seats and contractors are named apart. Counts depend on accounts, so they are judged with
``--customers``, except for roles with one seat per scope (a CCO), which always are. Coverage
roles are judged by ``coverage`` instead of their count.

* **warning**: fewer than recommended, and the open seats would not close the gap;
* **info**: fewer, but open seats are planned that close it; more than recommended; fewer
  of an optional role.
"""

from __future__ import annotations

from collections.abc import Iterator

from csorg.audit.context import Context, Finding, Severity
from csorg.audit.facts import Tally
from csorg.catalog.schema import ROOT_ROLE

KIND = "headcount"


def check(ctx: Context) -> Iterator[Finding]:
    sized = ctx.rec.inputs.customers is not None
    for entry in ctx.rec.roles:
        tally = ctx.facts.tallies.get(entry.id)
        if entry.id == ROOT_ROLE or tally is None or not tally.employees:
            continue
        role = ctx.catalog.roles[entry.id]
        if not sized and role.headcount.basis != "one":
            continue
        have = tally.fte
        people = tuple(tally.people)
        reason = sizing(entry.rationale)
        if have + 1e-9 < entry.count and role.headcount.basis != "coverage":
            planned = have + tally.open
            severity: Severity = (
                "info" if entry.optional or planned + 1e-9 >= entry.count else "warning"
            )
            yield ctx.about_role(
                KIND,
                severity,
                entry.id,
                f"{staffed(ctx, entry.id, tally)}; the recommendation has {entry.count}{reason}",
                people,
            )
        elif have > entry.count + 1e-9:
            yield ctx.about_role(
                KIND,
                "info",
                entry.id,
                f"{staffed(ctx, entry.id, tally)}; the recommendation has {entry.count}{reason}",
                people,
            )


def staffed(ctx: Context, role_id: str, tally: Tally) -> str:
    """ "3 Customer Success Team Lead seats on staff (2.5 FTE), 1 open, 1 contractor"."""
    text = ctx.seats(tally.employees, role_id) + " on staff"
    if abs(tally.fte - tally.employees) > 1e-9:
        text += f" ({round(tally.fte, 2):g} FTE)"
    if tally.open:
        text += f", {tally.open} open"
    if tally.contractors:
        text += f", {tally.contractors} contractor{'s' if tally.contractors > 1 else ''}"
    return text


def sizing(rationale: tuple[str, ...]) -> str:
    """The recommendation's reason for a count (the reasons that carry numbers)."""
    numbers = [r for r in rationale if any(c.isdigit() for c in r) and "structure" not in r]
    return f" ({'; '.join(numbers)})" if numbers else ""
