"""Parse one catalog file and check it against :mod:`csorg.catalog.schema`, entry by
entry, with a message naming the line and field of every problem."""

from __future__ import annotations

import dataclasses
import json
import re
from typing import TYPE_CHECKING, Any

from csorg.catalog.files import Kind
from csorg.catalog.layering import KEYS
from csorg.catalog.report import Parsed, Partial, Report
from csorg.catalog.schema import (
    CURRENCY_PATTERN,
    ID_PATTERN,
    STRICT,
    BusinessModelsFile,
    CompensationFile,
    RolesFile,
)
from csorg.errors import CsorgError, Problem, suggestion
from csorg.text import plural

if TYPE_CHECKING:
    from csorg.catalog.yamlload import Document, KeyPath


FORMAT_VERSION = 1  # the `version:` both catalog files give

MAX_ENTRY_VALUES = 10_000
"""Values one section entry (a role, a model, ...) may hold; a real one holds under a hundred.
It bounds the work and memory validation spends on one broken entry."""


FILE_TYPES: dict[Kind, type[RolesFile] | type[BusinessModelsFile] | type[CompensationFile]] = {
    "roles": RolesFile,
    "business-models": BusinessModelsFile,
    "compensation": CompensationFile,
}


def _file_type(kind: Kind) -> type[RolesFile] | type[BusinessModelsFile] | type[CompensationFile]:
    return FILE_TYPES[kind]


_ADAPTERS: dict[Any, Any] = {}

_SECTIONS: dict[Kind, dict[str, Any]] = {}


def _adapter(kind: Any) -> Any:
    """A cached pydantic TypeAdapter (building one costs milliseconds)."""
    if kind not in _ADAPTERS:
        from pydantic import TypeAdapter

        # a schema dataclass brings its own (strict) config; a bare type gets the same
        config = None if dataclasses.is_dataclass(kind) else STRICT
        _ADAPTERS[kind] = TypeAdapter(kind, config=config)
    return _ADAPTERS[kind]


def sections_of(kind: Kind) -> dict[str, Any]:
    """The file's list-of-entries fields and the dataclass of their entries."""
    if kind not in _SECTIONS:
        import typing

        hints = typing.get_type_hints(_file_type(kind))
        _SECTIONS[kind] = {
            name: entry
            for name, hint in hints.items()
            if (entry := _dataclass_in(hint)) is not None
        }
    return _SECTIONS[kind]


def parse_file(kind: Kind, data: bytes | str, display: str, report: Report) -> Parsed | None:
    """Parse and schema-check one file; problems go to ``report``.

    The top level (``version`` and the sections) is checked here; every entry is then
    validated on its own, so the work per call stays bounded by :data:`MAX_ENTRY_VALUES`,
    the valid entries are kept, and only the entry validators are built (a validator of the
    whole file would cost as much again to build).
    """
    from csorg.catalog.yamlload import load_yaml

    try:
        doc = load_yaml(data, display)
    except CsorgError as exc:
        for problem in exc.problems or [Problem(file=display, message=exc.message)]:
            report.keep(problem)
        return None
    report.sources[display] = data
    report.extend(doc)
    parsed = Parsed(kind, doc)
    raw = doc.data
    if not isinstance(raw, dict):
        report.add(doc, (), f"expected a mapping, found {describe_value(raw)}")
        return None
    sections = sections_of(kind)
    fields = dataclasses.fields(_file_type(kind))
    known = [f.name for f in fields]
    nullable = {f.name for f in fields if f.default is None}  # `hats: null` keeps the hats below
    for name, value in raw.items():
        path: KeyPath = (name,)
        if name not in known:
            report.add(doc, path, unknown_field(name, known), key=True)
        elif name not in sections:  # the format version
            if type(value) is int and value == FORMAT_VERSION:
                continue
            report.add(doc, path, f"expected {FORMAT_VERSION}, found {describe_value(value)}")
        elif isinstance(value, list):
            parsed.entries[name] = _entries(parsed, name, sections[name], value, report)
            continue
        elif value is None and name in nullable:
            continue
        else:
            report.add(doc, path, f"expected a list, found {describe_value(value)}")
        parsed.whole = False
    parsed.hats_given = isinstance(raw.get("hats"), list)
    return parsed


