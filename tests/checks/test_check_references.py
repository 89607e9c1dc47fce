"""references: every id an entry names exists, in valid entries and in entries that failed
their schema (at the fields the schema accepted)."""

from __future__ import annotations

from pathlib import Path

import pytest

from csorg.catalog.checks import references
from csorg.catalog.files import CatalogFile
from csorg.catalog.load import check_contents
from snippets import BASE_MODELS, BASE_ROLES, Found, model, problems, role, schema_problems

R = "roles.yaml"
M = "business_models.yaml"

# name -> (roles.yaml snippet, business_models.yaml snippet, problems)
CASES: dict[str, tuple[str | None, str | None, Found]] = {
    "every reference of a role": (
        "roles:\n"
        + role(
            "x",
            area="sucess",
            reports_to="[hed]",
            differs_from="[{role: cms, note: n}]",
            sources="[handbok]",
            span="{value: 5, source: handbok}",
            headcount="{basis: ratio, ratio: {per: cms, every: {value: 5, source: handbook}}}",
            dotted_lines="[{to: [opz], why: w, sources: [nope]}]",
        ),
        None,
        [
            (R, 2, "roles[x].area", "unknown area 'sucess' (did you mean 'success'?)"),
            (R, 2, "roles[x].differs_from[0].role", "unknown role 'cms' (did you mean 'csm'?)"),
            (R, 2, "roles[x].dotted_lines[0].sources[0]", "unknown source 'nope'"),
            (R, 2, "roles[x].dotted_lines[0].to[0]", "unknown role 'opz' (did you mean 'ops'?)"),
            (R, 2, "roles[x].headcount.ratio.per", "unknown role 'cms' (did you mean 'csm'?)"),
            (R, 2, "roles[x].reports_to[0]", "unknown role 'hed' (did you mean 'head'?)"),
            (
                R,
                2,
                "roles[x].sources[0]",
                "unknown source 'handbok' (did you mean 'handbook'?)",
            ),
            (
                R,
                2,
                "roles[x].span.source",
                "unknown source 'handbok' (did you mean 'handbook'?)",
            ),
        ],
    ),
    "an area's sources": (
        "areas:\n  - {id: extra, name: Extra, description: d, sources: [gone]}\n",
        None,
        [(R, 2, "areas[extra].sources[0]", "unknown source 'gone'")],
    ),
    "every reference of a model, rule, segmentation and hat": (
        None,
        "segmentations:\n"
        "  - {id: tier, name: Tier, description: d, sources: [gone]}\n"
        "models:\n"
        + model("m", match="{stage: [smal]}", roles="[{role: head}, {role: csn}]")
        + "rules:\n"
        "  - {id: r, why: w, when: {stage: [lage], model: [simpel], traits: [technicl],\n"
        "     min_count: {role: cms, at_least: {value: 2, source: handbook}}},\n"
        "     add: [{role: hed}], remove: [opps], sources: [handbok]}\n"
        "hats:\n"
        "  - {role: cssm, into: [haed]}\n",
        [
            (M, 2, "segmentations[tier].sources[0]", "unknown source 'gone'"),
            (M, 4, "models[m].match.stage[0]", "unknown stage 'smal' (did you mean 'small'?)"),
            (M, 4, "models[m].roles[1].role", "unknown role 'csn' (did you mean 'csm'?)"),
            (M, 6, "rules[r].when.model[0]", "unknown model 'simpel' (did you mean 'simple'?)"),
            (M, 6, "rules[r].when.stage[0]", "unknown stage 'lage' (did you mean 'large'?)"),
            (
                M,
                6,
                "rules[r].when.traits[0]",
                "unknown trait 'technicl' (did you mean 'technical'?)",
            ),
            (M, 7, "rules[r].when.min_count.role", "unknown role 'cms' (did you mean 'csm'?)"),
            (M, 8, "rules[r].add[0].role", "unknown role 'hed' (did you mean 'head'?)"),
            (M, 8, "rules[r].remove[0]", "unknown role 'opps' (did you mean 'ops'?)"),
            (
                M,
                8,
                "rules[r].sources[0]",
                "unknown source 'handbok' (did you mean 'handbook'?)",
            ),
            (M, 10, "hats[0].into[0]", "unknown role 'haed' (did you mean 'head'?)"),
            (M, 10, "hats[0].role", "unknown role 'cssm' (did you mean 'csm'?)"),
        ],
    ),
    "every reference of tiers, tier mixes, caveats and teams": (
        "roles:\n" + role("x", joins_teams_of="[hed]"),
        "tiers:\n"
        "  - {id: big, name: Big, description: d, coverage: named, served_by: [cms],\n"
        "     accounts_per_seat: {value: 10, source: handbok},\n"
        "     typical_acv: {value: 90000, source: handbook}, sources: [gone]}\n"
        "tier_mixes:\n"
        "  - {id: mix, name: Mix, when: {stage: [smal], model: [simpel]},\n"
        "     shares: [{tier: bgi, share: {value: 1, source: handbook}}]}\n"
        "models:\n" + model("m", caveats="[{text: t, sources: [gone]}]") + "rules:\n"
        "  - {id: r, why: w, add: [{role: ops}],\n"
        "     when: {min_tier_accounts: {tier: bgi, at_least: {value: 5, source: handbook}}}}\n",
        [
            (M, 2, "tiers[big].served_by[0]", "unknown role 'cms' (did you mean 'csm'?)"),
            (
                M,
                3,
                "tiers[big].accounts_per_seat.source",
                "unknown source 'handbok' (did you mean 'handbook'?)",
            ),
            (M, 4, "tiers[big].sources[0]", "unknown source 'gone'"),
            (
                M,
                6,
                "tier_mixes[mix].when.model[0]",
                "unknown model 'simpel' (did you mean 'simple'?)",
            ),
            (M, 6, "tier_mixes[mix].when.stage[0]", "unknown stage 'smal' (did you mean 'small'?)"),
            (M, 7, "tier_mixes[mix].shares[0].tier", "unknown tier 'bgi' (did you mean 'big'?)"),
            (M, 9, "models[m].caveats[0].sources[0]", "unknown source 'gone'"),
            (
                M,
                12,
                "rules[r].when.min_tier_accounts.tier",
                "unknown tier 'bgi' (did you mean 'big'?)",
            ),
            (R, 2, "roles[x].joins_teams_of[0]", "unknown role 'hed' (did you mean 'head'?)"),
        ],
    ),
    "a misspelt key does not hide an unknown manager": (
        "roles:\n" + role("x", title=None, titel="T", reports_to="[hed]"),
        None,
        [(R, 2, "roles[x].reports_to[0]", "unknown role 'hed' (did you mean 'head'?)")],
    ),
    "a missing field does not hide an unknown area or source": (
        "roles:\n  - {id: x, title: X, area: sucess, level: 2, sources: [gone]}\n",
        None,
        [
            (R, 2, "roles[x].area", "unknown area 'sucess' (did you mean 'success'?)"),
            (R, 2, "roles[x].sources[0]", "unknown source 'gone'"),
        ],
    ),
    "a wrong type elsewhere does not hide an unknown number source": (
        "roles:\n" + role("x", level="six", span="{value: 5, source: gone}"),
        None,
        [(R, 2, "roles[x].span.source", "unknown source 'gone'")],
    ),
    "an entry with an invalid id is still looked into": (
        "roles:\n" + role("X Lead", area="sucess"),
        None,
        [(R, 2, "roles[0].area", "unknown area 'sucess' (did you mean 'success'?)")],
    ),
    "a value the schema rejected is not checked again": (
        "roles:\n" + role("x", titel="T", reports_to="hed", area="'Not An Id'"),
        None,
        [],
    ),
    "only the rejected part of a list is skipped": (
        "roles:\n" + role("x", titel="T", reports_to="[hed, 7, 'Bad Id']"),
        None,
        [(R, 2, "roles[x].reports_to[0]", "unknown role 'hed' (did you mean 'head'?)")],
    ),
    "a reference to an entry that failed its schema is not reported": (
        "roles:\n" + role("lead", titel="Lead") + role("x", level="4", reports_to="[lead]"),
        None,
        [],
    ),
    "a model that failed its schema": (
        None,
        "models:\n" + model("m", nmae="x", roles="[{role: hed}]"),
        [(M, 2, "models[m].roles[0].role", "unknown role 'hed' (did you mean 'head'?)")],
    ),
    "a hat that failed its schema": (
        None,
        "hats:\n  - {role: cssm, into: [head], last: true}\n",
        [(M, 2, "hats[0].role", "unknown role 'cssm' (did you mean 'csm'?)")],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_references(case: str) -> None:
    roles, models, expected = CASES[case]
    assert problems(references, roles=roles, models=models) == expected


def test_broken_entries_keep_their_schema_problems() -> None:
    """The schema problems of a broken entry come with its reference problems, not
    instead of them."""
    snippet = "roles:\n" + role("x", title=None, titel="T", reports_to="[hed]")
    assert schema_problems(roles=snippet) == [
        (R, 2, "roles[x]", "required field is missing: title"),
        (R, 2, "roles[x].titel", "unknown field 'titel' (did you mean 'title'?)"),
    ]


def _files(*texts: tuple[str, str, str]) -> list[tuple[CatalogFile, str]]:
    kinds = {"roles.yaml": "roles", "business_models.yaml": "business-models"}
    return [(CatalogFile(kinds[name], Path(name), f"{d}/{name}"), t) for d, name, t in texts]


def test_a_broken_entry_replaced_by_a_later_layer_is_not_looked_into() -> None:
    broken = BASE_ROLES + role("x", title=None, titel="T", reports_to="[hed]")
    fixed = "roles:\n" + role("x")
    _, problems_ = check_contents(
        _files(("a", "roles.yaml", broken), ("a", "business_models.yaml", BASE_MODELS))
    )
    assert [(p.file, p.message) for p in problems_ if "unknown role" in p.message] == [
        ("a/roles.yaml", "unknown role 'hed' (did you mean 'head'?)")
    ]
    _, problems_ = check_contents(
        _files(
            ("a", "roles.yaml", broken),
            ("a", "business_models.yaml", BASE_MODELS),
            ("b", "roles.yaml", fixed),
        )
    )
    assert not [p for p in problems_ if "unknown role" in p.message]
    assert {p.file for p in problems_} == {"a/roles.yaml"}  # its own schema problems stay
