"""Walk an entry as written, guided by its schema type: the ids it names and the numbers it
gives.

The ids are the fields the schema marks with :class:`~csorg.catalog.schema.Ref`; the numbers
are every :class:`~csorg.catalog.schema.Figure`, ``Count`` and ``Share``. The walk reads the
entry's YAML data rather than the validated dataclass, so it works on an entry that failed its
schema too: it skips every path the schema rejected (and whatever lies below it), and any
value whose shape is not the schema's.

How to walk each type is worked out once per class, from its type hints.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any, Union

from csorg.catalog import schema

if TYPE_CHECKING:
    from csorg.catalog.yamlload import KeyPath

_NUMBERS = (schema.Figure, schema.Count, schema.Share, schema.Amount)


# (path within the entry, kind of entry named ("role", "source", ...; see Ref), id)
Reference = tuple["KeyPath", str, str]
# (path within the entry, the number's mapping as written: value, source, heuristic, note)
Number = tuple["KeyPath", dict[str, Any]]


@dataclass
class Found:
    references: list[Reference] = field(default_factory=list)
    numbers: list[Number] = field(default_factory=list)


# The walk runs over every entry of every catalog: plain tuples, and no look-up in
# ``invalid`` when the entry is valid (``invalid`` is then empty).


class _Ref:
    __slots__ = ("kind",)

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def visit(self, value: Any, path: KeyPath, invalid: frozenset[KeyPath], out: Found) -> None:
        if isinstance(value, str):
            out.references.append((path, self.kind, value))


class _Items:
    __slots__ = ("item",)

    def __init__(self, item: _Node) -> None:
        self.item = item

    def visit(self, value: Any, path: KeyPath, invalid: frozenset[KeyPath], out: Found) -> None:
        if not isinstance(value, list):
            return
        item = self.item
        if isinstance(item, _Ref):  # a list of ids, the common case
            kind = item.kind
            references = out.references
            for index, element in enumerate(value):
                where = (*path, index)
                if isinstance(element, str) and not (invalid and where in invalid):
                    references.append((where, kind, element))
            return
        for index, element in enumerate(value):
            where = (*path, index)
            if not (invalid and where in invalid):
                item.visit(element, where, invalid, out)


class _Fields:
    __slots__ = ("fields", "number")

    def __init__(self, cls: type) -> None:
        self.number = issubclass(cls, _NUMBERS)
        self.fields: tuple[tuple[str, _Node], ...] = ()  # filled in by _node (no cycles)

    def visit(self, value: Any, path: KeyPath, invalid: frozenset[KeyPath], out: Found) -> None:
        if not isinstance(value, dict):
            return
        if self.number:
            out.numbers.append((path, value))
        for name, node in self.fields:
            item = value.get(name)
            if item is not None:
                where = (*path, name)
                if not (invalid and where in invalid):
                    node.visit(item, where, invalid, out)


_Node = _Ref | _Items | _Fields
_PLANS: dict[type, _Fields | None] = {}


def _node(annotation: Any) -> _Node | None:
    """How to walk a value of this type; None when it holds no id and no number."""
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        refs = [m for m in annotation.__metadata__ if isinstance(m, schema.Ref)]
        return _Ref(refs[0].kind) if refs else _node(typing.get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        nodes = [n for arg in typing.get_args(annotation) if (n := _node(arg)) is not None]
        if len(nodes) > 1:  # pragma: no cover - the schema has no such union
            raise TypeError(f"cannot walk {annotation}: a value of two walkable types")
        return nodes[0] if nodes else None
    if origin is tuple:
        item = _node(typing.get_args(annotation)[0])
        return _Items(item) if item is not None else None
    if isinstance(annotation, type) and dataclasses.is_dataclass(annotation):
        return _plan(annotation)
    return None


def _plan(cls: type) -> _Fields | None:
    if cls not in _PLANS:
        plan = _Fields(cls)
        hints = typing.get_type_hints(cls, include_extras=True)
        plan.fields = tuple(
            (f.name, node)
            for f in dataclasses.fields(cls)
            if (node := _node(hints[f.name])) is not None
        )
        _PLANS[cls] = plan if plan.fields or plan.number else None
    return _PLANS[cls]


_ENTRY_TYPES: dict[str, type] = {}


def entry_type(section: str) -> type:
    """The dataclass of one entry of ``section`` (``roles`` -> Role, ``hats`` -> Hat)."""
    if not _ENTRY_TYPES:
        for file_type in (schema.RolesFile, schema.BusinessModelsFile, schema.CompensationFile):
            for name, hint in typing.get_type_hints(file_type).items():
                entry = _dataclass_in(hint)
                if entry is not None:
                    _ENTRY_TYPES[name] = entry
    return _ENTRY_TYPES[section]


def _dataclass_in(hint: Any) -> type | None:
    for arg in typing.get_args(hint):
        if isinstance(arg, type) and dataclasses.is_dataclass(arg):
            return arg
        found = _dataclass_in(arg)
        if found is not None:
            return found
    return None


def walk(section: str, data: Any, invalid: frozenset[KeyPath] = frozenset()) -> Found:
    """The ids and numbers one entry of ``section`` gives, outside the paths in ``invalid``."""
    out = Found()
    plan = _plan(entry_type(section))
    if plan is not None and () not in invalid:
        plan.visit(data, (), invalid, out)
    return out