def _entries(
    parsed: Parsed, section: str, entry_type: Any, values: list[Any], report: Report
) -> list[tuple[int, Any]]:
    doc = parsed.doc
    valid: list[tuple[int, Any]] = []
    broken = parsed.broken.setdefault(section, set())
    partial = parsed.partial.setdefault(section, [])
    # what names an entry across layers: its id (a benchmark: its metric)
    key = "id" if "id" in {f.name for f in dataclasses.fields(entry_type)} else "metric"
    for index, value in enumerate(values):
        if not report.room(doc.file):
            parsed.whole = False  # the rest waits for a run once these problems are fixed
            break
        path: KeyPath = (section, index)
        size = doc.sizes.get(path, 1)
        if size > MAX_ENTRY_VALUES:
            report.add(
                doc,
                path,
                f"this entry holds {size:,} values; an entry may hold at most {MAX_ENTRY_VALUES:,}",
            )
            entry: Any = INVALID
            invalid: frozenset[KeyPath] = frozenset({()})  # too big to look into
        else:
            root = _file_type(parsed.kind)
            entry, invalid = _validate(root, entry_type, value, path, doc, report)
        if entry is INVALID:
            key = KEYS.get(section, "id")
            entry_id = value.get(key) if isinstance(value, dict) else None
            if isinstance(entry_id, str):
                broken.add(entry_id)
            if () not in invalid:
                named = isinstance(entry_id, str) and (key,) not in invalid
                partial.append(Partial(index, entry_id if named else None, invalid))
        else:
            valid.append((index, entry))
    return valid


INVALID: Any = object()


def validate_value(
    root: type, target: Any, value: Any, path: KeyPath, doc: Document, report: Report
) -> Any:
    """``value`` (found at ``path`` of a file whose top level is the dataclass ``root``)
    validated as ``target``, or :data:`INVALID` with its problems reported at their lines."""
    return _validate(root, target, value, path, doc, report)[0]


def _validate(
    root: type, target: Any, value: Any, path: KeyPath, doc: Document, report: Report
) -> tuple[Any, frozenset[KeyPath]]:
    """``value`` (found at ``path``) validated as ``target``; or :data:`INVALID`, with its
    problems reported, and the paths (within ``value``) the schema rejected."""
    from pydantic import ValidationError

    try:
        return _adapter(target).validate_json(json.dumps(value)), frozenset()
    except ValidationError as exc:
        missing: dict[KeyPath, list[str]] = {}  # one message per mapping, naming every field
        invalid: set[KeyPath] = set()
        for error in exc.errors(include_url=False):
            if _enough_items(error):
                continue
            invalid.add(tuple(error["loc"]))
            where = (*path, *error["loc"])
            if error["type"] == "missing":
                missing.setdefault(where[:-1], []).append(str(where[-1]))
            elif where not in doc.flagged:  # else the reader already explained this value
                _schema_problem(root, doc, where, error, report)
        for parent, names in missing.items():
            plural = "s are" if len(names) > 1 else " is"
            report.add(doc, parent, f"required field{plural} missing: {', '.join(names)}")
        return INVALID, frozenset(invalid)


PATTERNS = {
    ID_PATTERN: "an id: lower-case letters, digits and '-', starting with a letter or digit",
    CURRENCY_PATTERN: "a three-letter currency code in capitals, such as USD or EUR",
}
"""What a text pattern of the schemas asks for, in words (other patterns are shown as such)."""


def _enough_items(error: Any) -> bool:
    """A list that is "too short" only because its items are invalid: pydantic counts the
    valid ones. The items' own problems say what is wrong."""
    value = error.get("input")
    least = (error.get("ctx") or {}).get("min_length", 1)
    return error["type"] == "too_short" and isinstance(value, list) and len(value) >= least


_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "tuple_type": "a list",
    "list_type": "a list",
    "dataclass_type": "a mapping",
    "dict_type": "a mapping",
    "none_required": "nothing",
}


