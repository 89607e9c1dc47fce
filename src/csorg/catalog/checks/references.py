"""Every id an entry names exists: each role, area, source, stage, trait and model, with a
"did you mean" for a misspelt one.

The fields that name an entry are marked in the schema (``RoleId``, ``SourceIds``, ...; see
:class:`~csorg.catalog.schema.Ref`), so a new section's references are checked as soon as
they are declared. Entries that failed their schema are looked into as well, at the fields
the schema accepted: a misspelt key does not hide an unknown manager. An id that names an
entry which failed its schema is not reported again.
"""

from __future__ import annotations

from csorg.catalog.checks.context import Context

ID = "references"


def check(ctx: Context) -> None:
    for written, found in ctx.contents():
        for path, kind, value in found.references:
            if not ctx.known(kind, value):
                ctx.problem_in(written, path, ctx.unknown(kind, value))
