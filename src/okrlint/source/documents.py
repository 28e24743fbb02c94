"""A loaded, schema-valid document and how its kind is decided (SPEC §1)."""

from __future__ import annotations

from typing import Any

from okrlint.source.yamlload import YMap
from okrlint.util.records import record

KINDS = ("objectives", "kpis", "checkins", "teams")


@record
class Document:
    """A loaded, schema-valid YAML document: its relative path, kind and located root."""

    path: str
    kind: str
    root: YMap


def kind_of(root: Any) -> str | None:
    """Return the document kind decided by the top-level key, or None (SPEC §1)."""
    if isinstance(root, dict):
        for kind in KINDS:
            if kind in root:
                return kind
    return None
