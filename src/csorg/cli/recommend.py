"""`csorg recommend`: the roles to have, how many, who reports to whom, and why."""

from __future__ import annotations

from csorg.cli.common import CatalogDirs, FormatOpt, NoDefaults, OutputFormat, load, show
from csorg.cli.options import company_inputs
from csorg.engine.inputs import Request


@company_inputs()
def recommend(
    request: Request,
    output_format: FormatOpt = OutputFormat.tree,
    catalog: CatalogDirs = None,
    no_defaults: NoDefaults = False,
) -> int:
    """Recommend a Customer Success org: roles, counts, reporting lines and reasons.

    Example: csorg recommend --stage startup --touch high
    """
    from csorg.engine.recommend import recommend as run

    cat = load(catalog, no_defaults)
    show(run(cat, request), output_format, cat)
    return 0


__all__ = ["recommend"]
