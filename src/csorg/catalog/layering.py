"""Layer parsed catalog files into one :class:`~csorg.schema.Catalog`.

Later files win: an entry whose id is already present replaces it whole (keeping its place
in the order), a new id is appended. Within one file an id may appear only once. An entry's
id is its ``id`` field, except where :data:`KEYS` names another (a pay band is keyed by its
role, a currency by its code). ``hats`` is a single ordered policy, so a file that gives it
replaces the whole list.

Entries that failed their schema are kept aside (``partials``) under the same rule, so the
checks of single values look at a broken entry only while no later file replaces it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from csorg.catalog.schema import Catalog, Hat

if TYPE_CHECKING:
    from csorg.catalog.report import Parsed, Partial, Report
    from csorg.catalog.yamlload import Document, KeyPath

# catalog file kind -> the sections layered from it
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
        "hiring",
    ),
    "compensation": ("sources", "bands", "regions", "currencies", "spend_benchmarks"),
}
_ALL = tuple(dict.fromkeys(section for sections in SECTIONS.values() for section in sections))
# section -> the field that identifies an entry, where it is not `id`
KEYS = {"bands": "role", "currencies": "code", "benchmarks": "metric"}


def key_of(section: str, entry: Any) -> str:
    """The id an entry of ``section`` is layered, looked up and reported by."""
    return str(getattr(entry, KEYS.get(section, "id")))


@dataclass
class Layers:
    sections: dict[str, dict[str, Any]] = field(default_factory=lambda: {name: {} for name in _ALL})
    hats: tuple[Hat, ...] = ()
    # (section, id) -> where the winning entry was written
    origins: dict[tuple[str, str], tuple[Document, KeyPath]] = field(default_factory=dict)
    # section -> ids of entries that failed the schema (references to them are not reported)
    broken: dict[str, set[str]] = field(default_factory=lambda: {name: set() for name in _ALL})
    # (section, id, or the file and index of an entry without a valid id) -> a broken entry
    partials: dict[tuple[str, str], tuple[Document, str, Partial]] = field(default_factory=dict)

    def add(self, parsed: Parsed, report: Report) -> None:
        doc = parsed.doc
        for section in SECTIONS[parsed.kind]:
            self.broken[section] |= parsed.broken.get(section, set())
            for entry_id in parsed.broken.get(section, ()):
                self.partials.pop((section, entry_id), None)
            for _, entry in parsed.entries.get(section, ()):
                self.partials.pop((section, key_of(section, entry)), None)
            for partial in parsed.partial.get(section, ()):
                self._keep(doc, section, partial)
            seen: set[str] = set()
            field_name = KEYS.get(section, "id")
            for index, entry in parsed.entries.get(section, ()):
                path: KeyPath = (section, index)
                key = key_of(section, entry)
                if key in seen:
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
            for replaced in [k for k in self.partials if k[0] == "hats"]:
                del self.partials[replaced]
            for partial in parsed.partial.get("hats", ()):
                self._keep(doc, "hats", partial)

    def _keep(self, doc: Document, section: str, partial: Partial) -> None:
        key = partial.entry_id or f"{doc.file}#{partial.index}"
        if partial.entry_id is not None and (section, key) in self.partials:
            key = f"{doc.file}#{partial.index}"  # the same id twice in one file: keep both
        self.partials[(section, key)] = (doc, section, partial)

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
            hiring=s["hiring"],
            files=files,
            bands=s["bands"],
            pay_regions=s["regions"],
            currencies=s["currencies"],
            spend_benchmarks=s["spend_benchmarks"],
        )
