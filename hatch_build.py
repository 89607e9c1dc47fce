"""Wheel build hook: check the shipped catalogs and store them ready to load.

`csorg recommend` on the shipped catalogs then unpickles one file instead of importing YAML
and pydantic; the stored catalog is keyed by the exact bytes of the YAML files, so an edited
file is always read afresh (see csorg.catalog). A catalog that fails its checks fails the build.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogSnapshotHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        sys.path.insert(0, str(Path(self.root) / "src"))
        try:
            from csorg.catalog.load import write_snapshot
            from csorg.catalog.snapshot import SNAPSHOT_NAME
        finally:
            sys.path.pop(0)
        target = Path(self.directory) / "catalog-snapshot" / SNAPSHOT_NAME
        target.parent.mkdir(parents=True, exist_ok=True)
        write_snapshot(target)
        build_data["force_include"][str(target)] = f"csorg/data/{SNAPSHOT_NAME}"
