"""A user catalog whose titles and texts try to break every format: quotes, brackets,
``-->``, ``<script>``, newlines, terminal escape codes, spreadsheet formulas, a ``javascript:``
link. Every export must stay valid for its real reader, show the text as text, and never
send a raw escape code to the terminal."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import yaml

from csorg.catalog.schema import Catalog
from csorg.engine.inputs import Request
from csorg.engine.recommend import recommend
from csorg.export.chart import printable
from export_tools import (
    browser_fixture,  # noqa: F401 (the browser fixture)
    harness,
    need_chromium,
    need_mermaid,
    open_page,
    run_dot,
)

REPO = Path(__file__).resolve().parents[1]
TITLES = {
    "vp-cs": 'VP "Customer" [Success] --> {x} <script>alert(1)</script>',
    "csm": "CSM\nsecond line \x1b[31mRED\x1b[0m & ; # % `tick` | end",
    "cs-director": "Director ]]> <!-- --> 'single' \\ back\\slash \\n \ufffe",
    "support-manager": '=HYPERLINK("http://x") \x9b1m',
    "cs-team-lead": 'Lead"] ; click r_csm call alert(1) ; A["x',
    "cs-engineer": "Engineer </title></svg></text>&amp; %% {init: {}} %%",
}
AREA = 'CS <b>management</b> & "friends"\n\x07'
MODEL = "Scaling </title><script>alert(2)</script>\x1b]0;pwned\x07"
SUMMARY = "<img src=x onerror=alert(3)> owns the \x1b[2J customer"
RESPONSIBILITY = "<script>alert(4)</script>"
FLAGS = ["--stage", "scaling", "--touch", "high", "--customers", "1500"]
REQUEST = Request(stage="scaling", touch="high", customers=1500)
FORMATS = ["dot", "mermaid", "graphml", "json", "csv", "svg", "html", "drawio", "drawio-csv"]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A catalog directory layered over the shipped one, replacing a few entries."""
    folder = tmp_path_factory.mktemp("hostile-catalog")
    roles = yaml.safe_load((REPO / "data" / "roles.yaml").read_text(encoding="utf-8"))
    changed = []
    for role in roles["roles"]:
        if role["id"] in TITLES:
            role = {**role, "title": TITLES[role["id"]]}
            if role["id"] == "csm":
                role["summary"] = SUMMARY
                role["responsibilities"] = [RESPONSIBILITY, *role["responsibilities"]]
            changed.append(role)
    area = next(a for a in roles["areas"] if a["id"] == "cs-management")
    source = next(s for s in roles["sources"] if s["id"] == "kiouri-2023")
    models = yaml.safe_load((REPO / "data" / "business_models.yaml").read_text(encoding="utf-8"))
    model = next(m for m in models["models"] if m["id"] == "scaling-high-touch")
    (folder / "roles.yaml").write_text(
        yaml.safe_dump(
            {
                "version": 1,
                "sources": [{**source, "url": "javascript:alert(5)"}],
                "areas": [{**area, "name": AREA}],
                "roles": changed,
            },
            allow_unicode=False,
        ),
        encoding="utf-8",
    )
    (folder / "business_models.yaml").write_text(
        yaml.safe_dump({"version": 1, "models": [{**model, "name": MODEL}]}, allow_unicode=False),
        encoding="utf-8",
    )
    return folder


def export(run: Callable, hostile: Path, fmt: str, *more: str) -> str:
    result = run("export", *FLAGS, *more, "--catalog", str(hostile), "-f", fmt, "-o", "-")
    assert result.exit_code == 0, result.stderr
    for stream in (result.stdout, result.stderr):
        assert "\x1b" not in stream and "\x9b" not in stream and "\x07" not in stream
    return str(result.stdout)


def test_the_catalog_really_is_hostile(run: Callable, hostile: Path) -> None:
    result = run("recommend", *FLAGS, "--catalog", str(hostile), "--format", "json")
    assert result.exit_code == 0, result.stderr
    titles = {r["id"]: r["title"] for r in result.json()["roles"]}
    assert titles["csm"] == TITLES["csm"]
    assert result.json()["model"]["name"] == MODEL


@pytest.mark.parametrize("seats", [False, True])
@pytest.mark.parametrize("fmt", FORMATS)
def test_no_raw_control_characters_reach_the_terminal(
    run: Callable, hostile: Path, fmt: str, seats: bool
) -> None:
    text = export(run, hostile, fmt, *(["--seats"] if seats else []))
    assert not [c for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F]


def test_written_file_reports_cleanly(run: Callable, hostile: Path, tmp_path: Path) -> None:
    result = run("export", *FLAGS, "--catalog", str(hostile), "-o", str(tmp_path / "x.svg"))
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stderr


def test_csv_keeps_titles_as_text(run: Callable, hostile: Path, catalog: Catalog) -> None:
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(export(run, hostile, "csv")))}
    assert rows["vp-cs"]["title"] == TITLES["vp-cs"]
    assert rows["csm"]["title"] == printable(TITLES["csm"])  # the newline kept, quoted
    assert "\n" in rows["csm"]["title"]
    assert rows["support-manager"]["title"] == "'" + printable(TITLES["support-manager"])
    assert list(rows) == [r.id for r in recommend(catalog, REQUEST).roles]


def test_json_keeps_titles_and_is_safe_to_embed(run: Callable, hostile: Path) -> None:
    text = export(run, hostile, "json")
    assert "<" not in text and ">" not in text  # written \\u003c: safe inside <script>
    data = json.loads(text)
    titles = {n["id"]: n["title"] for n in data["nodes"]}
    for role, title in TITLES.items():
        assert titles[role] == printable(title)
    assert data["model"]["name"] == printable(MODEL)


