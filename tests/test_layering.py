"""The layout shows the pipeline: each package imports only the layers below it, and no
module imports itself in a circle.

The order, bottom to top: shared helpers (errors, interrupts, text, fileio), the catalog, the
engine that sizes an org, the company profile, plans, the audit of real org charts, exports,
the views that render results, and the command line on top. A core package never imports the command
line, the exports or the views, so the core can be read (and used) without them.

Imports inside ``if TYPE_CHECKING:`` are left out: they never run.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "csorg"
LAYERS = (
    ("errors", "interrupts", "text", "fileio"),
    ("catalog",),
    ("engine",),
    ("profile",),
    ("plan",),
    ("audit",),
    ("export",),
    ("render",),
    ("cli",),
    ("__main__",),
)
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}
SHARED = RANK["fileio"]  # the helpers may use one another


def _modules() -> dict[str, Path]:
    out: dict[str, Path] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _imports(module: str, path: Path) -> set[str]:
    """The csorg modules ``module`` imports when it runs (at the top or in a function)."""
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    unused: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            unused.update(id(inner) for inner in ast.walk(node))
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in unused:
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name in MODULES and name != module}


GRAPH = nx.DiGraph()
for _module, _path in MODULES.items():
    GRAPH.add_node(_module)
    GRAPH.add_edges_from((_module, target) for target in _imports(_module, _path))


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None  # None: the csorg package itself


def test_every_package_has_a_layer() -> None:
    layers = {_layer(m) for m in MODULES} - {None}
    assert layers <= set(RANK), layers - set(RANK)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_a_module_imports_only_layers_below_its_own(module: str) -> None:
    layer = _layer(module)
    if layer is None:
        return  # csorg/__init__.py: the version, nothing else
    wrong = []
    for target in GRAPH.successors(module):
        other = _layer(target)
        if other is None or other == layer:
            continue
        if RANK[other] <= SHARED and RANK[layer] <= SHARED:
            continue
        if RANK[other] >= RANK[layer]:
            wrong.append(target)
    assert not wrong, f"{module} imports a layer at or above its own: {sorted(wrong)}"


def test_the_core_never_imports_the_command_line_exports_or_views() -> None:
    core = [m for m in MODULES if _layer(m) in {"catalog", "engine", "profile", "plan", "audit"}]
    outside = {"cli", "export", "render"}
    for module in core:
        reached = {_layer(m) for m in nx.descendants(GRAPH, module)}
        assert not reached & outside, (module, reached & outside)


def test_no_module_imports_itself_in_a_circle() -> None:
    circles = [sorted(c) for c in nx.strongly_connected_components(GRAPH) if len(c) > 1]
    assert not circles, circles


def test_the_check_sees_imports() -> None:
    # the graph is not empty by accident: the engine imports the catalog, the CLI the engine
    assert GRAPH.has_edge("csorg.engine.recommend", "csorg.catalog.schema")
    assert any(_layer(t) == "engine" for t in GRAPH.successors("csorg.cli.recommend"))
