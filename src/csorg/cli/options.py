"""The company inputs, declared once as command-line options.

:func:`company_inputs` adds every input of :data:`INPUTS` to a command as an option and hands
the command a ready :class:`~csorg.engine.inputs.Request` instead; ``omit`` leaves out the
inputs a command does not take. ``plan`` applies it twice: once for the company it starts
from, once with ``prefix="to"`` for its target (``--to-customers``, ...).

Adding an input means one :class:`CompanyInput` here and its field in ``Request``.
"""

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any

import typer

from csorg.engine.inputs import Request, parse_amount

STRUCTURE_PANEL = "Structure"
SIZING_PANEL = "Sizing"


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
        "Regions, comma-separated; two or more put one VP per region under a CCO.",
        "A,B,...",
        parse=split_names,
    ),
    CompanyInput(
        "segment_by",
        "--segment-by",
        str | None,
        "Split CSMs into pods by size, industry or journey.",
        "KIND",
    ),
    CompanyInput(
        "segments",
        "--segments",
        str | None,
        "Segment names, comma-separated (journey and size have defaults).",
        "A,B,...",
        parse=split_names,
    ),
    CompanyInput(
        "seats", "--seats", bool, "List every seat with its manager.", parse=lambda on: on or None
    ),
)

BY_FIELD = {entry.field: entry for entry in INPUTS}


def company_inputs(
    *,
    omit: tuple[str, ...] = (),
    prefix: str = "",
    into: str = "request",
    panel: str | None = None,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Give the decorated command the company inputs as options, and its parameter ``into``
    a :class:`Request` holding the values that were given (``None`` elsewhere).

    The options take the place of ``into`` in the signature typer reads, so ``--help`` lists
    them there, in their panels.
    """
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
            kwargs[into] = Request(**values)
            return function(*args, **kwargs)

        run.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
        run.__annotations__ = annotations
        return run

    return decorate
