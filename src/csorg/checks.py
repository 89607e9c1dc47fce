"""Checks across entries and files, once each file has passed its schema.

Every check is linear in the size of the catalog (lookups go through dicts and sets, never
pairwise comparisons), so thousands of roles and models validate in proportion.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Protocol

from csorg.errors import suggestion
from csorg.lookup import normal_title
from csorg.schema import (
    TOUCHES,
    BusinessModel,
    Catalog,
    Count,
    Figure,
    Match,
    Role,
    Share,
)

if TYPE_CHECKING:
    from csorg.yamlload import Document, KeyPath

    Origins = dict[tuple[str, str], tuple[Document, KeyPath]]

ROOT = "ceo"
MAX_SPAN = 12


class Reporter(Protocol):
    def add(self, doc: Document, path: KeyPath, message: str, *, key: bool = False) -> None: ...


class _Checker:
    def __init__(self, catalog: Catalog, origins: Origins, report: Reporter) -> None:
        self.catalog = catalog
        self.origins = origins
        self.report = report

    def problem(self, section: str, entry_id: str, rest: KeyPath, message: str) -> None:
        origin = self.origins.get((section, entry_id))
        if origin is None:  # pragma: no cover - every entry has an origin
            return
        doc, path = origin
        self.report.add(doc, (*path, *rest), message)

    def ref(
        self,
        section: str,
        entry_id: str,
        rest: KeyPath,
        kind: str,
        value: str,
        known: dict[str, Any],
    ) -> bool:
        if value in known:
            return True
        self.problem(
            section, entry_id, rest, f"unknown {kind} {value!r}{suggestion(value, list(known))}"
        )
        return False

    # roles ------------------------------------------------------------------------------

    def roles(self) -> None:
        catalog = self.catalog
        roles = catalog.roles
        if ROOT not in roles:
            for (section, entry_id), _ in self.origins.items():
                if section == "roles":
                    self.problem(
                        "roles",
                        entry_id,
                        ("id",),
                        "the catalog has no `ceo` role, the root of every org",
                    )
                    break
        managers_named: set[str] = set()
        for role in roles.values():
            managers_named.update(role.reports_to)
        titles: dict[str, str] = {}
        for role in roles.values():
            self.role(role, role.id in managers_named)
            for index, name in enumerate((role.title, *role.aliases)):
                key = normal_title(name)
                owner = titles.setdefault(key, role.id)
                if owner != role.id:
                    where: KeyPath = ("title",) if index == 0 else ("aliases", index - 1)
                    self.problem(
                        "roles",
                        role.id,
                        where,
                        f"{name!r} already names role {owner!r}; "
                        "a title or alias must name one role",
                    )
        for area in catalog.areas.values():
            for i, source in enumerate(area.sources):
                self.ref("areas", area.id, ("sources", i), "source", source, catalog.sources)

    def role(self, role: Role, is_manager: bool) -> None:
        catalog = self.catalog
        rid = role.id
        self.ref("roles", rid, ("area",), "area", role.area, catalog.areas)
        if rid == ROOT:
            if role.reports_to:
                self.problem("roles", rid, ("reports_to",), "the root `ceo` reports to no one")
            if role.level != 0:
                self.problem("roles", rid, ("level",), "the root `ceo` has level 0")
        else:
            if not role.reports_to:
                self.problem("roles", rid, ("reports_to",), "list at least one preferred manager")
            if role.level == 0:
                self.problem("roles", rid, ("level",), "level 0 is the root's; use 1 or more")
        seen: set[str] = set()
        for i, manager_id in enumerate(role.reports_to):
            if manager_id in seen:
                self.problem("roles", rid, ("reports_to", i), f"{manager_id!r} is listed twice")
            seen.add(manager_id)
            if manager_id == rid:
                self.problem("roles", rid, ("reports_to", i), "a role cannot report to itself")
                continue
            if not self.ref("roles", rid, ("reports_to", i), "role", manager_id, catalog.roles):
                continue
            manager = catalog.roles[manager_id]
            if manager.level >= role.level:
                self.problem(
                    "roles",
                    rid,
                    ("reports_to", i),
                    f"managers must rank higher: {manager_id!r} has level {manager.level}, "
                    f"not below this role's {role.level}",
                )
        for i, difference in enumerate(role.differs_from):
            self.ref(
                "roles", rid, ("differs_from", i, "role"), "role", difference.role, catalog.roles
            )
        for i, source in enumerate(role.sources):
            self.ref("roles", rid, ("sources", i), "source", source, catalog.sources)
        headcount = role.headcount
        if headcount.basis == "coverage" and headcount.accounts_per_seat is None:
            self.problem("roles", rid, ("headcount",), "basis `coverage` needs accounts_per_seat")
        if headcount.basis == "ratio":
            ratio = headcount.ratio
            if ratio is None:
                self.problem("roles", rid, ("headcount",), "basis `ratio` needs ratio")
            elif self.ref(
                "roles", rid, ("headcount", "ratio", "per"), "role", ratio.per, catalog.roles
            ):
                per = catalog.roles[ratio.per]
                if per.headcount.basis not in ("one", "coverage"):
                    self.problem(
                        "roles",
                        rid,
                        ("headcount", "ratio", "per"),
                        f"a ratio must be of a role counted by `one` or `coverage`; "
                        f"{ratio.per!r} is counted by `{per.headcount.basis}`",
                    )
        if headcount.basis == "span" and role.span is None:
            self.problem("roles", rid, ("span",), "basis `span` needs a span")
        if is_manager and role.span is None:
            self.problem(
                "roles", rid, ("span",), "roles list this role as a manager, so it needs a span"
            )
        if role.span is not None and role.span.value > MAX_SPAN:
            self.problem(
                "roles",
                rid,
                ("span", "value"),
                f"a span above {MAX_SPAN} direct reports is not allowed (got {role.span.value})",
            )

    # provenance -------------------------------------------------------------------------

    def numbers(self) -> None:
        for section in ("roles", "models", "stages", "rules"):
            for entry_id, entry in getattr(self.catalog, section).items():
                for rest, number in _numbers(entry, ()):
                    self.provenance(section, entry_id, rest, number)

    def provenance(
        self, section: str, entry_id: str, rest: KeyPath, number: Figure | Count | Share
    ) -> None:
        if number.source is not None:
            self.ref(
                section, entry_id, (*rest, "source"), "source", number.source, self.catalog.sources
            )
            if number.heuristic:
                self.problem(
                    section,
                    entry_id,
                    (*rest, "heuristic"),
                    "a number with a source is not a heuristic",
                )
        elif not number.heuristic:
            self.problem(
                section,
                entry_id,
                rest,
                "every number needs a `source` or `heuristic: true` with a `note` saying why",
            )
        elif not number.note:
            self.problem(
                section, entry_id, (*rest, "note"), "a heuristic needs a `note` saying why"
            )

    # business models ----------------------------------------------------------------------

    def business_models(self) -> None:
        catalog = self.catalog
        open_ended = [s for s in catalog.stages.values() if s.max_employees is None]
        for stage in open_ended[1:]:
            self.problem(
                "stages",
                stage.id,
                ("max_employees",),
                "only the largest stage may leave max_employees empty",
            )
        thresholds: dict[int, str] = {}
        for stage in catalog.stages.values():
            if stage.max_employees is not None:
                other = thresholds.setdefault(stage.max_employees.value, stage.id)
                if other != stage.id:
                    self.problem(
                        "stages", stage.id, ("max_employees",), f"same threshold as stage {other!r}"
                    )
        for seg in catalog.segmentations.values():
            if len(set(seg.default_segments)) != len(seg.default_segments):
                self.problem(
                    "segmentations", seg.id, ("default_segments",), "segments must be unique"
                )
            if len(seg.default_segments) == 1:
                self.problem(
                    "segmentations",
                    seg.id,
                    ("default_segments",),
                    "give at least two segments, or none",
                )
            for i, source in enumerate(seg.sources):
                self.ref("segmentations", seg.id, ("sources", i), "source", source, catalog.sources)
        claimed: dict[tuple[str, str, bool], str] = {}
        for model in catalog.models.values():
            self.model(model, claimed)
        for rule in catalog.rules.values():
            self.rule(rule)
        for index, hat in enumerate(catalog.hats):
            key = ("hats", str(index))
            if key not in self.origins:
                continue
            self.ref("hats", str(index), ("role",), "role", hat.role, catalog.roles)
            if hat.role == ROOT:
                self.problem("hats", str(index), ("role",), "the root cannot be combined away")
            for i, into in enumerate(hat.into):
                self.ref("hats", str(index), ("into", i), "role", into, catalog.roles)
                if into == hat.role:
                    self.problem(
                        "hats", str(index), ("into", i), "a role cannot be combined into itself"
                    )

    def model(self, model: BusinessModel, claimed: dict[tuple[str, str, bool], str]) -> None:
        catalog = self.catalog
        mid = model.id
        seen: set[str] = set()
        for i, entry in enumerate(model.roles):
            if entry.role in seen:
                self.problem("models", mid, ("roles", i, "role"), f"{entry.role!r} is listed twice")
            seen.add(entry.role)
            self.ref("models", mid, ("roles", i, "role"), "role", entry.role, catalog.roles)
        for i, source in enumerate(model.sources):
            self.ref("models", mid, ("sources", i), "source", source, catalog.sources)
        total = 0.0
        for i, share in enumerate(model.accounts):
            total += share.share.value
            if share.role not in seen:
                self.problem(
                    "models",
                    mid,
                    ("accounts", i, "role"),
                    f"{share.role!r} is not one of the model's roles",
                )
            elif (
                share.role in catalog.roles
                and catalog.roles[share.role].headcount.basis != "coverage"
            ):
                self.problem(
                    "models",
                    mid,
                    ("accounts", i, "role"),
                    f"{share.role!r} is not counted by coverage",
                )
        if total > 1.0 + 1e-9:
            self.problem(
                "models", mid, ("accounts",), f"account shares add up to {total:g}, more than 1"
            )
        if model.match is not None:
            self.match(model, model.match, claimed)
        if all(entry.role in catalog.roles for entry in model.roles):
            self.tree(model)

    def match(
        self, model: BusinessModel, match: Match, claimed: dict[tuple[str, str, bool], str]
    ) -> None:
        catalog = self.catalog
        stages = match.stage if match.stage is not None else tuple(catalog.stages)
        for i, stage in enumerate(match.stage or ()):
            self.ref("models", model.id, ("match", "stage", i), "stage", stage, catalog.stages)
        touches = match.touch if match.touch is not None else TOUCHES
        plgs = (match.plg,) if match.plg is not None else (False, True)
        clashes: set[str] = set()
        for stage in stages:
            for touch in touches:
                for plg in plgs:
                    other = claimed.setdefault((stage, touch, plg), model.id)
                    if other != model.id and other not in clashes:
                        clashes.add(other)
                        flag = " --plg" if plg else ""
                        self.problem(
                            "models",
                            model.id,
                            ("match",),
                            f"matches the same inputs as model {other!r} "
                            f"(e.g. --stage {stage} --touch {touch}{flag}); "
                            "each input must choose one model",
                        )

    def tree(self, model: BusinessModel) -> None:
        """The model, with and without its optional roles, is one tree under the CEO."""
        catalog = self.catalog
        extra = self.possible_rule_roles(model)
        full = [e.role for e in model.roles] + [r for r in extra if r in catalog.roles]
        required = [e.role for e in model.roles if not e.optional]
        for present in (full, required):
            ids = {ROOT, *present}
            leaders = {r for r in ids if r != ROOT and catalog.roles[r].span is not None}
            for role_id in sorted(ids - {ROOT}):
                role = catalog.roles[role_id]
                manager = next((m for m in role.reports_to if m in ids), None)
                index = next((i for i, e in enumerate(model.roles) if e.role == role_id), None)
                where: KeyPath = ("roles", index, "role") if index is not None else ("roles",)
                if manager is None:
                    self.problem(
                        "models",
                        model.id,
                        where,
                        f"{role_id!r} has no manager in this model: none of its reports_to "
                        f"({', '.join(role.reports_to) or 'none'}) is present",
                    )
                elif manager == ROOT and role.span is None and leaders:
                    self.problem(
                        "models",
                        model.id,
                        where,
                        f"{role_id!r} would report straight to the CEO although "
                        f"{sorted(leaders)[0]!r} leads CS; add a leader to its reports_to",
                    )
            if present is required and required == full:
                break

    def possible_rule_roles(self, model: BusinessModel) -> list[str]:
        """Roles a rule could add to this model (conditions on inputs are ignored)."""
        out: list[str] = []
        for rule in self.catalog.rules.values():
            when = rule.when
            if when.model is not None and model.id not in when.model:
                continue
            stages = model.match.stage if model.match is not None else None
            if stages is not None and when.stage is not None and not set(when.stage) & set(stages):
                continue
            out.extend(e.role for e in rule.add if e.role not in rule.remove)
        return out

    def rule(self, rule: Any) -> None:
        catalog = self.catalog
        rid = rule.id
        when = rule.when
        for i, stage in enumerate(when.stage or ()):
            self.ref("rules", rid, ("when", "stage", i), "stage", stage, catalog.stages)
        for i, model_id in enumerate(when.model or ()):
            self.ref("rules", rid, ("when", "model", i), "model", model_id, catalog.models)
        for i, trait in enumerate(when.traits or ()):
            self.ref("rules", rid, ("when", "traits", i), "trait", trait, catalog.traits)
        if when.min_count is not None:
            self.ref(
                "rules",
                rid,
                ("when", "min_count", "role"),
                "role",
                when.min_count.role,
                catalog.roles,
            )
        for i, entry in enumerate(rule.add):
            self.ref("rules", rid, ("add", i, "role"), "role", entry.role, catalog.roles)
        for i, role_id in enumerate(rule.remove):
            self.ref("rules", rid, ("remove", i), "role", role_id, catalog.roles)
            if role_id == ROOT:
                self.problem("rules", rid, ("remove", i), "the root cannot be removed")
        for i, source in enumerate(rule.sources):
            self.ref("rules", rid, ("sources", i), "source", source, catalog.sources)
        if not rule.add and not rule.remove:
            self.problem("rules", rid, (), "a rule must add or remove at least one role")


_LEAVES = (str, int, float, bool, type(None))
_FIELDS: dict[type, tuple[str, ...]] = {}


def _numbers(value: Any, path: KeyPath) -> Iterator[tuple[KeyPath, Figure | Count | Share]]:
    """Every Figure, Count and Share inside an entry, with its path (field names cached)."""
    if isinstance(value, Figure | Count | Share):
        yield path, value
        return
    if isinstance(value, tuple):
        for i, item in enumerate(value):
            if not isinstance(item, _LEAVES):
                yield from _numbers(item, (*path, i))
        return
    kind = type(value)
    names = _FIELDS.get(kind)
    if names is None:
        names = (
            tuple(f.name for f in dataclasses.fields(value))
            if dataclasses.is_dataclass(value)
            else ()
        )
        _FIELDS[kind] = names
    for name in names:
        item = getattr(value, name)
        if not isinstance(item, _LEAVES):
            yield from _numbers(item, (*path, name))


def check_catalog(catalog: Catalog, origins: Origins, report: Reporter) -> None:
    checker = _Checker(catalog, origins, report)
    checker.roles()
    checker.numbers()
    checker.business_models()
