"""The README shows real output: every example block is re-run and compared.

An example is a marker line ``<!-- csorg: ARGS -->`` followed by a fenced block holding what
``csorg ARGS`` prints (stdout, then stderr if any). To refresh them all after a deliberate
change, run ``CSORG_UPDATE_README=1 pytest tests/test_readme.py``.
"""

from __future__ import annotations

import os
import re
import shlex
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DOCUMENTS = [README, *sorted((ROOT / "docs").glob("*.md"))]
EXAMPLE = re.compile(r"<!-- csorg: (?P<args>.+?) -->\n```(?P<lang>\w*)\n(?P<body>.*?)```", re.S)


def _examples(document: Path = README) -> list[re.Match[str]]:
    return list(EXAMPLE.finditer(document.read_text(encoding="utf-8")))


def _all_examples() -> list[tuple[Path, re.Match[str]]]:
    return [(document, match) for document in DOCUMENTS for match in _examples(document)]


def _output(run: Callable, args: str) -> str:
    result = run(*shlex.split(args))
    text = result.stdout + (result.stderr if result.stderr else "")
    return text if text.endswith("\n") else text + "\n"


def test_readme_has_examples() -> None:
    assert len(_examples()) >= 5


@pytest.mark.parametrize(
    ("document", "example"),
    _all_examples(),
    ids=[f"{d.name}: {m.group('args')}" for d, m in _all_examples()],
)
def test_documented_example_is_current(
    document: Path, example: re.Match[str], run: Callable, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)  # examples name files relative to the repository
    got = _output(run, example.group("args"))
    if os.environ.get("CSORG_UPDATE_README"):
        text = document.read_text(encoding="utf-8")
        block = f"<!-- csorg: {example.group('args')} -->\n```{example.group('lang')}\n"
        start = text.index(block) + len(block)
        end = text.index("```", start)
        document.write_text(text[:start] + got + text[end:], encoding="utf-8")
        return
    name = document.relative_to(ROOT)
    assert got == example.group("body"), f"{name}: example `csorg {example.group('args')}` is stale"


def test_readme_figures_table_matches_the_catalog(run: Callable) -> None:
    table = run("figures", "--format", "markdown").stdout
    assert table in README.read_text(encoding="utf-8"), "refresh the README's figures table"
