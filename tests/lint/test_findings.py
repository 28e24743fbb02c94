"""Tests for okrlint.lint.findings: frozen, sortable findings and severities."""

from __future__ import annotations

import dataclasses

import pytest

from okrlint.lint.findings import Finding, Severity


def finding(path: str, line: int, column: int, code: str, severity: Severity = Severity.ERROR) -> Finding:
    return Finding(path, line, column, code, "rule-name", severity, "message")


def test_findings_sort_by_path_line_column_code() -> None:
    found = [
        finding("okrs/b.yaml", 1, 1, "E001"),
        finding("okrs/a.yaml", 10, 1, "E001"),
        finding("okrs/a.yaml", 2, 9, "E001"),
        finding("okrs/a.yaml", 2, 3, "S201"),
        finding("okrs/a.yaml", 2, 3, "E004"),
    ]
    assert [(f.path, f.line, f.column, f.code) for f in sorted(found)] == [
        ("okrs/a.yaml", 2, 3, "E004"),
        ("okrs/a.yaml", 2, 3, "S201"),
        ("okrs/a.yaml", 2, 9, "E001"),
        ("okrs/a.yaml", 10, 1, "E001"),
        ("okrs/b.yaml", 1, 1, "E001"),
    ]


def test_findings_are_frozen_and_hashable() -> None:
    one = finding("a.yaml", 1, 1, "E001")
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.line = 2  # type: ignore[misc]
    assert len({one, finding("a.yaml", 1, 1, "E001")}) == 1


def test_as_dict_is_the_json_shape() -> None:
    assert finding("a.yaml", 3, 4, "Q303", Severity.WARNING).as_dict() == {
        "path": "a.yaml",
        "line": 3,
        "column": 4,
        "code": "Q303",
        "rule": "rule-name",
        "severity": "warning",
        "message": "message",
        "fix": None,
    }


def test_severities_order_and_parse() -> None:
    assert Severity.INFO < Severity.WARNING < Severity.ERROR
    assert Severity.parse(" Warning ") is Severity.WARNING
    assert str(Severity.INFO) == "info"
    with pytest.raises(KeyError):
        Severity.parse("fatal")
