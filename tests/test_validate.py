"""`csorg validate` through the real command line: a corpus of catalogs broken on purpose, one
per check, each with the file, line and message it must be reported at; valid custom
catalogs; the three report formats; exit codes; and how catalogs are layered."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import Run
from csorg.catalog.validate import Outcome, as_github
from csorg.errors import Problem

REPO = Path(__file__).resolve().parents[1]
CATALOGS = REPO / "tests" / "catalogs"
INVALID = sorted(p.name for p in (CATALOGS / "invalid").iterdir() if p.is_dir())
VALID = CATALOGS / "valid"

RunCli = Callable[..., Run]


def _expected(case: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CATALOGS / "invalid" / case / "expected.json").read_text())
    return data


def _matches(expected: dict[str, Any], actual: dict[str, Any]) -> bool:
    return (
        expected["file"] == actual["file"]
        and expected["line"] == actual["line"]
        and expected.get("column", actual["column"]) == actual["column"]
        and expected.get("field", actual["field"]) == actual["field"]
        and expected["message"] in actual["message"]
    )


def test_the_corpus_covers_every_check() -> None:
    assert len(INVALID) >= 22
    for case in INVALID:
        assert _expected(case)["errors"], case


@pytest.mark.parametrize("case", INVALID)
def test_broken_catalog_is_reported_at_its_file_and_line(
    case: str, run: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(CATALOGS / "invalid" / case)
    expected = _expected(case)
    paths = expected.get("paths", ["."])
    result = run("validate", *paths, "--format", "json")
    assert result.exit_code == 1, result.stdout + result.stderr
    report = result.json()
    assert report["valid"] is False
    assert report["error_count"] == len(report["errors"])
    actual = report["errors"]
    # every expected problem, and nothing else: a broken entry must not flood the report
    assert len(actual) == len(expected["errors"]), json.dumps(actual, indent=2)
    for want, got in zip(expected["errors"], actual, strict=True):
        assert _matches(want, got), (want, got)

    text = run("validate", *paths)
    assert text.exit_code == 1
    lines = text.stdout.splitlines()
    for got in actual:
        where = ":".join(str(part) for part in (got["file"], got["line"], got["column"]) if part)
        field = f" {got['field']}:" if got["field"] else ""
        assert any(line.startswith(f"{where}:{field} ") for line in lines), (where, lines)
    assert lines[-1].endswith(".") and "problem" in lines[-1]


def test_all_problems_come_in_one_run_sorted_by_file_and_line(
    run: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(CATALOGS / "invalid")
    result = run("validate", "unknown-references", "wrong-types", "--format", "json")
    errors = result.json()["errors"]
    files = {e["file"] for e in errors}
    assert files == {
        "unknown-references/roles.yaml",
        "unknown-references/business_models.yaml",
        "wrong-types/roles.yaml",
    }
    keys = [(e["file"], e["line"], e["column"]) for e in errors]
    assert keys == sorted(keys)
    again = run("validate", "unknown-references", "wrong-types", "--format", "json")
    assert again.stdout == result.stdout


def test_text_report(run: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CATALOGS / "invalid" / "unknown-field")
    result = run("validate", ".")
    assert result.stdout == (
        "roles.yaml:3:5: roles[onboarding-lead]: required field is missing: title\n"
        "roles.yaml:4:5: roles[onboarding-lead].titel: unknown field 'titel' "
        "(did you mean 'title'?)\n"
        "roles.yaml:12:29: roles[onboarding-lead].headcount.acounts_per_seat: unknown field "
        "'acounts_per_seat' (did you mean 'accounts_per_seat'?)\n"
        "3 problems in 1 file.\n"
    )
    assert result.stderr == ""


def test_github_report(run: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CATALOGS / "invalid" / "unknown-references")
    result = run("validate", ".", "--format", "github")
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "::error file=business_models.yaml,line=6,col=21,"
        "title=models[onboarding-heavy].match.stage[0]::unknown stage 'startp' "
        "(did you mean 'startup'?)"
    )
    assert all(line.startswith("::error file=") for line in lines[:-1])
    assert lines[-1] == "6 problems in 2 files."


def test_github_format_is_chosen_under_github_actions(
    run: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(CATALOGS / "invalid" / "duplicate-ids")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert run("validate", ".").stdout.startswith("::error file=roles.yaml,line=7,col=9,")
    assert run("validate", ".", "--format", "text").stdout.startswith("roles.yaml:7:9: ")


def test_github_annotations_escape_what_github_requires() -> None:
    problem = Problem(
        file="odd,name:1.yaml",
        line=3,
        column=7,
        field="roles[a].title",
        message="100% wrong\nsecond line\r, with: colons",
    )
    text = as_github(Outcome(problems=[problem]))
    first = text.splitlines()[0]
    assert first == (
        "::error file=odd%2Cname%3A1.yaml,line=3,col=7,title=roles[a].title"
        "::100%25 wrong%0Asecond line\\x0d, with: colons"
    )
    located_nowhere = as_github(Outcome(problems=[Problem(file="roles.yaml", message="m")]))
    assert located_nowhere.splitlines()[0] == "::error file=roles.yaml::m"


def test_json_report_shape(run: RunCli) -> None:
    result = run("validate", "--format", "json")
    assert result.exit_code == 0
    report = result.json()
    assert list(report) == ["errors", "error_count", "files", "valid"]
    assert report["errors"] == []
    assert report["valid"] is True
    assert [Path(f).name for f in report["files"]] == [
        "roles.yaml",
        "business_models.yaml",
        "compensation.yaml",
    ]


def test_the_shipped_catalogs_are_valid(run: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("validate").stdout == "No problems in the shipped catalogs.\n"
    monkeypatch.chdir(REPO)
    result = run("validate", "data/")
    assert result.exit_code == 0
    # "layered over the shipped catalogs" unless data/ is itself the shipped copy (editable)
    files = "data/roles.yaml, data/business_models.yaml, data/compensation.yaml"
    assert result.stdout in (
        f"No problems in {files}.\n",
        f"No problems in {files} (layered over the shipped catalogs).\n",
    )


# -- layering ---------------------------------------------------------------------------


def test_custom_catalogs_layer_over_the_shipped_ones(
    run: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(VALID)
    result = run("validate", "extra-role", "replace-role")
    assert result.exit_code == 0, result.stdout
    assert result.stdout == (
        "No problems in extra-role/roles.yaml, extra-role/business_models.yaml, "
        "replace-role/roles.yaml (layered over the shipped catalogs).\n"
    )
    flags = ["--model", "onboarding-first", "--stage", "scaling", "--touch", "high"]
    chosen = run("--catalog", "extra-role", "recommend", *flags)
    assert chosen.exit_code == 0
    assert "Onboarding Lead" in chosen.stdout


def test_an_entry_with_a_shipped_id_replaces_it_whole(run: RunCli) -> None:
    replaced = run("--catalog", str(VALID / "replace-role"), "explain", "csm", "--format", "json")
    card = replaced.json()
    assert card["title"] == "Customer Success Partner"
    assert card["aliases"] == ["CSP"]
    # the shipped aliases went with the shipped entry
    gone = run("--catalog", str(VALID / "replace-role"), "explain", "Client Success Manager")
    assert gone.exit_code == 1
    assert run("explain", "Client Success Manager").exit_code == 0


def test_no_defaults_checks_only_the_given_catalog(run: RunCli) -> None:
    standalone = VALID / "standalone"
    assert run("validate", "--no-defaults", str(standalone)).exit_code == 0
    assert run("--no-defaults", "validate", str(standalone)).exit_code == 0
    assert run("--no-defaults", "--catalog", str(standalone), "validate").exit_code == 0
    # without the shipped catalogs, a catalog that leans on them is broken
    result = run("validate", "--no-defaults", str(VALID / "extra-role"), "--format", "json")
    assert result.exit_code == 1
    messages = [e["message"] for e in result.json()["errors"]]
    assert any("unknown role 'vp-cs'" in m for m in messages)
    assert any("unknown source 'churnzero-2023'" in m for m in messages)


def test_no_defaults_without_a_catalog_is_a_usage_error(run: RunCli) -> None:
    result = run("validate", "--no-defaults")
    assert result.exit_code == 2
    assert "--no-defaults needs a PATH or at least one --catalog DIR" in result.stderr


def test_the_catalogs_in_use_come_from_csorg_catalog(run: RunCli) -> None:
    broken = str(CATALOGS / "invalid" / "unknown-references")
    result = run("validate", "--format", "json", env={"CSORG_CATALOG": broken})
    assert result.exit_code == 1
    assert len(result.json()["errors"]) == 6
    good = str(VALID / "extra-role")
    assert run("validate", env={"CSORG_CATALOG": good}).exit_code == 0
    # --catalog wins over the environment, as for every command
    assert run("--catalog", good, "validate", env={"CSORG_CATALOG": broken}).exit_code == 0


def test_a_catalog_file_stands_for_its_directory(
    run: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the problem is in business_models.yaml; naming roles.yaml still finds it
    monkeypatch.chdir(CATALOGS / "invalid" / "not-a-tree")
    result = run("validate", "roles.yaml", "--format", "json")
    assert result.exit_code == 1
    assert [e["file"] for e in result.json()["errors"]] == ["business_models.yaml"]


def test_a_file_with_another_name_is_checked_by_its_contents(tmp_path: Path, run: RunCli) -> None:
    extra = tmp_path / "team-roles.yaml"
    shutil.copy(VALID / "extra-role" / "roles.yaml", extra)
    assert run("validate", str(extra)).exit_code == 0
    extra.write_text(extra.read_text().replace("area: onboarding", "area: onbording"))
    result = run("validate", str(extra), "--format", "json")
    assert result.exit_code == 1
    assert "unknown area 'onbording' (did you mean 'onboarding'?)" in result.stdout


def test_each_path_is_a_catalog_of_its_own(tmp_path: Path, run: RunCli) -> None:
    """Two teams' catalogs may each choose their own model for the same inputs."""
    for team in ("north", "south"):
        (tmp_path / team).mkdir()
        (tmp_path / team / "business_models.yaml").write_text(
            "models:\n"
            f"  - id: {team}-startup\n"
            f"    name: The {team} team's startup\n"
            "    summary: A CS Lead and CSMs.\n"
            "    match: {stage: [startup], touch: [low], plg: false}\n"
            "    roles: [{role: cs-lead}, {role: csm}]\n"
            "    sources: [kiouri-2023]\n"
            "  - id: low-touch-startup\n"
            "    name: Moved out of the way\n"
            "    summary: Chosen with --model only.\n"
            "    roles: [{role: cs-lead}, {role: csm}]\n"
            "    sources: [kiouri-2023]\n"
        )
    result = run("validate", str(tmp_path / "north"), str(tmp_path / "south"))
    assert result.exit_code == 0, result.stdout


