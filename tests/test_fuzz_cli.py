"""Fuzz: arbitrary bytes through the real command line, as catalog files (the YAML loader) and
as org charts (the CSV and YAML org-file reader). Every run ends in exit 0 or 1 with csorg's
own message, never an exception; Hypothesis's deadline bounds the time of each run.

Bytes come raw, and as valid files with bytes inserted, deleted or replaced (so the fuzz also
reaches the parsers' later stages, not only their first refusal).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from csorg.cli import app
from csorg.cli.common import state

REPO = Path(__file__).resolve().parents[1]
FLAGS = ["--stage", "scaling", "--touch", "high", "--customers", "300"]
# The deadline is the time bound: a run that is far slower than its peers (a hang, a blow-up
# on some input) fails the test. Generous, as a loaded CI machine is slower than a laptop.
FUZZ = settings(
    max_examples=60,
    deadline=timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
ENV = {"CSORG_CATALOG": None, "GITHUB_ACTIONS": None, "NO_COLOR": "1"}

VALID: dict[str, bytes] = {
    "roles.yaml": (REPO / "data" / "roles.yaml").read_bytes(),
    "business_models.yaml": (REPO / "data" / "business_models.yaml").read_bytes(),
    "org.csv": (REPO / "tests" / "fixtures" / "messy-org.csv").read_bytes(),
    "org.yaml": (REPO / "tests" / "fixtures" / "healthy-org.yaml").read_bytes(),
}
INTERESTING = st.sampled_from(
    [b"\x00", b"\xff", b"\xc3", b"\r", b"\n", b"\t", b":", b"-", b",", b'"', b"'", b"[", b"{",
     b"&a", b"*a", b"!!", b"%", b"#", b"\xef\xbb\xbf", b"\xe2\x80\xa8", b"\xc2\x85", b"  "]
)  # fmt: skip


@st.composite
def mutated(draw: st.DrawFn, name: str) -> bytes:
    data = bytearray(VALID[name])
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(data)))
        operation = draw(st.sampled_from(["insert", "delete", "replace"]))
        piece = draw(INTERESTING | st.binary(min_size=1, max_size=4))
        if operation == "insert":
            data[at:at] = piece
        elif operation == "delete":
            del data[at : at + draw(st.integers(1, 40))]
        else:
            data[at : at + len(piece)] = piece
    return bytes(data)


def any_bytes(name: str) -> st.SearchStrategy[bytes]:
    return st.binary(max_size=2000) | mutated(name)


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as path:
        yield Path(path)


def csorg(*args: str) -> tuple[int, str]:
    state.catalog_dirs = []
    state.no_defaults = False
    result = CliRunner().invoke(app, list(args), env=ENV, catch_exceptions=False)
    return result.exit_code, result.stdout + result.stderr


def assert_handled(code: int, output: str) -> None:
    assert code in (0, 1), output
    assert "Traceback" not in output
    if code == 1:
        assert "error" in output or "problem" in output, output


@FUZZ
@given(name=st.sampled_from(["roles.yaml", "business_models.yaml"]), data=st.data())
def test_validate_any_catalog_bytes(folder: Path, name: str, data: st.DataObject) -> None:
    path = folder / "validate" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data.draw(any_bytes(name)))
    assert_handled(*csorg("validate", str(path)))


@FUZZ
@given(data=any_bytes("roles.yaml"))
def test_recommend_with_any_catalog_bytes(folder: Path, data: bytes) -> None:
    catalog = folder / "catalog"
    catalog.mkdir(exist_ok=True)
    (catalog / "roles.yaml").write_bytes(data)
    assert_handled(*csorg("--catalog", str(catalog), "recommend", *FLAGS))


@FUZZ
@given(name=st.sampled_from(["org.csv", "org.yaml"]), data=st.data())
def test_audit_any_org_file_bytes(folder: Path, name: str, data: st.DataObject) -> None:
    path = folder / name
    path.write_bytes(data.draw(any_bytes(name)))
    assert_handled(*csorg("audit", str(path), *FLAGS))


@pytest.mark.parametrize("name", list(VALID))
def test_the_unmutated_files_are_accepted(folder: Path, name: str) -> None:
    """The starting points are valid, so mutations start from files that get far."""
    path = folder / "start" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(VALID[name])
    args = ["audit", str(path), *FLAGS] if name.startswith("org") else ["validate", str(path)]
    code, output = csorg(*args)
    assert code == 0, output
