"""Bounds on what an org file may hold, and errors that list a file's problems."""

from __future__ import annotations

from collections.abc import Sequence

from csorg.errors import CsorgError, Problem

MAX_PEOPLE = 50_000
MAX_COUNT = 100_000  # seats one row may stand for (csorg's per-role CSV has a count column)
# an HR export of 50,000 people with many columns is far above the 8 MiB of a catalog
MAX_ORG_BYTES = 64 * 1024 * 1024
MAX_GRAPHML_BYTES = 32 * 1024 * 1024  # XML costs several times its size to parse
MAX_SHOWN = 20  # problems listed in one error
MAX_KEPT = 1000  # problems kept while reading (the rest are only counted)


def too_many(file: str, line: int | None) -> CsorgError:
    return CsorgError.at(
        file, f"more than {MAX_PEOPLE:,} people; csorg audits at most that many", line=line
    )


def invalid(file: str, problems: Sequence[Problem], total: int | None = None) -> CsorgError:
    """One error for every problem found (the first :data:`MAX_SHOWN` of them); ``total``
    counts problems that were found but not kept."""
    count = max(total or 0, len(problems))
    if count == 1:
        return CsorgError(str(problems[0]), problems)
    shown = f" (the first {MAX_SHOWN} below)" if count > MAX_SHOWN else ""
    first = sorted(problems, key=lambda p: (p.line or 0, p.column or 0, p.field or ""))[:MAX_SHOWN]
    return CsorgError(f"{file}: {count:,} problems in the org chart{shown}", first)


class Problems:
    """Problems of one file: the first :data:`MAX_KEPT` kept, all counted."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.kept: list[Problem] = []
        self.count = 0

    def add(self, line: int | None, message: str, field: str | None = None) -> None:
        self.count += 1
        if len(self.kept) < MAX_KEPT:
            self.kept.append(Problem(self.file, line, field=field, message=message))

    def raise_any(self) -> None:
        if self.count:
            raise invalid(self.file, self.kept, self.count)
