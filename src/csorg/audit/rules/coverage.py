"""More accounts per seat than the recommendation sizes one seat for (needs ``--customers``
or ``--arr``).

* **warning**: above the load one seat of the role is sized for in the recommendation (its
  customer tiers' accounts per seat; the accounts split between CSMs and digital success as
  the recommendation splits them);
* **error**: more than 1.5 times that.

Seats are the role's staff in full-time equivalents: part-timers count for their FTE, open
seats and contractors are named but not counted as staff.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from csorg.audit.benchmarks import coverage
from csorg.audit.context import ERROR_FACTOR, Context, Finding, Severity
from csorg.text import number

KIND = "coverage"


def check(ctx: Context) -> Iterator[Finding]:
    for role_id, bench in coverage(ctx.rec, list(ctx.facts.tallies)).items():
        tally = ctx.facts.tallies[role_id]
        if tally.fte <= 0:
            continue  # nobody on staff: missing-role or headcount says so
        head = ctx.facts.tallies.get(bench.head) if bench.head else None
        # the head of CS of a small team carries part of the book, as the recommendation has it
        carried = bench.head_accounts if head is not None and head.fte > 0 else 0.0
        accounts = bench.accounts - carried
        load = accounts / tally.fte
        if load <= bench.limit * 1.0001:
            continue
        severity: Severity = "error" if load > bench.limit * ERROR_FACTOR else "warning"
        need = math.ceil(accounts / bench.limit - 1e-9)
        extra = []
        if tally.open:
            extra.append(f"{tally.open} open")
        if tally.contractors:
            extra.append(f"{tally.contractors} contractor{'s' if tally.contractors > 1 else ''}")
        besides = f" (besides {', '.join(extra)})" if extra else ""
        yield ctx.about_role(
            KIND,
            severity,
            role_id,
            f"{number(round(accounts))} accounts"
            + (f" (besides the {number(round(carried))} the head of CS works)" if carried else "")
            + " over "
            f"{ctx.seats(round(tally.fte, 2), role_id)} on staff{besides}: about "
            f"{number(round(load))} each, above the {number(round(bench.limit))} one seat is "
            f"sized for in the recommendation; {need} seats would cover them",
            tuple(tally.people),
        )
