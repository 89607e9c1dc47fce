"""A manager with more direct reports than the role's span, named.

* **warning**: more than the span (7 for most managers in the shipped catalog); or an
  individual-contributor role (no span) with a report;
* **error**: more than 1.5 times the span.

Open seats count: they are reports the manager has planned for. The message says what would
bring the team back within span: the layer the catalog puts between them, or more seats of
the manager's role.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from csorg.audit.context import ERROR_FACTOR, Context, Finding, Severity
from csorg.audit.orgfile import Person
from csorg.catalog.schema import MAX_SPAN, Role
from csorg.text import cite, plural

KIND = "span-of-control"


def check(ctx: Context) -> Iterator[Finding]:
    for manager_id in ctx.facts.order:
        report_ids = ctx.chart.reports.get(manager_id)
        role_id = ctx.readings[manager_id].role
        if not report_ids or role_id is None:
            continue
        manager = ctx.chart.by_id[manager_id]
        role = ctx.catalog.roles[role_id]
        reports = [ctx.chart.by_id[r] for r in report_ids]
        total = ctx.facts.team[manager_id]
        each = math.ceil(total / manager.count)
        many = plural(each, "direct report")
        if manager.count > 1:
            many += f" each ({total} over {manager.count} seats)"
        opened = sum(r.count for r in reports if r.vacant)
        if opened:
            many += f" ({opened} of them open)"
        if role.span is None:
            yield ctx.about(
                KIND,
                "warning",
                manager,
                f"{ctx.who(manager)} has {many}, but a {role.title} is an individual contributor "
                "in the catalog (no span of control); give the team a manager",
            )
            continue
        span = min(role.span.value, MAX_SPAN)
        if each <= span:
            continue
        severity: Severity = "error" if each > span * ERROR_FACTOR else "warning"
        yield ctx.about(
            KIND,
            severity,
            manager,
            f"{ctx.who(manager)} has {many}, above the span of {span} for a {role.title} "
            f"({cite(ctx.catalog, role.span)}); " + relief(ctx, role, reports, each, span),
        )


def relief(ctx: Context, role: Role, reports: list[Person], each: int, span: int) -> str:
    """What would bring a manager back within span: the layer its reports would report to
    next (as the engine inserts one), else more seats of the manager's role."""
    by_role: dict[str, int] = {}
    for person in reports:
        report_role = ctx.readings[person.id].role
        if report_role is not None:
            by_role[report_role] = by_role.get(report_role, 0) + person.count
    for report_role in sorted(by_role, key=lambda r: (-by_role[r], r)):
        for candidate in ctx.catalog.roles[report_role].reports_to:
            if candidate == role.id:
                break
            layer = ctx.catalog.roles[candidate]
            if role.level < layer.level < ctx.catalog.roles[report_role].level:
                return f"a {layer.title} layer between them would keep the span"
    if role.headcount.basis == "span":
        return f"{math.ceil(each / span)} {role.title} seats would share the team"
    return "split the team under another manager"
