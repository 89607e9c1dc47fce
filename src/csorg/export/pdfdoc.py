"""A small PDF writer: pages of lines, rounded boxes and text, bookmarks, and embedded
TrueType fonts, which is all an org chart needs (ISO 32000-1).

csorg writes these few operators itself rather than through a PDF library: the libraries it
tried cost more to import, or to typeset a chart of thousands of boxes, than the whole rest of
an export (see the README's Performance section). Pages take coordinates in points from the
top-left corner, as the layout does. Text is set in the fonts given, each embedded as a
subset of the glyphs used (:mod:`csorg.export.truetype`) with a map back to Unicode, so it can
be selected, searched and copied. Nothing depends on the clock or on hashing: the same
drawing gives the same bytes.
"""

from __future__ import annotations

import functools
import hashlib
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from csorg.export.truetype import TrueType, load

_K = 0.5523  # control-point distance of a quarter circle drawn as a cubic Bézier


def _n(value: float) -> str:
    """A number as the content streams write it: two decimals, a hundredth of a point."""
    return f"{value:.2f}"


@functools.cache
def _colour(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return f"{r:.3f} {g:.3f} {b:.3f}"


def _text_string(text: str) -> bytes:
    """A PDF text string (titles, bookmarks): UTF-16 with a byte-order mark, in hex."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


class _Font:
    """One embedded font: the glyphs a document used, and how to write text in it."""

    def __init__(self, key: str, path: Path) -> None:
        self.key = key
        self.file: TrueType = load(path)
        self.used: dict[int, str] = {}  # glyph -> the character it was used for
        self.chars: dict[str, tuple[str, int]] = {}  # character -> (glyph in hex, width)

    def encode(self, text: str) -> tuple[str, int]:
        """The text as glyph numbers in hex (Identity-H), and its width in 1/1000 em;
        characters the font cannot draw are left out."""
        chars, width = self.chars, 0
        out = []
        for char in text:
            known = chars.get(char)
            if known is None:
                known = chars[char] = self._char(char)
            out.append(known[0])
            width += known[1]
        return "".join(out), width

    def _char(self, char: str) -> tuple[str, int]:
        glyph = self.file.cmap.get(ord(char))
        if glyph is None:
            return "", 0
        self.used.setdefault(glyph, char)
        return f"{glyph:04X}", self.file.width(glyph)


@dataclass
class Page:
    """One page being drawn: coordinates in points from its top-left corner, times ``scale``."""

    width: float
    height: float
    title: str
    fonts: dict[str, _Font]
    scale: float = 1.0
    ops: list[str] = field(default_factory=list)
    _stroke: str = ""
    _fill: str = ""
    _encoded: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)
    _paths: dict[tuple[float, float, float], str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # flip the y axis once, so the chart's top-down coordinates are used as they are
        self.ops.append(f"{_n(self.scale)} 0 0 {_n(-self.scale)} 0 {_n(self.height)} cm")

    def stroke_colour(self, colour: str) -> None:
        if colour != self._stroke:
            self.ops.append(f"{_colour(colour)} RG")
            self._stroke = colour

    def fill_colour(self, colour: str) -> None:
        if colour != self._fill:
            self.ops.append(f"{_colour(colour)} rg")
            self._fill = colour

    def line_width(self, width: float) -> None:
        self.ops.append(f"{_n(width)} w")

    def dash(self, on: float = 0, off: float = 0) -> None:
        """A dashed line (``on`` drawn, ``off`` left out), or solid without arguments."""
        self.ops.append(f"[{_n(on)} {_n(off)}] 0 d" if on else "[] 0 d")

    def polyline(self, points: list[tuple[float, float]]) -> None:
        (x, y), *rest = points
        path = [f"{x:.2f} {y:.2f} m"] + [f"{x:.2f} {y:.2f} l" for x, y in rest]
        self.ops.append(" ".join(path) + " S")

    def curve(self, points: list[tuple[float, float]]) -> None:
        """A cubic Bézier: start, two control points, end."""
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points
        self.ops.append(
            f"{_n(x0)} {_n(y0)} m {_n(x1)} {_n(y1)} {_n(x2)} {_n(y2)} {_n(x3)} {_n(y3)} c S"
        )

    def box(self, x: float, y: float, w: float, h: float, radius: float) -> None:
        """A rounded rectangle, filled and outlined in the current colours."""
        path = self._paths.get((w, h, radius))
        if path is None:  # the boxes of a chart share one size: draw its path once
            path = self._paths[(w, h, radius)] = _rounded(w, h, radius)
        self.ops.append(f"q 1 0 0 1 {x:.2f} {y:.2f} cm {path} B Q")

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        colour: str,
        *,
        font: str,
        centred: bool = False,
    ) -> None:
        """``text`` with its baseline at ``y``, starting at ``x`` or centred on it."""
        key = (font, text)
        encoded = self._encoded.get(key)
        if encoded is None:  # titles repeat hundreds of times in a chart of seats
            encoded = self._encoded[key] = self.fonts[font].encode(text)
        glyphs, width = encoded
        if not glyphs:
            return
        self.fill_colour(colour)
        left = x - width * size / 2000 if centred else x
        # the text matrix flips y back, so glyphs stand upright on the flipped page
        self.ops.append(f"BT /{font} {_n(size)} Tf 1 0 0 -1 {left:.2f} {y:.2f} Tm <{glyphs}> Tj ET")

    def content(self) -> bytes:
        return "\n".join(self.ops).encode("ascii")


def _rounded(w: float, h: float, radius: float) -> str:
    """The path of a ``w`` × ``h`` rectangle with rounded corners, from (0, 0)."""
    r = min(radius, w / 2, h / 2)
    k = r * _K
    return (
        f"{_n(r)} 0 m {_n(w - r)} 0 l {_n(w - r + k)} 0 {_n(w)} {_n(r - k)} {_n(w)} {_n(r)} c "
        f"{_n(w)} {_n(h - r)} l {_n(w)} {_n(h - r + k)} {_n(w - r + k)} {_n(h)} {_n(w - r)} "
        f"{_n(h)} c {_n(r)} {_n(h)} l {_n(r - k)} {_n(h)} 0 {_n(h - r + k)} 0 {_n(h - r)} c "
        f"0 {_n(r)} l 0 {_n(r - k)} {_n(r - k)} 0 {_n(r)} 0 c h"
    )


class Document:
    """A PDF being written: pages in order, each with a bookmark, and the fonts they use."""

    def __init__(self, fonts: dict[str, Path]) -> None:
        self.fonts = {key: _Font(key, path) for key, path in fonts.items()}
        self.pages: list[Page] = []

    def page(self, width: float, height: float, title: str, *, scale: float = 1.0) -> Page:
        """A new page of ``width`` × ``height`` points, bookmarked as ``title``."""
        page = Page(width, height, title, self.fonts, scale)
        self.pages.append(page)
        return page

    def output(self, *, title: str, subject: str, language: str = "en") -> bytes:
        writer = _Writer()
        catalog, pages_id, outlines_id, info = (writer.reserve() for _ in range(4))
        font_ids = {key: writer.reserve() for key in self.fonts}
        page_ids = [writer.reserve() for _ in self.pages]
        resources = " ".join(f"/{key} {number} 0 R" for key, number in font_ids.items())
        for page, number in zip(self.pages, page_ids, strict=True):
            stream = writer.stream(page.content())
            writer.put(
                number,
                f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {_n(page.width)} "
                f"{_n(page.height)}] /Resources << /Font << {resources} >> >> "
                f"/Contents {stream} 0 R >>".encode(),
            )
        kids = " ".join(f"{n} 0 R" for n in page_ids)
        writer.put(pages_id, f"<< /Type /Pages /Kids [{kids}] /Count {len(page_ids)} >>".encode())
        for key, number in font_ids.items():
            self._font(writer, self.fonts[key], number)
        self._outlines(writer, outlines_id, page_ids)
        writer.put(
            info,
            b"<< /Title "
            + _text_string(title)
            + b" /Subject "
            + _text_string(subject)
            # a fixed date: the same inputs give the same bytes
            + b" /Creator (csorg export) /Producer (csorg) /CreationDate (D:20000101000000Z) >>",
        )
        writer.put(
            catalog,
            f"<< /Type /Catalog /Pages {pages_id} 0 R /Outlines {outlines_id} 0 R "
            f"/PageMode /UseOutlines /Lang ({language}) >>".encode(),
        )
        return writer.finish(root=catalog, info=info)

    def _outlines(self, writer: _Writer, number: int, page_ids: list[int]) -> None:
        items = [writer.reserve() for _ in page_ids]
        for i, (item, page) in enumerate(zip(items, self.pages, strict=True)):
            links = f" /Prev {items[i - 1]} 0 R" if i else ""
            links += f" /Next {items[i + 1]} 0 R" if i + 1 < len(items) else ""
            writer.put(
                item,
                b"<< /Title "
                + _text_string(page.title)
                + f" /Parent {number} 0 R{links} /Dest [{page_ids[i]} 0 R /Fit] >>".encode(),
            )
        writer.put(
            number,
            f"<< /Type /Outlines /First {items[0]} 0 R /Last {items[-1]} 0 R "
            f"/Count {len(items)} >>".encode(),
        )

    @staticmethod
    def _font(writer: _Writer, font: _Font, number: int) -> None:
        """A Type 0 font over a CIDFontType2 (Identity-H, glyph numbers as CIDs), with the
        subset embedded and a ToUnicode map."""
        used = sorted(font.used) or [0]
        # the subset tag: six capitals that change with the glyphs kept, as PDF asks
        digest = hashlib.sha256(f"{font.key}:{used}".encode()).digest()
        name = "".join(chr(65 + b % 26) for b in digest[:6]) + "+" + font.file.postscript_name
        program = font.file.subset(set(used))
        metrics = font.file.metrics()
        file_id = writer.stream(program, extra=f"/Length1 {len(program)}")
        descriptor = writer.add(
            f"<< /Type /FontDescriptor /FontName /{name} /Flags 32 "
            f"/FontBBox [{' '.join(map(str, metrics.bbox))}] /ItalicAngle 0 "
            f"/Ascent {metrics.ascent} /Descent {metrics.descent} "
            f"/CapHeight {metrics.cap_height} /StemV 80 /FontFile2 {file_id} 0 R >>".encode()
        )
        widths = " ".join(f"{g} [{font.file.width(g)}]" for g in used)
        cid = writer.add(
            f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{name} "
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
            f"/FontDescriptor {descriptor} 0 R /W [{widths}] /CIDToGIDMap /Identity >>".encode()
        )
        to_unicode = writer.stream(_to_unicode(font.used))
        writer.put(
            number,
            f"<< /Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H "
            f"/DescendantFonts [{cid} 0 R] /ToUnicode {to_unicode} 0 R >>".encode(),
        )


def _to_unicode(used: dict[int, str]) -> bytes:
    """The CMap that maps each glyph used back to its character (for copy and search)."""
    lines = [
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
        "1 begincodespacerange <0000> <FFFF> endcodespacerange",
    ]
    pairs = sorted(used.items())
    for start in range(0, len(pairs), 100):  # at most 100 entries a block
        block = pairs[start : start + 100]
        lines.append(f"{len(block)} beginbfchar")
        lines += [f"<{g:04X}> <{c.encode('utf-16-be').hex().upper()}>" for g, c in block]
        lines.append("endbfchar")
    lines += ["endcmap CMapName currentdict /CMap defineresource pop end end"]
    return "\n".join(lines).encode("ascii")


class _Writer:
    """Numbered objects, written in number order, and the cross-reference table."""

    def __init__(self) -> None:
        self.objects: dict[int, bytes] = {}
        self.count = 0

    def reserve(self) -> int:
        self.count += 1
        return self.count

    def put(self, number: int, body: bytes) -> None:
        self.objects[number] = body

    def add(self, body: bytes) -> int:
        number = self.reserve()
        self.put(number, body)
        return number

    def stream(self, data: bytes, *, extra: str = "") -> int:
        packed = zlib.compress(data, 6)
        head = f"<< /Length {len(packed)} /Filter /FlateDecode {extra}".rstrip() + " >>"
        return self.add(head.encode() + b"\nstream\n" + packed + b"\nendstream")

    def finish(self, *, root: int, info: int) -> bytes:
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number in range(1, self.count + 1):
            offsets.append(len(out))
            out += f"{number} 0 obj\n".encode() + self.objects[number] + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {self.count + 1}\n0000000000 65535 f \n".encode()
        out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
        ident = hashlib.sha256(bytes(out)).hexdigest()[:32].upper()
        out += (
            f"trailer\n<< /Size {self.count + 1} /Root {root} 0 R /Info {info} 0 R "
            f"/ID [<{ident}> <{ident}>] >>\nstartxref\n{xref}\n%%EOF\n"
        ).encode()
        return bytes(out)
