"""A forecast plan from what the command line and the profile give: the company it starts
from, the team it starts with, the forecast and the first quarter's date."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from csorg.catalog.schema import Catalog
from csorg.engine.inputs import Request, resolve
from csorg.engine.recommend import recommend
from csorg.errors import UsageError
from csorg.plan.forecast import parse_start
from csorg.plan.forecast import quarters as forecast_quarters
from csorg.plan.people import Key, from_recommendation
from csorg.plan.quarterly import HiringPlan, plan_quarters
from csorg.plan.roadmap import parse_spec
from csorg.profile.model import Forecast, GrowthForecast, Profile, growth_forecast


def forecast_plan(
    catalog: Catalog,
    start: Request,
    profile: Profile | None,
    *,
    from_spec: str | None = None,
    given_team: tuple[Counter[Key], str] | None = None,
    quarters: int | None = None,
    customer_growth: str | None = None,
    arr_growth: str | None = None,
    first: str | None = None,
) -> HiringPlan:
    if from_spec is not None and from_spec.strip().lower() != "none":
        spec = parse_spec(catalog, from_spec, "--from")
        start = replace(start, stage=spec.stage, touch=spec.touch, plg=spec.plg)
    if given_team is not None and from_spec is not None and from_spec.strip().lower() == "none":
        raise UsageError("give --from none or --from-org FILE, not both")
    inputs = resolve(catalog, replace(start, seats=True))
    first_notes: list[str] = []
    forecast: Forecast | None = growth_forecast(
        quarters, customer_growth, arr_growth, base=profile.forecast if profile else None
    )
    if forecast is None:
        raise UsageError(
            "give a forecast (--quarters 8 with --customer-growth 12% or --arr-growth 15%, or "
            "a forecast in the profile), or --to STAGE/TOUCH for a roadmap"
        )
    if isinstance(forecast, GrowthForecast):
        if inputs.customers is None and inputs.arr is None:
            raise UsageError("a growth rate needs a start: give --customers or --arr (or both)")
        periods = forecast.periods(inputs.customers, inputs.arr)
        follows = forecast.followed(inputs.customers, inputs.arr)
        if follows == "customers":
            first_notes.append(
                "accounts grow with the ARR (the same ARR per account as today); give "
                "--customer-growth to set their own rate"
            )
        elif follows == "arr":
            first_notes.append(
                "ARR grows with the accounts (the same ARR per account as today); give "
                "--arr-growth to set its own rate"
            )
    else:
        periods = forecast
    team: Counter[Key]
    if given_team is not None:  # people of a real org chart, read by the caller
        team, label = given_team
    elif from_spec is not None and from_spec.strip().lower() == "none":
        team = Counter()
        label = "no team"
    elif inputs.sized:
        team = from_recommendation(recommend(catalog, replace(start, seats=False)))
        label = "the recommended org for today's inputs"
    else:
        team = Counter()
        label = "no team (today's inputs give no accounts or ARR to staff for)"
    first_day = parse_start(first) if first is not None else None
    plan = plan_quarters(
        catalog,
        inputs,
        label,
        team,
        forecast_quarters(catalog, inputs, start, periods, first_day),
        first_day,
    )
    return replace(plan, notes=(*first_notes, *plan.notes))
