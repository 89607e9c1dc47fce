"""The reporting lines of a table: the manager column (and the key its values point at), and
the dotted-line columns.

When two columns could be the manager and both resolve, they must agree; where they do not
(an old ``Manager`` beside a current ``Supervisor``), csorg asks which one to use instead of
picking one.
"""

from __future__ import annotations

import re

from csorg.audit.orgfile.columns import COLUMNS_FLAG, Columns, normal_header
from csorg.audit.orgfile.keys import Key, Link, best
from csorg.audit.orgfile.limits import Problems
from csorg.audit.orgfile.table import MANAGER_EDGE, Table
from csorg.errors import CsorgError
from csorg.text import one_line

RESOLVES = 0.8  # share of its values that must name rows for a column to be the manager
MOSTLY = 0.5  # with a single candidate: values that name no one are then problems of rows
_BRACKETED = re.compile(r"\(([^()]+)\)\s*$")
MAX_LISTED = 5


def manager_link(table: Table, columns: Columns, keys: list[Key], file: str) -> Link:
    """The manager column that names rows, and the key it names them by."""
    if not columns.managers:
        return _supervisory(table, columns, keys, file)
    links = [
        best(table, m, keys, several=table.headers[m] == MANAGER_EDGE, self_is_root=True)
        for m in columns.managers
    ]
    good = [lk for lk in links if lk.named and lk.share >= RESOLVES]
    if not good:
        usable = max(links, key=lambda lk: lk.share)
        if usable.share < MOSTLY or (len(links) > 1 and usable.share < RESOLVES):
            raise _unresolved(table, links, keys, file)
        good = [usable]
    chosen = min(
        good, key=lambda lk: (1 - lk.share, _rank(lk.key), columns.managers.index(lk.column))
    )
    for other in good:
        if other is chosen:
            continue
        differ = [
            r for r, (a, b) in enumerate(zip(chosen.targets, other.targets, strict=True)) if a != b
        ]
        if differ:
            raise _disagree(table, chosen, other, differ, file)
    return chosen


def _rank(key: Key) -> int:
    return {"id": 0, "node": 0, "email": 1, "name": 2, "composed": 3}[key.kind]


def dotted_links(table: Table, columns: Columns, keys: list[Key]) -> list[Link]:
    return [best(table, d, keys, several=True, self_is_root=False) for d in columns.dotted]


def check(link: Link, table: Table, problems: Problems, field: str) -> None:
    """Values that name no one, or more than one row, become problems at their line."""
    for row, value in link.missing:
        problems.add(
            table.rows[row][0],
            f"{value!r} names no one in the file (values of {table.headers[link.column]!r} "
            f"are read as {link.key.label})",
            field=field,
        )
    for row, value, rows in link.ambiguous:
        lines = ", ".join(str(table.rows[r][0]) for r in rows[:MAX_LISTED])
        problems.add(
            table.rows[row][0],
            f"{value!r} names {len(rows)} people (lines {lines}); use a unique id or e-mail",
            field=field,
        )


def _supervisory(table: Table, columns: Columns, keys: list[Key], file: str) -> Link:
    """Workday's supervisory organisation names the team's manager in brackets:
    "Customer Success (Pell Arkwright)"; the head of the top organisation names themself."""
    column = next(
        i for i in range(len(table.headers)) if "supervisory" in normal_header(table.headers[i])
    )
    names = [m.group(1) if (m := _BRACKETED.search(v[column])) else "" for _, v in table.rows]
    shadow = Table(
        [*table.headers, "manager in brackets"],
        [(line, [*values, name]) for (line, values), name in zip(table.rows, names, strict=True)],
    )
    link = best(shadow, len(table.headers), keys, several=False, self_is_root=True)
    if not link.named or link.share < RESOLVES:
        raise _unresolved(shadow, [link], keys, file)
    table.notes.append(
        f"no manager column: managers read from the names in brackets in {table.headers[column]!r}"
    )
    link.column = column
    return link


def _unresolved(table: Table, links: list[Link], keys: list[Key], file: str) -> CsorgError:
    lines = []
    for link in links:
        header = table.headers[link.column]
        samples = ", ".join(repr(one_line(v)) for _, v in link.missing[:3])
        lines.append(
            f"the values of {header!r} name no row of the file"
            + (f" (e.g. {samples})" if samples else "")
            + f": {link.resolved} of {link.named} match a column of ids, e-mails or names"
        )
    tried = ", ".join(k.label for k in keys) or "none"
    message = (
        "; ".join(lines)
        + f"\n  columns tried as the key the manager values point at: {tried}"
        + f"\n  name the columns with {COLUMNS_FLAG}, e.g. "
        f"{COLUMNS_FLAG} 'id=Employee ID,manager=Manager ID'"
    )
    return CsorgError.at(file, message, line=table.header_line or 1)


def _disagree(table: Table, a: Link, b: Link, rows: list[int], file: str) -> CsorgError:
    first, second = table.headers[a.column], table.headers[b.column]
    where = ", ".join(str(table.rows[r][0]) for r in rows[:MAX_LISTED])
    more = f" and {len(rows) - MAX_LISTED} more" if len(rows) > MAX_LISTED else ""
    return CsorgError.at(
        file,
        f"two columns could be the manager, {first!r} and {second!r}, and they disagree on "
        f"{len(rows)} row{'s' if len(rows) > 1 else ''} (line{'s' if len(rows) > 1 else ''} "
        f"{where}{more}); say which is the current line with {COLUMNS_FLAG} "
        f"'manager={second}' (or 'manager={first}')",
        line=table.rows[rows[0]][0],
    )