@pytest.mark.parametrize("seats", [False, True])
def test_graphml_reads_back(run: Callable, hostile: Path, tmp_path: Path, seats: bool) -> None:
    target = tmp_path / "org.graphml"
    target.write_text(export(run, hostile, "graphml", *(["--seats"] if seats else [])), "utf-8")
    back = nx.read_graphml(target)
    assert nx.is_arborescence(nx.DiGraph((a, b) for a, b, d in back.edges(data="dotted") if not d))
    titles = {data["role"]: data["title"] for _, data in back.nodes(data=True)}
    for role, title in TITLES.items():
        assert titles[role] == printable(title)
    assert back.graph["model_name"] == printable(MODEL)


def test_svg_is_well_formed_and_inert(run: Callable, hostile: Path) -> None:
    for seats in ([], ["--seats"]):
        root = ET.fromstring(export(run, hostile, "svg", *seats).encode("utf-8"))
        ns = "{http://www.w3.org/2000/svg}"
        assert not list(root.iter(f"{ns}script"))
        assert not [e for e in root.iter() if any(k.startswith("on") for k in e.attrib)]
        tips = ["".join(t.itertext()) for t in root.iter(f"{ns}title")]
        assert any(t.startswith(TITLES["vp-cs"]) for t in tips)
        assert root.find(f"{ns}title") is not None
        assert "".join(root.find(f"{ns}title").itertext()) == printable(MODEL)  # type: ignore[union-attr]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_escapes_everything(run: Callable, hostile: Path) -> None:
    page = export(run, hostile, "html")
    parsed = _Tags()
    parsed.feed(page)
    names = [t for t, _ in parsed.tags]
    assert "img" not in names and "b" not in names
    scripts = [a for t, a in parsed.tags if t == "script"]
    assert [a.get("type") for a in scripts] == ["application/json", None]  # only the page's own
    assert not [a for _, a in parsed.tags if any(k.startswith("on") for k in a)]
    hrefs = [a.get("href") or "" for _, a in parsed.tags if "href" in a]
    assert not [h for h in hrefs if h.lower().startswith("javascript")]
    text = "".join(parsed.text)
    data = json.loads(page.split('id="csorg-chart">', 1)[1].split("</script>", 1)[0])
    titles = {n["id"]: n["title"] for n in data["nodes"]}
    assert titles["vp-cs"] == TITLES["vp-cs"]  # the chart's data keeps the text, inertly
    assert "<script>alert(1)</script>" in text  # shown as text
    assert "<img src=x onerror=alert(3)>" in text
    assert "<script>alert(4)</script>" in text


def test_dot_renders_hostile_titles(run: Callable, hostile: Path) -> None:
    for seats in ([], ["--seats"]):
        drawn = run_dot(export(run, hostile, "dot", *seats), "svg")
        assert drawn.returncode == 0, drawn.stderr
        svg = ET.fromstring(drawn.stdout.encode("utf-8"))
        texts = ["".join(t.itertext()) for t in svg.iter("{http://www.w3.org/2000/svg}text")]
        assert TITLES["vp-cs"] in texts
        assert printable(TITLES["cs-team-lead"]) in texts


def test_mermaid_renders_hostile_titles(
    run: Callable, hostile: Path, tmp_path: Path, catalog: Catalog
) -> None:
    roles = len(recommend(catalog, REQUEST).roles)
    mermaid = need_mermaid()
    need_chromium()
    source = export(run, hostile, "mermaid")
    body = (
        "mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});"
        f"mermaid.render('chart', {json.dumps(source)}).then(({{svg}}) => {{"
        " const box = document.createElement('div'); box.innerHTML = svg;"
        " report({ok: true, nodes: box.querySelectorAll('g.node').length,"
        " scripts: box.querySelectorAll('script, img').length,"
        " bold: box.querySelectorAll('g.node b').length,"
        " labels: [...box.querySelectorAll('g.node')].map(n => n.textContent)});"
        "}).catch(e => report({ok: false, error: String(e && e.message || e)}));"
    )
    result = harness(tmp_path, body, scripts=(mermaid,))
    assert result["ok"], result
    assert result["nodes"] == roles
    assert result["scripts"] == 0
    assert result["bold"] == roles  # only the title of each box: no markup from the catalog
    labels = "\n".join(result["labels"])
    assert "CS <b>management</b>" in labels
    assert TITLES["vp-cs"] in labels
    assert printable(TITLES["cs-team-lead"]) in labels
    assert "CSM second line \\x1b[31mRED" in labels


def test_html_page_shows_hostile_text_as_text(
    run: Callable, hostile: Path, tmp_path: Path, browser: Any
) -> None:
    page = tmp_path / "org.html"
    page.write_text(export(run, hostile, "html"), encoding="utf-8")
    opened = open_page(browser, page)
    view = opened.page
    assert view.locator("script").count() == 2  # the chart's data and the page's own script
    assert view.locator("img, b").count() == 0
    assert view.title().startswith("Scaling </title><script>alert(2)</script>")
    live = view.locator(".live g.node").all_text_contents()
    assert any(TITLES["vp-cs"] in text for text in live)
    view.fill("#search", "<script>")
    assert TITLES["vp-cs"] in (view.locator(".live g.node.current").text_content() or "")
    view.goto(page.as_uri() + "#card-csm")
    card = view.locator("#card-csm").text_content() or ""
    assert RESPONSIBILITY in card
    assert "<img src=x onerror=alert(3)>" in card
    assert opened.dialogs == []  # nothing in the catalog ran
    assert opened.errors == []
    assert opened.requests == []
