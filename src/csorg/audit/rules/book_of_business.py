"""A person's own book (an ``accounts`` or ``arr`` column) above what one seat carries.

* **warning**: more accounts than one seat of the role covers in the touch model, per FTE
  (a half-time CSM with 30 accounts carries 60 a full-time seat would);
* **error**: more than 1.5 times that;
* **info**: a book of ARR, with the team's median, while the recommendation has no ARR
  benchmark to judge it by.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator

from csorg.audit.benchmarks import arr_per_seat
from csorg.audit.context import ERROR_FACTOR, Context, Finding, Severity
from csorg.text import cite, number

KIND = "book-of-business"


def check(ctx: Context) -> Iterator[Finding]:
    touch = ctx.rec.inputs.touch
    for role_id, tally in ctx.facts.tallies.items():
        role = ctx.catalog.roles[role_id]
        per_seat = role.headcount.accounts_per_seat
        people = [ctx.chart.by_id[p] for p in tally.people if not ctx.chart.by_id[p].vacant]
        if per_seat is not None:
            limit = getattr(per_seat, touch)
            for person in people:
                if person.accounts is None:
                    continue
                load = person.accounts / (person.fte * person.count)
                if load <= limit.value * 1.0001:
                    continue
                severity: Severity = "error" if load > limit.value * ERROR_FACTOR else "warning"
                part = f" at {number(person.fte)} FTE" if person.fte != 1 else ""
                yield ctx.about(
                    KIND,
                    severity,
                    person,
                    f"{ctx.who(person)} has {number(person.accounts)} accounts{part}: about "
                    f"{number(round(load))} per full-time seat, above the {number(limit.value)} "
                    f"one {role.title} covers in a {touch}-touch model "
                    f"({cite(ctx.catalog, limit)})",
                )
        books = [p.arr / (p.fte * p.count) for p in people if p.arr is not None]
        if books and arr_per_seat(ctx.rec, role_id) is None and role.headcount.basis == "coverage":
            yield ctx.about_role(
                KIND,
                "info",
                role_id,
                f"{len(books)} {role.title} book{'s' if len(books) > 1 else ''} of ARR: median "
                f"{number(round(statistics.median(books)))} per full-time seat, from "
                f"{number(round(min(books)))} to {number(round(max(books)))}; the recommendation "
                "has no ARR benchmark to judge them by",
                tuple(p.id for p in people if p.arr is not None),
            )
