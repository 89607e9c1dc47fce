"""Where the catalogs in use are: the shipped ones, ``--catalog`` directories and
``$CSORG_CATALOG``, and which kind of catalog file each file is."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from csorg.errors import CsorgError
from csorg.fileio import read_bytes

PACKAGE_DIR = Path(__file__).resolve().parents[1]  # src/csorg, or site-packages/csorg


Kind = Literal["roles", "business-models", "compensation"]

KINDS: tuple[Kind, ...] = ("roles", "business-models", "compensation")

FILE_NAMES: dict[Kind, tuple[str, ...]] = {
    "roles": ("roles.yaml", "roles.yml"),
    "business-models": ("business_models.yaml", "business_models.yml"),
    "compensation": ("compensation.yaml", "compensation.yml"),
}

ENV_CATALOG = "CSORG_CATALOG"


def shipped_dir() -> Path:
    """The shipped catalogs: inside the installed package, or ``data/`` in a checkout."""
    packaged = PACKAGE_DIR / "data"
    if (packaged / "roles.yaml").is_file():
        return packaged
    checkout = PACKAGE_DIR.parents[1] / "data"  # editable install: src/csorg/../..
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
        if {"bands", "currencies", "spend_benchmarks"} & set(data):
            return "compensation"
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
            # a FIFO, a device or a broken link under the name is taken too, and refused by
            # name when read (a broken link or a loop at once: paths get resolved before that)
            if os.path.lexists(candidate) and not candidate.is_dir():
                if not candidate.exists():
                    read_bytes(candidate, os.path.join(display_path(directory), name))  # raises
                found.append(CatalogFile(kind, candidate, display_path(candidate)))
                break
    if not found:
        raise CsorgError.at(
            shown, "holds neither roles.yaml, business_models.yaml nor compensation.yaml"
        )
    return found


def display_path(path: Path) -> str:
    """A path as messages show it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # outside it; or a symbolic link loop
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
