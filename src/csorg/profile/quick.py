"""A fast path for profiles that are valid: check a value against the schema's own type hints
and limits, and build it as pydantic would, without importing pydantic.

Every command reads the profile, and importing pydantic and building its validators costs
more than the rest of ``csorg recommend``. This reads the same declarations
(:mod:`csorg.profile.schema`: types, ``Literal`` choices, ``Limits``), so it cannot drift from
them; it answers only "valid, and here is the value" or "not sure". Anything it is not sure
of goes through pydantic, which says what is wrong and where.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import operator
import re
import types
import typing
from typing import Any

from csorg.catalog.schema import Limits


class NotSure(Exception):
    """The value is not plainly valid: pydantic decides, and explains."""


def build(annotation: Any, value: Any) -> Any:
    """``value`` as the schema type ``annotation`` holds it (tuples for lists, dataclasses
    for mappings), or :class:`NotSure`."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *meta = typing.get_args(annotation)
        built = build(base, value)
        for limits in (m for m in meta if isinstance(m, Limits)):
            _limits(limits.limits, built)
        return built
    if origin in (typing.Union, types.UnionType):
        for arm in typing.get_args(annotation):
            try:
                return build(arm, value)
            except NotSure:
                continue
        raise NotSure
    if origin is typing.Literal:
        if any(
            type(choice) is type(value) and choice == value
            for choice in typing.get_args(annotation)
        ):
            return value
        raise NotSure
    if origin is tuple:
        item = typing.get_args(annotation)[0]
        return tuple(build(item, v) for v in _a(list, value))
    if origin is dict:
        key, item = typing.get_args(annotation)
        return {build(key, k): build(item, v) for k, v in _a(dict, value).items()}
    if dataclasses.is_dataclass(annotation) and isinstance(annotation, type):
        return _dataclass(annotation, _a(dict, value))
    return _scalar(annotation, value)


def _a(kind: type, value: Any) -> Any:
    if not isinstance(value, kind):
        raise NotSure
    return value


def _scalar(annotation: Any, value: Any) -> Any:
    if annotation is type(None) and value is None:
        return None
    if annotation is bool and type(value) is bool:
        return value
    if annotation is int and type(value) is int:
        return value
    if annotation is float and type(value) in (int, float) and math.isfinite(value):
        return float(value)
    if annotation is str and type(value) is str:
        return value
    raise NotSure


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, include_extras=True)


def _dataclass(cls: type, data: dict[str, Any]) -> Any:
    hints = _hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    if not set(data) <= set(fields):
        raise NotSure
    missing = [
        name
        for name, f in fields.items()
        if name not in data
        and f.default is dataclasses.MISSING
        and f.default_factory is dataclasses.MISSING
    ]
    if missing:
        raise NotSure
    return cls(**{name: build(hints[name], value) for name, value in data.items()})


def _limits(limits: dict[str, Any], value: Any) -> None:
    for name, bound in limits.items():
        if name in _COMPARE:
            holds = _COMPARE[name](value, bound)
        elif name in ("min_length", "max_length"):
            holds = len(value) >= bound if name == "min_length" else len(value) <= bound
        elif name == "pattern":
            holds = re.search(bound, value) is not None
        else:
            holds = False  # a limit this does not know: let pydantic judge
        if not holds:
            raise NotSure


_COMPARE = {"gt": operator.gt, "ge": operator.ge, "lt": operator.lt, "le": operator.le}
