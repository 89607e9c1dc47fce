"""`csorg audit`: an existing org chart compared with the recommendation for the same inputs.

Each person's title is mapped to a catalog role (a valid ``role`` column wins; then titles and
aliases, forgiving case, spacing and punctuation; then the same without seniority and segment
words such as "Senior" or "Enterprise", or the part after a comma or bracket; then a close
match, reported as such). The chart is then checked against the catalog and against
:func:`csorg.engine.recommend` for the inputs given:

=================  ========  =========================================================
kind               severity  meaning
=================  ========  =========================================================
reporting-line     error     someone reports to a lower-ranked role (a Director under a
                             Team Lead)
                   warning   a peer, a manager the catalog never gives the role, or not
                             the usual manager although the org has one (a CSM under the
                             CEO while there is a VP)
span-of-control    warning   a manager with more direct reports than the role's span, or
                             an individual-contributor role with reports
                   error     more than half as many again as the span
coverage           warning   more accounts per seat than the touch model allows (needs
                   error     ``--customers``); error beyond half as many again
missing-role       warning   a recommended role nobody holds (info when it is optional)
unmapped-title     warning   a title no catalog role matches
headcount          warning   fewer seats of a role than recommended (with
                             ``--customers``; roles of one seat per scope always)
                   info      more seats than recommended, or fewer of an optional role
close-match        info      a title read as a role by a close match: check it
extra-role         info      a role the recommendation does not include
optional-role      info      a role the recommendation marks optional
=================  ========  =========================================================
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass, replace
from typing import Any, Literal

from csorg.audit.orgfile import OrgChart, Person
from csorg.catalog.lookup import close_titles, normal_title, title_index
from csorg.catalog.schema import MAX_SPAN, ROOT_ROLE, Catalog, Role
from csorg.engine.inputs import Request
from csorg.engine.recommend import recommend
from csorg.engine.result import Recommendation
from csorg.errors import did_you_mean
from csorg.text import cite, number, plural

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
KINDS = (
    "reporting-line",
    "span-of-control",
    "coverage",
    "missing-role",
    "unmapped-title",
    "headcount",
    "close-match",
    "extra-role",
    "optional-role",
)
# A limit exceeded by more than this factor is an error rather than a warning.
ERROR_FACTOR = 1.5
# difflib ratio from which a title counts as a close match of a catalog title or alias;
# high enough that "Sales Manager" is not read as "Support Manager".
CLOSE_MATCH = 0.85
# Words that qualify a title without changing the role: seniority, grade, segment.
QUALIFIERS = frozenset(
    {
        *("senior", "sr", "junior", "jr", "principal", "staff", "associate"),
        *("i", "ii", "iii", "iv", "1", "2", "3"),
        *("global", "regional", "interim", "acting"),
        *("strategic", "enterprise", "smb", "commercial", "mid", "market", "midmarket", "named"),
    }
)
ABBREVIATIONS = {
    "mgr": "manager",
    "mngr": "manager",
    "dir": "director",
    "cust": "customer",
    "svp": "vp",
    "evp": "vp",
    "avp": "vp",
}
# A title's core comes before a comma, bracket, slash, bar, ampersand or spaced dash.
_HEAD = re.compile(r",|\(|\[|/|\||&|\s[-–—]\s")


@dataclass(frozen=True)
class Match:
    """How a person's title was read."""

    role: str | None
    how: Literal["role-column", "title", "qualified", "close", "none"]
    matched: str | None = None  # the catalog name a close match was made with


@dataclass(frozen=True)
class Finding:
    kind: str
    severity: Severity
    subject: str  # a person's id, or a role id
    message: str
    subject_type: Literal["person", "role"]
    role: str | None = None
    line: int | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "subject": self.subject,
            "subject_type": self.subject_type,
            "role": self.role,
            "line": self.line,
            "message": self.message,
        }


