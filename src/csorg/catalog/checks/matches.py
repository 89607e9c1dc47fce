"""Model choice: no two business models match the same ``--stage``/``--touch``/``--plg``
inputs, so each input chooses one model. The problem is reported at the model of the later
catalog layer (the file being edited).

A model without ``match.stage`` claims its touch and plg for every stage; that claim is kept
once per (touch, plg) instead of once per stage, so the work stays linear.
"""

from __future__ import annotations

from csorg.catalog.checks.context import Context
from csorg.catalog.schema import TOUCHES, BusinessModel, Match

ID = "matches"


def check(ctx: Context) -> None:
    claims = _Claims(ctx)
    for model in ctx.catalog.models.values():
        if model.match is not None:
            claims.claim(model, model.match)


class _Claims:
    """The inputs each model is chosen for, so far."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
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
        return next(iter(self.ctx.catalog.stages), "any")

    def clash(
        self, model: str, other: str | None, stage: str, touch: str, plg: bool, seen: set[str]
    ) -> None:
        if other is None or other == model or other in seen:
            return
        seen.add(other)
        ctx = self.ctx
        # blame the model of the later layer: the file being edited
        if ctx.layer("models", other) > ctx.layer("models", model):
            model, other = other, model
        flag = " --plg" if plg else ""
        ctx.problem(
            "models",
            model,
            ("match",),
            f"matches the same inputs as model {other!r}"
            f"{ctx.elsewhere('models', other, 'models', model)} "
            f"(e.g. --stage {stage} --touch {touch}{flag}); each input must choose one model",
        )
