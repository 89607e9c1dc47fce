"""Reading an existing org chart (CSV or YAML) for `csorg audit`.

A chart is one row per person (or per seat), with at least ``id``, ``title`` and
``reports_to``; ``name``, ``role``, ``count``, ``region`` and ``segment`` are used when
present and any other column is ignored. csorg's own CSV export (per role or per seat) is
valid input. YAML holds the same fields as a list of mappings, or as a mapping with one
``people:`` or ``seats:`` list.

Everything wrong with a file is an error that names the file and the line: unreadable bytes,
missing columns, empty ids, duplicate ids, a ``reports_to`` naming no one, reporting cycles and
more than one person at the top.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from csorg.errors import CsorgError, Problem, did_you_mean
from csorg.fileio import read_bytes

MAX_PEOPLE = 50_000
MAX_COUNT = 100_000  # seats one row may stand for (csorg's per-role CSV has a count column)
MAX_SHOWN = 20  # problems listed in one error
REQUIRED = ("id", "title", "reports_to")
FIELDS = (*REQUIRED, "name", "role", "count", "region", "segment")  # the columns csorg reads
# Column names other tools use for the same thing (compared after normalising, see _column)
SYNONYMS = {
    "employee_id": "id",
    "person_id": "id",
    "seat": "id",
    "job_title": "title",
    "position": "title",
    "manager": "reports_to",
    "manager_id": "reports_to",
    "reports_to_id": "reports_to",
    "full_name": "name",
    "person": "name",
}
YAML_LISTS = ("people", "seats")
YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Person:
    """One row of an org chart: a person, or ``count`` seats alike (a per-role CSV row)."""

    id: str
    title: str
    reports_to: str | None
    line: int
    name: str | None = None
    role: str | None = None  # the `role` column as written, if any
    count: int = 1
    region: str | None = None
    segment: str | None = None


@dataclass
class OrgChart:
    """A checked chart: exactly one root, every manager known, no cycles."""

    file: str
    people: list[Person]  # in file order
    by_id: dict[str, Person] = field(default_factory=dict)
    reports: dict[str, list[str]] = field(default_factory=dict)  # manager id -> report ids
    root: str = ""

    def order(self) -> list[str]:
        """Ids depth first from the root, reports in file order (managers before reports)."""
        out: list[str] = []
        stack = [self.root]
        while stack:
            person = stack.pop()
            out.append(person)
            stack.extend(reversed(self.reports.get(person, [])))
        return out


# -- reading --------------------------------------------------------------------------------


def read_org(path: Path, display: str | None = None) -> OrgChart:
    """Read and check an org chart; a :class:`CsorgError` names the file and line if not."""
    name = display or str(path)
    data = read_bytes(path, name)
    if path.suffix.lower() in YAML_SUFFIXES:
        people = _yaml_people(data, name)
    else:
        people = _csv_people(decode(data, name), name)
    return build_chart(name, people)


def decode(data: bytes, file: str) -> str:
    """UTF-8 text (a byte-order mark is dropped); other encodings are errors with a line."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise CsorgError.at(file, "file is UTF-32 encoded; save it as UTF-8", line=1)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise CsorgError.at(file, "file is UTF-16 encoded; save it as UTF-8", line=1)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    nul = data.find(b"\0")
    if nul >= 0:
        raise CsorgError.at(
            file, "file holds NUL bytes: it is binary, not CSV", line=data.count(b"\n", 0, nul) + 1
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CsorgError.at(
            file,
            f"invalid UTF-8 byte 0x{data[exc.start]:02x}; save the file as UTF-8",
            line=data.count(b"\n", 0, exc.start) + 1,
        ) from None


def _column(name: str) -> str:
    """Header names compare without case, spacing or punctuation: `Reports To` = reports_to."""
    cleaned = "_".join("".join(c if c.isalnum() else " " for c in name.casefold()).split())
    return SYNONYMS.get(cleaned, cleaned)


def _rows(text: str, file: str) -> Iterator[tuple[int, list[str]]]:
    """(first line of the record, fields) for each non-blank CSV record."""
    first = text.split("\n", 1)[0]
    # spreadsheets in many locales save with ';' (or tabs) when ',' is the decimal mark
    delimiter = ","
    if "," not in first:
        delimiter = next((d for d in (";", "\t") if d in first), ",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise CsorgError.at(file, f"not valid CSV: {exc}", line=reader.line_num) from None
        if any(f.strip() for f in fields):
            yield start, fields
        start = reader.line_num + 1


def _csv_people(text: str, file: str) -> list[Person]:
    rows = _rows(text, file)
    header = next(rows, None)
    if header is None:
        raise CsorgError.at(
            file, "file is empty; expected a header line such as id,title,reports_to,name"
        )
    header_line, names = header
    columns = [_column(n) for n in names]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        shown = ", ".join(n.strip() or "(blank)" for n in names)
        raise CsorgError.at(
            file,
            f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}; "
            f"the header has: {shown} (needs at least id, title, reports_to)",
            line=header_line,
        )
    seen: set[str] = set()
    for column in columns:
        if column in seen and column in (*REQUIRED, "name", "role", "count"):
            raise CsorgError.at(file, f"column {column} appears twice", line=header_line)
        seen.add(column)
    index = {c: i for i, c in reversed(list(enumerate(columns)))}
    problems: list[Problem] = []
    people: list[Person] = []
    for line, fields in rows:
        if len(people) >= MAX_PEOPLE:
            raise CsorgError.at(
                file, f"more than {MAX_PEOPLE:,} people; csorg audits at most that many", line=line
            )
        if len(fields) > len(columns):
            problems.append(
                Problem(
                    file,
                    line,
                    message=f"{len(fields)} fields but the header has {len(columns)} "
                    "(quote a title that contains the separator)",
                )
            )
            continue

        values = {c: _field(fields, index.get(c)) for c in FIELDS}
        person = _person(file, line, values, problems)
        if person is not None:
            people.append(person)
    if problems:
        raise _invalid(file, problems)
    if not people:
        raise CsorgError.at(file, "no people in the file, only a header", line=header_line)
    return people


def _field(fields: list[str], position: int | None) -> str:
    if position is None or position >= len(fields):
        return ""  # a short row: the missing fields are empty
    return fields[position].strip()


def _person(file: str, line: int, values: dict[str, Any], problems: list[Problem]) -> Person | None:
    """A row's fields (text, or None where absent), checked; problems are appended."""
    ok = True
    for column in ("id", "title"):
        if not values.get(column):
            problems.append(Problem(file, line, field=column, message="is empty"))
            ok = False
    count = 1
    written = values.get("count")
    if written not in (None, ""):
        try:
            count = int(str(written))
        except ValueError:
            count = 0
        if not 1 <= count <= MAX_COUNT:
            problems.append(
                Problem(
                    file,
                    line,
                    field="count",
                    message=f"{written!r} is not a whole number from 1 to {MAX_COUNT:,}",
                )
            )
            ok = False
    if not ok:
        return None
    return Person(
        id=str(values["id"]),
        title=str(values["title"]),
        reports_to=str(values["reports_to"]) if values.get("reports_to") else None,
        line=line,
        name=str(values["name"]) if values.get("name") else None,
        role=str(values["role"]) if values.get("role") else None,
        count=count,
        region=str(values["region"]) if values.get("region") else None,
        segment=str(values["segment"]) if values.get("segment") else None,
    )


def _yaml_people(data: bytes, file: str) -> list[Person]:
    from csorg.catalog.yamlload import load_yaml

    doc = load_yaml(data, file, locate=True)
    if doc.problems:
        raise _invalid(file, doc.problems)
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
            "(mappings with id, title, reports_to)",
            line=where.line if where else 1,
        )
    if not root:
        raise CsorgError.at(file, "no people in the file", line=1)
    if len(root) > MAX_PEOPLE:
        raise CsorgError.at(
            file, f"more than {MAX_PEOPLE:,} people; csorg audits at most that many", line=1
        )
    problems: list[Problem] = []
    people: list[Person] = []
    for i, item in enumerate(root):
        where = doc.locate((*prefix, i))
        line = where.line if where else 1
        if not isinstance(item, dict):
            problems.append(
                Problem(file, line, message="each person must be a mapping (id: ..., title: ...)")
            )
            continue
        values: dict[str, Any] = {}
        given: set[str] = set()
        for key, value in item.items():
            column = _column(str(key))
            if column not in FIELDS:
                continue
            given.add(column)
            at = doc.locate((*prefix, i, key))
            if value is not None and (isinstance(value, bool) or not isinstance(value, str | int)):
                problems.append(
                    Problem(
                        file,
                        at.line if at else line,
                        field=key,
                        message=f"must be text, not {type(value).__name__} "
                        "(quote values such as `no` or `yes`)",
                    )
                )
                continue
            if column == "count" and isinstance(value, str):
                problems.append(
                    Problem(file, at.line if at else line, field=key, message="must be a number")
                )
                continue
            values[column] = None if value is None else str(value).strip()
        missing = [c for c in REQUIRED if c not in given]
        if missing:
            problems.append(
                Problem(
                    file,
                    line,
                    message=f"missing {', '.join(missing)} (every person needs id, title and "
                    "reports_to; the top person's reports_to is empty)",
                )
            )
            continue
        if len(values) < len(given):
            continue  # a value of the wrong type, reported above
        person = _person(file, line, values, problems)
        if person is not None:
            people.append(person)
    if problems:
        raise _invalid(file, problems)
    return people


