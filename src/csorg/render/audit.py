"""`csorg audit` output: the report as text (findings ranked by severity), as tables, and as
a Markdown memo.

The text report is plain like `recommend`'s (see :mod:`csorg.render.tree`): a heading with
the numbers, the chart with each person's role and findings marked, the findings in full
from errors down, what would change, and how the file was read. Names and titles come from
the user's file, so they are always shown through :func:`csorg.text.one_line` (control
characters escaped, one line). Everything is linear in the number of people: the tree caps
its indentation, tables of titles are capped and say how many were left out.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TextIO

from csorg.audit.changes import Change
from csorg.audit.context import SEVERITIES, Finding
from csorg.audit.orgfile import Person
from csorg.audit.result import Audit, metrics
from csorg.audit.result import titles as title_rows
from csorg.catalog.schema import Catalog
from csorg.render.tree import WIDTH, Paint, painter, tree_lines, use_colour, width_for
from csorg.text import number, one_line, plural

SYMBOLS = {"error": "✗", "warning": "⚠", "info": "ℹ"}
CODES = {"error": "1;31", "warning": "1;33", "info": "36"}
STYLES = {"error": "bold red", "warning": "bold yellow", "info": "cyan"}
HEADINGS = {"error": "Errors", "warning": "Warnings", "info": "For information"}
VERBS = {"hire": "hire", "promote": "promote or hire", "move": "move", "reassign": "fewer"}
BLOCK = 1000  # lines written at a time
MAX_TABLE_ROWS = 500  # rows of a rich table; the rest is counted (all are in tree and JSON)


def heading(result: Audit) -> str:
    rec = result.rec
    total = result.ctx.facts.total
    people = len(result.chart.people)
    parts = [f"{total.filled} filled"]
    if total.open:
        parts.append(f"{total.open} open")
    if total.contractors:
        parts.append(plural(total.contractors, "contractor"))
    parts.append(f"{fte(total.fte)} FTE on staff")
    return (
        f"Audit of {one_line(result.chart.file)} against {one_line(rec.model_name)} "
        f"({one_line(', '.join(rec.inputs.describe()))}): {plural(people, 'person', 'people')}, "
        f"{result.seats} CS seats ({', '.join(parts)}); {rec.total_seats} recommended"
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


def numbers(result: Audit) -> list[tuple[str, str]]:
    """The key measures, each with the recommendation's where it has one."""
    data = metrics(result)
    ratio = data["managers_per_ic"]
    planned = data["recommended_managers_per_ic"]
    rows = [
        (
            "Managers / individual contributors",
            f"{data['managers']} / {data['individual_contributors']}",
        ),
        (
            "Managers per IC",
            (number(ratio) if ratio is not None else "–")
            + (f" (recommended {number(planned)})" if planned is not None else ""),
        ),
        ("Deepest layer below the CEO", str(data["deepest"])),
        ("Median span of control", number(data["median_span"])),
    ]
    for role_id, layer in data["layers"].items():
        if result.ctx.catalog.roles[role_id].headcount.basis != "coverage":
            continue
        depth = (
            str(layer["min"]) if layer["min"] == layer["max"] else f"{layer['min']}–{layer['max']}"
        )
        planned_depth = (
            f" (recommended {layer['recommended']})" if layer["recommended"] is not None else ""
        )
        rows.append(
            (
                f"Layers from the CEO to a {one_line(result.ctx.catalog.title(role_id))}",
                depth + planned_depth,
            )
        )
    for role_id, cover in sorted(result_coverage(result).items()):
        planned = cover["planned_per_seat"]
        rows.append(
            (
                f"Accounts per {one_line(result.ctx.catalog.title(role_id))} on staff",
                f"{number(round(cover['per_seat']))} (at most {number(round(cover['limit']))}"
                + (f"; recommended {number(round(planned))}" if planned else "")
                + ")",
            )
        )
    if data["regions"]:
        rows.append(("Regions served", ", ".join(f"{k} {v}" for k, v in data["regions"].items())))
    return rows


