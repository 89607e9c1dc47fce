"""A role's card: everything the catalog says about it, as plain data."""

from __future__ import annotations

from typing import Any

from csorg.catalog.schema import Catalog, Number, Role

BASIS_TEXT = {
    "one": "one seat per {scope}",
    "span": "as many seats as its reports need, at most its span each",
    "coverage": "enough seats for the accounts, at the coverage below",
    "ratio": "one seat per {every} {per} seats",
}
SCOPE_TEXT = {"global": "company", "region": "region", "pod": "region and segment pod"}


def figure(catalog: Catalog, what: str, number: Number) -> dict[str, Any]:
    source = catalog.sources.get(number.source) if number.source else None
    return {
        "what": what,
        "value": number.value,
        "source": source_json(catalog, number.source) if source and number.source else None,
        "heuristic": number.heuristic,
        "note": number.note,
    }


def source_json(catalog: Catalog, source_id: str) -> dict[str, Any]:
    source = catalog.sources.get(source_id)
    if source is None:
        return {"id": source_id}
    return {
        "id": source.id,
        "title": source.title,
        "author": source.author,
        "publisher": source.publisher,
        "date": source.date,
        "url": source.url,
    }


def figures(catalog: Catalog, role: Role) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    headcount = role.headcount
    if headcount.accounts_per_seat is not None:
        out.append(figure(catalog, "accounts per seat, low touch", headcount.accounts_per_seat.low))
        out.append(
            figure(catalog, "accounts per seat, high touch", headcount.accounts_per_seat.high)
        )
    name = ""
    if headcount.ratio is not None:
        per = catalog.roles.get(headcount.ratio.per)
        name = per.title if per else headcount.ratio.per
        out.append(figure(catalog, f"{name} seats per seat", headcount.ratio.every))
    if headcount.first_at is not None:
        unit = "accounts" if headcount.basis == "coverage" else f"{name} seats"
        out.append(figure(catalog, f"first seat from this many {unit}", headcount.first_at))
    if role.span is not None:
        out.append(figure(catalog, "span of control (most direct reports)", role.span))
    if role.min_span is not None:
        out.append(figure(catalog, "fewest direct reports for a seat", role.min_span))
    if role.per_region_from is not None:
        out.append(
            figure(catalog, "a region's own seat from this many seats", role.per_region_from)
        )
    if role.own_book is not None:
        out.append(
            figure(catalog, "share of a book it carries while its team is small", role.own_book)
        )
    for tier in catalog.tiers.values():
        if role.id in tier.served_by:
            out.append(figure(catalog, f"{tier.name} accounts per seat", tier.accounts_per_seat))
            if tier.arr_per_seat is not None:
                out.append(figure(catalog, f"{tier.name} ARR per seat", tier.arr_per_seat))
    for rule in catalog.rules.values():
        when = rule.when
        if not any(a.role == role.id for a in rule.add):
            continue
        if when.min_count is not None:
            counted = catalog.roles.get(when.min_count.role)
            name = counted.title if counted else when.min_count.role
            out.append(
                figure(
                    catalog,
                    f"added from this many {name} seats ({rule.id})",
                    when.min_count.at_least,
                )
            )
        if when.min_customers is not None:
            out.append(
                figure(catalog, f"added from this many accounts ({rule.id})", when.min_customers)
            )
        if when.min_regions is not None:
            out.append(
                figure(catalog, f"added from this many regions ({rule.id})", when.min_regions)
            )
    return out


def card_json(catalog: Catalog, role: Role) -> dict[str, Any]:
    def title(role_id: str) -> str:
        other = catalog.roles.get(role_id)
        return other.title if other else role_id

    headcount = role.headcount
    basis = BASIS_TEXT[headcount.basis].format(
        scope=SCOPE_TEXT[role.scope],
        every=headcount.ratio.every.value if headcount.ratio else "",
        per=title(headcount.ratio.per) if headcount.ratio else "",
    )
    area = catalog.areas.get(role.area)
    return {
        "id": role.id,
        "title": role.title,
        "aliases": list(role.aliases),
        "area": {"id": role.area, "name": area.name if area else role.area},
        "level": role.level,
        "summary": role.summary,
        "responsibilities": list(role.responsibilities),
        "when_to_add": role.when_to_add,
        "differs_from": [
            {"role": d.role, "title": title(d.role), "note": d.note} for d in role.differs_from
        ],
        "variants": [{"title": v.title, "note": v.note} for v in role.variants],
        "reports_to": [{"role": m, "title": title(m)} for m in role.reports_to],
        "typical_manager": role.reports_to[0] if role.reports_to else None,
        "manages": [r.id for r in catalog.roles.values() if role.id in r.reports_to],
        "scope": role.scope,
        "headcount": {"basis": headcount.basis, "rule": basis},
        "figures": figures(catalog, role),
        "models": [
            {"id": m.id, "name": m.name, "optional": e.optional}
            for m in catalog.models.values()
            for e in m.roles
            if e.role == role.id
        ],
        "rules": [r.id for r in catalog.rules.values() if any(a.role == role.id for a in r.add)],
        "sources": [source_json(catalog, s) for s in role.sources],
        "own_reading": role.own_reading,
    }


