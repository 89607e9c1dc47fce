"""Print a pip constraints file pinning every dependency of csorg to its lower bound.

`pip install -c <this output> '.[test]'` then installs the oldest versions pyproject.toml
allows, for `.ci/run` to check that those bounds are true. Reads the runtime dependencies and
the `test` extra; a requirement without a `>=` bound is left to pip.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(.*)$")


def lower_bounds(pyproject: Path) -> list[str]:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    requirements = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    pins = []
    for requirement in requirements:
        match = REQUIREMENT.match(requirement.split(";")[0])
        if match is None:
            raise SystemExit(f"cannot read the requirement {requirement!r}")
        name, specifiers = match.groups()
        for specifier in specifiers.split(","):
            if specifier.strip().startswith(">="):
                pins.append(f"{name}=={specifier.strip()[2:].strip()}")
    return pins


if __name__ == "__main__":
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1]
    print("\n".join(lower_bounds(root / "pyproject.toml")))
