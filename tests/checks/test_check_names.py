"""names: an id, title or alias names one role; a close title belongs to one role and is no
role's id, title or alias. A clash across layers is reported in the later one."""

from __future__ import annotations

import pytest

from csorg.catalog.checks import names
from snippets import Found, problems, role

R = "roles.yaml"
B = "base/roles.yaml"

CASES: dict[str, tuple[str, Found]] = {
    "distinct names": ("roles:\n" + role("x", aliases="[X Lead]", close_titles="[Lead]"), []),
    "a title that is another role's title": (
        "roles:\n" + role("x", title="success manager!"),
        [
            (
                R,
                2,
                "roles[x].title",
                "'success manager!' also names role 'csm' (in base/roles.yaml); an id, title "
                "or alias must name one role",
            )
        ],
    ),
    "an alias that is another role's id, in the same file": (
        "roles:\n" + role("x") + role("y", aliases="[X]"),
        [
            (
                R,
                3,
                "roles[y].aliases[0]",
                "'X' also names role 'x'; an id, title or alias must name one role",
            )
        ],
    ),
    "a close title that is another role's alias, in the file below": (
        "roles:\n" + role("x", close_titles="[Chief Executive Officer]"),
        [
            (
                R,
                2,
                "roles[x].close_titles[0]",
                "'Chief Executive Officer' names role 'ceo' (in base/roles.yaml); a close "
                "title cannot be an id, title or alias",
            )
        ],
    ),
    "a close title that is a later role's title, in the same file": (
        "roles:\n"
        + role("lead", title="CS Lead", close_titles="[Operations Lead]", level="2")
        + role("x", title="Operations Lead"),
        [
            (
                R,
                2,
                "roles[lead].close_titles[0]",
                "'Operations Lead' names role 'x'; a close title cannot be an id, title or alias",
            )
        ],
    ),
    "a title that is a close title in the file below": (
        "roles:\n" + role("x", title="Operations Manager"),
        [
            (
                R,
                2,
                "roles[x].title",
                "this name is a close title of role 'ops' (in base/roles.yaml), which csorg "
                "asks about instead of reading it as a role; an id, title or alias cannot also "
                "be a close title",
            )
        ],
    ),
    "a close title of a role in the file below, claimed again": (
        "roles:\n" + role("x", close_titles="[operations manager]"),
        [
            (
                R,
                2,
                "roles[x].close_titles[0]",
                "'operations manager' is also a close title of role 'ops' (in base/roles.yaml); "
                "a close title belongs to one role",
            )
        ],
    ),
    "a close title that is the role's own alias": (
        "roles:\n" + role("x", aliases="[Lead]", close_titles="[lead]"),
        [
            (
                R,
                2,
                "roles[x].close_titles[0]",
                "'lead' is also this role's id, title or an alias; a close title is one that "
                "often names another job",
            )
        ],
    ),
    "a close title listed twice": (
        "roles:\n" + role("x", close_titles="[Account Manager, account-manager]"),
        [(R, 2, "roles[x].close_titles[1]", "'account-manager' is listed twice")],
    ),
    "a close title of two roles": (
        "roles:\n" + role("x", close_titles="[Lead]") + role("y", close_titles="[Lead]"),
        [
            (
                R,
                3,
                "roles[y].close_titles[0]",
                "'Lead' is also a close title of role 'x'; a close title belongs to one role",
            )
        ],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_names(case: str) -> None:
    snippet, expected = CASES[case]
    assert problems(names, roles=snippet) == expected


def test_a_clash_with_a_later_layer_is_reported_there() -> None:
    """The base's title is claimed again by the later file: the later file is told, even
    though the base role comes first in the catalog."""
    snippet = "roles:\n" + role("ops", title="Operations", level="2") + role("x", title="CSM")
    found = problems(names, roles=snippet)
    assert found == [
        (
            R,
            3,
            "roles[x].title",
            "'CSM' also names role 'csm' (in base/roles.yaml); an id, title or alias must name "
            "one role",
        )
    ]
    assert not [p for p in found if p[0] == B]
