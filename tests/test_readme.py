"""The README shows real output: every example block is re-run and compared.

An example is a marker line ``<!-- csorg: ARGS -->`` followed by a fenced block holding what
``csorg ARGS`` prints (stdout, then stderr if any). A session, ``<!-- csorg-session -->``
followed by a ``console`` block, is a series of ``$ csorg ARGS`` commands run one after the
other in a fresh empty folder (so ``csorg init`` then ``csorg recommend`` works as a user
would type it), each followed by what it prints (stderr, then stdout: the order a terminal
shows for these commands). To refresh them all after a deliberate change, run
``CSORG_UPDATE_README=1 pytest tests/test_readme.py``.
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
SESSION = re.compile(r"<!-- csorg-session -->\n```console\n(?P<body>.*?)```", re.S)


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


def _sessions() -> list[tuple[Path, re.Match[str]]]:
    return [
        (document, match)
        for document in DOCUMENTS
        for match in SESSION.finditer(document.read_text(encoding="utf-8"))
    ]


def _replay(run: Callable, body: str) -> str:
    """Run each ``$ csorg ARGS`` line of a session and write what it printed after it."""
    out = []
    for line in body.splitlines():
        if not line.startswith("$ csorg "):
            continue
        result = run(*shlex.split(line.removeprefix("$ csorg ")))
        printed = result.stderr + result.stdout
        out += [line, *printed.splitlines()]
    return "\n".join(out) + "\n"


def test_readme_has_a_session() -> None:
    assert _sessions(), "the README shows csorg init then csorg recommend as a session"


@pytest.mark.parametrize(
    ("document", "session"),
    _sessions(),
    ids=[f"{d.name}: session {i}" for i, (d, _) in enumerate(_sessions())],
)
def test_documented_session_is_current(
    document: Path,
    session: re.Match[str],
    run: Callable,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.chdir(tmp_path)  # a fresh folder, as a user starting out would have
    got = _replay(run, session.group("body"))
    if os.environ.get("CSORG_UPDATE_README"):
        text = document.read_text(encoding="utf-8")
        document.write_text(text.replace(session.group("body"), got, 1), encoding="utf-8")
        return
    assert got == session.group("body"), f"{document.name}: a csorg session is stale"
