"""Stages: only the largest stage leaves ``max_employees`` empty, and no two stages share a
threshold, so ``--employees`` always infers one stage."""

from __future__ import annotations

from csorg.catalog.checks.context import Context

ID = "stages"


def check(ctx: Context) -> None:
    stages = ctx.catalog.stages
    open_ended = [s for s in stages.values() if s.max_employees is None]
    for stage in open_ended[1:]:
        ctx.problem(
            "stages",
            stage.id,
            ("max_employees",),
            "only the largest stage may leave max_employees empty",
        )
    thresholds: dict[int, str] = {}
    for stage in stages.values():
        if stage.max_employees is not None:
            other = thresholds.setdefault(stage.max_employees.value, stage.id)
            if other != stage.id:
                ctx.problem(
                    "stages", stage.id, ("max_employees",), f"same threshold as stage {other!r}"
                )
