"""Every number says where it comes from: a ``source`` (checked with the other references),
or ``heuristic: true`` with a ``note`` saying why, never both.

Numbers in entries that failed their schema are checked too, unless the schema rejected
anything in the number itself: a misspelt ``sorce:`` is reported once, as an unknown field.
"""

from __future__ import annotations

from csorg.catalog.checks.context import Context

ID = "provenance"


def check(ctx: Context) -> None:
    for written, found in ctx.contents():
        for path, number in found.numbers:
            if any(rejected[: len(path)] == path for rejected in written.invalid):
                continue  # the schema's problem with it comes first
            heuristic = number.get("heuristic") is True
            if number.get("source") is not None:
                if heuristic:
                    ctx.problem_in(
                        written, (*path, "heuristic"), "a number with a source is not a heuristic"
                    )
            elif not heuristic:
                ctx.problem_in(
                    written,
                    path,
                    "every number needs a `source` or `heuristic: true` with a `note` saying why",
                )
            elif not number.get("note"):
                ctx.problem_in(written, (*path, "note"), "a heuristic needs a `note` saying why")
