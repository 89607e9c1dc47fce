"""Bad org charts end with a clear error naming the file and the line: exit 1, no traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from csorg.audit.orgfile import MAX_PEOPLE

FLAGS = ["--stage", "startup", "--touch", "low"]
HEADER = "id,title,reports_to\n"

# (file name, contents, text the error must contain -- file name and line included)
BAD_FILES: list[tuple[str, bytes, list[str]]] = [
    (
        "cycle.csv",
        b"id,title,reports_to\na,CEO,\nb,CS Lead,c\nc,CSM,d\nd,CSM,b\n",
        ["cycle.csv:3: reports_to: reporting cycle: b → c → d → b (lines 3, 4, 5)"],
    ),
    (
        "self.csv",
        b"id,title,reports_to\na,CEO,\nb,CS Lead,b\n",
        ["self.csv:3: reports_to: reporting cycle: b → b"],
    ),
    (
        "no-root.csv",
        b"id,title,reports_to\na,CEO,b\nb,CS Lead,a\n",
        ["no-root.csv:2: reports_to: reporting cycle: a → b → a"],
    ),
    (
        "unknown.csv",
        b"id,title,reports_to\nceo,CEO,\nb,CS Lead,ce0\nc,CSM,zz\n",
        [
            "unknown.csv: 2 problems",
            "unknown.csv:3: reports_to: 'ce0' names no one in the file (did you mean 'ceo'?)",
            "unknown.csv:4: reports_to: 'zz' names no one in the file",
        ],
    ),
    (
        "columns.csv",
        b"id,name,manager_name\na,Ann,\n",
        [
            "columns.csv:1: missing columns title, reports_to; "
            "the header has: id, name, manager_name"
        ],
    ),
    (
        "twice.csv",
        b"id,title,reports_to,Title\na,CEO,,CEO\n",
        ["twice.csv:1: column title appears twice"],
    ),
    (
        "duplicate.csv",
        b"id,title,reports_to\na,CEO,\nb,CS Lead,a\nb,CSM,a\n",
        ["duplicate.csv:4: id: 'b' is used twice (first on line 3)"],
    ),
    (
        "roots.csv",
        b"id,title,reports_to\na,CEO,\nb,CS Lead,a\nc,CSM,\n",
        ["roots.csv:4: reports_to: 2 people report to no one: 'a' (line 2), 'c' (line 4)"],
    ),
    ("empty.csv", b"", ["empty.csv: file is empty"]),
    ("blank.csv", b"\n \n\t\n", ["blank.csv: file is empty"]),
    ("header.csv", b"id,title,reports_to\n\n", ["header.csv:1: no people in the file"]),
    (
        "latin1.csv",
        b"id,title,reports_to\na,CEO,\nb,Responsable Succ\xe8s Client,a\n",
        ["latin1.csv:3: invalid UTF-8 byte 0xe8; save the file as UTF-8"],
    ),
    ("utf16.csv", "id,title\n".encode("utf-16"), ["utf16.csv:1: file is UTF-16 encoded"]),
    ("binary.csv", b"id,title,reports_to\n\x00\x01\x02", ["binary.csv:2: file holds NUL bytes"]),
    (
        "fields.csv",
        b"id,title,reports_to\na,CEO,\nb,CS Lead, Americas,a\n",
        ["fields.csv:3: 4 fields but the header has 3 (quote a title that contains the separator)"],
    ),
    ("quote.csv", b'id,title,reports_to\na,CEO,\nb,"CS Lead,a\n', ["quote.csv:3: not valid CSV"]),
    (
        "values.csv",
        b"id,title,reports_to,count\na,CEO,,\nb,CS Lead,a,many\n,CSM,b,\nd,,b,0\n",
        [
            "values.csv: 4 problems",
            "values.csv:3: count: 'many' is not a whole number from 1 to 100,000",
            "values.csv:4: id: is empty",
            "values.csv:5: title: is empty",
            "values.csv:5: count: '0' is not a whole number",
        ],
    ),
    (
        "people.yaml",
        b"people:\n"
        b"  - {id: a, title: CEO, reports_to: null}\n"
        b"  - {id: no, title: CSM, reports_to: a}\n"
        b"  - {id: c, title: CSM}\n"
        b"  - just text\n"
        b"  - {id: e, title: CSM, reports_to: a, count: x}\n",
        [
            "people.yaml: 4 problems",
            "people.yaml:3: id: must be text, not bool (quote values such as `no` or `yes`)",
            "people.yaml:4: missing reports_to",
            "people.yaml:5: each person must be a mapping",
            "people.yaml:6: count: must be a number",
        ],
    ),
    ("syntax.yaml", b"people: [\n", ["syntax.yaml:2:1: YAML syntax error"]),
    ("both.yml", b"people: []\nseats: []\n", ["both.yml:1: expected a list of people"]),
    ("scalar.yaml", b"people: 3\n", ["scalar.yaml:1: `people` must be a list of people"]),
    ("none.yaml", b"people: []\n", ["none.yaml:1: no people in the file"]),
    (
        "dupkey.yaml",
        b"- {id: a, id: b, title: CEO, reports_to: }\n",
        ["dupkey.yaml:1:", "duplicate key"],
    ),
    ("tags.yaml", b"- !!python/object:os.system {id: a}\n", ["tags.yaml:1:"]),
    ("empty.yaml", b"", ["empty.yaml:1:1: file is empty"]),
    (
        "yaml-cycle.yaml",
        b"- {id: a, title: CEO, reports_to: b}\n- {id: b, title: CS Lead, reports_to: a}\n",
        ["yaml-cycle.yaml:1: reports_to: reporting cycle: a → b → a (lines 1, 2)"],
    ),
]


@pytest.mark.parametrize(
    ("name", "content", "expected"), BAD_FILES, ids=[name for name, _, _ in BAD_FILES]
)
def test_bad_org_file(
    run: Callable[..., Any], tmp_path: Path, name: str, content: bytes, expected: list[str]
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = run("audit", str(path), *FLAGS)
    assert result.exit_code == 1, result.stdout
    assert result.stdout == ""
    assert result.stderr.startswith(f"csorg: error: {path}")
    for text in expected:
        assert text.replace(name, str(path), 1) in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_file_not_there(run: Callable[..., Any], tmp_path: Path) -> None:
    result = run("audit", str(tmp_path / "nope.csv"), *FLAGS)
    assert result.exit_code == 1
    assert result.stderr == f"csorg: error: {tmp_path / 'nope.csv'}: file not found\n"


def test_a_directory(run: Callable[..., Any], tmp_path: Path) -> None:
    result = run("audit", str(tmp_path), *FLAGS)
    assert result.exit_code == 1
    assert "is a directory" in result.stderr


def test_huge_file(run: Callable[..., Any], tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("w") as out:
        out.write(HEADER)
        out.write(("x" * 1023 + "\n") * 9 * 1024)
    result = run("audit", str(path), *FLAGS)
    assert result.exit_code == 1
    assert result.stderr == f"csorg: error: {path}: file is larger than the 8 MiB csorg reads\n"


def test_too_many_people(run: Callable[..., Any], tmp_path: Path) -> None:
    path = tmp_path / "crowd.csv"
    rows = "".join(f"p{i},CSM,p0\n" for i in range(1, MAX_PEOPLE + 1))
    path.write_text(HEADER + "p0,CEO,\n" + rows)
    result = run("audit", str(path), *FLAGS)
    assert result.exit_code == 1
    assert f"crowd.csv:{MAX_PEOPLE + 2}: more than {MAX_PEOPLE:,} people" in result.stderr


def test_many_problems_are_listed_up_to_a_limit(run: Callable[..., Any], tmp_path: Path) -> None:
    path = tmp_path / "sloppy.csv"
    path.write_text(HEADER + "a,CEO,\n" + "".join(f"p{i},,a\n" for i in range(30)))
    result = run("audit", str(path), *FLAGS)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == f"csorg: error: {path}: 30 problems in the org chart (the first 20 below)"
    assert len(lines) == 21
    assert lines[1] == f"  {path}:3: title: is empty"


def test_bad_file_error_is_escaped(run: Callable[..., Any], tmp_path: Path) -> None:
    path = tmp_path / "escape.csv"
    path.write_text(HEADER + "a,CEO,\nb,CSM,\x1b[2J\n")
    result = run("audit", str(path), *FLAGS)
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr and "\\x1b[2J" in result.stderr
