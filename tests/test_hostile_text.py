"""Text that could deceive a reader never reaches a terminal or an export raw.

Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) can make a title read
backwards; zero-width characters (U+200B–U+200D, U+2060, U+FEFF) make two different titles look
the same; C0 and C1 controls (U+009B, the one-byte CSI, among them) drive the terminal. A
catalog and an org chart full of them go through every command and every export format; each
must show them as visible escapes (``\\u202e``), while JSON on standard output keeps the data
exact through JSON's own ``\\u`` escapes. Ordinary text comes out unchanged.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from csorg.text import UNSAFE, _json_escape, clean, json_safe, one_line

REPO = Path(__file__).resolve().parents[1]

RLO, PDF, LRI, PDI, RLM = "\u202e", "\u202c", "\u2066", "\u2069", "\u200f"
TITLES = {  # roles the scaling, high-touch org of 400 accounts has
    "vp-cs": f"VP of CS {RLO}fdp.exe{PDF}",  # reads "VP of CS exe.pdf"
    "csm": "Customer\u200bSuccess\u200cManager\u200d\u2060\ufeff",
    "cs-team-lead": f"Team Lead {LRI}admin{PDI}{RLM} \u061c",
    "support-rep": "Support \x9b31mRep\x1b[0m\x07",
    "cs-engineer": "Engineer\u00ad \U000e0041\U000e0042",  # soft hyphen, tag characters
    "cs-ops": "Ops\u2028second line\u2029\x85third",
}
MODEL = f"Scaling {RLO}hgih{PDF} touch"
AREA = f"CS {LRI}management{PDI}"
FLAGS = ["--stage", "scaling", "--touch", "high", "--customers", "400"]


@pytest.fixture(scope="module")
def deceptive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A catalog layered over the shipped one whose titles and names carry the characters."""
    folder = tmp_path_factory.mktemp("deceptive-catalog")
    roles = yaml.safe_load((REPO / "data" / "roles.yaml").read_text(encoding="utf-8"))
    changed = [{**r, "title": TITLES[r["id"]]} for r in roles["roles"] if r["id"] in TITLES]
    changed[0]["summary"] = f"Owns the {RLO}remotsuc{PDF} relationship"
    area = next(a for a in roles["areas"] if a["id"] == "cs-management")
    models = yaml.safe_load((REPO / "data" / "business_models.yaml").read_text(encoding="utf-8"))
    model = next(m for m in models["models"] if m["id"] == "scaling-high-touch")
    (folder / "roles.yaml").write_text(
        yaml.safe_dump(
            {"version": 1, "areas": [{**area, "name": AREA}], "roles": changed},
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    (folder / "business_models.yaml").write_text(
        yaml.safe_dump({"version": 1, "models": [{**model, "name": MODEL}]}, allow_unicode=True),
        encoding="utf-8",
    )
    return folder


@pytest.fixture(scope="module")
def org_chart(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("deceptive-org") / "org.csv"
    rows = [
        ("ceo", "CEO", "", "Ada"),
        ("vp", TITLES["vp-cs"], "ceo", f"Bob {RLO}ecila{PDF}"),
        ("m1", TITLES["csm"], "vp", "Cy\u200b"),
        ("m2", f"Account {LRI}Manager{PDI}", "vp", "Dee\x9b2J"),
    ]
    path.write_text(
        "id,title,reports_to,name\n" + "".join(",".join(r) + "\n" for r in rows),
        encoding="utf-8",
    )
    return path


def unsafe_in(text: str) -> list[str]:
    """The deceiving characters in ``text`` (tab and newline are layout, not deception)."""
    return sorted({f"U+{ord(c):04X}" for c in UNSAFE.findall(text)})


def assert_safe(result: object) -> str:
    stdout, stderr = result.stdout, result.stderr  # type: ignore[attr-defined]
    assert result.exit_code in (0, 1), stderr  # type: ignore[attr-defined]
    assert unsafe_in(stdout) == [] and unsafe_in(stderr) == []
    return str(stdout)


# command -> the arguments after `--catalog DIR`
COMMANDS: dict[str, list[str]] = {
    **{f"recommend {f}": ["recommend", *FLAGS, "-f", f] for f in ("tree", "table", "markdown")},
    "recommend --seats": ["recommend", *FLAGS, "--seats"],
    "recommend --seats table": ["recommend", *FLAGS, "--seats", "-f", "table"],
    **{
        f"plan {f}": ["plan", "--from", "startup/high", "--to", "scaling/high", "-f", f]
        for f in ("tree", "table", "markdown", "json")
    },
    "models": ["models"],
    "roles": ["roles"],
    "explain": ["explain", "csm"],
    "explain a reversed title": ["explain", "vp-cs"],
    "figures": ["figures"],
    "figures markdown": ["figures", "-f", "markdown"],
}


@pytest.mark.parametrize("command", list(COMMANDS))
def test_terminal_output_shows_escapes(command: str, run: Callable, deceptive: Path) -> None:
    text = assert_safe(run("--catalog", str(deceptive), *COMMANDS[command]))
    assert "\\u200b" in text or "\\u202e" in text or "\\u2066" in text, "nothing was escaped"


@pytest.mark.parametrize("fmt", ["tree", "table", "markdown", "json"])
def test_audit_output_shows_escapes(
    fmt: str, run: Callable, deceptive: Path, org_chart: Path
) -> None:
    result = run("--catalog", str(deceptive), "audit", str(org_chart), *FLAGS, "-f", fmt)
    text = assert_safe(result)
    if fmt == "json":
        data = json.loads(text)
        assert f"Bob {RLO}ecila{PDF}" in json.dumps(data, ensure_ascii=False)  # exact data
    else:
        assert "\\u202e" in text


@pytest.mark.parametrize("fmt", ["json"])
def test_json_on_stdout_keeps_the_exact_text(fmt: str, run: Callable, deceptive: Path) -> None:
    text = assert_safe(run("--catalog", str(deceptive), "recommend", *FLAGS, "-f", fmt))
    assert "\\u202e" in text and "\\u200b" in text  # JSON's own escapes
    data = json.loads(text)
    titles = {role["id"]: role["title"] for role in data["roles"]}
    assert titles["vp-cs"] == TITLES["vp-cs"]
    assert titles["csm"] == TITLES["csm"]
    assert data["model"]["name"] == MODEL


EXPORTS = ["dot", "mermaid", "graphml", "json", "csv", "svg", "html"]


@pytest.mark.parametrize("seats", [False, True], ids=["roles", "seats"])
@pytest.mark.parametrize("fmt", EXPORTS)
def test_every_export_format_shows_escapes(
    fmt: str, seats: bool, run: Callable, deceptive: Path
) -> None:
    more = ["--seats"] if seats else []
    result = run("--catalog", str(deceptive), "export", *FLAGS, *more, "-f", fmt, "-o", "-")
    assert result.exit_code == 0, result.stderr
    text = assert_safe(result)
    backslash = {"mermaid": "#92;", "json": "\\\\"}.get(fmt, "\\")  # as each format writes it
    for escape in ("u202e", "u200b", "x9b"):
        assert backslash + escape in text, escape


def test_a_written_export_file_is_safe(run: Callable, deceptive: Path, tmp_path: Path) -> None:
    for fmt in EXPORTS:
        target = tmp_path / f"org.{fmt}"
        result = run("--catalog", str(deceptive), "export", *FLAGS, "-f", fmt, "-o", str(target))
        assert result.exit_code == 0, result.stderr
        assert unsafe_in(target.read_text(encoding="utf-8")) == [], fmt


def test_validate_problems_are_escaped(run: Callable, tmp_path: Path) -> None:
    (tmp_path / "roles.yaml").write_text(
        f"version: 1\nroles:\n  - id: csm\n    ti{RLO}tle: x\n    reports_to: c\u200beo\n",
        encoding="utf-8",
    )
    for fmt in ("text", "json", "github"):
        result = run("validate", "--format", fmt, str(tmp_path))
        assert result.exit_code == 1
        text = assert_safe(result)
        assert "\\u202e" in text


ARGUMENTS: dict[str, list[str]] = {
    "unknown role": ["explain", f"cs{RLO}m"],
    "unknown stage": ["recommend", "--stage", f"seed{RLO}", "--touch", "high"],
    "bad choice": ["recommend", "--format", f"js{LRI}on"],
    "unknown command": ["recommend\u200b"],
    "unknown option": ["recommend", "--stage\x9b2J"],
    "missing file": ["audit", f"org{RLO}.csv", *FLAGS],
    "output file": ["export", *FLAGS, "-o", f"org{RLO}.txt"],
}


@pytest.mark.parametrize("case", list(ARGUMENTS))
def test_deceptive_arguments_are_escaped_in_errors(case: str, run: Callable) -> None:
    result = run(*ARGUMENTS[case])
    assert result.exit_code in (1, 2)
    assert result.stderr.startswith("csorg: error: ")
    assert unsafe_in(result.stderr) == [] and unsafe_in(result.stdout) == []


ORDINARY = [
    "Customer Success Manager",
    "Directrice de la réussite client (Île-de-France)",
    "Kundenerfolgsmanagerin · Größe „M“",
    "客户成功经理 / カスタマーサクセス",
    "מנהל הצלחת לקוחות",  # Hebrew letters: right to left by themselves, no control
    "مدير نجاح العملاء",
    "CS Lead 🚀 ★ — 50% «quoted» ‘x’",
    "tab\tand\nnewline",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_text_is_unchanged(text: str) -> None:
    assert clean(text) == text
    assert one_line(text) == " ".join(text.split())


def test_unsafe_covers_every_control_and_format_character() -> None:
    """The spelt-out class matches unicodedata: every Cc (but tab and newline), Cf, Zl, Zp."""
    missing = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) in ("Cc", "Cf", "Zl", "Zp")
        and chr(code) not in "\t\n"
        and not UNSAFE.fullmatch(chr(code))
    ]
    assert missing == []
    assert not UNSAFE.match("\t") and not UNSAFE.match("\n")


@pytest.mark.parametrize(
    ("char", "shown"),
    [("\x1b", "\\x1b"), ("\x9b", "\\x9b"), (RLO, "\\u202e"), ("\U000e0041", "\\U000e0041")],
)
def test_escapes_are_visible_and_unambiguous(char: str, shown: str) -> None:
    assert clean(f"a{char}b") == f"a{shown}b"


@given(st.recursive(st.text() | st.integers(), lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(), inner, max_size=4), max_leaves=12))  # fmt: skip
def test_json_escaping_reads_back_and_shows_nothing_raw(value: object) -> None:
    """The ASCII shortcut and the full pass agree on anything json.dumps writes."""
    text = json.dumps(value, indent=2, ensure_ascii=False)
    safe = json_safe(text)
    assert json.loads(safe) == value
    assert not UNSAFE.search(safe)
    assert safe == UNSAFE.sub(_json_escape, text)
