"""Segments compared with the recommendation (needs ``--segment-by``): who serves which
segment.

* **warning**: a segment with fewer staff of a coverage role (in FTE) than the
  recommendation puts there: under-covered, with the people who serve it;
* **info**: a segment with more than 1.5 times the recommended seats (over-covered); people
  who serve no segment of the recommendation; without ``--segment-by``, a chart whose people
  serve several segments.

A person's segment is their segment column, else the segment their title names ("CSM -
Mid Market", "Enterprise CSM"; digital and pooled CSMs serve the scaled segment). A segment
counts for a recommended segment it is part of: mid-market for ``smb-mid-market``.
"""

from __future__ import annotations

from collections.abc import Iterator

from csorg.audit.context import Context, Finding
from csorg.audit.placement import compare

KIND = "segment-coverage"


def check(ctx: Context) -> Iterator[Finding]:
    yield from compare(ctx, "segment", KIND)
