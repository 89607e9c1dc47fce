"""Reading an existing org chart for `csorg audit`, as HR systems and chart tools export it.

1. ``readers`` turn CSV, YAML, JSON (d3-org-chart, BALKAN) or GraphML (yEd) into a table;
   ``decode`` reads UTF-8, UTF-16 and Excel's Windows-1252.
2. ``columns`` finds the columns by their header names (BambooHR, Rippling, Lattice,
   Pingboard, HiBob, Workday, ChartHop, OrgChart Now, Organimi, csorg's own export, ...);
   ``--columns`` overrides it.
3. ``keys`` and ``lines`` decide from the values which column the manager and dotted-line
   values point at: ids, e-mails or names.
4. ``people`` and ``rows`` read each row: open seats, contractors, FTE, books of business.
5. ``chart`` checks the tree: unique ids, one top, no cycle.

Every problem is an error naming the file, the line and the field; a detection that is
ambiguous or partial lists the columns it found and the ``--columns`` value that fixes it.
"""

from __future__ import annotations

from pathlib import Path

from csorg.audit.orgfile.chart import build_chart
from csorg.audit.orgfile.columns import detect, normal_header, parse_flag, positional
from csorg.audit.orgfile.keys import candidates
from csorg.audit.orgfile.limits import MAX_PEOPLE, Problems
from csorg.audit.orgfile.lines import check, dotted_links, manager_link
from csorg.audit.orgfile.model import OrgChart, Person
from csorg.audit.orgfile.people import people
from csorg.audit.orgfile.readers import read_table
from csorg.audit.orgfile.table import Table

__all__ = ["MAX_PEOPLE", "OrgChart", "Person", "read_org"]


def read_org(path: Path, display: str | None = None, columns: str | None = None) -> OrgChart:
    """Read and check an org chart; a :class:`CsorgError` names the file and line if not.
    ``columns`` is the ``--columns`` value (``id=Employee ID,manager=Boss``)."""
    file = display or str(path)
    overrides = parse_flag(columns)
    table = read_table(path, file)
    if positional(overrides):
        _header_as_row(table)
    found = detect(table, overrides, file)
    keys = candidates(table, found)
    manager = manager_link(table, found, keys, file)
    dotted = dotted_links(table, found, keys)
    problems = Problems(file)
    check(manager, table, problems, "manager")
    for link in dotted:
        check(link, table, problems, "dotted")
    persons = people(table, found, keys, manager, dotted, problems)
    problems.raise_any()
    chart = build_chart(file, persons)
    chart.columns = found.used(table)
    chart.columns["manager"] = f"{table.headers[manager.column]} (as {manager.key.label})"
    for link in dotted:
        chart.columns.setdefault("dotted", f"{table.headers[link.column]} (as {link.key.label})")
    chart.notes = list(table.notes)
    return chart


def _header_as_row(table: Table) -> None:
    """``--columns id=1,...`` names columns by position: a first line that names no known
    column is a person, not a header."""
    from csorg.audit.orgfile.columns import SYNONYMS

    if any(normal_header(h) in SYNONYMS for h in table.headers):
        return
    width = len(table.headers)
    table.rows.insert(0, (table.header_line, table.headers))
    table.headers = [str(i + 1) for i in range(width)]
    table.notes.append("the first line is a person (columns named by position)")
