"""What every check shares: the layered catalog, where each entry was written, the problem
report, and the entries that failed their schema."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from csorg.catalog.checks.walk import Found, walk
from csorg.errors import suggestion

if TYPE_CHECKING:
    from csorg.catalog.report import Partial
    from csorg.catalog.schema import Catalog
    from csorg.catalog.yamlload import Document, KeyPath

    Origins = dict[tuple[str, str], tuple[Document, KeyPath]]
    Partials = dict[tuple[str, str], tuple[Document, str, Partial]]

MAX_SUGGESTIONS = 100
"""Distinct misspellings given a "did you mean" per run: each costs a pass over the ids."""

# what a reference names -> the catalog section it is looked up in
SECTION_OF = {
    "role": "roles",
    "area": "areas",
    "source": "sources",
    "stage": "stages",
    "trait": "traits",
    "model": "models",
    "tier": "tiers",
    "currency": "currencies",
}


class Reporter(Protocol):
    def add(self, doc: Document, path: KeyPath, message: str, *, key: bool = False) -> None: ...


@dataclass(frozen=True)
class Written:
    """One entry as written in its file: in the catalog (``invalid`` is empty), or left out
    because the schema rejected the paths in ``invalid``."""

    section: str
    doc: Document
    path: KeyPath  # (section, index) in its file
    invalid: frozenset[KeyPath] = frozenset()

    @property
    def data(self) -> Any:
        section, index = self.path
        return self.doc.data[section][index]


class Context:
    """The state the checks share, and the helpers they report through.

    ``broken`` holds, per section, the ids of entries that failed their schema, so that a
    reference to one is not reported again as unknown; ``partials`` those entries themselves.
    """

    def __init__(
        self,
        catalog: Catalog,
        origins: Origins,
        report: Reporter,
        broken: dict[str, set[str]] | None = None,
        partials: Partials | None = None,
    ) -> None:
        self.catalog = catalog
        self.origins = origins
        self.report = report
        self.broken = broken or {}
        self.partials = partials or {}
        self.rank = {file: i for i, file in enumerate(catalog.files)}
        self.suggestions: dict[tuple[str, str], str] = {}
        self._ids: dict[str, tuple[dict[str, Any], set[str]]] = {}  # kind -> ids it may name

    # -- reporting ---------------------------------------------------------------------

    def problem(self, section: str, entry_id: str, rest: KeyPath, message: str) -> None:
        """A problem at ``rest`` within the entry ``entry_id`` of ``section``."""
        origin = self.origins.get((section, entry_id))
        if origin is None:  # pragma: no cover - every entry has an origin
            return
        doc, path = origin
        self.report.add(doc, (*path, *rest), message)

    def problem_in(self, written: Written, rest: KeyPath, message: str) -> None:
        self.report.add(written.doc, (*written.path, *rest), message)

    # -- layers --------------------------------------------------------------------------

    def layer(self, section: str, entry_id: str) -> int:
        """The position of the entry's file among the catalog files (later files win)."""
        origin = self.origins.get((section, entry_id))
        return self.rank.get(origin[0].file, 0) if origin else 0

    def file_of(self, section: str, entry_id: str) -> str:
        origin = self.origins.get((section, entry_id))
        return origin[0].file if origin else ""

    def elsewhere(self, section: str, entry_id: str, here_section: str, here_id: str) -> str:
        """`` (in FILE)`` when the entry a message names is in another file than the one the
        message is reported in."""
        there = self.file_of(section, entry_id)
        return f" (in {there})" if there != self.file_of(here_section, here_id) else ""

    # -- references ----------------------------------------------------------------------

    def known(self, kind: str, value: str) -> bool:
        """Whether an id names an entry: one in the catalog, or one that failed its schema
        (reported already, so not reported again as unknown)."""
        ids = self._ids.get(kind)
        if ids is None:
            section = SECTION_OF[kind]
            ids = self._ids[kind] = (
                getattr(self.catalog, section),
                self.broken.get(section, set()),
            )
        return value in ids[0] or value in ids[1]

    def unknown(self, kind: str, value: str) -> str:
        """The message for an id that names nothing, with a "did you mean"."""
        return f"unknown {kind} {value!r}{self.hint(kind, value)}"

    def hint(self, kind: str, value: str) -> str:
        key = (kind, value)
        if key not in self.suggestions:
            if len(self.suggestions) >= MAX_SUGGESTIONS:
                return ""
            known = getattr(self.catalog, SECTION_OF[kind])
            self.suggestions[key] = suggestion(value, list(known))
        return self.suggestions[key]

    # -- entries as written --------------------------------------------------------------

    def written(self) -> Iterator[Written]:
        """Every entry as written: those in the catalog, in layer order, then those that
        failed their schema and no later file replaces."""
        for (section, _), (doc, path) in self.origins.items():
            yield Written(section, doc, path)
        for doc, section, partial in self.partials.values():
            yield Written(section, doc, (section, partial.index), partial.invalid)

    def contents(self) -> Iterator[tuple[Written, Found]]:
        """The ids and numbers each entry gives as written, one entry at a time (kept for
        no longer: on a large catalog they take megabytes)."""
        for written in self.written():
            yield written, walk(written.section, written.data, written.invalid)
