"""Bytes to text as spreadsheets save them: UTF-8 (with or without a byte-order mark),
UTF-16/32 with a mark (Excel's "Unicode Text"), or Windows-1252 (Excel's "CSV" on Windows).

A file that is neither, or that mixes UTF-8 with single-byte accents, is an error naming the
line of the first byte that does not fit.
"""

from __future__ import annotations

import codecs

from csorg.errors import CsorgError

_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
SAVE_AS = "save it from the spreadsheet as CSV UTF-8"


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode(data: bytes, file: str) -> tuple[str, str | None]:
    """The text of ``data``, and a note when it was not plain UTF-8."""
    for mark, codec in _MARKS:
        if data.startswith(mark):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise CsorgError.at(
                    file,
                    f"file starts with a {codec.upper()} byte-order mark but is not valid "
                    f"{codec.upper()}; {SAVE_AS}",
                    line=_line_of(data, exc.start),
                ) from None
            _no_nul(text, file)
            note = None if codec == "utf-8-sig" else f"read as {codec.upper()} (byte-order mark)"
            return text, note
    nul = data.find(b"\0")
    if nul >= 0:
        raise CsorgError.at(
            file,
            "file holds NUL bytes: it is binary, not a text org chart",
            line=_line_of(data, nul),
        )
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        bad = exc.start
    line = _line_of(data, bad)
    # valid UTF-8 accents before the bad byte mean two encodings in one file: no single
    # reading is right
    try:
        data[:bad].decode("ascii")
    except UnicodeDecodeError:
        raise CsorgError.at(
            file,
            f"byte 0x{data[bad]:02x} is not UTF-8, although earlier lines are: the file mixes "
            f"two encodings; {SAVE_AS}",
            line=line,
        ) from None
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise CsorgError.at(
            file,
            f"byte 0x{data[exc.start]:02x} is neither UTF-8 nor Windows-1252; {SAVE_AS}",
            line=_line_of(data, exc.start),
        ) from None
    return text, (
        f"not UTF-8 (byte 0x{data[bad]:02x} on line {line}): read as Windows-1252, the "
        "encoding of Excel's CSV on Windows"
    )


def _no_nul(text: str, file: str) -> None:
    nul = text.find("\0")
    if nul >= 0:
        raise CsorgError.at(
            file,
            "file holds NUL characters: it is binary, not a text org chart",
            line=text.count("\n", 0, nul) + 1,
        )
