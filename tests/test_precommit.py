"""The real pre-commit runs okrlint's hook (``pre-commit try-repo``) on a temporary repository, offline.

try-repo installs okrlint from a clone of this checkout's HEAD commit into a fresh virtualenv
with ``pip install .``: what it tests is what is committed. To stay offline, the virtualenv
borrows the packages of the environment the tests run in (okrlint's dependencies and its build
backend, through ``PYTHONPATH`` and tests/envview.py), pip may not use an index and builds
without isolation, and virtualenv does not look for updates.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from envview import package_view
from git_helpers import GIT_ENV, commit, git, init_repo, write

REPO_ROOT = Path(__file__).resolve().parents[1]

CLEAN = """\
team: company
period: 2026-Q4
owner: ceo@example.com
objectives:
  - id: grow
    title: Grow revenue with our best customers
    key_results:
      - id: arr
        title: Raise ARR from 10 to 14 million EUR
        baseline: 10
        target: 14
        unit: M EUR
      - id: launch
        title: Launch the partner program in 2 regions
        milestone: true
"""
VAGUE = """\
team: sales
period: 2026-Q4
owner: head-of-sales@example.com
objectives:
  - id: close
    title: Close more of the deals we start
    key_results:
      - id: pipeline
        title: Improve the sales pipeline significantly
        baseline: 10
        target: 20
        unit: deals
"""


def _head_commit() -> str:
    if importlib.util.find_spec("pre_commit") is None:
        pytest.skip("pre-commit is not installed")
    if importlib.util.find_spec("hatchling") is None:
        pytest.skip("hatchling (okrlint's build backend) is not installed; try-repo cannot build offline")
    try:
        head = git(REPO_ROOT, "rev-parse", "--verify", "HEAD").strip()
        git(REPO_ROOT, "cat-file", "-e", f"{head}:.pre-commit-hooks.yaml")
    except subprocess.CalledProcessError:
        pytest.fail(f"{REPO_ROOT} has no committed .pre-commit-hooks.yaml")
    return head


@pytest.fixture(scope="module")
def okr_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = init_repo(tmp_path_factory.mktemp("precommit") / "okrs-repo")
    write(repo, "okrs/company.yaml", CLEAN)
    write(repo, "okrs/sales.yaml", VAGUE)
    write(repo, ".pre-commit-config.yaml", "repos: []\n")
    commit(repo, "OKRs")
    return repo


def try_repo(repo: Path, *files: str) -> subprocess.CompletedProcess[str]:
    """Run ``pre-commit try-repo <this checkout> okrlint --files …`` without network access."""
    head = _head_commit()
    view = repo.parent / "package-view"
    if not view.exists():
        package_view(view)
    env = {
        **os.environ,
        **GIT_ENV,
        "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home"),
        "PRE_COMMIT_COLOR": "never",
        "PIP_NO_INDEX": "1",
        "PIP_NO_BUILD_ISOLATION": "0",  # pip reads this inverted: it turns build isolation off
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "PYTHONPATH": str(view),
        "VIRTUALENV_NO_PERIODIC_UPDATE": "1",
        "NO_COLOR": "1",
    }
    env.pop("GITHUB_ACTIONS", None)
    command = [
        sys.executable,
        "-m",
        "pre_commit",
        "try-repo",
        str(REPO_ROOT),
        "okrlint",
        "--ref",
        head,
        "--verbose",
        "--files",
        *files,
    ]
    return subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=600, check=False)


def test_vague_key_result_fails_the_hook_with_s201(okr_repo: Path) -> None:
    done = try_repo(okr_repo, "okrs/sales.yaml")
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "okrlint" in output and "Failed" in output
    assert "okrs/sales.yaml:9:16: S201 [error]" in output
    assert "okrs/company.yaml" not in output


def test_clean_file_passes_the_hook(okr_repo: Path) -> None:
    # .pre-commit-config.yaml is YAML but no OKR document: the hook's `exclude` skips dotfiles.
    done = try_repo(okr_repo, "okrs/company.yaml", ".pre-commit-config.yaml")
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "Passed" in output and "Failed" not in output
    assert "S201" not in output
