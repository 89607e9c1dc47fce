"""Find, read, layer and check the catalogs in use.

The shipped catalogs live in the package (``csorg/data``). Catalog directories given with
``--catalog`` (or ``CSORG_CATALOG``) are layered on top in the order given: an entry whose id
is already known replaces the earlier one whole, a new id is appended. ``--no-defaults``
drops the shipped catalogs.

Reading a catalog from YAML means parsing (:mod:`csorg.yamlload`), validating against
:mod:`csorg.schema` with pydantic, layering and cross-checking (:mod:`csorg.checks`). For the
shipped catalogs alone that work is done once, when the wheel is built: the checked
:class:`~csorg.schema.Catalog` is stored as ``catalog.pickle`` together with a hash of the YAML
it came from, and used only while the hash still matches, so an edited file is always read
afresh.
"""

from __future__ import annotations

import hashlib
import json
import os
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
                found.append(CatalogFile(kind, candidate, _display(candidate)))
                break
    if not found:
        raise CsorgError.at(shown, "holds neither roles.yaml nor business_models.yaml")
    return found


def _display(path: Path) -> str:
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


def contents_key(contents: Iterable[tuple[CatalogFile, bytes]]) -> str:
    digest = hashlib.sha256(__version__.encode())
    for catalog_file, data in contents:
        digest.update(b"\0" + catalog_file.kind.encode() + b"\0")
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


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


@dataclass
class Origin:
    """Where an entry of the layered catalog was written."""

    document: Document
    path: KeyPath
    raw: bytes | str = field(repr=False, default=b"")


@dataclass
class Report:
    """Problems gathered across files, located lazily (positions need a second parse)."""

    problems: list[Problem] = field(default_factory=list)
    located: dict[str, Document] = field(default_factory=dict)
    sources: dict[str, bytes | str] = field(default_factory=dict)

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

    def add(self, doc: Document, path: KeyPath, message: str, *, key: bool = False) -> None:
        from csorg.yamlload import dotted

        located = self.document(doc)
        position = located.locate(path, key=key)
        self.problems.append(
            Problem(
                file=doc.file,
                line=position.line if position else None,
                column=position.column if position else None,
                field=dotted(path) or None,
                message=message,
            )
        )

    def text_at(self, doc: Document, path: KeyPath) -> str | None:
        position = self.document(doc).values.get(path)
        return position.text if position else None


def _adapter(kind: Kind) -> Any:
    from pydantic import TypeAdapter

    return TypeAdapter(RolesFile if kind == "roles" else BusinessModelsFile)


_ADAPTERS: dict[Kind, Any] = {}


def parse_file(
    kind: Kind, data: bytes | str, display: str, report: Report
) -> tuple[Document | None, RolesFile | BusinessModelsFile | None]:
    """Parse and schema-check one file; problems go to ``report``."""
    from csorg.yamlload import dotted, load_yaml

    try:
        doc = load_yaml(data, display)
    except CsorgError as exc:
        report.problems.extend(exc.problems or [Problem(file=display, message=exc.message)])
        return None, None
    report.sources[display] = data
    report.problems.extend(doc.problems)
    if kind not in _ADAPTERS:
        _ADAPTERS[kind] = _adapter(kind)
    from pydantic import ValidationError

    try:
        parsed = _ADAPTERS[kind].validate_json(json.dumps(doc.data))
    except ValidationError as exc:
        flagged = {p.field for p in doc.problems}
        for error in exc.errors(include_url=False):
            path = tuple(error["loc"])
            if dotted(path) in flagged:
                continue  # the reader already explained this value (e.g. an unsupported tag)
            _schema_problem(kind, doc, path, error, report)
        return doc, None
    return doc, parsed


def _schema_problem(kind: Kind, doc: Document, path: KeyPath, error: Any, report: Report) -> None:
    kind_of_error = error["type"]
    value = error.get("input")
    if kind_of_error == "unexpected_keyword_argument":
        parent_fields = _fields_at(kind, path[:-1])
        name = str(path[-1])
        report.add(doc, path, f"unknown field {name!r}{suggestion(name, parent_fields)}", key=True)
        return
    if kind_of_error == "missing":
        report.add(doc, path, "required field is missing")
        return
    message = error["msg"]
    if kind_of_error.endswith("_type") or kind_of_error == "dataclass_type":
        message = _type_message(error, value, report.text_at(doc, path))
    elif kind_of_error in ("literal_error", "enum"):
        message = f"{message}, found {_describe(value)}"
    report.add(doc, path, message)


def _type_message(error: Any, value: Any, written: str | None) -> str:
    expected = {
        "string_type": "text",
        "int_type": "a whole number",
        "float_type": "a number",
        "bool_type": "true or false",
        "tuple_type": "a list",
        "list_type": "a list",
        "dataclass_type": "a mapping",
        "dict_type": "a mapping",
        "none_required": "nothing",
    }.get(error["type"], error["msg"].removeprefix("Input should be "))
    found = _describe(value)
    hint = ""
    if isinstance(value, bool) and written is not None:
        hint = f'; YAML reads `{written}` as {str(value).lower()}: quote it ("{written}")'
    elif isinstance(value, int | float) and written is not None and error["type"] == "string_type":
        hint = f'; quote it ("{written}") if it is meant as text'
    return f"expected {expected}, found {found}{hint}"


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value!r}" if len(value) < 40 else "text"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def _fields_at(kind: Kind, path: KeyPath) -> list[str]:
    """Field names the schema allows at ``path`` (for "did you mean")."""
    import dataclasses
    import typing

    current: Any = RolesFile if kind == "roles" else BusinessModelsFile
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
    import dataclasses
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
    """Parse, validate, layer and cross-check catalog files; collect every problem."""
    from csorg.checks import check_catalog
    from csorg.layering import Layers

    report = Report()
    layers = Layers()
    for catalog_file, data in contents:
        doc, parsed = parse_file(catalog_file.kind, data, catalog_file.display, report)
        if doc is not None and parsed is not None:
            layers.add(catalog_file.kind, doc, parsed, report)
    if report.problems:
        return None, _sorted(report.problems)
    catalog = layers.catalog(tuple(f.display for f, _ in contents))
    check_catalog(catalog, layers.origins, report)
    if report.problems:
        return None, _sorted(report.problems)
    return catalog, []


def _sorted(problems: list[Problem]) -> list[Problem]:
    unique = dict.fromkeys(problems)
    return sorted(
        unique, key=lambda p: (p.file, p.line or 0, p.column or 0, p.field or "", p.message)
    )
