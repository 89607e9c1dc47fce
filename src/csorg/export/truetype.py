"""What the PDF writer needs from a TrueType font: which glyph draws a character, how wide
it is, and a subset of the font holding only the glyphs a document uses.

The subset keeps every glyph's number (the glyphs left out become empty), so the PDF can
name glyphs by their numbers in the original font (``/CIDToGIDMap /Identity``). It keeps the
tables a TrueType program needs to draw and hint its glyphs, and the character map; it drops
the layout tables (kerning, substitutions), which the PDF does not use, and the glyph names.
"""

from __future__ import annotations

import functools
import struct
from dataclasses import dataclass
from pathlib import Path

# what a PDF reader needs to draw the glyphs (ISO 32000 9.9), plus the character map, the
# metrics of OS/2 and the names; everything else is dropped
KEPT_TABLES = (
    b"OS/2",
    b"cmap",
    b"cvt ",
    b"fpgm",
    b"gasp",
    b"glyf",
    b"head",
    b"hhea",
    b"hmtx",
    b"loca",
    b"maxp",
    b"name",
    b"post",
    b"prep",
)

# composite glyph flags (the TrueType reference, 'glyf' table)
_WORDS = 0x0001
_SCALE = 0x0008
_MORE = 0x0020
_XY_SCALE = 0x0040
_TWO_BY_TWO = 0x0080


@dataclass(frozen=True)
class Metrics:
    """The font-wide figures a PDF font descriptor gives, in 1/1000 em."""

    bbox: tuple[int, int, int, int]
    ascent: int
    descent: int
    cap_height: int


class TrueType:
    """One TrueType font file, read once."""

    def __init__(self, path: Path) -> None:
        self.data = path.read_bytes()
        count = struct.unpack_from(">H", self.data, 4)[0]
        self.tables: dict[bytes, tuple[int, int]] = {}
        for i in range(count):
            tag, _, offset, length = struct.unpack_from(">4sIII", self.data, 12 + 16 * i)
            self.tables[tag] = (offset, length)
        head = self.table(b"head")
        self.units: int = struct.unpack_from(">H", head, 18)[0]
        self.glyphs = struct.unpack_from(">H", self.table(b"maxp"), 4)[0]
        self.cmap = _character_map(self.table(b"cmap"))
        self.advances = _advances(self.table(b"hhea"), self.table(b"hmtx"), self.glyphs)
        self.loca = _locations(self.table(b"loca"), head, self.glyphs)

    def table(self, tag: bytes) -> bytes:
        offset, length = self.tables[tag]
        return self.data[offset : offset + length]

    def width(self, glyph: int) -> int:
        """The glyph's advance in 1/1000 em, as PDF widths are given."""
        return round(self.advances[glyph] * 1000 / self.units)

    @property
    def postscript_name(self) -> str:
        """The font's PostScript name (name 6), as PDF names the font; "Font" if it has none."""
        names = self.table(b"name")
        count, strings = struct.unpack_from(">HH", names, 2)
        for i in range(count):
            platform, _, _, name_id, length, offset = struct.unpack_from(">6H", names, 6 + 12 * i)
            if name_id == 6 and platform in (1, 3):
                raw = names[strings + offset : strings + offset + length]
                text = raw.decode("utf-16-be" if platform == 3 else "latin-1", "replace")
                kept = "".join(c for c in text if (c.isascii() and c.isalnum()) or c == "-")
                if kept:
                    return kept
        return "Font"

    def metrics(self) -> Metrics:
        head, hhea, os2 = self.table(b"head"), self.table(b"hhea"), self.table(b"OS/2")
        scale = 1000 / self.units
        box = tuple(round(v * scale) for v in struct.unpack_from(">hhhh", head, 36))
        ascent, descent = struct.unpack_from(">hh", hhea, 4)
        cap = struct.unpack_from(">h", os2, 88)[0] if len(os2) >= 90 else ascent
        return Metrics(
            (box[0], box[1], box[2], box[3]),
            round(ascent * scale),
            round(descent * scale),
            round(cap * scale),
        )

    def glyph_data(self, glyph: int) -> bytes:
        start, end = self.loca[glyph], self.loca[glyph + 1]
        offset = self.tables[b"glyf"][0]
        return self.data[offset + start : offset + end]

    def subset(self, used: set[int]) -> bytes:
        """The font with only the glyphs ``used`` (and the ones they are built from, and the
        .notdef glyph) keeping their outlines; every glyph keeps its number."""
        keep = {g for g in used if 0 <= g < self.glyphs} | {0}
        todo = sorted(keep)
        while todo:  # a composite glyph draws other glyphs: keep those too
            for part in _components(self.glyph_data(todo.pop())):
                if part not in keep and part < self.glyphs:
                    keep.add(part)
                    todo.append(part)
        glyf = bytearray()
        loca = [0]
        for glyph in range(self.glyphs):
            if glyph in keep:
                glyf += self.glyph_data(glyph)
                glyf += bytes(-len(glyf) % 4)
            loca.append(len(glyf))
        tables = {tag: self.table(tag) for tag in KEPT_TABLES if tag in self.tables}
        tables[b"glyf"] = bytes(glyf)
        tables[b"loca"] = struct.pack(f">{len(loca)}I", *loca)
        head = bytearray(tables[b"head"])
        struct.pack_into(">I", head, 8, 0)  # checkSumAdjustment, set once the file is whole
        struct.pack_into(">h", head, 50, 1)  # indexToLocFormat: long offsets
        tables[b"head"] = bytes(head)
        if b"post" in tables:  # version 3: no glyph names
            tables[b"post"] = struct.pack(">I", 0x00030000) + tables[b"post"][4:32]
        font = bytearray(_assemble(tables))
        adjustment = (0xB1B0AFBA - _checksum(bytes(font))) & 0xFFFFFFFF
        head_offset = _table_offset(bytes(font), b"head")
        struct.pack_into(">I", font, head_offset + 8, adjustment)
        return bytes(font)


