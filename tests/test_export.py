"""`csorg export` through the real command line: every format, where files go, exit codes,
determinism, atomic writes. Formats are parsed back with Python's own readers here (networkx
for GraphML, an XML parse for draw.io); the external readers (Graphviz, Chromium, mermaid.js)
are in test_export_tools.py and test_export_page.py, PNG and PDF in test_export_render.py."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from html import escape
from pathlib import Path

import networkx as nx
import pytest

from csorg.catalog.schema import Catalog
from csorg.engine.inputs import Request
from csorg.engine.recommend import recommend
from csorg.export.chart import org_chart
from csorg.export.formats import FORMATS
from csorg.export.tabular import COLUMNS, csv_text

TEXT_FORMATS = [f.name for f in FORMATS if not f.binary]
EXTENSIONS = {f.name: f.extensions[0] for f in FORMATS}
SCALING = ["--stage", "scaling", "--touch", "high", "--customers", "400"]
BIG = [
    "--stage",
    "enterprise",
    "--touch",
    "high",
    "--customers",
    "20000",
    "--regions",
    "EMEA,NA,APAC",
    "--segment-by",
    "size",
]
SVG = "{http://www.w3.org/2000/svg}"
SCALING_REQUEST = Request(stage="scaling", touch="high", customers=400)
BIG_REQUEST = Request(
    stage="enterprise",
    touch="high",
    customers=20000,
    regions=("EMEA", "NA", "APAC"),
    segment_by="size",
)


def export(run: Callable, *args: str) -> str:
    result = run("export", *args, "-o", "-")
    assert result.exit_code == 0, result.stderr
    return str(result.stdout)


# --- where the file goes --------------------------------------------------------------


def test_default_file_name_in_current_folder(
    run: Callable, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalog: Catalog
) -> None:
    rec = recommend(catalog, SCALING_REQUEST)
    monkeypatch.chdir(tmp_path)
    result = run("export", *SCALING, "--format", "svg")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    target = tmp_path / "csorg-scaling-high-touch.svg"
    assert target.is_file()
    assert result.stderr == (
        "csorg: wrote csorg-scaling-high-touch.svg "
        f"(svg: {len(rec.roles)} roles, {rec.total_seats} CS seats)\n"
    )
    seats = run("export", *SCALING, "--seats", "--format", "csv")
    assert seats.exit_code == 0, seats.stderr
    assert (tmp_path / "csorg-scaling-high-touch-seats.csv").is_file()
    assert "one box per seat" in seats.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "csorg-scaling-high-touch-seats.csv",
        "csorg-scaling-high-touch.svg",
    ]


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_output_file_matches_stdout(run: Callable, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"org.{EXTENSIONS[fmt]}"
    result = run("export", *SCALING, "--format", fmt, "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert target.read_bytes() == export(run, *SCALING, "--format", fmt).encode("utf-8")


def test_output_folder_gets_the_default_name(run: Callable, tmp_path: Path) -> None:
    result = run("export", *SCALING, "-f", "json", "-o", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "csorg-scaling-high-touch.json").is_file()


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("org.gv", "dot"),
        ("org.MMD", "mermaid"),
        ("org.htm", "html"),
        ("org.graphml", "graphml"),
        ("org.drawio", "drawio"),
        ("org.Drawio.CSV", "drawio-csv"),
        ("org.csv", "csv"),
    ],
)
def test_format_from_file_extension(run: Callable, tmp_path: Path, name: str, fmt: str) -> None:
    result = run("export", *SCALING, "-o", str(tmp_path / name))
    assert result.exit_code == 0, result.stderr
    assert f"({fmt}:" in result.stderr
    assert (tmp_path / name).read_text(encoding="utf-8") == export(run, *SCALING, "-f", fmt)


def test_format_defaults_to_svg_on_stdout(run: Callable) -> None:
    assert export(run, *SCALING).startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')


def test_unknown_format_is_a_usage_error(run: Callable, tmp_path: Path) -> None:
    result = run("export", *SCALING, "--format", "jpeg", "-o", str(tmp_path / "x.jpeg"))
    assert result.exit_code == 2
    assert "jpeg" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_every_format_has_a_writer_and_unique_extensions() -> None:
    from csorg.export.formats import format_of, writer

    seen: set[str] = set()
    for fmt in FORMATS:
        assert callable(writer(fmt))
        for ext in fmt.extensions:
            assert ext not in seen
            seen.add(ext)
            assert format_of(f"chart.{ext.upper()}") is fmt
    assert format_of("chart.txt") is None


def test_unknown_extension_without_format_is_a_usage_error(run: Callable, tmp_path: Path) -> None:
    result = run("export", *SCALING, "-o", str(tmp_path / "org.txt"))
    assert result.exit_code == 2
    assert "cannot tell the format from" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_bad_inputs_are_errors_not_files(
    run: Callable, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("export", "--stage", "scaling").exit_code == 2  # no --touch
    assert run("export", *SCALING, "--customers", "-5").exit_code == 2
    assert run("export", *SCALING, "--model", "no-such-model").exit_code != 0
    assert list(tmp_path.iterdir()) == []


# --- safety of writes -----------------------------------------------------------------


def test_missing_folder_is_a_clean_error(run: Callable, tmp_path: Path) -> None:
    result = run("export", *SCALING, "-o", str(tmp_path / "nope" / "org.svg"))
    assert result.exit_code == 1
    assert result.stderr.startswith("csorg: error: ")
    assert "does not exist" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_folder_that_does_not_exist_is_not_made_a_file(
    run: Callable, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("export", *SCALING, "-f", "svg", "-o", "charts/")
    assert result.exit_code == 1
    assert result.stderr == "csorg: error: charts/: folder does not exist\n"
    assert list(tmp_path.iterdir()) == []


def test_read_only_folder_is_a_clean_error(run: Callable, tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "org.svg").write_text("old", encoding="utf-8")
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as root (or similar): a read-only folder is still writable")
        result = run("export", *SCALING, "-o", str(folder / "org.svg"))
        assert result.exit_code == 1
        assert "cannot write in" in result.stderr
        assert "Traceback" not in result.stderr
        assert sorted(p.name for p in folder.iterdir()) == ["org.svg"]
        assert (folder / "org.svg").read_text(encoding="utf-8") == "old"
    finally:
        folder.chmod(0o700)


def test_permission_denied_is_a_clean_error(
    run: Callable, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The read-only case for any user, root included: creating the temporary file fails."""
    import csorg.fileio

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(csorg.fileio.tempfile, "mkstemp", refuse)
    result = run("export", *SCALING, "-o", str(tmp_path / "org.svg"))
    assert result.exit_code == 1
    assert result.stderr == (
        f"csorg: error: {tmp_path / 'org.svg'}: cannot write in {str(tmp_path)!r}: "
        "Permission denied\n"
    )
    assert list(tmp_path.iterdir()) == []


