"""csorg's own font and PDF writing (csorg.export.truetype, csorg.export.pdfdoc), checked
against what is known about the shipped font and by reading the results back."""

from __future__ import annotations

import io
import string
import struct
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csorg.export.fonts import BOLD, REGULAR
from csorg.export.pdfdoc import Document
from csorg.export.style import _WIDTHS, char_width
from csorg.export.truetype import TrueType, load

pypdf = pytest.importorskip("pypdf", reason="pypdf not installed: pip install -e '.[test]'")


def test_the_fonts_advances_are_helveticas_as_the_layout_assumes() -> None:
    """The layout measures text with Helvetica's widths (style._WIDTHS); Liberation Sans has
    the same metrics, so reading its tables right gives the same numbers."""
    font = load(REGULAR)
    assert font.units == 2048
    for char, width in _WIDTHS.items():
        assert font.width(font.cmap[ord(char)]) == width, char
    for char in string.printable.strip() + "·×…–—€":  # and whatever counts as the default
        assert font.width(font.cmap[ord(char)]) == char_width(char), char


def test_the_character_map_covers_latin_greek_and_cyrillic_and_not_cjk() -> None:
    font = load(REGULAR)
    for char in "AzÉßŁłΩωЖж€–“”→":
        assert ord(char) in font.cmap, char
    for char in "✓中":
        assert ord(char) not in font.cmap, char
    assert len(set(font.cmap.values())) > 2000  # glyphs, not a handful
    assert load(BOLD).postscript_name == "LiberationSans-Bold"
    assert font.postscript_name == "LiberationSans"


def _tables(font: bytes) -> dict[bytes, bytes]:
    count = struct.unpack_from(">H", font, 4)[0]
    out = {}
    for i in range(count):
        tag, checksum, offset, length = struct.unpack_from(">4sIII", font, 12 + 16 * i)
        data = font[offset : offset + length]
        padded = data + bytes(-len(data) % 4)
        if tag != b"head":  # head's checksum is taken with checkSumAdjustment at 0
            assert sum(struct.unpack(f">{len(padded) // 4}I", padded)) & 0xFFFFFFFF == checksum
        out[tag] = data
    return out


def test_a_subset_keeps_the_glyphs_used_and_their_parts_and_empties_the_rest(
    tmp_path: Path,
) -> None:
    font = load(REGULAR)
    used = {font.cmap[ord(c)] for c in "Aó"}  # ó is built from o and an acute accent
    data = font.subset(used)
    assert len(data) < len(font.data) / 4
    whole = data + bytes(-len(data) % 4)
    total = sum(struct.unpack(f">{len(whole) // 4}I", whole)) & 0xFFFFFFFF
    assert total == 0xB1B0AFBA  # the checkSumAdjustment makes the whole file add up
    tables = _tables(data)
    assert b"GPOS" not in tables and b"glyf" in tables and b"cmap" in tables
    path = tmp_path / "subset.ttf"
    path.write_bytes(data)
    subset = TrueType(path)
    assert subset.glyphs == font.glyphs and subset.cmap == font.cmap  # numbers unchanged
    kept = {g for g in range(subset.glyphs) if subset.glyph_data(g)}
    o, acute = font.cmap[ord("o")], font.cmap[0xB4]
    assert used | {0} <= kept
    assert o in kept  # a part of ó
    assert len(kept) <= len(used) + 3
    for glyph in kept - {o, acute}:
        assert subset.glyph_data(glyph) == font.glyph_data(glyph)
    assert not subset.glyph_data(font.cmap[ord("B")])


# text from the font's own coverage (Latin, Greek, Cyrillic, punctuation, symbols), written left
# to right: no marks that combine with the character before, no spaces, no right-to-left script,
# whose order a reader may rearrange
_COVERED = sorted(
    chr(c)
    for c in load(REGULAR).cmap
    if unicodedata.category(chr(c))[0] in "LNPS"
    and unicodedata.bidirectional(chr(c)) in ("L", "EN", "ES", "ET", "CS", "ON")
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=_COVERED, min_size=1, max_size=24), min_size=1, max_size=6))
def test_text_written_to_a_pdf_reads_back_as_written(lines: list[str]) -> None:
    document = Document({"F1": REGULAR, "F2": BOLD})
    page = document.page(600, 60 + 30 * len(lines), "Page")
    for i, line in enumerate(lines):
        page.text(20, 40 + 30 * i, line, 12, "#0f172a", font="F2" if i % 2 else "F1")
    reader = pypdf.PdfReader(io.BytesIO(document.output(title="T", subject="S")))
    text = reader.pages[0].extract_text()
    assert [t.strip() for t in text.splitlines()] == [line.strip() for line in lines]


def _sample_document() -> bytes:
    document = Document({"F1": REGULAR})
    for title in ("Whole chart", "Region EMEA", "Région Ω"):
        document.page(300, 200, title).text(10, 20, title, 10, "#000000", font="F1")
    return document.output(title="Org: CS org chart", subject="Enterprise · 20 seats")


def test_a_document_has_its_pages_bookmarks_and_metadata_and_the_same_bytes_each_time() -> None:
    data = _sample_document()
    assert data == _sample_document()
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert [item["/Title"] for item in reader.outline] == ["Whole chart", "Region EMEA", "Région Ω"]
    assert [float(p.mediabox.width) for p in reader.pages] == [300, 300, 300]
    assert reader.metadata is not None
    assert reader.metadata.title == "Org: CS org chart"
    assert reader.metadata.subject == "Enterprise · 20 seats"
