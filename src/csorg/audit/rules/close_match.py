"""Titles read by a close spelling of a catalog title: check them.

* **info**: one finding per title ("Custmer Success Manger" read as Customer Success
  Manager).
"""

from __future__ import annotations

from collections.abc import Iterator

from csorg.audit.context import Context, Finding

KIND = "close-match"


def check(ctx: Context) -> Iterator[Finding]:
    groups: dict[str, list[str]] = {}
    for person_id in ctx.facts.order:
        reading = ctx.readings[person_id]
        if reading.method == "close-spelling" and reading.role is not None:
            groups.setdefault(ctx.chart.by_id[person_id].title, []).append(person_id)
    for title, people in groups.items():
        reading = ctx.readings[people[0]]
        role_id = reading.role or ""
        yield Finding(
            KIND,
            "info",
            title,
            "title",
            f"title {title!r} ({ctx.names(people)}) is read as {ctx.title(role_id)} ({role_id}), "
            f"a close spelling of {reading.title.matched!r}; check it, or map it with --titles",
            role_id,
            ctx.chart.by_id[people[0]].line,
            tuple(people),
        )
