"""Which rows a manager or dotted-line column points at, decided from the values.

The header of a manager column does not say what its values are: an internal id, an
employee number, an e-mail, "First Last" or "Last, First". Every column that can identify a
row (ids, e-mails, names, and names put together from first and last name) is tried; the one
that resolves the most values wins. Values compare without case or repeated spaces, and a
number written ``1001.0`` (a spreadsheet's float) is ``1001``. The top person's manager may be
blank, ``-1``, ``0``, or the person themself.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from csorg.audit.orgfile.columns import Columns
from csorg.audit.orgfile.table import NODE, Table, canonical

ROOT_MARKERS = frozenset({"", "-1", "0", "none", "null", "n/a", "-", "\u2014", "nobody", "self"})
KIND_RANK = {"id": 0, "node": 0, "email": 1, "name": 2, "composed": 3}
_SEPARATORS = re.compile(r"[;|:]")


class Key:
    """A column (or two put together) that identifies rows; its values are compared only
    when they are needed (most files resolve with their first key)."""

    def __init__(self, label: str, kind: str, written: list[str]) -> None:
        self.label = label
        self.kind = kind  # id, node, email, name, composed
        self.written = written  # per row, as written; "" where the row has none

    @functools.cached_property
    def values(self) -> list[str]:
        """The values, canonical, per row."""
        return [canonical(w) for w in self.written]

    @functools.cached_property
    def duplicates(self) -> dict[str, list[int]]:
        seen: dict[str, int] = {}
        out: dict[str, list[int]] = {}
        for row, value in enumerate(self.values):
            if not value:
                continue
            if value in seen:
                out.setdefault(value, [seen[value]]).append(row)
            else:
                seen[value] = row
        return out

    @functools.cached_property
    def index(self) -> dict[str, int]:
        """value -> row, for the values only one row has."""
        duplicates = self.duplicates
        return {v: r for r, v in enumerate(self.values) if v and v not in duplicates}


@dataclass
class Link:
    """A resolved link column: for each row, the rows its value names."""

    column: int
    key: Key
    targets: list[tuple[int, ...]]
    missing: list[tuple[int, str]] = field(default_factory=list)  # (row, value)
    ambiguous: list[tuple[int, str, list[int]]] = field(default_factory=list)
    named: int = 0  # rows with a value that is not a root marker

    @property
    def resolved(self) -> int:
        return self.named - len(self.missing) - len(self.ambiguous)

    @property
    def share(self) -> float:
        return self.resolved / self.named if self.named else 0.0


def candidates(table: Table, columns: Columns) -> list[Key]:
    """Every way a row can be named, ids first."""
    rows = table.rows
    if columns.forced_key is not None:
        i = columns.forced_key
        return [Key(table.headers[i], "id", [v[i] for _, v in rows])]
    keys = [
        Key(table.headers[i], "node" if table.headers[i] == NODE else kind, [v[i] for _, v in rows])
        for kind, i in columns.keys
    ]
    for target in sorted(set(table.links.values())):
        i = table.headers.index(target)
        if all(k.label != target for k in keys):
            keys.append(Key(target, "node" if target == NODE else "id", [v[i] for _, v in rows]))
    first, last = columns.one.get("first_name"), columns.one.get("last_name")
    if first is not None and last is not None:
        label = f"{table.headers[first]} + {table.headers[last]}"
        named = [(v[first], v[last]) if v[first] and v[last] else None for _, v in rows]
        keys.append(Key(label, "composed", [f"{n[0]} {n[1]}" if n else "" for n in named]))
        keys.append(
            Key(
                f"{label} (last, first)",
                "composed",
                [f"{n[1]}, {n[0]}" if n else "" for n in named],
            )
        )
    keys.sort(key=lambda k: KIND_RANK[k.kind])
    return keys


def resolve(table: Table, column: int, key: Key, *, several: bool, self_is_root: bool) -> Link:
    """Point each row's value in ``column`` at rows of ``key``. ``several`` splits a value
    into parts (dotted lines: ``a;b``, Organimi's ``a:b``)."""
    link = Link(column, key, [])
    own = key.values
    for row, (_, values) in enumerate(table.rows):
        text = canonical(values[column])
        if text in ROOT_MARKERS and text not in key.index:
            link.targets.append(())
            continue
        if self_is_root and text == own[row]:
            link.targets.append(())
            continue
        link.named += 1
        parts = [text] if text in key.index or not several else _split(text)
        found: list[int] = []
        for part in parts:
            if part in key.index:
                if key.index[part] != row:
                    found.append(key.index[part])
            elif part in key.duplicates:
                link.ambiguous.append((row, part, key.duplicates[part]))
                break
            else:
                link.missing.append((row, values[column].strip()))
                break
        link.targets.append(tuple(dict.fromkeys(found)))
    return link


def _split(text: str) -> list[str]:
    parts = [p.strip() for p in _SEPARATORS.split(text)]
    if len(parts) == 1 and "," in text and "@" in text:
        parts = [p.strip() for p in text.split(",")]  # e-mails separated by commas
    return [p for p in parts if p]


def best(table: Table, column: int, keys: list[Key], *, several: bool, self_is_root: bool) -> Link:
    """The key that resolves the most values of ``column``; ids win ties. A key that
    resolves every value ends the search."""
    links: list[Link] = []
    for key in keys:
        link = resolve(table, column, key, several=several, self_is_root=self_is_root)
        links.append(link)
        if not link.missing and not link.ambiguous:
            break
    return max(links, key=lambda lk: (lk.resolved, -keys.index(lk.key)))
