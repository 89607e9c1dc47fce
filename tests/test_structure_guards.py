"""Structural guards for speed: what the fast path imports, and linear validation.

No timings here (those are in benchmarks/): these tests fail when the structure that makes
the benchmarks hold is broken, e.g. networkx imported by `csorg recommend`, or a check that
compares every role with every other.
"""

from __future__ import annotations

import cProfile
import importlib.util
import json
import pstats
import subprocess
import sys
from pathlib import Path

import pytest

from csorg.catalog.files import CatalogFile
from csorg.catalog.load import check_contents
from csorg.catalog.snapshot import SNAPSHOT_NAME

REPO = Path(__file__).resolve().parents[1]
GENERATOR = REPO / "benchmarks" / "generate_catalog.py"
HEAVY = ("networkx", "rich", "pydantic", "yaml")


def _imported_after(args: list[str]) -> set[str]:
    probe = (
        "import sys, io, contextlib\n"
        "from csorg.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main({args!r})\n"
        "assert code == 0, code\n"
        "print(sorted({m.split('.')[0] for m in sys.modules}))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout.replace("'", '"')))


def _snapshot_present() -> bool:
    spec = importlib.util.find_spec("csorg")
    assert spec is not None and spec.origin is not None
    return (Path(spec.origin).parent / "data" / SNAPSHOT_NAME).is_file()


@pytest.mark.skipif(
    not _snapshot_present(),
    reason="this install has no catalog snapshot (editable installs skip the wheel build hook)",
)
def test_recommend_imports_nothing_heavy() -> None:
    loaded = _imported_after(["recommend", "--stage", "startup", "--touch", "high"])
    assert not loaded & set(HEAVY), loaded & set(HEAVY)


def test_json_output_does_not_need_rich_or_networkx() -> None:
    loaded = _imported_after(
        ["recommend", "--stage", "scaling", "--touch", "low", "--format", "json"]
    )
    assert "networkx" not in loaded and "rich" not in loaded


def _generated(tmp_path: Path, roles: int, models: int) -> list[tuple[CatalogFile, bytes]]:
    folder = tmp_path / f"gen-{roles}"
    subprocess.run(
        [
            sys.executable,
            str(GENERATOR),
            "--roles",
            str(roles),
            "--models",
            str(models),
            str(folder),
        ],
        check=True,
    )
    return [
        (
            CatalogFile("roles", folder / "roles.yaml", "roles.yaml"),
            (folder / "roles.yaml").read_bytes(),
        ),
        (
            CatalogFile("business-models", folder / "business_models.yaml", "business_models.yaml"),
            (folder / "business_models.yaml").read_bytes(),
        ),
    ]


def _calls(contents: list[tuple[CatalogFile, bytes]]) -> int:
    """Python function calls made while fully checking a catalog: a count, not a time."""
    check_contents(contents)  # build pydantic's validators outside the count
    profile = cProfile.Profile()
    profile.enable()
    catalog, problems = check_contents(contents)
    profile.disable()
    assert catalog is not None and not problems, problems[:3]
    return int(pstats.Stats(profile).total_calls)  # type: ignore[attr-defined]


def test_validation_work_grows_linearly(tmp_path: Path) -> None:
    small = _calls(_generated(tmp_path, 500, 100))
    large = _calls(_generated(tmp_path, 2000, 400))
    # four times the catalog may cost at most a little over four times the work; anything
    # quadratic (pairwise alias or reference checks) would cost about sixteen times
    assert large / small < 4.6, (small, large)


def test_the_installed_package_finds_its_catalogs_from_any_folder(tmp_path: Path) -> None:
    from csorg.catalog.files import shipped_dir

    package = Path(importlib.util.find_spec("csorg").origin).parent  # type: ignore[union-attr, arg-type]
    shipped = shipped_dir()
    if shipped != package / "data":
        pytest.skip("csorg runs from a checkout (editable install): its catalogs are data/")
    assert (shipped / "roles.yaml").is_file() and (shipped / "business_models.yaml").is_file()
    out = subprocess.run(
        [sys.executable, "-m", "csorg", "recommend", "--stage", "startup", "--touch", "high"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "VP of Customer Success" in out.stdout
