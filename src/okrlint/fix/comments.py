"""The comments of a YAML text, as ruamel.yaml's round-trip scanner sees them (imported only when fixing)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError


def _comment_texts(token: Any) -> list[str]:
    """Return the comment lines a round-trip token carries."""
    found: list[str] = []
    pending = [getattr(token, "_comment", None)]
    while pending:
        item = pending.pop()
        if isinstance(item, list):
            pending.extend(item)
        elif item is not None and hasattr(item, "value"):
            found += [line.strip() for line in str(item.value).splitlines() if line.strip().startswith("#")]
    return found


def comments(text: str) -> Counter[str] | None:
    """Return every comment line of ``text`` with its count, or None when ruamel.yaml cannot scan it."""
    counts: Counter[str] = Counter()
    try:
        for token in YAML(typ="rt").scan(text):
            counts.update(_comment_texts(token))
    except YAMLError:
        return None
    return counts
