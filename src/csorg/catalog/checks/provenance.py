"""Every number says where it comes from: a ``source`` (checked with the other references),
or ``heuristic: true`` with a ``note`` saying why, never both. In an entry that has a
``note`` of its own (a tier mix), that note may speak for all its heuristics.

Numbers in entries that failed their schema are checked too, unless the schema rejected
anything in the number itself: a misspelt ``sorce:`` is reported once, as an unknown field.
"""

from __future__ import annotations

from csorg.catalog.checks.context import Context, Written

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
            elif not number.get("note") and not _entry_note(written):
                ctx.problem_in(written, (*path, "note"), "a heuristic needs a `note` saying why")


def _entry_note(written: Written) -> bool:
    """Whether the entry itself has a note, which then speaks for its heuristics (a tier mix
    explains its shares once)."""
    data = written.data
    return isinstance(data, dict) and bool(data.get("note")) and ("note",) not in written.invalid
