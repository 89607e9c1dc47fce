"""Hostile places to read from and write to, through the real command line in a subprocess.

- Inputs that are FIFOs (with no writer, or a writer that never writes), devices, sockets or
  symbolic link loops are refused by name in every reader: exit 1, no hang, no traceback.
- ``-o`` onto a symbolic link writes through to its target atomically and keeps the link;
  onto a character device or a FIFO it writes in place; a failed write (a full device, a file
  size limit, no reader) is exit 1 and leaves the old file and no temporary file behind.
- A standard output that is full, closed or whose reader has gone ends every command with
  one line (none for a broken pipe) and exit 1.
- Ctrl-C at any moment, start-up imports included, exits 130 with no traceback.

The timeout on each subprocess only guards against hangs; nothing here asserts speed.
"""

from __future__ import annotations

import os
import resource
import signal
import socket
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
HANG_GUARD = 60  # seconds; every case here ends in well under one
SCALING = ["--stage", "scaling", "--touch", "high", "--customers", "400"]
ORG = REPO / "tests" / "fixtures" / "messy-org.csv"
CATALOG = REPO / "data" / "roles.yaml"


def _env() -> dict[str, str]:
    drop = ("CSORG_CATALOG", "GITHUB_ACTIONS")
    return {k: v for k, v in os.environ.items() if k not in drop} | {"NO_COLOR": "1"}


def csorg(
    *args: str | Path, env: dict[str, str] | None = None, **popen: Any
) -> subprocess.CompletedProcess[str]:
    popen.setdefault("stdout", subprocess.PIPE)
    return subprocess.run(
        [sys.executable, "-m", "csorg", *map(str, args)],
        stderr=subprocess.PIPE,
        text=True,
        timeout=HANG_GUARD,
        env=env or _env(),
        check=False,
        **popen,
    )


def assert_clean_failure(result: subprocess.CompletedProcess[str], code: int = 1) -> None:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("csorg: error: ") or "problem" in (result.stdout or "")


# -- inputs that are not regular files -------------------------------------------------------


@pytest.fixture
def held_fifo(tmp_path: Path) -> Iterator[Callable[[Path], None]]:
    """Make a FIFO whose writer is open (held by this test) but never writes."""
    held: list[int] = []

    def make(path: Path) -> None:
        os.mkfifo(path)
        held.append(os.open(path, os.O_RDWR | os.O_NONBLOCK))  # O_RDWR: opens at once

    yield make
    for fd in held:
        os.close(fd)


def _socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()  # the socket file stays


def _loop(path: Path) -> None:
    other = path.with_name(path.name + ".other")
    other.symlink_to(path.name)
    path.symlink_to(other.name)


# kind of input -> (how to make it at a path, words the refusal must hold)
INPUT_KINDS: dict[str, tuple[Callable[..., None], str]] = {
    "FIFO nobody writes to": (os.mkfifo, "is a FIFO (named pipe), not a regular file"),
    "FIFO whose writer never writes": (lambda p: None, "is a FIFO (named pipe)"),
    "character device (link to /dev/zero)": (
        lambda p: p.symlink_to("/dev/zero"),
        "is a character device, not a regular file",
    ),
    "socket": (_socket, "is a socket, not a regular file"),
    "symbolic link loop": (_loop, "symbolic link loop"),
}

FLAGS = ["--stage", "scaling", "--touch", "high"]
# reader -> (file name it reads, the command line given the file's path)
READERS: dict[str, tuple[str, Callable[[Path], list[str | Path]]]] = {
    "audit, CSV": ("org.csv", lambda p: ["audit", p, *FLAGS]),
    "audit, YAML": ("org.yaml", lambda p: ["audit", p, *FLAGS]),
    "validate, the folder": ("roles.yaml", lambda p: ["validate", p.parent]),
    "--catalog": ("business_models.yaml", lambda p: ["--catalog", p.parent, "recommend", *FLAGS]),
    "validate --catalog": ("roles.yaml", lambda p: ["validate", "--catalog", p.parent]),
}


@pytest.mark.parametrize("kind", list(INPUT_KINDS))
@pytest.mark.parametrize("reader", list(READERS))
def test_inputs_that_are_not_files_are_refused(
    reader: str, kind: str, tmp_path: Path, held_fifo: Callable[[Path], None]
) -> None:
    name, command = READERS[reader]
    make, words = INPUT_KINDS[kind]
    folder = tmp_path / "in"
    folder.mkdir()
    path = folder / name
    if kind == "FIFO whose writer never writes":
        held_fifo(path)
    else:
        make(path)
    result = csorg(*command(path), cwd=tmp_path)
    # validate takes a folder whose catalog file cannot even be looked at as a bad PATH
    unusable_path = reader == "validate, the folder" and kind == "symbolic link loop"
    assert_clean_failure(result, code=2 if unusable_path else 1)
    said = result.stderr + result.stdout
    assert f"{name}: " in said and words in said, said
    assert stat.S_IFMT(os.lstat(path).st_mode) != stat.S_IFREG  # nothing replaced it


