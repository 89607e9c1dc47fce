"""`csorg plan`: the ordered hiring roadmap from one stage to another."""

from __future__ import annotations

from typing import Annotated

import typer

from csorg.cli.common import CatalogDirs, FormatOpt, NoDefaults, OutputFormat, load, show
from csorg.cli.options import STRUCTURE_PANEL, company_inputs
from csorg.engine.inputs import Request

TARGET_PANEL = "Target (defaults to the start's values)"


@company_inputs(
    into="target",
    prefix="to",
    panel=TARGET_PANEL,
    omit=("stage", "touch", "plg", "employees", "seats"),
)
@company_inputs(into="start", omit=("stage", "touch", "plg", "employees", "seats"))
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
    start: Request,
    target: Request,
    output_format: FormatOpt = OutputFormat.tree,
    catalog: CatalogDirs = None,
    no_defaults: NoDefaults = False,
) -> int:
    """Plan the hires, moves and retirements from one structure to another, in order.

    Example: csorg plan --from startup/low --to scaling/high --to-customers 400
    """
    from csorg.plan import make_plan, target_request

    cat = load(catalog, no_defaults)
    goal = target_request(start, **target.given())
    roadmap = make_plan(cat, from_spec, to_spec, start, goal)
    show(roadmap, output_format, cat)
    return 0


__all__ = ["plan"]
