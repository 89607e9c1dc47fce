"""Each export read by the tool it is for: Graphviz renders the DOT, mermaid.js renders the
Mermaid (each part of a split one too), Chromium draws the SVG. These skip, saying why, where a
tool is missing; `.ci/run` installs all of them so CI always runs them. The HTML page is driven
in test_export_page.py, PNG and PDF decoded in test_export_render.py."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from csorg.catalog.schema import Catalog
from csorg.engine.inputs import Request
from csorg.engine.recommend import recommend
from export_tools import dump_dom, harness, need_chromium, need_drawio, need_mermaid, run_dot


def _override(role_id: str, title: str) -> str:
    """A roles.yaml entry that renames a shipped role, layered over the shipped catalog."""
    import yaml

    repo = Path(__file__).resolve().parents[1]
    roles = yaml.safe_load((repo / "data" / "roles.yaml").read_text(encoding="utf-8"))
    role = next(r for r in roles["roles"] if r["id"] == role_id)
    return yaml.safe_dump([{**role, "title": title}], allow_unicode=True)


SCALING = ["--stage", "scaling", "--touch", "high", "--customers", "400"]
SCALING_REQUEST = Request(stage="scaling", touch="high", customers=400)
ENTERPRISE_SEATS = [
    "--stage",
    "enterprise",
    "--touch",
    "high",
    "--customers",
    "5000",
    "--regions",
    "EMEA,NA",
    "--seats",
]
CASES = {
    "scaling": SCALING,
    "enterprise-seats": ENTERPRISE_SEATS,
    "budget": [*SCALING, "--headcount", "8"],
    "functional-areas": ["--model", "functional-areas", "--stage", "enterprise", "--touch", "high"],
}


def export(run: Callable, *args: str) -> str:
    result = run("export", *args, "-o", "-")
    assert result.exit_code == 0, result.stderr
    return str(result.stdout)


# --- Graphviz -------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES)
def test_dot_renders_top_down_with_graphviz(run: Callable, case: str) -> None:
    source = export(run, *CASES[case], "-f", "dot")
    drawn = run_dot(source, "svg")
    assert drawn.returncode == 0, drawn.stderr
    assert drawn.stderr == ""  # not even a warning
    ET.fromstring(drawn.stdout.encode("utf-8"))
    laid = run_dot(source, "json")
    assert laid.returncode == 0, laid.stderr
    layout = json.loads(laid.stdout)
    objects = layout["objects"]  # nodes, and the clusters that frame teams
    y = {o["name"]: float(o["pos"].split(",")[1]) for o in objects if "pos" in o}
    for edge in layout["edges"]:
        if edge.get("style") == "invis" and "weight" in edge:
            continue  # the edges that push a wrapped row below the one before
        manager, report = objects[edge["tail"]]["name"], objects[edge["head"]]["name"]
        if edge.get("style") == "dashed":
            continue  # a dotted line goes where it must: it does not rank the tree
        assert y[manager] > y[report]  # Graphviz's y grows upwards: managers above reports


def test_dot_keeps_a_500_seat_org_compact(run: Callable, catalog: Catalog) -> None:
    """Teams stack as framed columns and wide rows wrap, so dot draws hundreds of seats in
    a small part of the width one row of its people would take."""
    flags = ["--stage", "enterprise", "--touch", "high", "--customers", "50000"]
    flags += ["--regions", "na,emea,apac", "--seats"]
    request = Request(
        stage="enterprise", touch="high", customers=50000, regions=("na", "emea", "apac")
    )
    rec = recommend(catalog, Request(**{**request.__dict__, "seats": True}))
    seats = rec.seats or ()
    managers = {s.reports_to for s in seats}
    people = sum(1 for s in seats if s.id not in managers)
    assert len(seats) > 500
    source = export(run, *flags, "-f", "dot")
    laid = run_dot(source, "json")
    assert laid.returncode == 0, laid.stderr
    width, height = (float(v) for v in json.loads(laid.stdout)["bb"].split(",")[2:])
    row = people * 190  # points: every one of them side by side, as dot draws a plain tree
    assert width < row / 10
    assert height < 3 * width
    drawn = ET.fromstring(run_dot(source, "svg").stdout.encode("utf-8"))
    ns = "{http://www.w3.org/2000/svg}"
    titles = {
        "".join(g.find(f"{ns}title").itertext())  # type: ignore[union-attr]
        for g in drawn.iter(f"{ns}g")
        if g.get("class") == "node"
    }
    assert titles == {s.id for s in rec.seats or ()}  # every seat drawn


def test_dot_keeps_backslash_sequences_as_written(tmp_path: Path) -> None:
    """Graphviz expands \\N (node name), \\G, \\L... in labels and tooltips; titles must not."""
    from csorg.export.chart import org_chart
    from csorg.export.dot import dot_text

    catalog_dir = tmp_path / "catalog"
    catalog_dir.mkdir()
    title = "Lead \\N \\G \\L \\E \\T \\H \\\\ end\\"
    (catalog_dir / "roles.yaml").write_text(
        "version: 1\nroles:\n" + _override("csm", title), encoding="utf-8"
    )
    from csorg.catalog.load import load_catalog

    catalog = load_catalog([catalog_dir])
    rec = recommend(catalog, SCALING_REQUEST)
    source = dot_text(org_chart(rec, catalog))
    drawn = run_dot(source, "svg")
    assert drawn.returncode == 0, drawn.stderr
    svg = ET.fromstring(drawn.stdout.encode("utf-8"))
    ns = "{http://www.w3.org/2000/svg}"
    texts = ["".join(t.itertext()) for t in svg.iter(f"{ns}text")]
    assert title in texts
    tips = [a.get("{http://www.w3.org/1999/xlink}title") or "" for a in svg.iter(f"{ns}a")]
    assert any(tip.startswith(title + "\n") for tip in tips)


def test_dot_draws_titles_counts_and_styles(run: Callable) -> None:
    source = export(
        run, "--stage", "enterprise", "--touch", "high", "--customers", "5000", "-f", "dot"
    )
    drawn = run_dot(source, "svg")
    assert drawn.returncode == 0, drawn.stderr
    svg = ET.fromstring(drawn.stdout.encode("utf-8"))
    ns = "{http://www.w3.org/2000/svg}"
    texts = ["".join(t.itertext()) for t in svg.iter(f"{ns}text")]
    assert "Customer Success Manager" in texts
    assert any(t.startswith("×") and "CS management" in t for t in texts)
    dashed = [p for p in svg.iter(f"{ns}path") if p.get("stroke-dasharray")]
    assert dashed  # the optional roles
    fills = {p.get("fill") for p in svg.iter(f"{ns}path")}
    assert {"#e2e8f0", "#dbeafe"} <= fills  # leadership and CS management colours


# --- mermaid.js in Chromium -----------------------------------------------------------

MERMAID_RENDER = """
mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});
mermaid.render('chart', SOURCE).then(({svg}) => {
  const box = document.createElement('div');
  box.innerHTML = svg;
  document.body.appendChild(box);
  report({ok: true,
          nodes: box.querySelectorAll('g.node').length,
          edges: box.querySelectorAll('path.flowchart-link').length,
          scripts: box.querySelectorAll('script').length,
          labels: [...box.querySelectorAll('g.node')].map(n => n.textContent)});
}).catch(error => report({ok: false, error: String(error && error.message || error)}));
"""


def render_mermaid(tmp_path: Path, source: str) -> Any:
    mermaid = need_mermaid()
    need_chromium()
    body = MERMAID_RENDER.replace("SOURCE", json.dumps(source))
    return harness(tmp_path, body, scripts=(mermaid,))


@pytest.mark.parametrize("case", CASES)
def test_mermaid_renders_with_mermaid_js(run: Callable, tmp_path: Path, case: str) -> None:
    source = export(run, *CASES[case], "-f", "mermaid")
    result = render_mermaid(tmp_path, source)
    assert result["ok"], result
    boxes = source.count('["')
    assert result["nodes"] == boxes
    assert result["edges"] == boxes - 1 + source.count(" -.-> ")
    assert result["scripts"] == 0


def test_each_part_of_a_split_mermaid_chart_renders(run: Callable, tmp_path: Path) -> None:
    flags = ["--stage", "enterprise", "--touch", "high", "--customers", "50000"]
    text = export(run, *flags, "--regions", "na,emea,apac", "--seats", "-f", "mermaid")
    parts = [block.split("```")[0] for block in text.split("```mermaid\n")[1:]]
    assert len(parts) >= 3  # a region each, or more
    for part in parts:
        result = render_mermaid(tmp_path, part)
        assert result["ok"], result  # within mermaid.js's default limits
        assert result["nodes"] == part.count('["')


def test_mermaid_labels_read_as_written(run: Callable, tmp_path: Path, catalog: Catalog) -> None:
    csm = recommend(catalog, SCALING_REQUEST).role("csm")
    assert csm is not None
    result = render_mermaid(tmp_path, export(run, *SCALING, "-f", "mermaid"))
    assert result["ok"], result
    assert f"Customer Success Manager×{csm.count} · CS management" in result["labels"]


# --- draw.io's own viewer in Chromium ---------------------------------------------------

DRAWIO_READ = """
const doc = mxUtils.parseXml(SOURCE);
const diagram = doc.documentElement.getElementsByTagName('diagram')[0];
const node = Editor.parseDiagramNode(diagram);
const model = new mxGraphModel();
new mxCodec(node.ownerDocument).decode(node, model);
const cells = Object.values(model.cells);
const vertices = cells.filter(c => c.vertex), edges = cells.filter(c => c.edge);
const data = c => c.value && c.value.getAttribute ? c.value.getAttribute('csorg_id') : null;
report({vertices: vertices.map(data).filter(Boolean),
        edges: edges.map(e => [data(e.source), data(e.target), e.style.includes('dashed=1')]),
        dangling: edges.filter(e => !e.source || !e.target).length,
        geometry: vertices.every(v => v.geometry && v.geometry.width > 0)});