def test_validate_names_a_fifo_given_as_a_file(tmp_path: Path) -> None:
    path = tmp_path / "roles.yaml"
    os.mkfifo(path)
    result = csorg("validate", path)
    assert result.returncode == 1
    assert "roles.yaml: is a FIFO (named pipe), not a regular file" in result.stdout
    assert "Traceback" not in result.stderr


def test_process_substitution_is_refused_with_a_way_out(tmp_path: Path) -> None:
    """A pipe (what ``csorg audit <(...)`` hands over) is a FIFO too."""
    read_end, write_end = os.pipe()
    try:
        result = csorg("audit", f"/dev/fd/{read_end}", *FLAGS, pass_fds=(read_end,))
    finally:
        os.close(read_end)
        os.close(write_end)
    assert_clean_failure(result)
    assert "not a regular file; save what it gives to a file first" in result.stderr


# -- -o: links, devices, FIFOs, failed writes ------------------------------------------------


def export_bytes() -> bytes:
    result = subprocess.run(
        [sys.executable, "-m", "csorg", "export", *SCALING, "-f", "csv", "-o", "-"],
        capture_output=True,
        timeout=HANG_GUARD,
        env=_env(),
        check=True,
    )
    return result.stdout


@pytest.fixture(scope="module")
def expected() -> bytes:
    return export_bytes()


def export_to(target: str | Path, **popen: Any) -> subprocess.CompletedProcess[str]:
    return csorg("export", *SCALING, "-f", "csv", "-o", target, **popen)


def entries(folder: Path) -> dict[str, str]:
    """Each name in ``folder`` and what it is: a link's target, else the file's kind."""
    out = {}
    for path in folder.iterdir():
        if path.is_symlink():
            out[path.name] = "-> " + os.readlink(path)
        else:
            out[path.name] = "file" if path.is_file() else "other"
    return out


LINK_CASES: dict[str, tuple[dict[str, str], str, dict[str, str]]] = {
    # name -> (links to make: name -> target), what -o names, the folder afterwards
    "a link to a file": ({"org.csv": "real.csv"}, "org.csv", {"real.csv": "file"}),
    "a link to a file not made yet": ({"org.csv": "later.csv"}, "org.csv", {"later.csv": "file"}),
    "a chain of links": (
        {"org.csv": "mid.csv", "mid.csv": "real.csv"},
        "org.csv",
        {"real.csv": "file"},
    ),
    "a link into a sub-folder": ({"org.csv": "sub/real.csv"}, "org.csv", {"sub": "other"}),
}


@pytest.mark.parametrize("case", list(LINK_CASES))
def test_output_through_a_symlink_keeps_the_link(
    case: str, tmp_path: Path, expected: bytes
) -> None:
    links, target, after = LINK_CASES[case]
    (tmp_path / "sub").mkdir()
    (tmp_path / "real.csv").write_text("old", encoding="utf-8")
    (tmp_path / "sub" / "real.csv").write_text("old", encoding="utf-8")
    for name, points_to in links.items():
        (tmp_path / name).symlink_to(points_to)
    result = export_to(target, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    found = entries(tmp_path)
    for name, points_to in links.items():
        assert found[name] == f"-> {points_to}", "the link was replaced"
    for name, kind in after.items():
        assert found[name] == kind
    assert (tmp_path / target).read_bytes() == expected
    assert not list(tmp_path.rglob("*.tmp")), "a temporary file was left"


def test_output_onto_a_symlink_loop_is_refused(tmp_path: Path) -> None:
    _loop(tmp_path / "org.csv")
    before = entries(tmp_path)
    result = export_to(tmp_path / "org.csv")
    assert_clean_failure(result)
    assert "org.csv: cannot write: symbolic link loop" in result.stderr
    assert entries(tmp_path) == before


def test_output_onto_dev_null_writes_in_place() -> None:
    before = os.stat("/dev/null")
    result = export_to("/dev/null")
    assert result.returncode == 0, result.stderr
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="this system has no /dev/full")
def test_a_full_device_is_never_success() -> None:
    result = export_to("/dev/full")
    assert_clean_failure(result)
    assert "/dev/full: cannot write: No space left on device" in result.stderr
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_output_onto_a_fifo_with_a_reader(tmp_path: Path, expected: bytes) -> None:
    fifo = tmp_path / "org.csv"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    try:
        # the reader may not have opened its end yet: csorg never waits for it, so retry
        for _ in range(200):
            result = export_to(fifo)
            if "no process is reading" not in result.stderr:
                break
        got, _ = reader.communicate(timeout=HANG_GUARD)
    finally:
        reader.kill()
    assert result.returncode == 0, result.stderr
    assert got == expected
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_output_onto_a_fifo_nobody_reads(tmp_path: Path) -> None:
    fifo = tmp_path / "org.csv"
    os.mkfifo(fifo)
    result = export_to(fifo)
    assert_clean_failure(result)
    assert "org.csv: cannot write: no process is reading from it" in result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_output_onto_a_socket_is_refused(tmp_path: Path) -> None:
    _socket(tmp_path / "org.csv")
    result = export_to(tmp_path / "org.csv")
    assert_clean_failure(result)
    assert "org.csv: is a socket; csorg writes only to files" in result.stderr
    assert stat.S_ISSOCK(os.lstat(tmp_path / "org.csv").st_mode)


