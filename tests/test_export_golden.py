"""Golden files: the whole output of every text format for two small charts, byte for byte.

A change to any writer shows up here as a diff to read. After a deliberate change, refresh
them with ``CSORG_UPDATE_GOLDEN=1 pytest tests/test_export_golden.py`` and review the diff
(``git diff tests/golden``). PNG and PDF are left out: their bytes belong to resvg and fpdf2,
and test_export_render.py checks what they hold.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from csorg.export.formats import FORMATS, Format

GOLDEN = Path(__file__).resolve().parent / "golden" / "export"
CHARTS = {
    "startup-high-touch": ["--stage", "startup", "--touch", "high"],
    "scaling-seats": ["--stage", "scaling", "--touch", "high", "--customers", "400", "--seats"],
}
CASES = [(chart, fmt) for chart in CHARTS for fmt in FORMATS if not fmt.binary]


@pytest.mark.parametrize(
    ("chart", "fmt"), CASES, ids=[f"{chart}.{fmt.extensions[0]}" for chart, fmt in CASES]
)
def test_export_matches_its_golden_file(run: Callable, chart: str, fmt: Format) -> None:
    result = run("export", *CHARTS[chart], "-f", fmt.name, "-o", "-")
    assert result.exit_code == 0, result.stderr
    golden = GOLDEN / f"{chart}.{fmt.extensions[0]}"
    if os.environ.get("CSORG_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(result.stdout.encode("utf-8"))
        return
    assert golden.is_file(), f"no golden file {golden.name}: run with CSORG_UPDATE_GOLDEN=1"
    assert result.stdout == golden.read_text(encoding="utf-8"), f"{golden.name} changed"
