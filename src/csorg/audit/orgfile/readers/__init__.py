"""Readers of org-chart files, one per format, chosen by extension and then by content.

Each reader turns its format into a :class:`~csorg.audit.orgfile.table.Table`:

===========  ==========================  =================================================
format       extensions                  what it reads
===========  ==========================  =================================================
YAML         .yaml .yml                  a list of people, or ``people:``/``seats:``
JSON         .json                       d3-org-chart nodes, BALKAN ``{"nodes": [...]}``
GraphML      .graphml .xml               yEd and other graph editors (networkx's reader)
CSV          anything else               ``,`` ``;`` tab or ``|`` separated text
===========  ==========================  =================================================

A file with another extension is read by its first character: ``[`` or ``{`` as JSON, ``<``
as GraphML, else as CSV.
"""

from __future__ import annotations

from pathlib import Path

from csorg.audit.orgfile.decode import decode
from csorg.audit.orgfile.limits import MAX_GRAPHML_BYTES, MAX_ORG_BYTES
from csorg.audit.orgfile.table import Table
from csorg.errors import CsorgError
from csorg.fileio import read_bytes

YAML_SUFFIXES = (".yaml", ".yml")
JSON_SUFFIXES = (".json",)
GRAPHML_SUFFIXES = (".graphml", ".xml")


def read_table(path: Path, file: str) -> Table:
    """The table in the org file at ``path`` (``file`` is its name in messages)."""
    data = read_bytes(path, file, limit=MAX_ORG_BYTES)
    suffix = path.suffix.lower()
    if suffix in YAML_SUFFIXES:
        from csorg.audit.orgfile.readers.yamlfile import read_yaml

        return read_yaml(data, file)
    kind = _kind(suffix, data)
    if kind == "graphml":
        if len(data) > MAX_GRAPHML_BYTES:
            raise CsorgError.at(
                file,
                f"GraphML file is larger than the {MAX_GRAPHML_BYTES // (1024 * 1024)} MiB csorg "
                "reads; export the chart as CSV instead",
            )
        from csorg.audit.orgfile.readers.graphml import read_graphml

        return read_graphml(data, file)
    text, note = decode(data, file)
    if kind == "json":
        from csorg.audit.orgfile.readers.jsonfile import read_json

        connections = _connections(path, file)
        table = read_json(text, file, connections)
        if connections is not None:
            table.notes.append(f"dotted lines read from {path.stem}.connections.json beside it")
    else:
        from csorg.audit.orgfile.readers.delimited import read_delimited

        table = read_delimited(text, file)
    if note:
        table.notes.insert(0, note)
    return table


def _kind(suffix: str, data: bytes) -> str:
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in GRAPHML_SUFFIXES:
        return "graphml"
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if start in (b"[", b"{"):
        return "json"
    if start == b"<":
        return "graphml"
    return "csv"


def _connections(path: Path, file: str) -> str | None:
    """d3-org-chart's dotted lines, kept in ``<name>.connections.json`` beside the chart."""
    if path.name.endswith(".connections.json"):
        return None
    sibling = path.with_name(f"{path.stem}.connections.json")
    if not sibling.is_file():
        return None
    text, _ = decode(read_bytes(sibling, str(sibling), limit=MAX_ORG_BYTES), str(sibling))
    return text
