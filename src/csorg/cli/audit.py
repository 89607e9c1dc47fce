"""`csorg audit`: an existing org chart checked against the recommendation."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from csorg.cli.common import CatalogDirs, FormatOpt, NoDefaults, OutputFormat, load, show
from csorg.cli.options import company_inputs
from csorg.engine.inputs import Request


class FailOn(StrEnum):
    error = "error"
    warning = "warning"


@company_inputs(omit=("seats",))
def audit(
    org_file: Annotated[
        Path,
        typer.Argument(
            metavar="ORG_FILE",
            help="The org chart: CSV with id,title,reports_to (name optional), or YAML "
            "(.yaml/.yml) with the same fields.",
            show_default=False,
        ),
    ],
    request: Request,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when there are findings of this severity or worse (for CI).",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    output_format: FormatOpt = OutputFormat.tree,
    catalog: CatalogDirs = None,
    no_defaults: NoDefaults = False,
) -> int:
    """Audit an org chart: missing roles, unmapped titles, spans, reporting lines, coverage.

    Exits 0 whatever it finds, unless --fail-on is given.

    Example: csorg audit org.csv --stage scaling --touch high --customers 800
    """
    from csorg.audit.compare import audit as run
    from csorg.audit.orgfile import read_org
    from csorg.engine.inputs import resolve

    cat = load(catalog, no_defaults)
    resolve(cat, request)  # a bad flag is a usage error (exit 2) before the file is read
    chart = read_org(org_file)
    result = run(cat, chart, request)
    show(result, output_format, cat)
    if fail_on is None:
        return 0
    return 1 if result.fails("error" if fail_on is FailOn.error else "warning") else 0
