"""`csorg validate` checks catalogs and company profiles (for people, CI and pre-commit);
`csorg schema` prints the JSON Schema of their files."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from csorg.cli.common import CatalogDirs, NoDefaults, state, write
from csorg.errors import EXIT_INVALID, EXIT_OK


class ValidateFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="[PATH]...",
            help=(
                "Catalog directories, catalog files or company profiles to check. A catalog "
                "is layered over the catalogs in use (roles.yaml, business_models.yaml or "
                "compensation.yaml stands for its whole directory); a profile (csorg.yaml) "
                "is checked against them. Default: the catalogs in use, and ./csorg.yaml "
                "when it exists."
            ),
            exists=True,
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        ValidateFormat | None,
        typer.Option(
            "--format",
            "-f",
            help=(
                "text (file:line:column: field: message), json, or github (workflow "
                "annotations). Default: github when GITHUB_ACTIONS=true, else text."
            ),
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    catalog: CatalogDirs = None,
    no_defaults: NoDefaults = False,
) -> int:
    """Check catalogs and profiles: YAML, schema and references. Exit 0 valid, 1 invalid,
    2 usage error.

    Example: csorg validate my-catalog/ --format json
    """
    from csorg.catalog import validate as validation
    from csorg.catalog.files import env_catalog_dirs
    from csorg.profile.validate import validate as check

    dirs = [*state.catalog_dirs, *(catalog or [])] or env_catalog_dirs()
    outcome = check(paths or [], dirs, defaults=not (state.no_defaults or no_defaults))
    chosen = output_format or (
        ValidateFormat.github if os.environ.get("GITHUB_ACTIONS") == "true" else ValidateFormat.text
    )
    render = {
        ValidateFormat.text: validation.as_text,
        ValidateFormat.json: validation.as_json,
        ValidateFormat.github: validation.as_github,
    }[chosen]
    write(render(outcome))
    return EXIT_OK if outcome.valid else EXIT_INVALID


class SchemaKind(StrEnum):
    roles = "roles"
    business_models = "business-models"
    compensation = "compensation"
    profile = "profile"


def schema(
    kind: Annotated[
        SchemaKind,
        typer.Argument(
            help="Which file: roles, business-models, compensation or profile.", metavar="KIND"
        ),
    ],
) -> int:
    """Print the JSON Schema of a catalog file or a company profile, for editors and other
    validators.

    Example: csorg schema roles > schemas/roles.schema.json
    """
    if kind is SchemaKind.profile:
        from csorg.profile.validate import schema_text as profile_schema

        write(profile_schema())
        return EXIT_OK
    from csorg.catalog.files import KINDS
    from csorg.catalog.jsonschema import schema_text

    write(schema_text(next(k for k in KINDS if k == kind.value)))
    return EXIT_OK
