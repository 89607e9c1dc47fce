"""Titles read with a question: asked about, never applied silently.

* **info**: one finding per title: the role csorg reads (a catalog close title such as
  "Account Manager", a leader read from "X Lead", an individual contributor who manages a
  team, a combined title), why it asks, and whether the reading was applied: inside Customer
  Success it is, outside (an Account Manager under the Chief Revenue Officer) it is not.
  Confirm it, or settle it with a title map (``--titles``).
"""

from __future__ import annotations

from collections.abc import Iterator

from csorg.audit.context import Context, Finding

KIND = "risky-title"


def check(ctx: Context) -> Iterator[Finding]:
    groups: dict[tuple[str, str | None, bool], list[str]] = {}
    for person_id in ctx.facts.order:
        reading = ctx.readings[person_id]
        if reading.ask is None or reading.suggested is None or reading.method == "role-column":
            continue
        person = ctx.chart.by_id[person_id]
        key = (person.title, reading.suggested, reading.role is not None)
        groups.setdefault(key, []).append(person_id)
    for (title, role_id, applied), people in groups.items():
        reading = ctx.readings[people[0]]
        first = ctx.chart.by_id[people[0]]
        if applied:
            verdict = f"counted as {ctx.title(role_id or '')} ({role_id})"
        else:
            boss = ctx.chart.by_id[first.reports_to] if first.reports_to else None
            where = f", under {ctx.who(boss)}" if boss is not None else ""
            verdict = (
                f"would read as {ctx.title(role_id or '')} ({role_id}) but sits outside "
                f"Customer Success{where}: not counted"
            )
        yield Finding(
            KIND,
            "info",
            title,
            "title",
            f"{title!r} ({ctx.names(people)}): {verdict}; {reading.ask}. Confirm it, or map the "
            "title with --titles",
            reading.role,
            first.line,
            tuple(people),
        )
