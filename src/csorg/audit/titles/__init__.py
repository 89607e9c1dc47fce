"""Job titles as people write them, read as catalog roles.

``normalise`` takes a title apart (seniority, grade, segment, region, markers), ``candidates``
lists the names it may stand for, ``reader`` matches them against the catalog with a
confidence and the rule that made each reading, ``custom`` reads a team's own title map, and
``places`` knows which region a place is in.
"""
