"""Dotted lines in the chart compared with the catalog's (``dotted_lines`` of each role, as the
recommendation resolves them).

* **info**: a dotted line the catalog does not draw for the role (with the one it does, if
  any); a dotted line to the person's own manager; in a file that has dotted lines, a role
  whose catalog dotted line is missing although that manager is in the chart (one finding
  per role, naming the people).

Dotted lines come from columns such as ``dotted_line_manager``, ``matrix_manager``,
``Indirect Manager``, ``DottedID``, Organimi's ``Dottedids``, draw.io connectors, dashed yEd
edges and d3-org-chart connections.
"""

from __future__ import annotations

from collections.abc import Iterator

from csorg.audit.context import Context, Finding

KIND = "dotted-line"


def check(ctx: Context) -> Iterator[Finding]:
    recommended = ctx.recommended
    missing: dict[str, list[str]] = {}
    for person_id in ctx.facts.order:
        role_id = ctx.readings[person_id].role
        if role_id is None:
            continue
        person = ctx.chart.by_id[person_id]
        entry = recommended.get(role_id)
        expected = set(entry.dotted_to) if entry is not None else set()
        drawn = set()
        for target_id in person.dotted:
            target = ctx.chart.by_id[target_id]
            target_role = ctx.readings[target_id].role
            drawn.add(target_role)
            if target_id == person.reports_to:
                yield ctx.about(
                    KIND,
                    "info",
                    person,
                    f"{ctx.who(person)} has a dotted line to their own manager",
                )
            elif target_role not in expected:
                catalog = (
                    "the catalog draws one to "
                    + " or ".join(ctx.title(r) for r in sorted(expected))
                    if expected
                    else f"the catalog draws none for a {ctx.title(role_id)}"
                )
                yield ctx.about(
                    KIND,
                    "info",
                    person,
                    f"{ctx.who(person)} has a dotted line to {ctx.who(target)}; {catalog}",
                    (person.id, target_id),
                )
        for wanted in expected - drawn:
            if wanted in ctx.facts.tallies and not person.vacant and "dotted" in ctx.chart.columns:
                missing.setdefault(f"{role_id}>{wanted}", []).append(person_id)
    for key, people in missing.items():
        role_id, goal = key.split(">")
        why = next((d.why for d in ctx.catalog.roles[role_id].dotted_lines if goal in d.to), "")
        yield ctx.about_role(
            KIND,
            "info",
            role_id,
            f"{ctx.names(people)} ({ctx.title(role_id)}) {'has' if len(people) == 1 else 'have'} "
            f"no dotted line to the {ctx.title(goal)}, which the catalog draws: "
            + " ".join(why.split()),
            tuple(people),
        )