def test_output_onto_a_block_device_is_refused(tmp_path: Path) -> None:
    node = tmp_path / "disk"
    try:
        # a loop device number no loop device has: even a broken check could not write
        os.mknod(node, stat.S_IFBLK | 0o600, os.makedev(7, 1023))
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot make a device node here: {exc.strerror}")
    result = export_to(node, stdout=subprocess.PIPE)
    assert_clean_failure(result)
    assert "disk: is a block device; csorg writes only to files" in result.stderr


def _file_size_limit(limit: int) -> Callable[[], None]:
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails: EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@pytest.mark.parametrize("fmt", ["csv", "svg", "html"])
def test_a_write_that_fails_midway_is_never_success(fmt: str, tmp_path: Path) -> None:
    """A file size limit fails the write part way through, as a full disk would."""
    target = tmp_path / f"org.{fmt}"
    target.write_bytes(b"the previous export\n")
    result = csorg("export", *SCALING, "-o", target, cwd=tmp_path, preexec_fn=_file_size_limit(100))
    assert_clean_failure(result)
    assert f"org.{fmt}: cannot write: File too large" in result.stderr
    assert target.read_bytes() == b"the previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_empty_output_name_is_a_usage_error(tmp_path: Path) -> None:
    result = export_to("", cwd=tmp_path)
    assert_clean_failure(result, code=2)
    assert result.stderr == (
        "csorg: error: --output needs a file, a folder or - for standard output\n"
        "See 'csorg export --help'.\n"
    )
    assert list(tmp_path.iterdir()) == []


# -- standard output that fails --------------------------------------------------------------

COMMANDS: dict[str, list[str]] = {
    "recommend": ["recommend", *SCALING],
    "recommend --format table": ["recommend", *SCALING, "-f", "table"],
    "recommend --format json": ["recommend", *SCALING, "-f", "json"],
    "recommend --format markdown": ["recommend", *SCALING, "-f", "markdown"],
    "models": ["models"],
    "roles --format json": ["roles", "-f", "json"],
    "explain": ["explain", "csm"],
    "figures": ["figures"],
    "plan": ["plan", "--from", "startup/high", "--to", "scaling/high"],
    "audit": ["audit", str(ORG), *SCALING],
    "validate": ["validate", str(REPO / "data")],
    "validate --format json": ["validate", "--format", "json", str(REPO / "data")],
    "schema": ["schema", "roles"],
    "export -o -": ["export", *SCALING, "-f", "svg", "-o", "-"],
    "--help": ["--help"],
    "recommend --help": ["recommend", "--help"],
    "--version": ["--version"],
}


def _closed_stdout() -> None:
    os.close(1)


def run_with_stdout(args: list[str], how: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "csorg", *args]
    if how == "full":
        with open("/dev/full", "wb") as full:
            return subprocess.run(
                command, stdout=full, stderr=subprocess.PIPE, text=True, env=_env(),
                timeout=HANG_GUARD, check=False,
            )  # fmt: skip
    if how == "closed":
        return subprocess.run(
            command, stderr=subprocess.PIPE, text=True, env=_env(), timeout=HANG_GUARD,
            preexec_fn=_closed_stdout, check=False,
        )  # fmt: skip
    # broken pipe: the reading end is closed before csorg writes a byte
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env()
    )
    assert process.stdout is not None
    process.stdout.close()
    _, err = process.communicate(timeout=HANG_GUARD)
    return subprocess.CompletedProcess(command, process.returncode, None, err)


