"""`csorg plan`: the hiring plan quarter by quarter from a growth forecast, or the ordered
roadmap from one structure to another (`--to`)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from csorg.cli.common import CatalogDirs, NoDefaults, load, show
from csorg.cli.options import (
    STRUCTURE_PANEL,
    ArrGrowthOpt,
    CustomerGrowthOpt,
    QuartersOpt,
    company_inputs,
)
from csorg.engine.inputs import Request
from csorg.errors import UsageError
from csorg.profile.model import Profile

TARGET_PANEL = "Target of a roadmap (defaults to the start's values)"
FORECAST_PANEL = "Growth forecast"


class PlanFormat(StrEnum):
    tree = "tree"
    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"


@company_inputs(
    into="target",
    prefix="to",
    panel=TARGET_PANEL,
    omit=("stage", "touch", "plg", "employees", "seats"),
)
@company_inputs(into="start", omit=("seats",))
def plan(
    start: Request,
    company_profile: Profile | None,
    from_spec: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="STAGE/TOUCH[/plg] | none",
            help=(
                "Where the company is: e.g. startup/low, scaling/high/plg; `none` starts from "
                "an empty team. Default: the company inputs, staffed as recommended."
            ),
            rich_help_panel=STRUCTURE_PANEL,
            show_default=False,
        ),
    ] = None,
    from_org: Annotated[
        Path | None,
        typer.Option(
            "--from-org",
            metavar="ORG_FILE",
            help="Start from the people of a real org chart, read as `csorg audit` reads it.",
            rich_help_panel=STRUCTURE_PANEL,
            show_default=False,
        ),
    ] = None,
    columns: Annotated[
        str | None,
        typer.Option(
            "--columns",
            metavar="id=...,manager=...,title=...",
            help="With --from-org: which columns hold the id, manager and title.",
            rich_help_panel=STRUCTURE_PANEL,
            show_default=False,
        ),
    ] = None,
    to_spec: Annotated[
        str | None,
        typer.Option(
            "--to",
            metavar="STAGE/TOUCH[/plg]",
            help="Plan the roadmap to this structure instead of a forecast: e.g. scaling/high.",
            rich_help_panel=TARGET_PANEL,
            show_default=False,
        ),
    ] = None,
    target: Request | None = None,
    quarters: QuartersOpt = None,
    customer_growth: CustomerGrowthOpt = None,
    arr_growth: ArrGrowthOpt = None,
    first: Annotated[
        str | None,
        typer.Option(
            "--start",
            metavar="YYYY-QN",
            help="The first quarter of the plan (2027-Q1): dates instead of months from now.",
            rich_help_panel=FORECAST_PANEL,
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        PlanFormat,
        typer.Option(
            "--format", "-f", help="Output format (csv: one row per hire).", case_sensitive=False
        ),
    ] = PlanFormat.tree,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="PATH", help="Write to a file (- for stdout)."),
    ] = None,
    catalog: CatalogDirs = None,
    no_defaults: NoDefaults = False,
) -> int:
    """Plan the hires quarter by quarter as the company grows, or the steps to another structure.

    Examples: csorg plan --stage startup --touch high --customers 50 --quarters 8
    --customer-growth 15%  ·  csorg plan --from startup/low --to scaling/high --to-customers 400
    """
    cat = load(catalog, no_defaults)
    if to_spec is not None:
        if output_format is PlanFormat.csv:
            raise UsageError("--format csv lists hires of a forecast plan; a roadmap has steps")
        if from_spec is None or from_spec == "none" or from_org is not None:
            raise UsageError("a roadmap (--to) starts from --from STAGE/TOUCH[/plg]")
        from csorg.plan import make_plan, target_request

        goal = target_request(start, **(target.given() if target else {}))
        show(make_plan(cat, from_spec, to_spec, start, goal), output_format, cat, output)
        return 0
    if target is not None and target.given():
        raise UsageError("the --to-* options go with --to (a roadmap); a forecast plan has none")
    from csorg.plan.build import forecast_plan

    given_team = None
    if from_org is not None:
        if from_spec is not None and from_spec.strip().lower() == "none":
            raise UsageError("give --from none or --from-org FILE, not both")
        from csorg.audit.team import from_org_chart

        given_team = (from_org_chart(cat, from_org, columns), f"the org chart {from_org}")
    result = forecast_plan(
        cat,
        start,
        company_profile,
        from_spec=from_spec,
        given_team=given_team,
        quarters=quarters,
        customer_growth=customer_growth,
        arr_growth=arr_growth,
        first=first,
    )
    show(result, output_format, cat, output)
    return 0


__all__ = ["plan"]