def _schema_problem(root: type, doc: Document, path: KeyPath, error: Any, report: Report) -> None:
    error_type = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    found = describe_value(value)
    if error_type == "unexpected_keyword_argument":
        name = str(path[-1])
        report.add(doc, path, unknown_field(name, _fields_at(root, path[:-1])), key=True)
        return
    if error_type in _EXPECTED:
        message = _type_message(error_type, error, value, report.text_at(doc, path))
    elif error_type == "literal_error":
        expected = str(ctx.get("expected", ""))
        choices = re.findall(r"'([^']*)'", expected)
        wanted = " or ".join(", ".join(repr(c) for c in choices).rsplit(", ", 1)) or expected
        if isinstance(value, str):
            hint = suggestion(value, choices)
        else:
            hint = _boolean_hint(value, report.text_at(doc, path))
        message = f"expected {'one of ' if len(choices) > 1 else ''}{wanted}, found {found}{hint}"
    elif error_type in ("greater_than", "greater_than_equal", "less_than_equal"):
        bound = {"greater_than": "gt", "greater_than_equal": "ge", "less_than_equal": "le"}[
            error_type
        ]
        words = {"gt": "greater than", "ge": "of at least", "le": "of at most"}[bound]
        message = f"expected a number {words} {_bound(ctx[bound])}, found {found}"
    elif error_type == "finite_number":
        message = f"expected a finite number, found {found}"
    elif error_type == "too_short":
        least = ctx.get("min_length", 1)
        message = f"give at least {plural(least, 'item')}, found {found}"
    elif error_type == "too_long":
        most = ctx.get("max_length", 0)
        message = f"give at most {plural(most, 'item')}, found {found}"
    elif error_type == "string_too_short":
        message = "expected text, found empty text"
    elif error_type == "string_too_long":
        message = f"expected at most {ctx.get('max_length')} characters, found {len(value):,}"
    elif error_type == "string_pattern_mismatch":
        wanted = PATTERNS.get(str(ctx.get("pattern")), f"text matching {ctx.get('pattern')}")
        message = f"expected {wanted}; found {found}"
    else:
        message = f"{error['msg']}, found {found}"
    report.add(doc, path, message)


def _bound(value: float) -> str:
    """A limit as people read it: ``1``, ``0.001``, ``10,000,000``."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:g}"


def unknown_field(name: str, fields: list[str]) -> str:
    from csorg.catalog.yamlload import shorten

    return f"unknown field {shorten(name)!r}{suggestion(name, fields)}"


def _type_message(error_type: str, error: Any, value: Any, written: str | None) -> str:
    expected = _EXPECTED[error_type]
    found = describe_value(value)
    hint = ""
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if error_type == "string_type":  # where text was meant, YAML 1.1 may have read another type
        hint = _boolean_hint(value, written)
        if number and written is not None:
            hint = f'; quote it ("{written}") if it is meant as text'
    class_name = (error.get("ctx") or {}).get("class_name")
    if number and error_type == "dataclass_type" and class_name in _NUMBER_CLASSES:
        expected = "a mapping: `value` and its `source` (or `heuristic: true` and a `note`)"
    return f"expected {expected}, found {found}{hint}"


_NUMBER_CLASSES = ("Figure", "Count", "Share", "Money")


def _boolean_hint(value: Any, written: str | None) -> str:
    """YAML 1.1 reads `no`, `yes`, `on` and `off` as booleans; say so where text was meant."""
    if isinstance(value, bool) and written is not None:
        return f'; YAML reads `{written}` as {str(value).lower()}: quote it ("{written}")'
    return ""


def describe_value(value: Any) -> str:
    from csorg.catalog.yamlload import shorten

    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {shorten(str(value))}"
    if isinstance(value, str):
        return f"the text {shorten(value)!r}" if value else "empty text"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list | tuple):
        count = len(value)
        return plural(count, "item") if count else "an empty list"
    return type(value).__name__


def _fields_at(root: type, path: KeyPath) -> list[str]:
    """Field names the schema allows at ``path`` (for "did you mean")."""
    import typing

    current: Any = root
    for part in path:
        if isinstance(part, int):
            continue
        hints = typing.get_type_hints(current, include_extras=False)
        current = _dataclass_in(hints.get(str(part)))
        if current is None:
            return []
    return (
        [f.name for f in dataclasses.fields(current)] if dataclasses.is_dataclass(current) else []
    )


def _dataclass_in(annotation: Any) -> Any:
    import typing

    if annotation is None:
        return None
    if dataclasses.is_dataclass(annotation):
        return annotation
    for arg in typing.get_args(annotation):
        found = _dataclass_in(arg)
        if found is not None:
            return found
    return None
