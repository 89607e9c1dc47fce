"""A forecast plan for people: a compact quarter-by-quarter table, then the hires in the order
to open them, the promotions and moves; as Markdown for a board memo; as CSV, one row per hire,
for spreadsheets and applicant tracking systems."""

from __future__ import annotations

import csv
import io
import sys
import textwrap
from typing import TextIO

from csorg.catalog.schema import Catalog
from csorg.engine.inputs import money
from csorg.plan.quarterly import HiringPlan, QuarterPlan
from csorg.render.tree import WIDTH, messages, painter, use_colour, width_for
from csorg.text import markdown_escape as md
from csorg.text import one_line, plural

COLUMNS = (
    "Quarter",
    "Accounts",
    "ARR",
    "Stage",
    "Org",
    "Team",
    "Hires",
    "Promotions",
    "Cost a quarter",
)


def _backfills(count: int, backfills: int) -> str:
    """ ", 1 a backfill" (or ", a backfill" for one seat): the seats that replace someone
    promoted, so a count of growth and replacement together is not read as all replacement."""
    if not backfills:
        return ""
    if count == 1:
        return ", a backfill"
    return f", {backfills} of them backfills" if backfills > 1 else ", 1 of them a backfill"


def _note(count: int, backfills: int) -> str:
    text = _backfills(count, backfills)[2:]
    return f" ({text})" if text else ""


def heading(result: HiringPlan) -> str:
    count = len(result.quarters)
    last = result.quarters[-1] if result.quarters else None
    end = f", {plural(last.headcount, 'CS seat')} at the end" if last else ""
    return f"Hiring plan: {plural(count, 'quarter')} from {one_line(result.start_label)}{end}"


def rows(result: HiringPlan) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for plan in result.quarters:
        out.append(_row(result, plan))
    total = result.total_cost()
    out.append(
        (
            "Total",
            "",
            "",
            "",
            "",
            str(result.quarters[-1].headcount if result.quarters else 0),
            f"+{sum(h.count for h in result.hires)}",
            str(sum(m.count for m in result.moves if m.promotion)),
            "" if total is None else money(total, result.symbol),
        )
    )
    return out


def _row(result: HiringPlan, plan: QuarterPlan) -> tuple[str, ...]:
    q = plan.quarter
    return (
        q.label,
        "" if q.customers is None else f"{q.customers:,}",
        "" if q.arr is None else money(q.arr, result.symbol),
        q.stage,
        str(plan.recommendation.total_seats),
        str(plan.headcount),
        f"+{sum(h.count for h in plan.hires)}",
        str(sum(m.count for m in plan.moves if m.promotion)),
        "" if plan.annual_cost is None else money(plan.annual_cost / 4, result.symbol),
    )


def render(result: HiringPlan, *, colour: bool = False, width: int = WIDTH) -> str:
    paint = painter(colour)
    out = [paint(heading(result), "1"), ""]
    table = [COLUMNS, *rows(result)]
    widths = [max(len(r[i]) for r in table) for i in range(len(COLUMNS))]
    for index, row in enumerate(table):
        cells = [
            c.ljust(w) if i < 4 else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        line = "  ".join(cells).rstrip()
        out.append(paint(line, "1") if index in (0, len(table) - 1) else line)
    wrap = textwrap.TextWrapper(width=width, initial_indent="  - ", subsequent_indent="    ")
    months = "" if result.first is not None else "; month 0 is the first day of Q1"
    out += ["", paint(f"Hires (open each requisition by the month given{months})", "1")]
    if not result.hires:
        out.append("  - none: the team already has every seat the forecast calls for")
    for hire in result.hires:
        where = f" ({hire.region})" if hire.region else ""
        late = " — late: open it now" if hire.late else ""
        backfill = _backfills(hire.count, hire.backfills)
        out += wrap.wrap(
            one_line(
                f"{hire.quarter}: {plural(hire.count, hire.title)}{where}{backfill}: open "
                f"{hire.requisition}, start {hire.start}, full load by {hire.needed}{late}"
            )
        )
    if result.moves:
        out += ["", paint("Promotions and moves", "1")]
        for move in result.moves:
            out += wrap.wrap(one_line(f"{move.quarter}: {move.text}"))
    out += messages(result.warnings, result.notes, width, paint)
    return "\n".join(out) + "\n"


def write(result: HiringPlan, catalog: Catalog, stream: TextIO | None = None) -> None:
    stream = stream or sys.stdout
    stream.write(render(result, colour=use_colour(stream), width=width_for(stream)))


def write_table(result: HiringPlan, catalog: Catalog) -> None:
    from rich.table import Table
    from rich.text import Text

    from csorg.render.text import console as make_console

    console = make_console()
    console.print(Text(heading(result), style="bold"))
    table = Table()
    for name in COLUMNS:
        table.add_column(name, justify="left" if name in ("Quarter", "Stage") else "right")
    for row in rows(result):
        table.add_row(*row)
    console.print(table)
    hires = Table(title="Hires")
    for name in ("Quarter", "Role", "Region", "Seats", "Open", "Start", "Full load", "Note"):
        hires.add_column(name)
    for hire in result.hires:
        note = ", ".join(
            x
            for x in ("late" if hire.late else "", _backfills(hire.count, hire.backfills)[2:])
            if x
        )
        hires.add_row(
            hire.quarter,
            one_line(hire.title),
            hire.region or "",
            str(hire.count),
            hire.requisition,
            hire.start,
            hire.needed,
            note,
        )
    console.print(hires)


def markdown(result: HiringPlan, catalog: Catalog) -> str:
    lines = [f"# {md(heading(result))}", ""]
    lines += ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(md(c) for c in row) + " |" for row in rows(result)]
    lines += ["", "## Hires", ""]
    if not result.hires:
        lines.append("None: the team already has every seat the forecast calls for.")
    else:
        lines += [
            "| Quarter | Role | Region | Seats | Open the requisition | Start | Full load by |",
            "|---|---|---|---:|---|---|---|",
        ]
        for hire in result.hires:
            lines.append(
                f"| {md(hire.quarter)} | {md(hire.title)}{_note(hire.count, hire.backfills)} "
                f"| {md(hire.region or '')} | {hire.count} | {md(hire.requisition)}"
                f"{' (late)' if hire.late else ''} | {md(hire.start)} | {md(hire.needed)} |"
            )
    if result.moves:
        lines += ["", "## Promotions and moves", ""]
        lines += [f"- {md(m.quarter)}: {md(m.text)}" for m in result.moves]
    if result.warnings or result.notes:
        lines += ["", "## Notes", ""]
        lines += [f"- **Warning:** {md(w)}" for w in result.warnings]
        lines += [f"- {md(n)}" for n in result.notes]
    return "\n".join(lines) + "\n"


CSV_COLUMNS = (
    "quarter",
    "role",
    "title",
    "region",
    "seats",
    "open_requisition",
    "start",
    "full_load_by",
    "late",
    "backfills",
    "why",
)


def csv_text(result: HiringPlan, catalog: Catalog) -> str:
    """One row per hire; cells that would start a spreadsheet formula get a leading '."""
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\n")
    out.writerow(CSV_COLUMNS)
    for hire in result.hires:
        out.writerow(
            _cell(str(v))
            for v in (
                hire.quarter,
                hire.role,
                hire.title,
                hire.region or "",
                hire.count,
                hire.requisition,
                hire.start,
                hire.needed,
                "yes" if hire.late else "",
                hire.backfills or "",
                hire.why,
            )
        )
    return buffer.getvalue()


def _cell(text: str) -> str:
    text = one_line(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@") and not text[1:2].isdigit() else text