def test_a_later_layer_is_blamed_for_a_clash(tmp_path: Path, run: RunCli) -> None:
    """A replaced shipped model keeps its place; the clash is still reported in the file
    that caused it, not in the shipped catalog."""
    (tmp_path / "business_models.yaml").write_text(
        "models:\n"
        "  - id: low-touch-startup\n"
        "    name: Everything low touch\n"
        "    summary: One structure for every low-touch company.\n"
        "    match: {touch: [low], plg: false}\n"
        "    roles: [{role: cs-lead}, {role: csm}]\n"
        "    sources: [kiouri-2023]\n"
    )
    result = run("validate", str(tmp_path), "--format", "json")
    assert result.exit_code == 1
    errors = result.json()["errors"]
    assert {Path(e["file"]).name for e in errors} == {"business_models.yaml"}
    assert {e["file"] for e in errors} == {str(tmp_path / "business_models.yaml")}
    assert any("'scaling-low-touch'" in e["message"] for e in errors)


def test_an_alias_may_not_be_another_roles_id(tmp_path: Path, run: RunCli) -> None:
    """`csorg explain "VP CS"` must not depend on which of two roles comes first."""
    source = (VALID / "extra-role" / "roles.yaml").read_text()
    (tmp_path / "roles.yaml").write_text(source.replace("[Onboarding Team Lead]", "[VP CS]"))
    result = run("validate", str(tmp_path), "--format", "json")
    assert result.exit_code == 1
    [error] = result.json()["errors"]
    assert error["field"] == "roles[onboarding-lead].aliases[0]"
    assert error["message"].startswith("'VP CS' also names role 'vp-cs'")


