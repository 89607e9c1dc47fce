"""The command line: parse options, call the core, print, map errors to exit codes.

Exit codes: 0 ok; 1 invalid input, an impossible request, findings asked to fail on or a
failed write to standard output; 2 usage error (a bad flag or value); 130 interrupted. Every
command is wrapped in :func:`csorg.cli.common.command`, the one place that turns a
:class:`~csorg.errors.CsorgError` into a message and an exit code; :class:`CsorgGroup` does the
same for everything around the commands (typer's usage errors, stdout failures, Ctrl-C), for
the console script and typer's test runner alike.

Each command lives in its own module and imports what it needs (rich, networkx) inside the
command, so ``csorg recommend`` starts without loading what it does not use.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperGroup

from csorg import __version__
from csorg.cli import audit, catalog_cmds, export, init, plan, recommend
from csorg.cli import validate as validate_cmds
from csorg.cli.common import (
    CatalogDirs,
    NoDefaults,
    command,
    guard_stdout,
    output_failed,
    report_usage,
    state,
)
from csorg.errors import EXIT_INTERRUPTED, EXIT_INVALID, EXIT_OK, interrupted
from csorg.text import one_line


class CsorgGroup(TyperGroup):
    """The ``csorg`` command: typer's group, with every way a run can end turned into
    csorg's own message and exit code (typer's boxed errors are kept for ``--help`` only)."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        code = self._run(
            args=args,
            prog_name=prog_name,
            complete_var=complete_var,
            windows_expand_args=windows_expand_args,
            **extra,
        )
        if standalone_mode:
            sys.exit(code)
        return code

    def _run(self, **main_args: Any) -> int:
        guard_stdout()
        state.command = None
        try:
            code = self._outcome(**main_args)
            if sys.stdout is not None:
                sys.stdout.flush()  # a full disk often shows only here
        except KeyboardInterrupt:
            return interrupted()
        except OSError as error:
            if error.filename is not None:
                raise  # every file csorg opens reports its own errors: this is a bug
            return output_failed(error)
        return code

    def _outcome(self, **main_args: Any) -> int:
        """The command's exit code, typer's usage errors reported on the way."""
        try:
            # standalone_mode=False: typer hands errors back instead of printing them
            code = super().main(**main_args, standalone_mode=False)
        except SystemExit:  # typer's one exit of its own, when stdout's reader has gone
            raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE)) from None
        except typer.TyperException as error:
            report_usage(error)
            return error.exit_code
        except typer.Abort:
            return EXIT_INVALID
        if code == EXIT_INTERRUPTED:  # typer turns Ctrl-C inside a command into exit 130
            return interrupted()
        return code if isinstance(code, int) else EXIT_OK

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except typer.TyperException as error:
            _locate(error, ctx)
            raise

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except typer.TyperException as error:
            # typer's parser leaves some errors (an option missing its value) without the
            # command they are about; name it, so the message can point at its --help
            name = ctx.invoked_subcommand
            command = self.get_command(ctx, name) if name else None
            if command is not None:
                _locate(error, typer.Context(command, parent=ctx, info_name=name))
            raise

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            from csorg.errors import suggestion

            known = self.list_commands(ctx)
            raise typer.BadParameter(
                f"unknown command {one_line(name)!r}{suggestion(name, known)}; "
                f"choose from: {', '.join(known)}",
                ctx=ctx,
            )
        return super().resolve_command(ctx, args)


def _locate(error: typer.TyperException, ctx: Any) -> None:
    if getattr(error, "ctx", None) is None:
        error.ctx = ctx  # type: ignore[attr-defined]


app = typer.Typer(
    cls=CsorgGroup,
    name="csorg",
    help=(
        "Recommend how to structure a Customer Success team: which roles, how many, who "
        "reports to whom and why, from YAML catalogs drawn from published CS articles."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"csorg {__version__}")
        raise typer.Exit()


@app.callback()
def _global(
    ctx: typer.Context,
    catalog: CatalogDirs = None,
    no_defaults: NoDefaults = False,
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Global options apply to every command; they may also be given after the command."""
    state.catalog_dirs = list(catalog or [])
    state.no_defaults = no_defaults
    state.profile = None
    state.command = ctx.invoked_subcommand


app.command("init")(command(init.init))
app.command("recommend")(command(recommend.recommend))
app.command("models")(command(catalog_cmds.models))
app.command("roles")(command(catalog_cmds.roles))
app.command("explain")(command(catalog_cmds.explain))
app.command("figures")(command(catalog_cmds.figures))
app.command("plan")(command(plan.plan))
app.command("audit")(command(audit.audit))
app.command("validate")(command(validate_cmds.validate))
app.command("schema")(command(validate_cmds.schema))
app.command("export")(command(export.export))


def main(argv: Sequence[str] | None = None) -> int:
    """Run csorg and return its exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        code: int = app(args=args, prog_name="csorg", standalone_mode=False)
    except KeyboardInterrupt:
        return interrupted()
    return code
