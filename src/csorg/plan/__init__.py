"""`csorg plan`: how the team gets from where it is to where it is going.

- :mod:`~csorg.plan.roadmap`: the ordered steps from one recommended org to another (`--from
  STAGE/TOUCH --to STAGE/TOUCH`).
- :mod:`~csorg.plan.forecast`: the company quarter by quarter from a growth forecast.
- :mod:`~csorg.plan.people`: the people a plan starts from (a recommendation, an org chart or
  nobody) and the hires, promotions and moves that take them to each quarter's org.
- :mod:`~csorg.plan.timing`: when to open each requisition (time to hire, ramp).
- :mod:`~csorg.plan.quarterly`: the quarter-by-quarter hiring plan that puts them together.
"""

from csorg.plan.roadmap import (
    Roadmap,
    Spec,
    Step,
    diff,
    make_plan,
    parse_spec,
    target_request,
)

__all__ = ["Roadmap", "Spec", "Step", "diff", "make_plan", "parse_spec", "target_request"]
