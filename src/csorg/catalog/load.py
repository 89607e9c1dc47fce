"""Read, layer and check the catalogs in use.

The shipped catalogs live in the package (``csorg/data``). Catalog directories given with
``--catalog`` (or ``CSORG_CATALOG``) are layered on top in the order given: an entry whose id
is already known replaces the earlier one whole, a new id is appended. ``--no-defaults``
drops the shipped catalogs.

Reading a catalog from YAML means parsing (:mod:`~csorg.catalog.yamlload`), validating
against :mod:`~csorg.catalog.schema` with pydantic (:mod:`~csorg.catalog.parse`), layering
(:mod:`~csorg.catalog.layering`) and cross-checking (:mod:`~csorg.catalog.checks`). For the
shipped catalogs alone that work is done once, when the wheel is built
(:mod:`~csorg.catalog.snapshot`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from csorg.catalog.files import CatalogFile, catalog_files, files_in, shipped_dir
from csorg.catalog.parse import parse_file
from csorg.catalog.report import Report
from csorg.catalog.schema import Catalog
from csorg.catalog.snapshot import contents_key, read_snapshot
from csorg.errors import CsorgError, Problem
from csorg.fileio import read_bytes
from csorg.text import plural


def load_catalog(dirs: Sequence[Path] = (), *, defaults: bool = True) -> Catalog:
    """The layered, checked catalog; raises :class:`CsorgError` listing every problem."""
    files = catalog_files(dirs, defaults=defaults)
    contents = [(f, read_bytes(f.path, f.display)) for f in files]
    if defaults and not dirs:
        cached = read_snapshot(contents)
        if cached is not None:
            return cached
    catalog, problems = check_contents(contents)
    if problems or catalog is None:
        count = len(problems)
        raise CsorgError(
            f"the catalog has {plural(count, 'problem')} (run `csorg validate` for details)",
            problems,
        )
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
    from csorg.catalog.checks import check_catalog
    from csorg.catalog.layering import Layers

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
        check_catalog(catalog, layers.origins, report, layers.broken, layers.partials)
    problems = report.finish()
    if problems:
        return None, problems
    return catalog, []
