"""Contractors: seats filled, but not by staff.

* **info**: one finding per role with contractors (an employment, worker type or tag naming
  a contractor, contingent worker, freelancer or agency worker), naming them; they are
  counted apart from staff in ``headcount`` and ``coverage``.
"""

from __future__ import annotations

from collections.abc import Iterator

from csorg.audit.context import Context, Finding

KIND = "contractor"


def check(ctx: Context) -> Iterator[Finding]:
    for role_id, tally in ctx.facts.tallies.items():
        if not tally.contractors:
            continue
        people = tuple(
            p
            for p in tally.people
            if ctx.chart.by_id[p].employment == "contractor" and not ctx.chart.by_id[p].vacant
        )
        staff = (
            f", beside {tally.employees} on staff" if tally.employees else ", with no one on staff"
        )
        yield ctx.about_role(
            KIND,
            "info",
            role_id,
            f"{ctx.names(people)} {'is a contractor' if len(people) == 1 else 'are contractors'} "
            f"in the {ctx.title(role_id)} role{staff}: counted apart from staff",
            people,
        )
