"""The audit's result and its JSON form (the contract documented in docs/plan-audit.md)."""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from csorg.audit.benchmarks import coverage
from csorg.audit.changes import Change
from csorg.audit.context import SEVERITIES, Context, Finding, Severity
from csorg.audit.placement import spread
from csorg.audit.rules.layers import recommended_depths
from csorg.audit.rules.management_ratio import ratios
from csorg.audit.titles.custom import Suggested

SCHEMA_VERSION = 2


@dataclass(frozen=True)
class Audit:
    ctx: Context
    findings: tuple[Finding, ...]
    changes: tuple[Change, ...]

    @property
    def chart(self) -> Any:
        return self.ctx.chart

    @property
    def rec(self) -> Any:
        return self.ctx.rec

    @property
    def seats(self) -> int:
        """Seats in the chart, open ones included; a CEO at the top is not a CS seat."""
        return self.ctx.facts.total.seats

    def total(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def fails(self, threshold: Severity) -> bool:
        """Whether there are findings of ``threshold`` severity or worse."""
        worst = SEVERITIES.index(threshold)
        return any(SEVERITIES.index(f.severity) <= worst for f in self.findings)

    def by_person(self) -> dict[str, list[Finding]]:
        """Each person's findings (a finding about several people is on each of them)."""
        out: dict[str, list[Finding]] = {}
        for finding in self.findings:
            for person in finding.people:
                out.setdefault(person, []).append(finding)
        return out

    def suggestions(self) -> list[Suggested]:
        """The titles a starting title map should hold: unmapped in CS, or asked about."""
        ctx = self.ctx
        entries: dict[str, Suggested] = {}
        for person_id in ctx.facts.order:
            reading = ctx.readings[person_id]
            person = ctx.chart.by_id[person_id]
            if reading.method in ("role-column", "map"):
                continue
            if reading.suggested is None and reading.in_cs:
                note = "no catalog role matches: set the role, or null if it is not CS"
            elif reading.ask is not None and reading.suggested is not None:
                if reading.role:
                    note = f"counted as {reading.role}: {reading.ask}"
                else:
                    note = f"outside CS, so null; {reading.suggested} if it is CS: {reading.ask}"
            elif reading.suggested is None and person_id != ctx.chart.root:
                note = "outside Customer Success (not audited)"
            else:
                continue
            found = entries.get(person.title)
            people = found.people + 1 if found else 1
            entries[person.title] = Suggested(person.title, reading.role, note, people)
        return list(entries.values())

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in json_parts(self):
            if key == "mapping":
                out[key] = dict(value)
            elif isinstance(value, Iterator):
                out[key] = list(value)
            else:
                out[key] = value
        return out


def json_parts(audit: Audit) -> Iterator[tuple[str, Any]]:
    """The JSON contract's parts in order; the long ones (findings, people, ...) as iterators
    of items, so a writer can stream a chart of any size."""
    ctx = audit.ctx
    yield "findings", (f.as_json() for f in audit.findings)
    yield "mapping", ((p, ctx.readings[p].role) for p in ctx.facts.order)
    yield "summary", summary(audit)
    yield "metrics", metrics(audit)
    yield "changes", (c.as_json() for c in audit.changes)
    yield "titles", iter(titles(audit))
    yield "reading", {"columns": ctx.chart.columns, "notes": ctx.chart.notes}
    yield "people", people(audit)
    yield "version", SCHEMA_VERSION


# -- JSON parts ---------------------------------------------------------------------------


def summary(audit: Audit) -> dict[str, Any]:
    ctx = audit.ctx
    readings = ctx.readings.values()
    recommended = {r.id: r.count for r in ctx.rec.roles}
    roles: dict[str, dict[str, Any]] = {}
    for role_id, tally in ctx.facts.tallies.items():
        roles[role_id] = {"count": tally.seats, **tally.as_json(), "recommended": 0}
    for role_id, n in recommended.items():
        roles.setdefault(role_id, {"count": 0, "recommended": 0})["recommended"] = n
    total = ctx.facts.total
    return {
        "file": ctx.chart.file,
        "model": {"id": ctx.rec.model_id, "name": ctx.rec.model_name},
        "inputs": ctx.rec.inputs.as_json(),
        "people": len(ctx.chart.people),
        "seats": total.seats,
        "filled": total.filled,
        "open_seats": total.open,
        "contractors": total.contractors,
        "fte": round(total.fte, 2),
        "recommended_seats": ctx.rec.total_seats,
        "root": ctx.chart.root,
        "mapped": sum(1 for r in readings if r.role is not None),
        "unmapped": sum(1 for r in readings if r.role is None and r.in_cs),
        "outside_cs": sum(1 for r in readings if r.role is None and not r.in_cs),
        "asked": sum(1 for r in readings if r.ask is not None and r.suggested is not None),
        "close_matches": sum(1 for r in readings if r.method == "close-spelling"),
        "roles": roles,
        "coverage": coverage_json(audit),
        "findings": {s: audit.total(s) for s in SEVERITIES},
    }


def coverage_json(audit: Audit) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for role_id, bench in coverage(audit.ctx.rec, list(audit.ctx.facts.tallies)).items():
        fte = audit.ctx.facts.tallies[role_id].fte
        out[role_id] = {
            "accounts": round(bench.accounts, 2),
            "seats": round(fte, 2),
            "per_seat": round(bench.accounts / fte, 2) if fte else 0.0,
            "limit": round(bench.limit, 2),
            "planned_per_seat": round(bench.planned, 2) if bench.planned else 0.0,
        }
        if bench.arr is not None and bench.arr_limit is not None:
            out[role_id]["arr"] = round(bench.arr, 2)
            out[role_id]["arr_per_seat"] = round(bench.arr / fte, 2) if fte else 0.0
            out[role_id]["arr_limit"] = round(bench.arr_limit, 2)
    return out


def metrics(audit: Audit) -> dict[str, Any]:
    ctx = audit.ctx
    managers, ics, chart_ratio, planned_ratio = ratios(ctx)
    spans = [n for n in ctx.facts.team.values() if n]
    planned_depth = recommended_depths(ctx)
    layers = {}
    for role_id, tally in ctx.facts.tallies.items():
        depths = [ctx.facts.depth[p] for p in tally.people]
        layers[role_id] = {
            "min": min(depths),
            "max": max(depths),
            "recommended": planned_depth.get(role_id),
        }
    widest = max(
        ctx.facts.team.items(), key=lambda kv: (kv[1], -ctx.facts.position[kv[0]]), default=None
    )
    return {
        "managers": managers,
        "individual_contributors": ics,
        "managers_per_ic": round(chart_ratio, 3) if chart_ratio is not None else None,
        "recommended_managers_per_ic": round(planned_ratio, 3)
        if planned_ratio is not None
        else None,
        "deepest": max(ctx.facts.depth.values()),
        "layers": layers,
        "median_span": statistics.median(spans) if spans else 0,
        "widest_span": {"id": widest[0], "reports": widest[1]} if widest else None,
        "regions": spread(ctx, "region"),
        "segments": spread(ctx, "segment"),
    }


def titles(audit: Audit) -> list[dict[str, Any]]:
    """Each distinct title once: how it was read and how many people hold it."""
    seen: dict[str, dict[str, Any]] = {}
    for person_id in audit.ctx.facts.order:
        person = audit.ctx.chart.by_id[person_id]
        reading = audit.ctx.readings[person_id]
        key = f"{person.title}\0{reading.role}\0{reading.method}"
        if key in seen:
            seen[key]["people"] += person.count
            continue
        seen[key] = {
            "title": person.title,
            "role": reading.role,
            "suggested": reading.suggested,
            "match": reading.method,
            "confidence": round(reading.confidence, 2),
            "rule": reading.rule,
            "ask": reading.ask,
            "segment": reading.title.segment,
            "region": reading.title.region,
            "people": person.count,
        }
    return list(seen.values())


def people(audit: Audit) -> Iterator[dict[str, Any]]:
    """Everyone in chart order (managers before their reports), whatever the row order."""
    ctx = audit.ctx
    for person_id in ctx.facts.order:
        person = ctx.chart.by_id[person_id]
        reading = ctx.readings[person.id]
        yield (
            {
                "id": person.id,
                "name": person.name,
                "title": person.title,
                "reports_to": person.reports_to,
                "line": person.line,
                "count": person.count,
                "role": reading.role,
                "match": reading.method,
                "confidence": round(reading.confidence, 2),
                "rule": reading.rule,
                "ask": reading.ask,
                "in_cs": reading.in_cs,
                "vacant": person.vacant,
                "employment": person.employment,
                "fte": person.fte,
                "region": reading.region,
                "segment": reading.segment,
                "dotted_to": list(person.dotted),
                "depth": ctx.facts.depth[person.id],
                "direct_reports": ctx.facts.team.get(person.id, 0),
            }
        )