class _FailingFile(io.BufferedWriter):
    """Writes half of what it is given, then fails as a full disk would."""

    def write(self, data: bytes) -> int:  # type: ignore[override]
        super().write(bytes(data)[: len(data) // 2])
        self.flush()
        raise OSError(28, "No space left on device")


@pytest.mark.parametrize("fmt", ["html", "csv"])
def test_failure_mid_write_leaves_old_file_and_no_temporary(
    run: Callable, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    import csorg.fileio

    target = tmp_path / f"org.{EXTENSIONS[fmt]}"
    target.write_bytes(b"the previous export\n")
    real_fdopen = os.fdopen
    seen: list[str] = []

    def half_then_fail(fd: int, mode: str = "r", *args: object, **kwargs: object) -> object:
        seen.append(mode)
        return _FailingFile(real_fdopen(fd, "wb", buffering=0))  # type: ignore[arg-type]

    monkeypatch.setattr(csorg.fileio.os, "fdopen", half_then_fail)
    result = run("export", *SCALING, "-f", fmt, "-o", str(target))
    assert seen == ["wb"]  # the failure really happened inside write_atomic
    assert result.exit_code == 1
    assert "No space left on device" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]
    assert target.read_bytes() == b"the previous export\n"


def test_interrupt_during_replace_leaves_no_temporary(
    run: Callable, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import csorg.fileio

    target = tmp_path / "org.svg"
    target.write_bytes(b"old")

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(csorg.fileio.os, "replace", interrupted)
    assert run("export", *SCALING, "-o", str(target)).exit_code != 0  # click: "Aborted!"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["org.svg"]
    assert target.read_bytes() == b"old"


def test_existing_file_is_replaced_keeping_its_permissions(run: Callable, tmp_path: Path) -> None:
    target = tmp_path / "org.csv"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    assert run("export", *SCALING, "-o", str(target)).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("id,title,reports_to,")
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["org.csv"]


def test_output_name_with_escape_codes_is_shown_escaped(run: Callable, tmp_path: Path) -> None:
    result = run("export", *SCALING, "-f", "csv", "-o", str(tmp_path / "a\x1b[31mb.csv"))
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stderr
    assert "a\\x1b[31mb.csv" in result.stderr


# --- determinism ----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
@pytest.mark.parametrize("flags", [SCALING, [*SCALING, "--seats"], [*BIG, "--headcount", "150"]])
def test_same_inputs_give_identical_bytes(
    run: Callable, tmp_path: Path, fmt: str, flags: list[str]
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    assert run("export", *flags, "-f", fmt, "-o", str(first)).exit_code == 0
    assert run("export", *flags, "-f", fmt, "-o", str(second)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize("fmt", ["html", "graphml", "svg", "drawio", "dot", "mermaid"])
def test_identical_bytes_across_processes_and_hash_seeds(tmp_path: Path, fmt: str) -> None:
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        env.pop("CSORG_CATALOG", None)
        done = subprocess.run(
            [sys.executable, "-m", "csorg", "export", *BIG, "--seats", "-f", fmt, "-o", "-"],
            capture_output=True,
            env=env,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]


# --- each format read back ------------------------------------------------------------


def test_csv_by_role_and_by_seat(run: Callable, catalog: Catalog) -> None:
    rows = list(csv.DictReader(io.StringIO(export(run, *SCALING, "-f", "csv"))))
    assert tuple(rows[0]) == COLUMNS
    rec = recommend(catalog, Request(stage="scaling", touch="high", customers=400))
    assert [r["id"] for r in rows] == [r.id for r in rec.roles]
    assert {r["id"]: int(r["count"]) for r in rows} == {r.id: r.count for r in rec.roles}
    assert {r["id"]: r["reports_to"] for r in rows} == {r.id: r.reports_to or "" for r in rec.roles}
    seats = list(csv.DictReader(io.StringIO(export(run, *BIG, "--seats", "-f", "csv"))))
    ids = {r["id"] for r in seats}
    assert len(ids) == len(seats) > 200
    assert all(r["reports_to"] in ids for r in seats if r["reports_to"])
    assert {r["count"] for r in seats} == {"1"}
    assert {r["region"] for r in seats if r["role"] == "csm"} == {"EMEA", "NA", "APAC"}
    assert {r["segment"] for r in seats if r["role"] == "csm"} == {
        "enterprise",
        "mid-market",
        "smb",
    }


def test_csv_from_the_cli_is_the_core_csv(run: Callable, catalog: Catalog) -> None:
    """The column contract `csorg audit` reads: the CLI writes exactly what csv_text gives."""
    request = Request(stage="scaling", touch="high", customers=400, headcount=8, seats=True)
    rec = recommend(catalog, request)
    flags = [*SCALING, "--headcount", "8"]
    assert export(run, *flags, "-f", "csv") == csv_text(rec)
    assert export(run, *flags, "--seats", "-f", "csv") == csv_text(rec, seats=True)
    assert "vp-cs,1,leadership,,,,cs-ops;cs-analyst," in csv_text(rec)


def test_json_is_a_node_list_for_org_chart_libraries(run: Callable, catalog: Catalog) -> None:
    rec = recommend(catalog, BIG_REQUEST)
    data = json.loads(export(run, *BIG, "-f", "json"))
    assert data["format"] == "csorg-org-chart"
    assert data["version"] == 1
    assert data["mode"] == "roles"
    nodes = data["nodes"]
    assert nodes[0]["parentId"] is None
    seen: set[str] = set()
    for node in nodes:  # parents first, as d3.stratify and d3-org-chart expect
        assert node["parentId"] is None or node["parentId"] in seen
        seen.add(node["id"])
        for key in ("title", "count", "area", "areaName", "optional", "level"):
            assert key in node
    assert [n["id"] for n in nodes] == [r.id for r in rec.roles]
    assert sum(n["count"] for n in nodes if n["parentId"]) == data["totalSeats"]
    assert data["totalSeats"] == rec.total_seats > 100
    vp = next(n for n in nodes if n["id"] == "vp-cs")
    assert [p["region"] for p in vp["pods"]] == ["EMEA", "NA", "APAC"]
    assert sum(p["count"] for p in vp["pods"]) == vp["count"]
    assert vp["rationale"]
    assert {a["id"] for a in data["areas"]} == {n["area"] for n in nodes}
    seats = json.loads(export(run, *BIG, "--seats", "-f", "json"))
    assert seats["mode"] == "seats"
    with_seats = recommend(catalog, Request(**{**BIG_REQUEST.__dict__, "seats": True}))
    assert len(seats["nodes"]) == len(with_seats.seats or ()) == rec.total_seats + 1  # + CEO
    assert {n["region"] for n in seats["nodes"] if n["role"] == "csm"} == {"EMEA", "NA", "APAC"}


@pytest.mark.parametrize("seats", [False, True])
def test_graphml_reads_back_as_the_same_tree(
    run: Callable, catalog: Catalog, tmp_path: Path, seats: bool
) -> None:
    flags = [*BIG, *(["--seats"] if seats else [])]
    target = tmp_path / "org.graphml"
    assert run("export", *flags, "-o", str(target)).exit_code == 0
    back = nx.read_graphml(target)
    request = Request(
        stage="enterprise",
        touch="high",
        customers=20000,
        regions=("EMEA", "NA", "APAC"),
        segment_by="size",
        seats=seats,
    )
    chart = org_chart(recommend(catalog, request), catalog, seats=seats)
    assert isinstance(back, nx.DiGraph)
    solid = [(a, b) for a, b, dotted in back.edges(data="dotted") if not dotted]
    assert nx.is_arborescence(nx.DiGraph(solid))
    assert list(back.nodes) == list(chart.nodes)
    assert solid == list(chart.edges())
    dotted = [(a, b) for a, b, d in back.edges(data="dotted") if d]
    assert sorted(dotted) == sorted((boss, report) for report, boss in chart.dotted())
    assert back.graph["model_id"] == "enterprise"
    assert back.graph["mode"] == ("seats" if seats else "roles")
    for node in chart.nodes.values():
        got = back.nodes[node.id]
        for key in ("title", "role", "count", "area", "area_name", "optional", "level"):
            assert got[key] == getattr(node, key), (node.id, key)
        assert got["region"] == node.region
        assert got["covers"] == ";".join(node.covers)
        assert got["dotted_to"] == ";".join(node.dotted_to)
        # yEd's drawing: a labelled, placed box
        assert got["label"].startswith(node.title.split()[0])
        assert got["shape_type"] == "roundrectangle"
        assert float(got["x"]) >= 0


def test_graphml_is_valid_graphml_with_yed_extension(run: Callable, catalog: Catalog) -> None:
    csm = recommend(catalog, SCALING_REQUEST).role("csm")
    assert csm is not None
    root = ET.fromstring(export(run, *SCALING, "-f", "graphml").encode("utf-8"))
    graphml = "{http://graphml.graphdrawing.org/xmlns}"
    assert root.tag == f"{graphml}graphml"
    keys = {k.get("id"): k for k in root.findall(f"{graphml}key")}
    for data in root.iter(f"{graphml}data"):
        assert data.get("key") in keys  # every datum declares its key
    yed = "{http://www.yworks.com/xml/graphml}"
    labels = [e.text for e in root.iter(f"{yed}NodeLabel")]
    assert f"Customer Success Manager\n×{csm.count} · CS management" in labels


def test_mermaid_is_a_flowchart_with_safe_ids(run: Callable, catalog: Catalog) -> None:
    rec = recommend(catalog, SCALING_REQUEST)
    csm = rec.role("csm")
    assert csm is not None
    text = export(run, *SCALING, "-f", "mermaid")
    lines = text.splitlines()
    assert lines[0] == "flowchart TD"
    label = f"<b>Customer Success Manager</b><br/><small>×{csm.count} · CS management</small>"
    assert f'    r_csm["{label}"]' in lines
    assert "    r_cs_team_lead --- r_csm" in lines
    assert sum(" --- " in line for line in lines) == len(rec.roles) - 1
    assert any(line.startswith("    classDef area_cs_management fill:") for line in lines)


def test_dot_is_a_top_down_digraph(run: Callable) -> None:
    text = export(run, *SCALING, "-f", "dot")
    assert text.startswith("digraph csorg {\n  graph [rankdir=TB,")
    assert '\n  "cs-team-lead" -> "csm"' in text  # the line to the team's frame, or the report
    assert '"csm" [label=<<B>Customer Success Manager</B><BR/>' in text
    assert "peripheries=2" in text  # roles with several seats look stacked
    optional = export(run, "--stage", "enterprise", "--touch", "high", "-f", "dot")
    assert '"rounded,filled,dashed"' in optional


def test_svg_is_a_laid_out_chart(run: Callable, catalog: Catalog) -> None:
    csm = recommend(catalog, SCALING_REQUEST).role("csm")
    assert csm is not None
    root = ET.fromstring(export(run, *SCALING, "-f", "svg").encode("utf-8"))
    assert root.tag == f"{SVG}svg"
    nodes = root.findall(f".//{SVG}g[@class='node']")
    assert [n.get("id") for n in nodes][:3] == ["n-ceo", "n-vp-cs", "n-cs-team-lead"]
    (box,) = [n for n in nodes if n.get("id") == "n-csm"]
    texts = ["".join(t.itertext()) for t in box.findall(f"{SVG}text")]
    assert texts == ["Customer Success Manager", f"×{csm.count} · CS management"]
    assert not root.findall(f".//{SVG}script")
    assert not root.findall(f".//{SVG}style")  # presentation attributes only


def test_svg_collapses_counts_unless_seats(run: Callable, catalog: Catalog) -> None:
    rec = recommend(catalog, BIG_REQUEST)
    assert rec.total_seats > 100
    roles = ET.fromstring(export(run, *BIG, "-f", "svg").encode("utf-8"))
    assert len(roles.findall(f".//{SVG}g[@class='node']")) == len(rec.roles) < 20
    seats = ET.fromstring(export(run, *BIG, "--seats", "-f", "svg").encode("utf-8"))
    boxes = seats.findall(f".//{SVG}g[@class='node']")
    assert len(boxes) == rec.total_seats + 1  # and the CEO
    # columns of reports and wrapped rows keep even this chart within about 4,000 px
    assert float(seats.get("width", "0")) <= 4000
    sizes = {float(t.get("font-size", "0")) for t in seats.iter(f"{SVG}text")}
    assert min(sizes) >= 10.5


def test_role_level_exports_show_the_region_and_segment_split(
    run: Callable, catalog: Catalog
) -> None:
    vp = recommend(catalog, BIG_REQUEST).role("vp-cs")
    assert vp is not None and vp.pods
    split = " · ".join("/".join(p for p in (r, s) if p) + f" {n}" for r, s, n in vp.pods)
    assert "EMEA" in split
    svg = ET.fromstring(export(run, *BIG, "-f", "svg").encode("utf-8"))
    box = svg.find(f".//{SVG}g[@id='n-vp-cs']")
    assert box is not None
    assert split in "".join(box.itertext())
    assert split in export(run, *BIG, "-f", "mermaid").replace("#47;", "/")
    assert split in export(run, *BIG, "-f", "dot")
    assert split in export(run, *BIG, "-f", "drawio")
    assert f"<li>{split.split(' · ')[0].replace(' ', ': ', 1)} seat" in export(
        run, *BIG, "-f", "html"
    )


def test_dotted_lines_show_in_every_format(run: Callable, catalog: Catalog) -> None:
    """The dotted-line managers the engine resolved, drawn distinctly by each writer."""
    rec = recommend(catalog, SCALING_REQUEST)
    pairs = [(r.id, boss) for r in rec.roles for boss in r.dotted_to]
    assert pairs, "the scaling org has a dotted line (its analyst works for CS Operations)"
    report, boss = pairs[0]
    dot = export(run, *SCALING, "-f", "dot")
    assert f'"{boss}" -> "{report}" [style=dashed, constraint=false,' in dot
    mermaid = export(run, *SCALING, "-f", "mermaid")
    assert f"    r_{boss.replace('-', '_')} -.-> r_{report.replace('-', '_')}" in mermaid
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(export(run, *SCALING, "-f", "csv")))}
    assert rows[report]["dotted_to"] == boss
    nodes = {n["id"]: n for n in json.loads(export(run, *SCALING, "-f", "json"))["nodes"]}
    assert nodes[report]["dottedTo"] == [boss]
    svg = ET.fromstring(export(run, *SCALING, "-f", "svg").encode("utf-8"))
    curves = svg.findall(f".//{SVG}g[@class='dotted']/{SVG}path")
    assert len(curves) == len(pairs)
    assert all(c.get("stroke-dasharray") for c in curves)
    drawio = ET.fromstring(export(run, *SCALING, "-f", "drawio"))
    dashed = [c for c in drawio.iter("mxCell") if "dashed=1" in (c.get("style") or "")]
    edges = [c for c in dashed if c.get("edge") == "1"]
    assert [(e.get("source"), e.get("target")) for e in edges] == [
        (f"n-{b}", f"n-{r}") for r, b in pairs
    ]
    assert f"dotted line to {rec.role(boss).title}" in export(run, *SCALING, "-f", "html")  # type: ignore[union-attr]
    tree = run("recommend", *SCALING)
    assert f"┄ dotted line to {rec.role(boss).title}" in tree.stdout  # type: ignore[union-attr]
    markdown = run("recommend", *SCALING, "--format", "markdown")
    assert f"— dotted line to {rec.role(boss).title}" in markdown.stdout  # type: ignore[union-attr]


def test_drawio_is_an_uncompressed_editable_diagram(run: Callable, catalog: Catalog) -> None:
    """The structure draw.io reads: mxfile > diagram > mxGraphModel > root, cells 0 and 1,
    one vertex per box with a geometry, edges whose source and target exist."""
    request = Request(**{**BIG_REQUEST.__dict__, "seats": True})
    rec = recommend(catalog, request)
    top = ET.fromstring(export(run, *BIG, "--seats", "-f", "drawio"))
    assert top.tag == "mxfile" and top.get("compressed") == "false"
    diagram = top.find("diagram")
    assert diagram is not None and not (diagram.text or "").strip()  # not compressed text
    model = diagram.find("mxGraphModel")
    assert model is not None
    cells = model.find("root")
    assert cells is not None
    ids: dict[str, ET.Element] = {}
    for element in cells:
        cell = element if element.tag == "mxCell" else element.find("mxCell")
        assert cell is not None, element.tag
        cell_id = element.get("id")
        assert cell_id and cell_id not in ids
        ids[cell_id] = cell
    assert ids["0"].get("parent") is None and ids["1"].get("parent") == "0"
    boxes = [e for e in cells if e.tag == "UserObject"]
    assert [b.get("csorg_id") for b in boxes] == [s.id for s in rec.seats or ()]
    for cell_id, cell in ids.items():
        if cell_id in ("0", "1"):
            continue
        assert cell.get("parent") in ids
        if cell.get("vertex") == "1":
            geometry = cell.find("mxGeometry")
            assert geometry is not None and geometry.get("as") == "geometry"
            assert float(geometry.get("width", "0")) > 0
        if cell.get("edge") == "1":
            assert cell.get("source") in ids and cell.get("target") in ids
    solid = [
        c for c in ids.values() if c.get("edge") == "1" and "dashed=1" not in c.get("style", "")
    ]
    assert len(solid) == len(rec.seats or ()) - 1


def test_drawio_csv_escapes_values_for_its_html_labels(run: Callable, catalog: Catalog) -> None:
    rec = recommend(catalog, SCALING_REQUEST)
    text = export(run, *SCALING, "-f", "drawio-csv")
    directives = [line for line in text.splitlines() if line.startswith("#")]
    assert "# layout: verticaltree" in directives
    assert sum(line.startswith("# connect: ") for line in directives) == 2
    for line in directives:
        if line.startswith("# connect: "):
            json.loads(line.removeprefix("# connect: "))
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    rows = list(csv.DictReader(io.StringIO(body)))
    assert [r["id"] for r in rows] == [r.id for r in rec.roles]
    assert {r["id"]: r["manager"] for r in rows} == {r.id: r.reports_to or "" for r in rec.roles}


def test_html_is_self_contained(run: Callable, catalog: Catalog) -> None:
    import base64
    import hashlib
    from html.parser import HTMLParser

    rec = recommend(catalog, SCALING_REQUEST)
    page = export(run, *SCALING, "-f", "html")

    class Collect(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: list[tuple[str, dict[str, str | None]]] = []
            self.scripts: list[str] = []
            self.inside: dict[str, str | None] | None = None

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.tags.append((tag, dict(attrs)))
            self.inside = dict(attrs) if tag == "script" else None

        def handle_data(self, data: str) -> None:
            if self.inside is not None and "type" not in self.inside:
                self.scripts.append(data)

    parser = Collect()
    parser.feed(page)
    tags = parser.tags
    assert not [t for t, _ in tags if t in ("link", "img", "iframe", "object", "embed")]
    assert not [a for _, a in tags if "src" in a or "style" in a]
    assert not [a for _, a in tags if any(k.startswith("on") for k in a)]
    scripts = [a for t, a in tags if t == "script"]
    assert [a.get("type") for a in scripts] == ["application/json", None]  # data, then code
    policy = next(a["content"] for t, a in tags if a.get("http-equiv") == "Content-Security-Policy")
    assert policy is not None
    assert policy.startswith("default-src 'none'; style-src 'sha256-")
    digest = base64.b64encode(hashlib.sha256(parser.scripts[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy  # only the page's own script runs
    cards = [a["id"] for t, a in tags if t == "section" and a.get("class") == "card"]
    assert cards == [f"card-{r.id}" for r in rec.roles]
    links = [a["href"] for t, a in tags if t == "a"]
    assert "#card-csm" in links
    external = [h for h in links if h and not h.startswith("#")]
    assert external and all(h.startswith(("https://", "http://")) for h in external)
    assert "Why it is recommended" in page
    csm = rec.role("csm")
    assert csm is not None
    assert all(escape(reason) in page for reason in csm.rationale)
    toolbar = next(a for t, a in tags if a.get("class") == "toolbar")
    assert "hidden" in toolbar  # controls appear only when the script runs


def test_committed_example_chart_is_current(run: Callable) -> None:
    """docs/org-chart.svg is the README's picture; regenerate it with the command below."""
    example = Path(__file__).resolve().parents[1] / "docs" / "org-chart.svg"
    assert example.read_text(encoding="utf-8") == export(run, *SCALING, "--format", "svg")


def test_mermaid_too_big_for_mermaid_js_is_split(run: Callable, catalog: Catalog) -> None:
    flags = ["--stage", "enterprise", "--touch", "high", "--customers", "60000"]
    big = run("export", *flags, "--seats", "-f", "mermaid", "-o", "-")
    assert big.exit_code == 0
    assert big.stderr.startswith("csorg: warning: ")
    assert "as mermaid code blocks in Markdown" in big.stderr
    blocks = big.stdout.split("```mermaid\n")[1:]
    assert len(blocks) >= 2
    rec = recommend(catalog, Request(stage="enterprise", touch="high", customers=60000, seats=True))
    seen: set[str] = set()
    for block in blocks:
        diagram = block.split("```")[0]
        assert diagram.startswith("flowchart TD\n")
        assert len(diagram) <= 50_000
        assert diagram.count(" --- ") + diagram.count(" -.-> ") < 500
        seen |= {line.split("[")[0].strip() for line in diagram.splitlines() if '["' in line}
    assert seen == {"s_" + s.id.replace("-", "_") for s in rec.seats or ()}  # nobody lost
    small = run("export", *flags, "-f", "mermaid", "-o", "-")
    assert small.exit_code == 0
    assert small.stderr == ""
    assert small.stdout.startswith("flowchart TD\n")


def test_a_split_mermaid_export_defaults_to_a_markdown_file(
    run: Callable, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    flags = ["--stage", "enterprise", "--touch", "high", "--customers", "50000"]
    result = run("export", *flags, "--regions", "na,emea,apac", "--seats", "-f", "mermaid")
    assert result.exit_code == 0, result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["csorg-enterprise-seats.md"]
    text = (tmp_path / "csorg-enterprise-seats.md").read_text(encoding="utf-8")
    headings = [line[3:] for line in text.splitlines() if line.startswith("## ")]
    assert len(headings) == text.count("```mermaid\n") >= 3
    assert f"wrote {len(headings)} diagrams, " in result.stderr
    # split by region first, each region's part perhaps again by branch
    regions = [heading.split(":")[0] for heading in headings]
    assert sorted(set(regions)) == ["apac", "emea", "na"]
    assert regions == sorted(regions, key=regions.index)  # a region's parts stay together


def test_binary_formats_are_not_sent_to_a_terminal() -> None:
    import pty

    main, terminal = pty.openpty()
    try:
        env = {k: v for k, v in os.environ.items() if k != "CSORG_CATALOG"}
        done = subprocess.run(
            [sys.executable, "-m", "csorg", "export", *SCALING, "-f", "png", "-o", "-"],
            stdout=terminal,
            stderr=subprocess.PIPE,
            env=env,
            check=False,
        )
    finally:
        os.close(terminal)
        os.close(main)
    assert done.returncode == 2
    assert b"png is binary: give -o FILE, or pipe standard output" in done.stderr


def test_stdout_gets_utf8_bytes_whatever_the_locale(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"}
    env.pop("CSORG_CATALOG", None)
    done = subprocess.run(
        [sys.executable, "-m", "csorg", "export", *SCALING, "-f", "svg", "-o", "-"],
        capture_output=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    target = tmp_path / "org.svg"
    subprocess.run(
        [sys.executable, "-m", "csorg", "export", *SCALING, "-o", str(target)],
        capture_output=True,
        env=env,
        check=True,
    )
    assert done.stdout == target.read_bytes()
    assert "×".encode() in done.stdout
