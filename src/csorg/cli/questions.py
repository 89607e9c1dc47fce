"""The questions `csorg init` asks on a terminal, with questionary.

Every answer is checked as it is typed, by the same parsers the flags go through, so what is
accepted here is exactly what the flags accept; choices (stages, currencies) come from the
catalogs in use. Ctrl-C stops without writing anything.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from csorg.engine.inputs import MAX_CUSTOMERS, MAX_EMPLOYEES, MAX_HEADCOUNT, Request, parse_amount
from csorg.errors import UsageError
from csorg.profile.model import (
    DEFAULT_QUARTERS,
    MAX_GROWTH,
    MAX_QUARTERS,
    MIN_GROWTH,
    GrowthForecast,
    parse_growth,
)
from csorg.profile.schema import SHARE_PATTERN

if TYPE_CHECKING:
    from csorg.catalog.schema import Catalog

Check = Callable[[str], bool | str]

BY_EMPLOYEES = "by-employees"
NO_BUDGET, SEATS, MONEY = "none", "seats", "money"


def ask(catalog: Catalog) -> tuple[Request, GrowthForecast | None]:
    """Ask for the company's inputs; returns them and the growth forecast (if any)."""
    import questionary

    answers: dict[str, Any] = {}
    stage = _select(
        "Which stage is the company at?",
        [(s.id, f"{s.name}: {_first_sentence(s.description)}") for s in catalog.stages.values()]
        + [(BY_EMPLOYEES, "Not sure: work it out from the number of employees")],
    )
    if stage == BY_EMPLOYEES:
        answers["employees"] = int(
            _text("How many people work at the company?", _whole(1, MAX_EMPLOYEES))
        )
    else:
        answers["stage"] = stage
    answers["touch"] = _select(
        "How closely do customers need guiding?",
        [
            ("high", "High touch: named CSMs guide each account"),
            ("low", "Low touch: the product does most of the work"),
        ],
    )
    answers["plg"] = questionary.confirm(
        "Is the company product-led (customers sign up and grow through the product)?",
        default=False,
    ).unsafe_ask()
    customers = _text(
        "How many customer accounts? (blank if not known)", _whole(0, MAX_CUSTOMERS, True)
    )
    if customers:
        answers["customers"] = int(customers)
    currency = _select(
        "Which currency for ARR, budget and costs?",
        [(c.code, f"{c.code}: {c.name}") for c in catalog.currencies.values()] or [("USD", "USD")],
        default="USD",
    )
    answers["currency"] = currency
    arr = _text(
        f"Annual recurring revenue in {currency}? (e.g. 2.5M; blank if not known)", _amount(True)
    )
    if arr:
        answers["arr"] = parse_amount(arr, "ARR")
    regions = _text(
        "Regions served, comma-separated (e.g. na,emea, or with their share of the accounts: "
        "na=60%,emea=40%; blank for one)",
        _names(blank=True, mix=True),
    )
    if regions:
        answers["regions"] = tuple(part.strip() for part in regions.split(","))
    _tiers(catalog, answers)
    _budget(answers)
    return Request(**answers), _forecast()


def _tiers(catalog: Catalog, answers: dict[str, Any]) -> None:
    import questionary

    size = catalog.segmentations.get("size")
    if size is None:
        return
    tiers = ", ".join(size.default_segments) or "tiers"
    if not questionary.confirm(
        f"Split the accounts into tiers by size ({tiers})?", default=False
    ).unsafe_ask():
        return
    answers["segment_by"] = "size"
    mix = _text(
        "Accounts per tier, e.g. enterprise=40,mid-market=260,smb=1700 or shares smb=85% "
        "(blank for the catalog's tiers)",
        _names(blank=True, mix=True),
    )
    if mix:
        answers["segments"] = tuple(part.strip() for part in mix.split(","))


