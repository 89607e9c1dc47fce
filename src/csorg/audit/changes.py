"""What would change if the company followed the recommendation: hires, promotions, moves
and roles that go, with the people concerned.

The chart is summed up as an org of roles (the roles people are read as, their filled seats,
and the manager role most of them report to) and handed to :func:`csorg.plan.diff` with the
recommendation as the target: the same roadmap `csorg plan` draws between two
recommendations, in the same order (managers hired before their reports, moves after the
hire of the new manager, roles that go last). Each step is then put in terms of people: who
moves, who could be promoted into a new manager role (someone of the role that will report
to it, leading people already or most senior by title), which open seats a hire fills.

Without ``--customers`` counts are not judged, so only roles that come or go, and moves, are
listed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Any, Literal

from csorg.audit.context import Context
from csorg.catalog.schema import ROOT_ROLE
from csorg.engine.result import Recommendation, RoleEntry
from csorg.plan import Spec, Step, diff

Action = Literal["hire", "promote", "move", "reassign"]
# seniority words of titles, most senior first: who is closest to a promotion
SENIORITY = ("principal", "staff", "lead", "senior", "sr", "snr", "iii", "3", "ii", "2")


@dataclass(frozen=True)
class Change:
    order: int
    action: Action
    role: str
    title: str
    why: str
    trigger: str
    count: int | None = None  # seats to add or that go
    people: tuple[str, ...] = ()  # who moves, who could be promoted, who holds a role that goes
    open: tuple[str, ...] = ()  # open seats already planned for a hire
    old: str | None = None  # move: the manager role now
    new: str | None = None  # move: the manager role recommended; hire: the manager role

    def as_json(self) -> dict[str, Any]:
        return {
            "order": self.order,
            "action": self.action,
            "role": self.role,
            "title": self.title,
            "count": self.count,
            "people": list(self.people),
            "open_seats": list(self.open),
            "from": self.old,
            "to": self.new,
            "why": self.why,
            "trigger": self.trigger,
        }


def current_org(ctx: Context) -> Recommendation:
    """The chart as an org of roles, in the recommendation's shape."""
    rec = ctx.rec
    planned = {r.id: r for r in rec.roles}
    entries = [
        RoleEntry(ROOT_ROLE, ctx.title(ROOT_ROLE), 1, None, False, _area(ctx, ROOT_ROLE), 0, ())
    ]
    for role_id, tally in ctx.facts.tallies.items():
        if role_id == ROOT_ROLE or not tally.filled:
            continue
        role = ctx.catalog.roles[role_id]
        managers = Counter(
            ctx.readings[boss].role
            for p in tally.people
            if (boss := ctx.chart.by_id[p].reports_to) is not None and ctx.readings[boss].role
        )
        if managers:
            manager = max(managers, key=lambda m: (managers[m], -_rank(ctx, m)))
        else:
            manager = planned[role_id].reports_to if role_id in planned else role.reports_to[0]
        entries.append(
            RoleEntry(role_id, role.title, tally.filled, manager, False, role.area, role.level, ())
        )
    return Recommendation(rec.model_id, rec.model_name, rec.inputs, tuple(entries))


def _area(ctx: Context, role_id: str) -> str:
    return ctx.catalog.roles[role_id].area


def _rank(ctx: Context, role_id: str | None) -> int:
    return list(ctx.catalog.roles).index(role_id) if role_id in ctx.catalog.roles else 0


def changes(ctx: Context) -> list[Change]:
    rec = ctx.rec
    spec = Spec(rec.inputs.stage, rec.inputs.touch, rec.inputs.plg)
    roadmap = diff(ctx.catalog, spec, spec, current_org(ctx), rec)
    sized = rec.inputs.customers is not None
    out: list[Change] = []
    for step in roadmap.steps:
        change = _person_terms(ctx, step, sized)
        if change is not None:
            out.append(change)
    return [replace(c, order=i + 1) for i, c in enumerate(out)]


def _person_terms(ctx: Context, step: Step, sized: bool) -> Change | None:
    tally = ctx.facts.tallies.get(step.role)
    have = tally.filled if tally else 0
    counted = sized or ctx.catalog.roles[step.role].headcount.basis == "one"
    if step.action == "add":
        if have and not counted:
            return None
        return _addition(ctx, step)
    if step.action == "remove":
        recommended = ctx.recommended.get(step.role)
        if recommended is not None and not counted:
            return None
        people = tuple(p for p in (tally.people if tally else ()) if not ctx.chart.by_id[p].vacant)
        return Change(
            0, "reassign", step.role, step.title, step.why, step.trigger, step.count, people
        )
    people = tuple(
        p
        for p in (tally.people if tally else ())
        if (boss := ctx.chart.by_id[p].reports_to) is not None
        and ctx.readings[boss].role == step.old
    )
    return Change(
        0,
        "move",
        step.role,
        step.title,
        step.why,
        step.trigger,
        len(people),
        people,
        old=step.old,
        new=step.new,
    )


def _addition(ctx: Context, step: Step) -> Change:
    tally = ctx.facts.tallies.get(step.role)
    opened = tuple(p for p in (tally.people if tally else ()) if ctx.chart.by_id[p].vacant)
    entry = ctx.recommended.get(step.role)
    manager = entry.reports_to if entry else None
    role = ctx.catalog.roles[step.role]
    candidates: tuple[str, ...] = ()
    if role.span is not None:
        candidates = _promotable(ctx, step.role, step.count or 0)
    action: Action = "promote" if candidates else "hire"
    return Change(
        0,
        action,
        step.role,
        step.title,
        step.why,
        step.trigger,
        step.count,
        candidates,
        opened,
        new=manager,
    )


def _promotable(ctx: Context, role_id: str, count: int) -> tuple[str, ...]:
    """People who could grow into a new seat of manager role ``role_id``: of a role that will
    report to it, leading people already or most senior by title."""
    reporting = {r.id for r in ctx.rec.roles if r.reports_to == role_id}
    found: list[tuple[int, int, int, str]] = []
    for report_role in reporting:
        tally = ctx.facts.tallies.get(report_role)
        for person_id in tally.people if tally else ():
            person = ctx.chart.by_id[person_id]
            if person.vacant or person.employment != "employee":
                continue
            words = ctx.readings[person_id].title.seniority
            senior = min(
                (SENIORITY.index(w) for w in words if w in SENIORITY), default=len(SENIORITY)
            )
            found.append(
                (
                    -ctx.facts.team.get(person_id, 0),
                    senior,
                    ctx.facts.position[person_id],
                    person_id,
                )
            )
    found.sort()
    return tuple(p for *_, p in found if _ready(ctx, p))[: max(count, 1)]


def _ready(ctx: Context, person_id: str) -> bool:
    """Someone who leads people already or has a seniority word in their title."""
    words = ctx.readings[person_id].title.seniority
    return bool(ctx.facts.team.get(person_id)) or any(w in SENIORITY for w in words)