@pytest.mark.parametrize("how", ["full", "closed", "broken pipe"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_failing_stdout_is_one_line_and_exit_1(command: str, how: str) -> None:
    if how == "full" and not os.path.exists("/dev/full"):
        pytest.skip("this system has no /dev/full")
    result = run_with_stdout(COMMANDS[command], how)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    if how == "broken pipe":
        assert result.stderr == ""  # the reader has gone; nothing to say
    else:
        reason = "No space left on device" if how == "full" else "it is closed"
        assert result.stderr == f"csorg: error: cannot write to standard output: {reason}\n"


def test_a_working_stdout_still_exits_0() -> None:
    """The same commands succeed when standard output works (the table is not vacuous)."""
    for args in COMMANDS.values():
        result = csorg(*args)
        assert result.returncode == 0, (args, result.stderr)
        assert result.stdout


# -- Ctrl-C --------------------------------------------------------------------------------

# Each harness runs csorg as its console script does (``from csorg.__main__ import run``, then
# ``run()``) and sends itself SIGINT at a chosen point: deterministic, where a timer would race
# start-up. The points start once ``run`` is imported: before that, Python imports two small
# files (csorg/__init__.py, csorg/__main__.py) that define nothing to catch an interrupt with.
ENTRY = """
signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a terminal, whatever ran us
sys.argv = ["csorg", *sys.argv[2:]]
from csorg.__main__ import run
start()
run()
"""

# ... the moment a given module starts to be imported (import statements and importlib alike)
INTERRUPT_AT_IMPORT = (
    """
import os, signal, sys
module = sys.argv[1]
class Interrupt:
    def find_spec(self, name, path=None, target=None):
        if name == module:
            sys.meta_path.remove(self)
            sys.stderr.write("(interrupting at " + name + ")\\n")
            os.kill(os.getpid(), signal.SIGINT)
        return None
def start():
    sys.meta_path.insert(0, Interrupt())
"""
    + ENTRY
)

# ... at the Nth Python function call of the run; N = 0 counts the calls instead
INTERRUPT_AT_CALL = (
    """
import atexit, os, signal, sys
fire_at, calls = int(sys.argv[1]), 0
def profile(frame, event, arg):
    global calls
    if event == "call":
        calls += 1
        if calls == fire_at:
            sys.setprofile(None)
            sys.stderr.write("(interrupting at call " + str(calls) + ")\\n")
            os.kill(os.getpid(), signal.SIGINT)
if not fire_at:
    atexit.register(lambda: sys.stderr.write("(calls " + str(calls) + ")\\n"))
def start():
    sys.setprofile(profile)
"""
    + ENTRY
)


def interrupted_run(harness: str, point: str, args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", harness, point, *args],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=HANG_GUARD,
        check=False,
    )


def assert_interrupted(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 130, result.stderr
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    assert result.stderr.endswith("csorg: interrupted\n"), result.stderr


# module whose import is interrupted -> a command that imports it
IMPORT_POINTS: dict[str, list[str]] = {
    "csorg.cli": ["recommend", *SCALING],
    "typer": ["recommend", *SCALING],
    "rich": ["recommend", *SCALING, "-f", "table"],
    "csorg.engine.recommend": ["recommend", *SCALING],
    "csorg.render.tree": ["recommend", *SCALING],
    "yaml": ["validate", str(REPO / "data")],
    "networkx": ["audit", str(REPO / "tests" / "fixtures" / "hr" / "yed.graphml"), *SCALING],
    "csorg.export.svg": ["export", *SCALING, "-o", "-"],
    "csorg.audit.orgfile": ["audit", str(ORG), *SCALING],
    "csorg.fileio": ["export", *SCALING, "-f", "csv", "-o", os.devnull],
}


@pytest.mark.parametrize("module", list(IMPORT_POINTS))
def test_ctrl_c_during_start_up_imports(module: str) -> None:
    result = interrupted_run(INTERRUPT_AT_IMPORT, module, IMPORT_POINTS[module])
    assert f"(interrupting at {module})" in result.stderr, "the interrupt never happened"
    assert_interrupted(result)


EXPORT_SEATS = ["export", "--stage", "enterprise", "--touch", "high", "--customers", "20000"]
JSON_SEATS = ["recommend", "--stage", "enterprise", "--touch", "high", "--customers", "20000",
              "--seats", "-f", "json"]  # fmt: skip
FRACTIONS = [0.0001, 0.02, 0.1, 0.25, 0.4, 0.6, 0.8, 0.9, 0.97]
_counted: dict[tuple[str, ...], int] = {}


def calls_in_a_run(args: list[str]) -> int:
    """How many Python function calls one uninterrupted run makes."""
    key = tuple(arg for arg in args if not arg.endswith(".svg"))  # any file name counts alike
    if key not in _counted:
        result = interrupted_run(INTERRUPT_AT_CALL, "0", args)
        assert result.returncode == 0, result.stderr
        _counted[key] = int(result.stderr.rsplit("(calls ", 1)[1].split(")")[0])
    return _counted[key]


@pytest.mark.parametrize("fraction", FRACTIONS)
def test_ctrl_c_at_any_moment(fraction: float, tmp_path: Path) -> None:
    """SIGINT at points spread over a whole run: start-up, the engine, the layout, the
    write of the file; the file is never left half-written or as a temporary."""
    target = tmp_path / "org.svg"
    target.write_text("the previous chart", encoding="utf-8")
    args = [*EXPORT_SEATS, "-o", str(target)]
    point = str(
        max(1, int(calls_in_a_run([*EXPORT_SEATS, "-o", str(tmp_path / "x.svg")]) * fraction))
    )
    (tmp_path / "x.svg").unlink(missing_ok=True)
    result = interrupted_run(INTERRUPT_AT_CALL, point, args)
    assert f"(interrupting at call {point})" in result.stderr, "the interrupt never happened"
    assert_interrupted(result)
    assert [p.name for p in tmp_path.iterdir()] == ["org.svg"]
    assert target.read_text(encoding="utf-8") == "the previous chart"


@pytest.mark.parametrize("fraction", [0.5, 0.9, 0.97])
def test_ctrl_c_while_writing_to_stdout(fraction: float) -> None:
    point = str(int(calls_in_a_run(JSON_SEATS) * fraction))
    result = interrupted_run(INTERRUPT_AT_CALL, point, JSON_SEATS)
    assert f"(interrupting at call {point})" in result.stderr, "the interrupt never happened"
    assert_interrupted(result)


# every command that writes a file with -o: the same rules for links and devices
WRITERS: dict[str, list[str]] = {
    "export": ["export", *SCALING, "-f", "csv", "-o"],
    "audit": ["audit", str(ORG), *SCALING, "-f", "markdown", "-o"],
    "audit --suggest-titles": ["audit", str(ORG), *SCALING, "--suggest-titles", "-o"],
}


@pytest.mark.parametrize("writer", list(WRITERS))
def test_every_writer_keeps_links_and_reports_full_devices(writer: str, tmp_path: Path) -> None:
    (tmp_path / "real.out").write_text("old", encoding="utf-8")
    (tmp_path / "link.out").symlink_to("real.out")
    result = csorg(*WRITERS[writer], "link.out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert entries(tmp_path) == {"link.out": "-> real.out", "real.out": "file"}
    assert (tmp_path / "real.out").read_text(encoding="utf-8") != "old"
    if os.path.exists("/dev/full"):
        full = csorg(*WRITERS[writer], "/dev/full", cwd=tmp_path)
        assert_clean_failure(full)
        assert "/dev/full: cannot write: No space left on device" in full.stderr


SWALLOWED = """
import os, signal, sys
import csorg.export.svg as svg
from csorg.__main__ import run

class Dropped:
    def __del__(self):
        os.kill(os.getpid(), signal.SIGINT)
        for _ in range(10_000):  # the handler runs here, inside the finaliser
            pass

original = svg.svg_text

def svg_text(chart):
    Dropped()  # its finaliser is interrupted, and Python swallows the KeyboardInterrupt
    return original(chart)

svg.svg_text = svg_text
sys.argv = ["csorg", *sys.argv[1:]]
run()
"""


def test_a_ctrl_c_python_swallows_in_a_finaliser_still_ends_the_run(tmp_path: Path) -> None:
    """A SIGINT that lands in a finaliser (a generator closed as it is dropped) cannot be
    raised there: Python prints 'Exception ignored' and carries on. csorg records it and
    stops before replacing the file."""
    target = tmp_path / "org.svg"
    target.write_text("the previous chart", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", SWALLOWED, *EXPORT_SEATS, "-o", str(target)],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=HANG_GUARD,
        check=False,
    )
    assert_interrupted(result)
    assert [p.name for p in tmp_path.iterdir()] == ["org.svg"]
    assert target.read_text(encoding="utf-8") == "the previous chart"
