"""Layer parsed catalog files into one :class:`~csorg.schema.Catalog`.

Later files win: an entry whose id is already present replaces it whole (keeping its place
in the order), a new id is appended. Within one file an id may appear only once. ``hats``
is a single ordered policy, so a file that gives it replaces the whole list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from csorg.schema import BusinessModelsFile, Catalog, Hat, RolesFile
from csorg.yamlload import Document, KeyPath

# catalog section -> the file section it is read from
SECTIONS = {
    "roles": ("sources", "areas", "roles"),
    "business-models": ("sources", "stages", "traits", "segmentations", "models", "rules"),
}


@dataclass
class Layers:
    sections: dict[str, dict[str, Any]] = field(
        default_factory=lambda: {
            name: {}
            for name in (
                "sources",
                "areas",
                "roles",
                "stages",
                "traits",
                "segmentations",
                "models",
                "rules",
            )
        }
    )
    hats: tuple[Hat, ...] = ()
    # (section, id) -> where the winning entry was written
    origins: dict[tuple[str, str], tuple[Document, KeyPath]] = field(default_factory=dict)

    def add(
        self, kind: str, doc: Document, parsed: RolesFile | BusinessModelsFile, report: Any
    ) -> None:
        for section in SECTIONS[kind]:
            seen: set[str] = set()
            for index, entry in enumerate(getattr(parsed, section)):
                path: KeyPath = (section, index)
                if entry.id in seen:
                    report.add(doc, (*path, "id"), f"id {entry.id!r} is given twice in this file")
                    continue
                seen.add(entry.id)
                self.sections[section][entry.id] = entry
                self.origins[(section, entry.id)] = (doc, path)
        if isinstance(parsed, BusinessModelsFile) and parsed.hats is not None:
            self.hats = parsed.hats
            for key in [k for k in self.origins if k[0] == "hats"]:
                del self.origins[key]
            for index in range(len(parsed.hats)):
                self.origins[("hats", str(index))] = (doc, ("hats", index))

    def catalog(self, files: tuple[str, ...]) -> Catalog:
        s = self.sections
        return Catalog(
            sources=s["sources"],
            areas=s["areas"],
            roles=s["roles"],
            stages=s["stages"],
            traits=s["traits"],
            segmentations=s["segmentations"],
            models=s["models"],
            rules=s["rules"],
            hats=self.hats,
            files=files,
        )