@functools.cache
def load(path: Path) -> TrueType:
    return TrueType(path)


def _character_map(cmap: bytes) -> dict[int, int]:
    """Code point to glyph, from the Unicode subtable (format 12 if there is one, else 4)."""
    count = struct.unpack_from(">H", cmap, 2)[0]
    found: dict[int, int] = {}
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", cmap, 4 + 8 * i)
        if (platform, encoding) in ((3, 1), (3, 10), (0, 3), (0, 4)):
            fmt = struct.unpack_from(">H", cmap, offset)[0]
            if fmt == 12:
                return _format12(cmap, offset)
            if fmt == 4 and not found:
                found = _format4(cmap, offset)
    return found


def _format4(cmap: bytes, at: int) -> dict[int, int]:
    segments = struct.unpack_from(">H", cmap, at + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", cmap, at + 14)
    starts_at = at + 16 + 2 * segments
    starts = struct.unpack_from(f">{segments}H", cmap, starts_at)
    deltas = struct.unpack_from(f">{segments}h", cmap, starts_at + 2 * segments)
    ranges_at = starts_at + 4 * segments
    ranges = struct.unpack_from(f">{segments}H", cmap, ranges_at)
    found: dict[int, int] = {}
    for i, (start, end, delta, offset) in enumerate(zip(starts, ends, deltas, ranges, strict=True)):
        for code in range(start, min(end, 0xFFFE) + 1):
            if offset == 0:
                glyph = (code + delta) & 0xFFFF
            else:
                where = ranges_at + 2 * i + offset + 2 * (code - start)
                glyph = struct.unpack_from(">H", cmap, where)[0]
                glyph = (glyph + delta) & 0xFFFF if glyph else 0
            if glyph:
                found[code] = glyph
    return found


def _format12(cmap: bytes, at: int) -> dict[int, int]:
    groups = struct.unpack_from(">I", cmap, at + 12)[0]
    found: dict[int, int] = {}
    for i in range(groups):
        start, end, glyph = struct.unpack_from(">III", cmap, at + 16 + 12 * i)
        for code in range(start, end + 1):
            found[code] = glyph + code - start
    return found


def _advances(hhea: bytes, hmtx: bytes, glyphs: int) -> tuple[int, ...]:
    metrics: int = struct.unpack_from(">H", hhea, 34)[0]
    advances: tuple[int, ...] = struct.unpack_from(f">{metrics * 2}H", hmtx)[0::2]
    return advances + (advances[-1],) * (glyphs - metrics)  # the last width repeats


def _locations(loca: bytes, head: bytes, glyphs: int) -> tuple[int, ...]:
    if struct.unpack_from(">h", head, 50)[0] == 0:
        return tuple(2 * v for v in struct.unpack_from(f">{glyphs + 1}H", loca))
    return struct.unpack_from(f">{glyphs + 1}I", loca)


def _components(glyph: bytes) -> list[int]:
    """The glyphs a composite glyph is drawn from (none for a simple glyph)."""
    if len(glyph) < 10 or struct.unpack_from(">h", glyph, 0)[0] >= 0:
        return []
    parts: list[int] = []
    at = 10
    while True:
        flags, part = struct.unpack_from(">HH", glyph, at)
        parts.append(part)
        at += 4 + (4 if flags & _WORDS else 2)
        if flags & _SCALE:
            at += 2
        elif flags & _XY_SCALE:
            at += 4
        elif flags & _TWO_BY_TWO:
            at += 8
        if not flags & _MORE:
            return parts


def _assemble(tables: dict[bytes, bytes]) -> bytes:
    """A font file from its tables: the directory, then each table padded to 4 bytes."""
    tags = sorted(tables)
    count = len(tags)
    power = 1 << (count.bit_length() - 1)
    header = struct.pack(
        ">IHHHH", 0x00010000, count, power * 16, power.bit_length() - 1, count * 16 - power * 16
    )
    offset = 12 + 16 * count
    directory = bytearray()
    body = bytearray()
    for tag in tags:
        data = tables[tag]
        directory += struct.pack(">4sIII", tag, _checksum(data), offset + len(body), len(data))
        body += data + bytes(-len(data) % 4)
    return header + bytes(directory) + bytes(body)


def _table_offset(font: bytes, tag: bytes) -> int:
    count = struct.unpack_from(">H", font, 4)[0]
    for i in range(count):
        found, _, offset, _ = struct.unpack_from(">4sIII", font, 12 + 16 * i)
        if found == tag:
            return int(offset)
    raise KeyError(tag)


def _checksum(data: bytes) -> int:
    padded = data + bytes(-len(data) % 4)
    words: tuple[int, ...] = struct.unpack(f">{len(padded) // 4}I", padded)
    return sum(words) & 0xFFFFFFFF
