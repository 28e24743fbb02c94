"""The rule catalogue; importing this package registers every rule, in this explicit list."""

from okrlint.lint.rules import (
    checkins,
    counts,
    integrity,
    kpis,
    loading,
    progress,
    quality,
    smart_context,
    smart_specific,
    smart_targets,
)

__all__ = [
    "checkins",
    "counts",
    "integrity",
    "kpis",
    "loading",
    "progress",
    "quality",
    "smart_context",
    "smart_specific",
    "smart_targets",
]