def _budget(answers: dict[str, Any]) -> None:
    kind = _select(
        "Is there a budget for the CS team?",
        [(NO_BUDGET, "No budget"), (SEATS, "A number of seats"), (MONEY, "An amount a year")],
    )
    if kind == SEATS:
        answers["headcount"] = int(_text("How many CS seats?", _whole(1, MAX_HEADCOUNT)))
    elif kind == MONEY:
        currency = answers.get("currency", "USD")
        answers["budget"] = parse_amount(
            _text(f"Budget a year in {currency}? (e.g. 1.2M)", _amount(False)), "budget"
        )


def _forecast() -> GrowthForecast | None:
    import questionary

    if not questionary.confirm(
        "Add a growth forecast (for csorg plan)?", default=True
    ).unsafe_ask():
        return None
    quarters = int(
        _text("Quarters to plan ahead?", _whole(1, MAX_QUARTERS), default=str(DEFAULT_QUARTERS))
    )
    customer = _text(
        "Growth of the accounts per quarter? (e.g. 10%; blank for none)",
        _growth(True),
        default="10%",
    )
    arr = _text("Growth of ARR per quarter? (e.g. 12%; blank for none)", _growth(True))
    if not customer and not arr:
        return None
    return GrowthForecast(
        quarters=quarters,
        customer_growth=parse_growth(customer, "growth") if customer else None,
        arr_growth=parse_growth(arr, "growth") if arr else None,
    )


# -- prompts and checks ----------------------------------------------------------------------


def _select(message: str, choices: list[tuple[str, str]], default: str | None = None) -> str:
    import questionary

    options = [questionary.Choice(title=title, value=value) for value, title in choices]
    chosen = next((c for c in options if c.value == default), None)
    answer: str = questionary.select(message, choices=options, default=chosen).unsafe_ask()
    return answer


def _text(message: str, check: Check, default: str = "") -> str:
    import questionary

    answer: str = questionary.text(message, default=default, validate=check).unsafe_ask()
    return answer.strip()


def _checked(parse: Callable[[str], object], wanted: str, blank: bool) -> Check:
    """A check for questionary: True, or what to type instead."""

    def check(text: str) -> bool | str:
        if not text.strip():
            return True if blank else f"give {wanted}"
        try:
            parse(text.strip())
        except (UsageError, ValueError):
            return f"give {wanted}"
        return True

    return check


def _whole(low: int, high: int, blank: bool = False) -> Check:
    def parse(text: str) -> None:
        if not low <= int(text.replace(",", "").replace("_", "")) <= high:
            raise ValueError(text)

    return _checked(parse, f"a whole number from {low:,} to {high:,}", blank)


def _amount(blank: bool) -> Check:
    return _checked(
        lambda text: parse_amount(text, "amount"), "an amount such as 2500000, 2.5M or 800k", blank
    )


def _growth(blank: bool) -> Check:
    return _checked(
        lambda text: parse_growth(text, "growth"),
        f"a percentage per quarter from {MIN_GROWTH:g}% to {MAX_GROWTH:g}%",
        blank,
    )


def _names(blank: bool, mix: bool = False) -> Check:
    """Names separated by commas, each once; with ``mix``, each may carry its accounts
    (``smb=1700``) or its share of them (``smb=85%``)."""

    def parse(text: str) -> None:
        names = []
        for part in (item.strip() for item in text.split(",")):
            name, _, amount = (bit.strip() for bit in part.partition("="))
            if not name or not name.isprintable() or len(name) > 60:
                raise ValueError(part)
            if "=" in part and not (
                mix and (amount.isdigit() or re.fullmatch(SHARE_PATTERN, amount))
            ):
                raise ValueError(part)
            names.append(name)
        if len(set(names)) != len(names):
            raise ValueError(text)

    wanted = "names separated by commas, each once"
    if mix:
        wanted += ", each with its accounts (smb=1700) or share (smb=85%) if you like"
    return _checked(parse, wanted, blank)


def _first_sentence(text: str) -> str:
    sentence = " ".join(text.split()).split(". ")[0].rstrip(".")
    return sentence if len(sentence) <= 55 else sentence[:54] + "…"
