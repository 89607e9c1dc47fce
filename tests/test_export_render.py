"""PNG and PDF, checked by decoding them: Pillow reads the PNG's pixels; pypdf, poppler
(pdftotext, pdffonts, pdftoppm) and qpdf read the PDF's pages, text, fonts and structure. The
PNG comes from the optional ``render`` extra (without it the command names the extra and exits
1); csorg writes the PDF itself, so it needs nothing installed."""

from __future__ import annotations

import importlib.util
import io
import math
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from csorg.catalog.schema import Catalog
from csorg.engine.inputs import Request
from csorg.engine.recommend import recommend
from csorg.export.chart import in_region, org_chart, places, with_managers
from csorg.export.drawing import draw
from csorg.export.style import colours
from csorg.export.svg import size

Image = pytest.importorskip("PIL.Image", reason="Pillow not installed: pip install -e '.[test]'")
pypdf = pytest.importorskip("pypdf", reason="pypdf not installed: pip install -e '.[test]'")
needs_resvg = pytest.mark.skipif(
    importlib.util.find_spec("resvg_py") is None,
    reason="the render extra is not installed: pip install -e '.[render]'",
)


def needs_tool(name: str) -> pytest.MarkDecorator:
    return pytest.mark.skipif(
        shutil.which(name) is None,
        reason=f"{name} is not installed (.ci/run installs Debian's poppler-utils and qpdf)",
    )


SCALING = ["--stage", "scaling", "--touch", "high", "--customers", "400"]
SCALING_REQUEST = Request(stage="scaling", touch="high", customers=400)
REGIONS = ["--stage", "enterprise", "--touch", "high", "--customers", "20000"]
REGIONS += ["--regions", "EMEA,NA,APAC", "--seats"]
REGIONS_REQUEST = Request(
    stage="enterprise", touch="high", customers=20000, regions=("EMEA", "NA", "APAC"), seats=True
)

LARGE = ["--stage", "enterprise", "--touch", "high", "--customers", "50000"]
LARGE += ["--regions", "na,emea,apac", "--seats"]
LARGE_REQUEST = replace(REGIONS_REQUEST, customers=50000, regions=("na", "emea", "apac"))


def _dark(picture: Any) -> int:
    """How many pixels of an RGB picture are dark: ink of text, not box fills or lines."""
    raw = picture.tobytes()
    return sum(1 for i in range(0, len(raw), 3) if raw[i] + raw[i + 1] + raw[i + 2] < 200)


