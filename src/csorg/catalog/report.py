"""The problem report of a catalog check: problems located lazily, and the valid parts
of each parsed file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from csorg.catalog.files import Kind
from csorg.errors import CsorgError, Problem

if TYPE_CHECKING:
    from csorg.catalog.yamlload import Document, KeyPath


@dataclass
class Report:
    """Problems gathered across files, located lazily (positions need a second parse).

    At most :data:`~csorg.yamlload.MAX_PROBLEMS` problems are kept per file, then one
    closing problem says that more were left out, so a file with a million broken values
    costs no more to report than one with a thousand.
    """

    problems: list[Problem] = field(default_factory=list)
    located: dict[str, Document] = field(default_factory=dict)
    sources: dict[str, bytes | str] = field(default_factory=dict)
    kept: dict[str, int] = field(default_factory=dict)
    dropped: set[str] = field(default_factory=set)  # files with problems left out

    def document(self, doc: Document) -> Document:
        from csorg.catalog.yamlload import load_yaml

        if doc.values or doc.file not in self.sources:
            return doc
        if doc.file not in self.located:
            try:
                self.located[doc.file] = load_yaml(self.sources[doc.file], doc.file, locate=True)
            except CsorgError:  # cannot happen for a file that parsed once; keep going
                self.located[doc.file] = doc
        return self.located[doc.file]

    def room(self, file: str) -> bool:
        """Whether a problem in ``file`` will be kept (else it is only counted)."""
        from csorg.catalog.yamlload import MAX_PROBLEMS

        if self.kept.get(file, 0) < MAX_PROBLEMS:
            return True
        self.dropped.add(file)
        return False

    def keep(self, problem: Problem) -> None:
        if self.room(problem.file):
            self.kept[problem.file] = self.kept.get(problem.file, 0) + 1
            self.problems.append(problem)

    def extend(self, doc: Document) -> None:
        """The problems the reader found in ``doc``."""
        for problem in doc.problems:
            self.keep(problem)
        if doc.dropped:
            self.dropped.add(doc.file)

    def add(self, doc: Document, path: KeyPath, message: str, *, key: bool = False) -> None:
        if not self.room(doc.file):
            return
        located = self.document(doc)
        position = located.locate(path, key=key)
        self.keep(
            Problem(
                file=doc.file,
                line=position.line if position else None,
                column=position.column if position else None,
                field=doc.field_name(path) or None,
                message=message,
            )
        )

    def text_at(self, doc: Document, path: KeyPath) -> str | None:
        position = self.document(doc).values.get(path)
        return position.text if position else None

    def finish(self) -> list[Problem]:
        """Every problem once, sorted by file and position."""
        from csorg.catalog.yamlload import too_many

        problems = dict.fromkeys(self.problems)
        for file in self.dropped:
            problems[Problem(file=file, message=too_many())] = None
        return sorted(
            problems,
            key=lambda p: (p.file, p.line or 0, p.column or 0, p.field or "", p.message),
        )


@dataclass(frozen=True)
class Partial:
    """An entry that failed its schema. Checks of single values (references, number sources)
    still look at its parts outside ``invalid``: the paths, within the entry, the schema
    rejected (a rejected path rules out everything below it)."""

    index: int
    entry_id: str | None  # when its id is valid
    invalid: frozenset[KeyPath]


@dataclass
class Parsed:
    """The valid parts of one catalog file.

    ``entries`` holds each section's valid entries with their index in the file; ``broken``
    the ids of entries that failed the schema, so that references to them are not reported
    a second time as unknown, and ``partial`` those entries themselves. ``whole`` is false
    when the file as such is unusable (it does not parse, is not a mapping, or its top level
    is wrong): checks across files then stop.
    """

    kind: Kind
    doc: Document
    whole: bool = True
    entries: dict[str, list[tuple[int, Any]]] = field(default_factory=dict)
    broken: dict[str, set[str]] = field(default_factory=dict)
    partial: dict[str, list[Partial]] = field(default_factory=dict)
    hats_given: bool = False
