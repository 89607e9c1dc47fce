"""A compact org-chart layout for a tree, in plain Python (no Graphviz needed).

Every box has one size. The layout is built bottom-up from blocks, one per subtree, each
arranged in one of three ways:

* **Column.** Reports who manage no one are listed one under another right of a spine, as
  org charts usually draw a team: twelve people take one or two columns, not twelve. A
  column sits where its first member is among the manager's reports.
* **Row.** Reports heading subtrees (and the team's columns) sit side by side under their
  manager, who is centred over them: the classic org chart.
* **Wrapped rows.** When a row would be wider than ``Spacing.max_width``, the reports wrap
  into several rows of about equal width, hanging from a spine on the manager's left.

So a chart's width stays near ``max_width`` for any org (at most one ``indent`` more per level
of depth), and a wide chart keeps its top box near the left edge, in view when the file
opens. The walk is iterative, so a very deep tree cannot exhaust Python's recursion limit.
The page's script (:mod:`csorg.export.html`) runs the same algorithm to re-lay out the chart
when boxes are collapsed; a test checks that both give the same boxes.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

Point = tuple[float, float]
Slot = str | tuple[str, ...]  # a report heading a subtree, or a column of reports


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
    def middle(self) -> float:
        return self.y + self.height / 2

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def right(self) -> float:
        return self.x + self.width


@dataclass(frozen=True)
class Layout:
    boxes: dict[str, Box]
    lines: tuple[tuple[Point, ...], ...]  # connectors, each a polyline, shared segments once
    # (manager, report) -> the connector from the manager's box to the report's box
    routes: dict[tuple[str, str], tuple[Point, ...]]
    width: float
    height: float
    # each manager's reports as arranged: rows of slots (a report heading a subtree, or a
    # column of reports who manage no one); one row unless the reports wrap
    rows: dict[str, list[list[Slot]]]


@dataclass(frozen=True)
class Spacing:
    box_width: float = 216
    box_height: float = 60
    column_gap: float = 20  # between neighbouring subtrees
    row_gap: float = 44  # between a manager and its row of reports
    stack_gap: float = 12  # between reports listed in a column
    indent: float = 28  # how far a column (or wrapped rows) sits right of its spine's box
    max_width: float = 3600  # rows of reports wider than this wrap
    column_length: int = 8  # a team longer than this is listed in two or more columns
    view: float = 1280  # a chart wider than this keeps its top box within this width


def coordinate(value: float) -> str:
    """A coordinate or size written short and always the same way: ``12``, ``12.5``."""
    if value == int(value):  # most are whole: the quick way
        return str(int(value))
    text = f"{value:.1f}"
    if text == "-0.0":
        return "0"
    return text[:-2] if text.endswith(".0") else text


@dataclass
class _Block:
    """A laid-out subtree, relative to its own top-left corner."""

    width: float
    height: float
    anchor: float  # x of the centre of the subtree's top box
    kind: str = "leaf"  # leaf, under (one column right under the box), row, rows
    slots: list[tuple[Slot, float, float]] = field(default_factory=list)  # slot, x, y
    buses: list[tuple[float, list[int]]] = field(default_factory=list)  # rows: bus y, slots


def layout(root: str, children: Mapping[str, Sequence[str]], spacing: Spacing) -> Layout:
    """Place every node under ``root``; ``children`` gives each node's reports in order."""
    order = _preorder(root, children)
    blocks: dict[str, _Block] = {}
    for node in reversed(order):
        blocks[node] = _arrange(node, children, blocks, spacing)
    return _place(root, order, blocks, spacing)


def _slots(kids: Sequence[str], children: Mapping[str, Sequence[str]], most: int) -> list[Slot]:
    """A manager's reports as slots, in their order: each report heading a subtree, and its
    reports who manage no one as columns of at most ``most`` (two or more columns of about
    equal length), each where its first member is; a lone such report stays a slot of one."""
    leaves = [kid for kid in kids if not children.get(kid)]
    if len(leaves) < 2:
        return list(kids)
    columns = math.ceil(len(leaves) / most)
    size = math.ceil(len(leaves) / columns)
    starts = {leaves[i]: tuple(leaves[i : i + size]) for i in range(0, len(leaves), size)}
    slots: list[Slot] = []
    for kid in kids:
        if children.get(kid):
            slots.append(kid)
        elif kid in starts:
            slots.append(starts[kid])
    return slots


