"""Reading org charts as HR systems and chart tools export them, and every bad file ending in
a clear error with its line: exit 1, no traceback."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from csorg.audit.orgfile import MAX_PEOPLE, OrgChart, read_org
from csorg.errors import CsorgError

HR = Path(__file__).parent / "fixtures" / "hr"
FLAGS = ["--stage", "startup", "--touch", "low"]
HEADER = "id,title,reports_to\n"
Run = Callable[..., Any]

# -- every layout reads the same org ---------------------------------------------------------

TRUTH = {row["id"]: row for row in csv.DictReader((HR / "expected-org.csv").open(encoding="utf-8"))}
NAMES = {i: row["name"] for i, row in TRUTH.items()}

# layout file -> what the layout can carry (see tests/fixtures/hr/README.md)
LAYOUTS: dict[str, set[str]] = {
    "generic.csv": set(),
    "generic-self-root.csv": set(),
    "bamboohr.csv": {"fte", "contractor"},
    "rippling.csv": {"fte", "contractor"},
    "lattice.csv": set(),
    "pingboard.csv": set(),
    "hibob.csv": {"fte", "contractor"},
    "workday.csv": {"fte", "contractor", "dotted"},
    "charthop.csv": {"fte", "contractor", "dotted"},
    "orgchartnow.csv": {"fte", "contractor", "dotted"},
    "organimi.csv": {"dotted"},
    "drawio.csv": {"dotted"},
    "d3-org-chart.json": {"contractor", "dotted"},
    "balkan-orgchart.json": {"contractor", "dotted"},
    "balkan-orgchart.csv": {"contractor"},
    "yed.graphml": {"fte", "contractor", "dotted"},
    "excel-utf8-bom-semicolon.csv": {"fte"},
    "excel-cp1252.csv": set(),
}


def _by_name(chart: OrgChart) -> dict[str, str]:
    """Person id in the file -> the ground truth's id (open seats by manager and title)."""
    truth_of: dict[str, str] = {}
    names = {row["name"]: i for i, row in TRUTH.items() if row["name"]}
    for person in chart.people:
        if not person.vacant:
            assert person.name in names, person
            truth_of[person.id] = names[person.name]
    for person in chart.people:
        if person.vacant:
            boss = truth_of[person.reports_to or ""]
            found = [
                i for i, r in TRUTH.items() if r["vacancy"] == "yes" and r["manager_id"] == boss
            ]
            assert len(found) == 1, person
            truth_of[person.id] = found[0]
    return truth_of


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_every_layout_reads_the_same_org(layout: str) -> None:
    chart = read_org(HR / layout)
    carries = LAYOUTS[layout]
    assert len(chart.people) == 40
    truth = _by_name(chart)
    assert truth[chart.root] == "1001"
    for person in chart.people:
        expected = TRUTH[truth[person.id]]
        manager = truth[person.reports_to] if person.reports_to else ""
        assert manager == expected["manager_id"], (layout, person)
        assert person.vacant == (expected["vacancy"] == "yes"), (layout, person)
        if "contractor" in carries:
            assert (person.employment == "contractor") == (expected["employment"] == "Contractor")
        if "fte" in carries and not person.vacant:
            assert person.fte == float(expected["fte"]), (layout, person)
        if "dotted" in carries:
            dotted = [truth[d] for d in person.dotted]
            assert dotted == (
                [expected["dotted_manager_id"]] if expected["dotted_manager_id"] else []
            )
    direct = {truth[m]: len(r) for m, r in chart.reports.items()}
    assert direct == {
        "1002": 9,
        "1003": 8,
        "1012": 7,
        "1024": 5,
        "1025": 5,
        "1001": 3,
        "1020": 1,
        "1038": 1,
    }
    filled = [p for p in chart.people if not p.vacant]
    if "fte" in carries:
        assert sum(p.fte for p in filled) == 37.5


def test_d3_chart_reads_its_connections_file_beside_it(tmp_path: Path) -> None:
    shutil.copy(HR / "d3-org-chart.json", tmp_path / "org.json")
    alone = read_org(tmp_path / "org.json")
    assert not any(p.dotted for p in alone.people)
    shutil.copy(HR / "d3-org-chart.connections.json", tmp_path / "org.connections.json")
    chart = read_org(tmp_path / "org.json")
    assert {p.id: p.dotted for p in chart.people if p.dotted} == {
        "1021": ("1002",),
        "1022": ("1024",),
    }
    assert "dotted lines read from org.connections.json beside it" in chart.notes