"""


def test_drawio_opens_in_drawios_own_viewer(
    run: Callable, tmp_path: Path, catalog: Catalog
) -> None:
    """draw.io's own code reads the file: every box a vertex, every line an edge that is
    attached at both ends, dotted lines dashed."""
    viewer = need_drawio()
    need_chromium()
    source = export(run, *SCALING, "-f", "drawio")
    result = harness(tmp_path, DRAWIO_READ.replace("SOURCE", json.dumps(source)), scripts=(viewer,))
    rec = recommend(catalog, SCALING_REQUEST)
    assert result["vertices"] == [r.id for r in rec.roles]
    solid = [[r.reports_to, r.id, False] for r in rec.roles if r.reports_to]
    dotted = [[boss, r.id, True] for r in rec.roles for boss in r.dotted_to]
    assert sorted(result["edges"]) == sorted(solid + dotted)
    assert result["dangling"] == 0
    assert result["geometry"] is True


# --- the SVG in Chromium --------------------------------------------------------------

SVG_CHECK = """
const frame = document.createElement('iframe');
frame.width = 1600; frame.height = 1200;
frame.src = PAGE;
frame.addEventListener('load', () => {
  const doc = frame.contentDocument, out = {overflow: [], overlaps: 0};
  out.root = doc.documentElement.localName;
  out.errors = doc.getElementsByTagName('parsererror').length;
  const boxes = [];
  for (const node of doc.querySelectorAll('g.node')) {
    const rect = node.querySelectorAll('rect');
    const front = rect[rect.length - 1].getBBox();
    boxes.push(front);
    for (const text of node.querySelectorAll('text')) {
      const b = text.getBBox();
      if (b.x < front.x - 0.5 || b.x + b.width > front.x + front.width + 0.5 ||
          b.y < front.y - 0.5 || b.y + b.height > front.y + front.height + 0.5)
        out.overflow.push(text.textContent);
    }
  }
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.x < b.x + b.width && b.x < a.x + a.width &&
          a.y < b.y + b.height && b.y < a.y + a.height)
        out.overlaps++;
    }
  out.boxes = boxes.length;
  report(out);
});
document.body.appendChild(frame);
"""


@pytest.mark.parametrize("case", CASES)
def test_svg_draws_in_chromium_with_text_inside_boxes(
    run: Callable, tmp_path: Path, case: str
) -> None:
    need_chromium()
    picture = tmp_path / "org.svg"
    assert run("export", *CASES[case], "-f", "svg", "-o", str(picture)).exit_code == 0
    body = SVG_CHECK.replace("PAGE", json.dumps(picture.as_uri()))
    result = harness(tmp_path, body)
    assert result["root"] == "svg"
    assert result["errors"] == 0
    assert result["boxes"] >= 4  # the smallest case: CEO, head of CS, CSMs, support
    assert result["overlaps"] == 0
    assert result["overflow"] == []  # every label fits its box with the fonts in use


def test_svg_opens_as_a_document(run: Callable, tmp_path: Path) -> None:
    picture = tmp_path / "org.svg"
    assert run("export", *SCALING, "-o", str(picture)).exit_code == 0
    dom = dump_dom(picture.as_uri())
    assert "<svg" in dom
    assert "parsererror" not in dom
