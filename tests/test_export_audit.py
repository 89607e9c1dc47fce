"""csorg's own seats export, audited against the same inputs, has nothing to report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

CASES = [
    ["--stage", "startup", "--touch", "low"],
    ["--stage", "startup", "--touch", "high", "--customers", "400"],
    ["--stage", "scaling", "--touch", "high", "--customers", "2000", "--regions", "na,emea"],
    [
        "--stage",
        "scaling",
        "--touch",
        "low",
        "--plg",
        "--customers",
        "5000",
        "--segment-by",
        "size",
    ],
    ["--stage", "enterprise", "--touch", "high", "--customers", "20000", "--trait", "complex"],
]


@pytest.mark.parametrize("flags", CASES, ids=[" ".join(c) for c in CASES])
def test_audit_of_own_seat_export_is_clean(run: Callable, tmp_path: Path, flags: list[str]) -> None:
    org = tmp_path / "org.csv"
    exported = run("export", *flags, "--seats", "--format", "csv", "-o", str(org))
    assert exported.exit_code == 0, exported.stderr
    audited = run("audit", str(org), *flags, "--fail-on", "warning", "--format", "json")
    assert audited.exit_code == 0, audited.stdout
    findings = audited.json()["findings"]
    assert not [f for f in findings if f["severity"] in ("error", "warning")], findings
