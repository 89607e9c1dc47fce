"""`csorg audit` through the real command line: HR exports audited without configuration,
csorg's own exports audited clean, every output format, title maps, exit codes, and
properties (row order and column names change nothing)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

from csorg.audit.compare import audit
from csorg.audit.orgfile import read_org
from csorg.catalog.schema import Catalog
from csorg.engine.inputs import Request
from csorg.engine.recommend import recommend
from csorg.errors import CsorgError
from csorg.export.tabular import csv_text
from csorg.render.tree import MAX_DEPTH, tree_lines

FIXTURES = Path(__file__).parent / "fixtures"
HR = FIXTURES / "hr"
MESSY = FIXTURES / "messy-org.csv"
HEALTHY = FIXTURES / "healthy-org.yaml"
MESSY_FLAGS = ["--stage", "scaling", "--touch", "high", "--customers", "800"]
HEALTHY_FLAGS = ["--stage", "scaling", "--touch", "high", "--customers", "300"]
HR_FLAGS = ["--stage", "scaling", "--touch", "high", "--customers", "400"]
TRUTH = {row["id"]: row for row in csv.DictReader((HR / "expected-org.csv").open(encoding="utf-8"))}
Run = Callable[..., Any]
# what a recommendation may warn about itself (coverage beyond benchmarks, a span it cannot
# relieve): its own export is then audited with the same doubts
WARNED = {"coverage", "span-of-control"}


def _audit(run: Run, path: Path, *flags: str) -> dict[str, Any]:
    result = run("audit", str(path), *flags, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = result.json()
    return data


def _found(data: dict[str, Any]) -> set[tuple[str, str, str]]:
    return {(f["kind"], f["severity"], f["subject"]) for f in data["findings"]}


def _write(tmp_path: Path, text: str, name: str = "org.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- a 40-person CS org from every HR system, without configuration -------------------------

LAYOUTS = [
    "generic.csv",
    "generic-self-root.csv",
    "bamboohr.csv",
    "rippling.csv",
    "lattice.csv",
    "pingboard.csv",
    "hibob.csv",
    "workday.csv",
    "charthop.csv",
    "orgchartnow.csv",
    "organimi.csv",
    "drawio.csv",
    "d3-org-chart.json",
    "balkan-orgchart.json",
    "yed.graphml",
    "excel-cp1252.csv",
    "excel-utf8-bom-semicolon.csv",
]


def _truth_ids(data: dict[str, Any]) -> dict[str, str]:
    """Each person's id in the file -> their id in expected-org.csv (by name, open seats by
    manager)."""
    names = {row["name"]: i for i, row in TRUTH.items() if row["name"]}
    out = {p["id"]: names[p["name"]] for p in data["people"] if not p["vacant"]}
    for p in data["people"]:
        if p["vacant"]:
            boss = out[p["reports_to"]]
            out[p["id"]] = next(
                i for i, r in TRUTH.items() if r["vacancy"] == "yes" and r["manager_id"] == boss
            )
    return out


def _wide_in_truth(catalog: Catalog) -> set[str]:
    """The managers of the ground truth with more direct reports than their role's span."""
    reports: dict[str, int] = {}
    for row in TRUTH.values():
        if row["manager_id"]:
            reports[row["manager_id"]] = reports.get(row["manager_id"], 0) + 1
    wide = set()
    for manager, n in reports.items():
        role = catalog.roles.get(TRUTH[manager]["expected_role"])
        if role is not None and role.span is not None and n > role.span.value:
            wide.add(manager)
    return wide


@pytest.mark.parametrize("layout", LAYOUTS)
def test_hr_export_audits_without_configuration(run: Run, catalog: Catalog, layout: str) -> None:
    data = _audit(run, HR / layout, *HR_FLAGS)
    truth = _truth_ids(data)
    # every title read as the ground truth says (the three outside CS are left out)
    roles = {truth[p["id"]]: p["role"] for p in data["people"]}
    assert roles == {i: (row["expected_role"] or None) for i, row in TRUTH.items()}
    # asked about: the risky titles, and the CS Manager who leads eight CSMs
    asked = {
        truth[p["id"]] for p in data["people"] if p["ask"] is not None and p["match"] != "none"
    }
    assert asked == {"1003", "1017", "1023", "1025", "1039", "1040"}
    summary = data["summary"]
    assert (summary["people"], summary["open_seats"], summary["outside_cs"]) == (40, 2, 3)
    findings = data["findings"]
    assert not [f for f in findings if f["severity"] == "error"], findings  # no false errors
    kinds = {f["kind"] for f in findings}
    assert {"span-of-control", "open-seat", "risky-title", "outside-cs", "region-coverage"} <= kinds
    wide = {truth[f["subject"]] for f in findings if f["kind"] == "span-of-control"}
    assert wide == _wide_in_truth(catalog)
    assert "unmapped-title" not in kinds


