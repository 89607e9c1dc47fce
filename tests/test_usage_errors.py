"""One error style: every usage error, whether typer or csorg finds it, is

    csorg: error: <what is wrong, with the valid choices where there are some>
    See 'csorg SUBCOMMAND --help'.

and exit 2. typer's boxed panels stay in ``--help``."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable

import pytest

COMMANDS = "recommend, models, roles, explain, figures, plan, audit, validate, schema, export"
START = ["--stage", "startup", "--touch", "high"]
BOX = set("╭╮╰╯│─")

# command line -> (the command its help is for, words the message must hold)
CASES: dict[str, tuple[list[str], str, list[str]]] = {
    "bad --format choice": (
        ["recommend", "--format", "xml"],
        "recommend",
        ["--format", "'xml'", "tree", "table", "json", "markdown"],
    ),
    "bad --touch choice": (["recommend", "--touch", "medium"], "recommend", ["low", "high"]),
    "choice option without its value": (
        ["recommend", "--touch"],
        "recommend",
        ["--touch needs a value", "low", "high"],
    ),
    "option without its value": (["plan", "--from"], "plan", ["--from needs a value"]),
    "global option without its value": (["--catalog"], "", ["--catalog needs a value"]),
    "unknown option": (["recommend", "--bogus"], "recommend", ["unknown option --bogus"]),
    "misspelt option": (["recommend", "--formt", "json"], "recommend", ["did you mean --format"]),
    "misspelt target option": (
        ["plan", "--to-bogus", "x"],
        "plan",
        ["unknown option --to-bogus", "--to-model"],
    ),
    "not a number": (["recommend", "--customers", "abc"], "recommend", ["--customers", "'abc'"]),
    "a negative count": (["recommend", "--customers", "-1"], "recommend", ["--customers"]),
    "unknown stage (csorg's check)": (
        ["recommend", "--stage", "seed", "--touch", "high"],
        "recommend",
        ["'seed'", "startup", "scaling", "enterprise"],
    ),
    "extra argument": (["recommend", "extra"], "recommend", ["extra"]),
    "unknown command": (["bogus"], "", ["unknown command 'bogus'", COMMANDS]),
    "misspelt command": (["recomend"], "", ["did you mean 'recommend'", COMMANDS]),
    "export format": (
        ["export", *START, "-f", "jpeg"],
        "export",
        ["svg", "html", "png", "pdf", "drawio", "dot", "mermaid", "graphml", "json", "csv"],
    ),
    "export file name without a format": (
        ["export", *START, "-o", "org.txt"],
        "export",
        ["'org.txt'", "svg, html, png, pdf, drawio, drawio-csv, dot, mermaid, graphml, json, csv"],
    ),
    "empty --output": (["export", *START, "-o", ""], "export", ["--output needs a file"]),
    "validate format": (["validate", "--format", "xml"], "validate", ["text", "json", "github"]),
    "missing path": (["validate", "/nonexistent/roles.yaml"], "validate", ["/nonexistent"]),
    "audit --fail-on": (
        ["audit", "org.csv", *START, "--fail-on", "never"],
        "audit",
        ["error", "warning"],
    ),
    "missing argument": (["explain"], "explain", ["missing argument ROLE"]),
    "missing org file": (["audit"], "audit", ["missing argument ORG_FILE"]),
    "plan without a company (csorg's check)": (
        ["plan"],
        "plan",
        ["--stage", "startup", "scaling", "enterprise"],
    ),
    "schema kind": (["schema", "bogus"], "schema", ["roles", "business-models"]),
    "models format": (["models", "-f", "csv"], "models", ["table", "json"]),
    "figures format": (["figures", "-f", "xml"], "figures", ["table", "json", "markdown"]),
    "--no-defaults alone": (["--no-defaults", "recommend", *START], "recommend", ["--catalog"]),
    "plan --from shape (csorg's check)": (
        ["plan", "--from", "startup", "--to", "scaling/high"],
        "plan",
        ["STAGE/TOUCH", "startup", "scaling", "enterprise", "low", "high"],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_usage_errors_have_one_style(case: str, run: Callable) -> None:
    args, command, words = CASES[case]
    result = run(*args)
    assert result.exit_code == 2, result.stderr
    first, see, *rest = result.stderr.split("\n")
    assert first.startswith("csorg: error: ")
    for word in words:
        assert word in first, (word, first)
    assert see == f"See 'csorg{' ' + command if command else ''} --help'."
    assert rest == [""]  # two lines, nothing more
    assert not BOX & set(result.stderr)
    assert result.stdout == ""


def test_the_console_script_reports_the_same_way() -> None:
    env = {k: v for k, v in os.environ.items() if k != "CSORG_CATALOG"}
    result = subprocess.run(
        [sys.executable, "-m", "csorg", "export", "--format", "jpeg"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == (
        "csorg: error: invalid value for --format: 'jpeg' is not one of 'svg', 'html', 'png', "
        "'pdf', 'drawio', 'drawio-csv', 'dot', 'mermaid', 'graphml', 'json', 'csv'\n"
        "See 'csorg export --help'.\n"
    )


@pytest.mark.parametrize("args", [["--help"], ["recommend", "--help"], ["plan", "-h"]])
def test_help_keeps_its_panels(args: list[str], run: Callable) -> None:
    result = run(*args)
    assert result.exit_code == 0
    assert "Usage: csorg" in result.stdout
    assert "╭─ Options" in result.stdout
    if args[0] == "recommend":
        assert "╭─ Structure" in result.stdout and "╭─ Sizing" in result.stdout


def test_no_arguments_shows_the_help(run: Callable) -> None:
    result = run()
    assert result.exit_code == 2
    assert "╭─ Commands" in result.stdout
    assert "Traceback" not in result.stderr


def test_valid_runs_are_untouched(run: Callable) -> None:
    result = run("recommend", *START)
    assert result.exit_code == 0 and result.stderr == ""
    assert run("--version").stdout.startswith("csorg ")
