"""YAML org charts: a list of mappings, or a mapping with one ``people:`` or ``seats:`` list.

Read with csorg's safe loader (no tags, no duplicate keys, hard limits). Keys become
columns, so a YAML chart uses the same column names as a CSV one.
"""

from __future__ import annotations

from typing import Any

from csorg.audit.orgfile.limits import MAX_PEOPLE, Problems, invalid, too_many
from csorg.audit.orgfile.table import Table
from csorg.errors import CsorgError

YAML_LISTS = ("people", "seats")


def read_yaml(data: bytes, file: str) -> Table:
    from csorg.catalog.yamlload import load_yaml

    doc = load_yaml(data, file, locate=True)
    if doc.problems:
        raise invalid(file, doc.problems)
    root = doc.data
    prefix: tuple[str | int, ...] = ()
    if isinstance(root, dict):
        lists = [k for k in YAML_LISTS if k in root]
        if len(lists) != 1:
            raise CsorgError.at(
                file,
                "expected a list of people, or a mapping with one `people:` or `seats:` list",
                line=1,
            )
        prefix = (lists[0],)
        root = root[lists[0]]
    if not isinstance(root, list):
        where = doc.locate(prefix)
        raise CsorgError.at(
            file,
            f"{'`' + str(prefix[0]) + '` must be' if prefix else 'expected'} a list of people "
            "(mappings with id, name, title and manager)",
            line=where.line if where else 1,
        )
    if not root:
        raise CsorgError.at(file, "no people in the file", line=1)
    if len(root) > MAX_PEOPLE:
        raise too_many(file, 1)
    headers: dict[str, int] = {}
    records: list[tuple[int, dict[str, str]]] = []
    problems = Problems(file)
    for i, item in enumerate(root):
        where = doc.locate((*prefix, i))
        line = where.line if where else 1
        if not isinstance(item, dict):
            problems.add(line, "each person must be a mapping (id: ..., title: ...)")
            continue
        record: dict[str, str] = {}
        for key, value in item.items():
            text = _text(value)
            if text is None:
                at = doc.locate((*prefix, i, key))
                problems.add(
                    at.line if at else line,
                    f"must be text, not {type(value).__name__} "
                    "(quote values such as `no` or `yes`)",
                    field=str(key),
                )
                continue
            headers.setdefault(str(key), len(headers))
            record[str(key)] = text
        records.append((line, record))
    problems.raise_any()
    names = list(headers)
    rows = [(line, [record.get(h, "") for h in names]) for line, record in records]
    return Table(names, rows, header_line=1, kind="YAML")


def _text(value: Any) -> str | None:
    """A YAML value as column text; ``None`` for a value no column can hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return None
    if isinstance(value, str | int | float):
        return str(value).strip()
    if isinstance(value, list) and all(
        isinstance(v, str | int) and not isinstance(v, bool) for v in value
    ):
        return ";".join(str(v).strip() for v in value)  # dotted-line managers, tags
    return None
