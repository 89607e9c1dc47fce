"""Find, read, layer and check the catalogs in use.

The shipped catalogs live in the package (``csorg/data``). Catalog directories given with
``--catalog`` (or ``CSORG_CATALOG``) are layered on top in the order given: an entry whose id
is already known replaces the earlier one whole, a new id is appended. ``--no-defaults``
drops the shipped catalogs.

Reading a catalog from YAML means parsing (:mod:`csorg.yamlload`), validating against
:mod:`csorg.schema` with pydantic, layering and cross-checking (:mod:`csorg.checks`). For the
shipped catalogs alone that work is done once, when the wheel is built: the checked
:class:`~csorg.schema.Catalog` is stored as ``catalog.pickle`` together with the YAML bytes
it came from, and used only while the files still hold exactly those bytes, so an edited file
is always read afresh.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from csorg import __version__
from csorg.errors import CsorgError, Problem, suggestion
from csorg.fileio import read_bytes
from csorg.schema import BusinessModelsFile, Catalog, RolesFile

if TYPE_CHECKING:
    from csorg.yamlload import Document, KeyPath

Kind = Literal["roles", "business-models"]
KINDS: tuple[Kind, ...] = ("roles", "business-models")
FILE_NAMES: dict[Kind, tuple[str, ...]] = {
    "roles": ("roles.yaml", "roles.yml"),
    "business-models": ("business_models.yaml", "business_models.yml"),
}
SNAPSHOT_NAME = "catalog.pickle"
FORMAT_VERSION = 1  # the `version:` both catalog files give
ENV_CATALOG = "CSORG_CATALOG"


def shipped_dir() -> Path:
    """The shipped catalogs: inside the installed package, or ``data/`` in a checkout."""
    packaged = Path(__file__).resolve().parent / "data"
    if (packaged / "roles.yaml").is_file():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "data"  # editable install: src/csorg/..
    if (checkout / "roles.yaml").is_file():
        return checkout
    raise CsorgError(f"the shipped catalogs are missing: looked in {packaged} and {checkout}")


@dataclass(frozen=True)
class CatalogFile:
    kind: Kind
    path: Path
    display: str  # how messages name the file


def kind_of(path: Path, data: Any = None) -> Kind | None:
    """A catalog file's kind from its name, else from its top-level keys."""
    name = path.name.lower()
    for kind, names in FILE_NAMES.items():
        if name in names:
            return kind
    if isinstance(data, dict):
        if "roles" in data or "areas" in data:
            return "roles"
        if {"models", "rules", "stages", "hats"} & set(data):
            return "business-models"
    return None


def files_in(directory: Path, display: str | None = None) -> list[CatalogFile]:
    """The catalog files of one directory (at least one must be there)."""
    shown = display or str(directory)
    if not directory.exists():
        raise CsorgError.at(shown, "catalog directory not found")
    if not directory.is_dir():
        raise CsorgError.at(shown, "is not a directory (a catalog is a directory of YAML files)")
    found: list[CatalogFile] = []
    for kind in KINDS:
        for name in FILE_NAMES[kind]:
            candidate = directory / name
            if candidate.is_file():
                found.append(CatalogFile(kind, candidate, display_path(candidate)))
                break
    if not found:
        raise CsorgError.at(shown, "holds neither roles.yaml nor business_models.yaml")
    return found


