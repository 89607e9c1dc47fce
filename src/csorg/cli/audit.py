"""`csorg audit`: an existing org chart checked against the recommendation."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from csorg.cli.common import CatalogDirs, NoDefaults, load, show
from csorg.cli.options import company_inputs
from csorg.engine.inputs import Request

READING_PANEL = "Reading the chart"
REPORT_PANEL = "Report"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"


class AuditFormat(StrEnum):
    """`recommend`'s formats, and an HTML page for a client."""

    tree = "tree"
    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"


@company_inputs(omit=("seats",))
def audit(
    org_file: Annotated[
        Path,
        typer.Argument(
            metavar="ORG_FILE",
            help="The org chart as your HR system or chart tool exports it: CSV (BambooHR, "
            "Rippling, Lattice, Pingboard, HiBob, Workday, ChartHop, OrgChart Now, Organimi, "
            "draw.io, or id,name,title,manager), YAML, d3-org-chart or BALKAN JSON, or GraphML "
            "(yEd).",
            show_default=False,
        ),
    ],
    request: Request,
    columns: Annotated[
        str | None,
        typer.Option(
            "--columns",
            metavar="FIELD=COLUMN,...",
            help="Which column holds what, when detection cannot tell: id, name, title, "
            "manager, dotted, region, segment, location, employment, fte, status, req, "
            "accounts, arr, ... (e.g. 'id=Employee ID,manager=Boss'); positions name the "
            "columns of a file without a header ('id=1,title=3,manager=4').",
            rich_help_panel=READING_PANEL,
            show_default=False,
        ),
    ] = None,
    titles: Annotated[
        Path | None,
        typer.Option(
            "--titles",
            metavar="MAP.yaml",
            help="Your own title map (titles: {Title: role-id or null}); it wins over csorg's "
            "reading of titles.",
            rich_help_panel=READING_PANEL,
            show_default=False,
        ),
    ] = None,
    suggest_titles: Annotated[
        bool,
        typer.Option(
            "--suggest-titles",
            help="Print a starting title map (YAML) for the titles csorg could not read or asks "
            "about, instead of the report.",
            rich_help_panel=READING_PANEL,
        ),
    ] = False,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when there are findings of this severity or worse (for CI).",
            case_sensitive=False,
            show_default=False,
            rich_help_panel=REPORT_PANEL,
        ),
    ] = None,
    output_format: Annotated[
        AuditFormat,
        typer.Option(
            "--format",
            "-f",
            help="Output format; html is a page for a client (needs -o).",
            case_sensitive=False,
            rich_help_panel=REPORT_PANEL,
        ),
    ] = AuditFormat.tree,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the report to FILE (atomically) instead of standard output; - for "
            "standard output.",
            rich_help_panel=REPORT_PANEL,
            show_default=False,
        ),
    ] = None,
    catalog: CatalogDirs = None,
    no_defaults: NoDefaults = False,
) -> int:
    """Audit an org chart: titles, spans, layers, coverage, regions, open seats, and what the
    recommendation would change.

    Exits 0 whatever it finds, unless --fail-on is given.

    Example: csorg audit org.csv --stage scaling --touch high --customers 800
    """
    from csorg.audit.compare import audit as run
    from csorg.audit.orgfile import read_org
    from csorg.audit.orgfile.columns import parse_flag
    from csorg.audit.titles.custom import load_title_map, suggestion_map
    from csorg.engine.inputs import resolve
    from csorg.errors import UsageError

    cat = load(catalog, no_defaults)
    resolve(cat, request)  # a bad flag is a usage error (exit 2) before the file is read
    parse_flag(columns)
    if output is not None and not output:
        raise UsageError("-o needs a file name (or - for standard output)")
    title_map = load_title_map(titles, cat) if titles is not None else None
    chart = read_org(org_file, columns=columns)
    result = run(cat, chart, request, title_map)
    if suggest_titles:
        text = suggestion_map(result.suggestions(), chart.file)
        if output is None or output == "-":
            sys.stdout.write(text)
        else:
            from csorg.fileio import write_output

            write_output(Path(output), text.encode("utf-8"))
        return 0
    show(result, output_format.value, cat, output)
    if fail_on is None:
        return 0
    return 1 if result.fails("error" if fail_on is FailOn.error else "warning") else 0
