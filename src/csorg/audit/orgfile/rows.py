"""One row of a table as a :class:`Person`: name, open seat, employment, FTE and book.

* **Open seats:** a name (or first name) such as TBH, TBD, Open, Open req, Open Role,
  Vacant or To be hired (alone or before a requisition: "TBH (REQ-0419)", "Open req -
  Support Engineer"); an empty name where the file has names; a title marked "TBH -",
  "[Vacant]" or "- Open Req"; a status such as Unfilled, Open position or Vacant; a tag
  ``vacant``/``vacancy``/``open``; a requisition with no person (ChartHop).
* **Contractors:** an employment, worker type, contract or tag naming a contractor,
  contingent worker, freelancer, agency or temporary worker.
* **FTE:** ``0.5``, ``0,5``, ``50`` or ``50%`` (values above 1.5 are percentages), or hours
  per week against the usual full week in the file (40 when unclear); part-time with no
  figure counts as 0.5 and says so.
* **Book:** accounts and ARR per person, written ``1,200``, ``$2.5M`` or ``800k``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from csorg.audit.orgfile.columns import Columns
from csorg.audit.orgfile.limits import MAX_COUNT, Problems
from csorg.audit.orgfile.model import Employment
from csorg.audit.orgfile.table import Table
from csorg.audit.titles.vocabulary import VACANCY_TITLE

_VACANT_NAME = re.compile(
    r"^(tbh|tbd|open|open req(uisition)?|open role|open position|open seat|open headcount|"
    r"vacant|vacancy|to be hired|hiring|new hire|req)\b",
    re.I,
)
_VACANT_STATUS = re.compile(
    r"^(unfilled|open|open position|open req(uisition)?|vacant|vacancy|requisition|"
    r"to be hired|tbh|not filled|approved requisition)$",
    re.I,
)
_VACANT_TAG = frozenset({"vacant", "vacancy", "open", "open-seat", "tbh", "opening"})
_CONTRACTOR = re.compile(
    r"\b(contractors?|contingent|freelancers?|freelance|agency|temp|temporary|1099|"
    r"consultants?|external|vendor|outsourced)\b|^contract$",
    re.I,
)
_PART_TIME = re.compile(r"\bpart[\s_-]?time\b|\bpt\b", re.I)
_REQ = re.compile(r"\b(req[-\s#:]*\d+[\w-]*)", re.I)
_AMOUNT = re.compile(r"^[^\d.,-]*(-?[\d.,' ]*\d)\s*([kmb])?[^\d]*$", re.I)
_SCALE = {"k": 1e3, "m": 1e6, "b": 1e9}
FULL_WEEK = 40.0
MAX_BOOK = 1e13


@dataclass(frozen=True)
class Fields:
    """A row's values by field (text as written, ``""`` when absent)."""

    title: str
    name: str
    has_names: bool
    vacant: bool
    employment: Employment
    fte: float
    fte_assumed: bool
    req: str


def text(values: list[str], columns: Columns, name: str) -> str:
    index = columns.one.get(name)
    return values[index] if index is not None else ""


def full_name(values: list[str], columns: Columns) -> str:
    name = text(values, columns, "name")
    if name:
        return name
    return " ".join(
        p for p in (text(values, columns, "first_name"), text(values, columns, "last_name")) if p
    )


def has_names(columns: Columns) -> bool:
    return any(f in columns.one for f in ("name", "first_name", "last_name"))


def is_vacant(values: list[str], columns: Columns, title: str) -> bool:
    name = full_name(values, columns)
    if name and _VACANT_NAME.match(name.strip("[]() ")):
        return True
    first = text(values, columns, "first_name")
    if first and _VACANT_NAME.match(first):
        return True
    if VACANCY_TITLE.search(title):
        return True
    for field in ("status", "employment"):
        if _VACANT_STATUS.match(text(values, columns, field).strip()):
            return True
    tags = {t.strip().casefold() for t in re.split(r"[,;|]", text(values, columns, "tags"))}
    if tags & _VACANT_TAG:
        return True
    if not name and has_names(columns):
        return True  # a seat with a title and nobody's name in it
    keys = [values[i] for _, i in columns.keys]
    return bool(text(values, columns, "req")) and not any(keys) and not name


