"""The company inputs, declared once as command-line options.

:func:`company_inputs` adds every input of :data:`INPUTS` to a command as an option and hands
the command a ready :class:`~csorg.engine.inputs.Request` instead; ``omit`` leaves out the
inputs a command does not take. ``plan`` applies it twice: once for the company it starts
from, once with ``prefix="to"`` for its target (``--to-customers``, ...).

It is also the one place the company profile is read: ``--profile FILE``, else
``./csorg.yaml`` when it exists (``--no-profile`` skips it). The flags given are laid over the
profile's values, stderr says which profile was read, and the catalog checks of the values
the command uses run when it loads the catalogs (:func:`csorg.cli.common.load`). A command
that declares a ``company_profile`` parameter receives the :class:`~csorg.profile.model.Profile`
(its forecast, for one) or ``None``.

Adding an input means one :class:`CompanyInput` here and its field in ``Request`` (and in
the profile schema, :mod:`csorg.profile.schema`).
"""

from __future__ import annotations

import functools
import inspect
import sys
import typing
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from csorg.engine.inputs import Request, parse_amount
from csorg.errors import UsageError

if TYPE_CHECKING:
    from csorg.profile.model import Profile

STRUCTURE_PANEL = "Structure"
SIZING_PANEL = "Sizing"
PROFILE_PANEL = "Company profile"


class Touch(StrEnum):
    low = "low"
    high = "high"


def split_names(value: str | None) -> tuple[str, ...] | None:
    """``"a, b"`` → ``("a", "b")``; names are checked by the engine."""
    if value is None:
        return None
    return tuple(part.strip() for part in value.split(","))


def _enum_value(value: StrEnum | None) -> str | None:
    return value.value if value is not None else None


def _listed(value: list[str] | None) -> tuple[str, ...] | None:
    return tuple(value) if value is not None else None


@dataclass(frozen=True)
class CompanyInput:
    """One input: the ``Request`` field it fills and the option that gives it."""

    field: str
    flag: str  # "--customers"; a switch names its off form too: "--plg/--no-plg"
    kind: Any  # the option's type as typer reads it
    help: str
    metavar: str | None = None
    panel: str = SIZING_PANEL
    parse: Callable[[Any], Any] | None = None  # typer's value → the Request's value

    def option(self, prefix: str, panel: str | None) -> Any:
        flags = "/".join(_prefixed(f, prefix) for f in self.flag.split("/"))
        info = typer.Option(
            flags,
            metavar=self.metavar,
            help=f"Target: {_lower_first(self.help)}" if prefix else self.help,
            rich_help_panel=panel or self.panel,
            show_default=False,
            case_sensitive=False,
        )
        return Annotated[self.kind, info]


def _lower_first(text: str) -> str:
    """ "Accounts under ..." → "accounts under ..."; "CS seats" stays as it is."""
    return text[0].lower() + text[1:] if text[1:2].islower() else text


def _prefixed(flag: str, prefix: str) -> str:
    return f"--{prefix}-{flag[2:]}" if prefix else flag


