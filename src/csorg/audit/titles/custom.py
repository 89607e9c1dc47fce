"""A team's own title map (``audit --titles map.yaml``), and the starting map
``audit --suggest-titles`` writes.

::

    # titles as they are written in the chart -> catalog role id; null: not a CS role
    titles:
      CS Manager - Mid Market: cs-team-lead
      Account Manager: null
      Customer Happiness Hero: support-rep

Titles compare as the catalog's do (case, punctuation and spacing ignored; open-seat and
gender markers dropped). Every problem (an unknown role, a title given twice, a value that is
not a role id) is reported with its line, all at once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from csorg.catalog.lookup import normal_title
from csorg.catalog.schema import Catalog
from csorg.errors import CsorgError, Problem, suggestion

NOT_CS = ("none", "null", "-", "not-cs")


@dataclass(frozen=True)
class TitleMap:
    file: str
    roles: dict[str, tuple[str | None, int]]  # normalised title -> (role or None, line)

    def get(self, *titles: str) -> tuple[str | None, str] | None:
        """(role or None, "file:line") for the first of ``titles`` the map names."""
        for title in titles:
            found = self.roles.get(normal_title(title))
            if found is not None:
                return found[0], f"{self.file}:{found[1]}"
        return None


def load_title_map(path: Path, catalog: Catalog) -> TitleMap:
    from csorg.catalog.yamlload import load_file

    file = str(path)
    doc = load_file(path, file, locate=True)
    if doc.problems:
        raise CsorgError(f"{file}: the title map is not valid YAML", doc.problems)
    data = doc.data
    if (
        not isinstance(data, dict)
        or set(data) != {"titles"}
        or not isinstance(data["titles"], dict)
    ):
        where = doc.locate(())
        raise CsorgError.at(
            file,
            "a title map is a mapping with one `titles:` mapping of title: role id "
            "(see `csorg audit --suggest-titles`)",
            line=where.line if where else 1,
        )
    problems: list[Problem] = []
    roles: dict[str, tuple[str | None, int]] = {}
    for title, value in data["titles"].items():
        at = doc.locate(("titles", title))
        line = at.line if at else 1
        key = normal_title(str(title))
        if not key:
            problems.append(Problem(file, line, field=str(title), message="an empty title"))
            continue
        if key in roles:
            problems.append(
                Problem(
                    file, line, field=str(title), message=f"the same title as line {roles[key][1]}"
                )
            )
            continue
        role = _role(value, catalog)
        if isinstance(role, Problem):
            problems.append(Problem(file, line, field=str(title), message=role.message))
            continue
        roles[key] = (role, line)
    if problems:
        count = len(problems)
        raise CsorgError(
            f"{file}: {count} problem{'s' if count > 1 else ''} in the title map", problems
        )
    return TitleMap(file, roles)


def _role(value: object, catalog: Catalog) -> str | Problem | None:
    if value is None or (isinstance(value, str) and value.strip().casefold() in NOT_CS):
        return None
    if not isinstance(value, str):
        return Problem("", message=f"must be a role id or null, not {type(value).__name__}")
    role = value.strip()
    if role in catalog.roles:
        return role
    return Problem(
        "",
        message=f"unknown role {role!r}{suggestion(role, list(catalog.roles))}; see `csorg roles`",
    )


@dataclass(frozen=True)
class Suggested:
    """One title of the starting map: what csorg would read, and why to look at it."""

    title: str
    role: str | None
    note: str
    people: int


def suggestion_map(entries: Iterable[Suggested], file: str) -> str:
    """A title map to start from: every title csorg could not read, or asks about."""
    lines = [
        f"# Title map for {file}: titles csorg could not read or asks about.",
        "# Set each to a catalog role id (`csorg roles` lists them), or null for a job",
        "# outside Customer Success; then run: csorg audit ... --titles this-file.yaml",
        "titles:",
    ]
    shown = sorted(entries, key=lambda e: (e.role is not None, -e.people, e.title.casefold()))
    if not shown:
        lines.append("  {}  # every title was read without a question")
    for entry in shown:
        value = entry.role if entry.role is not None else "null"
        note = " ".join(entry.note.split())
        lines.append(f"  {json.dumps(entry.title, ensure_ascii=False)}: {value}  # {note}")
    return "\n".join(lines) + "\n"
