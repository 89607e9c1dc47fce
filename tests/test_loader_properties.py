"""Property tests: whatever text or bytes the loaders get, they load it or report csorg's own
error, never another exception. Inputs are random, YAML-like, random data dumped as YAML, and
the shipped catalogs mutated line by line and character by character."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from csorg.catalog.files import CatalogFile, Kind
from csorg.catalog.load import check_contents
from csorg.catalog.yamlload import load_yaml
from csorg.errors import CsorgError

REPO = Path(__file__).resolve().parents[1]
SHIPPED: dict[Kind, str] = {
    "roles": (REPO / "data" / "roles.yaml").read_text(encoding="utf-8"),
    "business-models": (REPO / "data" / "business_models.yaml").read_text(encoding="utf-8"),
}
FILE_NAME: dict[Kind, str] = {"roles": "roles.yaml", "business-models": "business_models.yaml"}
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

YAML_CHARACTERS = st.sampled_from(list(" \t\n-:,[]{}&*!|>'\"#%@`?~<=\\.0123456789aeonyst_\r\x85"))
yamlish = st.text(YAML_CHARACTERS, max_size=300)


def loads_or_reports(data: str | bytes) -> None:
    try:
        document = load_yaml(data, "fuzz.yaml")
    except CsorgError as error:
        assert error.problems, "every loader error names its file"
        assert all(p.file == "fuzz.yaml" for p in error.problems)
        return
    for problem in document.problems:
        assert problem.file == "fuzz.yaml"
        assert problem.line is not None
    assert_plain(document.data)


def assert_plain(value: Any) -> None:
    """Only plain data: no YAML tag may construct any other Python object."""
    stack = [value]
    while stack:
        item = stack.pop()
        assert type(item) in (dict, list, str, int, float, bool, type(None)), type(item)
        if isinstance(item, dict):
            assert all(type(key) is str for key in item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


TAGGED = [
    "!!python/object/apply:os.system [echo]",
    "!!python/tuple [1, 2]",
    "!!python/name:os.system",
    "!!set {a, b}",
    "!!omap [a: 1]",
    "!!binary aGVsbG8=",
    "!!timestamp 2001-12-14",
    "!custom {a: 1}",
]


@SETTINGS
@given(st.lists(st.sampled_from(TAGGED), min_size=1, max_size=5), yamlish)
def test_tags_never_build_objects(tagged: list[str], noise: str) -> None:
    text = "".join(f"k{i}: {value}\n" for i, value in enumerate(tagged))
    document = load_yaml(text, "fuzz.yaml")
    assert_plain(document.data)
    loads_or_reports(text + noise)


def checks_or_reports(kind: Kind, text: str | bytes) -> None:
    """check_contents collects problems; it raises nothing at all. The file is checked
    alone and together with the other shipped file, so that checks across files run."""
    catalog_file = CatalogFile(kind, Path(FILE_NAME[kind]), FILE_NAME[kind])
    other: Kind = "business-models" if kind == "roles" else "roles"
    shipped = CatalogFile(other, Path(FILE_NAME[other]), f"shipped/{FILE_NAME[other]}")
    for contents in ([(catalog_file, text)], [(shipped, SHIPPED[other]), (catalog_file, text)]):
        catalog, problems = check_contents(contents)
        assert (catalog is None) == bool(problems)
        for problem in problems:
            assert problem.file in (FILE_NAME[kind], shipped.display)
            assert problem.message


@SETTINGS
@given(st.text(max_size=500))
def test_any_text(text: str) -> None:
    loads_or_reports(text)


@SETTINGS
@given(st.binary(max_size=500))
def test_any_bytes(data: bytes) -> None:
    loads_or_reports(data)


@SETTINGS
@given(yamlish)
def test_yaml_like_text(text: str) -> None:
    loads_or_reports(text)
    checks_or_reports("roles", text)


json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["id", "title", "roles", "role", "value", "source", "x", "models"]),
            children,
            max_size=4,
        )
    ),
    max_leaves=25,
)


def _section_entry(kind: Kind) -> st.SearchStrategy[Any]:
    sections = (
        ["sources", "areas", "roles"]
        if kind == "roles"
        else ["sources", "stages", "traits", "segmentations", "models", "rules", "hats"]
    )
    return st.dictionaries(st.sampled_from([*sections, "version"]), json_like, max_size=4)


@SETTINGS
@given(
    st.sampled_from(["roles", "business-models"]).flatmap(
        lambda k: st.tuples(st.just(k), _section_entry(k))
    )
)
def test_random_data_dumped_as_yaml(case: tuple[Kind, Any]) -> None:
    kind, data = case
    checks_or_reports(kind, yaml.safe_dump(data, allow_unicode=True))


@st.composite
def mutated(draw: st.DrawFn) -> tuple[Kind, str]:
    """A shipped catalog with a few lines deleted, duplicated or swapped and characters
    inserted or replaced."""
    kind: Kind = draw(st.sampled_from(["roles", "business-models"]))
    lines = SHIPPED[kind].splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 6))):
        operation = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "replace"]))
        at = draw(st.integers(0, len(lines) - 1))
        if operation == "delete" and len(lines) > 1:
            del lines[at]
        elif operation == "duplicate":
            lines.insert(at, lines[at])
        elif operation == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        else:
            line = lines[at]
            column = draw(st.integers(0, len(line)))
            new = draw(st.text(YAML_CHARACTERS, min_size=1, max_size=3))
            cut = column + (1 if operation == "replace" else 0)
            lines[at] = line[:column] + new + line[cut:]
    return kind, "".join(lines)


@SETTINGS
@given(mutated())
def test_mutated_shipped_catalogs(case: tuple[Kind, str]) -> None:
    kind, text = case
    loads_or_reports(text)
    checks_or_reports(kind, text.encode("utf-8"))


def test_the_unmutated_catalogs_are_valid() -> None:
    files = {kind: CatalogFile(kind, Path(FILE_NAME[kind]), FILE_NAME[kind]) for kind in SHIPPED}
    catalog, problems = check_contents([(files[kind], SHIPPED[kind]) for kind in SHIPPED])
    assert problems == []
    assert catalog is not None
