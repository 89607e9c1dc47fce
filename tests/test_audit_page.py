"""`csorg audit --format html`: the page opens in Chromium with nothing fetched and no script,
draws every person of the chart with their findings, and opens a person's card on click."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from export_tools import harness, need_chromium

HR = Path(__file__).parent / "fixtures" / "hr"
FLAGS = ["--stage", "scaling", "--touch", "high", "--customers", "400"]

PAGE_CHECK = """
const frame = document.createElement('iframe');
frame.width = 1600; frame.height = 1000;
frame.src = PAGE;
frame.addEventListener('load', () => {
  const win = frame.contentWindow, doc = frame.contentDocument, out = {};
  const shown = () => [...doc.querySelectorAll('section.card')]
      .filter(c => win.getComputedStyle(c).display !== 'none').map(c => c.id);
  out.title = doc.title;
  out.scripts = doc.querySelectorAll('script').length;
  out.requests = win.performance.getEntriesByType('resource').map(e => e.name);
  out.boxes = doc.querySelectorAll('svg g.node').length;
  out.cards = doc.querySelectorAll('section.card').length;
  out.shownBefore = shown();
  out.red = [...doc.querySelectorAll('svg g.node rect')]
      .filter(r => r.getAttribute('stroke') === '#f59e0b').length;
  const boxes = [...doc.querySelectorAll('svg g.node rect')].map(r => r.getBBox());
  out.overlaps = 0;
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.x < b.x + b.width && b.x < a.x + a.width &&
          a.y < b.y + b.height && b.y < a.y + a.height)
        out.overlaps++;
    }
  const box = [...doc.querySelectorAll('svg g.node')]
      .find(g => g.querySelector('title').textContent.startsWith(NAME));
  out.stroke = box.querySelector('rect').getAttribute('stroke');
  box.querySelector('a').dispatchEvent(
      new MouseEvent('click', {bubbles: true, cancelable: true, view: win}));
  setTimeout(() => {
    out.shownAfter = shown();
    const card = doc.querySelector(win.location.hash || 'nothing');
    out.cardText = card ? card.textContent : '';
    out.sideText = doc.querySelector('aside').textContent;
    report(out);
  }, 200);
});
document.body.appendChild(frame);
"""


def test_audit_page_in_chromium(run: Callable[..., Any], tmp_path: Path) -> None:
    need_chromium()
    page = tmp_path / "audit.html"
    result = run("audit", str(HR / "workday.csv"), *FLAGS, "-f", "html", "-o", str(page))
    assert result.exit_code == 0, result.stderr
    body = PAGE_CHECK.replace("PAGE", json.dumps(page.as_uri())).replace(
        "NAME", json.dumps("Odalys Brennick")
    )
    out = harness(tmp_path, body)
    assert out["title"] == f"Org chart audit — {HR / 'workday.csv'}"
    assert out["scripts"] == 0 and out["requests"] == []  # self-contained: nothing fetched
    assert out["boxes"] == out["cards"] == 40
    assert out["shownBefore"] == []  # the stylesheet applied: its CSP hash is right
    assert out["stroke"] == "#f59e0b"  # a warning (a wide span) marks the box in amber
    warned = run("audit", str(HR / "workday.csv"), *FLAGS, "-f", "json").json()
    people = {p for f in warned["findings"] if f["severity"] == "warning" for p in f["people"]}
    assert out["red"] == len(people)
    assert out["overlaps"] == 0
    assert len(out["shownAfter"]) == 1
    card = out["cardText"]
    assert "Odalys Brennick" in card and "Read as VP of Customer Success" in card
    assert "span-of-control" in card and "has 9 direct reports" in card
    assert "What would change" in out["sideText"] and "Warnings" in out["sideText"]
