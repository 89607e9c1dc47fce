"""Which column holds what: header names of the common HR and charting exports, and the
``--columns`` flag that overrides them.

Headers compare without case, spacing or punctuation (``Manager's Email`` =
``managers_email``, ``Employee #`` = ``employee_number``); the names each export uses are
data (``csorg/audit/data/headers.csv``). A header names a *field*; several
columns may name the same field (two manager columns, an id and an e-mail): which one the
manager values really point at is decided from the values (:mod:`csorg.audit.orgfile.keys`).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from importlib import resources

from csorg.audit.orgfile.table import Table, canonical
from csorg.errors import CsorgError, UsageError
from csorg.text import one_line

COLUMNS_FLAG = "--columns"
# fields a person has; "key" fields identify a row, "link" fields name other rows
KEY_FIELDS = ("id", "email", "name")
FLAG_FIELDS = (
    "id",
    "name",
    "first_name",
    "last_name",
    "email",
    "title",
    "manager",
    "dotted",
    "region",
    "segment",
    "location",
    "department",
    "employment",
    "status",
    "fte",
    "hours",
    "req",
    "tags",
    "accounts",
    "arr",
    "role",
    "count",
)


def _headers() -> dict[str, str]:
    text = resources.files("csorg.audit").joinpath("data").joinpath("headers.csv")
    rows = [r for r in text.read_text(encoding="utf-8").splitlines() if r and r[0] != "#"]
    return {row["header"]: row["field"] for row in csv.DictReader(rows)}


SYNONYMS: dict[str, str] = _headers()  # normalised header -> field (data/headers.csv)
_GENERIC = re.compile(r"^(column|field|col|spalte)_?\d+$")
# words that make a column of text look like job titles (used only to suggest --columns)
_TITLE_WORDS = frozenset(
    [
        "ceo",
        "cto",
        "coo",
        "vp",
        "director",
        "head",
        "manager",
        "lead",
        "engineer",
        "specialist",
        "analyst",
        "agent",
        "support",
        "success",
        "customer",
        "officer",
        "associate",
        "consultant",
        "representative",
        "rep",
        "csm",
        "founder",
    ]
)


def normal_header(text: str) -> str:
    text = text.casefold().replace("#", " number ").replace("'", "").replace("\u2019", "")
    words = re.sub(r"[^\w]+", " ", text).replace("_", " ").split()
    return "_".join(w for w in words if w != "overwrite")


@dataclass
class Columns:
    """Header positions by field; ``keys``, ``managers`` and ``dotted`` may hold several."""

    title: int
    managers: list[int]
    keys: list[tuple[str, int]]  # (field, position): id, email and name columns
    dotted: list[int] = field(default_factory=list)
    one: dict[str, int] = field(default_factory=dict)  # every other field: its column
    forced_key: int | None = None  # --columns id=...
    locations: list[int] = field(default_factory=list)
    id_label: str = ""  # where the ids come from, once the rows are read

    def used(self, table: Table) -> dict[str, str]:
        """field -> header, for the report."""
        out = {"id": self.id_label} if self.id_label else {}
        out["title"] = table.headers[self.title]
        out.update({n: table.headers[i] for n, i in self.one.items() if n not in out})
        if self.locations:
            out["location"] = ", ".join(table.headers[i] for i in self.locations)
        return out


def parse_flag(text: str | None) -> dict[str, str]:
    """``id=Employee ID,manager=Boss`` -> ``{"id": "Employee ID", "manager": "Boss"}``."""
    if not text:
        return {}
    out: dict[str, str] = {}
    for part in text.split(","):
        name, eq, header = part.partition("=")
        key = name.strip().casefold().replace("-", "_")
        if not eq or not header.strip():
            raise UsageError(
                f"invalid value for {COLUMNS_FLAG}: {part.strip()!r}; write FIELD=COLUMN, for "
                "example --columns id=Employee ID,manager=Supervisor ID,title=Job Title"
            )
        if key not in FLAG_FIELDS:
            raise UsageError(
                f"invalid value for {COLUMNS_FLAG}: {name.strip()!r} is not a field; choose from: "
                + ", ".join(FLAG_FIELDS)
            )
        if key in out:
            raise UsageError(f"invalid value for {COLUMNS_FLAG}: {key} is given twice")
        out[key] = header.strip()
    return out


def positional(overrides: dict[str, str]) -> bool:
    """Whether ``--columns`` names columns by position (``id=1,title=3``)."""
    return bool(overrides) and all(v.isdigit() for v in overrides.values())


def detect(table: Table, overrides: dict[str, str], file: str) -> Columns:
    """The columns of ``table``; a missing title or manager column is an error that lists
    what the header has and how to name the columns."""
    fields = [SYNONYMS.get(normal_header(h)) for h in table.headers]
    for name, wanted in overrides.items():
        index = _find(table, wanted, name, file)
        fields = [None if f == name and i != index else f for i, f in enumerate(fields)]
        fields[index] = name
    for source in table.links:
        index = table.headers.index(source)
        if fields[index] not in ("manager", "dotted"):
            fields[index] = "dotted" if source in table.dotted else "manager"
    fields = _role_as_title(fields)
    managers = [i for i, f in enumerate(fields) if f == "manager"]
    titles = [i for i, f in enumerate(fields) if f == "title"]
    missing = [w for w, have in (("title", titles), ("manager", managers)) if not have]
    if managers or _supervisory(table, fields):
        missing = [w for w in missing if w != "manager"]
    if not missing and not _identifies(table, fields, overrides):
        missing = ["id (or name)"]
    if missing:
        raise _not_found(table, fields, missing, file)
    one: dict[str, int] = {}
    for i, found in enumerate(fields):
        if found is not None and found not in ("manager", "dotted", "title", "location"):
            one.setdefault(found, i)
    columns = Columns(
        title=titles[0],
        managers=managers,
        keys=[(f, i) for i, f in enumerate(fields) if f in KEY_FIELDS],
        dotted=[i for i, f in enumerate(fields) if f == "dotted"],
        one=one,
        locations=[i for i, f in enumerate(fields) if f == "location"],
    )
    if len(titles) > 1 and "job_profile" not in one:
        one["job_profile"] = titles[1]
    if "id" in overrides:
        columns.forced_key = _find(table, overrides["id"], "id", file)
    return columns


def _role_as_title(fields: list[str | None]) -> list[str | None]:
    """A file with a `role` column and no title column holds its titles under `role`."""
    if "title" not in fields and "role" in fields:
        return ["title" if f == "role" else f for f in fields]
    return fields


def _supervisory(table: Table, fields: list[str | None]) -> bool:
    """Whether a department column names each team's manager in brackets, as Workday's
    supervisory organisations do ("Customer Success (Pell Arkwright)")."""
    return any(
        f == "department" and "supervisory" in normal_header(table.headers[i])
        for i, f in enumerate(fields)
    )


def _find(table: Table, wanted: str, name: str, file: str) -> int:
    if wanted.isdigit() and not any(normal_header(h) == wanted for h in table.headers):
        position = int(wanted)
        if 1 <= position <= len(table.headers):
            return position - 1
        raise UsageError(
            f"invalid value for {COLUMNS_FLAG}: {name}={wanted}, but the file has "
            f"{len(table.headers)} columns"
        )
    key = normal_header(wanted)
    for i, header in enumerate(table.headers):
        if normal_header(header) == key:
            return i
    raise UsageError(
        f"invalid value for {COLUMNS_FLAG}: {name}={wanted!r}, but {file} has no such column; "
        f"its columns: {_listed(table.headers)}"
    )


def _listed(headers: list[str]) -> str:
    return ", ".join(one_line(h) or "(blank)" for h in headers)


def _identifies(table: Table, fields: list[str | None], overrides: dict[str, str]) -> bool:
    """Whether some column can name a person for the manager values to point at."""
    return (
        "id" in overrides
        or bool(table.links)
        or any(f in KEY_FIELDS for f in fields)
        or {"first_name", "last_name"} <= set(fields)
    )


def _not_found(table: Table, fields: list[str | None], missing: list[str], file: str) -> CsorgError:
    found = [f"{name}={one_line(table.headers[i])}" for i, name in enumerate(fields) if name]
    lines = [
        f"cannot tell which column holds the {' and the '.join(missing)}; the header has: "
        f"{_listed(table.headers)}"
    ]
    if found:
        lines.append(f"  recognised: {', '.join(found)}")
    for line, values in table.rows[:2]:
        lines.append(f"  line {line}: {' | '.join(one_line(v) or '(blank)' for v in values)}")
    headerless = all(not f for f in fields) and not any(
        _GENERIC.match(normal_header(h)) for h in table.headers
    )
    guess = suggest(table, headerless=headerless)
    example = guess or "id=Employee ID,name=Full Name,title=Job Title,manager=Manager ID"
    lines.append(
        f"  name the columns with {COLUMNS_FLAG}, e.g. {COLUMNS_FLAG} {example!r}"
        + (" (what the values suggest)" if guess else "")
    )
    if headerless:
        lines.append(
            "  if the first line is a person, not a header, name the columns by position "
            f"({COLUMNS_FLAG} 'id=1,title=3,...'): the first line is then read as a person"
        )
    return CsorgError.at(file, "\n".join(lines), line=table.header_line or 1)


def suggest(table: Table, *, headerless: bool = False) -> str:
    """A ``--columns`` value the values point to (an id column another column refers to, the
    most title-like text column, a unique text column for names), or "" when unclear. With
    ``headerless``, the first line is read as a person and columns are named by position."""
    rows = [(table.header_line, table.headers), *table.rows] if headerless else table.rows
    if len(table.headers) > 12 or not rows:
        return ""
    columns = [[canonical(values[i]) for _, values in rows] for i in range(len(table.headers))]
    names = [str(i + 1) for i in range(len(table.headers))] if headerless else table.headers
    pair = None
    for k, keys in enumerate(columns):
        known = set(keys) - {""}
        if len(known) != sum(1 for v in keys if v):
            continue
        for m, refs in enumerate(columns):
            used = [v for v in refs if v]
            if m != k and used and sum(1 for v in used if v in known) >= 0.9 * len(used):
                pair = (k, m)
                break
        if pair:
            break
    if pair is None:
        return ""
    texts = [i for i in range(len(columns)) if i not in pair]
    scores = {i: sum(1 for v in columns[i] if set(v.split()) & _TITLE_WORDS) for i in texts}
    title = max(texts, key=lambda i: (scores[i], -i), default=None)
    if title is None or scores[title] == 0:
        return ""
    parts = [f"id={names[pair[0]]}"]
    people = [
        i
        for i in texts
        if i != title
        and len(set(columns[i])) >= 0.9 * len(columns[i])
        and sum(1 for v in columns[i] if " " in v and "," not in v) >= 0.8 * len(columns[i])
    ]
    if people:
        parts.append(f"name={names[people[0]]}")
    parts += [f"title={names[title]}", f"manager={names[pair[1]]}"]
    return ",".join(parts)
