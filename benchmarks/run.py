"""Measure csorg's performance targets side by side, as ratios, and write a Markdown table.

    python benchmarks/run.py [--runs 15] [--output benchmarks/results.md]

Each target compares two commands run alternately in fresh processes (so machine noise hits
both alike); the table shows the median wall time of each, their ratio against the target,
and the peak memory (max RSS) of csorg's command. Run it in the virtual environment csorg is
installed in: the baseline commands use the same interpreter and libraries.

Targets:
1. `csorg recommend --stage startup --touch high` (tree to a pipe) <= 0.65x
   `python -c "import typer, rich, pydantic, yaml, networkx"`.
2. `csorg validate` of the shipped catalogs <= 1.0x `check-jsonschema --schemafile
   <csorg schema roles> data/roles.yaml`.
3. `csorg validate` of a generated 5,000-role, 1,000-model catalog <= 8x validating the shipped
   catalogs; the same at 1/5 and 1/2 of that size shows the growth is linear.
4. `csorg export --stage enterprise --touch high --customers 200000 --seats` (thousands of
   seats) in each format <= 3x a plain `csorg recommend`.
5. `csorg export --stage startup --touch high --format svg` <= 1.3x a plain `csorg recommend`.
6. `csorg audit` of a generated 50,000-person HR export (benchmarks/generate_org.py), as text
   and as an HTML page, and of a 50,000-deep reporting chain as text and JSON: each <= 25x a
   plain `csorg recommend` (a few seconds), peak memory < 300 MiB.
7. Sizing 200,000 accounts over 4 regions and 3 tiers with `--seats` (JSON, every seat) <= 3x
   a plain `csorg recommend`.
8. An 8-quarter forecast plan to about 50,000 accounts over 4 regions <= 3x a plain
   `csorg recommend`.
9. Peak memory of every other csorg command above < 150 MiB.

With Playwright and Chromium installed (the `test` extra), it also times the HTML page of the
200,000-account seats org in headless Chromium, as a person uses it: open it, expand every
box, search, collapse. Those are reported, with no target (a browser's timings are not csorg's).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
MEMORY_LIMIT_MIB = 150
AUDIT_MEMORY_LIMIT_MIB = 300
AUDIT_PEOPLE = 50_000
FORMATS = (
    "csv",
    "json",
    "svg",
    "html",
    "dot",
    "mermaid",
    "graphml",
    "drawio",
    "drawio-csv",
    "pdf",
    "png",
)


@dataclass
class Sample:
    seconds: float
    max_rss_mib: float


def run_once(command: list[str], cwd: Path) -> Sample:
    """Run a command to completion; its wall time and peak resident memory."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # read output while it runs (a full pipe would stall the child), then reap it with wait4
    # to get the resource usage of this child alone
    assert process.stdout is not None and process.stderr is not None
    out = process.stdout.read()
    err = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(
            f"benchmark command failed ({process.returncode}): {' '.join(command)}\n"
            f"{out.decode(errors='replace')[-2000:]}{err.decode(errors='replace')[-2000:]}"
        )
    return Sample(elapsed, usage.ru_maxrss / 1024)  # ru_maxrss is KiB on Linux


def compare(a: list[str], b: list[str], runs: int, cwd: Path) -> tuple[list[Sample], list[Sample]]:
    """Run two commands alternately, once each to warm caches, then ``runs`` times each."""
    run_once(a, cwd)
    run_once(b, cwd)
    first: list[Sample] = []
    second: list[Sample] = []
    for _ in range(runs):
        first.append(run_once(a, cwd))
        second.append(run_once(b, cwd))
    return first, second


def median(samples: list[Sample]) -> float:
    return statistics.median(s.seconds for s in samples)


def peak(samples: list[Sample]) -> float:
    return max(s.max_rss_mib for s in samples)


@dataclass
class Row:
    target: str
    command: str
    baseline: str
    command_ms: float
    baseline_ms: float
    limit: float
    memory_mib: float
    memory_limit: float = MEMORY_LIMIT_MIB

    @property
    def ratio(self) -> float:
        return self.command_ms / self.baseline_ms

    @property
    def met(self) -> bool:
        return self.ratio <= self.limit and self.memory_mib < self.memory_limit


