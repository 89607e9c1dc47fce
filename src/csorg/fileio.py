"""Reading input files within limits, and writing output files safely.

Inputs must be regular files: a FIFO, a device or a socket is refused before csorg waits on
it, so no input can hang csorg. Outputs that are regular files (or symbolic links to one) are
replaced atomically; a character device or a FIFO (``/dev/null``, ``/dev/stdout``, a named
pipe) is written to directly; anything else is refused.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from csorg import interrupts
from csorg.errors import CsorgError

MAX_FILE_BYTES = 8 * 1024 * 1024

# open() flags: never wait for a FIFO's other end, never adopt a terminal, never leak the fd
# (POSIX names; elsewhere there are no FIFOs to wait on)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_NO_WAIT = _NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


def _file_kind(mode: int) -> str:
    """What a non-regular file is, as a message names it."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _why(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    return exc.strerror or str(exc)


def read_bytes(path: Path, display: str | None = None, *, limit: int = MAX_FILE_BYTES) -> bytes:
    """A regular file's bytes, refusing anything above ``limit`` without reading it all.

    FIFOs, devices and sockets are refused: reading one could wait for ever or never end.
    """
    name = display or str(path)
    try:
        # looked at before opening: opening some devices has effects of its own
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            raise _not_regular(name, mode)
        fd = os.open(path, os.O_RDONLY | _NO_WAIT)
    except FileNotFoundError:
        raise CsorgError.at(name, "file not found") from None
    except PermissionError:
        raise CsorgError.at(name, "permission denied") from None
    except OSError as exc:
        raise CsorgError.at(name, f"cannot be read: {_why(exc)}") from None
    with open(fd, "rb") as handle:
        try:
            # the file may have been swapped for a FIFO between the two looks
            mode = os.fstat(fd).st_mode
            if not stat.S_ISREG(mode):
                raise _not_regular(name, mode)
            if _NONBLOCK:
                os.set_blocking(fd, True)
            data = handle.read(limit + 1)
        except OSError as exc:
            raise CsorgError.at(name, f"cannot be read: {_why(exc)}") from None
    if len(data) > limit:
        raise CsorgError.at(
            name, f"file is larger than the {limit // (1024 * 1024)} MiB csorg reads"
        )
    return data


def _not_regular(name: str, mode: int) -> CsorgError:
    if stat.S_ISDIR(mode):
        return CsorgError.at(name, "is a directory, not a file")
    return CsorgError.at(
        name, f"is {_file_kind(mode)}, not a regular file; save what it gives to a file first"
    )


def write_output(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``, whatever ``path`` is, or fail with a :class:`CsorgError`.

    - a regular file, or a name not taken yet: replaced atomically (:func:`write_atomic`);
    - a symbolic link: the file it points to is replaced atomically, the link stays;
    - a character device or a FIFO: written to directly, every write checked;
    - a directory, a block device or a socket: refused.
    """
    name = str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None  # a new file, or a link to one not made yet
    except OSError as exc:
        raise CsorgError.at(name, f"cannot write: {_why(exc)}") from None
    if info is None or stat.S_ISREG(info.st_mode):
        write_atomic(_link_target(path), data, display=name)
    elif stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode):
        _write_directly(path, data)
    else:
        raise CsorgError.at(name, f"is {_file_kind(info.st_mode)}; csorg writes only to files")


def _link_target(path: Path) -> Path:
    """The file a chain of symbolic links ends at (``path`` itself when it is none)."""
    if not path.is_symlink():
        return path
    try:
        return Path(os.path.realpath(path, strict=False))
    except OSError as exc:  # pragma: no cover - realpath only raises in strict mode
        raise CsorgError.at(str(path), f"cannot write: {_why(exc)}") from None


def _write_directly(path: Path, data: bytes) -> None:
    """Write to a device or FIFO in place: no temporary file, every error reported."""
    name = str(path)
    try:
        fd = os.open(path, os.O_WRONLY | _NO_WAIT)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise CsorgError.at(name, "cannot write: no process is reading from it") from None
        raise CsorgError.at(name, f"cannot write: {_why(exc)}") from None
    try:
        mode = os.fstat(fd).st_mode
        if not (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
            raise CsorgError.at(name, f"is {_file_kind(mode)}; csorg writes only to files")
        if _NONBLOCK:
            os.set_blocking(fd, True)  # a slow reader is fine; only the open must not wait
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except OSError as exc:
        raise CsorgError.at(name, f"cannot write: {_why(exc)}") from None
    finally:
        with contextlib.suppress(OSError):
            os.close(fd)


def write_atomic(path: Path, data: bytes, *, display: str | None = None) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half.

    The bytes go to a temporary file in the same folder, are flushed to disk, and then
    replace the target in one step; on any failure the temporary file is removed and an
    existing file is left as it was.
    """
    name = display or str(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise CsorgError.at(name, f"folder {str(folder)!r} does not exist")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise CsorgError.at(name, f"cannot write in {str(folder)!r}: {_why(exc)}") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if path.exists():
            # keep the permissions of the file being replaced
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        interrupts.check()  # a Ctrl-C swallowed on the way here: keep the old file
        os.replace(temporary, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise CsorgError.at(name, f"cannot write: {_why(exc)}") from None
        raise
