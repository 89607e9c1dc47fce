"""Where an export goes: the format a file name asks for, the default file name, folders.

``-o`` takes a file, a folder (the default name inside it) or ``-`` for standard output;
without ``-o`` the file is ``csorg-<model>[-seats].<ext>`` in the current folder, and
without ``--format`` the format follows the file's extension (else svg).
"""

from __future__ import annotations

import os
from pathlib import Path

from csorg.errors import CsorgError, UsageError
from csorg.export.formats import BY_NAME, NAMES, Format, format_of
from csorg.text import one_line

DEFAULT_FORMAT = "svg"
STDOUT = "-"


def choose_format(chosen: str | None, output: str | None) -> Format:
    """The format asked for, else the one the output file's extension names, else svg."""
    if chosen is not None:
        return BY_NAME[chosen]
    if not output or output == STDOUT or Path(output).is_dir():
        return BY_NAME[DEFAULT_FORMAT]
    found = format_of(Path(output).name)
    if found is None:
        raise UsageError(
            f"cannot tell the format from {one_line(output)!r}; give --format ({', '.join(NAMES)})"
        )
    return found


def default_name(model_id: str, *, seats: bool, extension: str) -> str:
    return f"csorg-{model_id}{'-seats' if seats else ''}.{extension}"


def target(output: str | None, name: str) -> Path | None:
    """The file to write (``name`` when no file is given, or inside a given folder), or
    None for standard output."""
    if output == STDOUT:
        return None
    if output and output.endswith(("/", os.sep)) and not Path(output).is_dir():
        raise CsorgError.at(output, "folder does not exist")
    if not output:
        return Path(name)
    path = Path(output)
    return path / name if path.is_dir() else path
