"""The HTML page driven the way a person uses it, in headless Chromium through Playwright: open
it, find the CEO, search, collapse and expand with the mouse and the keyboard, filter, zoom,
read a card, print. Skipped, with the reason, without Chromium or Playwright."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from csorg.catalog.schema import Catalog
from csorg.engine.inputs import Request
from csorg.engine.recommend import recommend
from csorg.engine.result import Recommendation
from export_tools import (
    Opened,
    browser_fixture,  # noqa: F401 (the browser fixture)
    open_page,
)

BIG = Request(
    stage="enterprise", touch="high", customers=50_000, regions=("na", "emea", "apac"), seats=True
)
BIG_FLAGS = [
    "--stage",
    "enterprise",
    "--touch",
    "high",
    "--customers",
    "50000",
    "--regions",
    "na,emea,apac",
    "--seats",
]
SCALING = ["--stage", "scaling", "--touch", "high", "--customers", "400"]
SEGMENTS = ["--stage", "scaling", "--touch", "high", "--customers", "3000", "--segment-by", "size"]


@pytest.fixture(scope="module")
def big_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from typer.testing import CliRunner

    from csorg.cli import app

    page = tmp_path_factory.mktemp("page") / "org.html"
    result = CliRunner().invoke(app, ["export", *BIG_FLAGS, "-o", str(page)])
    assert result.exit_code == 0, result.output
    return page


@pytest.fixture(scope="module")
def big_rec(catalog: Catalog) -> Recommendation:
    return recommend(catalog, BIG)


def _of_region(rec: Recommendation, region: str) -> set[str]:
    """The seats placed in or serving ``region``, and every manager above them."""
    seats = {s.id: s for s in rec.seats or ()}
    ids = {
        s.id
        for s in seats.values()
        if s.region == region or (len(s.serves) > 1 and any(r == region for r, _ in s.serves))
    }
    for seat in list(ids):
        manager = seats[seat].reports_to
        while manager is not None:
            ids.add(manager)
            manager = seats[manager].reports_to
    return ids


def _write(run: Callable, tmp_path: Path, *flags: str) -> Path:
    page = tmp_path / "org.html"
    result = run("export", *flags, "-f", "html", "-o", str(page))
    assert result.exit_code == 0, result.stderr
    return page


def _shown(opened: Opened) -> list[str]:
    """The seat or role ids of the boxes shown in the live chart, in chart order."""
    return list(
        opened.page.evaluate(
            "() => { const data = JSON.parse(document.getElementById('csorg-chart').textContent);"
            " return [...document.querySelectorAll('.live g.node')]"
            "   .map((g, i) => g.classList.contains('off') ? null : data.nodes[i].id)"
            "   .filter(Boolean); }"
        )
    )


def _box(opened: Opened, node_id: str) -> Any:
    """The live box of a node, located by its position in the chart's data."""
    index = opened.page.evaluate(
        "(id) => JSON.parse(document.getElementById('csorg-chart').textContent)"
        ".nodes.findIndex(n => n.id === id)",
        node_id,
    )
    assert index >= 0, node_id
    return opened.page.locator(".live g.node").nth(index)


def _in_view(opened: Opened, node_id: str) -> bool:
    box = _box(opened, node_id).locator("rect").last.bounding_box()
    frame = opened.page.locator("figure.chart").bounding_box()
    return bool(
        box
        and frame
        and box["x"] >= frame["x"] - 1
        and box["x"] + box["width"] <= frame["x"] + frame["width"] + 1
        and box["y"] >= frame["y"] - 1
        and box["y"] + box["height"] <= frame["y"] + frame["height"] + 1
    )


def _clean(opened: Opened) -> None:
    assert opened.errors == []  # no script error, no CSP violation
    assert opened.requests == []  # nothing fetched: no CDN, font or image
    assert opened.dialogs == []


def test_a_big_org_opens_collapsed_with_the_ceo_in_view(
    browser: Any, big_page: Path, big_rec: Recommendation
) -> None:
    opened = open_page(browser, big_page, width=1280, height=800)
    shown = _shown(opened)
    seats = big_rec.seats or ()
    assert len(seats) > 500
    assert 10 < len(shown) <= 100  # collapsed below a sensible depth
    assert shown[0] == seats[0].id  # the CEO
    assert _in_view(opened, seats[0].id)
    managers = {s.reports_to for s in seats if s.reports_to}
    toggles = opened.page.locator(".live g.node:not(.off) .toggle")
    assert toggles.count() == len([s for s in shown if s in managers])  # one on every manager
    assert opened.page.locator(".toolbar").is_visible()
    _clean(opened)