def test_hr_export_knows_contractors_part_timers_and_dotted_lines(run: Run) -> None:
    data = _audit(run, HR / "workday.csv", *HR_FLAGS)
    summary = data["summary"]
    assert (summary["contractors"], summary["fte"]) == (1, 35.5)
    assert summary["roles"]["csm"]["fte"] == 11.5  # one CSM works half time
    kinds = {f["kind"] for f in data["findings"]}
    assert {"contractor", "dotted-line"} <= kinds
    regions = data["metrics"]["regions"]
    assert regions == {"NA": 22, "EMEA": 10, "APAC": 5}  # the three outside CS are in NA


def test_regions_compared_when_given(run: Run) -> None:
    data = _audit(run, HR / "generic.csv", *HR_FLAGS, "--regions", "na,emea,apac")
    messages = [f["message"] for f in data["findings"] if f["kind"] == "region-coverage"]
    assert any("APAC is under-covered" in m for m in messages), messages
    assert any("leads a team that serves 2 regions: EMEA (6) and APAC" in m for m in messages)


# -- csorg's own exports are healthy ----------------------------------------------------------

STRUCTURES = [
    ["--stage", "startup", "--touch", "low"],
    ["--stage", "startup", "--touch", "high"],
    ["--stage", "scaling", "--touch", "low", "--plg"],
    ["--stage", "scaling", "--touch", "high"],
    ["--stage", "enterprise", "--touch", "high"],
    ["--model", "functional-areas", "--stage", "enterprise", "--touch", "high"],
]
SIZES = [
    [],
    ["--customers", "400"],
    ["--customers", "3000", "--regions", "emea,amer"],
    ["--customers", "900", "--segment-by", "size", "--trait", "technical"],
]


def _request(flags: list[str]) -> Request:
    values: dict[str, Any] = {"seats": True}
    traits: list[str] = []
    i = 0
    while i < len(flags):
        flag = flags[i]
        if flag == "--plg":
            values["plg"] = True
        elif flag == "--no-optional":
            values["optional"] = False
        else:
            value = flags[i + 1]
            i += 1
            if flag in ("--customers", "--headcount"):
                values[flag[2:]] = int(value)
            elif flag in ("--regions", "--segments"):
                values[flag[2:]] = tuple(value.split(","))
            elif flag == "--trait":
                traits.append(value)
            else:
                values[flag[2:].replace("-", "_")] = value
        i += 1
    return Request(traits=tuple(traits), **values)


