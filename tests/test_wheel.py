"""Smoke test of a real install: build the wheel, install it into a fresh venv, run it outside the repo.

This is the CI check that ``pip install .`` (not editable) gives a working ``okrlint`` that finds its
own ``schema/`` and ``templates/``. It needs no network: the venv borrows the dependencies
from the environment the tests run in (tests/envview.py), and the wheel is installed with ``--no-index``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from envview import lend_packages, package_view
from okrlint import __version__

REPO = Path(__file__).resolve().parent.parent
OFFLINE = {"PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INPUT": "1"}


@dataclass(frozen=True)
class Installed:
    """A wheel and the venv it was installed into."""

    wheel: Path
    bin: Path
    workdir: Path

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run the venv's ``okrlint`` from a folder outside the repository."""
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "GITHUB_ACTIONS", "VIRTUAL_ENV")}
        return subprocess.run(
            [str(self.bin / "okrlint"), *args], cwd=self.workdir, env=env, capture_output=True, text=True, timeout=60
        )


def _check(command: list[str], cwd: Path) -> None:
    done = subprocess.run(command, cwd=cwd, env={**os.environ, **OFFLINE}, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    base = tmp_path_factory.mktemp("wheel")
    dist, venv, workdir = base / "dist", base / "venv", base / "work"
    workdir.mkdir()
    _check(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist), "."], REPO
    )
    (wheel,) = dist.glob("okrlint-*.whl")
    _check([sys.executable, "-m", "venv", str(venv)], base)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    lend_packages(bin_dir / "python", package_view(base / "view"))
    _check([str(bin_dir / "python"), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)], base)
    yield Installed(wheel, bin_dir, workdir)
    shutil.rmtree(base, ignore_errors=True)


def test_wheel_contains_the_data_folders(installed: Installed) -> None:
    names = zipfile.ZipFile(installed.wheel).namelist()
    for kind in ("objectives", "kpis", "checkins", "teams", "config"):
        assert f"okrlint/schema/{kind}.schema.json" in names
    assert any(name.startswith("okrlint/templates/") and name.endswith(".j2") for name in names)
    for template in ("index.html.j2", "team.html.j2", "report.md.j2"):
        assert f"okrlint/templates/{template}" in names


def test_the_installed_package_is_the_wheel_not_the_checkout(installed: Installed) -> None:
    done = subprocess.run(
        [
            str(installed.bin / "python"),
            "-c",
            "import okrlint, okrlint.util.resources as r; print(okrlint.__file__); "
            "print(r.data_dir('schema')); print(r.data_dir('templates'))",
        ],
        cwd=installed.workdir,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    package, schema, templates = done.stdout.splitlines()
    venv = str(installed.bin.parent)
    assert package.startswith(venv)
    assert schema.startswith(venv)
    assert templates.startswith(venv)


def test_version(installed: Installed) -> None:
    done = installed.run("--version")
    assert (done.returncode, done.stdout) == (0, f"okrlint {__version__}\n")


def test_schema_command(installed: Installed) -> None:
    done = installed.run("schema", "objectives")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == json.loads((REPO / "schema/objectives.schema.json").read_text(encoding="utf-8"))


def test_lint_a_copy_of_the_example_organisation(installed: Installed) -> None:
    shutil.copytree(REPO / "okrs", installed.workdir / "okrs")
    (installed.workdir / ".git").mkdir()  # a repository root of its own, so no outer config is found
    done = installed.run("lint", "--as-of", "2026-11-23")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "[error]" not in done.stdout
    assert "[warning]" not in done.stdout
    assert re.fullmatch(
        r"Found \d+ problems? \(0 errors, 0 warnings, \d+ infos?\) in \d+ files?\.", done.stdout.splitlines()[-1]
    )
    assert done.stderr == ""
