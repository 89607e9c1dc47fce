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

README = Path(__file__).resolve().parents[1] / "README.md"
EXAMPLE = re.compile(r"<!-- csorg: (?P<args>.+?) -->\n```(?P<lang>\w*)\n(?P<body>.*?)```", re.S)


def _examples() -> list[re.Match[str]]:
    return list(EXAMPLE.finditer(README.read_text(encoding="utf-8")))


def _output(run: Callable, args: str) -> str:
    result = run(*shlex.split(args))
    text = result.stdout + (result.stderr if result.stderr else "")
    return text if text.endswith("\n") else text + "\n"


def test_readme_has_examples() -> None:
    assert len(_examples()) >= 5


@pytest.mark.parametrize("example", _examples(), ids=lambda m: m.group("args"))
def test_readme_example_is_current(example: re.Match[str], run: Callable) -> None:
    got = _output(run, example.group("args"))
    if os.environ.get("CSORG_UPDATE_README"):
        text = README.read_text(encoding="utf-8")
        block = f"<!-- csorg: {example.group('args')} -->\n```{example.group('lang')}\n"
        start = text.index(block) + len(block)
        end = text.index("```", start)
        README.write_text(text[:start] + got + text[end:], encoding="utf-8")
        return
    assert got == example.group("body"), f"README example `csorg {example.group('args')}` is stale"


def test_readme_figures_table_matches_the_catalog(run: Callable) -> None:
    table = run("figures", "--format", "markdown").stdout
    assert table in README.read_text(encoding="utf-8"), "refresh the README's figures table"