def _bytes(run: Callable, tmp_path: Path, fmt: str, *flags: str) -> bytes:
    target = tmp_path / f"org.{fmt}"
    result = run("export", *flags, "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert f"({fmt}:" in result.stderr
    return target.read_bytes()


@needs_resvg
def test_png_fills_a_full_hd_slide_at_up_to_twice_the_chart(
    run: Callable, tmp_path: Path, catalog: Catalog
) -> None:
    from csorg.export.png import MAX_ZOOM, SLIDE

    data = _bytes(run, tmp_path, "png", *SCALING)
    picture = Image.open(io.BytesIO(data))
    assert picture.format == "PNG"
    rec = recommend(catalog, SCALING_REQUEST)
    drawing = draw(org_chart(rec, catalog))
    svg = run("export", *SCALING, "-f", "svg", "-o", "-").stdout
    width = float(svg.split(' width="', 1)[1].split('"', 1)[0])
    height = float(svg.split(' height="', 1)[1].split('"', 1)[0])
    zoom = math.floor(max(1.0, min(MAX_ZOOM, SLIDE[0] / width, SLIDE[1] / height)) * 100) / 100
    assert 1 < zoom <= MAX_ZOOM  # sharper than the SVG on a slide
    assert picture.size == (round(width * zoom), round(height * zoom))
    assert picture.size[0] <= SLIDE[0] and picture.size[1] <= SLIDE[1]  # fills the slide
    assert picture.size[0] >= SLIDE[0] - 20 or picture.size[1] >= SLIDE[1] - 20
    pixels = picture.convert("RGB")
    # every area's fill colour is there, and dark text inside the CEO's box
    seen = {"#{:02x}{:02x}{:02x}".format(*c) for _, c in pixels.getcolors(1 << 20) or []}
    for node in drawing.chart.nodes.values():
        assert colours(node.area_index)[0] in seen
    ceo = drawing.layout.boxes[drawing.chart.root]
    left = float(svg.split('<g class="chart" transform="translate(', 1)[1].split(" ")[0])
    top = 24 + 58  # margin and heading
    region = pixels.crop(
        (
            int((left + ceo.x) * zoom),
            int((top + ceo.y) * zoom),
            int((left + ceo.right) * zoom),
            int((top + ceo.bottom) * zoom),
        )
    )
    assert _dark(region) > 100  # the title is drawn: the shipped font, not missing text


@needs_resvg
def test_a_png_of_seats_that_can_be_read_draws_every_seat_at_full_size(
    run: Callable, tmp_path: Path, catalog: Catalog
) -> None:
    from csorg.export.png import MAX_PIXELS

    target = tmp_path / "org.png"
    result = run("export", *REGIONS, "-o", str(target))
    assert result.exit_code == 0
    assert "warning" not in result.stderr
    assert result.stderr.endswith("395 CS seats, one box per seat)\n")
    seats = draw(org_chart(recommend(catalog, REGIONS_REQUEST), catalog, seats=True))
    width, height = size(seats)
    assert width * height <= MAX_PIXELS  # 395 seats fit...
    assert Image.open(target).size == (round(width), round(height))  # ...at the SVG's size


@needs_resvg
def test_a_png_of_more_seats_than_a_picture_can_show_is_drawn_by_role(
    run: Callable, tmp_path: Path, catalog: Catalog
) -> None:
    from csorg.export.png import MAX_PIXELS, SLIDE

    rec = recommend(catalog, LARGE_REQUEST)
    assert math.prod(size(draw(org_chart(rec, catalog, seats=True)))) > MAX_PIXELS
    result = run("export", *LARGE, "-f", "png", "-o", str(tmp_path))
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"csorg: warning: the png draws one box per role: a box for each of "
        f"{rec.total_seats:,} seats needs more than 24 million pixels with its text at full size "
        "(--format svg, html or pdf draw every seat)",
        f"csorg: wrote {tmp_path / 'csorg-enterprise.png'} (png: {len(rec.roles)} roles, "
        f"{rec.total_seats} CS seats)",
    ]
    width, height = size(draw(org_chart(rec, catalog)))  # the chart by role
    zoom = math.floor(max(1.0, min(2.0, SLIDE[0] / width, SLIDE[1] / height)) * 100) / 100
    picture = Image.open(tmp_path / "csorg-enterprise.png")
    assert picture.size == (round(width * zoom), round(height * zoom))


@pytest.mark.parametrize(
    ("customers", "shortcut"),
    [(20_000, False), (100_000, False), (150_000, True), (200_000, True)],
)
def test_the_pngs_shortcut_never_calls_a_chart_too_large_that_fits(
    catalog: Catalog, customers: int, shortcut: bool
) -> None:
    """A chart whose boxes alone cover more than the pixel budget is drawn by role without
    being laid out: that must agree with laying it out."""
    from csorg.export.png import MAX_PIXELS, SMALLEST_BOX

    request = Request(stage="enterprise", touch="high", customers=customers, seats=True)
    chart = org_chart(recommend(catalog, request), catalog, seats=True)
    assert (len(chart) * SMALLEST_BOX > MAX_PIXELS) is shortcut
    drawing = draw(chart)
    boxes = drawing.layout.boxes.values()
    assert min(b.width * b.height for b in boxes) >= SMALLEST_BOX  # the bound is a bound
    if shortcut:
        assert math.prod(size(drawing)) > MAX_PIXELS


def test_pdf_has_selectable_text_and_a_page_per_region(
    run: Callable, tmp_path: Path, catalog: Catalog
) -> None:
    data = _bytes(run, tmp_path, "pdf", *REGIONS)
    reader = pypdf.PdfReader(io.BytesIO(data))
    rec = recommend(catalog, REGIONS_REQUEST)
    seats = rec.seats or ()
    regions, _ = places(org_chart(rec, catalog, seats=True))
    assert sorted(regions) == ["APAC", "EMEA", "NA"]
    assert len(reader.pages) == 1 + 3  # the whole chart, then a page per region
    assert [item["/Title"] for item in reader.outline] == [
        "Whole chart",
        *(f"Region {region}" for region in regions),
    ]
    whole = reader.pages[0].extract_text()
    assert all(seat.id in whole for seat in seats)  # every box, as text
    chart = org_chart(rec, catalog, seats=True)
    emea = set(reader.pages[1 + regions.index("EMEA")].extract_text().split())
    expected = with_managers(chart, {n.id for n in chart.nodes.values() if in_region(n, "EMEA")})
    assert {s.id for s in seats if s.region == "EMEA"} <= expected <= emea
    assert not {s.id for s in seats if s.id in emea} - expected  # no seat of another region
    fonts = reader.pages[0]["/Resources"]["/Font"]
    embedded = [f.get_object()["/DescendantFonts"][0].get_object() for f in fonts.values()]
    assert all("/FontFile2" in d["/FontDescriptor"] for d in embedded)  # Liberation, embedded
    assert reader.metadata is not None
    assert reader.metadata.title == f"{rec.model_name}: CS org chart"


@pytest.mark.parametrize("fmt", ["pdf", pytest.param("png", marks=needs_resvg)])
def test_pdf_and_png_print_any_title_as_written(run: Callable, tmp_path: Path, fmt: str) -> None:
    import yaml

    repo = Path(__file__).resolve().parents[1]
    roles = yaml.safe_load((repo / "data" / "roles.yaml").read_text(encoding="utf-8"))
    csm = next(r for r in roles["roles"] if r["id"] == "csm")
    title = "Łódź “Kundenerfolg” – Ωmega €5 → ✓"
    folder = tmp_path / "catalog"
    folder.mkdir()
    (folder / "roles.yaml").write_text(
        yaml.safe_dump({"version": 1, "roles": [{**csm, "title": title}]}, allow_unicode=True),
        encoding="utf-8",
    )
    target = tmp_path / f"org.{fmt}"
    result = run("export", *SCALING, "--catalog", str(folder), "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(  # once, in csorg's words; nothing from the libraries
        "csorg: warning: Liberation Sans, the font of the "
        f"{fmt}, has no glyph for '✓' (U+2713): left out\ncsorg: wrote "
    )
    if fmt == "pdf":
        text = pypdf.PdfReader(target).pages[0].extract_text()
        assert "Łódź “Kundenerfolg” – Ωmega\n€5 →" in text  # the title, wrapped in its box


def test_a_chart_too_big_for_a_pdf_page_is_scaled_to_fit(run: Callable, tmp_path: Path) -> None:
    flags = ["--stage", "enterprise", "--touch", "high", "--customers", "200000", "--seats"]
    data = _bytes(run, tmp_path, "pdf", *flags)
    reader = pypdf.PdfReader(io.BytesIO(data))
    page = reader.pages[0]
    assert max(float(page.mediabox.width), float(page.mediabox.height)) <= 14_400
    text = page.extract_text()
    assert "csm-0001" in text and "Chief Executive Officer" in text  # still text, scaled


@pytest.mark.parametrize("fmt", [pytest.param("png", marks=needs_resvg), "pdf"])
def test_png_and_pdf_are_byte_identical_across_runs(tmp_path: Path, fmt: str) -> None:
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        env.pop("CSORG_CATALOG", None)
        target = tmp_path / f"{seed}.{fmt}"
        subprocess.run(
            [sys.executable, "-m", "csorg", "export", *REGIONS, "-o", str(target)],
            env=env,
            check=True,
            capture_output=True,
        )
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]


