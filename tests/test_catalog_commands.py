"""`csorg explain`, `models`, `roles` and `figures` through the real command line."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from csorg.catalog.load import load_catalog
from csorg.catalog.schema import Catalog

SHIPPED = load_catalog()
NAMES = [
    (role.id, name)
    for role in SHIPPED.roles.values()
    for name in (role.id, role.title, role.title.upper(), *role.aliases)
]

# the pairs of roles people confuse, which the cards must tell apart
DIFFERENCES = [
    ("cco", "vp-cs"),
    ("vp-cs", "cs-director"),
    ("cs-director", "cs-team-lead"),
    ("cs-lead", "cs-team-lead"),
    ("csm", "support-manager"),
    ("implementation-manager", "professional-services-director"),
    ("support-rep", "support-consultant"),
]


@pytest.mark.parametrize(("role_id", "name"), NAMES, ids=[f"{r}:{n}" for r, n in NAMES])
def test_explain_finds_every_role_by_id_title_and_alias(
    run: Callable, role_id: str, name: str
) -> None:
    result = run("explain", name, "--format", "json")
    assert result.exit_code == 0, result.stderr
    card = result.json()
    assert card["id"] == role_id
    assert card["responsibilities"] and card["when_to_add"] and card["sources"]
    assert all(source.get("title") for source in card["sources"])


def test_explain_card_in_the_terminal(run: Callable, catalog: Catalog) -> None:
    out = run("explain", "csm").stdout
    for heading in ("Responsibilities", "When to add", "How it differs", "Numbers", "Sources"):
        assert heading in out
    assert "Totango" in out  # the coverage figure names its source


@pytest.mark.parametrize(("role_id", "other"), DIFFERENCES)
def test_cards_tell_confused_roles_apart(run: Callable, role_id: str, other: str) -> None:
    card = run("explain", role_id, "--format", "json").json()
    assert other in {d["role"] for d in card["differs_from"]}


def test_analyst_card_covers_the_customer_data_analyst(run: Callable) -> None:
    card = run("explain", "Customer Data Analyst", "--format", "json").json()
    assert card["id"] == "cs-analyst"
    assert [v["title"] for v in card["variants"]] == ["Customer Data Analyst"]


@pytest.mark.parametrize("name", ["custmer sucess manger", "nobody", ""])
def test_unknown_role_exits_1_with_suggestions(run: Callable, name: str) -> None:
    result = run("explain", name)
    assert result.exit_code == 1
    assert "no role called" in result.stderr
    if name.startswith("cust"):
        assert "Customer Success Manager (csm)" in result.stderr


def test_models_and_roles_list_the_catalog(run: Callable, catalog: Catalog) -> None:
    models = run("models", "--format", "json").json()
    assert [m["id"] for m in models] == list(catalog.models)
    assert all(m["name"] for m in models)
    roles = run("roles", "--format", "json").json()
    assert [r["id"] for r in roles] == list(catalog.roles)
    assert all(r["title"] for r in roles)
    assert "low-touch-startup" in run("models").stdout
    assert "Customer Success Manager" in run("roles").stdout


def test_figures_name_a_source_or_a_heuristic_for_every_number(run: Callable) -> None:
    rows = run("figures", "--format", "json").json()
    assert len(rows) > 30
    for row in rows:
        assert row["heuristic"] or (row["source"] and row["source"]["title"]), row
        if row["heuristic"]:
            assert row["note"], row


def test_every_models_row_says_flags_that_choose_it(run: Callable) -> None:
    """The "chosen by" of `csorg models`, run as written (each alternative of a|b in turn),
    gives that model: no flag it needs is missing from the row."""
    for row in run("models", "--format", "json").json():
        words = row["chosen_by"].replace("(without --plg)", "").split()
        choices = [w.split("|") for w in words]
        for pick in range(max(len(c) for c in choices)):
            flags = [c[min(pick, len(c) - 1)] for c in choices]
            data = run("recommend", *flags, "--format", "json").json()
            assert data["model"]["id"] == row["id"], (row["chosen_by"], flags)