def fte(value: float) -> str:
    """Full-time equivalents as people write them: 37.5, 0.5, 12."""
    return f"{round(value, 2):g}"


def result_coverage(result: Audit) -> dict[str, dict[str, float]]:
    from csorg.audit.result import coverage_json

    return coverage_json(result)


def person_label(person: Person, result: Audit) -> str:
    reading = result.ctx.readings[person.id]
    who = line(person.id)
    if person.name:
        who = f"{line(person.name)} ({who})"
    elif person.vacant:
        who = f"open seat ({who})"
    count = f" ×{person.count:,}" if person.count > 1 else ""
    doubt = reading.ask is not None or reading.method == "close-spelling"
    if reading.role:
        role = f"[{reading.role}{' ~' if doubt else ''}]"
    else:
        role = "[?]" if reading.in_cs else "[not CS]"
    extra = []
    if person.employment == "contractor":
        extra.append("contractor")
    if person.fte != 1:
        extra.append(f"{fte(person.fte)} FTE")
    detail = f" ({', '.join(extra)})" if extra else ""
    return f"{who}{count} — {line(person.title)}{detail}  {role}"


def subject_label(finding: Finding, result: Audit) -> str:
    if finding.subject_type == "person":
        label = one_line(finding.subject)
        return f"{label}, line {finding.line}" if finding.line is not None else label
    if finding.subject_type == "title":
        return ""  # the message starts with the title
    return one_line(finding.subject)


def finding_lines(finding: Finding, result: Audit, paint: Paint, width: int) -> list[str]:
    subject = subject_label(finding, result)
    kind = f"{finding.kind} {subject}" if subject else finding.kind
    head = f"{SYMBOLS[finding.severity]} {finding.severity} {kind}: "
    lines = wrap(head + line(finding.message), width, "    ")
    if len(lines[0]) >= len(head):
        lines[0] = paint(lines[0][: len(head)], CODES[finding.severity]) + lines[0][len(head) :]
    return lines


def wrap(text: str, width: int, indent: str) -> list[str]:
    """``text`` in lines of at most ``width`` (a longer word stands alone), later lines
    indented: each break found by one search, for reports of tens of thousands of findings."""
    lines: list[str] = []
    prefix = ""
    start = len(text) - len(text.lstrip(" "))  # a leading indent is kept, never broken at
    while len(prefix) + len(text) > width:
        room = width - len(prefix)
        cut = text.rfind(" ", start + 1, room + 1)
        if cut < 0:
            cut = text.find(" ", room)
            if cut < 0:
                break
        lines.append(prefix + text[:cut])
        text = text[cut + 1 :]
        prefix, start = indent, 0
    lines.append(prefix + text)
    return lines


def line(text: str) -> str:
    """:func:`csorg.text.one_line`, without its work for text that needs none."""
    if text.isprintable() and "  " not in text and text == text.strip():
        return text
    return one_line(text)


def change_text(change: Change, result: Audit) -> str:
    ctx = result.ctx
    title = one_line(change.title)
    if change.action == "move":
        old = one_line(ctx.catalog.title(change.old)) if change.old else "no one"
        new = one_line(ctx.catalog.title(change.new)) if change.new else "no one"
        who = f" ({one_line(ctx.names(change.people))})" if change.people else ""
        return f"move {plural(change.count or 0, title)}{who} from under the {old} to the {new}"
    if change.action in ("hire", "promote"):
        text = f"{VERBS[change.action]} {plural(change.count or 0, title)}"
        if change.new:
            text += f", reporting to the {one_line(ctx.catalog.title(change.new))}"
        if change.people:
            text += f": from within, {one_line(ctx.names(change.people))}"
        if change.open:
            text += f" ({plural(len(change.open), 'open seat')} already planned)"
        return text
    fewer = f"{plural(change.count or 0, title + ' seat')} fewer"
    if change.role in ctx.recommended or not change.people:
        return fewer
    people = one_line(ctx.names(change.people))
    return f"{fewer}: a role the recommendation does not have ({people} today)"