def test_without_the_render_extra_png_names_it_and_pdf_needs_nothing(
    run: Callable, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "resvg_py", None)  # as if it were not installed
    result = run("export", *SCALING, "-o", str(tmp_path / "org.png"))
    assert result.exit_code == 1
    assert result.stderr == (
        "csorg: error: --format png needs the optional render libraries, which are not "
        "installed: pip install 'csorg[render]'\n"
    )
    assert list(tmp_path.iterdir()) == []
    result = run("export", *SCALING, "-o", str(tmp_path / "org.pdf"))
    assert result.exit_code == 0, result.stderr
    assert len(pypdf.PdfReader(tmp_path / "org.pdf").pages) == 1


@needs_tool("qpdf")
@pytest.mark.parametrize(
    "flags",
    [SCALING, REGIONS, ["--stage", "startup", "--touch", "low"]],
    ids=["roles", "seats", "small"],
)
def test_qpdf_finds_the_pdf_well_formed(run: Callable, tmp_path: Path, flags: list[str]) -> None:
    target = tmp_path / "org.pdf"
    _bytes(run, tmp_path, "pdf", *flags)
    checked = subprocess.run(["qpdf", "--check", str(target)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr  # 3 would be warnings
    assert "No syntax or stream encoding errors found" in checked.stdout


@needs_tool("pdffonts")
@needs_tool("pdftotext")
def test_poppler_reads_the_fonts_and_every_seat(
    run: Callable, tmp_path: Path, catalog: Catalog
) -> None:
    target = tmp_path / "org.pdf"
    _bytes(run, tmp_path, "pdf", *REGIONS)
    fonts = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True, check=True)
    rows = [line.split() for line in fonts.stdout.splitlines()[2:]]
    assert sorted(row[0].split("+", 1)[1] for row in rows) == [
        "LiberationSans",
        "LiberationSans-Bold",
    ]
    for row in rows:  # embedded, as a subset, with a map back to Unicode
        assert row[1:6] == ["CID", "TrueType", "Identity-H", "yes", "yes"] and row[6] == "yes"
    text = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(target), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    seats = recommend(catalog, REGIONS_REQUEST).seats or ()
    assert all(seat.id in text for seat in seats)


@needs_tool("pdftoppm")
def test_poppler_draws_the_pdf_with_its_colours_and_text(
    run: Callable, tmp_path: Path, catalog: Catalog
) -> None:
    from csorg.export.pdf import HEADER, MARGIN, PT

    target = tmp_path / "org.pdf"
    _bytes(run, tmp_path, "pdf", *SCALING)
    subprocess.run(
        ["pdftoppm", "-r", "144", "-png", "-singlefile", str(target), str(tmp_path / "page")],
        check=True,
    )
    pixels = Image.open(tmp_path / "page.png").convert("RGB")
    drawing = draw(org_chart(recommend(catalog, SCALING_REQUEST), catalog))
    seen = {"#{:02x}{:02x}{:02x}".format(*c) for _, c in pixels.getcolors(1 << 22) or []}
    for node in drawing.chart.nodes.values():
        assert colours(node.area_index)[0] in seen  # every area's fill
    dots = 2.0  # 144 dpi: two pixels a point
    ceo = drawing.layout.boxes[drawing.chart.root]
    box = pixels.crop(
        (
            int((MARGIN + ceo.x * PT) * dots),
            int((MARGIN + HEADER + ceo.y * PT) * dots),
            int((MARGIN + ceo.right * PT) * dots),
            int((MARGIN + HEADER + ceo.bottom * PT) * dots),
        )
    )
    assert _dark(box) > 100  # the embedded glyphs are drawn, not boxes or blanks
