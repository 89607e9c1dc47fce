"""`csorg audit` output: the org chart with findings marked, then the findings in full.

The tree is plain text like `recommend`'s (see :mod:`csorg.render.tree`); the table is rich.
Names and titles come from the user's file, so they are always shown through
:func:`csorg.textsafe.one_line` (control characters escaped, one line).
"""

from __future__ import annotations

import sys
import textwrap
from typing import TextIO

from csorg.audit.compare import SEVERITIES, Audit, Finding
from csorg.audit.orgfile import Person
from csorg.catalog.schema import Catalog
from csorg.render.tree import WIDTH, painter, tree_lines, use_colour, width_for
from csorg.text import markdown_escape as md
from csorg.text import one_line

SYMBOLS = {"error": "✗", "warning": "⚠", "info": "ℹ"}
CODES = {"error": "1;31", "warning": "1;33", "info": "36"}
STYLES = {"error": "bold red", "warning": "bold yellow", "info": "cyan"}


def _code(text: str) -> str:
    """User text as a Markdown code span inside a table cell."""
    return "`" + one_line(text).replace("`", "'").replace("|", "\\|") + "`"


def heading(result: Audit) -> str:
    rec = result.rec
    inputs = rec.inputs
    details = [inputs.stage, f"{inputs.touch} touch"]
    if inputs.plg:
        details.append("product-led")
    if inputs.customers is not None:
        details.append(f"{inputs.customers:,} accounts")
    if inputs.regions:
        details.append(f"{len(inputs.regions)} regions")
    people = len(result.chart.people)
    return (
        f"Audit of {one_line(result.chart.file)} against {one_line(rec.model_name)} "
        f"({one_line(', '.join(details))}): {people} {'person' if people == 1 else 'people'}, "
        f"{result.seats} CS seats ({rec.total_seats} recommended)"
    )


def tally(result: Audit) -> str:
    if not result.findings:
        return "No findings: the org chart matches the recommendation."
    parts = []
    for severity in SEVERITIES:
        n = result.total(severity)
        if n:
            noun = severity if severity == "info" or n == 1 else f"{severity}s"
            parts.append(f"{n} {noun}")
    return "Findings: " + ", ".join(parts)


def person_label(person: Person, result: Audit) -> str:
    match = result.matches[person.id]
    who = one_line(person.id)
    if person.name:
        who = f"{one_line(person.name)} ({who})"
    count = f" ×{person.count}" if person.count > 1 else ""
    mark = " ~" if match.how == "close" else ""  # a close match: worth checking
    role = f"[{match.role}{mark}]" if match.role else "[?]"
    return f"{who}{count} — {one_line(person.title)}  {role}"


def subject_label(finding: Finding, result: Audit) -> str:
    if finding.subject_type == "person":
        person = result.chart.by_id[finding.subject]
        label = one_line(person.id)
        return f"{label}, line {finding.line}" if finding.line is not None else label
    return finding.subject


def render(result: Audit, *, colour: bool = False, width: int = WIDTH) -> str:
    paint = painter(colour)
    out = [paint(heading(result), "1"), tally(result), ""]
    marks: dict[str, list[Finding]] = {}
    for finding in result.findings:
        if finding.subject_type == "person":
            marks.setdefault(finding.subject, []).append(finding)
    items = []
    chart = result.chart
    for person_id in chart.order():
        person = chart.by_id[person_id]
        label = person_label(person, result)
        flags = [
            paint(f"{SYMBOLS[f.severity]} {f.kind}", CODES[f.severity])
            for f in marks.get(person_id, [])
        ]
        items.append((person_id, person.reports_to, "  ".join([label, *dict.fromkeys(flags)])))
    out += tree_lines(items)
    if result.findings:
        out += ["", paint("Findings", "1")]
        for finding in result.findings:
            head = (
                f"{SYMBOLS[finding.severity]} {finding.severity} {finding.kind} "
                f"{subject_label(finding, result)}: "
            )
            lines = textwrap.wrap(
                head + one_line(finding.message),
                width=width,
                subsequent_indent="    ",
                break_on_hyphens=False,
            )
            lines[0] = paint(lines[0][: len(head)], CODES[finding.severity]) + lines[0][len(head) :]
            out += lines
    return "\n".join(out) + "\n"


def write(result: Audit, catalog: Catalog, stream: TextIO | None = None) -> None:
    stream = stream or sys.stdout
    stream.write(render(result, colour=use_colour(stream), width=width_for(stream)))


def write_table(result: Audit, catalog: Catalog) -> None:
    from rich.table import Table
    from rich.text import Text

    from csorg.render.text import console as make_console

    console = make_console()

    console.print(Text(heading(result), style="bold"))
    console.print(Text(tally(result)))
    if result.findings:
        table = Table(title="Findings")
        for name in ("Severity", "Kind", "Subject", "Line", "Message"):
            table.add_column(name, justify="right" if name == "Line" else "left")
        for f in result.findings:
            table.add_row(
                Text(f.severity, style=STYLES[f.severity]),
                f.kind,
                one_line(f.subject),
                "" if f.line is None else str(f.line),
                one_line(f.message),
            )
        console.print(table)
    people = Table(title="Titles read as roles")
    for name in ("Person", "Title", "Role", "Match", "Reports to"):
        people.add_column(name)
    for person in result.chart.people:
        match = result.matches[person.id]
        who = person.id + (f" ({person.name})" if person.name else "")
        people.add_row(
            one_line(who),
            one_line(person.title),
            match.role or "",
            match.how,
            one_line(person.reports_to or ""),
        )
    console.print(people)


def markdown(result: Audit, catalog: Catalog) -> str:
    lines = [f"# {md(heading(result))}", "", md(tally(result)), ""]
    if result.findings:
        lines += [
            "## Findings",
            "",
            "| Severity | Kind | Subject | Line | Message |",
            "|---|---|---|---:|---|",
        ]
        for f in result.findings:
            line = "" if f.line is None else str(f.line)
            lines.append(
                f"| {f.severity} | {f.kind} | {_code(f.subject)} | {line} | {md(f.message)} |"
            )
        lines.append("")
    lines += [
        "## Titles read as roles",
        "",
        "| Id | Name | Title | Role | Match | Reports to |",
        "|---|---|---|---|---|---|",
    ]
    for person in result.chart.people:
        match = result.matches[person.id]
        lines.append(
            f"| {_code(person.id)} | {md(person.name or '')} | {md(person.title)} | "
            f"{_code(match.role) if match.role else ''} | {match.how} | "
            f"{_code(person.reports_to) if person.reports_to else ''} |"
        )
    return "\n".join(lines) + "\n"
