"""Writers that turn a recommendation into files other tools read.

Every writer is a pure function from the org chart (:func:`csorg.export.chart.org_chart`) to
text or bytes, listed once in :data:`csorg.export.formats.FORMATS`; only the command line
writes files (where to, :mod:`csorg.export.destination`). This module stays import-light:
the command line imports it at start-up, and a writer and its libraries are imported only
when its format is rendered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from csorg.export.formats import BY_NAME, Format, Written, writer

if TYPE_CHECKING:
    from csorg.catalog.schema import Catalog
    from csorg.engine.result import Recommendation


@dataclass(frozen=True)
class Output:
    """An export ready to write."""

    data: bytes
    format: Format
    warnings: tuple[str, ...] = ()
    extension: str = ""  # the default file's extension
    by_seat: bool = False  # one box per seat (asked for, and drawn so)

    @property
    def text(self) -> str:
        return self.data.decode("utf-8")


def export(
    rec: Recommendation, catalog: Catalog | None, fmt: str, *, seats: bool = False
) -> Output:
    """The recommendation in format ``fmt`` (a name in :data:`~csorg.export.formats.FORMATS`)."""
    from csorg.export.chart import org_chart

    chosen = BY_NAME.get(fmt)
    if chosen is None:
        raise ValueError(f"unknown export format {fmt!r}")
    write: Any = writer(chosen)
    result = write(org_chart(rec, catalog, seats=seats))
    written = result if isinstance(result, Written) else Written(result)
    data = written.data.encode("utf-8") if isinstance(written.data, str) else written.data
    extension = written.extension or chosen.extensions[0]
    return Output(data, chosen, written.warnings, extension, seats and not written.by_role)


def render(rec: Recommendation, catalog: Catalog | None, fmt: str, *, seats: bool = False) -> str:
    """The text of a text format (every format but png and pdf)."""
    return export(rec, catalog, fmt, seats=seats).text
