"""Someone reports to a manager the catalog would not give them.

* **error**: the manager ranks below the report (a Director under a Team Lead);
* **warning**: a peer as manager (a CSM under a CSM); a manager the catalog never gives the
  role (a CSM under the Customer Support Manager); or not the usual manager although the org
  has one (a CSM under the CEO while there are Team Leads). "Usual" is the manager
  `recommend` would choose among the roles present: in a sized org, the team a role joins
  (an engineer in a CSM pod under its Team Lead), and only managers with their minimum span
  of reports, as the engine has it.

Readings that are asked about (risky titles) are left out: the question comes first.
"""

from __future__ import annotations

from collections.abc import Iterator

from csorg.audit.context import Context, Finding
from csorg.catalog.schema import ROOT_ROLE, Role

KIND = "reporting-line"


def check(ctx: Context) -> Iterator[Finding]:
    present = managers_present(ctx)
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
        elif over.id not in (*teams_of(ctx, role), *role.reports_to):
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


def teams_of(ctx: Context, role: Role) -> tuple[str, ...]:
    """The teams a role's seats join in a sized org (an engineer in a CSM pod)."""
    return role.joins_teams_of if ctx.rec.sized else ()


def managers_present(ctx: Context) -> set[str]:
    """The roles present that take reports: in a sized org a manager role does so only from
    its minimum span on, as the engine has it; with fewer, its would-be reports rightly
    report past it."""
    reports: dict[str, int] = {}
    coaches: set[str] = set()
    for person in ctx.chart.people:
        boss = ctx.readings[person.reports_to].role if person.reports_to else None
        if boss is not None:
            reports[boss] = reports.get(boss, 0) + person.count
        if ctx.player_coach(person):
            coaches.add(ctx.readings[person.id].role or "")
    present = {ROOT_ROLE, *coaches}
    for role_id in ctx.facts.tallies:
        minimum = ctx.catalog.roles[role_id].min_span
        if not ctx.rec.sized or minimum is None or reports.get(role_id, 0) >= minimum.value:
            present.add(role_id)
    return present


def usual_manager(ctx: Context, role: Role, present: set[str]) -> str | None:
    """The manager the engine would give ``role`` in an org of the ``present`` roles."""
    return next((m for m in (*teams_of(ctx, role), *role.reports_to) if m in present), None)
