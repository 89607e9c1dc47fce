"""Layer parsed catalog files into one :class:`~csorg.schema.Catalog`.

Later files win: an entry whose id is already present replaces it whole (keeping its place
in the order), a new id is appended. Within one file an id may appear only once. ``hats``
is a single ordered policy, so a file that gives it replaces the whole list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from csorg.catalog.schema import Catalog, Hat

if TYPE_CHECKING:
    from csorg.catalog.report import Parsed, Report
    from csorg.catalog.yamlload import Document, KeyPath

# catalog section -> the file section it is read from
SECTIONS = {
    "roles": ("sources", "areas", "roles"),
    "business-models": (
        "sources",
        "stages",
        "traits",
        "segmentations",
        "models",
        "rules",
        "tiers",
        "tier_mixes",
        "benchmarks",
    ),
}
_ALL = (
    "sources",
    "areas",
    "roles",
    "stages",
    "traits",
    "segmentations",
    "models",
    "rules",
    "tiers",
    "tier_mixes",
    "benchmarks",
)


def entry_key(entry: Any) -> str:
    """What identifies an entry across layers: its id (a benchmark: its metric)."""
    return str(getattr(entry, "id", None) or entry.metric)


@dataclass
class Layers:
    sections: dict[str, dict[str, Any]] = field(default_factory=lambda: {name: {} for name in _ALL})
    hats: tuple[Hat, ...] = ()
    # (section, id) -> where the winning entry was written
    origins: dict[tuple[str, str], tuple[Document, KeyPath]] = field(default_factory=dict)
    # section -> ids of entries that failed the schema (references to them are not reported)
    broken: dict[str, set[str]] = field(default_factory=lambda: {name: set() for name in _ALL})

    def add(self, parsed: Parsed, report: Report) -> None:
        doc = parsed.doc
        for section in SECTIONS[parsed.kind]:
            self.broken[section] |= parsed.broken.get(section, set())
            seen: set[str] = set()
            for index, entry in parsed.entries.get(section, ()):
                path: KeyPath = (section, index)
                key = entry_key(entry)
                if key in seen:
                    field_name = "id" if hasattr(entry, "id") else "metric"
                    report.add(
                        doc,
                        (*path, field_name),
                        f"{field_name} {key!r} is given twice in this file",
                    )
                    continue
                seen.add(key)
                self.sections[section][key] = entry
                self.origins[(section, key)] = (doc, path)
        if parsed.hats_given:
            hats = parsed.entries.get("hats", [])
            self.hats = tuple(hat for _, hat in hats)
            for old in [k for k in self.origins if k[0] == "hats"]:
                del self.origins[old]
            for position, (index, _) in enumerate(hats):
                self.origins[("hats", str(position))] = (doc, ("hats", index))

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
            tiers=s["tiers"],
            tier_mixes=s["tier_mixes"],
            benchmarks=s["benchmarks"],
            files=files,
        )
