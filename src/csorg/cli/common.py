"""Options shared by several commands, and the small helpers every command uses."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, Protocol

import typer

from csorg.errors import EXIT_USAGE, CsorgError, UsageError
from csorg.text import clean, plural

if TYPE_CHECKING:
    from csorg.catalog.schema import Catalog
    from csorg.profile.model import Profile


@dataclass
class _State:
    catalog_dirs: list[Path] = field(default_factory=list)
    no_defaults: bool = False
    # the profile the command read, and the fields it takes from it (checked by load())
    profile: tuple[Profile, frozenset[str]] | None = None


state = _State()
P = ParamSpec("P")

CATALOG_PANEL = "Catalogs"

CatalogDirs = Annotated[
    list[Path] | None,
    typer.Option(
        "--catalog",
        metavar="DIR",
        help=(
            "A catalog directory (roles.yaml and/or business_models.yaml) layered over the "
            "shipped catalogs; repeatable, later ones win. Default: $CSORG_CATALOG "
            "(paths separated by the OS path separator)."
        ),
        rich_help_panel=CATALOG_PANEL,
        show_default=False,
    ),
]
NoDefaults = Annotated[
    bool,
    typer.Option(
        "--no-defaults",
        help="Use only the --catalog directories, not the shipped catalogs.",
        rich_help_panel=CATALOG_PANEL,
    ),
]


class OutputFormat(StrEnum):
    """How a command shows its result on standard output."""

    tree = "tree"
    table = "table"
    json = "json"
    markdown = "markdown"


FormatOpt = Annotated[
    OutputFormat,
    typer.Option("--format", "-f", help="Output format.", case_sensitive=False),
]

# result class → format → "module:function" called with (result, catalog); it writes the
# result itself, or returns the text to write. Imported only when used.
VIEWS: dict[str, dict[str, str]] = {
    "Recommendation": {
        OutputFormat.tree: "csorg.render.tree:write",
        OutputFormat.table: "csorg.render.text:write_table",
        OutputFormat.markdown: "csorg.render.markdown:markdown",
    },
    "Roadmap": {
        OutputFormat.tree: "csorg.render.plan:write",
        OutputFormat.table: "csorg.render.plan:write_table",
        OutputFormat.markdown: "csorg.render.plan:markdown",
    },
    "HiringPlan": {
        OutputFormat.tree: "csorg.render.hiring:write",
        OutputFormat.table: "csorg.render.hiring:write_table",
        OutputFormat.markdown: "csorg.render.hiring:markdown",
        "csv": "csorg.render.hiring:csv_text",
    },
    "Audit": {
        OutputFormat.tree: "csorg.render.audit:write",
        OutputFormat.table: "csorg.render.audit:write_table",
        OutputFormat.markdown: "csorg.render.audit_memo:markdown",
        OutputFormat.json: "csorg.render.audit_json:write_json",
        "html": "csorg.render.audit_page:html_page",
    },
}
# formats that are a page to open, not text for a terminal: written with -o only
PAGES = frozenset({"html"})


class Shown(Protocol):
    def as_json(self) -> dict[str, Any]: ...


def show(result: Shown, output_format: str, catalog: Catalog, output: str | None = None) -> None:
    """Write ``result`` as ``output_format`` to standard output, or to the file ``output``
    (``-`` for standard output, as bytes of UTF-8)."""
    fmt = str(output_format)
    if fmt in PAGES and output is None:
        raise UsageError(
            f"--format {fmt} writes a page to open in a browser: give -o FILE "
            "(or -o - for standard output)"
        )
    if output is None:
        _show(result, fmt, catalog)
        return
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):  # the views write to sys.stdout: no terminal
        _show(result, fmt, catalog)
    data = buffer.getvalue().encode("utf-8")
    if output == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    if not output:
        raise UsageError("-o needs a file name (or - for standard output)")
    from csorg.fileio import write_atomic

    write_atomic(Path(output), data)
    sys.stderr.write(f"csorg: wrote {clean(output)} ({fmt})\n")


def _show(result: Shown, fmt: str, catalog: Catalog) -> None:
    view = VIEWS.get(type(result).__name__, {}).get(fmt)
    if view is None and fmt == OutputFormat.json:
        write_json(result.as_json())
        return
    import importlib

    module, name = (view or VIEWS[type(result).__name__][fmt]).split(":")
    text = getattr(importlib.import_module(module), name)(result, catalog)
    if text is not None:
        write(text)


def command(function: Callable[P, int | None]) -> Callable[P, None]:
    """Wrap a command: a :class:`CsorgError` becomes a message on stderr and its exit code;
    a non-zero return value becomes the exit code."""

    @functools.wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            code = function(*args, **kwargs)
        except CsorgError as error:
            report(error)
            raise typer.Exit(error.exit_code) from None
        if code:
            raise typer.Exit(code)

    return run


def report(error: CsorgError) -> None:
    lines = clean(error.render()).splitlines() or ["error"]
    sys.stderr.write(f"csorg: error: {lines[0]}\n")
    for line in lines[1:]:
        sys.stderr.write(f"{line}\n")
    if error.exit_code == EXIT_USAGE:
        sys.stderr.write("Try 'csorg --help' for help.\n")


def load(catalog: list[Path] | None = None, no_defaults: bool = False) -> Catalog:
    """The catalog in use: global and per-command --catalog, else $CSORG_CATALOG; the values
    the command takes from a profile are checked against it."""
    from csorg.catalog.files import env_catalog_dirs
    from csorg.catalog.load import load_catalog

    dirs = [*state.catalog_dirs, *(catalog or [])]
    if not dirs:
        dirs = env_catalog_dirs()
    without_defaults = state.no_defaults or no_defaults
    if without_defaults and not dirs:
        raise UsageError("--no-defaults needs at least one --catalog DIR")
    loaded = load_catalog(dirs, defaults=not without_defaults)
    if state.profile is not None:
        from csorg.profile.read import references

        profile, used = state.profile
        problems = references(profile, loaded, used)
        if problems:
            count = plural(len(problems), "value")
            raise CsorgError(
                f"the profile {profile.file} has {count} the catalogs do not know", problems
            )
    return loaded


def write(text: str) -> None:
    sys.stdout.write(text)
    if not text.endswith("\n"):
        sys.stdout.write("\n")


def write_json(data: object) -> None:
    import json

    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
