"""The README's pre-commit and GitHub Actions snippets work as written.

Each snippet is taken from the README (the block after its ``<!-- snippet: NAME -->`` marker),
its two placeholders replaced the way the README tells a user to: ``https://github.com/OWNER/
csorg`` by a clone of this repository and ``COMMIT_SHA`` by the clone's ``HEAD``. Then:

- pre-commit runs the hook on a project with a valid catalog (passes) and a broken one
  (fails, naming the file and line);
- the workflow step's commands run in a fresh virtual environment: pip installs csorg from the
  git URL at that commit, and ``csorg validate`` checks the catalogs (annotations under
  GitHub Actions).

Both install csorg's dependencies from ``$CSORG_WHEELHOUSE`` (a folder of wheels, made by
``pip wheel -w DIR . hatchling``) with the package index switched off, so no test needs the
network; without it, or without git or pre-commit, the tests skip and say why.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import venv
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
URL = "https://github.com/OWNER/csorg"
SHA = "COMMIT_SHA"
INSTALL_GUARD = 600  # seconds: a hook environment is built from wheels, offline


def snippet(name: str) -> str:
    match = re.search(rf"<!-- snippet: {name} -->\n```yaml\n(.*?)```", README, re.S)
    assert match, f"README.md has no `{name}` snippet"
    text = match.group(1)
    assert URL in text and SHA in text, "the snippet's placeholders changed; update this test"
    return text


def test_the_readme_pins_a_commit_not_a_tag_that_does_not_exist() -> None:
    for name in ("pre-commit", "github-actions"):
        text = snippet(name)
        assert not re.search(r"\bv\d+\.\d+", text), "csorg has no release tags to pin"
    tags = subprocess.run(["git", "-C", str(REPO), "tag"], capture_output=True, text=True)
    if tags.returncode == 0 and tags.stdout.strip():
        pytest.fail("the repository has tags now: the README's pinning advice should say so")


def _offline_env() -> dict[str, str]:
    wheels = os.environ.get("CSORG_WHEELHOUSE")
    if not wheels or not Path(wheels).is_dir():
        pytest.skip(
            "set $CSORG_WHEELHOUSE to a folder of wheels for csorg's dependencies "
            "(pip wheel -w DIR . hatchling) to install them without the network"
        )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "CSORG_"))}
    return env | {
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": wheels,
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "NO_COLOR": "1",
        "GITHUB_ACTIONS": "",
    }


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A clone of this repository and its HEAD commit."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if subprocess.run(["git", "-C", str(REPO), "rev-parse"], capture_output=True).returncode:
        pytest.skip("the tests do not run from a git checkout of csorg")
    target = tmp_path_factory.mktemp("csorg-clone") / "csorg"
    subprocess.run(["git", "clone", "--quiet", str(REPO), str(target)], check=True)
    head = subprocess.run(
        ["git", "-C", str(target), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    return target, head


def filled(text: str, clone: tuple[Path, str], url: str) -> str:
    return text.replace(URL, url).replace(SHA, clone[1])


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    """A user's repository with one valid catalog in catalogs/acme/."""
    root = tmp_path / "project"
    valid = REPO / "tests" / "catalogs" / "valid" / "extra-role"
    shutil.copytree(valid, root / "catalogs" / "acme")
    git(root, "init", "--quiet")
    yield root


def git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=csorg", "-c", "user.email=csorg@example.invalid", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


def break_catalog(root: Path) -> None:
    with (root / "catalogs" / "acme" / "roles.yaml").open("a", encoding="utf-8") as out:
        out.write("roles: [\n")


def test_pre_commit_snippet(clone: tuple[Path, str], project: Path, tmp_path: Path) -> None:
    env = _offline_env()
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        pytest.skip("pre-commit is not installed (pip install '.[test]' brings it)")
    config = filled(snippet("pre-commit"), clone, str(clone[0]))
    (project / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    git(project, "add", "-A")
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-home")

    def pre_commit_run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=INSTALL_GUARD,
            check=False,
        )

    passed = pre_commit_run()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert re.search(r"csorg validate\.+Passed", passed.stdout), passed.stdout
    break_catalog(project)
    failed = pre_commit_run()
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "catalogs/acme/roles.yaml:" in failed.stdout
    assert "Traceback" not in failed.stdout + failed.stderr


def test_github_actions_snippet(clone: tuple[Path, str], project: Path, tmp_path: Path) -> None:
    env = _offline_env()
    # file://localhost/...: the pip that venv bundles rejects a git+file URL with no host
    url = f"file://localhost{clone[0]}"
    step = yaml.safe_load(filled(snippet("github-actions"), clone, url))[0]
    environment = tmp_path / "runner-venv"
    venv.EnvBuilder(with_pip=True).create(environment)
    env["PATH"] = f"{environment / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["GITHUB_ACTIONS"] = "true"

    def run_step() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["bash", "-e", "-c", step["run"]],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=INSTALL_GUARD,
            check=False,
        )

    passed = run_step()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    installed = subprocess.run(
        [str(environment / "bin" / "csorg"), "--version"], capture_output=True, text=True
    )
    assert installed.stdout.startswith("csorg "), "csorg came from the runner's environment"
    break_catalog(project)
    failed = run_step()
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "::error file=catalogs/acme/roles.yaml,line=" in failed.stdout
