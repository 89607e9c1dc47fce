"""A layered org-chart layout for a tree, in plain Python (no Graphviz needed).

Boxes of one size sit in rows by depth. Each subtree gets its own band of columns, so bands
never overlap; a manager is centred over its reports. A manager whose reports are all
leaves lists them in a column below it, joined by a spine on the left, as org charts
usually do: a team of twelve takes one column instead of twelve, which keeps charts of
hundreds of seats readable.

The walk is iterative, so a very deep tree cannot exhaust Python's recursion limit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

Point = tuple[float, float]


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float

    @property
    def centre(self) -> float:
        return self.x + self.width / 2

    @property
    def bottom(self) -> float:
        return self.y + self.height


@dataclass(frozen=True)
class Layout:
    boxes: dict[str, Box]
    lines: tuple[tuple[Point, ...], ...]  # connectors, each a polyline, shared segments once
    # (manager, report) -> the connector from the manager's box to the report's box
    routes: dict[tuple[str, str], tuple[Point, ...]]
    width: float
    height: float


@dataclass(frozen=True)
class Spacing:
    box_width: float = 216
    box_height: float = 60
    column_gap: float = 20  # between neighbouring subtrees
    row_gap: float = 44  # between a manager and its row of reports
    stack_gap: float = 12  # between reports listed in a column
    indent: float = 28  # how far a column of reports sits right of its manager


def layout(root: str, children: Mapping[str, Sequence[str]], spacing: Spacing) -> Layout:
    """Place every node under ``root``; ``children`` gives each node's reports in order."""
    w, h, indent = spacing.box_width, spacing.box_height, spacing.indent
    order = _preorder(root, children)
    # each node's reports as slots side by side: a report with its own subtree, or a column
    # of reports that manage no one (a tuple), placed after the subtrees
    slots: dict[str, list[str | tuple[str, ...]]] = {}
    for node in order:
        kids = children.get(node, ())
        leaves = tuple(kid for kid in kids if not children.get(kid))
        if len(leaves) < 2:
            slots[node] = list(kids)
        else:
            slots[node] = [kid for kid in kids if children.get(kid)] + [leaves]

    # bottom-up: the width of each slot's band and the x of its anchor (where the line from
    # the manager comes down) inside it
    band: dict[str, float] = {}
    anchor: dict[str, float] = {}  # a node's box centre inside its own band

    def slot_size(slot: str | tuple[str, ...]) -> tuple[float, float]:
        if isinstance(slot, tuple):
            return indent + w, indent / 2
        return band[slot], anchor[slot]

    for node in reversed(order):
        row = slots[node]
        if not row:
            band[node], anchor[node] = w, w / 2
        elif len(row) == 1 and isinstance(row[0], tuple):  # only a column: box over its spine
            band[node], anchor[node] = indent + w, w / 2
        else:
            sizes = [slot_size(slot) for slot in row]
            total = sum(size for size, _ in sizes) + spacing.column_gap * (len(row) - 1)
            first = sizes[0][1]
            last = total - sizes[-1][0] + sizes[-1][1]
            centre = (first + last) / 2
            # a manager wider than its reports' span: shift the reports right under it
            shift = max(0.0, w / 2 - centre)
            band[node] = max(total + shift, centre + shift + w / 2)
            anchor[node] = centre + shift

    # top-down: absolute positions and connectors
    boxes: dict[str, Box] = {}
    lines: list[tuple[Point, ...]] = []
    routes: dict[tuple[str, str], tuple[Point, ...]] = {}
    boxes[root] = Box(anchor[root] - w / 2, 0.0, w, h)
    for node in order:
        row = slots[node]
        if not row:
            continue
        box = boxes[node]
        if len(row) == 1 and isinstance(row[0], tuple):
            spine = box.x + indent / 2
            _column(row[0], spine, box.bottom + spacing.stack_gap, spacing, boxes, lines)
            lines.append(((spine, box.bottom), (spine, boxes[row[0][-1]].y + h / 2)))
            for leaf in row[0]:
                middle = boxes[leaf].y + h / 2
                routes[(node, leaf)] = (
                    (spine, box.bottom),
                    (spine, middle),
                    (boxes[leaf].x, middle),
                )
            continue
        y = box.bottom + spacing.row_gap
        bus = box.bottom + spacing.row_gap / 2
        sizes = [slot_size(slot) for slot in row]
        total = sum(size for size, _ in sizes) + spacing.column_gap * (len(row) - 1)
        first = sizes[0][1]
        last = total - sizes[-1][0] + sizes[-1][1]
        start = box.centre - (first + last) / 2
        drops: list[float] = []
        for slot, (size, point) in zip(row, sizes, strict=True):
            drops.append(start + point)
            if isinstance(slot, tuple):
                spine = start + point
                _column(slot, spine, y, spacing, boxes, lines)
                lines.append(((spine, bus), (spine, boxes[slot[-1]].y + h / 2)))
                for leaf in slot:
                    middle = boxes[leaf].y + h / 2
                    routes[(node, leaf)] = (
                        (box.centre, box.bottom),
                        (box.centre, bus),
                        (spine, bus),
                        (spine, middle),
                        (boxes[leaf].x, middle),
                    )
            else:
                boxes[slot] = Box(start + point - w / 2, y, w, h)
                lines.append(((start + point, bus), (start + point, y)))
                routes[(node, slot)] = (
                    (box.centre, box.bottom),
                    (box.centre, bus),
                    (start + point, bus),
                    (start + point, y),
                )
            start += size + spacing.column_gap
        lines.append(((box.centre, box.bottom), (box.centre, bus)))
        if len(drops) > 1 or drops[0] != box.centre:
            lines.append(((min(drops[0], box.centre), bus), (max(drops[-1], box.centre), bus)))
    width = max(b.x + b.width for b in boxes.values())
    height = max(b.bottom for b in boxes.values())
    return Layout(boxes, tuple(lines), routes, width, height)


def _column(
    leaves: tuple[str, ...],
    spine: float,
    top: float,
    spacing: Spacing,
    boxes: dict[str, Box],
    lines: list[tuple[Point, ...]],
) -> None:
    """Reports listed one under another right of a spine at x ``spine``, from ``top`` down."""
    w, h = spacing.box_width, spacing.box_height
    x = spine + spacing.indent / 2
    y = top
    for leaf in leaves:
        boxes[leaf] = Box(x, y, w, h)
        lines.append(((spine, y + h / 2), (x, y + h / 2)))
        y += h + spacing.stack_gap


def _preorder(root: str, children: Mapping[str, Sequence[str]]) -> list[str]:
    order: list[str] = []
    stack = [root]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(reversed(children.get(node, ())))
    return order
