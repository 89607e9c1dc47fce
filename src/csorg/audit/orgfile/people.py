"""The rows of a table as people: ids, managers, dotted lines and every other field.

Each row's id is its value in the first id column that is filled in and unique for every
filled seat (an employee number, a position id), else the key the manager column points at
(an e-mail, a name). An open seat with no key at all gets its requisition, or ``open-N``
numbered in a fixed order, so the same file in any row order gives the same ids.
"""

from __future__ import annotations

from csorg.audit.orgfile import rows as row_fields
from csorg.audit.orgfile.columns import Columns
from csorg.audit.orgfile.keys import Key, Link
from csorg.audit.orgfile.limits import Problems
from csorg.audit.orgfile.model import Person, natural_key
from csorg.audit.orgfile.table import Table


def people(
    table: Table,
    columns: Columns,
    keys: list[Key],
    manager: Link,
    dotted: list[Link],
    problems: Problems,
) -> list[Person]:
    titles = [values[columns.title] for _, values in table.rows]
    vacant = [
        row_fields.is_vacant(values, columns, titles[r]) for r, (_, values) in enumerate(table.rows)
    ]
    ids, label = _ids(table, columns, keys, manager.key, vacant, problems)
    columns.id_label = label
    week = row_fields.full_week(table, columns)
    out: list[Person] = []
    for r, (line, values) in enumerate(table.rows):
        title = titles[r]
        if not title:
            problems.add(line, "is empty", field="title")
            continue
        targets = manager.targets[r]
        if len(targets) > 1:
            problems.add(
                line,
                f"{len(targets)} managers; a person has one (others are dotted lines)",
                field="manager",
            )
            continue
        employment, part_time = row_fields.employment(values, columns, title)
        fte, assumed = row_fields.fte(values, columns, part_time, week, line, problems)
        name = row_fields.full_name(values, columns)

        def text(field: str, values: list[str] = values) -> str | None:
            return row_fields.text(values, columns, field) or None

        dotted_ids = tuple(dict.fromkeys(ids[t] for link in dotted for t in link.targets[r]))
        out.append(
            Person(
                id=ids[r],
                title=title,
                reports_to=ids[targets[0]] if targets else None,
                line=line,
                name=None if vacant[r] else name or None,
                role=text("role"),
                count=row_fields.count(values, columns, line, problems),
                region=text("region"),
                segment=text("segment"),
                vacant=vacant[r],
                employment=employment,
                fte=fte,
                fte_assumed=assumed,
                dotted=tuple(d for d in dotted_ids if d != ids[r]),
                location="; ".join(values[i] for i in columns.locations if values[i]) or None,
                department=text("department"),
                job_profile=text("job_profile"),
                req=row_fields.req(values, columns, name, title) or None,
                accounts=row_fields.book(values, columns, "accounts", line, problems),
                arr=row_fields.book(values, columns, "arr", line, problems),
            )
        )
    return out


def _ids(
    table: Table,
    columns: Columns,
    keys: list[Key],
    key: Key,
    vacant: list[bool],
    problems: Problems,
) -> tuple[list[str], str]:
    """Each row's id, and the column the ids come from."""
    filled = [r for r, v in enumerate(vacant) if not v]
    display = next(
        (
            k
            for k in keys
            if k.kind == "id"
            and all(k.values[r] for r in filled)
            and len({k.values[r] for r in filled}) == len(filled)
        ),
        key,
    )
    written = [display.written[r].strip() or key.written[r].strip() for r in range(len(table.rows))]
    keyless: list[int] = []
    for r, (line, values) in enumerate(table.rows):
        if written[r]:
            continue
        if not vacant[r] and key.kind in ("id", "node"):
            problems.add(line, "is empty", field="id")
        req = row_fields.req(
            values, columns, row_fields.full_name(values, columns), values[columns.title]
        )
        if req:
            written[r] = req
        else:
            keyless.append(r)
    keyless.sort(key=lambda r: tuple(natural_key(v) for v in table.rows[r][1]))
    for n, r in enumerate(keyless, start=1):
        written[r] = f"open-{n}" if vacant[r] else f"person-{n}"
    return written, display.label
