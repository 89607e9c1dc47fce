"""The shipped catalogs stored ready to load, checked once when the wheel is built.

``csorg recommend`` on the shipped catalogs then unpickles one file instead of importing
YAML and pydantic. The snapshot is keyed by the csorg version and the exact bytes of the YAML
files, so an edited file is always read afresh.
"""

from __future__ import annotations

from collections.abc import Iterable

from csorg import __version__
from csorg.catalog.files import PACKAGE_DIR, CatalogFile
from csorg.catalog.schema import Catalog

SNAPSHOT_NAME = "catalog.pickle"


def contents_key(contents: Iterable[tuple[CatalogFile, bytes]]) -> tuple[object, ...]:
    """What a snapshot was made from: the csorg version and the exact bytes of each file.

    The bytes themselves rather than a hash: comparing them is cheaper than importing and
    running a hash function, and the shipped catalogs are small."""
    return (__version__, *((catalog_file.kind, data) for catalog_file, data in contents))


def read_snapshot(contents: list[tuple[CatalogFile, bytes]]) -> Catalog | None:
    path = PACKAGE_DIR / "data" / SNAPSHOT_NAME
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
