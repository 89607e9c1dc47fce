"""Shared fixtures: the shipped catalog, and a runner that drives the real command line."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from csorg.catalog.load import load_catalog
from csorg.catalog.schema import Catalog
from csorg.cli import app
from csorg.cli.common import state

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Run]:
    """Invoke csorg through typer's runner, stdout and stderr kept apart."""
    monkeypatch.delenv("CSORG_CATALOG", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)  # it switches validate's format
    monkeypatch.setenv("NO_COLOR", "1")

    def invoke(*args: str, env: dict[str, str] | None = None) -> Run:
        state.catalog_dirs = []
        state.no_defaults = False
        result = CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)
        return Run(result.exit_code, result.stdout, result.stderr)

    return invoke
