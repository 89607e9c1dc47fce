"""roles: a `ceo` root at level 0 reporting to no one; every other role lists managers
once, never itself, each ranking higher."""

from __future__ import annotations

import pytest

from csorg.catalog.checks import roles as roles_check
from snippets import Found, problems, role

R = "roles.yaml"
CEO = "id: ceo, title: Chief Executive Officer, area: leadership, summary: s, "
CEO += "responsibilities: [r], when_to_add: w, sources: [handbook], span: {value: 8, source: "
CEO += "handbook}"

CASES: dict[str, tuple[str, Found]] = {
    "managers that rank higher": (
        "roles:\n" + role("x", reports_to="[csm, ops, head]", level="4"),
        [],
    ),
    "a role reporting to itself": (
        "roles:\n" + role("x", reports_to="[x]"),
        [(R, 2, "roles[x].reports_to[0]", "a role cannot report to itself")],
    ),
    "a manager listed twice": (
        "roles:\n" + role("x", reports_to="[head, head]"),
        [(R, 2, "roles[x].reports_to[1]", "'head' is listed twice")],
    ),
    "a manager at the same level": (
        "roles:\n" + role("x", level="2", reports_to="[ops]"),
        [
            (
                R,
                2,
                "roles[x].reports_to[0]",
                "a manager must rank higher (a smaller level): 'ops' has level 2, this role "
                "2, so this would point sideways",
            )
        ],
    ),
    "a manager further down": (
        "roles:\n" + role("x", level="2", reports_to="[csm]"),
        [
            (
                R,
                2,
                "roles[x].reports_to[0]",
                "a manager must rank higher (a smaller level): 'csm' has level 3, this role "
                "2, so this would point downwards",
            )
        ],
    ),
    "an unknown manager is left to the references check": (
        "roles:\n" + role("x", reports_to="[nobody]"),
        [],
    ),
    "a role without managers": (
        "roles:\n" + role("x", reports_to="[]"),
        [(R, 2, "roles[x].reports_to", "list at least one preferred manager")],
    ),
    "a second root": (
        "roles:\n" + role("x", level="0", reports_to="[ceo]"),
        [
            (R, 2, "roles[x].level", "level 0 is the root's; use 1 or more"),
            (
                R,
                2,
                "roles[x].reports_to[0]",
                "a manager must rank higher (a smaller level): 'ceo' has level 0, this role "
                "0, so this would point sideways",
            ),
        ],
    ),
    "a root with a manager and a level": (
        "roles:\n  - {" + CEO + ", level: 1, reports_to: [head]}\n",
        [
            (
                "base/roles.yaml",
                12,
                "roles[head].reports_to[0]",
                "a manager must rank higher (a smaller level): 'ceo' has level 1, this role "
                "1, so this would point sideways",
            ),
            (R, 2, "roles[ceo].level", "the root `ceo` has level 0"),
            (
                R,
                2,
                "roles[ceo].reports_to",
                "the root `ceo` reports to no one",
            ),
            (
                R,
                2,
                "roles[ceo].reports_to[0]",
                "a manager must rank higher (a smaller level): 'head' has level 1, this role "
                "1, so this would point sideways",
            ),
        ],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_roles(case: str) -> None:
    snippet, expected = CASES[case]
    assert problems(roles_check, roles=snippet) == expected


def test_a_catalog_without_a_root() -> None:
    snippet = "version: 1\nsources: [{id: handbook, title: H}]\nareas: [{id: success, name: S,"
    snippet += " description: d}]\nroles:\n" + role("x", reports_to="[y]") + role("y", level="1")
    assert problems(roles_check, roles=snippet, base=False) == [
        (R, 5, "roles[x].id", "the catalog has no `ceo` role, the root of every org"),
    ]