def _invalid(file: str, problems: Sequence[Problem]) -> CsorgError:
    """One error for every problem found (the first :data:`MAX_SHOWN` of them)."""
    if len(problems) == 1:
        return CsorgError(str(problems[0]), problems)
    shown = f" (the first {MAX_SHOWN} below)" if len(problems) > MAX_SHOWN else ""
    first = sorted(problems, key=lambda p: (p.line or 0, p.column or 0))[:MAX_SHOWN]
    return CsorgError(f"{file}: {len(problems)} problems in the org chart{shown}", first)


# -- checking the tree ----------------------------------------------------------------------


def build_chart(file: str, people: list[Person]) -> OrgChart:
    """Index the people and check the tree: unique ids, known managers, one root, no cycle."""
    problems: list[Problem] = []
    by_id: dict[str, Person] = {}
    for person in people:
        first = by_id.get(person.id)
        if first is not None:
            problems.append(
                Problem(
                    file,
                    person.line,
                    field="id",
                    message=f"{person.id!r} is used twice (first on line {first.line})",
                )
            )
            continue
        by_id[person.id] = person
    ids = list(by_id)
    for person in people:
        manager = person.reports_to
        if manager is None or manager in by_id:
            continue
        hint = did_you_mean(manager, ids)
        problems.append(
            Problem(
                file,
                person.line,
                field="reports_to",
                message=f"{manager!r} names no one in the file"
                + (f" (did you mean {' or '.join(repr(h) for h in hint)}?)" if hint else ""),
            )
        )
    if problems:
        raise _invalid(file, problems)

    roots = [p for p in by_id.values() if p.reports_to is None]
    cycle = _cycle(by_id)
    if cycle:
        path = " → ".join([*cycle, cycle[0]])
        lines = ", ".join(str(by_id[c].line) for c in cycle)
        raise CsorgError.at(
            file,
            f"reporting cycle: {path} (lines {lines}); someone in it must report outside it",
            line=by_id[cycle[0]].line,
            field="reports_to",
        )
    if len(roots) > 1:
        shown = ", ".join(f"{p.id!r} (line {p.line})" for p in roots[:5])
        more = f" and {len(roots) - 5} more" if len(roots) > 5 else ""
        raise CsorgError.at(
            file,
            f"{len(roots)} people report to no one: {shown}{more}; an org chart has one top "
            "(give the others a reports_to)",
            line=roots[1].line,
            field="reports_to",
        )
    # no cycle and at least one person means there is a root
    reports: dict[str, list[str]] = {}
    for person in by_id.values():
        if person.reports_to is not None:
            reports.setdefault(person.reports_to, []).append(person.id)
    return OrgChart(file, list(by_id.values()), by_id, reports, roots[0].id)


def _cycle(by_id: dict[str, Person]) -> list[str]:
    """One reporting cycle (ids in order, starting from the earliest in the file), or []."""
    state: dict[str, int] = {}  # 1: on the current path, 2: leads to the root
    for start in by_id:
        path: list[str] = []
        current: str | None = start
        while current is not None and current not in state:
            state[current] = 1
            path.append(current)
            current = by_id[current].reports_to
        if current is not None and state[current] == 1:
            loop = path[path.index(current) :]
            first = min(range(len(loop)), key=lambda i: by_id[loop[i]].line)
            return loop[first:] + loop[:first]
        for person in path:
            state[person] = 2
    return []
