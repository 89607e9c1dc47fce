"""`csorg validate` checks catalogs (for people, CI and pre-commit); `csorg schema` prints the
JSON Schema of their files."""

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
                "Catalog directories or YAML files to check, each layered over the catalogs "
                "in use; roles.yaml or business_models.yaml stands for its whole directory. "
                "Default: the catalogs in use."
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
    """Check catalogs: YAML, schema and references. Exit 0 valid, 1 invalid, 2 usage error.

    Example: csorg validate my-catalog/ --format json
    """
    from csorg.catalog import validate as validation
    from csorg.catalog.files import env_catalog_dirs

    dirs = [*state.catalog_dirs, *(catalog or [])] or env_catalog_dirs()
    outcome = validation.validate(
        paths or [], dirs, defaults=not (state.no_defaults or no_defaults)
    )
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


def schema(
    kind: Annotated[
        SchemaKind, typer.Argument(help="Which file: roles or business-models.", metavar="KIND")
    ],
) -> int:
    """Print the JSON Schema of a catalog file, for editors and other validators.

    Example: csorg schema roles > schemas/roles.schema.json
    """
    from csorg.catalog.jsonschema import schema_text

    write(schema_text(kind.value))
    return EXIT_OK
