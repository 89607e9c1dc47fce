"""`csorg validate` with company profiles: the catalogs as
:mod:`csorg.catalog.validate` checks them, and each profile among the paths (or
``./csorg.yaml`` when no path is given) read and checked against the catalogs in use."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from csorg.catalog import validate as catalogs
from csorg.catalog.files import FILE_NAMES, display_path, kind_of
from csorg.errors import CsorgError, Problem
from csorg.fileio import read_bytes
from csorg.profile.model import PROFILE_NAME
from csorg.profile.read import looks_like_profile, read_profile, references

if TYPE_CHECKING:
    from csorg.catalog.schema import Catalog


def validate(
    paths: Sequence[Path], catalog_dirs: Sequence[Path], *, defaults: bool = True
) -> catalogs.Outcome:
    """Check the catalog paths and the profiles among ``paths`` in one outcome."""
    profiles = [path for path in paths if is_profile(path)]
    others = [path for path in paths if path not in profiles]
    if not paths and Path(PROFILE_NAME).is_file():
        profiles.append(Path(PROFILE_NAME))
    outcome = catalogs.validate(others, catalog_dirs, defaults=defaults)
    if not profiles:
        return outcome
    if not others:
        outcome.shipped = False  # only the profiles were named
    from csorg.catalog.load import load_catalog

    catalog: Catalog | None
    try:
        catalog = load_catalog(catalog_dirs, defaults=defaults)
    except CsorgError:
        catalog = None  # the catalogs' own problems are reported already
    found = list(outcome.problems)
    for path in profiles:
        display = display_path(path)
        outcome.profiles.append(display)
        outcome.files.append(display)
        found += _check(path, display, catalog)
    outcome.problems = sorted(
        dict.fromkeys(found),
        key=lambda p: (p.file, p.line or 0, p.column or 0, p.field or "", p.message),
    )
    return outcome


def is_profile(path: Path) -> bool:
    """A YAML file that is a company profile rather than a catalog file."""
    if path.is_dir() or path.name.lower() in {n for names in FILE_NAMES.values() for n in names}:
        return False
    if path.name.lower() in (PROFILE_NAME, "csorg.yml"):
        return True
    from csorg.catalog.yamlload import load_yaml

    try:
        data = load_yaml(read_bytes(path), str(path)).data
    except CsorgError:
        return False  # the catalog check reports what is wrong with it
    return kind_of(path, data) is None and looks_like_profile(path, data)


def _check(path: Path, display: str, catalog: Catalog | None) -> list[Problem]:
    try:
        data = read_bytes(path, display)
    except CsorgError as error:
        return list(error.problems or [Problem(display, message=error.message)])
    profile, problems = read_profile(data, display, partial=True)
    if profile is None or catalog is None:
        return problems
    return problems + references(profile, catalog)


def schema_text() -> str:
    """The JSON Schema of a profile (`csorg schema profile`)."""
    from csorg.catalog import schema as catalog_schema
    from csorg.catalog.jsonschema import schema_of, text_of
    from csorg.profile import schema

    return text_of(
        schema_of(
            schema.ProfileFile,
            (schema, catalog_schema),
            "profile",
            "csorg company profile (csorg.yaml)",
        )
    )
