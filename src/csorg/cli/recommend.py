"""`csorg recommend`: the roles to have, how many, who reports to whom, and why."""

from __future__ import annotations

from enum import StrEnum
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
    Seats,
    SegmentBy,
    Segments,
    Stage,
    Touch,
    TouchOpt,
    Traits,
    load,
    make_request,
    write,
    write_json,
)


class RecommendFormat(StrEnum):
    tree = "tree"
    table = "table"
    json = "json"
    markdown = "markdown"


def recommend(
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
    seats: Seats = False,
    output_format: Annotated[
        RecommendFormat,
        typer.Option("--format", "-f", help="Output format.", case_sensitive=False),
    ] = RecommendFormat.tree,
    catalog: CatalogDirs = None,
    no_defaults: NoDefaults = False,
) -> int:
    """Recommend a Customer Success org: roles, counts, reporting lines and reasons.

    Example: csorg recommend --stage startup --touch high
    """
    from csorg.engine.build import recommend as run

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
        seats=seats,
    )
    result = run(cat, request)
    if output_format is RecommendFormat.json:
        write_json(result.as_json())
        return 0
    if output_format is RecommendFormat.markdown:
        from csorg.render.markdown import markdown

        write(markdown(result, cat))
    elif output_format is RecommendFormat.table:
        from csorg.render import text

        text.print_table(result, cat, text.console())
    else:
        from csorg.render import tree

        tree.write(result, cat)
    return 0


__all__ = ["Touch", "recommend"]