def _column_size(column: tuple[str, ...], spacing: Spacing) -> tuple[float, float]:
    height = len(column) * spacing.box_height + (len(column) - 1) * spacing.stack_gap
    return spacing.indent + spacing.box_width, height


def _arrange(
    node: str, children: Mapping[str, Sequence[str]], blocks: dict[str, _Block], spacing: Spacing
) -> _Block:
    w, h, gap = spacing.box_width, spacing.box_height, spacing.column_gap
    slots = _slots(children.get(node, ()), children, spacing.column_length)
    if not slots:
        return _Block(w, h, w / 2)
    if len(slots) == 1 and isinstance(slots[0], tuple):  # one column right under the box
        width, height = _column_size(slots[0], spacing)
        return _Block(width, h + spacing.stack_gap + height, w / 2, "under", [(slots[0], 0, 0)])

    def size(slot: Slot) -> tuple[float, float, float]:  # width, height, anchor
        if isinstance(slot, tuple):
            return (*_column_size(slot, spacing), spacing.indent / 2)
        block = blocks[slot]
        return block.width, block.height, block.anchor

    sizes = [size(slot) for slot in slots]
    total = sum(s[0] for s in sizes) + gap * (len(slots) - 1)
    top = h + spacing.row_gap
    if total <= spacing.max_width or len(slots) == 1:
        first = sizes[0][2]
        last = total - sizes[-1][0] + sizes[-1][2]
        centre = (first + last) / 2
        # a manager wider than its reports' span: shift the reports right under it
        shift = max(0.0, w / 2 - centre)
        placed: list[tuple[Slot, float, float]] = []
        x = shift
        for slot, (width, _, _) in zip(slots, sizes, strict=True):
            placed.append((slot, x, top))
            x += width + gap
        height = top + max(s[1] for s in sizes)
        width = max(total + shift, centre + shift + w / 2)
        return _Block(width, height, centre + shift, "row", placed)

    rows = _wrap([s[0] for s in sizes], gap, spacing.max_width - spacing.indent)
    placed = []
    buses: list[tuple[float, list[int]]] = []
    y = top
    widest = 0.0
    for start, end in rows:
        x = spacing.indent
        for index in range(start, end):
            placed.append((slots[index], x, y))
            x += sizes[index][0] + gap
        widest = max(widest, x - gap)
        buses.append((y - spacing.row_gap / 2, list(range(start, end))))
        y += max(s[1] for s in sizes[start:end]) + spacing.row_gap
    return _Block(max(w, widest), y - spacing.row_gap, w / 2, "rows", placed, buses)


def _wrap(widths: list[float], gap: float, limit: float) -> list[tuple[int, int]]:
    """Split items of ``widths`` (in order) into the fewest rows no wider than ``limit``
    (an item wider than that gets a row of its own), the rows as even as they can be."""

    def greedy(cap: float) -> list[tuple[int, int]]:
        rows: list[tuple[int, int]] = []
        start, used = 0, 0.0
        for index, width in enumerate(widths):
            if index > start and used + gap + width > cap:
                rows.append((start, index))
                start, used = index, width
            else:
                used = width if index == start else used + gap + width
        rows.append((start, len(widths)))
        return rows

    best = greedy(limit)
    low, high = max(widths), limit
    if high <= low:
        return best
    for _ in range(40):  # the narrowest cap that still needs no more rows
        cap = (low + high) / 2
        rows = greedy(cap)
        if len(rows) <= len(best):
            high, best = cap, rows
        else:
            low = cap
    return best


