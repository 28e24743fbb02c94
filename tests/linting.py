"""Test helper: lint a small repository written into a temporary folder."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from okrlint.config import load_config
from okrlint.lint.findings import Finding
from okrlint.lint.run import lint
from okrlint.lint.selection import Selection

AS_OF = date(2026, 11, 23)


def write_repo(root: Path, files: Mapping[str, str], config: Mapping[str, Any] | None = None) -> Path:
    """Write ``files`` (relative path → text) and ``.okrlint.yaml`` under ``root``; return the config path."""
    for rel, text in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    config_path = root / ".okrlint.yaml"
    config_path.write_text(json.dumps(dict(config or {})) + "\n", encoding="utf-8")
    return config_path


def lint_files(
    root: Path,
    files: Mapping[str, str],
    *,
    as_of: date = AS_OF,
    config: Mapping[str, Any] | None = None,
    select: Sequence[str] | None = None,
) -> list[Finding]:
    """Lint ``files`` as a repository of their own and return the findings shown."""
    loaded = load_config(write_repo(root, files, config))
    selection = Selection(tuple(select), loaded.ignore) if select is not None else None
    return list(lint(loaded, as_of, selection).findings)
