"""Run catalog checks over small YAML snippets: "this catalog snippet gives these problems at
these lines", the shape of every check's tests (after yamllint's ``RuleTestCase``).

A snippet is a ``roles.yaml``, ``business_models.yaml`` and/or ``compensation.yaml`` layered
over a tiny valid catalog (:data:`BASE_ROLES`, :data:`BASE_MODELS`, :data:`BASE_COMPENSATION`),
so it only writes the entries a case is about; an entry with a base id replaces the base
entry. ``role()`` and ``model()`` write one
entry per line, filling in the required fields a case does not care about.
"""

from __future__ import annotations

from types import ModuleType

from csorg.catalog.checks import check_catalog
from csorg.catalog.files import Kind
from csorg.catalog.layering import Layers
from csorg.catalog.parse import parse_file
from csorg.catalog.report import Report

BASE_ROLES = """\
version: 1
sources:
  - {id: handbook, title: Our CS handbook}
areas:
  - {id: leadership, name: Leadership, description: Runs the company.}
  - {id: success, name: Success, description: Works with customers.}
roles:
  - {id: ceo, title: Chief Executive Officer, area: leadership, level: 0, summary: s,
     responsibilities: [r], when_to_add: w, sources: [handbook], scope: global,
     span: {value: 8, source: handbook}}
  - {id: head, title: Head of Customer Success, area: success, level: 1, summary: s,
     responsibilities: [r], when_to_add: w, sources: [handbook], reports_to: [ceo],
     span: {value: 7, source: handbook}}
  - {id: ops, title: Customer Success Operations, area: success, level: 2, summary: s,
     responsibilities: [r], when_to_add: w, sources: [handbook], reports_to: [head],
     close_titles: [Operations Manager]}
  - {id: csm, title: Success Manager, area: success, level: 3, summary: s,
     responsibilities: [r], when_to_add: w, sources: [handbook], reports_to: [head],
     headcount: {basis: coverage, accounts_per_seat: {low: {value: 100, source: handbook},
     high: {value: 25, source: handbook}}}}
"""

BASE_MODELS = """\
version: 1
stages:
  - {id: small, name: Small, description: d, max_employees: {value: 100, source: handbook}}
  - {id: large, name: Large, description: d}
traits:
  - {id: technical, description: d}
models:
  - {id: simple, name: Simple, summary: s, match: {}, roles: [{role: head}, {role: csm}],
     sources: [handbook]}
"""

BASE_COMPENSATION = """\
version: 1
currencies:
  - {code: EUR, name: Euro, symbol: €, per_usd: {value: 0.9, source: handbook}, as_of: "2026"}
"""

SNIPPET_FILES: dict[Kind, str] = {
    "roles": "roles.yaml",
    "business-models": "business_models.yaml",
    "compensation": "compensation.yaml",
}

Found = list[tuple[str, int | None, str | None, str]]  # file, line, field, message


def role(role_id: str, **fields: str | None) -> str:
    """One role entry on one line; ``fields`` (YAML text) add to or replace the defaults,
    and ``None`` leaves a field out."""
    entry = {
        "id": role_id,
        "title": f"Role {role_id}",
        "area": "success",
        "level": "3",
        "summary": "s",
        "responsibilities": "[r]",
        "when_to_add": "w",
        "sources": "[handbook]",
        "reports_to": "[head]",
        **fields,
    }
    return "  - {" + ", ".join(f"{k}: {v}" for k, v in entry.items() if v is not None) + "}\n"


def model(model_id: str, **fields: str | None) -> str:
    """One business model entry on one line, as :func:`role`."""
    entry = {
        "id": model_id,
        "name": f"Model {model_id}",
        "summary": "s",
        "roles": "[{role: head}, {role: csm}]",
        "sources": "[handbook]",
        **fields,
    }
    return "  - {" + ", ".join(f"{k}: {v}" for k, v in entry.items() if v is not None) + "}\n"


def problems(
    *checks: ModuleType,
    roles: str | None = None,
    models: str | None = None,
    compensation: str | None = None,
    base: bool = True,
) -> Found:
    """The problems ``checks`` (all of them when none is named) report, sorted by file, line,
    field and message; schema problems are left out, so a case sees only its checks."""
    contents: list[tuple[Kind, str, str]] = []
    if base:
        contents += [("roles", "base/roles.yaml", BASE_ROLES)]
        contents += [("business-models", "base/business_models.yaml", BASE_MODELS)]
        contents += [("compensation", "base/compensation.yaml", BASE_COMPENSATION)]
    if roles is not None:
        contents.append(("roles", "roles.yaml", roles))
    if models is not None:
        contents.append(("business-models", "business_models.yaml", models))
    if compensation is not None:
        contents.append(("compensation", "compensation.yaml", compensation))
    parsing = Report()
    layers = Layers()
    for kind, display, text in contents:
        parsed = parse_file(kind, text, display, parsing)
        assert parsed is not None and parsed.whole, [str(p) for p in parsing.finish()]
        layers.add(parsed, parsing)
    base_problems = [str(p) for p in parsing.finish() if p.file.startswith("base/")]
    assert not base_problems, base_problems
    catalog = layers.catalog(tuple(display for _, display, _ in contents))
    report = Report(sources=parsing.sources)
    kwargs = {"checks": tuple(checks)} if checks else {}
    check_catalog(catalog, layers.origins, report, layers.broken, layers.partials, **kwargs)
    return sorted((p.file, p.line, p.field, p.message) for p in report.finish())


def schema_problems(roles: str | None = None, models: str | None = None) -> Found:
    """The problems the schema alone reports in the snippet files."""
    parsing = Report()
    for kind, text in (("roles", roles), ("business-models", models)):
        if text is not None:
            parse_file(kind, text, SNIPPET_FILES[kind], parsing)
    return [(p.file, p.line, p.field, p.message) for p in parsing.finish()]
