"""The default `recommend` output: the org as a tree, then the reasons, warnings and notes.

Plain code rather than rich: this is the command people run most, the text is simple, and
leaving rich unimported keeps start-up fast. Colour (ANSI) is used only on a terminal, never
when ``NO_COLOR`` is set, always when ``FORCE_COLOR`` is; catalog text is shown with control
characters escaped, so a title can never send a terminal sequence of its own.
"""

from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import Callable, Sequence
from typing import TextIO

from csorg.catalog.schema import Catalog
from csorg.engine.inputs import Inputs
from csorg.engine.result import Metric, Recommendation, RoleEntry, SeatEntry
from csorg.text import number, one_line

WIDTH = 100  # wrapping width when not writing to a terminal: stable output for diffs
MAX_DEPTH = 24  # tree levels drawn with guides; deeper ones show their depth instead
_COLOURS = ("35", "36", "32", "33", "34", "31", "95", "96", "92", "93", "94", "91")

Paint = Callable[[str, str], str]


def use_colour(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def messages(warnings: Sequence[str], notes: Sequence[str], width: int, paint: Paint) -> list[str]:
    """Warnings, then notes, each wrapped under its coloured label, after a blank line."""
    out: list[str] = []
    labelled = [("warning", "33", w) for w in warnings] + [("note", "36", n) for n in notes]
    for kind, code, text in labelled:
        lines = textwrap.wrap(
            one_line(text), width=width, initial_indent=f"{kind}: ", subsequent_indent="  "
        )
        lines[0] = paint(f"{kind}:", "1;" + code) + lines[0][len(kind) + 1 :]
        out += lines
    return ["", *out] if out else out


def painter(enabled: bool) -> Paint:
    def paint(text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if enabled and code and text else text

    return paint


def width_for(stream: TextIO) -> int:
    if hasattr(stream, "isatty") and stream.isatty():
        try:
            return max(60, min(os.get_terminal_size(stream.fileno()).columns, 160))
        except OSError:
            return WIDTH
    return WIDTH


def _area_codes(catalog: Catalog) -> dict[str, str]:
    return {area: _COLOURS[i % len(_COLOURS)] for i, area in enumerate(catalog.areas)}


def role_label(entry: RoleEntry, catalog: Catalog, paint: Paint, codes: dict[str, str]) -> str:
    parts = [paint(one_line(entry.title), "1" if entry.level <= 3 else "")]
    if entry.reports_to is not None:
        parts[0] += f" ×{entry.count:,}"
    parts.append(paint(f"[{one_line(catalog.area_name(entry.area))}]", codes.get(entry.area, "")))
    if entry.optional:
        parts.append(paint("(optional)", "2;3"))
    if entry.covers:
        titles = ", ".join(
            one_line(catalog.roles[c].title) if c in catalog.roles else c for c in entry.covers
        )
        parts.append(paint(f"+ covers {titles}", "3"))
    if entry.dotted_to:
        titles = ", ".join(
            one_line(catalog.roles[d].title) if d in catalog.roles else d for d in entry.dotted_to
        )
        parts.append(paint(f"┄ dotted line to {titles}", "3"))
    if entry.pods:
        pods = ", ".join(
            ("/".join(one_line(p) for p in (region, segment) if p) or "shared") + f" {n}"
            for region, segment, n in entry.pods
        )
        parts.append(paint(f"({pods})", "2"))
    return "  ".join(parts)


def seat_label(seat: SeatEntry, catalog: Catalog, paint: Paint, codes: dict[str, str]) -> str:
    role = catalog.roles.get(seat.role)
    parts = [
        paint(seat.id, "1"),
        paint(one_line(seat.title), codes.get(role.area, "") if role else ""),
    ]
    where = "/".join(one_line(p) for p in (seat.region, seat.segment) if p)
    if where:
        parts.append(paint(f"[{where}]", "2"))
    if seat.covers:
        parts.append(paint("+ covers " + ", ".join(seat.covers), "3"))
    if seat.dotted_to:
        parts.append(paint("┄ dotted line to " + ", ".join(seat.dotted_to), "3"))
    if len(seat.serves) > 1:
        served = ", ".join(
            "/".join(one_line(p) for p in cell if p) or "all" for cell in seat.serves
        )
        parts.append(paint(f"serves {served}", "2"))
    return "  ".join(parts)


def tree_lines(items: Sequence[tuple[str, str | None, str]]) -> list[str]:
    """Draw (id, parent id, label) items, given in depth-first order, as a tree.

    Past :data:`MAX_DEPTH` levels the guides stop growing and each line shows its depth
    instead ("└─ 57: ..."), so every line stays short and a chain of any length is drawn in
    time and space linear in the number of items."""
    children: dict[str | None, list[int]] = {}
    for index, (_, parent, _) in enumerate(items):
        children.setdefault(parent, []).append(index)
    lines: list[str] = []
    # (index, prefix for its own line, prefix for its children, depth)
    stack: list[tuple[int, str, str, int]] = [
        (i, "", "", 0) for i in reversed(children.get(None, []))
    ]
    while stack:
        index, own, below, depth = stack.pop()
        item_id, _, label = items[index]
        lines.append(own + label)
        kids = children.get(item_id, [])
        for position, kid in reversed(list(enumerate(kids))):
            last = position == len(kids) - 1
            if depth < MAX_DEPTH:
                stack.append(
                    (
                        kid,
                        below + ("└── " if last else "├── "),
                        below + ("    " if last else "│   "),
                        depth + 1,
                    )
                )
            else:
                stack.append(
                    (kid, f"{below}{'└' if last else '├'}─ {depth + 1}: ", below, depth + 1)
                )
    return lines


def heading(rec: Recommendation) -> str:
    return rec.headline()


def metric_text(metric: Metric, inputs: Inputs) -> str:
    """``managers per IC 0.18 (benchmark at most 0.25)``."""
    assert metric.value is not None
    text = f"{metric.label} {_bound(metric, metric.value, inputs)}"
    if metric.status is not None:
        low = "" if metric.low is None else _bound(metric, metric.low, inputs)
        high = "" if metric.high is None else _bound(metric, metric.high, inputs)
        span = f"{low}-{high}" if low and high else f"at least {low}" if low else f"at most {high}"
        mark = "" if metric.status == "within" else f", {metric.status}"
        text += f" (benchmark {span}{mark})"
    return text


def _bound(metric: Metric, value: float, inputs: Inputs) -> str:
    # ARR metrics are in US dollars, as the benchmarks are: written in the request's currency
    return inputs.dollars(value) if metric.id.startswith("arr") else number(value)


def render(
    rec: Recommendation, catalog: Catalog, *, colour: bool = False, width: int = WIDTH
) -> str:
    paint = painter(colour)
    codes = _area_codes(catalog)
    out = [paint(heading(rec), "1"), ""]
    out += tree_lines(
        [(r.id, r.reports_to, role_label(r, catalog, paint, codes)) for r in rec.roles]
    )
    if rec.cost is not None:
        from csorg.render import cost

        out += ["", *cost.tree_lines(rec.cost, catalog, paint(cost.heading(rec.cost), "1"))]
    out += ["", paint("Why", "1")]
    wrap = textwrap.TextWrapper(width=width, initial_indent="  - ", subsequent_indent="    ")
    for entry in rec.roles:
        if entry.reports_to is None:
            continue
        out.append(paint(one_line(entry.title), "1"))
        for reason in entry.rationale:
            out += wrap.wrap(one_line(reason))
    if rec.next_hires:
        out += ["", paint("Next hires", "1")]
        for hire in rec.next_hires:
            out += wrap.wrap(one_line(f"{hire.title}: {hire.trigger}; until then {hire.until}"))
    if rec.metrics:
        out += ["", paint("Metrics", "1")]
        shown = [metric_text(m, rec.inputs) for m in rec.metrics if m.value is not None]
        out += wrap.wrap(" · ".join(shown))
    out += messages(rec.warnings, rec.notes, width, paint)
    if rec.seats is not None:
        out += ["", paint(f"Seats ({len(rec.seats)})", "1")]
        out += tree_lines(
            [(s.id, s.reports_to, seat_label(s, catalog, paint, codes)) for s in rec.seats]
        )
    return "\n".join(out) + "\n"


def write(rec: Recommendation, catalog: Catalog, stream: TextIO | None = None) -> None:
    stream = stream or sys.stdout
    stream.write(render(rec, catalog, colour=use_colour(stream), width=width_for(stream)))