@pytest.mark.parametrize("size", SIZES, ids=[" ".join(s) or "unsized" for s in SIZES])
@pytest.mark.parametrize("structure", STRUCTURES, ids=[" ".join(s) for s in STRUCTURES])
def test_own_seat_export_is_healthy(
    run: Run, catalog: Catalog, tmp_path: Path, structure: list[str], size: list[str]
) -> None:
    flags = structure + size
    rec = recommend(catalog, _request(flags))
    path = _write(tmp_path, csv_text(rec, seats=True), "seats.csv")
    data = _audit(run, path, *flags)
    worrying = [f for f in data["findings"] if f["severity"] != "info"]
    assert worrying == [] if not rec.warnings else {f["kind"] for f in worrying} <= WARNED
    assert not {"unmapped-title", "risky-title", "close-match"} & {
        f["kind"] for f in data["findings"]
    }
    assert data["mapping"] == {s.id: s.role for s in rec.seats or ()}
    assert data["summary"]["seats"] == rec.total_seats == data["summary"]["recommended_seats"]
    assert data["changes"] == []  # nothing to change: the chart is the recommendation
    # the same chart by titles alone (no role column) reads the same
    rows = list(csv.DictReader(io.StringIO(csv_text(rec, seats=True))))
    bare = "id,title,reports_to\n" + "".join(
        f"{r['id']},{r['title']},{r['reports_to']}\n" for r in rows
    )
    titles = _audit(run, _write(tmp_path, bare, "titles.csv"), *flags)
    assert titles["mapping"] == data["mapping"]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    stage=st.sampled_from(["startup", "scaling", "enterprise"]),
    touch=st.sampled_from(["low", "high"]),
    plg=st.booleans(),
    customers=st.one_of(st.none(), st.integers(1, 8_000)),
    regions=st.sampled_from([(), ("emea", "amer"), ("emea", "amer", "apac")]),
    segment_by=st.sampled_from([None, "size"]),
    traits=st.sets(st.sampled_from(["technical", "complex", "services"])),
)
def test_any_own_export_audits_clean(
    catalog: Catalog,
    tmp_path: Path,
    stage: str,
    touch: str,
    plg: bool,
    customers: int | None,
    regions: tuple[str, ...],
    segment_by: str | None,
    traits: set[str],
) -> None:
    request = Request(
        stage=stage,
        touch=touch,
        plg=plg,
        customers=customers,
        regions=regions,
        segment_by=segment_by,
        traits=tuple(sorted(traits)),
        seats=True,
    )
    try:
        rec = recommend(catalog, request)
    except CsorgError:
        reject()  # inputs the engine itself refuses
    path = tmp_path / "seats.csv"
    path.write_text(csv_text(rec, seats=True), encoding="utf-8")
    result = audit(catalog, read_org(path), request)
    worrying = [f for f in result.findings if f.severity != "info"]
    if rec.warnings:
        assert {f.kind for f in worrying} <= WARNED  # what the recommendation warns of
    else:
        assert worrying == []
    assert result.seats == rec.total_seats


# -- the same chart, whatever the row order or the export's column names ---------------------


def _without_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_lines(v) for k, v in value.items() if k not in ("line", "reading")}
    if isinstance(value, list):
        return [_without_lines(v) for v in value]
    return value


def _rows(path: Path) -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    return rows[0], rows[1:]


def _csv(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *rows])
    return out.getvalue()


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    order=st.permutations(range(40)),
    layout=st.sampled_from(["bamboohr.csv", "hibob.csv", "rippling.csv"]),
)
def test_row_order_changes_nothing(
    catalog: Catalog, tmp_path: Path, order: list[int], layout: str
) -> None:
    header, rows = _rows(HR / layout)
    request = Request(stage="scaling", touch="high", customers=400, regions=("na", "emea", "apac"))
    first = audit(catalog, read_org(HR / layout, layout), request).as_json()
    path = _write(tmp_path, _csv(header, [rows[i] for i in order]), layout)
    shuffled = audit(catalog, read_org(path, layout), request).as_json()
    assert _without_lines(shuffled) == _without_lines(first)


# the same field as several exports name it
NAMES = {
    "id": ["id", "Employee ID", "EEID", "PersonID", "ID", "Personalnummer"],
    "name": ["name", "Full Name", "Display name", "Employee name", "Worker"],
    "title": ["title", "Job Title", "Business Title", "Position", "positionName"],
    "manager id": [
        "manager id",
        "Manager ID",
        "Supervisor EID",
        "SupervisorID",
        "Boss ID",
        "parentId",
        "pid",
    ],
    "department": ["department", "Department", "Division", "Supervisory Organization"],
    "location": ["location", "Location", "Office", "Site", "Work location"],
}


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(choice=st.fixed_dictionaries({k: st.sampled_from(v) for k, v in NAMES.items()}))
def test_column_names_of_another_export_change_nothing(
    catalog: Catalog, tmp_path: Path, choice: dict[str, str]
) -> None:
    header, rows = _rows(HR / "generic.csv")
    request = Request(stage="scaling", touch="high", customers=400)
    first = audit(catalog, read_org(HR / "generic.csv", "org.csv"), request).as_json()
    path = _write(tmp_path, _csv([choice[h] for h in header], rows), "renamed.csv")
    renamed = audit(catalog, read_org(path, "org.csv"), request).as_json()
    assert _without_lines(renamed) == _without_lines(first)


# -- the messy chart, and the healthy one ------------------------------------------------------


def test_healthy_chart_is_silent(run: Run) -> None:
    data = _audit(run, HEALTHY, *HEALTHY_FLAGS)
    assert data["findings"] == []
    assert data["summary"]["seats"] == data["summary"]["recommended_seats"]
    result = run("audit", str(HEALTHY), *HEALTHY_FLAGS, "--fail-on", "warning")
    assert result.exit_code == 0
    assert "No findings" in result.stdout