def all_figures(catalog: Catalog) -> list[dict[str, Any]]:
    """Every number in the catalog, where it is used, and where it comes from."""
    rows: list[dict[str, Any]] = []
    for role in catalog.roles.values():
        for item in figures(catalog, role):
            if item["what"].startswith(("added from",)) or (
                " per seat" in item["what"]
                and any(item["what"].startswith(t.name) for t in catalog.tiers.values())
            ):
                continue  # listed under their rule or tier below
            rows.append({"entry": f"role {role.id}", **item})
    for tier in catalog.tiers.values():
        entry = f"tier {tier.id}"
        rows.append(
            {"entry": entry, **figure(catalog, "accounts per seat", tier.accounts_per_seat)}
        )
        if tier.arr_per_seat is not None:
            rows.append({"entry": entry, **figure(catalog, "ARR per seat", tier.arr_per_seat)})
        rows.append(
            {"entry": entry, **figure(catalog, "typical annual contract value", tier.typical_acv)}
        )
    for mix in catalog.tier_mixes.values():
        for share in mix.shares:
            named = catalog.tiers.get(share.tier)
            what = f"share of accounts in {named.name if named else share.tier}"
            row = figure(catalog, what, share.share)
            row["note"] = row["note"] or mix.note  # a mix explains its shares once
            rows.append({"entry": f"tier mix {mix.id}", **row})
    for benchmark in catalog.benchmarks.values():
        for edge, bound in (("low", benchmark.low), ("high", benchmark.high)):
            if bound is not None:
                what = f"{benchmark.metric}, {edge} end"
                rows.append({"entry": "benchmark", **figure(catalog, what, bound)})
    for rule in catalog.rules.values():
        when = rule.when
        if when.min_count is not None:
            what = f"applies from this many {catalog.title(when.min_count.role)} seats"
            rows.append(
                {"entry": f"rule {rule.id}", **figure(catalog, what, when.min_count.at_least)}
            )
        if when.min_customers is not None:
            what = "applies from this many accounts"
            rows.append({"entry": f"rule {rule.id}", **figure(catalog, what, when.min_customers)})
        if when.min_regions is not None:
            what = "applies from this many regions"
            rows.append({"entry": f"rule {rule.id}", **figure(catalog, what, when.min_regions)})
    for stage in catalog.stages.values():
        if stage.max_employees is not None:
            what = "inferred below this many employees"
            rows.append(
                {"entry": f"stage {stage.id}", **figure(catalog, what, stage.max_employees)}
            )
    return rows + cost_figures(catalog)


def cost_figures(catalog: Catalog) -> list[dict[str, Any]]:
    """Every number of the compensation catalog: bands, pay levels, rates, benchmarks."""
    rows: list[dict[str, Any]] = []
    for band in catalog.bands.values():
        for edge in ("low", "mid", "high"):
            what = f"annual cost of a seat, {edge} ({band.currency})"
            rows.append(
                {"entry": f"band {band.role}", **figure(catalog, what, getattr(band, edge))}
            )
    for region in catalog.pay_regions.values():
        what = "pay level against the bands"
        rows.append({"entry": f"region {region.id}", **figure(catalog, what, region.multiplier)})
    for currency in catalog.currencies.values():
        what = f"{currency.code} per US dollar, as of {currency.as_of}"
        rows.append(
            {"entry": f"currency {currency.code}", **figure(catalog, what, currency.per_usd)}
        )
    for benchmark in catalog.spend_benchmarks.values():
        what = f"share of ARR: {benchmark.name}"
        rows.append(
            {"entry": f"benchmark {benchmark.id}", **figure(catalog, what, benchmark.share)}
        )
    return rows
