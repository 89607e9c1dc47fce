"""Options shared by several commands, and the small helpers every command uses: the one
place that turns an error into a message and an exit code, and safe writes to stdout."""

from __future__ import annotations

import contextlib
import errno
import functools
import io
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, Protocol, TextIO

import typer

from csorg.errors import EXIT_INVALID, EXIT_USAGE, CsorgError, UsageError
from csorg.text import clean, json_safe, one_line, plural

if TYPE_CHECKING:
    from csorg.catalog.schema import Catalog
    from csorg.profile.model import Profile


@dataclass
class _State:
    catalog_dirs: list[Path] = field(default_factory=list)
    no_defaults: bool = False
    # the profile the command read, and the fields it takes from it (checked by load())
    profile: tuple[Profile, frozenset[str]] | None = None
    command: str | None = None  # the sub-command running, for "See 'csorg X --help'"


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
    from csorg.fileio import write_output

    write_output(Path(output), data)
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
        sys.stderr.write(_see_help(f"csorg {state.command}" if state.command else "csorg"))


def _see_help(command_path: str) -> str:
    return f"See '{clean(command_path)} --help'.\n"


def report_usage(error: typer.TyperException) -> None:
    """A command-line error from typer (a bad choice, an unknown flag, a missing argument),
    shown the way csorg shows its own: one ``csorg: error:`` line, then where to look."""
    if type(error).__name__ == "NoArgsIsHelpError":
        return  # typer has printed the help already
    ctx = getattr(error, "ctx", None)
    sys.stderr.write(f"csorg: error: {_usage_message(error, ctx)}\n")
    if error.exit_code == EXIT_USAGE:
        sys.stderr.write(_see_help(ctx.command_path if ctx is not None else "csorg"))


def _usage_message(error: typer.TyperException, ctx: Any) -> str:
    """typer's message in csorg's words, naming the valid choices wherever there are some."""
    param = getattr(error, "param", None)
    option = getattr(error, "option_name", None)
    kind = type(error).__name__
    if option and param is None and ctx is not None:
        param = next((p for p in ctx.command.params if option in p.opts), None)
    if kind == "NoSuchOption":
        close = sorted(getattr(error, "possibilities", None) or ())
        text = f"unknown option {option}"
        if close:
            text += " (did you mean " + " or ".join(close) + "?)"
    elif kind == "MissingParameter" and param is not None:
        text = f"missing {param.param_type_name} {_param_name(param)}"
    elif kind == "BadOptionUsage" and param is not None and "requires" in error.message:
        text = f"{option} needs a value"
    elif isinstance(error, typer.BadParameter) and param is not None:
        text = f"invalid value for {_param_name(param)}: {error.message}"
    elif isinstance(error, typer.BadParameter) and getattr(error, "param_hint", None) is None:
        text = error.message  # csorg's own message, raised as typer's one public usage error
    else:
        text = error.format_message()
    text = text[:1].lower() + text[1:] if text[1:2].islower() else text
    choices = [str(c) for c in getattr(getattr(param, "type", None), "choices", None) or ()]
    if choices and not all(c in text for c in choices):
        text = f"{text.rstrip('.')}; choose from: {', '.join(choices)}"
    return one_line(text).rstrip(".")


def _param_name(param: Any) -> str:
    """``--format`` for an option, ``ROLE`` for an argument."""
    if getattr(param, "param_type_name", "") == "option" and param.opts:
        return str(max(param.opts, key=len))
    name = param.human_readable_name or param.name or "argument"
    return re.sub(r"[\[\].]", "", str(name)).upper() or "ARGUMENT"


# -- standard output ------------------------------------------------------------------------


class _ClosedOutput(io.RawIOBase):
    """Stands in for a standard output that was closed before csorg started, so that what a
    command writes fails with a message instead of vanishing."""

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        raise OSError(errno.EBADF, "it is closed")


def guard_stdout() -> None:
    """Make every failed write to standard output raise, so it can be reported.

    A closed standard output (``csorg ... >&-``) gets a stand-in that fails when written to.
    Under ``python -u`` or ``PYTHONUNBUFFERED`` the text stream writes straight to the raw
    file, which drops the rest of a short write (the reader went away mid-write) without an
    error; a buffered writer in between retries it and raises.
    """
    stream: TextIO | None = sys.stdout  # None when the process started with it closed
    if stream is None:
        sys.stdout = io.TextIOWrapper(_ClosedOutput(), encoding="utf-8", write_through=True)
    elif isinstance(getattr(stream, "buffer", None), io.RawIOBase):
        sys.stdout = io.TextIOWrapper(
            io.BufferedWriter(io.FileIO(stream.fileno(), "w", closefd=False)),
            encoding=stream.encoding,
            errors=stream.errors,
            line_buffering=bool(stream.line_buffering),
        )


def output_failed(error: OSError) -> int:
    """A write to standard output failed: one line (none for a closed pipe), exit 1.

    Whatever is still buffered is sent to /dev/null, so the interpreter's own last flush
    cannot fail again with a traceback-like warning."""
    with contextlib.suppress(Exception):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    if error.errno != errno.EPIPE:  # the reader has gone: nothing to tell it
        with contextlib.suppress(Exception):
            reason = error.strerror or str(error)
            sys.stderr.write(f"csorg: error: cannot write to standard output: {reason}\n")
            sys.stderr.flush()
    return EXIT_INVALID


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
    """``data`` as JSON, characters that could deceive a terminal written as ``\\u``
    escapes (:func:`csorg.text.json_safe`), so the data reads back the same."""
    import json

    sys.stdout.write(json_safe(json.dumps(data, indent=2, ensure_ascii=False)) + "\n")