def measure(runs: int, work: Path) -> tuple[list[Row], list[tuple[int, int, float]]]:
    python = sys.executable
    bindir = Path(python).parent
    csorg = [str(bindir / "csorg")] if (bindir / "csorg").exists() else [python, "-m", "csorg"]
    check_jsonschema = shutil.which("check-jsonschema", path=str(bindir)) or shutil.which(
        "check-jsonschema"
    )
    if check_jsonschema is None:
        raise SystemExit("check-jsonschema is not installed (pip install '.[test]')")
    data = REPO / "data"
    schema = work / "roles.schema.json"
    schema.write_bytes(
        subprocess.run([*csorg, "schema", "roles"], check=True, capture_output=True).stdout
    )
    generated = work / "generated"
    generate = [python, str(HERE / "generate_catalog.py")]
    subprocess.run([*generate, "--roles", "5000", "--models", "1000", str(generated)], check=True)

    rows: list[Row] = []

    def add(
        target: str,
        command: list[str],
        baseline: list[str],
        limit: float,
        shown: tuple[str, str],
        memory: float = MEMORY_LIMIT_MIB,
        times: int = runs,
    ) -> None:
        ours, theirs = compare(command, baseline, times, work)
        rows.append(
            Row(
                target,
                shown[0],
                shown[1],
                median(ours) * 1000,
                median(theirs) * 1000,
                limit,
                peak(ours),
                memory,
            )
        )

    recommend = [*csorg, "recommend", "--stage", "startup", "--touch", "high"]
    add(
        "1. cold start",
        recommend,
        [python, "-c", "import typer, rich, pydantic, yaml, networkx"],
        0.65,
        (
            "csorg recommend --stage startup --touch high",
            'python -c "import typer, rich, pydantic, yaml, networkx"',
        ),
    )
    validate_shipped = [*csorg, "validate"]
    add(
        "2. validate vs check-jsonschema",
        validate_shipped,
        [check_jsonschema, "--schemafile", str(schema), str(data / "roles.yaml")],
        1.0,
        ("csorg validate", "check-jsonschema --schemafile roles.schema.json data/roles.yaml"),
    )
    add(
        "3. 5,000 roles, 1,000 models",
        [*csorg, "validate", "--no-defaults", str(generated)],
        validate_shipped,
        8.0,
        ("csorg validate --no-defaults <generated 5000/1000>", "csorg validate"),
    )
    big = ["--stage", "enterprise", "--touch", "high", "--customers", "200000", "--seats"]
    for fmt in FORMATS:
        # rasterising or typesetting thousands of boxes takes seconds: fewer runs, same compare
        add(
            f"4. 200,000 accounts as seats: {fmt}",
            [*csorg, "export", *big, "--format", fmt, "-o", "-"],
            recommend,
            3.0,
            (
                f"csorg export {' '.join(big)} --format {fmt}",
                "csorg recommend --stage startup --touch high",
            ),
            times=max(3, runs // 3) if fmt in ("png", "pdf") else runs,
        )
    add(
        "5. small SVG export",
        [*csorg, "export", "--stage", "startup", "--touch", "high", "--format", "svg", "-o", "-"],
        recommend,
        1.3,
        (
            "csorg export --stage startup --touch high --format svg",
            "csorg recommend --stage startup --touch high",
        ),
    )

    sizing = [
        *("--stage", "enterprise", "--touch", "high", "--customers", "200000"),
        *("--regions", "na,emea,apac,latam", "--segment-by", "size"),
        *("--segments", "enterprise,mid-market,smb", "--seats", "--format", "json"),
    ]
    add(
        "7. sizing 200,000 accounts, 4 regions, 3 tiers, --seats",
        [*csorg, "recommend", *sizing],
        recommend,
        3.0,
        (f"csorg recommend {' '.join(sizing)}", "csorg recommend --stage startup --touch high"),
    )
    forecast = [
        *("--stage", "scaling", "--touch", "high", "--customers", "10000"),
        *("--regions", "na,emea,apac,latam", "--quarters", "8", "--customer-growth", "23%"),
        *("--format", "json"),
    ]
    add(
        "8. 8-quarter plan to 52,000 accounts, 4 regions",
        [*csorg, "plan", *forecast],
        recommend,
        3.0,
        (f"csorg plan {' '.join(forecast)}", "csorg recommend --stage startup --touch high"),
    )

    # audits of 50,000 people: an HR export and the worst shape, a reporting chain
    audit_runs = max(3, runs // 5)
    sized = ["--stage", "enterprise", "--touch", "high", "--customers", "20000"]
    for shape in ("wide", "chain"):
        subprocess.run(
            [
                python,
                str(HERE / "generate_org.py"),
                "--people",
                str(AUDIT_PEOPLE),
                "--shape",
                shape,
                str(work / f"org-{shape}.csv"),
            ],
            check=True,
        )
    for number, (shape, fmt) in zip(
        ("6a", "6b", "6c", "6d"),
        (("wide", "tree"), ("wide", "html"), ("chain", "tree"), ("chain", "json")),
        strict=True,
    ):
        org = str(work / f"org-{shape}.csv")
        output = ["-o", str(work / "audit.html")] if fmt == "html" else []
        described = "HR export" if shape == "wide" else "50,000-deep chain"
        add(
            f"{number}. audit 50,000 people ({described}, {fmt})",
            [*csorg, "audit", org, *sized, "--format", fmt, *output],
            recommend,
            25.0,
            (
                f"csorg audit <{described}> --stage enterprise --touch high --customers 20000 "
                f"--format {fmt}" + (" -o audit.html" if output else ""),
                "csorg recommend --stage startup --touch high",
            ),
            memory=AUDIT_MEMORY_LIMIT_MIB,
            times=audit_runs,
        )

    # linear growth: the same generator at three sizes
    growth: list[tuple[int, int, float]] = []
    for roles, models in ((1000, 200), (2500, 500), (5000, 1000)):
        folder = work / f"gen-{roles}"
        subprocess.run(
            [*generate, "--roles", str(roles), "--models", str(models), str(folder)], check=True
        )
        samples = [
            run_once([*csorg, "validate", "--no-defaults", str(folder)], work)
            for _ in range(max(3, runs // 3))
        ]
        growth.append((roles, models, median(samples) * 1000))
    return rows, growth


def markdown(rows: list[Row], growth: list[tuple[int, int, float]], runs: int) -> str:
    lines = [
        f"Measured on {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}; "
        f"medians of {runs} alternating runs.",
        "",
        "| Target | csorg command | ms | Compared with | ms | Ratio | Limit | Peak MiB | MiB limit "
        "| Met |",
        "|---|---|---:|---|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row.target} | `{row.command}` | {row.command_ms:.0f} | `{row.baseline}` | "
            f"{row.baseline_ms:.0f} | {row.ratio:.2f}x | {row.limit:g}x | {row.memory_mib:.0f} | "
            f"{row.memory_limit:g} | {'yes' if row.met else '**no**'} |"
        )
    lines += [
        "",
        "Growth of `csorg validate --no-defaults` with catalog size (generated catalogs):",
        "",
        "| Roles | Models | ms | ms per 1,000 roles above the smallest |",
        "|---:|---:|---:|---:|",
    ]
    base_roles, _, base_ms = growth[0]
    for roles, models, ms in growth:
        extra = (
            f"{(ms - base_ms) / ((roles - base_roles) / 1000):.0f}" if roles > base_roles else ""
        )
        lines.append(f"| {roles:,} | {models:,} | {ms:.0f} | {extra} |")
    return "\n".join(lines) + "\n"


# each step's JavaScript, timed inside the page: the handler's work plus the style and layout
# it forces (reading offsetHeight), which is what a person waits for
PAGE_STEPS = (
    ("expand every box", "document.getElementById('expand-all').click()"),
    (
        "search for a seat (reveals and scrolls to it)",
        "const s = document.getElementById('search'); s.value = 'support-rep-300';"
        "s.dispatchEvent(new Event('input'))",
    ),
    ("collapse", "document.getElementById('collapse-all').click()"),
    ("fit to the window", "document.getElementById('fit').click()"),
)


def page_timings(csorg: list[str], work: Path, runs: int) -> list[tuple[str, float]]:
    """The HTML page of the 200,000-account seats org in headless Chromium, or nothing
    without one."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return []
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        return []
    page_file = work / "big.html"
    big = ["--stage", "enterprise", "--touch", "high", "--customers", "200000", "--seats"]
    subprocess.run([*csorg, "export", *big, "-o", str(page_file)], check=True, capture_output=True)
    samples: dict[str, list[float]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True)
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            start = time.perf_counter()
            page.goto(page_file.as_uri())
            page.wait_for_selector(".live svg")
            samples.setdefault("open the page (load, lay out, draw)", []).append(
                (time.perf_counter() - start) * 1000
            )
            for step, script in PAGE_STEPS:
                spent = page.evaluate(
                    "() => { const t = performance.now(); "
                    f"{script}; document.body.offsetHeight; return performance.now() - t; }}"
                )
                samples.setdefault(step, []).append(float(spent))
            page.close()
        browser.close()
    return [(step, statistics.median(values)) for step, values in samples.items()]


def page_markdown(steps: list[tuple[str, float]]) -> str:
    if not steps:
        return ""
    lines = [
        "",
        "The HTML page of the 200,000-account seats org (`--customers 200000 --seats`) in "
        "headless Chromium, medians (no target):",
        "",
        "| Step | ms |",
        "|---|---:|",
    ]
    lines += [f"| {step} | {ms:.0f} |" for step, ms in steps]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each command (default 15)")
    parser.add_argument(
        "--output", type=Path, default=HERE / "results.md", help="Markdown file to write"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        rows, growth = measure(args.runs, Path(folder))
        python = sys.executable
        bindir = Path(python).parent
        csorg = [str(bindir / "csorg")] if (bindir / "csorg").exists() else [python, "-m", "csorg"]
        steps = page_timings(csorg, Path(folder), max(3, args.runs // 3))
    table = markdown(rows, growth, args.runs) + page_markdown(steps)
    args.output.write_text(table, encoding="utf-8")
    sys.stdout.write(table)
    missed = [row.target for row in rows if not row.met]
    if missed:
        sys.stdout.write(f"\nTargets missed: {', '.join(missed)}\n")
        return 1
    sys.stdout.write("\nAll targets met.\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