def test_search_reveals_and_highlights_each_match(
    browser: Any, big_page: Path, big_rec: Recommendation
) -> None:
    seats = big_rec.seats or ()
    opened = open_page(browser, big_page)
    deep = next(s for s in reversed(seats) if s.role == "support-rep")
    assert deep.id not in _shown(opened)
    opened.page.fill("#search", deep.id)
    assert opened.page.inner_text("#search-status") == "1 of 1"
    assert deep.id in _shown(opened)  # revealed: its managers expanded
    assert "current" in (_box(opened, deep.id).get_attribute("class") or "")
    assert _in_view(opened, deep.id)
    # by title: every seat of the role matches, in chart order, Enter steps through them
    consultants = [s.id for s in seats if s.role == "support-consultant"]
    opened.page.fill("#search", "customer support CONSULTANT")
    assert opened.page.inner_text("#search-status") == f"1 of {len(consultants)}"
    opened.page.press("#search", "Enter")
    assert opened.page.inner_text("#search-status") == f"2 of {len(consultants)}"
    assert "current" in (_box(opened, consultants[1]).get_attribute("class") or "")
    assert _in_view(opened, consultants[1])
    opened.page.fill("#search", "no such thing at all")
    assert opened.page.inner_text("#search-status") == "no match"
    _clean(opened)


def test_collapse_and_expand_with_the_mouse_and_the_keyboard(
    browser: Any, big_page: Path, big_rec: Recommendation
) -> None:
    seats = big_rec.seats or ()
    opened = open_page(browser, big_page)
    page = opened.page
    vp = next(s for s in seats if s.role == "vp-cs")
    reports = [s.id for s in seats if s.reports_to == vp.id]
    assert set(reports) <= set(_shown(opened))
    _box(opened, vp.id).locator(".toggle").click()  # collapse by mouse
    assert not set(reports) & set(_shown(opened))
    assert _box(opened, vp.id).locator(".toggle").get_attribute("aria-expanded") == "false"
    _box(opened, vp.id).locator(".toggle").focus()
    page.keyboard.press("Enter")  # expand by keyboard
    assert set(reports) <= set(_shown(opened))
    # arrows walk the tree from the CEO's box; Space folds the focused box
    _box(opened, seats[0].id).locator("a").focus()
    page.keyboard.press("ArrowDown")
    focused = page.evaluate(
        "() => document.activeElement.closest('g.node') && "
        "[...document.querySelectorAll('.live g.node')]"
        ".indexOf(document.activeElement.closest('g.node'))"
    )
    assert focused == 1  # the CEO's first report
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Space")
    assert _shown(opened) == [seats[0].id]
    page.keyboard.press("Space")
    assert len(_shown(opened)) > 1
    page.click("#expand-all")
    assert len(_shown(opened)) == len(seats)
    page.click("#collapse-all")
    assert len(_shown(opened)) < 10
    _clean(opened)


@pytest.mark.parametrize(
    "flags",
    [SCALING, [*SCALING, "--seats"], SEGMENTS, BIG_FLAGS, ["--stage", "startup", "--touch", "low"]],
    ids=["scaling", "scaling-seats", "segments", "537-seats", "startup"],
)
def test_the_page_lays_out_boxes_exactly_as_csorg_does(
    run: Callable, tmp_path: Path, browser: Any, flags: list[str]
) -> None:
    """Fully expanded, the script's layout puts every box where Python's layout drew it."""
    opened = open_page(browser, _write(run, tmp_path, *flags))
    opened.page.click("#expand-all")
    moved = opened.page.evaluate(
        "() => [...document.querySelectorAll('.live g.node')]"
        ".map(g => g.getAttribute('transform')).filter(t => t !== 'translate(0 0)')"
    )
    assert moved == []
    live = opened.page.evaluate(
        "() => document.querySelector('.live path.links').getAttribute('d')"
    )
    static = opened.page.evaluate(
        "() => document.querySelector('.static path.links').getAttribute('d')"
    )
    assert live == static  # and every connector too
    _clean(opened)


