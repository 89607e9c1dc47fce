"""`csorg export`: the recommended org as a file for Graphviz, Mermaid, yEd, draw.io, org-chart
tools, spreadsheets, slides, image viewers or a browser."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from csorg.cli.common import CatalogDirs, NoDefaults, load
from csorg.cli.options import company_inputs
from csorg.engine.inputs import Request
from csorg.errors import UsageError
from csorg.export.formats import FORMATS, NAMES
from csorg.text import one_line, plural

ExportFormat = StrEnum("ExportFormat", {name: name for name in NAMES})  # type: ignore[misc]
_EXTENSIONS = " ".join(f".{ext}" for fmt in FORMATS for ext in fmt.extensions)


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
                f"{', '.join(NAMES[:-1])} or {NAMES[-1]}. Default: from the --output file's "
                f"extension ({_EXTENSIONS}), else svg. png needs "
                "pip install 'csorg\\[render]'."  # escaped: rich reads [render] as markup
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
    """Export the recommended org as SVG, HTML, PNG, PDF, draw.io, DOT, Mermaid, GraphML,
    JSON or CSV.

    Takes every input `csorg recommend` takes; with --seats, one box per seat, not per role.

    Files are written atomically: a failed export leaves nothing behind.

    Example: csorg export --stage scaling --touch high --customers 400 --format svg
    """
    from csorg.engine.recommend import recommend as run
    from csorg.export import export as render
    from csorg.export.destination import choose_format, default_name, target

    if output == "":
        raise UsageError("--output needs a file, a folder or - for standard output")
    fmt = choose_format(output_format.value if output_format else None, output)
    if fmt.binary and output == "-" and sys.stdout.isatty():
        raise UsageError(f"{fmt.name} is binary: give -o FILE, or pipe standard output")
    cat = load(catalog, no_defaults)
    result = run(cat, request)
    done = render(result, cat, fmt.name, seats=request.seats)
    for warning in done.warnings:
        sys.stderr.write(f"csorg: warning: {warning}\n")
    path = target(
        output, default_name(result.model_id, seats=done.by_seat, extension=done.extension)
    )
    if path is None:
        # the bytes of the file, UTF-8 as the formats declare, whatever the terminal's locale
        sys.stdout.flush()
        sys.stdout.buffer.write(done.data)
        sys.stdout.buffer.flush()
        return 0
    from csorg.fileio import write_output

    write_output(path, done.data)
    sys.stderr.write(
        f"csorg: wrote {one_line(str(path))} ({fmt.name}: {len(result.roles)} roles, "
        f"{plural(result.total_seats, 'CS seat')}"
        f"{', one box per seat' if done.by_seat else ''})\n"
    )
    return 0


__all__ = ["ExportFormat", "export"]
