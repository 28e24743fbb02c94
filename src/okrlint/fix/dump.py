"""Write a planned OKR set as YAML through ruamel.yaml (imported only by ``okrlint plan``)."""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

FLOW_KEYS = frozenset({"range"})  # small mappings people write inline: range: {min: 62, max: 70}


def _commented(value: Any, key: str | None = None) -> Any:
    """Return plain data as ruamel.yaml's round-trip types (``range`` in flow style)."""
    if isinstance(value, dict):
        mapping = CommentedMap((k, _commented(v, k)) for k, v in value.items())
        if key in FLOW_KEYS:
            mapping.fa.set_flow_style()
        return mapping
    if isinstance(value, list):
        return CommentedSeq(_commented(item) for item in value)
    return value


def dump_okr_set(document: dict[str, Any], header: str) -> str:
    """Return ``document`` as block-style YAML with ``header`` as its opening comment."""
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    root = _commented(document)
    root.yaml_set_start_comment(header)
    if "objectives" in root:
        root.yaml_set_comment_before_after_key("objectives", before="\n")
    stream = io.StringIO()
    yaml.dump(root, stream)
    return stream.getvalue()
