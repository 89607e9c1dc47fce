"""`csorg audit`: an existing org chart compared with the recommendation for the same inputs.

1. Each person's role is read from their title and their place in the chart
   (:mod:`csorg.audit.reading`, :mod:`csorg.audit.titles`).
2. Seats are counted once (:mod:`csorg.audit.facts`): filled, open, contractors, FTE.
3. Every rule of :mod:`csorg.audit.rules` looks at the chart and the recommendation
   (:func:`csorg.engine.recommend`) and yields findings.
4. The changes the recommendation implies are listed in terms of people
   (:mod:`csorg.audit.changes`, built on `csorg plan`'s diff).

Findings are sorted by severity, then by kind (in the order of :data:`RULES`), then by the
person's place in the chart or the role's place in the catalog, so the same chart in any row
order gives the same report.
"""

from __future__ import annotations

from dataclasses import replace

from csorg.audit.changes import changes
from csorg.audit.context import SEVERITIES, Context, Finding
from csorg.audit.facts import gather
from csorg.audit.orgfile import OrgChart
from csorg.audit.reading import read_people
from csorg.audit.result import Audit
from csorg.audit.rules import KINDS, run
from csorg.audit.titles.custom import TitleMap
from csorg.audit.titles.reader import TitleReader
from csorg.catalog.schema import Catalog
from csorg.engine.inputs import Request
from csorg.engine.recommend import recommend

__all__ = ["Audit", "Finding", "audit"]


def audit(
    catalog: Catalog, chart: OrgChart, request: Request, title_map: TitleMap | None = None
) -> Audit:
    """Compare ``chart`` with the recommendation for ``request``."""
    rec = recommend(catalog, replace(request, seats=False))
    readings = read_people(catalog, chart, TitleReader(catalog, title_map))
    facts = gather(catalog, chart, readings)
    ctx = Context(catalog, chart, rec, readings, facts)
    roles = catalog.role_order()

    def key(f: Finding) -> tuple[int, int, int, str, str]:
        if f.subject_type == "person" or (f.people and f.subject_type != "role"):
            where = facts.position[f.people[0] if f.people else f.subject]
        elif f.subject_type == "role":
            where = roles.get(f.subject, len(roles))
        else:
            where = 0
        return (SEVERITIES.index(f.severity), KINDS.index(f.kind), where, f.subject, f.message)

    findings = tuple(sorted(run(ctx), key=key))
    return Audit(ctx, findings, tuple(changes(ctx)))
