"""The one shape every reader produces: named columns of text, one row per person.

Readers for CSV, YAML, JSON and GraphML (:mod:`csorg.audit.orgfile.readers`) turn their
format into a :class:`Table`; column detection and the rest of the reading never see the
format again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# a reader's own columns, named so they cannot clash with a header a person writes
NODE = "(node id)"
MANAGER_EDGE = "(reporting line)"
DOTTED_EDGE = "(dotted line)"


@dataclass
class Table:
    """Rows of text under a header.

    ``links`` maps a column whose values name other rows to the column they name, when the
    file says so itself (draw.io's ``# connect:`` lines, GraphML edges); ``dotted`` lists
    the columns that such links mark as dotted lines. ``header_line`` is 0 for a file whose
    first row may be data (detection decides).
    """

    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (line, one text per header)
    header_line: int = 1
    links: dict[str, str] = field(default_factory=dict)
    dotted: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)
    kind: str = "CSV"  # what was read, for messages

    def column(self, header: str) -> list[str]:
        index = self.headers.index(header)
        return [values[index] for _, values in self.rows]


_FLOAT_INT = re.compile(r"^-?\d+\.0+$")


def canonical(value: str) -> str:
    """A key value as compared: spaces collapsed, case folded, ``mailto:`` and a ``.0`` a
    spreadsheet added to a whole number dropped."""
    text = " ".join(value.split()).casefold()
    if text.startswith("mailto:"):
        text = text[7:]
    if _FLOAT_INT.match(text):
        text = text.split(".")[0]
    return text
