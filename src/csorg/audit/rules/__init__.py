"""The audit's rules: one module per finding kind, each with ``KIND`` and ``check(ctx)``
yielding :class:`~csorg.audit.context.Finding` objects (like yamllint's rules).

:data:`RULES` lists them in the order findings of one severity are shown; each module's
docstring says when it finds something and with which severity, and ``docs/plan-audit.md``
lists them all (a test keeps the two in step).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from csorg.audit.context import Context, Finding
from csorg.audit.rules import (
    book_of_business,
    close_match,
    contractor,
    coverage,
    dotted_line,
    extra_role,
    headcount,
    layers,
    management_ratio,
    missing_role,
    narrow_span,
    open_seat,
    optional_role,
    outside_cs,
    region_coverage,
    reporting_line,
    risky_title,
    segment_coverage,
    span_of_control,
    unmapped_title,
)


class Rule(Protocol):
    """A rule module."""

    KIND: str

    def check(self, ctx: Context) -> Iterator[Finding]: ...


RULES: tuple[Rule, ...] = (
    reporting_line,
    span_of_control,
    narrow_span,
    coverage,
    book_of_business,
    layers,
    management_ratio,
    region_coverage,
    segment_coverage,
    missing_role,
    unmapped_title,
    headcount,
    dotted_line,
    risky_title,
    close_match,
    open_seat,
    contractor,
    extra_role,
    optional_role,
    outside_cs,
)
KINDS: tuple[str, ...] = tuple(rule.KIND for rule in RULES)


def run(ctx: Context) -> list[Finding]:
    """Every rule's findings."""
    return [finding for rule in RULES for finding in rule.check(ctx)]