def test_filter_by_region_and_by_segment(
    run: Callable, tmp_path: Path, browser: Any, catalog: Catalog, big_page: Path
) -> None:
    rec = recommend(catalog, BIG)
    seats = {s.id: s for s in rec.seats or ()}
    opened = open_page(browser, big_page)
    opened.page.click("#expand-all")
    opened.page.select_option("#region", "emea")
    shown = _shown(opened)
    assert set(shown) == _of_region(rec, "emea")  # and the managers above them
    assert {s.id for s in seats.values() if s.region == "emea"} <= set(shown)
    assert _in_view(opened, shown[0])
    _clean(opened)
    request = Request(stage="scaling", touch="high", customers=3000, segment_by="size", seats=True)
    segmented = {s.id: s for s in recommend(catalog, request).seats or ()}
    segments = {s.segment for s in segmented.values() if s.segment}
    assert len(segments) > 1
    chosen = sorted(segments)[0]
    opened = open_page(browser, _write(run, tmp_path, *SEGMENTS, "--seats"))
    opened.page.click("#expand-all")
    opened.page.select_option("#segment", chosen)
    shown = _shown(opened)
    assert {s.id for s in segmented.values() if s.segment == chosen} <= set(shown)
    assert not [s for s in shown if segmented[s].segment not in (chosen, None)]
    _clean(opened)


def test_zoom_and_fit_to_the_window(browser: Any, big_page: Path) -> None:
    opened = open_page(browser, big_page)
    page = opened.page
    assert page.inner_text("#zoom-level") == "100%"
    page.click("#zoom-in")
    assert page.inner_text("#zoom-level") == "125%"
    page.keyboard.press("-")
    assert page.inner_text("#zoom-level") == "100%"
    page.click("#expand-all")
    page.click("#fit")
    chart = page.locator(".live svg").bounding_box()
    frame = page.locator("figure.chart").bounding_box()
    assert chart and frame
    assert chart["width"] <= frame["width"] and chart["height"] <= frame["height"]
    assert page.inner_text("#zoom-level") != "100%"
    _clean(opened)


def test_a_box_opens_its_role_card_with_reasons_and_sources(
    browser: Any, big_page: Path, big_rec: Recommendation
) -> None:
    opened = open_page(browser, big_page)
    page = opened.page
    seat = next(s for s in big_rec.seats or () if s.role == "cs-director")
    before = page.evaluate("window.scrollY")
    _box(opened, seat.id).locator("a").click()
    assert page.evaluate("window.scrollY") == before  # the card opens beside the chart
    card = page.locator(f"#card-{seat.role}")
    assert card.is_visible()
    text = card.inner_text()
    for part in ("Why it is recommended", "Where the seats are", "Responsibilities", "Sources"):
        assert part.upper() in text.upper()
    assert f"Seat {seat.id}" in text  # which seat was opened
    assert card.locator("a[href^='http']").count() >= 1  # sources link out
    page.keyboard.press("Escape")
    assert not card.is_visible()
    _clean(opened)


def test_without_script_a_readable_static_chart_remains(
    browser: Any, big_page: Path, big_rec: Recommendation
) -> None:
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1400, "height": 900}
    )
    page = context.new_page()
    page.goto(big_page.as_uri())
    assert page.locator(".static svg").is_visible()
    assert page.locator(".static g.node").count() == len(big_rec.seats or ())
    assert not page.locator(".toolbar").is_visible()  # controls that would not work
    ceo = page.locator(".static g.node").first.locator("rect").last.bounding_box()
    assert ceo and ceo["x"] + ceo["width"] <= 1400  # the CEO in the first screenful
    page.locator(".static g.node").nth(5).locator("a").click()
    assert page.locator(".card:target").count() == 1
    context.close()


def _pdf_pages(page: Any) -> list[str]:
    from pypdf import PdfReader

    page.emulate_media(media="print")
    data = page.pdf(format="A4", landscape=True, print_background=True)
    page.emulate_media(media="screen")
    return [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]


def test_printing_gives_the_whole_chart_or_one_page_per_region(
    browser: Any, big_page: Path, big_rec: Recommendation
) -> None:
    opened = open_page(browser, big_page)
    page = opened.page
    page.fill("#search", "csm-001")  # whatever is collapsed or searched on screen...
    whole = _pdf_pages(page)
    chart = next(i for i, text in enumerate(whole) if "Chief Executive Officer" in text)
    assert chart <= 1  # after the heading (and the notes, if long)
    assert big_rec.seats is not None
    assert all(s.id in whole[chart] for s in big_rec.seats)  # ...one page holds every box
    assert any("WHY IT IS RECOMMENDED" in t.upper() for t in whole[chart + 1 :])  # then cards
    page.select_option("#print-mode", "regions")
    pages = _pdf_pages(page)
    starts = [i for i, text in enumerate(pages) if "region na" in text.lower()]
    assert starts, "a page for region na"
    na = pages[starts[0]]
    expected = _of_region(big_rec, "na")
    words = set(na.split())
    assert expected <= words  # every seat of the region, as text
    assert not {s.id for s in big_rec.seats if s.id in words} - expected  # and no other
    for region in ("emea", "apac"):
        assert any(f"region {region}" in text.lower() for text in pages)
    _clean(opened)