@pytest.mark.parametrize(
    ("layout", "manager", "key"),
    [
        ("bamboohr.csv", "Supervisor EID", "EEID"),  # two id columns: the values decide
        ("hibob.csv", "Reports to", "Display name"),  # names, not ids
        ("workday.csv", "Manager", "Worker"),
        ("rippling.csv", "Manager - Work email", "Work email"),
        ("drawio.csv", "manager", "name"),
    ],
)
def test_the_values_decide_what_the_manager_column_points_at(
    layout: str, manager: str, key: str
) -> None:
    assert read_org(HR / layout).columns["manager"] == f"{manager} (as {key})"


def test_excel_files() -> None:
    cp1252 = read_org(HR / "excel-cp1252.csv")
    assert "Noémie Faucheret" in {p.name for p in cp1252.people}
    assert cp1252.notes[0].startswith("not UTF-8 (byte 0xe9 on line 17): read as Windows-1252")
    semicolons = read_org(HR / "excel-utf8-bom-semicolon.csv")
    assert semicolons.by_id["1010"].fte == 0.5  # "0,5"
    assert semicolons.columns["id"] == "Personalnummer"


def test_utf16_with_a_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"  # Excel's "Unicode Text": UTF-16, tab separated
    path.write_text("id\tname\ttitle\tmanager\n1\tAnn\tCEO\t\n2\tBo\tCSM\t1\n", encoding="utf-16")
    chart = read_org(path)
    assert chart.by_id["2"].reports_to == "1"
    assert chart.notes == ["read as UTF-16 (byte-order mark)"]


# -- detection that cannot decide: a clear error, and --columns -------------------------------


def test_generic_headers_ask_for_columns(run: Run) -> None:
    result = run("audit", str(HR / "ambiguous-generic-headers.csv"), *FLAGS)
    assert result.exit_code == 1
    assert "cannot tell which column holds the title and the manager" in result.stderr
    assert "the header has: Column1, Column2, Column3, Column4, Column5" in result.stderr
    suggested = "--columns 'id=Column1,name=Column2,title=Column3,manager=Column4'"
    assert suggested in result.stderr
    fixed = run(
        "audit",
        str(HR / "ambiguous-generic-headers.csv"),
        *FLAGS,
        "--columns",
        "id=Column1,name=Column2,title=Column3,manager=Column4",
        "--format",
        "json",
    )
    assert fixed.exit_code == 0, fixed.stderr
    assert fixed.json()["summary"]["people"] == 40


def test_a_file_without_a_header(run: Run) -> None:
    path = str(HR / "ambiguous-no-header.csv")
    result = run("audit", path, *FLAGS)
    assert result.exit_code == 1
    assert "--columns 'id=1,name=2,title=3,manager=4'" in result.stderr
    assert "the first line is then read as a person" in result.stderr
    fixed = run("audit", path, *FLAGS, "--columns", "id=1,name=2,title=3,manager=4", "-f", "json")
    assert fixed.exit_code == 0, fixed.stderr
    data = fixed.json()
    assert data["summary"]["people"] == 40 and data["summary"]["root"] == "1001"


def test_two_manager_columns_that_disagree(run: Run) -> None:
    path = str(HR / "ambiguous-two-manager-columns.csv")
    result = run("audit", path, *FLAGS)
    assert result.exit_code == 1
    assert (
        f"{path}:5: two columns could be the manager, 'Manager' and 'Supervisor', and they "
        "disagree on 2 rows (lines 5, 14); say which is the current line with --columns "
        "'manager=Supervisor'"
    ) in result.stderr
    fixed = run("audit", path, *FLAGS, "--columns", "manager=Supervisor", "-f", "json")
    assert fixed.exit_code == 0
    people = {p["id"]: p for p in fixed.json()["people"]}
    assert people["1004"]["reports_to"] == "1003"


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("boss", "write FIELD=COLUMN"),
        ("boss=Manager", "'boss' is not a field; choose from: id, name"),
        ("manager=Nope", "has no such column; its columns: id, name, title, manager id"),
        ("manager=9", "manager=9, but the file has 6 columns"),
        ("id=id,id=name", "id is given twice"),
    ],
)
def test_bad_columns_flag_is_a_usage_error(run: Run, value: str, words: str) -> None:
    result = run("audit", str(HR / "generic.csv"), *FLAGS, "--columns", value)
    assert result.exit_code == 2
    assert words in result.stderr


