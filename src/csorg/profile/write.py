"""Write a company profile: the inputs of a :class:`~csorg.engine.inputs.Request` and a
forecast as ``csorg.yaml`` text, in the schema's order, that reads back to the same values."""

from __future__ import annotations

import re
from typing import Any

from csorg.engine.inputs import Request
from csorg.errors import UsageError
from csorg.profile.model import Forecast, GrowthForecast
from csorg.profile.read import FIELDS
from csorg.profile.schema import SHARE_PATTERN

HEADER = """\
# The company profile csorg reads from this folder (or with --profile FILE): recommend,
# export, audit and plan take their company inputs from it, and flags given on the command
# line override it. Written by `csorg init`; check it after editing: csorg validate {name}
"""


def profile_text(request: Request, forecast: Forecast | None, name: str = "csorg.yaml") -> str:
    """The profile file: a header saying what it is, then one line (or block) per input."""
    body = "".join(_dump(key, value) for key, value in profile_data(request, forecast).items())
    return HEADER.format(name=name) + body


def _dump(key: str, value: Any) -> str:
    """``key: value`` as YAML, quoted where YAML would misread it; a list of names on one
    line (``regions: [na, emea]``), mappings as blocks."""
    import yaml

    if isinstance(value, list) and not any(isinstance(item, dict | list) for item in value):
        flow = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000)
        return f"{key}: {flow.strip()}\n"
    text: str = yaml.safe_dump(
        {key: value}, sort_keys=False, default_flow_style=False, allow_unicode=True, width=100
    )
    return text


def profile_data(request: Request, forecast: Forecast | None) -> dict[str, Any]:
    """The profile as plain YAML data, keys in the schema's order, values not given left out."""
    given = request.given()
    data: dict[str, Any] = {"version": 1}
    for key in FIELDS:
        if key == "forecast" and forecast is not None:
            data[key] = _forecast(forecast)
        elif key in given:
            data[key] = _value(key, given[key])
    return data


def _value(key: str, value: Any) -> Any:
    if key in ("arr", "budget"):
        return _number(value)
    if key in ("regions", "segments") and any("=" in item for item in value):
        mix: dict[str, Any] = {}
        for item in value:
            name, _, amount = (part.strip() for part in item.partition("="))
            if re.fullmatch(SHARE_PATTERN, amount):
                mix[name] = amount.replace(" ", "")
            elif amount.isdigit():
                mix[name] = int(amount)
            else:
                raise UsageError(
                    f"--{key.replace('_', '-')}: {item!r} is neither name=count (smb=1700) "
                    "nor name=share (smb=85%)"
                )
        return mix
    if isinstance(value, tuple):
        return list(value)
    return value


def _forecast(forecast: Forecast) -> Any:
    if isinstance(forecast, GrowthForecast):
        data: dict[str, Any] = {"quarters": forecast.quarters}
        for name in ("customer_growth", "arr_growth"):
            rate = getattr(forecast, name)
            if rate is not None:
                data[name] = f"{rate:g}%"
        return data
    periods = []
    for period in forecast:
        entry: dict[str, Any] = {}
        if period.label is not None:
            entry["quarter"] = period.label
        if period.customers is not None:
            entry["customers"] = period.customers
        if period.arr is not None:
            entry["arr"] = _number(period.arr)
        periods.append(entry)
    return periods


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value
