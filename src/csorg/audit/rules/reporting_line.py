"""Someone reports to a manager the catalog would not give them.

* **error**: the manager ranks below the report (a Director under a Team Lead);
* **warning**: a peer as manager (a CSM under a CSM); a manager the catalog never gives the
  role (a CSM under the Customer Support Manager); or not the usual manager although the org
  has one (a CSM under the CEO while there are Team Leads). "Usual" is the manager
  `recommend` would choose among the roles present, scope included.

Readings that are asked about (risky titles) are left out: the question comes first.
"""

from __future__ import annotations

from collections.abc import Iterator

from csorg.audit.context import Context, Finding
from csorg.catalog.schema import ROOT_ROLE, Role

KIND = "reporting-line"


def check(ctx: Context) -> Iterator[Finding]:
    present = {*ctx.facts.tallies, ROOT_ROLE}
    for person_id in ctx.facts.order:
        person = ctx.chart.by_id[person_id]
        reading = ctx.readings[person_id]
        if person.reports_to is None or reading.role is None or reading.ask is not None:
            continue
        boss = ctx.chart.by_id[person.reports_to]
        boss_reading = ctx.readings[boss.id]
        if boss_reading.role is None or boss_reading.ask is not None:
            continue
        role = ctx.catalog.roles[reading.role]
        over = ctx.catalog.roles[boss_reading.role]
        relation = f"{ctx.who(person)} reports to {ctx.who(boss)}"
        if over.level > role.level:
            yield ctx.about(
                KIND,
                "error",
                person,
                f"{relation}: a {over.title} ranks below a {role.title} (level {over.level} over "
                f"level {role.level}); the manager should outrank the report",
            )
        elif over.level == role.level:
            yield ctx.about(
                KIND,
                "warning",
                person,
                f"{relation}: a {over.title} has the same rank as a {role.title} (level "
                f"{role.level}); a peer is not a manager in the catalog",
            )
        elif over.id not in role.reports_to:
            expected = ", ".join(ctx.title(m) for m in role.reports_to)
            yield ctx.about(
                KIND,
                "warning",
                person,
                f"{relation}; in the catalog a {role.title} reports to: {expected}",
            )
        else:
            usual = usual_manager(ctx, role, present)
            if usual is not None and usual != over.id:
                yield ctx.about(
                    KIND,
                    "warning",
                    person,
                    f"{relation} while this org has a {ctx.title(usual)}, the usual manager of a "
                    f"{role.title}",
                )


def usual_manager(ctx: Context, role: Role, present: set[str]) -> str | None:
    """The manager the engine would give ``role`` in an org of the ``present`` roles."""
    return next(
        (
            m
            for m in role.reports_to
            if m in present and ctx.units.can_report(role.scope, ctx.catalog.roles[m].scope)
        ),
        None,
    )