def test_a_name_two_people_share(tmp_path: Path) -> None:
    path = tmp_path / "names.csv"
    path.write_text(
        "name,title,manager\nAnn Lee,CEO,\nBo Park,VP of CS,Ann Lee\nBo Park,CSM,Ann Lee\n"
        "Cy Diaz,CSM,Bo Park\n",
        encoding="utf-8",
    )
    with pytest.raises(CsorgError) as caught:
        read_org(path)
    assert f"{path}:5: manager: 'bo park' names 2 people (lines 3, 4)" in caught.value.render()


@pytest.mark.parametrize("top", ["", "-1", "0", "1"])
def test_the_top_reports_to_no_one_or_itself(tmp_path: Path, top: str) -> None:
    path = tmp_path / "top.csv"
    path.write_text(f"PersonID,SupervisorID,Name,Title\n1,{top},Ann,CEO\n2,1,Bo,CSM\n")
    assert read_org(path).root == "1"


# -- other formats ---------------------------------------------------------------------------


def test_graphml_edges_from_report_to_manager(tmp_path: Path) -> None:
    path = tmp_path / "up.graphml"
    path.write_text(
        '<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
        '<key id="n" for="node" attr.name="Name" attr.type="string"/>'
        '<key id="t" for="node" attr.name="Title" attr.type="string"/>'
        '<graph edgedefault="directed">'
        '<node id="a"><data key="n">Ann</data><data key="t">CEO</data></node>'
        '<node id="b"><data key="n">Bo</data><data key="t">CSM</data></node>'
        '<node id="c"><data key="n">Cy</data><data key="t">CSM</data></node>'
        '<edge source="b" target="a"/><edge source="c" target="a"/></graph></graphml>'
    )
    chart = read_org(path)
    assert chart.root == "a" and chart.reports["a"] == ["b", "c"]
    assert "edges run from each report to its manager" in chart.notes


def test_graphml_label_gives_name_and_title(tmp_path: Path) -> None:
    path = tmp_path / "labels.graphml"
    path.write_text(
        '<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:y="http://www.yworks.com/xml/graphml">'
        '<key for="node" id="d0" yfiles.type="nodegraphics"/><graph edgedefault="directed">'
        '<node id="a"><data key="d0"><y:ShapeNode><y:NodeLabel>Ann Lee\nCEO</y:NodeLabel>'
        "</y:ShapeNode></data></node>"
        '<node id="b"><data key="d0"><y:ShapeNode><y:NodeLabel>Bo Park\nSenior CSM</y:NodeLabel>'
        '</y:ShapeNode></data></node><edge source="a" target="b"/></graph></graphml>'
    )
    chart = read_org(path)
    assert (chart.by_id["b"].name, chart.by_id["b"].title) == ("Bo Park", "Senior CSM")


# -- bad files -------------------------------------------------------------------------------

