"""`csorg models`, `csorg roles` and `csorg explain`: what the catalogs hold."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from csorg.catalog.lookup import find_role
from csorg.catalog.schema import TOUCHES
from csorg.cli.common import CatalogDirs, NoDefaults, load, write, write_json

if TYPE_CHECKING:
    from csorg.catalog.schema import Catalog


class ListFormat(StrEnum):
    table = "table"
    json = "json"


FormatOpt = Annotated[
    ListFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
]


def models(
    output_format: FormatOpt = ListFormat.table,
    catalog: CatalogDirs = None,
    no_defaults: NoDefaults = False,
) -> int:
    """List the business models and the inputs that choose each.

    Example: csorg models --format json
    """
    cat = load(catalog, no_defaults)
    rows = [_model_json(cat, model_id) for model_id in cat.models]
    if output_format is ListFormat.json:
        write_json(rows)
        return 0
    from rich.table import Table

    from csorg.render.text import console
    from csorg.text import one_line as safe
    from csorg.text import short_source

    table = Table()
    for name in ("Model", "Name", "Chosen by", "Roles (optional in brackets)", "Source"):
        table.add_column(name)
    for row in rows:
        roles = ", ".join(f"[{r['role']}]" if r["optional"] else r["role"] for r in row["roles"])
        source = ", ".join(short_source(cat, s) for s in row["sources"])
        if row["own_reading"]:
            source = f"csorg's own reading of {source}"
        table.add_row(row["id"], safe(row["name"]), row["chosen_by"], roles, safe(source))
    console().print(table)
    return 0


def _model_json(cat: Catalog, model_id: str) -> dict[str, Any]:
    model = cat.models[model_id]
    match = model.match
    if match is None:  # chosen by name, with the stage and touch it is sized for
        chosen_by = f"--model {model.id} --stage {'|'.join(cat.stages)} --touch {'|'.join(TOUCHES)}"
    else:
        parts = []
        if match.stage is not None:
            parts.append("--stage " + "|".join(match.stage))
        # a touch is always given (it sets the support load), even where any one will do
        parts.append("--touch " + "|".join(match.touch or TOUCHES))
        if match.plg is True:
            parts.append("--plg")
        elif match.plg is False:
            parts.append("(without --plg)")
        chosen_by = " ".join(parts) or "any inputs"
    return {
        "id": model.id,
        "name": model.name,
        "summary": model.summary,
        "chosen_by": chosen_by,
        "match": None
        if match is None
        else {
            "stage": list(match.stage) if match.stage is not None else None,
            "touch": list(match.touch) if match.touch is not None else None,
            "plg": match.plg,
        },
        "roles": [{"role": r.role, "optional": r.optional} for r in model.roles],
        "sources": list(model.sources),
        "own_reading": model.own_reading,
    }


def roles(
    output_format: FormatOpt = ListFormat.table,
    catalog: CatalogDirs = None,
    no_defaults: NoDefaults = False,
) -> int:
    """List the roles: id, title, area, level and aliases.

    Example: csorg roles --format json
    """
    cat = load(catalog, no_defaults)
    rows: list[dict[str, Any]] = [
        {
            "id": role.id,
            "title": role.title,
            "aliases": list(role.aliases),
            "area": role.area,
            "level": role.level,
            "reports_to": list(role.reports_to),
            "summary": role.summary,
        }
        for role in cat.roles.values()
    ]
    if output_format is ListFormat.json:
        write_json(rows)
        return 0
    from rich.table import Table

    from csorg.render.text import console
    from csorg.text import one_line as safe

    table = Table()
    for name in ("Role", "Title", "Area", "Level", "Also called"):
        table.add_column(name)
    for row in rows:
        table.add_row(
            row["id"],
            safe(row["title"]),
            safe(cat.area_name(row["area"])),
            str(row["level"]),
            safe(", ".join(row["aliases"])),
        )
    console().print(table)
    return 0


def explain(
    role: Annotated[str, typer.Argument(help="A role id, title or alias (any case).")],
    output_format: FormatOpt = ListFormat.table,
    catalog: CatalogDirs = None,
    no_defaults: NoDefaults = False,
) -> int:
    """Explain a role: what it does, when to add it, how it differs, whom it reports to.

    Example: csorg explain "technical account manager"
    """
    cat = load(catalog, no_defaults)
    found = find_role(cat, role)
    from csorg.render.card import card_json, print_card

    if output_format is ListFormat.json:
        write_json(card_json(cat, found))
        return 0
    from csorg.render.text import console

    print_card(cat, found, console(width=100))
    return 0


class FiguresFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


def figures(
    output_format: Annotated[
        FiguresFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
    ] = FiguresFormat.table,
    catalog: CatalogDirs = None,
    no_defaults: NoDefaults = False,
) -> int:
    """List every number the catalogs use (coverage, ratios, spans, thresholds, costs) and its
    source.

    Example: csorg figures --format markdown
    """
    from csorg.catalog.explain import all_figures

    cat = load(catalog, no_defaults)
    rows = all_figures(cat)
    if output_format is FiguresFormat.json:
        write_json(rows)
        return 0
    if output_format is FiguresFormat.markdown:
        from csorg.render.markdown import figures_table

        write(figures_table(rows))
        return 0
    from rich.table import Table

    from csorg.render.text import console, provenance
    from csorg.text import one_line as safe

    table = Table()
    for name in ("Entry", "Number", "Value", "Where it comes from"):
        table.add_column(name, justify="right" if name == "Value" else "left")
    for row in rows:
        table.add_row(row["entry"], safe(row["what"]), f"{row['value']:g}", safe(provenance(row)))
    console().print(table)
    return 0
