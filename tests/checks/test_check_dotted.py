"""dotted: dotted lines name other roles, once each, ranking above the role or beside it."""

from __future__ import annotations

import pytest

from csorg.catalog.checks import dotted
from snippets import Found, problems, role

R = "roles.yaml"


def line(*targets: str) -> str:
    return "[{to: [" + ", ".join(targets) + "], why: w}]"


CASES: dict[str, tuple[str, Found]] = {
    "a dotted line to a role above": ("roles:\n" + role("x", dotted_lines=line("ops", "head")), []),
    "a dotted line to a role beside": ("roles:\n" + role("x", dotted_lines=line("csm")), []),
    "a dotted line to a role below": (
        "roles:\n" + role("x", level="2", dotted_lines=line("csm")),
        [
            (
                R,
                2,
                "roles[x].dotted_lines[0].to[0]",
                "a dotted-line manager must rank above the role or beside it (a smaller or "
                "equal level): 'csm' has level 3, this role 2, so this would point downwards",
            )
        ],
    ),
    "a dotted line to itself": (
        "roles:\n" + role("x", dotted_lines=line("ops", "x")),
        [(R, 2, "roles[x].dotted_lines[0].to[1]", "a role cannot have a dotted line to itself")],
    ),
    "a target listed twice": (
        "roles:\n" + role("x", dotted_lines=line("ops", "ops")),
        [(R, 2, "roles[x].dotted_lines[0].to[1]", "'ops' is listed twice")],
    ),
    "the same target in two dotted lines": (
        "roles:\n" + role("x", dotted_lines="[{to: [ops], why: a}, {to: [ops, head], why: b}]"),
        [],
    ),
    "an unknown target is left to the references check": (
        "roles:\n" + role("x", dotted_lines=line("nobody")),
        [],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_dotted(case: str) -> None:
    snippet, expected = CASES[case]
    assert problems(dotted, roles=snippet) == expected
