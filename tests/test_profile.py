"""The company profile (csorg.yaml): broken profiles reported at their file and line, like
catalogs; profiles read by every command with flags laid over them; what `csorg init` writes
reads back to the same inputs."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import Run
from csorg.engine.inputs import Request
from csorg.profile.model import ForecastPeriod, GrowthForecast
from csorg.profile.read import FIELDS, HINTS, read_profile
from csorg.profile.write import profile_text

REPO = Path(__file__).resolve().parents[1]
RunCli = Callable[..., Run]

GOOD = """\
version: 1
stage: scaling
touch: high
customers: 800
arr: 12M
regions: [na, emea]
currency: EUR
forecast:
  quarters: 8
  customer_growth: 12%
"""

# (name, profile text, [(line, field, message part)]): each broken profile and what
# `csorg validate` must say about it, in order
BROKEN: list[tuple[str, str, list[tuple[int, str | None, str]]]] = [
    ("unknown key", "stage: startup\ntuch: high\n", [(2, "tuch", "did you mean 'touch'?")]),
    (
        "wrong type",
        "stage: startup\ncustomers: many\n",
        [(2, "customers", "expected a whole number")],
    ),
    ("negative count", "customers: -4\n", [(1, "customers", "at least 0")]),
    ("absurd count", "customers: 99999999999\n", [(1, "customers", "at most 10,000,000")]),
    ("bad amount", "arr: lots\n", [(1, "arr", "expected an amount such as 2500000")]),
    ("negative amount", "budget: -5\n", [(1, "budget", "greater than 0")]),
    ("absurd amount", "arr: 5000B\n", [(1, "arr", "at most 1,000,000,000,000")]),
    ("bad currency code", "currency: euro\n", [(1, "currency", "three-letter currency code")]),
    ("unknown currency", "currency: XYZ\n", [(1, "currency", "unknown currency 'XYZ'")]),
    ("unknown stage", "stage: sartup\n", [(1, "stage", "did you mean 'startup'?")]),
    ("unknown trait", "traits: [tecnical]\n", [(1, "traits[0]", "did you mean 'technical'?")]),
    ("touch", "touch: medium\n", [(1, "touch", "expected one of 'low' or 'high'")]),
    ("yaml boolean", "stage: startup\nplg: maybe\n", [(2, "plg", "expected true or false")]),
    ("not a mapping", "- stage: startup\n", [(1, None, "expected a mapping of the company's")]),
    ("regions shape", "regions: na\n", [(1, "regions", "expected a list or a mapping")]),
    ("region twice", "regions: [na, na]\n", [(1, "regions[1]", "'na' is given twice")]),
    (
        "mixed mix",
        "segment_by: size\nsegments: {enterprise: 40, smb: 85%}\n",
        [(2, "segments", "every entry as a count")],
    ),
    ("shares over 100", "regions: {na: 60%, emea: 50%}\n", [(1, "regions", "add up to 110%")]),
    ("forecast shape", "forecast: 12%\n", [(1, "forecast", "expected a mapping or a list")]),
    (
        "forecast without rates",
        "forecast:\n  quarters: 4\n",
        [(2, "forecast", "give customer_growth, arr_growth or both")],
    ),
    (
        "absurd growth",
        "forecast:\n  quarters: 4\n  customer_growth: 5000%\n",
        [(3, "forecast.customer_growth", "from -99% to 1000%")],
    ),
    (
        "too many quarters",
        "forecast:\n  quarters: 400\n  arr_growth: 5%\n",
        [(2, "forecast.quarters", "at most 40")],
    ),
    (
        "empty period",
        "forecast:\n  - customers: 10\n  - quarter: Q2\n",
        [(3, "forecast[1]", "give the quarter's customers, arr or both")],
    ),
    (
        "several at once",
        "stage: sartup\ntuch: high\ncustomers: -1\n",
        [
            (1, "stage", "unknown stage"),
            (2, "tuch", "unknown field"),
            (3, "customers", "at least 0"),
        ],
    ),
    ("duplicate key", "stage: startup\nstage: scaling\n", [(2, None, "duplicate key")]),
    ("python tag", "stage: !!python/object:os.system ls\n", [(1, None, "tag")]),
]


@pytest.mark.parametrize(("name", "text", "expected"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_profile_is_reported_at_its_line(
    name: str,
    text: str,
    expected: list[tuple[int, str | None, str]],
    run: RunCli,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("csorg.yaml").write_text(text)
    result = run("validate", "csorg.yaml", "--format", "json")
    assert result.exit_code == 1, result.stdout
    errors = result.json()["errors"]
    assert len(errors) == len(expected), json.dumps(errors, indent=2)
    for (line, field, message), got in zip(expected, errors, strict=True):
        assert (got["file"], got["line"]) == ("csorg.yaml", line), got
        if field is not None:
            assert got["field"] == field, got
        assert message in got["message"], got
    # the same file read by a command: exit 1 with file:line on stderr, no traceback
    used = run("recommend")
    assert used.exit_code == 1, used.stdout
    assert any(f"csorg.yaml:{line}:" in used.stderr for line, _, _ in expected), used.stderr
    assert "Traceback" not in used.stderr


def test_a_valid_profile_validates_with_the_catalogs(
    run: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("csorg.yaml").write_text(GOOD)
    named = run("validate", "csorg.yaml")
    assert named.exit_code == 0
    assert named.stdout == "No problems in csorg.yaml and the shipped catalogs.\n"
    default = run("validate", "--format", "json")  # ./csorg.yaml is checked by default
    assert default.json()["files"][-1] == "csorg.yaml"
    Path("acme.yaml").write_text(GOOD.replace("stage: scaling", "stage: scalng"))
    by_keys = run("validate", "acme.yaml")  # a profile by its keys, whatever its name
    assert by_keys.exit_code == 1
    assert "acme.yaml:2:8: stage: unknown stage 'scalng'" in by_keys.stdout


# -- commands read the profile ---------------------------------------------------------------


def test_commands_read_the_profile_and_flags_override_it(
    run: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("csorg.yaml").write_text(GOOD)
    result = run("recommend", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "csorg: using the profile csorg.yaml (flags override it)\n"
    got = result.json()["inputs"]
    assert (got["stage"], got["touch"], got["customers"], got["arr"]) == (
        "scaling",
        "high",
        800,
        12e6,
    )
    assert (got["regions"], got["currency"]) == (["na", "emea"], "EUR")
    assert result.json()["cost"]["currency"] == "EUR"
    flags = run("recommend", "--customers", "90", "--touch", "low", "--format", "json")
    over = flags.json()["inputs"]
    assert (over["stage"], over["touch"], over["customers"]) == ("scaling", "low", 90)
    without = run("recommend", "--no-profile", "--stage", "startup", "--touch", "high")
    assert without.exit_code == 0 and without.stderr == ""
    # the profile's customers were not read: the structure is not sized
    assert "(not sized)" in without.stdout.splitlines()[0]
    for command in (["export", "-o", "-", "--format", "csv"], ["audit", str(ORG)]):
        other = run(*command)
        assert other.exit_code == 0, other.stderr
        assert other.stderr.startswith("csorg: using the profile csorg.yaml")


ORG = REPO / "tests" / "fixtures" / "healthy-org.yaml"


def test_profile_flag_names_another_file(
    run: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("acme.yaml").write_text(GOOD)
    result = run("recommend", "--profile", "acme.yaml", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert "using the profile acme.yaml" in result.stderr
    missing = run("recommend", "--profile", "nope.yaml")
    assert missing.exit_code == 1
    assert "nope.yaml: file not found" in missing.stderr
    both = run("recommend", "--profile", "acme.yaml", "--no-profile")
    assert both.exit_code == 2
    assert "not both" in both.stderr


def test_overridden_values_are_not_held_against_the_profile(
    run: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("csorg.yaml").write_text("stage: sartup\ntouch: high\n")
    assert run("recommend").exit_code == 1
    fixed = run("recommend", "--stage", "startup")
    assert fixed.exit_code == 0, fixed.stderr


def test_plan_takes_the_start_from_the_profile(
    run: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("csorg.yaml").write_text("customers: 50\n")
    result = run("plan", "--from", "startup/low", "--to", "scaling/high", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert "using the profile csorg.yaml" in result.stderr
    assert "--profile" not in run("plan", "--help").stdout.split("Target")[1]


# -- csorg init with flags -------------------------------------------------------------------


def test_init_writes_what_the_flags_say(
    run: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    args = ["init", "--stage", "startup", "--touch", "high", "--customers", "120"]
    args += ["--arr", "3M", "--regions", "na,emea", "--currency", "eur", "--quarters", "8"]
    result = run(*args, "--customer-growth", "12%")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "csorg: wrote csorg.yaml; next: csorg recommend\n"
    profile, problems = read_profile(Path("csorg.yaml").read_bytes(), "csorg.yaml")
    assert problems == [] and profile is not None
    assert profile.request == Request(
        stage="startup",
        touch="high",
        customers=120,
        arr=3e6,
        regions=("na", "emea"),
        currency="EUR",
    )
    assert profile.forecast == GrowthForecast(8, 12.0, None)
    assert run("validate").exit_code == 0
    recommended = run("recommend")
    assert recommended.exit_code == 0 and "Cost a year (EUR" in recommended.stdout


def test_init_never_overwrites_without_force(
    run: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("csorg.yaml").write_text("# mine\nstage: scaling\n")
    result = run("init", "--stage", "startup", "--touch", "low")
    assert result.exit_code == 1
    assert "csorg.yaml: already exists; give --force" in result.stderr
    assert Path("csorg.yaml").read_text() == "# mine\nstage: scaling\n"
    forced = run("init", "--stage", "startup", "--touch", "low", "--force")
    assert forced.exit_code == 0
    assert "touch: low" in Path("csorg.yaml").read_text()
    assert [p.name for p in tmp_path.iterdir()] == ["csorg.yaml"]  # no temporary file left


@pytest.mark.parametrize(
    ("flags", "missing"),
    [
        ([], "missing --stage (or --employees N) and --touch (low or high)"),
        (["--customers", "40"], "missing --stage (or --employees N) and --touch"),
        (["--employees", "30"], "missing --touch (low or high)"),
        (["--touch", "low"], "missing --stage (or --employees N);"),
    ],
)
def test_init_off_a_terminal_asks_nothing_and_names_what_is_missing(
    flags: list[str], missing: str, run: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("init", *flags)  # the test runner's stdin is not a terminal
    assert result.exit_code == 2
    assert missing in result.stderr
    assert not Path("csorg.yaml").exists()


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--stage", "seed", "--touch", "low"], "'seed' is not a known stage"),
        (["--stage", "startup", "--touch", "low", "--currency", "XYZ"], "'XYZ' is not a currency"),
        (
            ["--stage", "startup", "--touch", "low", "--quarters", "50", "--arr-growth", "5"],
            "1 to 40",
        ),
        (["--stage", "startup", "--touch", "low", "--customer-growth", "-150%"], "from -99%"),
        (["--stage", "startup", "--touch", "low", "--quarters", "4"], "needs --customer-growth"),
        (["--stage", "startup", "--touch", "low", "--regions", "na,na"], "same value twice"),
    ],
)
def test_init_refuses_bad_values(
    flags: list[str], message: str, run: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("init", *flags)
    assert result.exit_code == 2, result.stdout
    assert message in result.stderr
    assert not Path("csorg.yaml").exists()


def test_init_to_standard_output(
    run: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("init", "--stage", "enterprise", "--touch", "low", "-o", "-")
    assert result.exit_code == 0
    assert result.stdout.endswith("version: 1\nstage: enterprise\ntouch: low\n")
    assert not Path("csorg.yaml").exists()


# -- round trip ------------------------------------------------------------------------------

names = st.lists(
    st.text(st.characters(codec="utf-8", exclude_characters=",="), min_size=1, max_size=12)
    .map(str.strip)
    .filter(lambda s: bool(s) and s.isprintable()),
    unique=True,
    max_size=4,
)
amounts = st.one_of(st.none(), st.integers(1, 10**12).map(float), st.floats(0.5, 1e11))
rates = st.one_of(
    st.none(), st.integers(-99, 1000).map(float), st.floats(-99, 1000).map(lambda x: round(x, 2))
)


@settings(max_examples=200, deadline=None)
@given(
    stage=st.one_of(st.none(), st.sampled_from(["startup", "scaling", "enterprise", "no"])),
    touch=st.one_of(st.none(), st.sampled_from(["low", "high"])),
    plg=st.one_of(st.none(), st.booleans()),
    customers=st.one_of(st.none(), st.integers(0, 10_000_000)),
    arr=amounts,
    budget=amounts,
    regions=names,
    mix=st.one_of(st.none(), st.lists(st.integers(0, 5000), min_size=2, max_size=3)),
    currency=st.one_of(st.none(), st.sampled_from(["USD", "EUR", "JPY"])),
    traits=st.one_of(st.none(), st.lists(st.sampled_from(["technical", "complex"]), unique=True)),
    growth=st.one_of(
        st.none(),
        st.builds(GrowthForecast, st.integers(1, 40), rates, rates).filter(
            lambda g: g.customer_growth is not None or g.arr_growth is not None
        ),
        st.lists(
            st.builds(
                ForecastPeriod,
                st.one_of(st.none(), st.sampled_from(["2026-Q3", "Q4", "yes"])),
                st.integers(0, 10_000),
                amounts,
            ),
            min_size=1,
            max_size=6,
        ).map(tuple),
    ),
)
def test_what_init_writes_reads_back_the_same(
    stage: str | None,
    touch: str | None,
    plg: bool | None,
    customers: int | None,
    arr: float | None,
    budget: float | None,
    regions: list[str],
    mix: list[int] | None,
    currency: str | None,
    traits: list[str] | None,
    growth: Any,
) -> None:
    segments = None
    if mix is not None:
        segments = tuple(
            f"{name}={n}" for name, n in zip(["enterprise", "mid-market", "smb"], mix, strict=False)
        )
    request = Request(
        stage=stage,
        touch=touch,
        plg=plg,
        customers=customers,
        arr=arr,
        budget=budget,
        regions=tuple(regions) or None,
        segment_by="size" if segments else None,
        segments=segments,
        currency=currency,
        traits=tuple(traits) if traits is not None else None,
    )
    text = profile_text(request, growth)
    profile, problems = read_profile(text.encode(), "csorg.yaml")
    assert problems == [], text
    assert profile is not None
    assert profile.request == request
    assert profile.forecast == growth
    assert profile_text(profile.request, profile.forecast) == text


def test_growth_gives_its_quarters() -> None:
    quarters = GrowthForecast(4, 10.0, -50.0).periods(100, 1e6)
    assert [q.customers for q in quarters] == [110, 121, 133, 146]
    assert [q.arr for q in quarters] == pytest.approx([5e5, 2.5e5, 1.25e5, 6.25e4])
    assert GrowthForecast(2, None, 5.0).periods(7, None)[1] == ForecastPeriod(None, 7, None)


# -- schema and hooks ------------------------------------------------------------------------


def test_committed_profile_schema_is_up_to_date(run: RunCli) -> None:
    result = run("schema", "profile")
    assert result.exit_code == 0
    assert result.stdout == (REPO / "schemas" / "profile.schema.json").read_text(encoding="utf-8")
    schema = json.loads(result.stdout)
    for name, definition in [("ProfileFile", schema), *schema["$defs"].items()]:
        for field, prop in definition["properties"].items():
            assert prop.get("description"), (name, field)


def test_check_jsonschema_agrees_on_profiles(tmp_path: Path) -> None:
    tool = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    if tool is None:
        pytest.skip("check-jsonschema not installed: pip install '.[test]'")
    good = tmp_path / "good.yaml"
    good.write_text(GOOD)
    bad = tmp_path / "bad.yaml"
    bad.write_text("stage: startup\ntuch: high\ncustomers: -1\n")
    schema = str(REPO / "schemas" / "profile.schema.json")
    ok = subprocess.run([tool, "--schemafile", schema, str(good)], capture_output=True, check=False)
    assert ok.returncode == 0, ok.stdout
    no = subprocess.run([tool, "--schemafile", schema, str(bad)], capture_output=True, check=False)
    assert no.returncode == 1


def test_pre_commit_hook_checks_profiles() -> None:
    hooks = (REPO / ".pre-commit-hooks.yaml").read_text()
    pattern = re.search(r"files: (.+)", hooks)
    assert pattern is not None
    for name in ("csorg.yaml", "sub/csorg.yml", "roles.yaml", "cat/compensation.yaml"):
        assert re.search(pattern.group(1).strip(), name), name


def test_init_into_a_folder_or_another_file(
    run: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("config").mkdir()
    into = run("init", "--stage", "startup", "--touch", "low", "-o", "config")
    assert into.exit_code == 0
    assert into.stderr == (
        "csorg: wrote config/csorg.yaml; next: csorg recommend --profile config/csorg.yaml\n"
    )
    assert Path("config/csorg.yaml").is_file()
    again = run("init", "--stage", "startup", "--touch", "low", "-o", "config")
    assert again.exit_code == 1 and "config/csorg.yaml: already exists" in again.stderr
    missing = run("init", "--stage", "startup", "--touch", "low", "-o", "nowhere/acme.yaml")
    assert missing.exit_code == 1
    assert "folder 'nowhere' does not exist" in missing.stderr
    used = run("recommend", "--profile", "config/csorg.yaml", "--customers", "10")
    assert used.exit_code == 0 and "using the profile config/csorg.yaml" in used.stderr


# -- the fast path for valid profiles --------------------------------------------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.integers(-(10**13), 10**13),
    st.floats(allow_nan=False),
    st.sampled_from(
        ["12%", "-5 %", "2.5M", "800k", "low", "high", "na", "EUR", "eur", "", "x" * 70]
    ),
    st.text(max_size=6),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["quarters", "customer_growth", "customers", "arr", "smb", "na", "x"]),
            inner,
            max_size=3,
        )
    ),
    max_leaves=6,
)


@settings(max_examples=400, deadline=None)
@given(field=st.sampled_from([f for f in FIELDS if f != "version"]), value=values)
def test_the_fast_path_only_ever_agrees_with_pydantic(field: str, value: Any) -> None:
    from pydantic import TypeAdapter, ValidationError

    from csorg.catalog.schema import STRICT
    from csorg.profile.quick import NotSure, build

    annotation = HINTS[field]
    try:
        quick = build(annotation, value)
    except NotSure:
        return  # pydantic decides (and explains)
    try:
        checked = TypeAdapter(annotation, config=STRICT).validate_json(json.dumps(value))
    except ValidationError as error:  # pragma: no cover - the property failing
        raise AssertionError(f"the fast path accepted what pydantic refuses: {error}") from None
    assert quick == checked and type(quick) is type(checked)


def test_reading_a_valid_profile_does_not_import_pydantic(tmp_path: Path) -> None:
    (tmp_path / "csorg.yaml").write_text(GOOD)
    code = (
        "import sys; from pathlib import Path; from csorg.profile.read import load_profile; "
        "load_profile(Path('csorg.yaml')); print(sorted(m for m in sys.modules if "
        "m.startswith('pydantic')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert result.stdout == "[]\n"
