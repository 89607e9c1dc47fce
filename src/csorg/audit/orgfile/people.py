"""The rows of a table as people: ids, managers, dotted lines and every other field.

Each row's id is its value in the first id column that is filled in and unique for every
filled seat (an employee number, a position id), else the key the manager column points at
(an e-mail, a name). An open seat with no key at all gets its requisition, or ``open-N``
numbered in a fixed order, so the same file in any row order gives the same ids.
"""

from __future__ import annotations

from csorg.audit.orgfile.columns import Columns
from csorg.audit.orgfile.keys import Key, Link
from csorg.audit.orgfile.limits import Problems
from csorg.audit.orgfile.model import Person, natural_key
from csorg.audit.orgfile.rows import Fields
from csorg.audit.orgfile.table import Table

OPTIONAL = ("role", "region", "segment", "department", "job_profile")


def people(
    table: Table,
    columns: Columns,
    keys: list[Key],
    manager: Link,
    dotted: list[Link],
    problems: Problems,
) -> list[Person]:
    fields = Fields(table, columns)
    at = fields.at
    titles = [values[columns.title] for _, values in table.rows]
    vacant = [fields.vacant(values, titles[r]) for r, (_, values) in enumerate(table.rows)]
    ids, label = _ids(table, columns, fields, keys, manager.key, vacant, problems)
    columns.id_label = label
    books = at["accounts"] >= 0 or at["arr"] >= 0
    out: list[Person] = []
    for r, (line, values) in enumerate(table.rows):
        title = titles[r]
        count = fields.count(values, line, problems) if at["count"] >= 0 else 1
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
        employment, part_time = fields.employment(values, title)
        fte, assumed = (
            fields.fte(values, part_time, line, problems)
            if fields.sized
            else ((0.5, True) if part_time else (1.0, False))
        )
        optional = [values[at[f]] or None if at[f] >= 0 else None for f in OPTIONAL]
        role, region, segment, department, job_profile = optional
        dotted_ids = tuple(dict.fromkeys(ids[t] for link in dotted for t in link.targets[r]))
        out.append(
            Person(
                id=ids[r],
                title=title,
                reports_to=ids[targets[0]] if targets else None,
                line=line,
                name=None if vacant[r] else fields.name(values) or None,
                role=role,
                count=count,
                region=region,
                segment=segment,
                vacant=vacant[r],
                employment=employment,
                fte=fte,
                fte_assumed=assumed,
                dotted=tuple(d for d in dotted_ids if d != ids[r]),
                location="; ".join(values[i] for i in columns.locations if values[i]) or None,
                department=department,
                job_profile=job_profile,
                req=(fields.req(values, title) or None) if vacant[r] or at["req"] >= 0 else None,
                accounts=fields.book(values, "accounts", line, problems) if books else None,
                arr=fields.book(values, "arr", line, problems) if books else None,
            )
        )
    return out


def _ids(
    table: Table,
    columns: Columns,
    fields: Fields,
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
        req = fields.req(values, values[columns.title])
        if req:
            written[r] = req
        else:
            keyless.append(r)
    keyless.sort(key=lambda r: tuple(natural_key(v) for v in table.rows[r][1]))
    for n, r in enumerate(keyless, start=1):
        written[r] = f"open-{n}" if vacant[r] else f"person-{n}"
    return written, display.label
