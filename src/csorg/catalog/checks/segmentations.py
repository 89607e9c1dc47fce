"""Segmentations: default segments are unique, and there are at least two of them or none
(one segment is no split)."""

from __future__ import annotations

from csorg.catalog.checks.context import Context

ID = "segmentations"


def check(ctx: Context) -> None:
    for seg in ctx.catalog.segmentations.values():
        segments = seg.default_segments
        if len(set(segments)) != len(segments):
            ctx.problem("segmentations", seg.id, ("default_segments",), "segments must be unique")
        if len(segments) == 1:
            ctx.problem(
                "segmentations",
                seg.id,
                ("default_segments",),
                "give at least two segments, or none",
            )
