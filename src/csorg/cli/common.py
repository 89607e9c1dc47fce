"""Options shared by several commands, and the small helpers every command uses."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, ParamSpec

import typer

from csorg.engine.inputs import Request
from csorg.errors import EXIT_USAGE, CsorgError, UsageError
from csorg.text import clean

if TYPE_CHECKING:
    from csorg.catalog.schema import Catalog


@dataclass
class _State:
    catalog_dirs: list[Path] = field(default_factory=list)
    no_defaults: bool = False


state = _State()
P = ParamSpec("P")

CATALOG_PANEL = "Catalogs"
STRUCTURE_PANEL = "Structure"
SIZING_PANEL = "Sizing"

CatalogDirs = Annotated[
    list[Path] | None,
    typer.Option(
        "--catalog",
        metavar="DIR",
        help=(
            "A catalog directory (roles.yaml and/or business_models.yaml) layered over the "
            "shipped catalogs; repeatable, later ones win. Default: $CSORG_CATALOG "
            "(paths separated by the OS path separator)."
        ),
        rich_help_panel=CATALOG_PANEL,
        show_default=False,
    ),
]
NoDefaults = Annotated[
    bool,
    typer.Option(
        "--no-defaults",
        help="Use only the --catalog directories, not the shipped catalogs.",
        rich_help_panel=CATALOG_PANEL,
    ),
]


class Touch(StrEnum):
    low = "low"
    high = "high"


Stage = Annotated[
    str | None,
    typer.Option(
        "--stage",
        help="Company stage: startup, scaling or enterprise (or a stage of your catalog).",
        rich_help_panel=STRUCTURE_PANEL,
        show_default=False,
    ),
]
TouchOpt = Annotated[
    Touch | None,
    typer.Option(
        "--touch",
        help="Touch model: low (the product does most of the work) or high (close guidance).",
        rich_help_panel=STRUCTURE_PANEL,
        show_default=False,
        case_sensitive=False,
    ),
]
Plg = Annotated[
    bool,
    typer.Option("--plg", help="A product-led growth company.", rich_help_panel=STRUCTURE_PANEL),
]
ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model",
        metavar="ID",
        help="Use this business model instead of matching one (see `csorg models`).",
        rich_help_panel=STRUCTURE_PANEL,
        show_default=False,
    ),
]
NoOptional = Annotated[
    bool,
    typer.Option(
        "--no-optional",
        help="Leave out roles the structure marks optional.",
        rich_help_panel=STRUCTURE_PANEL,
    ),
]
Traits = Annotated[
    list[str] | None,
    typer.Option(
        "--trait",
        metavar="ID",
        help="A product or offer trait: technical, complex, services (repeatable).",
        rich_help_panel=STRUCTURE_PANEL,
        show_default=False,
    ),
]
Customers = Annotated[
    int | None,
    typer.Option(
        "--customers",
        metavar="N",
        help="Accounts under management.",
        rich_help_panel=SIZING_PANEL,
        show_default=False,
    ),
]
Headcount = Annotated[
    int | None,
    typer.Option(
        "--headcount",
        metavar="N",
        help="CS seats in the budget (the CEO is not one); roles are combined to fit.",
        rich_help_panel=SIZING_PANEL,
        show_default=False,
    ),
]
Employees = Annotated[
    int | None,
    typer.Option(
        "--employees",
        metavar="N",
        help="Company size; infers --stage when it is not given.",
        rich_help_panel=SIZING_PANEL,
        show_default=False,
    ),
]
Regions = Annotated[
    str | None,
    typer.Option(
        "--regions",
        metavar="A,B,...",
        help="Regions, comma-separated; two or more put one VP per region under a CCO.",
        rich_help_panel=SIZING_PANEL,
        show_default=False,
    ),
]
SegmentBy = Annotated[
    str | None,
    typer.Option(
        "--segment-by",
        metavar="KIND",
        help="Split CSMs into pods by size, industry or journey.",
        rich_help_panel=SIZING_PANEL,
        show_default=False,
    ),
]
Segments = Annotated[
    str | None,
    typer.Option(
        "--segments",
        metavar="A,B,...",
        help="Segment names, comma-separated (journey and size have defaults).",
        rich_help_panel=SIZING_PANEL,
        show_default=False,
    ),
]
Seats = Annotated[
    bool,
    typer.Option("--seats", help="List every seat with its manager.", rich_help_panel=SIZING_PANEL),
]


def command(function: Callable[P, int | None]) -> Callable[P, None]:
    """Wrap a command: a :class:`CsorgError` becomes a message on stderr and its exit code;
    a non-zero return value becomes the exit code."""

    @functools.wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            code = function(*args, **kwargs)
        except CsorgError as error:
            report(error)
            raise typer.Exit(error.exit_code) from None
        if code:
            raise typer.Exit(code)

    return run


def report(error: CsorgError) -> None:
    lines = clean(error.render()).splitlines() or ["error"]
    sys.stderr.write(f"csorg: error: {lines[0]}\n")
    for line in lines[1:]:
        sys.stderr.write(f"{line}\n")
    if error.exit_code == EXIT_USAGE:
        sys.stderr.write("Try 'csorg --help' for help.\n")


def split_names(value: str | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(part.strip() for part in value.split(","))


def make_request(
    *,
    stage: str | None,
    touch: Touch | None,
    plg: bool,
    model: str | None,
    no_optional: bool,
    trait: list[str] | None,
    customers: int | None,
    headcount: int | None,
    employees: int | None,
    regions: str | None,
    segment_by: str | None,
    segments: str | None,
    seats: bool,
) -> Request:
    return Request(
        stage=stage,
        touch=touch.value if touch is not None else None,
        plg=plg,
        model=model,
        optional=not no_optional,
        traits=tuple(trait or ()),
        customers=customers,
        headcount=headcount,
        employees=employees,
        regions=split_names(regions),
        segment_by=segment_by,
        segments=split_names(segments),
        seats=seats,
    )


def load(catalog: list[Path] | None = None, no_defaults: bool = False) -> Catalog:
    """The catalog in use: global and per-command --catalog, else $CSORG_CATALOG."""
    from csorg.catalog.files import env_catalog_dirs
    from csorg.catalog.load import load_catalog

    dirs = [*state.catalog_dirs, *(catalog or [])]
    if not dirs:
        dirs = env_catalog_dirs()
    without_defaults = state.no_defaults or no_defaults
    if without_defaults and not dirs:
        raise UsageError("--no-defaults needs at least one --catalog DIR")
    return load_catalog(dirs, defaults=not without_defaults)


def write(text: str) -> None:
    sys.stdout.write(text)
    if not text.endswith("\n"):
        sys.stdout.write("\n")


def write_json(data: object) -> None:
    import json

    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
