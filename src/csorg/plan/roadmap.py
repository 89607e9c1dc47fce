"""`csorg plan`: the ordered hiring roadmap from one recommended org to another.

Both ends are ordinary recommendations (:func:`csorg.engine.recommend`); the plan is their
difference: roles to add (new ones, or more seats of existing ones), roles to retire (or fewer
seats), and roles whose manager changes. Steps are ordered so that a manager is hired before
the people who will report to them, each move follows the hire of its new manager, and
retirements come last, once their work has somewhere to go. Every step carries the reason
from the recommendation and the trigger from the role's ``when_to_add`` in the catalog.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from csorg.catalog.schema import ROOT_ROLE, TOUCHES, Catalog
from csorg.engine.inputs import Request
from csorg.engine.recommend import recommend
from csorg.engine.result import Recommendation, RoleEntry
from csorg.engine.structure import condition_holds
from csorg.errors import CsorgError, UsageError, suggestion
from csorg.text import plural

SPEC_FORMAT = "STAGE/TOUCH[/plg]"


@dataclass(frozen=True)
class Spec:
    """One end of a plan as written on the command line: ``scaling/high/plg``."""

    stage: str
    touch: str
    plg: bool

    def __str__(self) -> str:
        return f"{self.stage}/{self.touch}" + ("/plg" if self.plg else "")


def parse_spec(catalog: Catalog, text: str, flag: str) -> Spec:
    """Read ``STAGE/TOUCH[/plg]``; a malformed or unknown value is a usage error (exit 2)."""
    parts = [p.strip().lower() for p in text.split("/")]
    stages = ", ".join(catalog.stages)
    shape = (
        f"{flag} takes {SPEC_FORMAT}, for example startup/high or scaling/high/plg "
        f"(stages: {stages}; touches: {', '.join(TOUCHES)})"
    )
    if len(parts) not in (2, 3) or not all(parts):
        raise UsageError(f"invalid value for {flag}: {text!r}; {shape}")
    stage, touch = parts[0], parts[1]
    if stage not in catalog.stages:
        raise UsageError(
            f"invalid value for {flag}: {stage!r} is not a known stage"
            f"{suggestion(stage, list(catalog.stages))}; choose from: {stages}"
        )
    if touch not in TOUCHES:
        raise UsageError(
            f"invalid value for {flag}: touch {touch!r} is not one of: {', '.join(TOUCHES)}"
        )
    if len(parts) == 3 and parts[2] != "plg":
        raise UsageError(
            f"invalid value for {flag}: {text!r}; after STAGE/TOUCH only /plg may follow"
        )
    return Spec(stage, touch, len(parts) == 3)


def target_request(start: Request, **given: Any) -> Request:
    """The target's request: the start's values, except those given for the target (any
    company input: ``customers``, ``arr``, ``budget``, ``regions``, ...).

    A new ``segment_by`` does not inherit the start's segments (they name another kind of
    segment): without ``segments`` it takes its catalog defaults.
    """
    changes = {name: value for name, value in given.items() if value is not None}
    if "segment_by" in changes:
        changes.setdefault("segments", ())
    return replace(start, **changes)


# -- the roadmap ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Addition:
    role: str
    title: str
    count: int  # seats to add
    before: int  # seats at the start
    after: int  # seats in the target
    reports_to: str | None
    why: str
    trigger: str

    @property
    def new(self) -> bool:
        return self.before == 0

    def as_json(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "title": self.title,
            "count": self.count,
            "why": self.why,
            "new": self.new,
            "from_count": self.before,
            "to_count": self.after,
            "reports_to": self.reports_to,
            "trigger": self.trigger,
        }


@dataclass(frozen=True)
class Removal:
    role: str
    title: str
    count: int  # seats to remove
    before: int
    after: int
    why: str
    replaced_by: str | None  # the role its work passes to, when the whole role goes
    trigger: str

    @property
    def retired(self) -> bool:
        return self.after == 0

    def as_json(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "title": self.title,
            "count": self.count,
            "why": self.why,
            "retired": self.retired,
            "from_count": self.before,
            "to_count": self.after,
            "replaced_by": self.replaced_by,
            "people_move_to": self.replaced_by,
            "trigger": self.trigger,
        }


@dataclass(frozen=True)
class Move:
    role: str
    title: str
    old: str | None  # the manager role at the start
    new: str | None  # the manager role in the target
    why: str
    trigger: str

    def as_json(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "title": self.title,
            "from": self.old,
            "to": self.new,
            "why": self.why,
            "trigger": self.trigger,
        }


@dataclass(frozen=True)
class Step:
    order: int
    action: str  # add | move | remove
    role: str
    title: str
    why: str
    trigger: str
    count: int | None = None  # add and remove
    old: str | None = None  # move: the manager role before
    new: str | None = None  # move: the manager role after

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "order": self.order,
            "action": self.action,
            "role": self.role,
            "title": self.title,
            "why": self.why,
            "trigger": self.trigger,
        }
        if self.action == "move":
            data["from"] = self.old
            data["to"] = self.new
        else:
            data["count"] = self.count
        return data


@dataclass(frozen=True)
class Roadmap:
    start_spec: Spec
    target_spec: Spec
    start: Recommendation
    target: Recommendation
    add: tuple[Addition, ...]
    remove: tuple[Removal, ...]
    move: tuple[Move, ...]
    steps: tuple[Step, ...]

    @property
    def hires(self) -> int:
        return sum(a.count for a in self.add)

    @property
    def departures(self) -> int:
        return sum(r.count for r in self.remove)

    def as_json(self) -> dict[str, Any]:
        return {
            "from": _end_json(self.start_spec, self.start),
            "to": _end_json(self.target_spec, self.target),
            "add": [a.as_json() for a in self.add],
            "remove": [r.as_json() for r in self.remove],
            "move": [m.as_json() for m in self.move],
            "steps": [s.as_json() for s in self.steps],
            "summary": {
                "seats_from": self.start.total_seats,
                "seats_to": self.target.total_seats,
                "seats_added": self.hires,
                "seats_removed": self.departures,
                "moves": len(self.move),
                "steps": len(self.steps),
            },
        }


def _end_json(spec: Spec, rec: Recommendation) -> dict[str, Any]:
    return {
        "spec": str(spec),
        "stage": rec.inputs.stage,
        "touch": rec.inputs.touch,
        "plg": rec.inputs.plg,
        "model": {"id": rec.model_id, "name": rec.model_name},
        "inputs": rec.inputs.as_json(),
        "total_seats": rec.total_seats,
        "roles": [
            {
                "role": r.id,
                "title": r.title,
                "count": r.count,
                "reports_to": r.reports_to,
                "optional": r.optional,
            }
            for r in rec.roles
        ],
        "warnings": list(rec.warnings),
        "notes": list(rec.notes),
    }


_OWN_FLAGS = re.compile(r"--(customers|headcount|regions|segment-by|segments|trait|model)\b")


def _recommend_end(catalog: Catalog, request: Request, flag: str, spec: Spec) -> Recommendation:
    """A recommendation for one end; errors say which end (and the target's own flags)."""
    try:
        return recommend(catalog, request)
    except UsageError as error:
        message = error.message
        if flag == "--to":
            message = _OWN_FLAGS.sub(r"--to-\1", message)
        raise UsageError(f"{flag} {spec}: {message}") from None
    except CsorgError as error:
        raise CsorgError(f"{flag} {spec}: {error.message}", error.problems) from None


def make_plan(
    catalog: Catalog, start_spec: str, target_spec: str, start: Request, target: Request
) -> Roadmap:
    """The roadmap from the org recommended for ``start`` to the one for ``target``.

    The requests' stage, touch and plg come from the specs (``STAGE/TOUCH[/plg]``).
    """
    a = parse_spec(catalog, start_spec, "--from")
    b = parse_spec(catalog, target_spec, "--to")
    before = _recommend_end(
        catalog, replace(start, stage=a.stage, touch=a.touch, plg=a.plg, seats=False), "--from", a
    )
    after = _recommend_end(
        catalog, replace(target, stage=b.stage, touch=b.touch, plg=b.plg, seats=False), "--to", b
    )
    return diff(catalog, a, b, before, after)


def diff(
    catalog: Catalog, a: Spec, b: Spec, before: Recommendation, after: Recommendation
) -> Roadmap:
    old = {r.id: r for r in before.roles}
    new = {r.id: r for r in after.roles}
    position = {r.id: i for i, r in enumerate(after.roles)}
    old_position = {r.id: i for i, r in enumerate(before.roles)}

    additions: list[Addition] = []
    for entry in after.roles:
        if entry.id == ROOT_ROLE:
            continue
        was = old.get(entry.id)
        count = entry.count - (was.count if was else 0)
        if count <= 0:
            continue
        additions.append(
            Addition(
                role=entry.id,
                title=entry.title,
                count=count,
                before=was.count if was else 0,
                after=entry.count,
                reports_to=entry.reports_to,
                why=_addition_reason(catalog, entry, was, before),
                trigger=_trigger(catalog, entry.id),
            )
        )
    additions.sort(key=lambda x: (catalog.roles[x.role].level, position[x.role]))

    moves = [
        Move(
            role=entry.id,
            title=entry.title,
            old=old[entry.id].reports_to,
            new=entry.reports_to,
            why=_move_reason(catalog, entry, old[entry.id], old, new),
            trigger=_move_trigger(catalog, old[entry.id], entry, old, new),
        )
        for entry in after.roles
        if entry.id in old and old[entry.id].reports_to != entry.reports_to
    ]

    removals: list[Removal] = []
    for entry in before.roles:
        if entry.id == ROOT_ROLE:
            continue
        now = new.get(entry.id)
        count = entry.count - (now.count if now else 0)
        if count <= 0:
            continue
        successor = None if now else _successor(catalog, entry.id, before, after)
        removals.append(
            Removal(
                role=entry.id,
                title=entry.title,
                count=count,
                before=entry.count,
                after=now.count if now else 0,
                why=_removal_reason(catalog, entry, now, after, successor),
                replaced_by=successor,
                trigger=_removal_trigger(catalog, successor, old),
            )
        )
    # the people who report to a role leave (or move) before the role itself
    removals.sort(key=lambda x: (-catalog.roles[x.role].level, old_position[x.role]))

    steps = _steps(additions, moves, removals)
    return Roadmap(a, b, before, after, tuple(additions), tuple(removals), tuple(moves), steps)


def _steps(
    additions: list[Addition], moves: list[Move], removals: list[Removal]
) -> tuple[Step, ...]:
    """Hires by rank (managers before their reports), each followed by the moves to the new
    manager; then moves to managers already in place; retirements last."""
    out: list[Step] = []

    def step(**fields: Any) -> None:
        out.append(Step(order=len(out) + 1, **fields))

    placed: set[str] = set()
    for add in additions:
        step(
            action="add",
            role=add.role,
            title=add.title,
            why=add.why,
            trigger=add.trigger,
            count=add.count,
        )
        if not add.new:
            continue
        for move in moves:
            if move.new == add.role:
                placed.add(move.role)
                step(
                    action="move",
                    role=move.role,
                    title=move.title,
                    why=move.why,
                    trigger=move.trigger,
                    old=move.old,
                    new=move.new,
                )
    for move in moves:
        if move.role not in placed:
            step(
                action="move",
                role=move.role,
                title=move.title,
                why=move.why,
                trigger=move.trigger,
                old=move.old,
                new=move.new,
            )
    for removal in removals:
        step(
            action="remove",
            role=removal.role,
            title=removal.title,
            why=removal.why,
            trigger=removal.trigger,
            count=removal.count,
        )
    return tuple(out)


# -- reasons --------------------------------------------------------------------------------


def _trigger(catalog: Catalog, role_id: str) -> str:
    return " ".join(catalog.roles[role_id].when_to_add.split())


def _move_trigger(
    catalog: Catalog,
    was: RoleEntry,
    entry: RoleEntry,
    old: dict[str, RoleEntry],
    new: dict[str, RoleEntry],
) -> str:
    if entry.reports_to is not None and entry.reports_to not in old:
        return f"once the {catalog.title(entry.reports_to)} is in place"
    if was.reports_to is not None and was.reports_to not in new:
        return f"before the {catalog.title(was.reports_to)} role is retired"
    return "when the target structure is adopted"


def _removal_trigger(catalog: Catalog, successor: str | None, old: dict[str, RoleEntry]) -> str:
    if successor is None:
        return "once the target structure is in place"
    if successor not in old:
        return f"once the {catalog.title(successor)} is in place"
    return f"once its work has passed to the {catalog.title(successor)}"


def _change(before: int, after: int) -> str:
    return f"{before} → {plural(after, 'seat')}"


def _join(reasons: list[str]) -> str:
    """Reasons as one text: sentences from the catalog lose their final full stop."""
    return "; ".join(" ".join(r.split()).rstrip(".") for r in reasons if r.strip())


def _addition_reason(
    catalog: Catalog, entry: RoleEntry, was: RoleEntry | None, before: Recommendation
) -> str:
    if was is None:
        reasons = list(entry.rationale)
        host = next((r for r in before.roles if entry.id in r.covers), None)
        if host is not None:
            reasons.append(
                f"today the {host.title} also covers it (headcount budget); it becomes a seat "
                "of its own"
            )
        return _join(reasons)
    sizing = [r for r in entry.rationale if r not in was.rationale]
    return _join([_change(was.count, entry.count), *sizing])


def _move_reason(
    catalog: Catalog,
    entry: RoleEntry,
    was: RoleEntry,
    old: dict[str, RoleEntry],
    new: dict[str, RoleEntry],
) -> str:
    target = catalog.title(entry.reports_to) if entry.reports_to else "no one"
    previous = catalog.title(was.reports_to) if was.reports_to else "no one"
    preference = f"the {target} is the first of its preferred managers in the target structure"
    if was.reports_to is not None and was.reports_to not in new:
        return f"the {previous} role goes; {preference}"
    if entry.reports_to is not None and entry.reports_to not in old:
        return f"the {target} joins the org and comes before the {previous} in its reporting line"
    return f"{preference}, not the {previous}"


def _successor(
    catalog: Catalog, role_id: str, before: Recommendation, after: Recommendation
) -> str | None:
    """The role a retired role's work passes to, from the catalog: the seat the budget
    combines it into, else the role a rule brings in to replace it, else the new manager of
    most of its former reports, else the first role its hats name."""
    host = next((r.id for r in after.roles if role_id in r.covers), None)
    if host is not None:
        return host
    present = {r.id: r for r in after.roles}
    counts = {r.id: r.count for r in after.roles}
    for rule in catalog.rules.values():
        if role_id not in rule.remove or not condition_holds(
            rule.when, after.inputs, after.model_id, counts
        ):
            continue
        added = [e.role for e in rule.add if e.role in present]
        if added:
            # the added role nearest in rank to the one it replaces
            return max(added, key=lambda r: (catalog.roles[r].level, -list(present).index(r)))
    reports = [r.id for r in before.roles if r.reports_to == role_id and r.id in present]
    managers = Counter(m for r in reports if (m := present[r].reports_to) is not None)
    if managers:
        order = list(present)
        return min(
            managers,
            key=lambda m: (-managers[m], catalog.roles[m].level, order.index(m)),
        )
    for hat in catalog.hats:
        if hat.role == role_id:
            return next((h for h in hat.into if h in present), None)
    return None


def _removal_reason(
    catalog: Catalog,
    entry: RoleEntry,
    now: RoleEntry | None,
    after: Recommendation,
    successor: str | None,
) -> str:
    if now is not None:
        sizing = [r for r in now.rationale if r not in entry.rationale]
        return _join([_change(entry.count, now.count), *sizing])
    counts = {r.id: r.count for r in after.roles}
    reasons: list[str] = []
    for rule in catalog.rules.values():
        if entry.id in rule.remove and condition_holds(
            rule.when, after.inputs, after.model_id, counts
        ):
            reasons.append(f"rule {rule.id}: {rule.why}")
    if not reasons:
        host = next((r for r in after.roles if entry.id in r.covers), None)
        model = catalog.models.get(after.model_id)
        listed = next((m for m in model.roles if m.role == entry.id), None) if model else None
        if host is not None:
            reasons.append(f"the headcount budget combines it into the {host.title}")
        elif listed is not None and listed.optional and not after.inputs.optional:
            reasons.append(f"optional in the {after.model_name} structure, left out")
        else:
            reasons.append(f"not part of the {after.model_name} structure")
    if successor is not None:
        reasons.append(f"its work passes to the {catalog.title(successor)}")
        notes = [d.note for d in catalog.roles[entry.id].differs_from if d.role == successor]
        reasons += notes
    return _join(reasons)