def display_path(path: Path) -> str:
    """A path as messages show it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def env_catalog_dirs() -> list[Path]:
    raw = os.environ.get(ENV_CATALOG, "")
    return [Path(part) for part in raw.split(os.pathsep) if part.strip()]


def catalog_files(dirs: Sequence[Path], *, defaults: bool = True) -> list[CatalogFile]:
    files: list[CatalogFile] = []
    if defaults:
        files.extend(files_in(shipped_dir()))
    for directory in dirs:
        files.extend(files_in(directory))
    if not files:
        raise CsorgError("--no-defaults needs at least one --catalog directory")
    return files


# -- loading ------------------------------------------------------------------------------


def load_catalog(dirs: Sequence[Path] = (), *, defaults: bool = True) -> Catalog:
    """The layered, checked catalog; raises :class:`CsorgError` listing every problem."""
    files = catalog_files(dirs, defaults=defaults)
    contents = [(f, read_bytes(f.path, f.display)) for f in files]
    if defaults and not dirs:
        cached = _snapshot(contents)
        if cached is not None:
            return cached
    catalog, problems = check_contents(contents)
    if problems or catalog is None:
        count = len(problems)
        raise CsorgError(
            f"the catalog has {count} problem{'s' if count != 1 else ''} "
            "(run `csorg validate` for details)",
            problems,
        )
    return catalog


def contents_key(contents: Iterable[tuple[CatalogFile, bytes]]) -> tuple[object, ...]:
    """What a snapshot was made from: the csorg version and the exact bytes of each file.

    The bytes themselves rather than a hash: comparing them is cheaper than importing and
    running a hash function, and the shipped catalogs are small."""
    return (__version__, *((catalog_file.kind, data) for catalog_file, data in contents))


def _snapshot(contents: list[tuple[CatalogFile, bytes]]) -> Catalog | None:
    path = Path(__file__).resolve().parent / "data" / SNAPSHOT_NAME
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    import pickle

    try:
        key, catalog = pickle.loads(raw)
    except Exception:  # a stale or damaged snapshot only costs speed
        return None
    if key != contents_key(contents) or not isinstance(catalog, Catalog):
        return None
    return catalog


def write_snapshot(target: Path) -> None:
    """Check the shipped catalogs and store them for fast loading (run at wheel build)."""
    import pickle

    files = files_in(shipped_dir())
    contents = [(f, read_bytes(f.path, f.display)) for f in files]
    catalog, problems = check_contents(contents)
    if problems or catalog is None:
        raise CsorgError("the shipped catalogs are invalid", problems)
    target.write_bytes(pickle.dumps((contents_key(contents), catalog), protocol=5))


# -- checking -----------------------------------------------------------------------------

MAX_ENTRY_VALUES = 10_000
"""Values one section entry (a role, a model, ...) may hold; a real one holds under a hundred.
It bounds the work and memory validation spends on one broken entry."""


@dataclass
class Report:
    """Problems gathered across files, located lazily (positions need a second parse).

    At most :data:`~csorg.yamlload.MAX_PROBLEMS` problems are kept per file, then one
    closing problem says that more were left out, so a file with a million broken values
    costs no more to report than one with a thousand.
    """

    problems: list[Problem] = field(default_factory=list)
    located: dict[str, Document] = field(default_factory=dict)
    sources: dict[str, bytes | str] = field(default_factory=dict)
    kept: dict[str, int] = field(default_factory=dict)
    dropped: set[str] = field(default_factory=set)  # files with problems left out

    def document(self, doc: Document) -> Document:
        from csorg.yamlload import load_yaml

        if doc.values or doc.file not in self.sources:
            return doc
        if doc.file not in self.located:
            try:
                self.located[doc.file] = load_yaml(self.sources[doc.file], doc.file, locate=True)
            except CsorgError:  # cannot happen for a file that parsed once; keep going
                self.located[doc.file] = doc
        return self.located[doc.file]

    def room(self, file: str) -> bool:
        """Whether a problem in ``file`` will be kept (else it is only counted)."""
        from csorg.yamlload import MAX_PROBLEMS

        if self.kept.get(file, 0) < MAX_PROBLEMS:
            return True
        self.dropped.add(file)
        return False

    def keep(self, problem: Problem) -> None:
        if self.room(problem.file):
            self.kept[problem.file] = self.kept.get(problem.file, 0) + 1
            self.problems.append(problem)

    def extend(self, doc: Document) -> None:
        """The problems the reader found in ``doc``."""
        for problem in doc.problems:
            self.keep(problem)
        if doc.dropped:
            self.dropped.add(doc.file)

    def add(self, doc: Document, path: KeyPath, message: str, *, key: bool = False) -> None:
        if not self.room(doc.file):
            return
        located = self.document(doc)
        position = located.locate(path, key=key)
        self.keep(
            Problem(
                file=doc.file,
                line=position.line if position else None,
                column=position.column if position else None,
                field=doc.field_name(path) or None,
                message=message,
            )
        )

    def text_at(self, doc: Document, path: KeyPath) -> str | None:
        position = self.document(doc).values.get(path)
        return position.text if position else None

    def finish(self) -> list[Problem]:
        """Every problem once, sorted by file and position."""
        from csorg.yamlload import too_many

        problems = dict.fromkeys(self.problems)
        for file in self.dropped:
            problems[Problem(file=file, message=too_many())] = None
        return sorted(
            problems,
            key=lambda p: (p.file, p.line or 0, p.column or 0, p.field or "", p.message),
        )


@dataclass
class Parsed:
    """The valid parts of one catalog file.

    ``entries`` holds each section's valid entries with their index in the file; ``broken``
    the ids of entries that failed the schema, so that references to them are not reported
    a second time as unknown. ``whole`` is false when the file as such is unusable (it does
    not parse, is not a mapping, or its top level is wrong): checks across files then stop.
    """

    kind: Kind
    doc: Document
    whole: bool = True
    entries: dict[str, list[tuple[int, Any]]] = field(default_factory=dict)
    broken: dict[str, set[str]] = field(default_factory=dict)
    hats_given: bool = False


def _file_type(kind: Kind) -> type[RolesFile] | type[BusinessModelsFile]:
    return RolesFile if kind == "roles" else BusinessModelsFile


_ADAPTERS: dict[Any, Any] = {}
_SECTIONS: dict[Kind, dict[str, Any]] = {}


def _adapter(kind: Any) -> Any:
    """A cached pydantic TypeAdapter (building one costs milliseconds)."""
    if kind not in _ADAPTERS:
        from pydantic import TypeAdapter

        _ADAPTERS[kind] = TypeAdapter(kind)
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
    from csorg.yamlload import load_yaml

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
        report.add(doc, (), f"expected a mapping, found {_describe(raw)}")
        return None
    sections = sections_of(kind)
    fields = dataclasses.fields(_file_type(kind))
    known = [f.name for f in fields]
    nullable = {f.name for f in fields if f.default is None}  # `hats: null` keeps the hats below
    for name, value in raw.items():
        path: KeyPath = (name,)
        if name not in known:
            report.add(doc, path, _unknown_field(name, known), key=True)
        elif name not in sections:  # the format version
            if type(value) is int and value == FORMAT_VERSION:
                continue
            report.add(doc, path, f"expected {FORMAT_VERSION}, found {_describe(value)}")
        elif isinstance(value, list):
            parsed.entries[name] = _entries(parsed, name, sections[name], value, report)
            continue
        elif value is None and name in nullable:
            continue
        else:
            report.add(doc, path, f"expected a list, found {_describe(value)}")
        parsed.whole = False
    parsed.hats_given = isinstance(raw.get("hats"), list)
    return parsed


def _entries(
    parsed: Parsed, section: str, entry_type: Any, values: list[Any], report: Report
) -> list[tuple[int, Any]]:
    doc = parsed.doc
    valid: list[tuple[int, Any]] = []
    broken = parsed.broken.setdefault(section, set())
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
            entry: Any = _INVALID
        else:
            entry = _validate(entry_type, value, path, doc, report, parsed.kind)
        if entry is _INVALID:
            entry_id = value.get("id") if isinstance(value, dict) else None
            if isinstance(entry_id, str):
                broken.add(entry_id)
        else:
            valid.append((index, entry))
    return valid


_INVALID: Any = object()


def _validate(
    target: Any, value: Any, path: KeyPath, doc: Document, report: Report, kind: Kind
) -> Any:
    """``value`` (found at ``path``) validated as ``target``, or ``_INVALID`` with its
    problems reported."""
    from pydantic import ValidationError

    try:
        return _adapter(target).validate_json(json.dumps(value))
    except ValidationError as exc:
        missing: dict[KeyPath, list[str]] = {}  # one message per mapping, naming every field
        for error in exc.errors(include_url=False):
            where = (*path, *error["loc"])
            if error["type"] == "missing":
                missing.setdefault(where[:-1], []).append(str(where[-1]))
            elif where not in doc.flagged:  # else the reader already explained this value
                _schema_problem(kind, doc, where, error, report)
        for parent, names in missing.items():
            plural = "s are" if len(names) > 1 else " is"
            report.add(doc, parent, f"required field{plural} missing: {', '.join(names)}")
        return _INVALID


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


def _schema_problem(kind: Kind, doc: Document, path: KeyPath, error: Any, report: Report) -> None:
    error_type = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    found = _describe(value)
    if error_type == "unexpected_keyword_argument":
        name = str(path[-1])
        report.add(doc, path, _unknown_field(name, _fields_at(kind, path[:-1])), key=True)
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
        message = f"expected a number {words} {ctx[bound]:g}, found {found}"
    elif error_type == "finite_number":
        message = f"expected a finite number, found {found}"
    elif error_type == "too_short":
        least = ctx.get("min_length", 1)
        message = f"give at least {least} item{'s' if least != 1 else ''}, found {found}"
    elif error_type == "string_too_short":
        message = "expected text, found empty text"
    elif error_type == "string_too_long":
        message = f"expected at most {ctx.get('max_length')} characters, found {len(value):,}"
    elif error_type == "string_pattern_mismatch":
        message = (
            "expected an id: lower-case letters, digits and '-', starting with a letter or "
            f"digit; found {found}"
        )
    else:
        message = f"{error['msg']}, found {found}"
    report.add(doc, path, message)


def _unknown_field(name: str, fields: list[str]) -> str:
    from csorg.yamlload import shorten

    return f"unknown field {shorten(name)!r}{suggestion(name, fields)}"


def _type_message(error_type: str, error: Any, value: Any, written: str | None) -> str:
    expected = _EXPECTED[error_type]
    found = _describe(value)
    hint = ""
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if error_type == "string_type":  # where text was meant, YAML 1.1 may have read another type
        hint = _boolean_hint(value, written)
        if number and written is not None:
            hint = f'; quote it ("{written}") if it is meant as text'
    class_name = (error.get("ctx") or {}).get("class_name")
    if number and error_type == "dataclass_type" and class_name in ("Figure", "Count", "Share"):
        expected = "a mapping: `value` and its `source` (or `heuristic: true` and a `note`)"
    return f"expected {expected}, found {found}{hint}"


def _boolean_hint(value: Any, written: str | None) -> str:
    """YAML 1.1 reads `no`, `yes`, `on` and `off` as booleans; say so where text was meant."""
    if isinstance(value, bool) and written is not None:
        return f'; YAML reads `{written}` as {str(value).lower()}: quote it ("{written}")'
    return ""


def _describe(value: Any) -> str:
    from csorg.yamlload import shorten

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
        return f"{count} item{'s' if count != 1 else ''}" if count else "an empty list"
    return type(value).__name__


def _fields_at(kind: Kind, path: KeyPath) -> list[str]:
    """Field names the schema allows at ``path`` (for "did you mean")."""
    import typing

    current: Any = _file_type(kind)
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


def check_contents(
    contents: Sequence[tuple[CatalogFile, bytes | str]],
) -> tuple[Catalog | None, list[Problem]]:
    """Parse, validate, layer and cross-check catalog files; collect every problem.

    Cross-file checks run on the valid entries as long as every file could be read as a
    whole, so one run reports schema and reference problems together.
    """
    import gc

    # Loading builds many small containers and no cycles; the collector's passes over them
    # would make the time grow faster than the catalog.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _check_contents(contents)
    finally:
        if collecting:
            gc.enable()


def _check_contents(
    contents: Sequence[tuple[CatalogFile, bytes | str]],
) -> tuple[Catalog | None, list[Problem]]:
    from csorg.checks import check_catalog
    from csorg.layering import Layers

    report = Report()
    layers = Layers()
    whole = True
    for catalog_file, data in contents:
        parsed = parse_file(catalog_file.kind, data, catalog_file.display, report)
        if parsed is None or not parsed.whole:
            whole = False
        if parsed is not None:
            layers.add(parsed, report)
    catalog = layers.catalog(tuple(f.display for f, _ in contents))
    if whole:
        check_catalog(catalog, layers.origins, report, layers.broken)
    problems = report.finish()
    if problems:
        return None, problems
    return catalog, []
