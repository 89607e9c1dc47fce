"""What an export loads: structure, not timings (those are in benchmarks/).

An export holds a tree in plain Python; networkx (about a third of an export's start-up when
it held the tree) is not imported by any format, and a format's libraries load only when that
format is written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from csorg.export.formats import FORMATS

SMALL = ["--stage", "startup", "--touch", "high"]
RENDER_LIBRARIES = {"resvg_py", "fpdf", "fontTools", "PIL"}


def _modules(args: list[str], tmp_path: Path) -> set[str]:
    """Every module loaded once ``csorg ARGS`` has run, in a fresh interpreter."""
    probe = (
        "import sys\n"
        "from csorg.cli import main\n"
        f"code = main({args!r})\n"
        "assert code == 0, code\n"
        "print(sorted(sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    return set(json.loads(out.stdout.replace("'", '"')))


@pytest.mark.parametrize("fmt", [f.name for f in FORMATS if not f.extra])
def test_no_export_imports_networkx_or_the_render_libraries(tmp_path: Path, fmt: str) -> None:
    target = str(tmp_path / "out")
    loaded = {
        m.split(".")[0] for m in _modules(["export", *SMALL, "-f", fmt, "-o", target], tmp_path)
    }
    assert "networkx" not in loaded
    assert not loaded & RENDER_LIBRARIES, loaded & RENDER_LIBRARIES


def test_an_svg_export_loads_only_its_own_writer(tmp_path: Path) -> None:
    loaded = _modules(["export", *SMALL, "-f", "svg", "-o", str(tmp_path / "org.svg")], tmp_path)
    others = {"html", "dot", "mermaid", "graphml", "drawio", "png", "pdf", "cards", "orgjson"}
    assert not {f"csorg.export.{name}" for name in others} & loaded
    assert "networkx" not in {m.split(".")[0] for m in loaded}
