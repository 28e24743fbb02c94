"""The shared helpers: one did-you-mean and one format registry."""

from __future__ import annotations

import pytest

from okrlint.util.formats import FormatRegistry
from okrlint.util.text import closest, did_you_mean


def test_closest_names_the_nearest_candidate_or_nothing() -> None:
    assert closest("titel", ["title", "team", "owner"]) == "title"
    assert closest("zzz", ["title", "team"]) is None
    assert closest("pariod", ["period"], cutoff=0.5) == "period"


def test_did_you_mean_is_a_ready_suffix() -> None:
    assert did_you_mean("duplicate-idd", ["duplicate-id", "schema"]) == " (did you mean 'duplicate-id'?)"
    assert did_you_mean("qqq", ["duplicate-id"]) == ""


def test_a_huge_word_gets_no_suggestion_and_costs_no_quadratic_comparison() -> None:
    assert closest("a" * 1_000_000, ["a" * 10]) is None


def test_format_registry_imports_only_the_chosen_renderer() -> None:
    formats: FormatRegistry[object] = FormatRegistry({"dumps": "json:dumps", "missing": "no_such_module:x"})
    assert formats.names == ("dumps", "missing")
    assert formats.get("dumps").__name__ == "dumps"  # type: ignore[attr-defined]
    with pytest.raises(KeyError):
        formats.get("yaml")