# (file name, contents, text the error must contain -- file name and line included)
BAD_FILES: list[tuple[str, bytes, list[str]]] = [
    (
        "cycle.csv",
        b"id,title,reports_to\na,CEO,\nb,CS Lead,c\nc,CSM,d\nd,CSM,b\n",
        ["cycle.csv:3: manager: reporting cycle: b → c → d → b (lines 3, 4, 5)"],
    ),
    (
        "no-root.csv",
        b"id,title,reports_to\na,CEO,b\nb,CS Lead,a\n",
        ["no-root.csv:2: manager: reporting cycle: a → b → a"],
    ),
    (
        "unknown.csv",
        b"id,title,reports_to\nceo,CEO,\nb,CS Lead,ceo\nc,CSM,b\nd,CSM,zz\n",
        [
            "unknown.csv:5: manager: 'zz' names no one in the file (values of 'reports_to' are "
            "read as id)",
        ],
    ),
    (
        "unresolved.csv",
        b"id,title,manager\na,CEO,\nb,CS Lead,x\nc,CSM,y\n",
        [
            "unresolved.csv:1: the values of 'manager' name no row of the file (e.g. 'x', 'y')",
            "columns tried as the key the manager values point at: id",
        ],
    ),
    (
        "columns.csv",
        b"id,name,boss_name\na,Ann,\n",
        [
            "columns.csv:1: cannot tell which column holds the title and the manager; the header "
            "has: id, name, boss_name",
            "recognised: id=id, name=name",
        ],
    ),
    (
        "nokey.csv",
        b"title,reports_to\nCEO,\nCSM,CEO\n",
        [
            "nokey.csv:1: cannot tell which column holds the id (or name); the header has: "
            "title, reports_to",
            "recognised: title=title, manager=reports_to",
        ],
    ),
    (
        "duplicate.csv",
        b"id,title,reports_to\na,CEO,\nb,CS Lead,a\nb,CSM,a\n",
        ["duplicate.csv:4: id: 'b' is used twice (first on line 3)"],
    ),
    (
        "roots.csv",
        b"id,title,reports_to\na,CEO,\nb,CS Lead,a\nc,CSM,\n",
        ["roots.csv:4: manager: 2 people report to no one: 'a' (line 2), 'c' (line 4)"],
    ),
    ("empty.csv", b"", ["empty.csv: file is empty"]),
    ("blank.csv", b"\n \n\t\n", ["blank.csv: file is empty"]),
    ("header.csv", b"id,title,reports_to\n\n", ["header.csv:1: the values of 'reports_to'"]),
    (
        "mixed.csv",
        "id,title,reports_to\na,Directrice Générale,\n".encode() + b"b,Succ\xe8s,a\n",
        ["mixed.csv:3: byte 0xe8 is not UTF-8, although earlier lines are"],
    ),
    ("binary.csv", b"id,title,reports_to\n\x00\x01\x02", ["binary.csv:2: file holds NUL bytes"]),
    (
        "fields.csv",
        b"id,title,reports_to\na,CEO,\nb,CS Lead, Americas,a\n",
        ["fields.csv:3: 4 fields but the header has 3 (quote a value that contains the separator)"],
    ),
    ("quote.csv", b'id,title,reports_to\na,CEO,\nb,"CS Lead,a\n', ["quote.csv:3: not valid CSV"]),
    (
        "values.csv",
        b"id,title,reports_to,count,fte\na,CEO,,,1\nb,CS Lead,a,many,1\n,CSM,b,,1\nd,,b,0,1\n"
        b"e,CSM,b,,lots\n",
        [
            "values.csv: 5 problems",
            "values.csv:3: count: 'many' is not a whole number from 1 to 100,000",
            "values.csv:4: id: is empty",
            "values.csv:5: title: is empty",
            "values.csv:6: fte: 'lots' is not an FTE",
        ],
    ),
    (
        "people.yaml",
        b"people:\n"
        b"  - {id: a, title: CEO, reports_to: null}\n"
        b"  - {id: no, title: CSM, reports_to: a}\n"
        b"  - just text\n",
        [
            "people.yaml: 2 problems",
            "people.yaml:3: id: must be text, not bool (quote values such as `no` or `yes`)",
            "people.yaml:4: each person must be a mapping",
        ],
    ),
    ("syntax.yaml", b"people: [\n", ["syntax.yaml:2:1: YAML syntax error"]),
    ("both.yml", b"people: []\nseats: []\n", ["both.yml:1: expected a list of people"]),
    ("scalar.yaml", b"people: 3\n", ["scalar.yaml:1: `people` must be a list of people"]),
    ("none.yaml", b"people: []\n", ["none.yaml:1: no people in the file"]),
    (
        "dupkey.yaml",
        b"- {id: a, id: b, title: CEO, reports_to: }\n",
        ["dupkey.yaml:1:", "duplicate key"],
    ),
    ("tags.yaml", b"- !!python/object:os.system {id: a}\n", ["tags.yaml:1:"]),
    (
        "yaml-cycle.yaml",
        b"- {id: a, title: CEO, reports_to: b}\n- {id: b, title: CS Lead, reports_to: a}\n",
        ["yaml-cycle.yaml:1: manager: reporting cycle: a → b → a (lines 1, 2)"],
    ),
    (
        "broken.json",
        b'[\n  {"id": 1, "parentId": null},\n  {"id": 2,\n',
        ["broken.json:4: not valid JSON"],
    ),
    ("nodes.json", b'{"nodes": [1, 2]}', ["nodes.json:1: each node must be an object"]),
    ("deep.json", b"[" * 100_000, ["deep.json:1: not valid JSON"]),
    (
        "two-bosses.graphml",
        b'<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
        b'<key id="t" for="node" attr.name="title" attr.type="string"/>'
        b'<graph edgedefault="directed">\n<node id="a"><data key="t">CEO</data></node>\n'
        b'<node id="b"><data key="t">VP</data></node>\n'
        b'<node id="c"><data key="t">CSM</data></node>\n'
        b'<node id="d"><data key="t">CSM</data></node>\n'
        b'<edge source="a" target="b"/><edge source="a" target="c"/><edge source="b" target="d"/>'
        b'<edge source="c" target="d"/></graph></graphml>',
        ["two-bosses.graphml:5: manager: 2 managers; a person has one"],
    ),
    ("bad.graphml", b"<graphml><graph>\n<node id='a'>\n</graph>", ["bad.graphml:3: not valid XML"]),
]


