"""The export formats: one table of name, file extensions and writer.

A writer is named as ``"module:function"`` and imported only when its format is used, so
the command line can list the formats without loading any writer (or its libraries). It is
called with the :class:`~csorg.export.chart.OrgChart` and returns the file's text or bytes,
or a :class:`Written` when it has warnings or a different file extension to give.

PNG needs the optional library of the ``render`` extra (``pip install 'csorg[render]'``);
:func:`need` imports it or says how to install it. (PDF needs none: csorg writes it.)
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType

from csorg.errors import CsorgError

RENDER_EXTRA = "render"


@dataclass(frozen=True)
class Format:
    name: str
    extensions: tuple[str, ...]  # without the dot; the first is the default file's
    writer: str  # "module:function"
    binary: bool = False
    extra: str | None = None  # the optional dependencies it needs, if any


@dataclass(frozen=True)
class Written:
    """A writer's output when it has more to say than the bytes."""

    data: str | bytes
    warnings: tuple[str, ...] = ()
    extension: str | None = None  # the default file's extension, when not the format's
    by_role: bool = False  # drawn one box per role though seats were asked for


FORMATS: tuple[Format, ...] = (
    Format("svg", ("svg",), "csorg.export.svg:svg_text"),
    Format("html", ("html", "htm"), "csorg.export.html:html_text"),
    Format("png", ("png",), "csorg.export.png:png_bytes", binary=True, extra=RENDER_EXTRA),
    Format("pdf", ("pdf",), "csorg.export.pdf:pdf_bytes", binary=True),
    Format("drawio", ("drawio",), "csorg.export.drawio:drawio_text"),
    Format("drawio-csv", ("drawio.csv",), "csorg.export.drawio_csv:drawio_csv_text"),
    Format("dot", ("dot", "gv"), "csorg.export.dot:dot_text"),
    Format("mermaid", ("mmd", "mermaid"), "csorg.export.mermaid:mermaid_export"),
    Format("graphml", ("graphml",), "csorg.export.graphml:graphml_text"),
    Format("json", ("json",), "csorg.export.orgjson:json_text"),
    Format("csv", ("csv",), "csorg.export.tabular:chart_csv"),
)
BY_NAME = {f.name: f for f in FORMATS}
NAMES = tuple(BY_NAME)


def writer(fmt: Format) -> object:
    """The format's writer function, imported now."""
    module, name = fmt.writer.split(":")
    return getattr(importlib.import_module(module), name)


def format_of(file_name: str) -> Format | None:
    """The format a file name's extension names (``org.gv`` is dot, ``org.drawio.csv`` is
    drawio-csv), else None; case does not matter."""
    lower = file_name.lower()
    found = [
        (len(ext), fmt) for fmt in FORMATS for ext in fmt.extensions if lower.endswith("." + ext)
    ]
    return max(found, key=lambda pair: pair[0])[1] if found else None


def need(module: str, fmt: str) -> ModuleType:
    """Import ``module``, a library of the ``render`` extra, or say how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise CsorgError(
            f"--format {fmt} needs the optional render libraries, which are not installed: "
            f"pip install 'csorg[{RENDER_EXTRA}]'"
        ) from None
