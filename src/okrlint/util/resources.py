"""Find the data okrlint ships with: JSON Schemas and Jinja templates.

In a wheel they sit inside the package (``okrlint/schema``, ``okrlint/templates``); in a
source checkout they are the top-level ``schema/`` and ``templates/`` folders.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).resolve().parent.parent  # okrlint/, not okrlint/util/
SCHEMA_KINDS = ("objectives", "kpis", "checkins", "teams", "config", "report")


def data_dir(name: str) -> Path:
    """Return the folder ``name`` (``schema`` or ``templates``) shipped with okrlint."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"okrlint's {name}/ folder is missing from the installation")


def schema_path(kind: str) -> Path:
    """Return the path of the JSON Schema for ``kind``."""
    return data_dir("schema") / f"{kind}.schema.json"


@cache
def load_schema(kind: str) -> dict[str, Any]:
    """Return the parsed JSON Schema for ``kind`` (cached)."""
    result: dict[str, Any] = json.loads(schema_path(kind).read_text(encoding="utf-8"))
    return result
