"""One row's fields: name, open seat, employment, FTE and book.

* **Open seats:** a name (or first name) such as TBH, TBD, Open, Open req, Open Role,
  Vacant or To be hired (alone or before a requisition: "TBH (REQ-0419)", "Open req -
  Support Engineer"); an empty name where the file has names; a title marked "TBH -",
  "[Vacant]" or "- Open Req"; a status such as Unfilled, Open position or Vacant; a tag
  ``vacant``/``vacancy``/``open``; a requisition with no person (ChartHop).
* **Contractors:** an employment, worker type, contract or tag naming a contractor,
  contingent worker, freelancer or agency worker.
* **FTE:** ``0.5``, ``0,5``, ``50`` or ``50%`` (values above 1.5 are percentages), or hours
  per week against the usual full week in the file (40 when unclear); part-time with no
  figure counts as 0.5 and says so.
* **Book:** accounts and ARR per person, written ``1,200``, ``$2.5M`` or ``800k``.

Files repeat the same values on thousands of rows, so each distinct text is classified once.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from csorg.audit.orgfile.columns import FLAG_FIELDS, Columns
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
_CONTRACT_TITLE = re.compile(r"\((contract|contractor|temp)\)", re.I)
_PART_TIME = re.compile(r"\bpart[\s_-]?time\b|\bpt\b", re.I)
_PART_TIME_TITLE = re.compile(r"\(part[\s-]?time\)", re.I)
_REQ = re.compile(r"\b(req[-\s#:]*\d+[\w-]*)", re.I)
_AMOUNT = re.compile(r"^[^\d.,-]*(-?[\d.,' ]*\d)\s*([kmb])?[^\d]*$", re.I)
_SCALE = {"k": 1e3, "m": 1e6, "b": 1e9}
FULL_WEEK = 40.0
MAX_BOOK = 1e13
CACHE = 4096


@functools.lru_cache(maxsize=CACHE)
def number(written: str) -> float | None:
    """``1,200``, ``1.200,5``, ``$2.5M``, ``800k`` as a number; ``None`` if it is not one."""
    match = _AMOUNT.match(written.strip())
    if not match:
        return None
    digits, scale = match.group(1).replace(" ", "").replace("'", ""), match.group(2)
    if "," in digits and "." in digits:
        if digits.rfind(".") > digits.rfind(","):
            digits = digits.replace(",", "")
        else:
            digits = digits.replace(".", "").replace(",", ".")
    elif digits.count(",") == 1 and len(digits.split(",")[1]) != 3:
        digits = digits.replace(",", ".")  # a decimal comma: 0,5
    else:
        digits = digits.replace(",", "")
    try:
        value = float(digits)
    except ValueError:
        return None
    return value * _SCALE[scale.lower()] if scale else value


@functools.lru_cache(maxsize=CACHE)
def _employment(words: tuple[str, ...], title: str) -> tuple[Employment, bool]:
    contractor = any(_CONTRACTOR.search(w) for w in words) or bool(_CONTRACT_TITLE.search(title))
    part_time = any(_PART_TIME.search(w) for w in words) or bool(_PART_TIME_TITLE.search(title))
    return ("contractor" if contractor else "employee"), part_time


@functools.lru_cache(maxsize=CACHE)
def _vacant_title(title: str) -> bool:
    return bool(VACANCY_TITLE.search(title))


class Fields:
    """Reads the fields of a table's rows by the columns detection found."""

    def __init__(self, table: Table, columns: Columns) -> None:
        self.columns = columns
        self.at = {name: columns.one.get(name, -1) for name in (*FLAG_FIELDS, "job_profile")}
        self.has_names = any(self.at[f] >= 0 for f in ("name", "first_name", "last_name"))
        self.sized = self.at["fte"] >= 0 or self.at["hours"] >= 0  # FTE or hours given
        self.week = self._full_week(table)

    def text(self, values: list[str], name: str) -> str:
        index = self.at[name]
        return values[index] if index >= 0 else ""

    def name(self, values: list[str]) -> str:
        name = self.text(values, "name")
        if name:
            return name
        first, last = self.text(values, "first_name"), self.text(values, "last_name")
        return f"{first} {last}".strip()

    def vacant(self, values: list[str], title: str) -> bool:
        name = self.name(values)
        if name and _VACANT_NAME.match(name.strip("[]() ")):
            return True
        first = self.text(values, "first_name")
        if (first and _VACANT_NAME.match(first)) or _vacant_title(title):
            return True
        if any(
            _VACANT_STATUS.match(self.text(values, f).strip()) for f in ("status", "employment")
        ):
            return True
        tags = self.text(values, "tags")
        if tags and {t.strip().casefold() for t in re.split(r"[,;|]", tags)} & _VACANT_TAG:
            return True
        if not name and self.has_names:
            return True  # a seat with a title and nobody's name in it
        keys = [values[i] for _, i in self.columns.keys]
        return bool(self.text(values, "req")) and not any(keys)

    def employment(self, values: list[str], title: str) -> tuple[Employment, bool]:
        """(employee or contractor, part-time) from employment columns, tags and the title."""
        words = [w for f in ("employment", "status", "tags") if (w := self.text(values, f))]
        return _employment(tuple(words), title)

    def _full_week(self, table: Table) -> float:
        """The usual full week of an hours column: its most common value of 30 or more."""
        index = self.at["hours"]
        if index < 0:
            return FULL_WEEK
        hours = Counter(
            value
            for _, values in table.rows
            if (value := number(values[index])) is not None and value >= 30
        )
        return hours.most_common(1)[0][0] if hours else FULL_WEEK

    def fte(
        self, values: list[str], part_time: bool, line: int, problems: Problems
    ) -> tuple[float, bool]:
        """(FTE, assumed) of a row; a bad figure is a problem at its line."""
        written, field, value = self.text(values, "fte"), "fte", None
        if written:
            value = number(written.rstrip("%").strip())
            if value is not None and (written.endswith("%") or value > 1.5):
                value /= 100
        elif self.text(values, "hours"):
            written, field = self.text(values, "hours"), "hours"
            value = number(written)
            if value is not None:
                value /= self.week
        else:
            return (0.5, True) if part_time else (1.0, False)
        if value is None or not 0 < value <= 1.5:
            problems.add(
                line, f"{written!r} is not an FTE (0.5, 50%) or hours per week", field=field
            )
            return 1.0, False
        return round(value, 4), False

    def book(self, values: list[str], field: str, line: int, problems: Problems) -> float | None:
        written = self.text(values, field)
        if not written:
            return None
        value = number(written)
        if value is None or not 0 <= value <= MAX_BOOK:
            problems.add(line, f"{written!r} is not an amount (1200, $2.5M, 800k)", field=field)
            return None
        return value

    def count(self, values: list[str], line: int, problems: Problems) -> int:
        written = self.text(values, "count")
        if not written:
            return 1
        value = int(written) if written.isdigit() else 0
        if not 1 <= value <= MAX_COUNT:
            problems.add(
                line, f"{written!r} is not a whole number from 1 to {MAX_COUNT:,}", field="count"
            )
            return 1
        return value

    def req(self, values: list[str], title: str) -> str:
        written = self.text(values, "req")
        if written:
            return written
        found = _REQ.search(self.name(values)) or _REQ.search(title)
        return found.group(1).upper() if found else ""