@pytest.mark.parametrize(
    ("name", "content", "expected"), BAD_FILES, ids=[n for n, _, _ in BAD_FILES]
)
def test_bad_org_file(
    run: Run, tmp_path: Path, name: str, content: bytes, expected: list[str]
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = run("audit", str(path), *FLAGS)
    assert result.exit_code == 1, result.stdout
    assert result.stdout == ""
    assert result.stderr.startswith(f"csorg: error: {path}"), result.stderr
    for text in expected:
        assert text.replace(name, str(path), 1) in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_file_not_there(run: Run, tmp_path: Path) -> None:
    result = run("audit", str(tmp_path / "nope.csv"), *FLAGS)
    assert result.exit_code == 1
    assert result.stderr == f"csorg: error: {tmp_path / 'nope.csv'}: file not found\n"


def test_a_directory(run: Run, tmp_path: Path) -> None:
    result = run("audit", str(tmp_path), *FLAGS)
    assert result.exit_code == 1
    assert "is a directory" in result.stderr


def test_too_many_people(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "crowd.csv"
    rows = "".join(f"p{i},CSM,p0\n" for i in range(1, MAX_PEOPLE + 1))
    path.write_text(HEADER + "p0,CEO,\n" + rows)
    result = run("audit", str(path), *FLAGS)
    assert result.exit_code == 1
    assert f"crowd.csv:{MAX_PEOPLE + 2}: more than {MAX_PEOPLE:,} people" in result.stderr


def test_many_problems_are_listed_up_to_a_limit(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "sloppy.csv"
    path.write_text(HEADER + "a,CEO,\n" + "".join(f"p{i},,a\n" for i in range(30)))
    result = run("audit", str(path), *FLAGS)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == f"csorg: error: {path}: 30 problems in the org chart (the first 20 below)"
    assert len(lines) == 21
    assert lines[1] == f"  {path}:3: title: is empty"


def test_bad_file_error_is_escaped(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "escape.csv"
    path.write_text(HEADER + "a,CEO,\nb,CSM,\x1b[2J\n")
    result = run("audit", str(path), *FLAGS)
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr and "\\x1b[2J" in result.stderr


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.binary(max_size=400)
    | st.text(
        alphabet=st.sampled_from([*'id,title,manager\n"\t;:|{}[]<>01ab-', "é"]), max_size=300
    ).map(lambda t: t.encode("utf-8")),
    suffix=st.sampled_from([".csv", ".json", ".graphml", ".yaml", ".txt"]),
)
def test_any_bytes_are_read_or_refused(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        chart = read_org(path)
    except CsorgError as error:
        assert error.render().startswith(str(path))
    else:
        assert chart.root in chart.by_id