def test_yaml_booleans_get_a_quoting_hint_where_text_is_expected(
    tmp_path: Path, run: RunCli
) -> None:
    source = (VALID / "extra-role" / "roles.yaml").read_text()
    (tmp_path / "roles.yaml").write_text(
        source.replace("area: onboarding", "area: onboarding\n    scope: off")
    )
    result = run("validate", str(tmp_path), "--format", "json")
    [error] = result.json()["errors"]
    assert error["field"] == "roles[onboarding-lead].scope"
    assert error["message"] == (
        "expected one of 'global', 'region' or 'pod', found the boolean false; "
        'YAML reads `off` as false: quote it ("off")'
    )


# -- usage errors -------------------------------------------------------------------------


def test_usage_errors_exit_2(run: RunCli, tmp_path: Path) -> None:
    assert run("validate", str(tmp_path / "missing")).exit_code == 2
    assert run("validate", "--format", "xml").exit_code == 2
    empty = run("validate", str(tmp_path))
    assert empty.exit_code == 2
    assert "holds neither roles.yaml, business_models.yaml nor compensation.yaml" in empty.stderr


def test_a_missing_catalog_directory_is_reported_in_the_chosen_format(
    run: RunCli, tmp_path: Path
) -> None:
    result = run("--catalog", str(tmp_path / "gone"), "validate", "--format", "json")
    assert result.exit_code == 1
    assert result.json()["errors"][0]["message"] == "catalog directory not found"