@dataclass(frozen=True)
class Audit:
    chart: OrgChart
    rec: Recommendation
    matches: dict[str, Match]
    findings: tuple[Finding, ...]
    counts: dict[str, int]  # role -> seats in the chart, in catalog order
    coverage: dict[str, dict[str, float]]  # coverage role -> accounts, seats, per seat, limit

    def total(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def fails(self, threshold: Severity) -> bool:
        """Whether there are findings of ``threshold`` severity or worse."""
        worst = SEVERITIES.index(threshold)
        return any(SEVERITIES.index(f.severity) <= worst for f in self.findings)

    @property
    def seats(self) -> int:
        """Seats in the chart; a CEO at the top is not a CS seat."""
        root = self.chart.by_id[self.chart.root]
        top = root.count if self.matches[root.id].role == ROOT_ROLE else 0
        return sum(p.count for p in self.chart.people) - top

    def summary(self) -> dict[str, Any]:
        recommended = {r.id: r.count for r in self.rec.roles}
        roles: dict[str, dict[str, int]] = {}
        for role_id in self.counts:
            roles[role_id] = {"count": self.counts[role_id], "recommended": 0}
        for role_id, n in recommended.items():
            roles.setdefault(role_id, {"count": 0, "recommended": 0})["recommended"] = n
        return {
            "file": self.chart.file,
            "model": {"id": self.rec.model_id, "name": self.rec.model_name},
            "inputs": self.rec.inputs.as_json(),
            "people": len(self.chart.people),
            "seats": self.seats,
            "recommended_seats": self.rec.total_seats,
            "root": self.chart.root,
            "mapped": sum(1 for m in self.matches.values() if m.role is not None),
            "unmapped": sum(1 for m in self.matches.values() if m.role is None),
            "close_matches": sum(1 for m in self.matches.values() if m.how == "close"),
            "roles": roles,
            "coverage": self.coverage,
            "findings": {s: self.total(s) for s in SEVERITIES},
        }

    def as_json(self) -> dict[str, Any]:
        return {
            "findings": [f.as_json() for f in self.findings],
            "mapping": {p.id: self.matches[p.id].role for p in self.chart.people},
            "summary": self.summary(),
            "people": [
                {
                    "id": p.id,
                    "name": p.name,
                    "title": p.title,
                    "reports_to": p.reports_to,
                    "line": p.line,
                    "count": p.count,
                    "role": self.matches[p.id].role,
                    "match": self.matches[p.id].how,
                }
                for p in self.chart.people
            ],
        }


# -- reading titles -------------------------------------------------------------------------


def _trimmed(words: list[str]) -> list[str]:
    """The title without qualifier words at either end, fewest words dropped first."""
    n = len(words)
    lead = 0
    while lead < n and words[lead] in QUALIFIERS:
        lead += 1
    trail = 0
    while trail < n and words[n - 1 - trail] in QUALIFIERS:
        trail += 1
    cuts = sorted(
        ((i, j) for i in range(lead + 1) for j in range(trail + 1) if 0 < i + j < n),
        key=lambda c: (c[0] + c[1], c[0]),
    )
    return [" ".join(words[i : n - j]) for i, j in cuts]


def match_title(title: str, index: dict[str, str], close: dict[str, str] | None = None) -> Match:
    """The role a job title names, and how sure the match is; a title the catalog lists as a
    close title of a role (often another job) is only a close match, to be checked."""
    whole = normal_title(title)
    if whole in index:
        return Match(index[whole], "title")
    if close and whole in close:
        return Match(close[whole], "close", title)
    variants: list[str] = []
    texts = [title, _HEAD.split(title, maxsplit=1)[0]]
    if title.count(",") == 1:  # "Team Lead, Customer Success"
        head, tail = title.split(",")
        texts.insert(0, f"{tail} {head}")
    for text in dict.fromkeys(texts):
        words = [ABBREVIATIONS.get(w, w) for w in normal_title(text).split()]
        variants += [" ".join(words), *_trimmed(words)]
    variants = [v for v in dict.fromkeys(variants) if v]
    for variant in variants:
        if variant in index:
            return Match(index[variant], "qualified")
    for variant in variants:
        if close and variant in close:
            return Match(close[variant], "close", variant)
    # a close match keeps the number of words: typos, not a missing word ("Customer Success"
    # is not "VP Customer Success")
    by_length: dict[int, list[str]] = {}
    for name in index:
        by_length.setdefault(len(name.split()), []).append(name)
    for variant in dict.fromkeys([whole, *variants]):
        names = by_length.get(len(variant.split()), [])
        hits = difflib.get_close_matches(variant, names, n=1, cutoff=CLOSE_MATCH)
        if hits:
            return Match(index[hits[0]], "close", hits[0])
    return Match(None, "none")


def match_person(
    person: Person, catalog: Catalog, index: dict[str, str], seen: dict[str, Match]
) -> Match:
    """How a person's role is read; ``seen`` caches titles (charts repeat them a lot)."""
    if person.role is not None and person.role in catalog.roles:
        return Match(person.role, "role-column")
    if person.title not in seen:
        seen[person.title] = match_title(person.title, index, close_titles(catalog))
    return seen[person.title]


# -- the audit ------------------------------------------------------------------------------


def audit(catalog: Catalog, chart: OrgChart, request: Request) -> Audit:
    """Compare ``chart`` with the recommendation for ``request``."""
    rec = recommend(catalog, replace(request, seats=False))
    index = title_index(catalog)
    seen: dict[str, Match] = {}
    matches = {p.id: match_person(p, catalog, index, seen) for p in chart.people}
    present: dict[str, int] = {}
    for person in chart.people:
        role_id = matches[person.id].role
        if role_id is not None:
            present[role_id] = present.get(role_id, 0) + person.count
    counts = {r: present[r] for r in catalog.roles if r in present}
    checker = _Checker(catalog, chart, rec, matches, counts)
    checker.titles()
    checker.lines()
    checker.spans()
    checker.roles()
    coverage = checker.coverage()
    order = {pid: i for i, pid in enumerate(chart.order())}
    roles = catalog.role_order()

    def key(f: Finding) -> tuple[int, int, int, str]:
        where = order[f.subject] if f.subject_type == "person" else roles.get(f.subject, 0)
        return (SEVERITIES.index(f.severity), KINDS.index(f.kind), where, f.message)

    findings = tuple(sorted(checker.findings, key=key))
    return Audit(chart, rec, matches, findings, counts, coverage)


class _Checker:
    def __init__(
        self,
        catalog: Catalog,
        chart: OrgChart,
        rec: Recommendation,
        matches: dict[str, Match],
        counts: dict[str, int],
    ) -> None:
        self.catalog = catalog
        self.chart = chart
        self.rec = rec
        self.matches = matches
        self.counts = counts
        self.recommended = {r.id: r for r in rec.roles}
        self.findings: list[Finding] = []

    # helpers ------------------------------------------------------------------------------

    def person(self, kind: str, severity: Severity, person: Person, message: str) -> None:
        self.findings.append(
            Finding(
                kind,
                severity,
                person.id,
                message,
                "person",
                self.matches[person.id].role,
                person.line,
            )
        )

    def role(self, kind: str, severity: Severity, role_id: str, message: str) -> None:
        self.findings.append(Finding(kind, severity, role_id, message, "role", role_id))

    def who(self, person: Person) -> str:
        """How a finding names a person: name or id, title, and the role read from it when
        the title is not the role's own."""
        label = person.name or person.id
        extra = f" ×{person.count}" if person.count > 1 else ""
        role_id = self.matches[person.id].role
        if role_id is not None and normal_title(person.title) != normal_title(self.title(role_id)):
            return f"{label}{extra} ({person.title}, read as {self.title(role_id)})"
        return f"{label}{extra} ({person.title})"

    def title(self, role_id: str) -> str:
        return self.catalog.title(role_id)

    def seats(self, n: int, role_id: str) -> str:
        return plural(n, f"{self.title(role_id)} seat")

    # checks -------------------------------------------------------------------------------

    def titles(self) -> None:
        choices = list(dict.fromkeys(r.title for r in self.catalog.roles.values()))
        hints: dict[str, list[str]] = {}
        for person in self.chart.people:
            match = self.matches[person.id]
            if match.how == "close" and match.role is not None:
                self.person(
                    "close-match",
                    "info",
                    person,
                    f"title {person.title!r} is read as {self.title(match.role)} "
                    f"({match.role}), a close match for {match.matched!r}; check it, or give "
                    "the role in a role column",
                )
            elif match.role is None:
                if person.title not in hints:
                    hints[person.title] = did_you_mean(person.title, choices)
                closest = hints[person.title]
                hint = f"; closest: {', '.join(closest)}" if closest else ""
                self.person(
                    "unmapped-title",
                    "warning",
                    person,
                    f"title {person.title!r} matches no catalog role{hint}; give the role id "
                    "in a role column, or see `csorg roles` for titles and aliases",
                )

    def usual_manager(self, role: Role, present: set[str]) -> str | None:
        """The manager the engine would give ``role`` in an org of the ``present`` roles."""
        return next((m for m in (*self.teams_of(role), *role.reports_to) if m in present), None)

    def teams_of(self, role: Role) -> tuple[str, ...]:
        """The teams a role's seats join in a sized org (an engineer in a CSM pod)."""
        return role.joins_teams_of if self.rec.sized else ()

    def lines(self) -> None:
        # a manager role takes reports only from its minimum span on, as the engine has it;
        # with fewer, its would-be reports rightly report past it
        reports: dict[str, int] = {}
        for person in self.chart.people:
            boss = self.chart.by_id.get(person.reports_to) if person.reports_to else None
            boss_role = self.matches[boss.id].role if boss is not None else None
            if boss_role is not None:
                reports[boss_role] = reports.get(boss_role, 0) + person.count
        present = {
            r
            for r in self.counts
            if not self.rec.sized
            or self.catalog.roles[r].min_span is None
            or reports.get(r, 0) >= self.catalog.roles[r].min_span.value  # type: ignore[union-attr]
        } | {ROOT_ROLE}
        for person in self.chart.people:
            role_id = self.matches[person.id].role
            if person.reports_to is None or role_id is None:
                continue
            boss = self.chart.by_id[person.reports_to]
            boss_role = self.matches[boss.id].role
            if boss_role is None:
                continue  # the manager's title is reported as unmapped
            role = self.catalog.roles[role_id]
            over = self.catalog.roles[boss_role]
            relation = f"{self.who(person)} reports to {self.who(boss)}"
            if over.level > role.level:
                self.person(
                    "reporting-line",
                    "error",
                    person,
                    f"{relation}: a {over.title} ranks below a {role.title} "
                    f"(level {over.level} over level {role.level}); the manager should outrank "
                    "the report",
                )
            elif over.level == role.level:
                self.person(
                    "reporting-line",
                    "warning",
                    person,
                    f"{relation}: a {over.title} has the same rank as a "
                    f"{role.title} (level {role.level}); a peer is not a manager in the catalog",
                )
            elif boss_role not in (*self.teams_of(role), *role.reports_to):
                expected = ", ".join(self.title(m) for m in role.reports_to)
                self.person(
                    "reporting-line",
                    "warning",
                    person,
                    f"{relation}; in the catalog a {role.title} reports to: {expected}",
                )
            else:
                usual = self.usual_manager(role, present)
                if usual is not None and usual != boss_role:
                    self.person(
                        "reporting-line",
                        "warning",
                        person,
                        f"{relation} while this org has a {self.title(usual)}, "
                        f"the usual manager of a {role.title}",
                    )

    def spans(self) -> None:
        for manager_id, report_ids in self.chart.reports.items():
            manager = self.chart.by_id[manager_id]
            role_id = self.matches[manager_id].role
            if role_id is None:
                continue
            role = self.catalog.roles[role_id]
            reports = [self.chart.by_id[r] for r in report_ids]
            total = sum(r.count for r in reports)
            each = math.ceil(total / manager.count)
            many = plural(each, "direct report")
            if manager.count > 1:
                many += f" each ({total} over {manager.count} seats)"
            if role.span is None:
                self.person(
                    "span-of-control",
                    "warning",
                    manager,
                    f"{self.who(manager)} has {many}, but a {role.title} is an individual "
                    "contributor in the catalog (no span of control); give the team a manager",
                )
                continue
            span = min(role.span.value, MAX_SPAN)
            if each <= span:
                continue
            severity: Severity = "error" if each > span * ERROR_FACTOR else "warning"
            self.person(
                "span-of-control",
                severity,
                manager,
                f"{self.who(manager)} has {many}, above the span of {span} for a "
                f"{role.title} ({cite(self.catalog, role.span)}); "
                + self.relief(role, reports, each, span),
            )

    def relief(self, role: Role, reports: list[Person], each: int, span: int) -> str:
        """What would bring a manager back within span: the layer its reports would report
        to next (as the engine inserts one), else more seats of the manager's role."""
        by_role: dict[str, int] = {}
        for person in reports:
            report_role = self.matches[person.id].role
            if report_role is not None:
                by_role[report_role] = by_role.get(report_role, 0) + person.count
        for report_role in sorted(by_role, key=lambda r: (-by_role[r], r)):
            for candidate in self.catalog.roles[report_role].reports_to:
                if candidate == role.id:
                    break
                layer = self.catalog.roles[candidate]
                if role.level < layer.level < self.catalog.roles[report_role].level:
                    return f"a {layer.title} layer between them would keep the span"
        if role.headcount.basis == "span":
            return f"{math.ceil(each / span)} {role.title} seats would share the team"
        return "split the team under another manager"

    def roles(self) -> None:
        model = self.rec.model_name
        sized = self.rec.inputs.customers is not None
        for entry in self.rec.roles:
            if entry.id == ROOT_ROLE:
                continue
            have = self.counts.get(entry.id, 0)
            role = self.catalog.roles[entry.id]
            if have == 0:
                when = " ".join(role.when_to_add.split())
                self.role(
                    "missing-role",
                    "info" if entry.optional else "warning",
                    entry.id,
                    f"no one holds the {role.title} role, which the {model} structure has"
                    + (" as an optional role" if entry.optional else "")
                    + f" ({entry.count} recommended); when to add: {when}",
                )
                continue
            if entry.optional:
                self.role(
                    "optional-role",
                    "info",
                    entry.id,
                    f"{self.seats(have, entry.id)}: optional in the {model} structure",
                )
            # counts depend on accounts, except for roles with one seat per scope
            if not sized and role.headcount.basis != "one":
                continue
            if have < entry.count and role.headcount.basis != "coverage":
                self.role(
                    "headcount",
                    "info" if entry.optional else "warning",
                    entry.id,
                    f"{self.seats(have, entry.id)}; the recommendation has {entry.count}"
                    + _sizing(entry.rationale),
                )
            elif have > entry.count:
                self.role(
                    "headcount",
                    "info",
                    entry.id,
                    f"{self.seats(have, entry.id)}; the recommendation has {entry.count}"
                    + _sizing(entry.rationale),
                )
        for role_id, have in self.counts.items():
            if role_id == ROOT_ROLE or role_id in self.recommended:
                continue
            host = next((r for r in self.rec.roles if role_id in r.covers), None)
            message = f"{self.seats(have, role_id)}, a role the {model} structure does not have"
            if host is not None:
                message += f"; within the headcount budget the {host.title} covers it"
            self.role("extra-role", "info", role_id, message)

    def coverage(self) -> dict[str, dict[str, float]]:
        """Accounts per seat of each coverage role, against the load the recommendation
        sizes one seat for."""
        out: dict[str, dict[str, float]] = {}
        for book in self.rec.coverage:
            seats = self.counts.get(book.role, 0)
            if not seats or not book.accounts:
                continue
            limit = book.accounts_per_seat
            load = book.accounts / seats
            out[book.role] = {
                "accounts": round(book.accounts, 2),
                "seats": seats,
                "per_seat": round(load, 2),
                "limit": round(limit, 2),
            }
            if load <= limit * 1.0001:
                continue
            severity: Severity = "error" if load > limit * ERROR_FACTOR else "warning"
            need = math.ceil(book.work - 1e-9)
            self.role(
                "coverage",
                severity,
                book.role,
                f"{book.accounts:,.0f} accounts over {self.seats(seats, book.role)}: about "
                f"{number(round(load))} each, above the {number(round(limit))} one seat is sized "
                f"for; {need} seats would cover them",
            )
        return out


def _sizing(rationale: tuple[str, ...]) -> str:
    """The recommendation's reason for a count (the reasons that carry numbers)."""
    numbers = [r for r in rationale if any(c.isdigit() for c in r) and "structure" not in r]
    return f" ({'; '.join(numbers)})" if numbers else ""
