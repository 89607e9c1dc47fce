"""Every structure the articles give comes out exactly: roles, optional marks, reporting lines.

One row per structure (the table of issue #3 plus the models csorg adds), checked through the
engine and through the real command line, in JSON and in the tree.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from csorg.catalog.schema import Catalog
from csorg.engine.inputs import Request
from csorg.engine.recommend import recommend

# (flags, model id, {role: (reports_to, optional)}) -- the CEO root is implied
STRUCTURES: list[tuple[list[str], str, dict[str, tuple[str, bool]]]] = [
    (
        ["--stage", "startup", "--touch", "low"],
        "low-touch-startup",
        {
            "cs-lead": ("ceo", False),
            "csm": ("cs-lead", False),
            "support-manager": ("cs-lead", False),
            "cs-engineer": ("cs-lead", True),
        },
    ),
    (
        ["--stage", "startup", "--touch", "high"],
        "high-touch-startup",
        {
            "vp-cs": ("ceo", False),
            "cs-team-lead": ("vp-cs", False),
            "csm": ("cs-team-lead", False),
            "support-manager": ("vp-cs", False),
            "cs-engineer": ("vp-cs", False),
            "cs-analyst": ("vp-cs", False),
        },
    ),
    (
        ["--stage", "scaling", "--touch", "low"],
        "scaling-low-touch",
        {
            "vp-cs": ("ceo", False),
            "csm": ("vp-cs", False),
            "cs-engineer": ("vp-cs", False),
            "cs-analyst": ("vp-cs", False),
        },
    ),
    (
        ["--stage", "scaling", "--touch", "high"],
        "scaling-high-touch",
        {
            "vp-cs": ("ceo", False),
            "cs-director": ("vp-cs", False),
            "cs-team-lead": ("cs-director", False),
            "csm": ("cs-team-lead", False),
            "support-manager": ("vp-cs", False),
            "cs-ops": ("vp-cs", False),
            "cs-analyst": ("cs-ops", False),
            "cs-engineer": ("cs-director", False),
        },
    ),
    (
        ["--stage", "scaling", "--touch", "high", "--plg"],
        "product-led-growth",
        {
            "cco": ("ceo", False),
            "vp-cs": ("cco", False),
            "cs-director": ("vp-cs", False),
            "cs-team-lead": ("cs-director", False),
            "csm": ("cs-team-lead", False),
            "support-manager": ("vp-cs", False),
            "cs-ops": ("vp-cs", False),
            "cs-analyst": ("cs-ops", False),
            "cs-engineer": ("cs-director", False),
        },
    ),
    (
        ["--model", "product-led-growth"],
        "product-led-growth",
        {
            "cco": ("ceo", False),
            "vp-cs": ("cco", False),
            "cs-director": ("vp-cs", False),
            "cs-team-lead": ("cs-director", False),
            "csm": ("cs-team-lead", False),
            "support-manager": ("vp-cs", False),
            "cs-ops": ("vp-cs", False),
            "cs-analyst": ("cs-ops", False),
            "cs-engineer": ("cs-director", False),
        },
    ),
    *[
        (
            ["--stage", "enterprise", "--touch", touch],
            "enterprise",
            {
                "cco": ("ceo", True),
                "vp-cs": ("cco", False),
                "cs-director": ("vp-cs", False),
                "cs-team-lead": ("cs-director", True),
                "csm": ("cs-team-lead", False),
                "digital-success-manager": ("cs-team-lead", False),
                "cs-ops": ("vp-cs", True),
                "cs-analyst": ("cs-ops", True),
            },
        )
        for touch in ("low", "high")
    ],
    (
        ["--stage", "enterprise", "--touch", "high", "--no-optional"],
        "enterprise",
        {
            "vp-cs": ("ceo", False),
            "cs-director": ("vp-cs", False),
            "csm": ("cs-director", False),
            "digital-success-manager": ("cs-director", False),
        },
    ),
    (
        ["--stage", "startup", "--touch", "low", "--plg"],
        "product-led-startup",
        {
            "cs-lead": ("ceo", False),
            "csm": ("cs-lead", False),
            "support-manager": ("cs-lead", False),
            "cs-analyst": ("cs-lead", False),
            "digital-success-manager": ("cs-lead", True),
            "cs-engineer": ("cs-lead", True),
        },
    ),
    (
        ["--stage", "scaling", "--touch", "low", "--plg"],
        "product-led-scaling-low-touch",
        {
            "vp-cs": ("ceo", False),
            "digital-success-manager": ("vp-cs", False),
            "csm": ("vp-cs", False),
            "cs-engineer": ("vp-cs", False),
            "cs-analyst": ("cs-ops", False),
            "cs-ops": ("vp-cs", True),
        },
    ),
    (
        ["--model", "functional-areas", "--stage", "enterprise", "--touch", "high"],
        "functional-areas",
        {
            "cco": ("ceo", False),
            "vp-cs": ("cco", False),
            "cs-team-lead": ("vp-cs", True),
            "csm": ("cs-team-lead", False),
            "support-manager": ("vp-cs", False),
            "support-rep": ("support-manager", False),
            "support-consultant": ("support-manager", True),
            "cs-ops": ("vp-cs", False),
            "cs-analyst": ("cs-ops", True),
            "onboarding-manager": ("vp-cs", False),
            "implementation-manager": ("onboarding-manager", False),
            "training-specialist": ("onboarding-manager", False),
            "professional-services-director": ("cco", False),
            "renewal-manager": ("vp-cs", True),
        },
    ),
]


def _ids(row: tuple[list[str], str, dict[str, tuple[str, bool]]]) -> str:
    return " ".join(row[0])


@pytest.mark.parametrize("row", STRUCTURES, ids=_ids)
def test_structure_json(
    row: tuple[list[str], str, dict[str, tuple[str, bool]]], run: Callable
) -> None:
    flags, model_id, expected = row
    result = run("recommend", *flags, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = result.json()
    assert data["model"]["id"] == model_id
    roles = {r["id"]: r for r in data["roles"]}
    assert roles["ceo"]["reports_to"] is None
    assert data["roles"][0]["id"] == "ceo"
    got = {r: (v["reports_to"], v["optional"]) for r, v in roles.items() if r != "ceo"}
    assert got == expected
    assert all(r["count"] == 1 for r in data["roles"])
    assert all(r["rationale"] for r in data["roles"])


@pytest.mark.parametrize("row", STRUCTURES, ids=_ids)
def test_structure_tree(
    row: tuple[list[str], str, dict[str, tuple[str, bool]]], run: Callable, catalog: Catalog
) -> None:
    flags, _, expected = row
    result = run("recommend", *flags)
    assert result.exit_code == 0, result.stderr
    tree = result.stdout.split("\n\nWhy\n")[0].splitlines()[2:]
    # each role's line is indented one level deeper than its manager's line
    depth = {}
    for line in tree:
        title = line.lstrip("│├└─ ").split(" ×")[0].split("  [")[0]
        depth[title] = (len(line) - len(line.lstrip("│├└─ "))) // 4
    for role_id, (manager, optional) in expected.items():
        title = catalog.roles[role_id].title
        assert depth[title] == depth[catalog.roles[manager].title] + 1, (title, tree)
        line = next(x for x in tree if title + " ×" in x)
        assert ("(optional)" in line) == optional
    assert len(tree) == len(expected) + 1


def test_tree_order_is_stable_and_ceo_first(catalog: Catalog) -> None:
    first = recommend(catalog, Request(stage="scaling", touch="high"))
    second = recommend(catalog, Request(stage="scaling", touch="high"))
    assert first == second
    assert first.roles[0].id == "ceo"
    seen = {"ceo"}
    for role in first.roles[1:]:
        assert role.reports_to in seen  # tree order: managers come before their reports
        seen.add(role.id)


@pytest.mark.parametrize(
    ("trait", "added"),
    [
        ("technical", {"cs-engineer"}),
        ("complex", {"onboarding-manager", "implementation-manager", "training-specialist"}),
        ("services", {"professional-services-director"}),
    ],
)
def test_traits_add_roles(catalog: Catalog, trait: str, added: set[str]) -> None:
    base = recommend(catalog, Request(stage="scaling", touch="low"))
    more = recommend(catalog, Request(stage="scaling", touch="low", traits=(trait,)))
    new = {r.id for r in more.roles} - {r.id for r in base.roles}
    assert new == added - {r.id for r in base.roles}
    for role in more.roles:
        if role.id in new:
            assert any("rule " in reason for reason in role.rationale)


def test_complex_product_reporting(catalog: Catalog) -> None:
    rec = recommend(catalog, Request(stage="scaling", touch="high", traits=("complex", "services")))
    lines = {r.id: r.reports_to for r in rec.roles}
    assert lines["onboarding-manager"] == "vp-cs"
    assert lines["implementation-manager"] == "onboarding-manager"
    assert lines["training-specialist"] == "onboarding-manager"
    assert lines["professional-services-director"] == "vp-cs"


def test_no_individual_contributor_reports_to_ceo_while_a_leader_exists(catalog: Catalog) -> None:
    for model_id in catalog.models:
        for optional in (True, False):
            rec = recommend(
                catalog,
                Request(model=model_id, stage="enterprise", touch="high", optional=optional),
            )
            leaders = [
                r for r in rec.roles if r.id != "ceo" and catalog.roles[r.id].span is not None
            ]
            for role in rec.roles:
                if role.reports_to == "ceo" and catalog.roles[role.id].span is None:
                    assert not leaders, (model_id, role.id)


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--model", "functional-areas"], "--model functional-areas does not fix a stage"),
        (["--model", "enterprise"], "--model enterprise does not fix a touch model"),
        (["--stage", "startup"], "give --touch low or --touch high"),
        (["--touch", "low"], "give --stage"),
        (["--stage", "seed", "--touch", "low"], "startup, scaling, enterprise"),
    ],
)
def test_missing_or_bad_structure_inputs_are_usage_errors(
    run: Callable, flags: list[str], message: str
) -> None:
    result = run("recommend", *flags)
    assert result.exit_code == 2
    assert message in result.stderr