# -- JSON Schema --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "file_name"),
    [
        ("roles", "roles.schema.json"),
        ("business-models", "business_models.schema.json"),
        ("compensation", "compensation.schema.json"),
    ],
)
def test_committed_schemas_are_up_to_date(kind: str, file_name: str, run: RunCli) -> None:
    result = run("schema", kind)
    assert result.exit_code == 0
    committed = (REPO / "schemas" / file_name).read_text(encoding="utf-8")
    assert result.stdout == committed, f"run: csorg schema {kind} > schemas/{file_name}"


def test_schema_describes_every_field(run: RunCli) -> None:
    schema = run("schema", "roles").json()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == "urn:csorg:schema:roles"
    assert schema["title"] == "csorg roles catalog (roles.yaml)"
    for name, definition in [("RolesFile", schema), *schema["$defs"].items()]:
        for field, prop in definition["properties"].items():
            assert prop.get("description"), f"{name}.{field} has no description"
    # inherited from the provenance base class
    figure = schema["$defs"]["Figure"]["properties"]
    assert figure["heuristic"]["description"].startswith("True when no source gives")
    # the sane range of catalog figures reaches editors too
    assert (figure["value"]["minimum"], figure["value"]["maximum"]) == (0.001, 10_000_000)


def test_the_format_version_checked_by_hand_is_the_schemas() -> None:
    import typing

    from csorg.catalog.parse import FORMAT_VERSION
    from csorg.catalog.schema import BusinessModelsFile, RolesFile

    for file_type in (RolesFile, BusinessModelsFile):
        version = typing.get_type_hints(file_type)["version"]
        assert typing.get_args(version) == (FORMAT_VERSION,)


def test_top_level_problems(tmp_path: Path, run: RunCli) -> None:
    (tmp_path / "business_models.yaml").write_text(
        "version: 2\nstages: no\nmodels:\nhats: null\nrule: []\n"
    )
    result = run("validate", str(tmp_path), "--format", "json")
    assert result.exit_code == 1
    assert [(e["line"], e["field"], e["message"]) for e in result.json()["errors"]] == [
        (1, "version", "expected 1, found the number 2"),
        (2, "stages", "expected a list, found the boolean false"),
        (3, "models", "expected a list, found nothing (null)"),
        (5, "rule", "unknown field 'rule' (did you mean 'rules'?)"),
    ]


def test_a_list_of_invalid_items_is_not_also_too_short(tmp_path: Path, run: RunCli) -> None:
    """pydantic counts only the valid items of a list with a minimum length; csorg reports the
    items, not a list "too short" with as many items as it needs."""
    (tmp_path / "roles.yaml").write_text(
        (VALID / "extra-role" / "roles.yaml")
        .read_text()
        .replace("sources: [churnzero-2023]", "sources: [Churnzero 2023]")
    )
    result = run("validate", str(tmp_path), "--format", "json")
    assert [(e["field"], e["message"][:12]) for e in result.json()["errors"]] == [
        ("roles[onboarding-lead].sources[0]", "expected an ")
    ]


def test_schema_kind_is_checked(run: RunCli) -> None:
    assert run("schema", "models").exit_code == 2


def _check_jsonschema() -> str:
    found = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    found = found or shutil.which("check-jsonschema")
    if found is None:
        pytest.skip("check-jsonschema not installed: pip install '.[test]'")
    return found


def _schema_check(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_check_jsonschema(), "--schemafile", str(REPO / "schemas" / schema), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_jsonschema_accepts_the_shipped_catalogs() -> None:
    for name in ("roles", "business_models", "compensation"):
        result = _schema_check(f"{name}.schema.json", REPO / "data" / f"{name}.yaml")
        assert result.returncode == 0, result.stdout + result.stderr


# broken catalogs a JSON Schema can see (references and YAML 1.1 booleans it cannot)
SCHEMA_VISIBLE = [
    "non-positive-numbers",
    "out-of-range-numbers",
    "required-fields",
    "scalar-entry",
    "top-level-list",
    "unknown-field",
    "wrong-types",
]


@pytest.mark.parametrize("case", SCHEMA_VISIBLE)
def test_check_jsonschema_rejects_broken_catalogs(case: str) -> None:
    for path in sorted((CATALOGS / "invalid" / case).glob("*.yaml")):
        result = _schema_check(f"{path.stem}.schema.json", path)
        assert result.returncode == 1, (path, result.stdout)
        assert "Schema validation errors were encountered." in result.stdout
