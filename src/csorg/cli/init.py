"""`csorg init`: write the company profile (``csorg.yaml``) that the other commands read.

On a terminal with no company flags it asks the questions (:mod:`csorg.cli.questions`);
given flags, or when standard input or output is not a terminal, it asks nothing and writes
what the flags say, refusing (exit 2) when the stage or the touch model is missing. An
existing file is replaced only with ``--force``; the file is written atomically.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import Annotated

import typer

from csorg.cli.common import CatalogDirs, NoDefaults, load, write
from csorg.cli.options import (
    ArrGrowthOpt,
    CustomerGrowthOpt,
    QuartersOpt,
    company_inputs,
)
from csorg.engine.inputs import Request
from csorg.errors import CsorgError, UsageError
from csorg.text import clean


@company_inputs(omit=("seats",), profile=False)
def init(
    request: Request,
    quarters: QuartersOpt = None,
    customer_growth: CustomerGrowthOpt = None,
    arr_growth: ArrGrowthOpt = None,
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="Where to write the profile, or - for standard output.",
        ),
    ] = "csorg.yaml",
    force: Annotated[
        bool, typer.Option("--force", help="Replace the profile if it exists.")
    ] = False,
    catalog: CatalogDirs = None,
    no_defaults: NoDefaults = False,
) -> int:
    """Write the company profile, csorg.yaml, that recommend, export, audit and plan read.

    On a terminal with no company flags it asks the questions; otherwise it writes what the
    flags say (--stage or --employees, and --touch, are required).

    Example: csorg init --stage startup --touch high --customers 120 --arr 3M
    """
    from csorg.engine.inputs import resolve
    from csorg.profile.model import PROFILE_NAME, growth_forecast
    from csorg.profile.read import read_profile
    from csorg.profile.write import profile_text

    target = None if output == "-" else Path(output)
    if target is not None and target.is_dir():
        target = target / PROFILE_NAME  # a folder: the profile goes in it
    shown = str(target) if target is not None else "-"
    if target is not None and target.exists() and not force:
        raise CsorgError.at(
            shown, "already exists; give --force to replace it, or --output to write elsewhere"
        )
    cat = load(catalog, no_defaults)
    forecast = growth_forecast(quarters, customer_growth, arr_growth)
    if not request.given() and forecast is None and _on_terminal():
        from csorg.cli.questions import ask

        request, forecast = ask(cat)
        if target is not None and target.exists() and not force:  # written while we asked
            raise CsorgError.at(shown, "already exists; give --force to replace it")
    else:
        _require(request)
    resolve(cat, request)  # an unknown stage, trait or currency is a usage error here
    name = target.name if target is not None else PROFILE_NAME
    text = profile_text(request, forecast, name)
    _, problems = read_profile(text.encode(), name)
    if problems:  # e.g. a region named twice: the profile would not read back
        raise UsageError("the profile these inputs give would not read back", problems)
    if target is None:
        write(text)
        return 0
    from csorg.fileio import write_output

    write_output(target, text.encode())
    nxt = "csorg recommend" if target.resolve() == Path(PROFILE_NAME).resolve() else None
    nxt = nxt or f"csorg recommend --profile {shlex.quote(shown)}"
    sys.stderr.write(f"csorg: wrote {clean(shown)}; next: {clean(nxt)}\n")
    return 0


def _on_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _require(request: Request) -> None:
    """Exit 2 naming every input a profile needs that the flags leave out."""
    missing = []
    if request.stage is None and request.employees is None and request.model is None:
        missing.append("--stage (or --employees N)")
    if request.touch is None and request.model is None:
        missing.append("--touch (low or high)")
    if missing:
        raise UsageError(
            f"missing {' and '.join(missing)}; run `csorg init` on a terminal to be asked"
        )


__all__ = ["init"]
