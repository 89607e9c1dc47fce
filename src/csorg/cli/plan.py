"""`csorg plan`: the ordered hiring roadmap from one stage to another."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from csorg.cli.common import (
    STRUCTURE_PANEL,
    CatalogDirs,
    Customers,
    Headcount,
    ModelOpt,
    NoDefaults,
    NoOptional,
    Regions,
    SegmentBy,
    Segments,
    Traits,
    load,
    make_request,
    split_names,
    write,
    write_json,
)

TARGET_PANEL = "Target (defaults to the start's values)"


class PlanFormat(StrEnum):
    tree = "tree"
    table = "table"
    json = "json"
    markdown = "markdown"


def plan(
    from_spec: Annotated[
        str,
        typer.Option(
            "--from",
            metavar="STAGE/TOUCH[/plg]",
            help="Where the company is: e.g. startup/low, scaling/high/plg.",
            rich_help_panel=STRUCTURE_PANEL,
            show_default=False,
        ),
    ],
    to_spec: Annotated[
        str,
        typer.Option(
            "--to",
            metavar="STAGE/TOUCH[/plg]",
            help="Where it is going: e.g. scaling/high.",
            rich_help_panel=STRUCTURE_PANEL,
            show_default=False,
        ),
    ],
    model: ModelOpt = None,
    no_optional: NoOptional = False,
    trait: Traits = None,
    customers: Customers = None,
    headcount: Headcount = None,
    regions: Regions = None,
    segment_by: SegmentBy = None,
    segments: Segments = None,
    to_model: Annotated[
        str | None,
        typer.Option(
            "--to-model",
            metavar="ID",
            help="Target: business model.",
            rich_help_panel=TARGET_PANEL,
            show_default=False,
        ),
    ] = None,
    to_optional: Annotated[
        bool | None,
        typer.Option(
            "--to-optional/--to-no-optional",
            help="Target: keep (or leave out) optional roles.",
            rich_help_panel=TARGET_PANEL,
            show_default=False,
        ),
    ] = None,
    to_trait: Annotated[
        list[str] | None,
        typer.Option(
            "--to-trait",
            metavar="ID",
            help="Target: traits (repeatable; replace the start's).",
            rich_help_panel=TARGET_PANEL,
            show_default=False,
        ),
    ] = None,
    to_customers: Annotated[
        int | None,
        typer.Option(
            "--to-customers",
            metavar="N",
            help="Target: accounts under management.",
            rich_help_panel=TARGET_PANEL,
            show_default=False,
        ),
    ] = None,
    to_headcount: Annotated[
        int | None,
        typer.Option(
            "--to-headcount",
            metavar="N",
            help="Target: CS seats in the budget.",
            rich_help_panel=TARGET_PANEL,
            show_default=False,
        ),
    ] = None,
    to_regions: Annotated[
        str | None,
        typer.Option(
            "--to-regions",
            metavar="A,B,...",
            help="Target: regions.",
            rich_help_panel=TARGET_PANEL,
            show_default=False,
        ),
    ] = None,
    to_segment_by: Annotated[
        str | None,
        typer.Option(
            "--to-segment-by",
            metavar="KIND",
            help="Target: split CSMs into pods by size, industry or journey.",
            rich_help_panel=TARGET_PANEL,
            show_default=False,
        ),
    ] = None,
    to_segments: Annotated[
        str | None,
        typer.Option(
            "--to-segments",
            metavar="A,B,...",
            help="Target: segment names.",
            rich_help_panel=TARGET_PANEL,
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        PlanFormat,
        typer.Option("--format", "-f", help="Output format.", case_sensitive=False),
    ] = PlanFormat.tree,
    catalog: CatalogDirs = None,
    no_defaults: NoDefaults = False,
) -> int:
    """Plan the hires, moves and retirements from one structure to another, in order.

    Example: csorg plan --from startup/low --to scaling/high --to-customers 400
    """
    from csorg.plan import make_plan, target_request

    cat = load(catalog, no_defaults)
    start = make_request(
        stage=None,
        touch=None,
        plg=False,
        model=model,
        no_optional=no_optional,
        trait=trait,
        customers=customers,
        headcount=headcount,
        employees=None,
        regions=regions,
        segment_by=segment_by,
        segments=segments,
        seats=False,
    )
    target = target_request(
        start,
        customers=to_customers,
        headcount=to_headcount,
        regions=split_names(to_regions) if to_regions is not None else None,
        segment_by=to_segment_by,
        segments=split_names(to_segments) if to_segments is not None else None,
        traits=tuple(to_trait) if to_trait is not None else None,
        model=to_model,
        optional=to_optional,
    )
    roadmap = make_plan(cat, from_spec, to_spec, start, target)
    if output_format is PlanFormat.json:
        write_json(roadmap.as_json())
        return 0
    if output_format is PlanFormat.markdown:
        from csorg.render.plan import markdown

        write(markdown(roadmap, cat))
    elif output_format is PlanFormat.table:
        from csorg.render.plan import print_table
        from csorg.render.text import console

        print_table(roadmap, cat, console())
    else:
        from csorg.render.plan import write as write_tree

        write_tree(roadmap, cat)
    return 0


__all__ = ["plan"]
