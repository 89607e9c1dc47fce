"""`csorg audit --format markdown`: a memo for a client.

The numbers at a glance, the findings by severity, what would change with the
recommendation, and how each title was read; written line by line, so its size is linear in
the people of the chart.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from csorg.audit.context import SEVERITIES
from csorg.audit.result import Audit, titles
from csorg.catalog.schema import Catalog
from csorg.render.audit import HEADINGS, change_text, heading, numbers, tally, write_lines
from csorg.text import markdown_escape as md


def markdown(result: Audit, catalog: Catalog) -> None:
    write_lines(memo_lines(result), sys.stdout)


def memo_lines(result: Audit) -> Iterator[str]:
    """A memo for a client: numbers, findings by severity, what would change, titles."""
    lines = [f"# Org chart audit: {md(result.chart.file)}", "", md(heading(result)) + ".", ""]
    lines += ["## At a glance", "", "| Measure | Value |", "|---|---|"]
    lines += [f"| {md(label)} | {md(value)} |" for label, value in numbers(result)]
    lines += ["", f"**{md(tally(result))}**", ""]
    yield from lines
    lines = []
    for severity in SEVERITIES:
        found = [f for f in result.findings if f.severity == severity]
        if not found:
            continue
        yield from (f"## {HEADINGS[severity]}", "")
        for f in found:
            where = f" (line {f.line})" if f.line is not None and f.subject_type == "person" else ""
            yield f"- **{md(f.kind)}**{where}: {md(f.message)}"
        yield ""
    if result.changes:
        lines += ["## What would change with the recommendation", ""]
        for change in result.changes:
            lines.append(
                f"{change.order}. {md(change_text(change, result))}. *Why:* {md(change.why)}"
            )
        lines.append("")
    lines += [
        "## How titles were read",
        "",
        "| Title | People | Role | Match | Confidence | Question |",
        "|---|---:|---|---|---:|---|",
    ]
    yield from lines
    for row in titles(result):
        yield (
            f"| {md(str(row['title']))} | {row['people']} | "
            f"{'`' + str(row['role']) + '`' if row['role'] else ''} | {row['match']} | "
            f"{row['confidence']:.2f} | {md(str(row['ask'] or ''))} |"
        )
    columns = ", ".join(f"{k}: {v}" for k, v in result.chart.columns.items())
    yield from ("", f"*Read with columns {md(columns)}.*")
    yield from (f"*{md(note)}.*" for note in result.chart.notes)
