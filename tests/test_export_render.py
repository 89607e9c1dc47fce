"""PNG and PDF, checked by decoding them: Pillow reads the PNG's pixels, pypdf the PDF's pages,
text and bookmarks. Both come from the optional ``render`` extra; without it the command names
the extra and exits 1."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from csorg.catalog.schema import Catalog
from csorg.engine.inputs import Request
from csorg.engine.recommend import recommend
from csorg.export.chart import in_region, org_chart, places, with_managers
from csorg.export.drawing import draw
from csorg.export.style import colours

Image = pytest.importorskip("PIL.Image", reason="Pillow not installed: pip install -e '.[test]'")
pypdf = pytest.importorskip("pypdf", reason="pypdf not installed: pip install -e '.[test]'")
pytest.importorskip(
    "resvg_py", reason="the render extra is not installed: pip install -e '.[render]'"
)
pytest.importorskip("fpdf", reason="the render extra is not installed: pip install -e '.[render]'")

SCALING = ["--stage", "scaling", "--touch", "high", "--customers", "400"]
SCALING_REQUEST = Request(stage="scaling", touch="high", customers=400)
REGIONS = ["--stage", "enterprise", "--touch", "high", "--customers", "20000"]
REGIONS += ["--regions", "EMEA,NA,APAC", "--seats"]
REGIONS_REQUEST = Request(
    stage="enterprise", touch="high", customers=20000, regions=("EMEA", "NA", "APAC"), seats=True
)


def _bytes(run: Callable, tmp_path: Path, fmt: str, *flags: str) -> bytes:
    target = tmp_path / f"org.{fmt}"
    result = run("export", *flags, "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert f"({fmt}:" in result.stderr
    return target.read_bytes()


def test_png_is_the_chart_at_twice_its_size(
    run: Callable, tmp_path: Path, catalog: Catalog
) -> None:
    data = _bytes(run, tmp_path, "png", *SCALING)
    picture = Image.open(io.BytesIO(data))
    assert picture.format == "PNG"
    rec = recommend(catalog, SCALING_REQUEST)
    drawing = draw(org_chart(rec, catalog))
    svg = run("export", *SCALING, "-f", "svg", "-o", "-").stdout
    width = float(svg.split(' width="', 1)[1].split('"', 1)[0])
    height = float(svg.split(' height="', 1)[1].split('"', 1)[0])
    assert picture.size == (round(width * 2), round(height * 2))  # sharp on slides
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
            int((left + ceo.x) * 2),
            int((top + ceo.y) * 2),
            int((left + ceo.right) * 2),
            int((top + ceo.bottom) * 2),
        )
    )
    raw = region.tobytes()
    dark = sum(1 for i in range(0, len(raw), 3) if raw[i] + raw[i + 1] + raw[i + 2] < 200)
    assert dark > 200  # the title is drawn: the shipped font, not missing text


def test_a_big_png_stays_within_its_pixel_budget(run: Callable, tmp_path: Path) -> None:
    from csorg.export.png import MAX_PIXELS

    flags = ["--stage", "enterprise", "--touch", "high", "--customers", "50000"]
    data = _bytes(run, tmp_path, "png", *flags, "--regions", "na,emea,apac", "--seats")
    width, height = Image.open(io.BytesIO(data)).size
    assert width * height <= MAX_PIXELS * 1.02
    assert width <= 4000 * 1.2  # the compact layout, not one long row


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


def test_pdf_prints_any_title_as_written(run: Callable, tmp_path: Path) -> None:
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
    for fmt in ("pdf", "png"):
        target = tmp_path / f"org.{fmt}"
        result = run("export", *SCALING, "--catalog", str(folder), "-o", str(target))
        assert result.exit_code == 0, result.stderr
        assert result.stderr.startswith(  # once, in csorg's words; nothing from the libraries
            "csorg: warning: Liberation Sans, the font of the "
            f"{fmt}, has no glyph for '✓' (U+2713): left out\ncsorg: wrote "
        )
    text = pypdf.PdfReader(tmp_path / "org.pdf").pages[0].extract_text()
    assert "Łódź “Kundenerfolg” – Ωmega\n€5 →" in text  # the title, wrapped in its box


def test_a_chart_too_big_for_a_pdf_page_is_scaled_to_fit(run: Callable, tmp_path: Path) -> None:
    flags = ["--stage", "enterprise", "--touch", "high", "--customers", "200000", "--seats"]
    data = _bytes(run, tmp_path, "pdf", *flags)
    page = pypdf.PdfReader(io.BytesIO(data)).pages[0]
    assert max(float(page.mediabox.width), float(page.mediabox.height)) <= 14_400


@pytest.mark.parametrize("fmt", ["png", "pdf"])
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


@pytest.mark.parametrize(("fmt", "library"), [("png", "resvg_py"), ("pdf", "fpdf")])
def test_without_the_render_extra_the_command_names_it(
    run: Callable, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, library: str
) -> None:
    monkeypatch.setitem(sys.modules, library, None)  # as if it were not installed
    result = run("export", *SCALING, "-o", str(tmp_path / f"org.{fmt}"))
    assert result.exit_code == 1
    assert result.stderr == (
        f"csorg: error: --format {fmt} needs the optional render libraries, which are not "
        "installed: pip install 'csorg[render]'\n"
    )
    assert list(tmp_path.iterdir()) == []
