"""A person's own book (an ``accounts`` or ``arr`` column) above what one seat carries.

* **warning**: more accounts, or more ARR, than one seat of the role is sized for in the
  recommendation (else the catalog's accounts per seat for the touch model), per FTE: a
  half-time CSM with 30 accounts carries 60 a full-time seat would;
* **error**: more than 1.5 times that;
* **info**: books of ARR, with their median, when the recommendation has no ARR to judge
  them by (no ``--arr``).
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator

from csorg.audit.benchmarks import accounts_per_seat, arr_per_seat
from csorg.audit.context import ERROR_FACTOR, Context, Finding, Severity
from csorg.audit.orgfile import Person
from csorg.text import number

KIND = "book-of-business"


def check(ctx: Context) -> Iterator[Finding]:
    for role_id, tally in ctx.facts.tallies.items():
        role = ctx.catalog.roles[role_id]
        if role.headcount.basis != "coverage":
            continue
        people = [ctx.chart.by_id[p] for p in tally.people if not ctx.chart.by_id[p].vacant]
        limit = accounts_per_seat(ctx.catalog, ctx.rec, role_id)
        arr_limit = arr_per_seat(ctx.rec, role_id)
        for person in people:
            for amount, most, what in (
                (person.accounts, limit, "accounts"),
                (person.arr, arr_limit, "ARR"),
            ):
                if amount is None or most is None:
                    continue
                finding = _over(ctx, person, amount, most, what)
                if finding is not None:
                    yield finding
        books = [p.arr / (p.fte * p.count) for p in people if p.arr is not None]
        if books and arr_limit is None:
            yield ctx.about_role(
                KIND,
                "info",
                role_id,
                f"{len(books)} {role.title} book{'s' if len(books) > 1 else ''} of ARR: median "
                f"{number(round(statistics.median(books)))} per full-time seat, from "
                f"{number(round(min(books)))} to {number(round(max(books)))}; give --arr to "
                "judge them against the recommendation",
                tuple(p.id for p in people if p.arr is not None),
            )


def _over(ctx: Context, person: Person, amount: float, most: float, what: str) -> Finding | None:
    load = amount / (person.fte * person.count)
    if load <= most * 1.0001:
        return None
    severity: Severity = "error" if load > most * ERROR_FACTOR else "warning"
    part = f" at {number(person.fte)} FTE" if person.fte != 1 else ""
    return ctx.about(
        KIND,
        severity,
        person,
        f"{ctx.who(person)} has {number(round(amount))} {what}{part}: about "
        f"{number(round(load))} per full-time seat, above the {number(round(most))} one seat is "
        "sized for in the recommendation",
    )