def report_lines(result: Audit, *, colour: bool = False, width: int = WIDTH) -> Iterator[str]:
    paint = painter(colour)
    yield from (paint(heading(result), "1"), tally(result), "")
    marks = result.by_person()
    items = []
    for person_id in result.ctx.facts.order:
        person = result.chart.by_id[person_id]
        flags = [
            paint(f"{SYMBOLS[f.severity]} {f.kind}", CODES[f.severity])
            for f in marks.get(person_id, [])
            if f.severity != "info"
        ]
        label = "  ".join([person_label(person, result), *dict.fromkeys(flags)])
        items.append((person_id, person.reports_to, label))
    del marks
    yield from tree_lines(items)
    del items
    yield from ("", paint("Measures", "1"))
    yield from (f"  {label}: {value}" for label, value in numbers(result))
    if result.findings:
        yield from ("", paint("Findings", "1"))
        for finding in result.findings:
            yield from finding_lines(finding, result, paint, width)
    if result.changes:
        yield from ("", paint("What would change with the recommendation", "1"))
        for change in result.changes:
            yield from wrap(f"{change.order:>2}. {change_text(change, result)}", width, "     ")
            yield from wrap(f"    why: {one_line(change.why)}", width, "     ")
    yield from ("", paint("How the file was read", "1"))
    columns = ", ".join(f"{k}={one_line(v)}" for k, v in result.chart.columns.items())
    yield from wrap(f"  columns: {columns}", width, "    ")
    for note in result.chart.notes:
        yield from wrap(f"  note: {one_line(note)}", width, "    ")


def render(result: Audit, *, colour: bool = False, width: int = WIDTH) -> str:
    return "".join(f"{line}\n" for line in report_lines(result, colour=colour, width=width))


def write_lines(lines: Iterable[str], stream: TextIO) -> None:
    """Write lines in blocks: the report is never held whole in memory."""
    block: list[str] = []
    for line in lines:
        block.append(line)
        if len(block) >= BLOCK:
            stream.write("\n".join(block) + "\n")
            block.clear()
    if block:
        stream.write("\n".join(block) + "\n")


def write(result: Audit, catalog: Catalog, stream: TextIO | None = None) -> None:
    stream = stream or sys.stdout
    write_lines(report_lines(result, colour=use_colour(stream), width=width_for(stream)), stream)


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
        for f in result.findings[:MAX_TABLE_ROWS]:
            table.add_row(
                Text(f.severity, style=STYLES[f.severity]),
                f.kind,
                one_line(f.subject),
                "" if f.line is None else str(f.line),
                one_line(f.message),
            )
        console.print(table)
        if len(result.findings) > MAX_TABLE_ROWS:
            rest = len(result.findings) - MAX_TABLE_ROWS
            console.print(Text(f"... and {rest} more findings (all in --format tree or json)"))
    if result.changes:
        changes = Table(title="What would change with the recommendation")
        for name in ("Step", "Change", "Why"):
            changes.add_column(name, justify="right" if name == "Step" else "left")
        for change in result.changes:
            changes.add_row(str(change.order), change_text(change, result), one_line(change.why))
        console.print(changes)
    titles = title_rows(result)
    table = Table(title="Titles read as roles")
    for name in ("Title", "People", "Role", "Match", "Confidence", "Question"):
        table.add_column(name, justify="right" if name in ("People", "Confidence") else "left")
    for row in titles[:MAX_TABLE_ROWS]:
        table.add_row(
            one_line(row["title"]),
            str(row["people"]),
            row["role"] or "",
            row["match"],
            f"{row['confidence']:.2f}",
            one_line(row["ask"] or ""),
        )
    console.print(table)
    if len(titles) > MAX_TABLE_ROWS:
        console.print(
            Text(f"... and {len(titles) - MAX_TABLE_ROWS} more titles (all in --format json)")
        )
