"""Hostile catalog files end in a clear error (exit 1), never a crash, a hang or a blow-up.

Each file goes through the real `csorg validate` in a subprocess whose address space is capped
(so a memory blow-up fails the test instead of the machine) and with a generous timeout that
only guards against hangs; nothing here asserts speed.
"""

from __future__ import annotations

import codecs
import os
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from csorg.catalog.parse import MAX_ENTRY_VALUES
from csorg.catalog.yamlload import MAX_DEPTH, MAX_NODES, MAX_TEXT
from csorg.fileio import MAX_FILE_BYTES

REPO = Path(__file__).resolve().parents[1]
MEMORY_LIMIT = 1024 * 1024 * 1024  # bytes of address space for the whole csorg process
HANG_GUARD = 120  # seconds; a hostile file is rejected in a few


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def validate(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CSORG_CATALOG", "GITHUB_ACTIONS")}
    return subprocess.run(
        [sys.executable, "-m", "csorg", "validate", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        preexec_fn=_cap_memory,
        env=env,
        check=False,
    )


def _billion_laughs() -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        previous = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [{', '.join([previous] * 9)}]")
    lines.append("roles: *a9")
    return "\n".join(lines) + "\n"


def _long_alias_text() -> str:
    # a short file whose one long string, repeated by aliases, would expand to gigabytes
    return 'x: &x "' + "A" * 200_000 + '"\nroles: [' + ", ".join(["*x"] * 20_000) + "]\n"


def _deep_alias_chain() -> str:
    # each anchor nests 40 levels around the previous one: never deep as written,
    # thousands of levels deep once expanded
    lines = ["a0: &a0 1"]
    for level in range(1, 200):
        lines.append(f"a{level}: &a{level} " + "[" * 40 + f"*a{level - 1}" + "]" * 40)
    return "\n".join(lines) + "\n"


def _many_values() -> str:
    return "roles: [" + ", ".join(["1"] * (MAX_NODES + 10)) + "]\n"


def _many_broken_entries() -> str:
    # a million values within the limits, every one of them wrong
    return "roles: [" + ", ".join(["1"] * (MAX_NODES - 100)) + "]\n"


# name -> (file content, a fragment of the message it must give)
TEXT_CASES: dict[str, tuple[Callable[[], str], str]] = {
    "billion laughs": (_billion_laughs, f"more than {MAX_NODES:,} values"),
    "self-referencing anchor": (lambda: "roles: &r [*r]\n", "refers to the value that contains it"),
    "alias before its anchor": (lambda: "roles: [*r]\n", "names no anchor defined before it"),
    "long text through aliases": (_long_alias_text, f"more than {MAX_TEXT:,} characters"),
    "deep alias chain": (_deep_alias_chain, f"nesting deeper than {MAX_DEPTH} levels"),
    "100,000-deep flow nesting": (
        lambda: "roles: " + "[" * 100_000 + "]" * 100_000 + "\n",
        f"nesting deeper than {MAX_DEPTH} levels",
    ),
    "100,000-deep mapping nesting": (
        lambda: "roles: " + "{a: " * 100_000 + "1" + "}" * 100_000 + "\n",
        f"nesting deeper than {MAX_DEPTH} levels",
    ),
    "deep block nesting": (
        lambda: "".join("  " * i + "-\n" for i in range(200)),
        f"nesting deeper than {MAX_DEPTH} levels",
    ),
    "more values than allowed": (_many_values, f"more than {MAX_NODES:,} values"),
    "a million broken values": (_many_broken_entries, "more problems not shown"),
    "a million duplicate keys": (lambda: "roles: []\n" * 400_000, "duplicate key 'roles'"),
    "one huge entry": (
        lambda: "roles:\n  - id: x\n    aliases: [" + ", ".join(["a"] * 50_000) + "]\n",
        f"an entry may hold at most {MAX_ENTRY_VALUES:,}",
    ),
    "python object tag": (
        lambda: 'roles: !!python/object/apply:os.system ["echo hostile"]\n',
        "unsupported YAML tag !!python/object/apply:os.system",
    ),
    "python name tag": (
        lambda: "version: !!python/name:os.system\n",
        "unsupported YAML tag !!python/name:os.system",
    ),
    "python module tag on a key": (
        lambda: "? !!python/module:os\n: 1\n",
        "unsupported YAML tag !!python/module:os",
    ),
    "binary tag": (lambda: "version: !!binary aGVsbG8=\n", "unsupported YAML tag !!binary"),
    "local tag": (lambda: "version: !include other.yaml\n", "unsupported YAML tag !include"),
    "list as a key": (lambda: "? [a, b]\n: 1\n", "a mapping key must be plain text"),
    "control character": (lambda: "version: 1\x07\n", "character U+0007 is not allowed in YAML"),
}


# where csorg reports a limit: the value that passes it (csorg's own counting, so the same
# whichever limits the installed libyaml has; some stop deep flow nesting at 1,000 levels)
WHERE = {
    "deep alias chain": "3:49",
    "100,000-deep flow nesting": "1:71",
    "100,000-deep mapping nesting": "1:260",
    "deep block nesting": "65:129",
    "control character": "1:11",
}


@pytest.mark.parametrize("case", list(TEXT_CASES))
def test_hostile_text_ends_in_a_clear_error(case: str, tmp_path: Path) -> None:
    make, message = TEXT_CASES[case]
    path = tmp_path / "roles.yaml"
    path.write_text(make(), encoding="utf-8")
    result = validate(tmp_path)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert message in result.stdout
    assert "roles.yaml:" in result.stdout
    if case in WHERE:
        assert f"roles.yaml:{WHERE[case]}: {message}" in result.stdout


def test_no_tag_constructs_a_python_object(tmp_path: Path) -> None:
    marker = tmp_path / "constructed"
    calls = [
        f'!!python/object/apply:os.system ["touch {marker}"]',
        f'!!python/object/apply:subprocess.call [["touch", "{marker}"]]',
        f'!!python/object/new:subprocess.Popen [["touch", "{marker}"]]',
        "!!python/name:os.system",
    ]
    catalog = tmp_path / "catalog"
    catalog.mkdir()
    (catalog / "roles.yaml").write_text(
        "".join(f"k{i}: {call}\n" for i, call in enumerate(calls)), encoding="utf-8"
    )
    result = validate(catalog)
    assert result.returncode == 1
    assert result.stdout.count("unsupported YAML tag !!python/") == len(calls)
    assert not marker.exists()


def test_tens_of_megabytes_are_refused_without_reading_them(tmp_path: Path) -> None:
    path = tmp_path / "roles.yaml"
    with path.open("wb") as out:
        out.truncate(30 * 1024 * 1024)  # sparse: 30 MiB of NUL bytes, no disk spent
    result = validate(tmp_path)
    assert result.returncode == 1
    assert f"larger than the {MAX_FILE_BYTES // (1024 * 1024)} MiB csorg reads" in result.stdout


def test_a_large_file_of_plain_text_just_under_the_limit(tmp_path: Path) -> None:
    line = "# " + "x" * 97 + "\n"
    (tmp_path / "roles.yaml").write_text(line * (MAX_FILE_BYTES // len(line) - 1) + "oops\n")
    result = validate(tmp_path)
    assert result.returncode == 1
    assert "expected a mapping, found the text 'oops'" in result.stdout


BYTE_CASES: dict[str, tuple[bytes, str]] = {
    "random binary": (bytes(range(256)) * 64, "file holds NUL bytes"),
    "latin-1 text": ("version: 1\nnote: café\n".encode("latin-1"), "invalid UTF-8 byte 0xe9"),
    "UTF-16 with a byte-order mark": (
        codecs.BOM_UTF16_LE + "version: 1\n".encode("utf-16-le"),
        "file is UTF-16 encoded; save it as UTF-8",
    ),
    "UTF-16 without a byte-order mark": ("version: 1\n".encode("utf-16-le"), "NUL bytes"),
    "UTF-32 with a byte-order mark": (
        codecs.BOM_UTF32_BE + "version: 1\n".encode("utf-32-be"),
        "file is UTF-32 encoded; save it as UTF-8",
    ),
    "truncated UTF-8": ("title: Café".encode()[:-1], "invalid UTF-8 byte 0xc3"),
}


@pytest.mark.parametrize("case", list(BYTE_CASES))
def test_bytes_that_are_not_utf8_yaml(case: str, tmp_path: Path) -> None:
    data, message = BYTE_CASES[case]
    (tmp_path / "roles.yaml").write_bytes(data)
    result = validate(tmp_path)
    assert result.returncode == 1
    assert message in result.stdout
    assert "roles.yaml:" in result.stdout


def test_a_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    for name in ("roles.yaml", "business_models.yaml"):
        (tmp_path / name).write_bytes(codecs.BOM_UTF8 + (REPO / "data" / name).read_bytes())
    result = validate(tmp_path)
    assert result.returncode == 0, result.stdout
    assert "No problems" in result.stdout
