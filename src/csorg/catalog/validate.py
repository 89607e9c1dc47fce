"""`csorg validate`: check catalogs and report every problem as text, JSON or CI annotations.

What is checked:

* with no path, the catalogs in use: the shipped ones (unless ``--no-defaults``) with the
  ``--catalog`` directories (or ``$CSORG_CATALOG``) layered on top;
* each path given is checked as a catalog of its own, layered over those same catalogs, so
  that its references to shipped roles and sources resolve. A path is a catalog directory
  or one YAML file; a file named ``roles.yaml`` or ``business_models.yaml`` stands for its
  directory, because the two files of a catalog refer to each other (an edit to one can
  break the other). Any other file is checked alone, its kind read from its top-level keys.

Every check runs on every file in one go; problems come out sorted by file and position.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from csorg.catalog.files import (
    FILE_NAMES,
    CatalogFile,
    display_path,
    files_in,
    kind_of,
    shipped_dir,
)
from csorg.catalog.load import check_contents
from csorg.errors import CsorgError, Problem, UsageError
from csorg.fileio import read_bytes
from csorg.text import clean, json_safe, one_line, plural


@dataclass
class Outcome:
    """The problems found, and which files were read."""

    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # every file read, in layer order
    shipped: bool = False  # whether the shipped catalogs were layered underneath
    named: list[str] = field(default_factory=list)  # the files the user pointed at
    profiles: list[str] = field(default_factory=list)  # company profiles checked as well

    @property
    def valid(self) -> bool:
        return not self.problems


def _catalog_names() -> set[str]:
    return {name for names in FILE_NAMES.values() for name in names}


def _target(path: Path, problems: list[Problem]) -> list[CatalogFile] | None:
    """The catalog files one PATH stands for (None when it cannot be read at all)."""
    if path.is_dir():
        try:
            return files_in(path, display_path(path))
        except CsorgError as error:
            raise UsageError(error.message) from None
    if path.name in _catalog_names():
        return files_in(path.parent, display_path(path.parent))
    display = display_path(path)
    kind = None
    try:
        from csorg.catalog.yamlload import load_yaml

        kind = kind_of(path, load_yaml(read_bytes(path, display), display).data)
    except CsorgError as error:
        problems.extend(error.problems or [Problem(file=display, message=error.message)])
        return None
    if kind is None:
        problems.append(
            Problem(
                file=display,
                line=1,
                column=1,
                message=(
                    "cannot tell which kind of catalog file this is: name it roles.yaml, "
                    "business_models.yaml or compensation.yaml (or csorg.yaml for a company "
                    "profile), or give it a top-level `roles`, `models` or `bands` list"
                ),
            )
        )
        return None
    return [CatalogFile(kind, path, display)]


def _layered(base: list[CatalogFile], top: list[CatalogFile]) -> list[CatalogFile]:
    """``base`` then ``top``, each file once (at its last place), so that a path that is
    also a base directory is not read twice."""
    files: dict[Path, CatalogFile] = {}
    for catalog_file in (*base, *top):
        files.pop(catalog_file.path.resolve(), None)
        files[catalog_file.path.resolve()] = catalog_file
    return list(files.values())


def validate(
    paths: Sequence[Path], catalog_dirs: Sequence[Path], *, defaults: bool = True
) -> Outcome:
    """Check ``paths`` (or, with none, the catalogs in use); see the module docstring."""
    outcome = Outcome()
    shipped: list[CatalogFile] = []
    chosen: list[CatalogFile] = []
    try:
        if defaults:
            shipped = files_in(shipped_dir())
        for directory in catalog_dirs:
            chosen.extend(files_in(directory, display_path(directory)))
    except CsorgError as error:  # a --catalog directory that is missing or empty
        outcome.problems = list(error.problems or [Problem("<catalogs>", message=error.message)])
        return outcome
    base = [*shipped, *chosen]
    named = list(chosen)
    catalogs: list[list[CatalogFile]] = []
    problems: dict[Problem, None] = {}
    if not paths:
        if not base:
            raise UsageError("--no-defaults needs a PATH or at least one --catalog DIR")
        catalogs.append(base)
    for path in paths:
        found: list[Problem] = []
        target = _target(path, found)
        problems.update(dict.fromkeys(found))
        if target is not None:
            named.extend(target)
            catalogs.append(_layered(base, target))
    files: dict[str, None] = {}
    for catalog in catalogs:
        files.update(dict.fromkeys(f.display for f in catalog))
        contents = [(f, _read(f, problems)) for f in catalog]
        readable = [(f, data) for f, data in contents if data is not None]
        if len(readable) == len(contents):
            problems.update(dict.fromkeys(check_contents(readable)[1]))
    outcome.files = list(files)
    outcome.named = list(dict.fromkeys(f.display for f in named))
    # "over the shipped catalogs" only when they are not themselves what was named
    named_paths = {f.path.resolve() for f in named}
    outcome.shipped = any(f.path.resolve() not in named_paths for f in shipped)
    outcome.problems = sorted(
        problems, key=lambda p: (p.file, p.line or 0, p.column or 0, p.field or "", p.message)
    )
    return outcome


def _read(catalog_file: CatalogFile, problems: dict[Problem, None]) -> bytes | None:
    try:
        return read_bytes(catalog_file.path, catalog_file.display)
    except CsorgError as error:
        for problem in error.problems or [Problem(catalog_file.display, message=error.message)]:
            problems[problem] = None
        return None


# -- reports ------------------------------------------------------------------------------


def summary(outcome: Outcome) -> str:
    if outcome.problems:
        files = len({p.file for p in outcome.problems})
        return f"{plural(len(outcome.problems), 'problem')} in {plural(files, 'file')}."
    named = ", ".join(outcome.named)
    profiles = ", ".join(outcome.profiles)
    if not named:
        return f"No problems in {profiles + ' and ' if profiles else ''}the shipped catalogs."
    over = " (layered over the shipped catalogs)" if outcome.shipped else ""
    also = f"; no problems in {profiles}" if profiles else ""
    return f"No problems in {named}{over}{also}."


def as_text(outcome: Outcome) -> str:
    """One ``file:line:column: field: message`` line per problem, then a summary."""
    lines = [one_line(str(problem)) for problem in outcome.problems]
    return "\n".join([*lines, clean(summary(outcome))]) + "\n"


def as_json(outcome: Outcome) -> str:
    data = {
        "errors": [
            {
                "file": p.file,
                "line": p.line,
                "column": p.column,
                "field": p.field,
                "message": p.message,
            }
            for p in outcome.problems
        ],
        "error_count": len(outcome.problems),
        "files": outcome.files,
        "valid": outcome.valid,
    }
    return json_safe(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"


def _escape_data(text: str) -> str:
    """Workflow-command data: ``%``, CR and LF are percent-encoded (GitHub's own rules)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """A workflow-command property value: as data, and ``:`` and ``,`` too."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(outcome: Outcome) -> str:
    """One ``::error`` workflow command per problem (an annotation on the file and line in
    GitHub Actions), then the summary as plain text."""
    lines = []
    for problem in outcome.problems:
        properties = [f"file={_escape_property(clean(problem.file))}"]
        if problem.line is not None:
            properties.append(f"line={problem.line}")
            if problem.column is not None:
                properties.append(f"col={problem.column}")
        if problem.field:
            properties.append(f"title={_escape_property(clean(problem.field))}")
        lines.append(f"::error {','.join(properties)}::{_escape_data(clean(problem.message))}")
    return "\n".join([*lines, clean(summary(outcome))]) + "\n"
