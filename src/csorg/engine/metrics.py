"""Step 7: metrics. The numbers an org-design reviewer checks, against the catalog's ranges.

Seats, managers, individual contributors, managers per IC, layers from the CEO to a CSM,
accounts and ARR per CSM, accounts per digital success manager and CSMs per CS Ops seat; each
with the catalog benchmark it is checked against, if any. Role ids used here are the ones the
metrics are about (the CSM, digital success and CS Ops roles of the shipped catalog).
"""

from __future__ import annotations

from csorg.catalog.schema import ROOT_ROLE, Catalog
from csorg.engine.layers import Node
from csorg.engine.result import Metric
from csorg.engine.staffing import Org
from csorg.text import cite

CSM, DSM, OPS = "csm", "digital-success-manager", "cs-ops"


def depth_of_csms(root: Node) -> int:
    """Management layers between the CEO and the deepest CSM (0: CSMs report to the CEO)."""
    deepest = 0
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if node.role == CSM:
            deepest = max(deepest, depth - 1)
        stack.extend((child, depth + 1) for child in node.reports)
    return deepest


def org_metrics(catalog: Catalog, org: Org) -> tuple[Metric, ...]:
    nodes = org.nodes()
    seats = [n for n in nodes if n.role != ROOT_ROLE]
    managers = [n for n in seats if n.reports]
    ics = len(seats) - len(managers)
    counts = org.counts()

    def ratio(top: float | None, bottom: int) -> float | None:
        return round(top / bottom, 2) if top is not None and bottom else None

    csm_need = org.needs.get(CSM)
    dsm_need = org.needs.get(DSM)
    arr = None
    if csm_need is not None and org.book is not None and org.book.arr is not None:
        arr = sum(org.book.tier_arr(t.tier) or 0.0 for t in csm_need.tiers)
    values: list[tuple[str, str, float | None]] = [
        ("seats", "CS seats", float(len(seats))),
        ("managers", "managers", float(len(managers))),
        ("ics", "individual contributors", float(ics)),
        ("managers-per-ic", "managers per individual contributor", ratio(len(managers), ics)),
        (
            "layers-to-csm",
            "management layers from the CEO to a CSM",
            float(depth_of_csms(org.root)) if counts.get(CSM) else None,
        ),
        (
            "accounts-per-csm",
            "accounts per CSM",
            ratio(csm_need.accounts if csm_need else None, counts.get(CSM, 0)),
        ),
        ("arr-per-csm", "ARR per CSM", ratio(arr, counts.get(CSM, 0))),
        (
            "accounts-per-dsm",
            "accounts per digital success manager",
            ratio(dsm_need.accounts if dsm_need else None, counts.get(DSM, 0)),
        ),
        ("csms-per-cs-ops", "CSMs per CS Ops seat", ratio(counts.get(CSM), counts.get(OPS, 0))),
    ]
    out: list[Metric] = []
    for metric_id, label, value in values:
        benchmark = catalog.benchmarks.get(metric_id)
        small = (
            benchmark is not None
            and benchmark.from_seats is not None
            and (len(seats) < benchmark.from_seats.value)
        )
        if benchmark is None or value is None or small:
            out.append(Metric(metric_id, label, value))
            continue
        sources = [cite(catalog, b) for b in (benchmark.low, benchmark.high) if b is not None]
        out.append(
            Metric(
                metric_id,
                label,
                value,
                benchmark.low.value if benchmark.low else None,
                benchmark.high.value if benchmark.high else None,
                ", ".join(dict.fromkeys(sources)),
            )
        )
    return tuple(out)
