"""The benchmarks' generated organisation (benchmarks/generate.py) and the ``org`` fixture (a conftest plugin)."""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

from paths import REPO


@cache
def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("okrlint_bench_generate", REPO / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def generate_org(root: Path, teams: int, seed: int) -> None:
    """Write a generated organisation of ``teams`` teams (deterministic for ``seed``) under ``root``."""
    _generator().generate(root, teams, seed=seed)


@pytest.fixture
def org(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A generated organisation of 4 teams, with the user's cache folder (and signing key) inside the test's folder."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    root = tmp_path / "org"
    generate_org(root, 4, seed=5)
    return root
