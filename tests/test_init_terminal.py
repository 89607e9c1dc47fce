"""`csorg init` on a real (pseudo) terminal: the questions, answers checked as they are typed,
the profile written, Ctrl-C leaving nothing behind. Driven by pexpect through a pty."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest

from csorg.engine.inputs import Request
from csorg.profile.model import GrowthForecast
from csorg.profile.read import read_profile

pexpect: Any = pytest.importorskip(
    "pexpect", reason="pexpect drives the terminal tests: pip install '.[test]'"
)
if sys.platform == "win32":  # pragma: no cover
    pytest.skip("pexpect needs a POSIX pseudo-terminal", allow_module_level=True)

DOWN = "\x1b[B"
ENTER = "\r"
BACKSPACE = "\x7f"


def spawn(folder: Path, *args: str) -> Any:
    env = {
        **os.environ,
        # a pty has no terminal emulator to answer prompt_toolkit's cursor-position query
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "TERM": "xterm",
        "NO_COLOR": "1",
    }
    env.pop("CSORG_CATALOG", None)
    return pexpect.spawn(
        sys.executable,
        ["-m", "csorg", "init", *args],
        cwd=str(folder),
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(40, 140),
    )


def test_init_asks_checks_as_you_type_and_writes_the_profile(tmp_path: Path) -> None:
    child = spawn(tmp_path)
    child.expect("Which stage is the company at?")
    child.send(DOWN + ENTER)  # the second stage: scaling
    child.expect("How closely do customers need guiding?")
    child.send(ENTER)  # high touch
    child.expect("product-led")
    child.send("n")
    child.expect("How many customer accounts?")
    child.send("abc")
    child.expect("give a whole number from 0 to 10,000,000")  # refused while typing
    child.send(BACKSPACE * 3 + "800" + ENTER)
    child.expect("Which currency")
    child.send(DOWN + ENTER)  # EUR
    child.expect("Annual recurring revenue in EUR")
    child.send("12M" + ENTER)
    child.expect("Regions served")
    child.send("na,emea" + ENTER)
    child.expect("Split the accounts into tiers by size")
    child.send("y")
    child.expect("Accounts per tier")
    child.send("enterprise=x")
    child.expect("give names separated by commas")
    child.send(BACKSPACE + "40,mid-market=260,smb=500" + ENTER)
    child.expect("Is there a budget for the CS team?")
    child.send(DOWN + DOWN + ENTER)  # an amount a year
    child.expect("Budget a year in EUR")
    child.send("1.5M" + ENTER)
    child.expect("Add a growth forecast")
    child.send(ENTER)  # yes
    child.expect("Quarters to plan ahead?")
    child.send(ENTER)  # 8
    child.expect("Growth of the accounts per quarter?")
    child.send(ENTER)  # 10%
    child.expect("Growth of ARR per quarter?")
    child.send("15%" + ENTER)
    child.expect("wrote csorg.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    profile, problems = read_profile((tmp_path / "csorg.yaml").read_bytes(), "csorg.yaml")
    assert problems == [] and profile is not None
    assert profile.request == Request(
        stage="scaling",
        touch="high",
        plg=False,
        customers=800,
        arr=12e6,
        regions=("na", "emea"),
        segment_by="size",
        segments=("enterprise=40", "mid-market=260", "smb=500"),
        budget=1.5e6,
        currency="EUR",
    )
    assert profile.forecast == GrowthForecast(8, 10.0, 15.0)


def test_employees_instead_of_a_stage_and_no_forecast(tmp_path: Path) -> None:
    child = spawn(tmp_path, "--output", "acme.yaml")
    child.expect("Which stage is the company at?")
    child.send(DOWN * 3 + ENTER)  # not sure: from the number of employees
    child.expect("How many people work at the company?")
    child.send("0")
    child.expect("give a whole number from 1 to")
    child.send(BACKSPACE + "35" + ENTER)
    child.expect("guiding")
    child.send(DOWN + ENTER)  # low touch
    child.expect("product-led")
    child.send("y")
    for prompt in ("accounts", "currency", "recurring revenue", "Regions"):
        child.expect(prompt)
        child.send(ENTER)
    child.expect("tiers")
    child.send("n")
    child.expect("budget")
    child.send(DOWN + ENTER)  # a number of seats
    child.expect("How many CS seats?")
    child.send("4" + ENTER)
    child.expect("growth forecast")
    child.send("n")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    profile, _ = read_profile((tmp_path / "acme.yaml").read_bytes(), "acme.yaml")
    assert profile is not None
    assert profile.request == Request(
        employees=35, touch="low", plg=True, headcount=4, currency="USD"
    )
    assert profile.forecast is None


def test_ctrl_c_writes_nothing(tmp_path: Path) -> None:
    child = spawn(tmp_path)
    child.expect("Which stage is the company at?")
    child.send(ENTER)
    child.expect("guiding")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert list(tmp_path.iterdir()) == []


def test_an_existing_profile_is_refused_before_any_question(tmp_path: Path) -> None:
    (tmp_path / "csorg.yaml").write_text("stage: startup\n")
    child = spawn(tmp_path)
    child.expect("already exists; give --force")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    assert (tmp_path / "csorg.yaml").read_text() == "stage: startup\n"
