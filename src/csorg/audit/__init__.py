"""`csorg audit`: an existing org chart compared with the recommendation for the same inputs.

- ``orgfile``: reading charts as HR systems and chart tools export them (readers, column and
  key detection, open seats, contractors, FTE, dotted lines, the tree check);
- ``titles``: job titles as people write them, read as catalog roles with a confidence and a
  rule; a team's title map; places and regions;
- ``reading``: each person's role, settled with their place in the chart;
- ``facts``: seats by role (filled, open, contractors, FTE), depths, teams;
- ``rules``: one module per finding kind (``KIND``, ``check(ctx)``), registered in ``RULES``;
- ``benchmarks``: the loads coverage is judged against, read from the recommendation;
- ``changes``: what would change, through `csorg plan`'s diff;
- ``compare``: the audit itself; ``result``: the result and its JSON contract.
"""
