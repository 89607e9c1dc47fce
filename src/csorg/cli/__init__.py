"""The command line: parse options, call the core, print, map errors to exit codes.

Exit codes: 0 ok; 1 invalid input, an impossible request or findings asked to fail on;
2 usage error (a bad flag or value). Every command is wrapped in
:func:`csorg.cli.common.command`, the one place that turns a
:class:`~csorg.errors.CsorgError` into a message and an exit code.

Each command lives in its own module and imports what it needs (rich, networkx) inside the
command, so ``csorg recommend`` starts without loading what it does not use.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import typer

from csorg import __version__
from csorg.cli import audit, catalog_cmds, export, init, plan, recommend
from csorg.cli import validate as validate_cmds
from csorg.cli.common import CatalogDirs, NoDefaults, command, state
from csorg.errors import EXIT_INVALID

app = typer.Typer(
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
    """Run csorg and return its exit code (the console script's entry point)."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        app(args=args, prog_name="csorg")
    except SystemExit as done:
        code = done.code
        return code if isinstance(code, int) else (0 if code is None else EXIT_INVALID)
    except KeyboardInterrupt:
        sys.stderr.write("Interrupted.\n")
        return 130
    return 0