def test_messy_chart(run: Run) -> None:
    data = _audit(run, MESSY, *MESSY_FLAGS)
    found = _found(data)
    assert {
        ("reporting-line", "error", "e008"),  # a Director under a Team Lead
        ("reporting-line", "warning", "e004"),  # a CSM under the CEO although there are leads
        ("unmapped-title", "warning", "e036"),
        ("close-match", "info", "Custmer Success Manger"),
        ("risky-title", "info", "Customer Success Associate"),
        ("outside-cs", "info", "e003"),  # Head of Partnerships, under the CEO
    } <= found
    # eleven CSMs under one Team Lead: over the catalog's span
    assert ("span-of-control", "e006") in {(kind, subject) for kind, _, subject in found}
    severities = [f["severity"] for f in data["findings"]]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)


@pytest.mark.parametrize(
    ("threshold", "code"), [(None, 0), ("error", 1), ("warning", 1), ("ERROR", 1)]
)
def test_fail_on(run: Run, threshold: str | None, code: int) -> None:
    extra = ["--fail-on", threshold] if threshold else []
    result = run("audit", str(MESSY), *MESSY_FLAGS, *extra)
    assert result.exit_code == code
    assert "Findings: " in result.stdout  # the report is printed either way
    assert result.stderr == ""


# -- reports ---------------------------------------------------------------------------------


def test_text_report_ranks_findings_and_lists_changes(run: Run) -> None:
    out = run("audit", str(HR / "generic.csv"), *HR_FLAGS).stdout
    lines = out.splitlines()
    assert lines[1].startswith("Findings: ")
    findings = [line for line in lines if line[:2] in ("✗ ", "⚠ ", "ℹ ")]
    symbols = [line[0] for line in findings]
    assert symbols == sorted(symbols, key="✗⚠ℹ".index)
    assert "Pell Arkwright (1003) — CS Manager - Mid Market  [cs-team-lead ~]" in out
    assert "open seat (1019) — Customer Success Manager (EMEA)  [csm]" in out
    assert "Saffi Lindqvell (1010) — Customer Success Manager  [csm]" in out
    assert "\nWhat would change with the recommendation\n" in out
    assert "\nHow the file was read\n  columns: id=id, title=title" in out


def test_output_formats_are_deterministic(run: Run, tmp_path: Path) -> None:
    for output in ("tree", "json", "markdown", "table"):
        first = run("audit", str(HR / "hibob.csv"), *HR_FLAGS, "-f", output, env={"COLUMNS": "200"})
        second = run(
            "audit", str(HR / "hibob.csv"), *HR_FLAGS, "-f", output, env={"COLUMNS": "200"}
        )
        assert first.exit_code == 0, first.stderr
        assert first.stdout == second.stdout
    pages = []
    for n in (1, 2):
        page = tmp_path / f"audit{n}.html"
        assert (
            run("audit", str(HR / "hibob.csv"), *HR_FLAGS, "-f", "html", "-o", str(page)).exit_code
            == 0
        )
        pages.append(page.read_bytes())
    assert pages[0] == pages[1]


def test_json_contract(run: Run) -> None:
    data = _audit(run, HR / "charthop.csv", *HR_FLAGS)
    assert list(data) == [
        "findings",
        "mapping",
        "summary",
        "metrics",
        "changes",
        "titles",
        "reading",
        "people",
        "version",
    ]
    assert set(data["findings"][0]) == {
        "kind",
        "severity",
        "subject",
        "subject_type",
        "role",
        "line",
        "people",
        "message",
    }
    person = data["people"][0]
    assert {
        "id",
        "role",
        "match",
        "confidence",
        "rule",
        "ask",
        "vacant",
        "employment",
        "fte",
    } <= set(person)
    change = data["changes"][0]
    assert {"order", "action", "role", "count", "people", "open_seats", "from", "to", "why"} <= set(
        change
    )
    assert data["reading"]["columns"]["manager"] == "Manager (as Work Email)"


def test_markdown_memo(run: Run) -> None:
    out = run("audit", str(HR / "generic.csv"), *HR_FLAGS, "-f", "markdown").stdout
    assert out.startswith("# Org chart audit: ")
    for heading in (
        "## At a glance",
        "## Warnings",
        "## For information",
        "## What would change",
        "## How titles were read",
    ):
        assert heading in out


