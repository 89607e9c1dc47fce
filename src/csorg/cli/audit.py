"""`csorg audit`: an existing org chart checked against the recommendation."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from csorg.cli.common import (
    CatalogDirs,
    Customers,
    Employees,
    Headcount,
    ModelOpt,
    NoDefaults,
    NoOptional,
    Plg,
    Regions,
    SegmentBy,
    Segments,
    Stage,
    TouchOpt,
    Traits,
    load,
    make_request,
    write,
    write_json,
)


class AuditFormat(StrEnum):
    tree = "tree"
    table = "table"
    json = "json"
    markdown = "markdown"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"


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
    stage: Stage = None,
    touch: TouchOpt = None,
    plg: Plg = False,
    model: ModelOpt = None,
    no_optional: NoOptional = False,
    trait: Traits = None,
    customers: Customers = None,
    headcount: Headcount = None,
    employees: Employees = None,
    regions: Regions = None,
    segment_by: SegmentBy = None,
    segments: Segments = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when there are findings of this severity or worse (for CI).",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        AuditFormat,
        typer.Option("--format", "-f", help="Output format.", case_sensitive=False),
    ] = AuditFormat.tree,
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
    request = make_request(
        stage=stage,
        touch=touch,
        plg=plg,
        model=model,
        no_optional=no_optional,
        trait=trait,
        customers=customers,
        headcount=headcount,
        employees=employees,
        regions=regions,
        segment_by=segment_by,
        segments=segments,
        seats=False,
    )
    resolve(cat, request)  # a bad flag is a usage error (exit 2) before the file is read
    chart = read_org(org_file)
    result = run(cat, chart, request)
    if output_format is AuditFormat.json:
        write_json(result.as_json())
    elif output_format is AuditFormat.markdown:
        from csorg.render.audit import markdown

        write(markdown(result))
    elif output_format is AuditFormat.table:
        from csorg.render.audit import print_table
        from csorg.render.text import console

        print_table(result, console())
    else:
        from csorg.render.audit import write as write_tree

        write_tree(result)
    if fail_on is None:
        return 0
    return 1 if result.fails("error" if fail_on is FailOn.error else "warning") else 0
