"""Read a company profile: the safe YAML reader, then each field checked against
:mod:`csorg.profile.schema` on its own, with every problem placed at its line.

Checks that need the catalogs (is the stage known? the currency?) are in :func:`references`,
run once the catalogs are loaded, on the fields the command actually uses.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Collection
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from csorg.catalog.parse import INVALID, describe_value, unknown_field, validate_value
from csorg.catalog.report import Report
from csorg.engine.inputs import MAX_ARR, Request, parse_amount
from csorg.errors import CsorgError, Problem, UsageError, suggestion
from csorg.fileio import read_bytes
from csorg.profile import schema
from csorg.profile.model import (
    MAX_GROWTH,
    MIN_GROWTH,
    PROFILE_NAME,
    Forecast,
    ForecastPeriod,
    GrowthForecast,
    Profile,
)
from csorg.profile.quick import NotSure, build
from csorg.text import plural

if TYPE_CHECKING:
    from csorg.catalog.schema import Catalog
    from csorg.catalog.yamlload import Document, KeyPath

FIELDS = tuple(f.name for f in fields(schema.ProfileFile))


def load_profile(path: Path, display: str | None = None) -> Profile:
    """The profile in ``path``; raises :class:`CsorgError` listing every problem."""
    name = display or str(path)
    profile, problems = read_profile(read_bytes(path, name), name)
    if profile is None:
        raise CsorgError(f"the profile {name} has {plural(len(problems), 'problem')}", problems)
    return profile


def read_profile(
    data: bytes, display: str, *, partial: bool = False
) -> tuple[Profile | None, list[Problem]]:
    """The profile in ``data``, or ``None`` and its problems (sorted by line); with
    ``partial``, the profile of the fields that are valid even when others are not (for
    checks that report everything at once)."""
    from csorg.catalog.yamlload import load_yaml

    try:
        doc = load_yaml(data, display)
    except CsorgError as exc:
        return None, list(exc.problems or [Problem(file=display, message=exc.message)])
    report = Report()
    report.sources[display] = data
    report.extend(doc)
    if not isinstance(doc.data, dict):
        report.add(
            doc,
            (),
            "expected a mapping of the company's inputs (stage: ..., touch: ...), found "
            + describe_value(doc.data),
        )
        return None, report.finish()
    reader = _Reader(doc, report)
    for key, value in doc.data.items():
        reader.field(key, value)
    problems = report.finish()
    if problems and not partial:
        return None, problems
    return Profile(display, reader.request(), reader.forecast, data), problems


def looks_like_profile(path: Path, data: Any) -> bool:
    """Whether a YAML file is a profile: by its name, else by its top-level keys."""
    if path.name.lower() in (PROFILE_NAME, "csorg.yml"):
        return True
    return isinstance(data, dict) and bool(set(data) & (set(FIELDS) - {"version"}))


def references(
    profile: Profile, catalog: Catalog, used: Collection[str] | None = None
) -> list[Problem]:
    """What in ``profile`` the catalogs do not know (a stage, a trait, a currency, ...),
    placed at its line; only the fields in ``used`` when given."""
    from csorg.catalog.yamlload import load_yaml

    report = Report()
    report.sources[profile.file] = profile.text
    doc = load_yaml(profile.text, profile.file)
    request = profile.request

    def check(path: KeyPath, kind: str, value: str | None, known: Collection[str]) -> None:
        if value is None or value in known or (used is not None and path[0] not in used):
            return
        choices = ", ".join(known) or "none in the catalogs in use"
        report.add(
            doc,
            path,
            f"unknown {kind} {value!r}{suggestion(value, list(known))}; choose from: {choices}",
        )

    check(("stage",), "stage", request.stage, catalog.stages)
    check(("model",), "business model", request.model, catalog.models)
    for index, trait in enumerate(request.traits or ()):
        check(("traits", index), "trait", trait, catalog.traits)
    check(("segment_by",), "segmentation", request.segment_by, catalog.segmentations)
    check(("currency",), "currency", request.currency, catalog.currencies)
    return report.finish()


@dataclass
class _Reader:
    """Checks one field at a time and keeps the valid values."""

    doc: Document
    report: Report
    values: dict[str, Any] = field(default_factory=dict)
    forecast: Forecast | None = None

    def problem(self, path: KeyPath, message: str) -> None:
        self.report.add(self.doc, path, message)

    def field(self, key: Any, value: Any) -> None:
        if key not in FIELDS:
            self.report.add(self.doc, (key,), unknown_field(str(key), list(FIELDS)), key=True)
            return
        if value is None:
            return  # not given
        checked = self.checked(HINTS[key], value, (key,))
        if checked is INVALID:
            return
        convert = getattr(self, f"convert_{key}", None)
        result = convert(checked) if convert is not None else checked
        if result is not INVALID and key not in ("version", "forecast"):
            self.values[key] = result

    def checked(self, annotation: Any, value: Any, path: KeyPath) -> Any:
        """``value`` validated against the arm of ``annotation`` its YAML type fits."""
        try:
            return build(annotation, value)  # valid as it stands: no need for pydantic
        except NotSure:
            pass
        arms = _arms(annotation)
        fitting = [arm for arm in arms if _fits(arm, value)]
        if not fitting and len(arms) > 1:
            wanted = " or ".join(dict.fromkeys(_words(arm) for arm in arms))
            self.problem(path, f"expected {wanted}, found {describe_value(value)}")
            return INVALID
        target = (fitting or arms)[0]
        return validate_value(schema.ProfileFile, target, value, path, self.doc, self.report)

    # conversions: a checked value into the Request's (INVALID after reporting a problem)

    def amount(self, value: float | str, path: KeyPath) -> Any:
        if isinstance(value, str):
            try:
                return parse_amount(value, "")
            except UsageError:
                self.problem(
                    path,
                    f"expected an amount such as 2500000, 2.5M or 800k, above 0 and at most "
                    f"{MAX_ARR:,.0f}; found {describe_value(value)}",
                )
                return INVALID
        if value > MAX_ARR:
            self.problem(path, f"expected an amount of at most {MAX_ARR:,.0f}, found {value:,.0f}")
            return INVALID
        return float(value)

    def convert_arr(self, value: float | str) -> Any:
        return self.amount(value, ("arr",))

    def convert_budget(self, value: float | str) -> Any:
        return self.amount(value, ("budget",))

    def convert_traits(self, value: tuple[str, ...]) -> Any:
        return tuple(value)

    def convert_regions(self, value: Any) -> Any:
        return _names_or_mix(self, "regions", value)

    def convert_segments(self, value: Any) -> Any:
        return _names_or_mix(self, "segments", value)

    def convert_forecast(self, value: schema.Growth | tuple[schema.Period, ...]) -> Any:
        if isinstance(value, schema.Growth):
            self.forecast = _growth(self, value)
        else:
            self.forecast = _periods(self, value)
        return INVALID if self.forecast is None else self.forecast

    def request(self) -> Request:
        return Request(**{k: v for k, v in self.values.items() if k != "version"})


def _names_or_mix(reader: _Reader, key: str, value: tuple[str, ...] | dict[str, int | str]) -> Any:
    """A list of names, or a mix, in the text form the command line takes: ``("na",
    "emea")``, ``("enterprise=40", "smb=1700")``, ``("na=60%", "emea=40%")``."""
    names = [name.strip() for name in value]
    ok = True
    seen: set[str] = set()
    for index, name in enumerate(names):
        path: KeyPath = (key, index) if isinstance(value, tuple) else (key, list(value)[index])
        if not name or not name.isprintable() or "=" in name or "," in name:
            reader.problem(path, f"{name!r} is not a usable name (printable; no '=' or ',')")
            ok = False
        elif name in seen:
            reader.problem(path, f"{name!r} is given twice")
            ok = False
        seen.add(name)
    if isinstance(value, tuple):
        return tuple(names) if ok else INVALID
    shares = [v for v in value.values() if isinstance(v, str)]
    if shares and len(shares) != len(value):
        reader.problem((key,), "give every entry as a count (700) or every one as a share (60%)")
        return INVALID
    total = sum(float(v.strip().rstrip("%")) for v in shares)
    if total > 100.000001:
        reader.problem((key,), f"the shares add up to {total:g}%, more than 100%")
        return INVALID
    amounts = [str(v).replace(" ", "") for v in value.values()]
    texts = [f"{name}={amount}" for name, amount in zip(names, amounts, strict=True)]
    return tuple(texts) if ok else INVALID


def _growth(reader: _Reader, value: schema.Growth) -> GrowthForecast | None:
    if value.customer_growth is None and value.arr_growth is None:
        reader.problem(("forecast",), "give customer_growth, arr_growth or both")
        return None
    rates = {}
    for name in ("customer_growth", "arr_growth"):
        given = getattr(value, name)
        rates[name] = None if given is None else _percent(reader, given, ("forecast", name))
        if rates[name] is INVALID:
            return None
    return GrowthForecast(value.quarters, rates["customer_growth"], rates["arr_growth"])


def _percent(reader: _Reader, value: float | str, path: KeyPath) -> Any:
    number = float(value.strip().rstrip("%")) if isinstance(value, str) else float(value)
    if not MIN_GROWTH <= number <= MAX_GROWTH:
        reader.problem(
            path,
            f"expected a growth per quarter from {MIN_GROWTH:g}% to {MAX_GROWTH:g}%, "
            f"found {number:g}%",
        )
        return INVALID
    return number


def _periods(
    reader: _Reader, value: tuple[schema.Period, ...]
) -> tuple[ForecastPeriod, ...] | None:
    out: list[ForecastPeriod] = []
    for index, period in enumerate(value):
        if period.customers is None and period.arr is None:
            reader.problem(("forecast", index), "give the quarter's customers, arr or both")
            return None
        arr = None
        if period.arr is not None:
            arr = reader.amount(period.arr, ("forecast", index, "arr"))
            if arr is INVALID:
                return None
        out.append(ForecastPeriod(period.quarter, period.customers, arr))
    return tuple(out)


HINTS: dict[str, Any] = typing.get_type_hints(schema.ProfileFile, include_extras=True)


def _arms(annotation: Any) -> list[Any]:
    """The types a field allows, ``None`` left out: ``int | str | None`` → ``[int, str]``."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return [arm for arg in typing.get_args(annotation) for arm in _arms(arg)]
    return [] if annotation is type(None) else [annotation]


def _base(arm: Any) -> Any:
    return typing.get_args(arm)[0] if typing.get_origin(arm) is typing.Annotated else arm


def _fits(arm: Any, value: Any) -> bool:
    """Whether a YAML value has the shape of ``arm`` (its content is checked after)."""
    base = _base(arm)
    origin = typing.get_origin(base)
    if origin is typing.Literal:
        return any(type(choice) is type(value) for choice in typing.get_args(base))
    if base is bool:
        return isinstance(value, bool)
    if base in (int, float):
        number = isinstance(value, int | float) and not isinstance(value, bool)
        return number and (base is float or isinstance(value, int))
    if base is str:
        return isinstance(value, str)
    if origin is tuple:
        return isinstance(value, list)
    return (origin is dict or is_dataclass(base)) and isinstance(value, dict)


def _words(arm: Any) -> str:
    base = _base(arm)
    origin = typing.get_origin(base)
    if origin is typing.Literal:
        return " or ".join(repr(choice) for choice in typing.get_args(base))
    names = {bool: "true or false", int: "a whole number", float: "a number", str: "text"}
    if base in names:
        return names[base]
    return "a list" if origin is tuple else "a mapping"