def _place(root: str, order: list[str], blocks: dict[str, _Block], spacing: Spacing) -> Layout:
    """Top-down: absolute boxes, connectors and routes."""
    w, h, indent = spacing.box_width, spacing.box_height, spacing.indent
    chain = _chain(root, blocks)
    pin = spacing.view / 2 if blocks[root].width > spacing.view else math.inf
    origins: dict[str, Point] = {}
    boxes: dict[str, Box] = {}
    lines: list[tuple[Point, ...]] = []
    routes: dict[tuple[str, str], tuple[Point, ...]] = {}

    def put(node: str, x: float, y: float) -> None:
        centre = x + blocks[node].anchor
        if node in chain:
            centre = max(min(centre, pin), w / 2)
        origins[node] = (x, y)
        boxes[node] = Box(centre - w / 2, y, w, h)

    def column(manager: str, leaves: tuple[str, ...], spine: float, top: float) -> None:
        """Reports listed one under another right of a spine, from ``top`` down."""
        y = top
        for leaf in leaves:
            boxes[leaf] = Box(spine + indent / 2, y, w, h)
            lines.append(((spine, y + h / 2), (spine + indent / 2, y + h / 2)))
            y += h + spacing.stack_gap

    def join(manager: str, slot: Slot, drop: float, bus: float, head: list[Point]) -> None:
        """The line down from a bus to a slot, and the route to each report in it."""
        if isinstance(slot, tuple):
            lines.append(((drop, bus), (drop, boxes[slot[-1]].middle)))
            for leaf in slot:
                box = boxes[leaf]
                routes[(manager, leaf)] = _path(
                    [*head, (drop, bus), (drop, box.middle), (box.x, box.middle)]
                )
        else:
            lines.append(((drop, bus), (drop, boxes[slot].y)))
            routes[(manager, slot)] = _path([*head, (drop, bus), (drop, boxes[slot].y)])

    put(root, 0.0, 0.0)
    for node in order:
        block = blocks[node]
        if block.kind == "leaf":
            continue
        left, top = origins[node]
        box = boxes[node]
        if block.kind == "under":
            leaves = block.slots[0][0]
            assert isinstance(leaves, tuple)
            spine = box.x + indent / 2
            column(node, leaves, spine, box.bottom + spacing.stack_gap)
            lines.append(((spine, box.bottom), (spine, boxes[leaves[-1]].middle)))
            for leaf in leaves:
                end = boxes[leaf]
                routes[(node, leaf)] = (
                    (spine, box.bottom),
                    (spine, end.middle),
                    (end.x, end.middle),
                )
            continue
        drops: list[float] = []
        for slot, x, y in block.slots:
            if isinstance(slot, tuple):
                drops.append(left + x + indent / 2)
                column(node, slot, drops[-1], top + y)
            else:
                put(slot, left + x, top + y)
                drops.append(boxes[slot].centre)
        if block.kind == "row":
            bus = top + h + spacing.row_gap / 2
            head = [(box.centre, box.bottom), (box.centre, bus)]
            lines.append(tuple(head))
            if len(drops) > 1 or drops[0] != box.centre:
                lines.append(((min(drops[0], box.centre), bus), (max(drops[-1], box.centre), bus)))
            for (slot, _, _), drop in zip(block.slots, drops, strict=True):
                join(node, slot, drop, bus, head)
            continue
        # wrapped rows, hanging from a spine on the manager's left
        spine = box.x + indent / 2
        lines.append(((spine, box.bottom), (spine, top + block.buses[-1][0])))
        for bus_y, members in block.buses:
            bus = top + bus_y
            lines.append(((spine, bus), (max(drops[i] for i in members), bus)))
            for index in members:
                head = [(spine, box.bottom), (spine, bus)]
                join(node, block.slots[index][0], drops[index], bus, head)
    width = max(b.right for b in boxes.values())
    height = max(b.bottom for b in boxes.values())
    rows: dict[str, list[list[Slot]]] = {}
    for node, block in blocks.items():
        if block.kind == "rows":
            rows[node] = [[block.slots[i][0] for i in members] for _, members in block.buses]
        elif block.slots:
            rows[node] = [[slot for slot, _, _ in block.slots]]
    return Layout(boxes, tuple(lines), routes, width, height, rows)


def _path(points: list[Point]) -> tuple[Point, ...]:
    """``points`` without repeats and without points in the middle of a straight run."""
    out: list[Point] = []
    for point in points:
        if out and out[-1] == point:
            continue
        if len(out) >= 2:
            (x1, y1), (x2, y2) = out[-2], out[-1]
            if (x1 == x2 == point[0]) or (y1 == y2 == point[1]):
                out[-1] = point
                continue
        out.append(point)
    return tuple(out)


def _chain(root: str, blocks: dict[str, _Block]) -> set[str]:
    """The top box and the line of single reports under it, to the first manager of several
    reports: the boxes that move left to keep the top of a wide chart in view."""
    chain = {root}
    node = root
    while blocks[node].kind == "row" and len(blocks[node].slots) == 1:
        slot = blocks[node].slots[0][0]
        if isinstance(slot, tuple):
            break
        node = slot
        chain.add(node)
    return chain


def _preorder(root: str, children: Mapping[str, Sequence[str]]) -> list[str]:
    order: list[str] = []
    stack = [root]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(reversed(children.get(node, ())))
    return order
