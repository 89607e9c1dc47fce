"""`csorg export`: the recommended org as a file for Graphviz, Mermaid, yEd, org-chart tools,
spreadsheets, image viewers or a browser."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from csorg.cli.common import CatalogDirs, NoDefaults, load
from csorg.cli.options import company_inputs
from csorg.engine.inputs import Request
from csorg.errors import CsorgError, UsageError
from csorg.export import EXTENSIONS, FORMAT_OF_EXTENSION
from csorg.text import one_line, plural


class ExportFormat(StrEnum):
    dot = "dot"
    mermaid = "mermaid"
    graphml = "graphml"
    json = "json"
    csv = "csv"
    svg = "svg"
    html = "html"


@company_inputs()
def export(
    request: Request,
    output_format: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help=(
                "dot, mermaid, graphml, json, csv, svg or html. Default: from the --output "
                "file's extension (.dot .gv .mmd .graphml .json .csv .svg .html), else svg."
            ),
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help=(
                "Where to write: a file, a folder, or - for standard output. "
                "Default: csorg-<model>[-seats].<ext> in the current folder."
            ),
            show_default=False,
        ),
    ] = None,
    catalog: CatalogDirs = None,
    no_defaults: NoDefaults = False,
) -> int:
    """Export the recommended org as DOT, Mermaid, GraphML, JSON, CSV, SVG or HTML.

    Takes every input `csorg recommend` takes; with --seats, one box per seat, not per role.

    Files are written atomically: a failed export leaves nothing behind.

    Example: csorg export --stage scaling --touch high --customers 400 --format svg
    """
    from csorg.engine.recommend import recommend as run
    from csorg.export import render

    if output == "":
        raise UsageError("--output needs a file, a folder or - for standard output")
    fmt = _format(output_format, output)
    cat = load(catalog, no_defaults)
    result = run(cat, request)
    text = render(result, cat, fmt, seats=request.seats)
    if fmt == "mermaid":
        from csorg.export.mermaid import too_big

        warning = too_big(text)
        if warning:
            sys.stderr.write(f"csorg: warning: {warning}\n")
    if output == "-":
        # the bytes of the file, UTF-8 as the formats declare, whatever the terminal's locale
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
        return 0
    if output and output.endswith(("/", os.sep)) and not Path(output).is_dir():
        raise CsorgError.at(output, "folder does not exist")
    default_name = f"csorg-{result.model_id}{'-seats' if request.seats else ''}.{EXTENSIONS[fmt]}"
    path = Path(output) if output else Path(default_name)
    if output and path.is_dir():
        path = path / default_name
    from csorg.fileio import write_output

    write_output(path, text.encode("utf-8"))
    sys.stderr.write(
        f"csorg: wrote {one_line(str(path))} ({fmt}: {len(result.roles)} roles, "
        f"{plural(result.total_seats, 'CS seat')}"
        f"{', one box per seat' if request.seats else ''})\n"
    )
    return 0


def _format(chosen: ExportFormat | None, output: str | None) -> str:
    """The format asked for, else the one the output file's extension names, else svg."""
    if chosen is not None:
        return chosen.value
    if not output or output == "-" or Path(output).is_dir():
        return ExportFormat.svg.value
    suffix = Path(output).suffix.lower().lstrip(".")
    if suffix in FORMAT_OF_EXTENSION:
        return FORMAT_OF_EXTENSION[suffix]
    raise UsageError(
        f"cannot tell the format from {one_line(output)!r}; give --format "
        f"({', '.join(f.value for f in ExportFormat)})"
    )


__all__ = ["ExportFormat", "export"]