INPUTS: tuple[CompanyInput, ...] = (
    CompanyInput(
        "stage",
        "--stage",
        str | None,
        "Company stage: startup, scaling or enterprise (or a stage of your catalog).",
        metavar="STAGE",
        panel=STRUCTURE_PANEL,
    ),
    CompanyInput(
        "touch",
        "--touch",
        Touch | None,
        "Touch model: low (the product does most of the work) or high (close guidance).",
        panel=STRUCTURE_PANEL,
        parse=_enum_value,
    ),
    CompanyInput(
        "plg", "--plg/--no-plg", bool | None, "A product-led growth company.", panel=STRUCTURE_PANEL
    ),
    CompanyInput(
        "model",
        "--model",
        str | None,
        "Use this business model instead of matching one (see `csorg models`).",
        metavar="ID",
        panel=STRUCTURE_PANEL,
    ),
    CompanyInput(
        "optional",
        "--optional/--no-optional",
        bool | None,
        "Keep (or leave out) the roles the structure marks optional.",
        panel=STRUCTURE_PANEL,
    ),
    CompanyInput(
        "traits",
        "--trait",
        list[str] | None,
        "A product or offer trait: technical, complex, services (repeatable).",
        metavar="ID",
        panel=STRUCTURE_PANEL,
        parse=_listed,
    ),
    CompanyInput("customers", "--customers", int | None, "Accounts under management.", "N"),
    CompanyInput(
        "arr",
        "--arr",
        str | None,
        "Annual recurring revenue: 2500000, 2.5M or 800k.",
        "AMOUNT",
        parse=lambda text: None if text is None else parse_amount(text, "--arr"),
    ),
    CompanyInput(
        "headcount",
        "--headcount",
        int | None,
        "CS seats in the budget (the CEO is not one); roles are combined to fit.",
        "N",
    ),
    CompanyInput(
        "employees", "--employees", int | None, "Company size; infers --stage when not given.", "N"
    ),
    CompanyInput(
        "regions",
        "--regions",
        str | None,
        "Regions, optionally with their share of accounts: na,emea or na=60%,emea=40%.",
        "A,B,...",
        parse=split_names,
    ),
    CompanyInput(
        "segment_by",
        "--segment-by",
        str | None,
        "Split the book by size (tiers with their own coverage), industry or journey.",
        "KIND",
    ),
    CompanyInput(
        "segments",
        "--segments",
        str | None,
        "Segments, optionally with their mix: enterprise=40,mid-market=260,smb=1700 or smb=85%.",
        "A,B,...",
        parse=split_names,
    ),
    CompanyInput(
        "budget",
        "--budget",
        str | None,
        "Money a year for the CS team: 1200000, 1.2M or 800k; the org is fitted to it.",
        "AMOUNT",
        parse=lambda text: None if text is None else parse_amount(text, "--budget"),
    ),
    CompanyInput(
        "currency",
        "--currency",
        str | None,
        "Currency of --arr, --budget and the cost: USD (default), EUR, GBP, ...",
        "CODE",
        parse=lambda text: None if text is None else text.strip().upper(),
    ),
    CompanyInput(
        "seats", "--seats", bool, "List every seat with its manager.", parse=lambda on: on or None
    ),
)

ProfileOpt = Annotated[
    Path | None,
    typer.Option(
        "--profile",
        metavar="FILE",
        help="Read the company's inputs from this profile (default: ./csorg.yaml if it "
        "exists); flags override its values.",
        rich_help_panel=PROFILE_PANEL,
        show_default=False,
    ),
]
NoProfileOpt = Annotated[
    bool,
    typer.Option(
        "--no-profile",
        help="Do not read ./csorg.yaml.",
        rich_help_panel=PROFILE_PANEL,
    ),
]
_PROFILE_PARAMS = {"profile_file": ProfileOpt, "no_profile": NoProfileOpt}

BY_FIELD = {entry.field: entry for entry in INPUTS}