def test_output_to_a_file(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    result = run("audit", str(HR / "generic.csv"), *HR_FLAGS, "-f", "markdown", "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("# Org chart audit")
    assert f"csorg: wrote {target}" in result.stderr
    piped = run("audit", str(HR / "generic.csv"), *HR_FLAGS, "-f", "html", "-o", "-")
    assert piped.stdout.startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("flags", "words"),
    [
        (["-f", "html"], "--format html writes a page to open in a browser: give -o FILE"),
        (["-o", ""], "-o needs a file name"),
        (["--fail-on", "info"], "info"),
    ],
)
def test_usage_errors(run: Run, flags: list[str], words: str) -> None:
    result = run("audit", str(HR / "generic.csv"), *HR_FLAGS, *flags)
    assert result.exit_code == 2
    assert words in result.stderr


@pytest.mark.parametrize(
    ("flags", "words"),
    [
        (["--stage", "huge", "--touch", "low"], "not a known stage"),
        (["--stage", "startup"], "--touch"),
    ],
)
def test_usage_errors_come_before_the_file(run: Run, flags: list[str], words: str) -> None:
    result = run("audit", "no-such-file.csv", *flags)
    assert result.exit_code == 2
    assert words in result.stderr


def test_user_text_cannot_reach_the_terminal(run: Run, tmp_path: Path) -> None:
    text = "id,name,title,reports_to\nceo,\x1b[31mEvil,CEO,\nx,Bob,\x1b]0;pwn\x07Title,ceo\n"
    for output in ("tree", "markdown", "table"):
        result = run(
            "audit",
            str(_write(tmp_path, text)),
            "--stage",
            "startup",
            "--touch",
            "low",
            "-f",
            output,
        )
        assert result.exit_code == 0
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout


# -- title maps ------------------------------------------------------------------------------


def test_suggest_titles_starts_a_map_that_settles_the_questions(run: Run, tmp_path: Path) -> None:
    result = run("audit", str(HR / "generic.csv"), *HR_FLAGS, "--suggest-titles")
    assert result.exit_code == 0
    suggested = yaml.safe_load(result.stdout)["titles"]
    assert suggested["Account Manager"] is None  # outside CS here: sales
    assert "csm if it is CS" in result.stdout
    assert suggested["Chief Revenue Officer"] is None
    assert suggested["CS Manager - Mid Market"] == "cs-team-lead"
    # the team confirms every suggestion as it stands
    path = _write(tmp_path, yaml.safe_dump({"titles": suggested}), "map.yaml")
    data = _audit(run, HR / "generic.csv", *HR_FLAGS, "--titles", str(path))
    assert not [f for f in data["findings"] if f["kind"] in ("risky-title", "unmapped-title")]
    assert all(p["match"] == "map" for p in data["people"] if p["title"] in suggested)


# -- linear in people, whatever the shape --------------------------------------------------


def test_a_deep_chain_is_drawn_with_short_lines() -> None:
    items = [(str(i), str(i - 1) if i else None, f"person {i}") for i in range(5_000)]
    lines = tree_lines(items)
    assert len(lines) == 5_000
    assert max(len(line) for line in lines) <= 4 * MAX_DEPTH + 30
    assert lines[-1].endswith(f"─ {4_999}: person 4999")


def test_a_deep_chain_audits_in_every_format(run: Run, tmp_path: Path) -> None:
    rows = "".join(
        f"p{i},P{i},Customer Success Manager,{f'p{i - 1}' if i else ''}\n" for i in range(3_000)
    )
    path = _write(tmp_path, "id,name,title,manager\n" + rows)
    for output in ("tree", "json", "markdown", "table"):
        result = run("audit", str(path), "--stage", "startup", "--touch", "low", "-f", output)
        assert result.exit_code == 0, result.stderr
        if output != "json":  # JSON keeps each finding on one line, with all its people
            assert max(len(line) for line in result.stdout.splitlines()) < 1_000
    page = tmp_path / "chain.html"
    assert (
        run(
            "audit",
            str(path),
            "--stage",
            "startup",
            "--touch",
            "low",
            "-f",
            "html",
            "-o",
            str(page),
        ).exit_code
        == 0
    )
    assert page.stat().st_size < 5_000_000


def test_json_is_one_document(run: Run) -> None:
    result = run("audit", str(HR / "yed.graphml"), *HR_FLAGS, "-f", "json")
    assert json.loads(result.stdout)["summary"]["people"] == 40
