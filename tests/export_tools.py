"""The real readers the export tests hand files to, found on this machine or skipped.

* Graphviz ``dot``: ``$CSORG_DOT``, else ``dot`` on PATH (Debian: ``apt-get install graphviz``).
* Chromium, run headless: ``$CSORG_CHROMIUM``, else ``chromium``, ``chromium-browser``,
  ``google-chrome`` on PATH (Debian: ``apt-get install chromium``).
* mermaid.js: ``$CSORG_MERMAID_JS`` (the path of ``mermaid.min.js``), else
  ``/opt/csorg-ci/node_modules/mermaid/dist/mermaid.min.js``, where ``.ci/run`` installs it
  with ``npm install --prefix /opt/csorg-ci mermaid`` (outside the package).

* draw.io's viewer (``viewer.min.js``, draw.io 16.6.4, from the npm package
  ``docusaurus-plugin-drawio``): ``$CSORG_DRAWIO_JS``, else
  ``/opt/csorg-ci/node_modules/docusaurus-plugin-drawio/viewer.min.js``, where ``.ci/run``
  installs it.
* Playwright for Python (the ``test`` extra), driving that same Chromium through
  ``executable_path``: never ``playwright install``. The ``browser`` fixture gives a
  headless browser for a test module (import ``browser_fixture`` into it) and
  :func:`open_page` a page that records script errors
  and network requests.

A test that needs one calls its ``need_*`` function (or takes the ``browser`` fixture), which
skips the test with the reason when the tool is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

MERMAID_DEFAULT = Path("/opt/csorg-ci/node_modules/mermaid/dist/mermaid.min.js")
DRAWIO_DEFAULT = Path("/opt/csorg-ci/node_modules/docusaurus-plugin-drawio/viewer.min.js")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--mute-audio",
)
TIMEOUT = 180  # seconds; a guard against a hung browser, not a speed check


def need_dot() -> str:
    dot = os.environ.get("CSORG_DOT") or shutil.which("dot")
    if not dot:
        pytest.skip("graphviz 'dot' not installed: apt-get install graphviz (or set $CSORG_DOT)")
    return dot


def need_chromium() -> str:
    found = os.environ.get("CSORG_CHROMIUM") or next(
        (
            path
            for name in ("chromium", "chromium-browser", "google-chrome")
            if (path := shutil.which(name))
        ),
        None,
    )
    if not found:
        pytest.skip("chromium not installed: apt-get install chromium (or set $CSORG_CHROMIUM)")
    return found


def need_mermaid() -> Path:
    path = Path(os.environ.get("CSORG_MERMAID_JS") or MERMAID_DEFAULT)
    if not path.is_file():
        pytest.skip(
            f"mermaid.js not found at {path}: npm install --prefix /opt/csorg-ci mermaid "
            "(or set $CSORG_MERMAID_JS to mermaid.min.js)"
        )
    return path


def need_drawio() -> Path:
    path = Path(os.environ.get("CSORG_DRAWIO_JS") or DRAWIO_DEFAULT)
    if not path.is_file():
        pytest.skip(
            f"draw.io's viewer not found at {path}: npm install --prefix /opt/csorg-ci "
            "--legacy-peer-deps docusaurus-plugin-drawio@0.4.0 (or set $CSORG_DRAWIO_JS)"
        )
    return path


def run_dot(source: str, fmt: str = "svg") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [need_dot(), f"-T{fmt}"],
        input=source,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def dump_dom(url: str, *, file_access: bool = False) -> str:
    """The DOM of ``url`` after it loaded and its scripts ran, from headless Chromium."""
    chromium = need_chromium()
    with tempfile.TemporaryDirectory(prefix="csorg-chromium-") as profile:
        command = [
            chromium,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            "--virtual-time-budget=20000",
            *(["--allow-file-access-from-files"] if file_access else []),
            "--dump-dom",
            url,
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def harness(folder: Path, body: str, *, scripts: tuple[Path, ...] = ()) -> Any:
    """Run ``body`` (JavaScript that ends by calling ``report(value)``) in a local page in
    Chromium, and return the value it reported."""
    tags = "".join(f'<script src="{p.as_uri()}"></script>' for p in scripts)
    page = folder / "harness.html"
    page.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'
        '<pre id="csorg-result">pending</pre>'
        f"{tags}<script>"
        "function report(value) {"
        " document.getElementById('csorg-result').textContent = JSON.stringify(value); }"
        f"{body}</script></body></html>",
        encoding="utf-8",
    )
    dom = dump_dom(page.as_uri(), file_access=True)
    start = dom.index('<pre id="csorg-result">') + len('<pre id="csorg-result">')
    text = dom[start : dom.index("</pre>", start)]
    assert text != "pending", "the harness never reported"
    import html

    return json.loads(html.unescape(text))


@pytest.fixture(scope="module", name="browser")
def browser_fixture() -> Iterator[Any]:
    """Headless Chromium driven by Playwright, for one test module (Playwright's sync API
    runs one instance at a time, and each module that imports this fixture gets its own)."""
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright not installed: pip install -e '.[test]'"
    )
    chromium = need_chromium()
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, headless=True)
        yield launched
        launched.close()


@dataclass
class Opened:
    page: Any
    errors: list[str] = field(default_factory=list)  # uncaught errors and console errors
    requests: list[str] = field(default_factory=list)  # every URL but the page's own
    dialogs: list[str] = field(default_factory=list)  # alert() and friends: never expected


def open_page(browser: Any, path: Path, *, width: int = 1400, height: int = 900) -> Opened:
    """``path`` opened in a fresh page of ``width`` x ``height`` CSS pixels."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    opened = Opened(page)
    page.on("pageerror", lambda error: opened.errors.append(str(error)))
    page.on(
        "console",
        lambda message: opened.errors.append(message.text) if message.type == "error" else None,
    )
    page.on(
        "request",
        lambda request: (
            opened.requests.append(request.url) if request.url != path.as_uri() else None
        ),
    )

    def dialog(shown: Any) -> None:
        opened.dialogs.append(shown.message)
        shown.dismiss()

    page.on("dialog", dialog)
    page.goto(path.as_uri())
    return opened