def company_inputs(
    *,
    omit: tuple[str, ...] = (),
    prefix: str = "",
    into: str = "request",
    panel: str | None = None,
    profile: bool = True,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Give the decorated command the company inputs as options, and its parameter ``into``
    a :class:`Request` holding the values that were given (``None`` elsewhere), laid over
    the company profile's unless ``profile`` is false or ``prefix`` is given.

    The options take the place of ``into`` in the signature typer reads, so ``--help`` lists
    them there, in their panels.
    """
    with_profile = profile and not prefix
    unknown = set(omit) - set(BY_FIELD)
    if unknown:
        raise ValueError(f"unknown company inputs: {sorted(unknown)}")
    chosen = [entry for entry in INPUTS if entry.field not in omit]
    names = {entry.field: f"{prefix}_{entry.field}" if prefix else entry.field for entry in chosen}

    def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
        signature = inspect.signature(function)
        hints = typing.get_type_hints(function, include_extras=True)
        params: list[inspect.Parameter] = []
        annotations: dict[str, Any] = {}
        for param in signature.parameters.values():
            if param.name != into:
                # every parameter keyword-only (click passes them by name), so the options
                # keep their place whatever defaults come before them
                params.append(
                    param.replace(
                        kind=inspect.Parameter.KEYWORD_ONLY,
                        annotation=hints.get(param.name, param.annotation),
                    )
                )
                annotations[param.name] = hints.get(param.name, param.annotation)
                continue
            for entry in chosen:
                default = False if entry.kind is bool else None
                annotation = entry.option(prefix, panel)
                params.append(
                    inspect.Parameter(
                        names[entry.field],
                        inspect.Parameter.KEYWORD_ONLY,
                        default=default,
                        annotation=annotation,
                    )
                )
                annotations[names[entry.field]] = annotation
            for name, annotation in _PROFILE_PARAMS.items() if with_profile else ():
                default = False if name == "no_profile" else None
                params.append(
                    inspect.Parameter(
                        name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation
                    )
                )
                annotations[name] = annotation
        wants_profile = "company_profile" in signature.parameters
        if wants_profile:
            params = [p for p in params if p.name != "company_profile"]
            annotations.pop("company_profile", None)
        if "return" in hints:
            annotations["return"] = hints["return"]

        @functools.wraps(function)
        def run(*args: Any, **kwargs: Any) -> Any:
            values: dict[str, Any] = {}
            for entry in chosen:
                value = kwargs.pop(names[entry.field])
                if entry.parse is not None:
                    value = entry.parse(value)
                if value is not None:
                    values[entry.field] = value
            request = Request(**values)
            loaded = None
            if with_profile:
                loaded = read_profile(kwargs.pop("profile_file"), kwargs.pop("no_profile"))
                request = over_profile(request, loaded)
            if wants_profile:
                kwargs["company_profile"] = loaded
            kwargs[into] = request
            return function(*args, **kwargs)

        run.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
        run.__annotations__ = annotations
        return run

    return decorate


def read_profile(given: Path | None, skip: bool) -> Profile | None:
    """The profile named by ``--profile``, else ``./csorg.yaml`` when it exists; stderr says
    which one is read."""
    from csorg.catalog.files import display_path
    from csorg.profile.model import PROFILE_NAME
    from csorg.profile.read import load_profile
    from csorg.text import clean

    if given is not None and skip:
        raise UsageError("give --profile FILE or --no-profile, not both")
    path = given
    if path is None and not skip and Path(PROFILE_NAME).is_file():
        path = Path(PROFILE_NAME)
    if path is None:
        return None
    display = display_path(path)
    loaded = load_profile(path, display)
    sys.stderr.write(f"csorg: using the profile {clean(display)} (flags override it)\n")
    return loaded


def over_profile(flags: Request, loaded: Profile | None) -> Request:
    """The flags given, laid over the profile's values; the profile's values the flags leave
    in place are checked against the catalogs once they are loaded."""
    from csorg.cli.common import state

    if loaded is None:
        state.profile = None
        return flags
    used = frozenset(loaded.request.given()) - frozenset(flags.given())
    state.profile = (loaded, used)
    return flags.over(loaded.request)


FORECAST_PANEL = "Growth forecast"

QuartersOpt = Annotated[
    int | None,
    typer.Option(
        "--quarters",
        metavar="N",
        help="Quarters to plan ahead (1-40; default 8 with a growth rate).",
        rich_help_panel=FORECAST_PANEL,
        show_default=False,
    ),
]
CustomerGrowthOpt = Annotated[
    str | None,
    typer.Option(
        "--customer-growth",
        metavar="PCT",
        help="Growth of the accounts per quarter: 12% (negative shrinks).",
        rich_help_panel=FORECAST_PANEL,
        show_default=False,
    ),
]
ArrGrowthOpt = Annotated[
    str | None,
    typer.Option(
        "--arr-growth",
        metavar="PCT",
        help="Growth of ARR per quarter: 15% (negative shrinks).",
        rich_help_panel=FORECAST_PANEL,
        show_default=False,
    ),
]
