"""Each export read by the tool it is for: Graphviz renders the DOT, mermaid.js renders the
Mermaid, Chromium opens the HTML page (and clicks a role) and draws the SVG. These skip, saying
why, where a tool is missing; `.ci/run` installs all of them so CI always runs them."""

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
from export_tools import dump_dom, harness, need_chromium, need_mermaid, run_dot

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
    objects = layout["objects"]
    y = {o["name"]: float(o["pos"].split(",")[1]) for o in objects}
    for edge in layout["edges"]:
        manager, report = objects[edge["tail"]]["name"], objects[edge["head"]]["name"]
        assert y[manager] > y[report]  # Graphviz's y grows upwards: managers above reports


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
    assert result["edges"] == boxes - 1
    assert result["scripts"] == 0


def test_mermaid_labels_read_as_written(run: Callable, tmp_path: Path, catalog: Catalog) -> None:
    csm = recommend(catalog, SCALING_REQUEST).role("csm")
    assert csm is not None
    result = render_mermaid(tmp_path, export(run, *SCALING, "-f", "mermaid"))
    assert result["ok"], result
    assert f"Customer Success Manager×{csm.count} · CS management" in result["labels"]


# --- the HTML page in Chromium --------------------------------------------------------

HTML_CHECK = """
const frame = document.createElement('iframe');
frame.width = 1400; frame.height = 900;
frame.src = PAGE;
frame.addEventListener('load', () => {
  const win = frame.contentWindow, doc = frame.contentDocument, out = {};
  const shown = () => [...doc.querySelectorAll('section.card')]
      .filter(c => win.getComputedStyle(c).display !== 'none').map(c => c.id);
  out.title = doc.title;
  out.scripts = doc.querySelectorAll('script').length;
  out.requests = win.performance.getEntriesByType('resource').map(e => e.name);
  out.boxes = doc.querySelectorAll('svg g.node').length;
  out.cards = [...doc.querySelectorAll('section.card')].map(c => c.id);
  out.shownBefore = shown();
  out.hintBefore = win.getComputedStyle(doc.querySelector('.hint')).display !== 'none';
  const link = doc.querySelector(BOX + ' a');
  link.dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true, view: win}));
  setTimeout(() => {
    out.hash = win.location.hash;
    out.shownAfter = shown();
    out.hintAfter = win.getComputedStyle(doc.querySelector('.hint')).display !== 'none';
    const card = doc.querySelector(win.location.hash || 'nothing');
    out.cardText = card ? card.textContent : '';
    out.boxTitles = [...doc.querySelectorAll('svg g.node > a > title')].map(t => t.textContent);
    report(out);
  }, 200);
});
document.body.appendChild(frame);
"""


def open_page(tmp_path: Path, page: Path, box: str) -> Any:
    need_chromium()
    body = HTML_CHECK.replace("PAGE", json.dumps(page.as_uri())).replace("BOX", json.dumps(box))
    return harness(tmp_path, body)


def test_html_page_opens_a_card_on_click(run: Callable, tmp_path: Path, catalog: Catalog) -> None:
    rec = recommend(catalog, SCALING_REQUEST)
    csm = rec.role("csm")
    assert csm is not None
    page = tmp_path / "org.html"
    assert run("export", *SCALING, "-o", str(page)).exit_code == 0
    result = open_page(tmp_path, page, "#n-csm")
    assert result["title"] == "Scaling, high-touch business — CS org chart"
    assert result["scripts"] == 0
    assert result["requests"] == []  # nothing fetched: no CDN, fonts or images
    assert result["boxes"] == len(rec.roles)
    assert result["cards"] == [f"card-{r.id}" for r in rec.roles]
    assert result["shownBefore"] == []  # the stylesheet applied: its CSP hash is right
    assert result["hintBefore"] is True
    assert result["hash"] == "#card-csm"
    assert result["shownAfter"] == ["card-csm"]
    assert result["hintAfter"] is False
    text = result["cardText"]
    for part in ("Customer Success Manager", "Why it is recommended", "Responsibilities"):
        assert part in text
    assert f"{csm.count} seats in this org" in text
    assert "reports to Customer Success Team Lead" in text


def test_html_seat_boxes_open_their_role_card(run: Callable, tmp_path: Path) -> None:
    page = tmp_path / "org.html"
    assert run("export", *ENTERPRISE_SEATS, "-f", "html", "-o", str(page)).exit_code == 0
    result = open_page(tmp_path, page, "#n-support-rep-03")
    assert result["scripts"] == 0
    assert result["requests"] == []
    assert result["boxes"] >= 50
    assert result["shownAfter"] == ["card-support-rep"]


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
