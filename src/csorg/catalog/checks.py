"""Checks across entries and files, once each file has passed its schema.

Every check is linear in the size of the catalog (lookups go through dicts and sets, never
pairwise comparisons), so thousands of roles and models validate in proportion.

When two entries clash (a title claimed twice, two models for the same inputs) and they come
from different catalog layers, the problem is reported at the entry of the later layer: that
is the file being edited, not the shipped catalog below it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Protocol

from csorg.catalog.lookup import normal_title
from csorg.catalog.schema import (
    MAX_SPAN,
    ROOT_ROLE,
    TOUCHES,
    BusinessModel,
    Catalog,
    Count,
    Figure,
    Match,
    Role,
    Rule,
    Share,
)
from csorg.errors import suggestion

if TYPE_CHECKING:  # the reader imports PyYAML; `csorg recommend` must not pay for it
    from csorg.catalog.yamlload import Document, KeyPath

    Origins = dict[tuple[str, str], tuple[Document, KeyPath]]

MAX_SUGGESTIONS = 100
"""Distinct misspellings given a "did you mean" per run: each costs a pass over the ids."""

# what a reference names -> the catalog section it is looked up in
SECTION_OF = {
    "role": "roles",
    "area": "areas",
    "source": "sources",
    "stage": "stages",
    "trait": "traits",
    "model": "models",
}


class Reporter(Protocol):
    def add(self, doc: Document, path: KeyPath, message: str, *, key: bool = False) -> None: ...


class _Checker:
    def __init__(
        self,
        catalog: Catalog,
        origins: Origins,
        report: Reporter,
        broken: dict[str, set[str]],
    ) -> None:
        self.catalog = catalog
        self.origins = origins
        self.report = report
        self.broken = broken
        self.rank = {file: i for i, file in enumerate(catalog.files)}
        self.suggestions: dict[tuple[str, str], str] = {}

    def problem(self, section: str, entry_id: str, rest: KeyPath, message: str) -> None:
        origin = self.origins.get((section, entry_id))
        if origin is None:  # pragma: no cover - every entry has an origin
            return
        doc, path = origin
        self.report.add(doc, (*path, *rest), message)

    def layer(self, section: str, entry_id: str) -> int:
        origin = self.origins.get((section, entry_id))
        return self.rank.get(origin[0].file, 0) if origin else 0

    def file_of(self, section: str, entry_id: str) -> str:
        origin = self.origins.get((section, entry_id))
        return origin[0].file if origin else ""

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
        if value in self.broken.get(SECTION_OF[kind], ()):
            return False  # the entry exists but failed its schema, which is reported already
        self.problem(section, entry_id, rest, f"unknown {kind} {value!r}{self.hint(kind, value)}")
        return False

    def hint(self, kind: str, value: str) -> str:
        key = (kind, value)
        if key not in self.suggestions:
            if len(self.suggestions) >= MAX_SUGGESTIONS:
                return ""
            known = getattr(self.catalog, SECTION_OF[kind])
            self.suggestions[key] = suggestion(value, list(known))
        return self.suggestions[key]

    # roles ------------------------------------------------------------------------------

    def roles(self) -> None:
        catalog = self.catalog
        roles = catalog.roles
        if ROOT_ROLE not in roles and ROOT_ROLE not in self.broken.get("roles", ()):
            first = next((i for s, i in self.origins if s == "roles"), None)
            if first is not None:
                self.problem(
                    "roles", first, ("id",), "the catalog has no `ceo` role, the root of every org"
                )
        # manager id -> the first role naming it, and where
        managers_named: dict[str, tuple[str, int]] = {}
        for role in roles.values():
            for i, manager_id in enumerate(role.reports_to):
                managers_named.setdefault(manager_id, (role.id, i))
        # normalised name -> (role id, where the role gives it)
        names: dict[str, tuple[str, KeyPath]] = {}
        for role in roles.values():
            self.role(role, managers_named.get(role.id))
            given: list[tuple[str, KeyPath]] = [(role.id, ("id",)), (role.title, ("title",))]
            given += [(alias, ("aliases", i)) for i, alias in enumerate(role.aliases)]
            for name, where in given:
                owner, owner_where = names.setdefault(normal_title(name), (role.id, where))
                if owner == role.id:
                    continue
                if self.layer("roles", owner) > self.layer("roles", role.id):
                    self.problem("roles", owner, owner_where, self.name_clash(name, role.id, owner))
                else:
                    self.problem("roles", role.id, where, self.name_clash(name, owner, role.id))
        for area in catalog.areas.values():
            for i, source in enumerate(area.sources):
                self.ref("areas", area.id, ("sources", i), "source", source, catalog.sources)

    def name_clash(self, name: str, other: str, here: str) -> str:
        return (
            f"{name!r} also names role {other!r}{self.elsewhere('roles', other, 'roles', here)}; "
            "an id, title or alias must name one role"
        )

    def elsewhere(self, section: str, entry_id: str, here_section: str, here_id: str) -> str:
        """`` (in FILE)`` when the entry a message names is in another file than the one the
        message is reported in."""
        there = self.file_of(section, entry_id)
        return f" (in {there})" if there != self.file_of(here_section, here_id) else ""

    def role(self, role: Role, named_by: tuple[str, int] | None) -> None:
        catalog = self.catalog
        rid = role.id
        self.ref("roles", rid, ("area",), "area", role.area, catalog.areas)
        if rid == ROOT_ROLE:
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
                    f"a manager must rank higher (a smaller level): {manager_id!r} has level "
                    f"{manager.level}, this role {role.level}, so this would point "
                    f"{'sideways' if manager.level == role.level else 'downwards'}",
                )
        for i, difference in enumerate(role.differs_from):
            self.ref(
                "roles", rid, ("differs_from", i, "role"), "role", difference.role, catalog.roles
            )
        for i, source in enumerate(role.sources):
            self.ref("roles", rid, ("sources", i), "source", source, catalog.sources)
        headcount = role.headcount
        served = any(rid in tier.served_by for tier in catalog.tiers.values())
        if headcount.basis == "coverage" and headcount.accounts_per_seat is None and not served:
            self.problem(
                "roles",
                rid,
                ("headcount",),
                "basis `coverage` needs accounts_per_seat, or a tier served by this role",
            )
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
        if named_by is not None and role.span is None:
            other, index = named_by
            if self.layer("roles", other) > self.layer("roles", rid):
                self.problem(
                    "roles",
                    other,
                    ("reports_to", index),
                    f"{rid!r}{self.elsewhere('roles', rid, 'roles', other)} has no span, so it "
                    "cannot be a manager; name another manager or give it a span",
                )
            else:
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
        matches = _Matches(self)
        rule_roles = _RuleRoles(catalog.rules.values())
        for model in catalog.models.values():
            self.model(model, matches, rule_roles)
        for rule in catalog.rules.values():
            self.rule(rule)
        for index, hat in enumerate(catalog.hats):
            key = ("hats", str(index))
            if key not in self.origins:
                continue
            self.ref("hats", str(index), ("role",), "role", hat.role, catalog.roles)
            if hat.role == ROOT_ROLE:
                self.problem("hats", str(index), ("role",), "the root cannot be combined away")
            for i, into in enumerate(hat.into):
                self.ref("hats", str(index), ("into", i), "role", into, catalog.roles)
                if into == hat.role:
                    self.problem(
                        "hats", str(index), ("into", i), "a role cannot be combined into itself"
                    )

    def model(self, model: BusinessModel, matches: _Matches, rule_roles: _RuleRoles) -> None:
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
        if model.match is not None:
            for i, stage in enumerate(model.match.stage or ()):
                self.ref("models", mid, ("match", "stage", i), "stage", stage, catalog.stages)
            matches.claim(model, model.match)
        if all(entry.role in catalog.roles for entry in model.roles):
            self.tree(model, rule_roles.possible(model))

    def tree(self, model: BusinessModel, extra: set[str]) -> None:
        """The model, with and without its optional roles, is one tree under the CEO.

        ``extra`` are the roles rules could add; each role's manager is the first of its
        ``reports_to`` present, as the engine picks it.
        """
        roles = self.catalog.roles
        index = {e.role: i for i, e in enumerate(model.roles)}
        full = set(index) | {r for r in extra if r in roles}
        required = {e.role for e in model.roles if not e.optional}
        for present in (full, required):
            ids = {ROOT_ROLE, *present}
            leaders = sorted(r for r in ids if r != ROOT_ROLE and roles[r].span is not None)
            for role_id in sorted(ids - {ROOT_ROLE}):
                role = roles[role_id]
                manager = next((m for m in role.reports_to if m in ids), None)
                at = index.get(role_id)
                where: KeyPath = ("roles", at, "role") if at is not None else ("roles",)
                if manager is None:
                    self.problem(
                        "models",
                        model.id,
                        where,
                        f"{role_id!r} has no manager in this model: none of its reports_to "
                        f"({', '.join(role.reports_to) or 'none'}) is present"
                        f"{self.elsewhere('roles', role_id, 'models', model.id)}, so the org "
                        "is not one tree "
                        "under the `ceo`",
                    )
                elif manager == ROOT_ROLE and role.span is None and leaders:
                    self.problem(
                        "models",
                        model.id,
                        where,
                        f"{role_id!r} would report straight to the CEO although "
                        f"{leaders[0]!r} leads CS; add a leader to its reports_to",
                    )
            if required == full:
                break

    def rule(self, rule: Rule) -> None:
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
            if role_id == ROOT_ROLE:
                self.problem("rules", rid, ("remove", i), "the root cannot be removed")
        for i, source in enumerate(rule.sources):
            self.ref("rules", rid, ("sources", i), "source", source, catalog.sources)
        if not rule.add and not rule.remove:
            self.problem("rules", rid, (), "a rule must add or remove at least one role")


class _Matches:
    """The inputs each model is chosen for, so that no two models claim the same inputs.

    A model without ``match.stage`` claims its touch and plg for every stage; that claim is
    kept once per (touch, plg) instead of once per stage, so the work stays linear.
    """

    def __init__(self, checker: _Checker) -> None:
        self.checker = checker
        self.by_stage: dict[tuple[str, str, bool], str] = {}  # (stage, touch, plg) -> model
        self.any_stage: dict[tuple[str, bool], str] = {}  # (touch, plg) -> model
        self.some_stage: dict[tuple[str, bool], tuple[str, str]] = {}  # -> (model, stage)

    def claim(self, model: BusinessModel, match: Match) -> None:
        clashes: set[str] = set()
        touches = match.touch if match.touch is not None else TOUCHES
        plgs = (match.plg,) if match.plg is not None else (False, True)
        for touch in touches:
            for plg in plgs:
                pair = (touch, plg)
                everywhere = self.any_stage.get(pair)
                if match.stage is None:
                    other = everywhere or self.some_stage.get(pair, (None, ""))[0]
                    stage = self.some_stage.get(pair, ("", self.any_stage_name()))[1]
                    self.any_stage.setdefault(pair, model.id)
                    self.clash(model.id, other, stage, touch, plg, clashes)
                    continue
                for stage in match.stage:
                    first = self.by_stage.setdefault((stage, *pair), model.id)
                    other = everywhere or first
                    self.some_stage.setdefault(pair, (model.id, stage))
                    self.clash(model.id, other, stage, touch, plg, clashes)

    def any_stage_name(self) -> str:
        return next(iter(self.checker.catalog.stages), "any")

    def clash(
        self, model: str, other: str | None, stage: str, touch: str, plg: bool, seen: set[str]
    ) -> None:
        if other is None or other == model or other in seen:
            return
        seen.add(other)
        checker = self.checker
        # blame the model of the later layer: the file being edited
        if checker.layer("models", other) > checker.layer("models", model):
            model, other = other, model
        flag = " --plg" if plg else ""
        checker.problem(
            "models",
            model,
            ("match",),
            f"matches the same inputs as model {other!r}"
            f"{checker.elsewhere('models', other, 'models', model)} "
            f"(e.g. --stage {stage} --touch {touch}{flag}); each input must choose one model",
        )


class _RuleRoles:
    """The roles rules could add to each model, indexed once (conditions on inputs other
    than the model and the stage are ignored)."""

    def __init__(self, rules: Iterator[Rule] | Any) -> None:
        self.for_model: dict[str, list[Rule]] = {}
        self.for_stage: dict[str, set[str]] = {}
        self.always: set[str] = set()
        self.any_stage: set[str] = set()  # roles of every rule not tied to a model
        for rule in rules:
            added = {e.role for e in rule.add if e.role not in rule.remove}
            when = rule.when
            if when.model is not None:
                for model_id in when.model:
                    self.for_model.setdefault(model_id, []).append(rule)
                continue
            self.any_stage |= added
            if when.stage is None:
                self.always |= added
            else:
                for stage in when.stage:
                    self.for_stage.setdefault(stage, set()).update(added)

    def possible(self, model: BusinessModel) -> set[str]:
        stages = model.match.stage if model.match is not None else None
        if stages is None:
            out = set(self.any_stage)
        else:
            out = set(self.always)
            for stage in stages:
                out |= self.for_stage.get(stage, set())
        for rule in self.for_model.get(model.id, ()):
            when = rule.when
            if stages is not None and when.stage is not None and not set(when.stage) & set(stages):
                continue
            out.update(e.role for e in rule.add if e.role not in rule.remove)
        return out


def _numbers(value: Any, path: KeyPath) -> Iterator[tuple[KeyPath, Figure | Count | Share]]:
    if isinstance(value, Figure | Count | Share):
        yield path, value
    elif dataclasses.is_dataclass(value):
        for name in _number_fields(type(value)):
            yield from _numbers(getattr(value, name), (*path, name))
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _numbers(item, (*path, i))


_NUMBER_FIELDS: dict[type, tuple[str, ...]] = {}


def _number_fields(cls: type) -> tuple[str, ...]:
    """The fields of a schema dataclass that can hold a number, so the walk skips text."""
    if cls not in _NUMBER_FIELDS:
        import typing

        hints = typing.get_type_hints(cls)
        _NUMBER_FIELDS[cls] = tuple(
            f.name for f in dataclasses.fields(cls) if _can_hold_number(hints[f.name])
        )
    return _NUMBER_FIELDS[cls]


def _can_hold_number(annotation: Any) -> bool:
    import typing

    if annotation in (Figure, Count, Share):
        return True
    if dataclasses.is_dataclass(annotation):
        return bool(_number_fields(typing.cast(type, annotation)))
    return any(_can_hold_number(arg) for arg in typing.get_args(annotation))


def check_catalog(
    catalog: Catalog,
    origins: Origins,
    report: Reporter,
    broken: dict[str, set[str]] | None = None,
) -> None:
    """Report every problem across the entries of ``catalog``. ``broken`` holds, per
    section, the ids of entries left out because they failed their schema."""
    checker = _Checker(catalog, origins, report, broken or {})
    checker.roles()
    checker.numbers()
    checker.business_models()
