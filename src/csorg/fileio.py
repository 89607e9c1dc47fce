"""Reading input files within limits, and writing output files atomically."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from csorg.errors import CsorgError

MAX_FILE_BYTES = 8 * 1024 * 1024


def read_bytes(path: Path, display: str | None = None, *, limit: int = MAX_FILE_BYTES) -> bytes:
    """A file's bytes, refusing anything above ``limit`` without reading it all."""
    name = display or str(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise CsorgError.at(name, "file not found") from None
    except IsADirectoryError:
        raise CsorgError.at(name, "is a directory, not a file") from None
    except PermissionError:
        raise CsorgError.at(name, "permission denied") from None
    except OSError as exc:
        raise CsorgError.at(name, f"cannot be read: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise CsorgError.at(
            name, f"file is larger than the {limit // (1024 * 1024)} MiB csorg reads"
        )
    return data


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half.

    The bytes go to a temporary file in the same folder, are flushed to disk, and then
    replace the target in one step; on any failure the temporary file is removed and an
    existing file is left as it was.
    """
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise CsorgError.at(str(path), f"folder {str(folder)!r} does not exist")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise CsorgError.at(
            str(path), f"cannot write in {str(folder)!r}: {exc.strerror or exc}"
        ) from None
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
        os.replace(temporary, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise CsorgError.at(str(path), f"cannot write: {exc.strerror or exc}") from None
        raise
