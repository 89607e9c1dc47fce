"""The registry of catalog checks: every check module is registered once, documents itself,
and the checks together leave the shipped catalogs without a problem."""

from __future__ import annotations

import pkgutil
from pathlib import Path

import csorg.catalog.checks as package
from csorg.catalog.checks import CHECKS
from snippets import problems

REPO = Path(__file__).resolve().parents[2]
NOT_CHECKS = {"context", "walk"}  # what the checks share


def test_every_check_module_is_registered_once() -> None:
    modules = {m.name for m in pkgutil.iter_modules(package.__path__)} - NOT_CHECKS
    registered = [check.__name__.rsplit(".", 1)[1] for check in CHECKS]
    assert sorted(registered) == sorted(modules)
    assert len(set(registered)) == len(registered)


def test_every_check_has_an_id_and_says_what_it_checks() -> None:
    ids = [check.ID for check in CHECKS]
    assert len(set(ids)) == len(ids)
    for check in CHECKS:
        assert check.__name__.rsplit(".", 1)[1] == check.ID
        assert check.__doc__ and len(check.__doc__.split()) >= 8, check.__name__


def test_the_validate_docs_name_every_check() -> None:
    docs = (REPO / "docs" / "validate.md").read_text(encoding="utf-8")
    for check in CHECKS:
        assert f"`{check.ID}`" in docs, check.ID


def test_the_base_catalog_of_the_snippets_is_valid() -> None:
    assert problems() == []
