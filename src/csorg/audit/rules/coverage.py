"""More accounts per seat than the touch model allows (needs ``--customers``).

* **warning**: above the accounts one seat covers (CSM 37 high touch / 200 low touch in the
  shipped catalog), the accounts split between CSMs and digital success as the model does;
* **error**: more than 1.5 times that.

Seats are the role's staff in full-time equivalents: part-timers count for their FTE, open
seats and contractors are named but not counted as staff.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from csorg.audit.benchmarks import coverage
from csorg.audit.context import ERROR_FACTOR, Context, Finding, Severity
from csorg.text import cite, number

KIND = "coverage"


def check(ctx: Context) -> Iterator[Finding]:
    touch = ctx.rec.inputs.touch
    customers = ctx.rec.inputs.customers or 0
    for role_id, bench in coverage(ctx.catalog, ctx.rec, list(ctx.facts.tallies)).items():
        tally = ctx.facts.tallies[role_id]
        if tally.fte <= 0:
            continue  # nobody on staff: missing-role or headcount says so
        load = bench.accounts / tally.fte
        limit = bench.limit.value
        if load <= limit * 1.0001:
            continue
        severity: Severity = "error" if load > limit * ERROR_FACTOR else "warning"
        part = (
            f"{number(bench.share * 100)}% of {customers:,}"
            if bench.share < 1
            else f"{customers:,}"
        )
        need = math.ceil(bench.accounts / limit - 1e-9)
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
            f"{part} accounts over {ctx.seats(round(tally.fte, 2), role_id)} on staff{besides}: "
            f"about {number(round(load))} each, above the {number(limit)} one seat covers in a "
            f"{touch}-touch model ({cite(ctx.catalog, bench.limit)}); {need} seats would cover "
            "them",
            tuple(tally.people),
        )
