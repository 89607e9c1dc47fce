"""Checks across entries and files, run once the files are parsed and layered.

Each check is a small module: an ``ID``, a docstring saying what it checks, and
``check(ctx)``, which reads the layered catalog from the shared
:class:`~csorg.catalog.checks.context.Context` and reports each problem through it
(``ctx.problem(section, entry_id, path_within_the_entry, message)``). :data:`CHECKS` lists
them, in the order they run; the docstrings are their documentation.

The first two look at every entry as written, including entries that failed their schema
(at the fields the schema accepted), so a misspelt key does not hide another problem in
the same entry: ``references`` (every id names an entry) and ``provenance`` (every number
has a source or is a heuristic with a note). The others need whole, valid entries; an entry
that failed its schema waits until it is fixed.

Every check is linear in the size of the catalog: lookups go through dicts and sets, never
pairwise comparisons (``tests/test_structure_guards.py`` counts the work). When two entries
clash and come from different catalog layers, the problem goes to the entry of the later
layer: the file being edited, not the shipped catalog below it (``ctx.layer``).

Adding a check (for a new catalog section, say):

1. declare the section's fields in :mod:`csorg.catalog.schema`, marking every field that
   names another entry with a ``Ref`` type (``RoleId``, ``SourceIds``, ...): the
   ``references`` check then covers it, and ``provenance`` covers its ``Figure``, ``Count``
   and ``Share`` numbers;
2. write ``checks/<name>.py`` with ``ID``, a docstring and ``check(ctx)`` for what the
   schema cannot say (uniqueness, ranks, sums, consistency between entries);
3. add it to :data:`CHECKS` (a test fails for a module left out) and give it a table of
   cases in ``tests/checks/``: "this catalog snippet gives these problems at these lines".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from csorg.catalog.checks import (
    compensation,
    dotted,
    hats,
    headcount,
    matches,
    models,
    names,
    provenance,
    references,
    roles,
    rules,
    segmentations,
    spans,
    stages,
    tree,
)
from csorg.catalog.checks.context import Context, Reporter

if TYPE_CHECKING:
    from csorg.catalog.checks.context import Origins, Partials
    from csorg.catalog.schema import Catalog


class Check(Protocol):
    """A check module."""

    ID: str

    def check(self, ctx: Context) -> None: ...


CHECKS: tuple[Check, ...] = (
    references,
    provenance,
    roles,
    headcount,
    spans,
    names,
    dotted,
    stages,
    segmentations,
    models,
    matches,
    tree,
    rules,
    hats,
    compensation,
)


def check_catalog(
    catalog: Catalog,
    origins: Origins,
    report: Reporter,
    broken: dict[str, set[str]] | None = None,
    partials: Partials | None = None,
    *,
    checks: tuple[Check, ...] = CHECKS,
) -> None:
    """Report every problem across the entries of ``catalog``. ``broken`` holds, per
    section, the ids of entries left out because they failed their schema, and ``partials``
    those entries (see :class:`~csorg.catalog.checks.context.Context`)."""
    ctx = Context(catalog, origins, report, broken, partials)
    for check in checks:
        check.check(ctx)
