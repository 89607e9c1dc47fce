"""Writers that turn a recommendation into files other tools read.

Every writer is a pure function from the org graph (:func:`csorg.export.graph.org_graph`)
to text; only the command line writes files. This module stays import-light (the CLI
imports it at start-up): the writers and networkx are imported when a format is rendered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from csorg.catalog.schema import Catalog
    from csorg.engine.result import Recommendation

# format -> file extension
EXTENSIONS = {
    "dot": "dot",
    "mermaid": "mmd",
    "graphml": "graphml",
    "json": "json",
    "csv": "csv",
    "svg": "svg",
    "html": "html",
}
# extension of an output file -> format, for `-o chart.svg` without --format
FORMAT_OF_EXTENSION = {
    **{ext: fmt for fmt, ext in EXTENSIONS.items()},
    "gv": "dot",
    "mermaid": "mermaid",
    "htm": "html",
}


def render(rec: Recommendation, catalog: Catalog, fmt: str, *, seats: bool = False) -> str:
    """The recommendation in format ``fmt`` (one of :data:`EXTENSIONS`)."""
    from csorg.export.graph import org_graph

    graph = org_graph(rec, catalog, seats=seats)
    if fmt == "dot":
        from csorg.export.dot import dot_text

        return dot_text(graph)
    if fmt == "mermaid":
        from csorg.export.mermaid import mermaid_text

        return mermaid_text(graph)
    if fmt == "graphml":
        from csorg.export.graphml import graphml_text

        return graphml_text(graph)
    if fmt == "json":
        from csorg.export.orgjson import json_text

        return json_text(graph)
    if fmt == "csv":
        from csorg.export.tabular import graph_csv

        return graph_csv(graph)
    if fmt == "svg":
        from csorg.export.svg import svg_text

        return svg_text(graph)
    if fmt == "html":
        from csorg.export.html import html_text

        return html_text(graph, rec, catalog)
    raise ValueError(f"unknown export format {fmt!r}")