def employment(values: list[str], columns: Columns, title: str) -> tuple[Employment, bool]:
    """(employee or contractor, part-time) from employment columns, tags and the title."""
    words = [text(values, columns, f) for f in ("employment", "status", "tags")]
    contractor = any(_CONTRACTOR.search(w) for w in words if w)
    contractor = contractor or bool(re.search(r"\((contract|contractor|temp)\)", title, re.I))
    part_time = any(_PART_TIME.search(w) for w in words if w) or bool(
        re.search(r"\(part[\s-]?time\)", title, re.I)
    )
    return ("contractor" if contractor else "employee"), part_time


def full_week(table: Table, columns: Columns) -> float:
    """The usual full week of an hours column: its most common value of 30 hours or more."""
    index = columns.one.get("hours")
    if index is None:
        return FULL_WEEK
    hours = Counter(
        value
        for _, values in table.rows
        if (value := number(values[index])) is not None and value >= 30
    )
    return hours.most_common(1)[0][0] if hours else FULL_WEEK


def fte(
    values: list[str], columns: Columns, part_time: bool, week: float, line: int, problems: Problems
) -> tuple[float, bool]:
    """(FTE, assumed) of a row; a bad figure is a problem at its line."""
    written = text(values, columns, "fte")
    field = "fte"
    value: float | None = None
    if written:
        value = number(written.rstrip("%").strip())
        if value is not None and (written.endswith("%") or value > 1.5):
            value /= 100
    elif text(values, columns, "hours"):
        written = text(values, columns, "hours")
        field = "hours"
        value = number(written)
        if value is not None:
            value /= week
    else:
        return (0.5, True) if part_time else (1.0, False)
    if value is None or not 0 < value <= 1.5:
        problems.add(line, f"{written!r} is not an FTE (0.5, 50%) or hours per week", field=field)
        return 1.0, False
    return round(value, 4), False


def number(written: str) -> float | None:
    """``1,200``, ``1.200,5``, ``$2.5M``, ``800k`` as a number; ``None`` if it is not one."""
    match = _AMOUNT.match(written.strip())
    if not match:
        return None
    digits, scale = match.group(1).replace(" ", "").replace("'", ""), match.group(2)
    if "," in digits and "." in digits:
        digits = (
            digits.replace(",", "")
            if digits.rfind(".") > digits.rfind(",")
            else digits.replace(".", "").replace(",", ".")
        )
    elif digits.count(",") == 1 and len(digits.split(",")[1]) != 3:
        digits = digits.replace(",", ".")  # a decimal comma: 0,5
    else:
        digits = digits.replace(",", "")
    try:
        value = float(digits)
    except ValueError:
        return None
    return value * _SCALE[scale.lower()] if scale else value


def book(
    values: list[str], columns: Columns, field: str, line: int, problems: Problems
) -> float | None:
    written = text(values, columns, field)
    if not written:
        return None
    value = number(written)
    if value is None or not 0 <= value <= MAX_BOOK:
        problems.add(line, f"{written!r} is not an amount (1200, $2.5M, 800k)", field=field)
        return None
    return value


def count(values: list[str], columns: Columns, line: int, problems: Problems) -> int:
    written = text(values, columns, "count")
    if not written:
        return 1
    try:
        value = int(written)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_COUNT:
        problems.add(
            line, f"{written!r} is not a whole number from 1 to {MAX_COUNT:,}", field="count"
        )
        return 1
    return value


def req(values: list[str], columns: Columns, name: str, title: str) -> str:
    written = text(values, columns, "req")
    if written:
        return written
    found = _REQ.search(name) or _REQ.search(title)
    return found.group(1).upper() if found else ""
