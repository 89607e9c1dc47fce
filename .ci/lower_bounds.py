"""Print a pip constraints file pinning every dependency of csorg to its lower bound.

`pip install -c <this output> '.[test]'` then installs the oldest versions pyproject.toml
allows, for `.ci/run` to check that those bounds are true. Reads the runtime dependencies and
the `test` extra; a requirement without a `>=` bound is left to pip. A package named twice (a
higher bound in the test extra) is pinned to the higher bound.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(.*)$")


def _release(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version))


def lower_bounds(pyproject: Path) -> list[str]:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    requirements = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    bounds: dict[str, str] = {}
    for requirement in requirements:
        match = REQUIREMENT.match(requirement.split(";")[0])
        if match is None:
            raise SystemExit(f"cannot read the requirement {requirement!r}")
        name, specifiers = match.groups()
        key = re.sub(r"[-_.]+", "-", name).lower()
        for specifier in specifiers.split(","):
            if specifier.strip().startswith(">="):
                version = specifier.strip()[2:].strip()
                if key not in bounds or _release(version) > _release(bounds[key]):
                    bounds[key] = version
    return [f"{name}=={version}" for name, version in bounds.items()]


if __name__ == "__main__":
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1]
    print("\n".join(lower_bounds(root / "pyproject.toml")))
