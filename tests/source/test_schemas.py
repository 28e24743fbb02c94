"""Tests for schema/ and okrlint.source.schemas: valid Draft 2020-12, described, errors located at the node."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from okrlint.config import Config
from okrlint.lint.run import lint
from okrlint.source import schemas
from okrlint.source.problems import LoadProblem
from okrlint.source.yamlload import load_yaml
from okrlint.util.resources import load_schema
from paths import REPO

SCHEMA_DIR = REPO / "schema"
SCHEMA_FILES = sorted(SCHEMA_DIR.glob("*.schema.json"))


def test_the_four_document_kinds_and_config_have_schemas() -> None:
    names = {p.name for p in SCHEMA_FILES}
    assert {f"{k}.schema.json" for k in ("objectives", "kpis", "checkins", "teams", "config")} <= names


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_schema_is_valid_draft_2020_12(path: Path) -> None:
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def _properties(node: Any, where: str) -> Iterator[tuple[str, Any]]:
    """Yield (location, schema) for every property and $defs entry at every level."""
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            yield f"{where}.properties.{name}", sub
        for name, sub in node.get("$defs", {}).items():
            yield f"{where}.$defs.{name}", sub
        for key, sub in node.items():
            yield from _properties(sub, f"{where}.{key}")
    elif isinstance(node, list):
        for index, sub in enumerate(node):
            yield from _properties(sub, f"{where}[{index}]")


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_every_property_at_every_level_has_a_description(path: Path) -> None:
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert schema.get("description")
    missing = [
        where for where, sub in _properties(schema, "#") if not (isinstance(sub, dict) and sub.get("description"))
    ]
    assert missing == []


# --- E002 located at the offending node ------------------------------------------------------------------


def problems(kind: str, text: str) -> list[LoadProblem]:
    result = load_yaml(text)
    assert result.problems == []
    return schemas.validate(kind, result.root)


def where(found: list[LoadProblem]) -> list[tuple[str, int, int]]:
    return [(p.code, p.line, p.column) for p in found]


OKR_HEAD = "team: payments\nperiod: 2026-Q4\nobjectives:\n"


def test_valid_document_has_no_problems() -> None:
    text = OKR_HEAD + "  - id: grow\n    title: Grow\n    key_results:\n      - {id: a, title: t, target: 3}\n"
    assert problems("objectives", text) == []


def test_unknown_key_is_at_the_key_with_did_you_mean() -> None:
    found = problems("kpis", "kpis:\n  - id: nps\n    name: NPS\n    categry: strategic\n")
    assert where(found) == [("E002", 4, 5)]
    assert found[0].message == "kpis[0]: unknown key 'categry' (did you mean 'category'?)"


def test_unknown_key_far_from_any_known_key_lists_the_known_keys() -> None:
    found = problems("teams", "teams:\n  - id: a\n    name: A\n    zzz: 1\n")
    assert where(found) == [("E002", 4, 5)]
    assert "known keys: " in found[0].message
    assert "parent" in found[0].message


def test_several_unknown_keys_give_one_finding_each() -> None:
    found = problems("teams", "teams:\n  - id: a\n    name: A\n    parnt: b\n    ownr: c\n")
    assert where(found) == [("E002", 4, 5), ("E002", 5, 5)]


def test_unknown_top_level_key_of_a_known_kind() -> None:
    found = problems("objectives", "team: p\nperiod: 2026-Q4\nobjectives: []\ntitel: x\n")
    assert where(found) == [("E002", 4, 1)]
    assert "did you mean 'title'" not in found[0].message


def test_wrong_type_is_at_the_value() -> None:
    found = problems("objectives", OKR_HEAD + "  - id: grow\n    title: 5\n")
    assert where(found) == [("E002", 5, 12)]
    assert found[0].message == "objectives[0].title: expected string, got 5"


def test_wrong_type_of_a_whole_mapping_is_at_the_mapping() -> None:
    found = problems("objectives", "team: payments\nperiod: 2026-Q4\nobjectives:\n  a: 1\n")
    assert where(found) == [("E002", 4, 3)]
    assert "expected array, got a mapping" in found[0].message


def test_missing_key_is_at_the_mapping() -> None:
    found = problems("objectives", OKR_HEAD + "  - id: grow\n    type: committed\n")
    assert where(found) == [("E002", 4, 5)]
    assert found[0].message == "objectives[0]: missing required key 'title'"


def test_missing_top_level_key_is_at_the_top() -> None:
    found = problems("objectives", "\nteam: payments\nobjectives: []\n")
    assert where(found) == [("E002", 2, 1)]
    assert "'period'" in found[0].message


def test_pattern_and_enum_messages() -> None:
    found = problems(
        "objectives", "team: Pay Ments\nperiod: 2026-Q4\nobjectives:\n  - {id: a, title: t, type: stretch}\n"
    )
    assert where(found) == [("E002", 1, 7), ("E002", 4, 29)]
    assert "does not match the pattern" in found[0].message
    assert found[1].message == "objectives[0].type: 'stretch' is not one of: committed, aspirational"


def test_target_and_range_on_one_kr_give_the_custom_message() -> None:
    text = OKR_HEAD + "  - id: a\n    title: t\n    key_results:\n      - id: k\n        title: t\n"
    text += "        target: 3\n        range: {min: 1, max: 2}\n"
    found = problems("objectives", text)
    assert where(found) == [("E002", 7, 9)]
    assert found[0].message == (
        "objectives[0].key_results[0]: a key result is exactly one of target, range or milestone: true"
        " — remove the others"
    )


def test_period_oneof_gives_one_custom_message() -> None:
    found = problems("objectives", "team: p\nperiod: 2026-Q5\nobjectives: []\n")
    assert where(found) == [("E002", 2, 9)]
    assert found[0].message.startswith("period: a period is YYYY-Qn")


def test_checkin_with_both_kr_and_kpi() -> None:
    found = problems("checkins", "checkins:\n  - date: 2026-10-01\n    kr: a/b\n    kpi: nps\n    value: 1\n")
    assert where(found) == [("E002", 2, 5)]
    assert found[0].message == "checkins[0]: a check-in row names exactly one of kr or kpi"


def test_checkin_value_of_the_wrong_type_is_at_the_value() -> None:
    found = problems("checkins", "checkins:\n  - date: 2026-10-01\n    kpi: nps\n    value: yes\n")
    assert where(found) == [("E002", 4, 12)]
    assert found[0].message == "checkins[0].value: expected number or boolean, got 'yes'"


ONE_OF_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
        "when": {
            "description": "A date or a span.",
            "oneOf": [
                {"type": "string", "pattern": "^[0-9]{4}$"},
                {
                    "type": "object",
                    "properties": {"start": {"type": "string"}, "end": {"type": "string"}},
                    "required": ["start", "end"],
                    "additionalProperties": False,
                },
            ],
        }
    },
}


@pytest.fixture
def one_of_kind(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setattr(
        "okrlint.source.schemas.load_schema", lambda kind: ONE_OF_SCHEMA if kind == "test-oneof" else load_schema(kind)
    )
    yield "test-oneof"
    schemas._fast_validator.cache_clear()
    schemas._full_validator.cache_clear()


def test_oneof_without_a_custom_message_reports_the_best_match_only(one_of_kind: str) -> None:
    found = problems(one_of_kind, "when:\n  start: '2026'\n  ned: '2027'\n")
    assert len(found) == 1
    assert found[0].line == 2
    assert "is not valid under any of the given schemas" not in found[0].message
    assert len(found[0].message) <= 160


# --- dates are validated as dates (the build stage, still E002 at the value) ---------------------------


def lint_files(tmp_path: Path, files: dict[str, str]) -> list[tuple[str, str, int, int, str]]:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    result = lint(Config(root=tmp_path), date(2026, 11, 23))
    return [(f.path, f.code, f.line, f.column, f.message) for f in result.findings if f.code.startswith("E")]


@pytest.mark.parametrize("written", ["2026-02-30", "'2026-02-30'", '"2026-13-01"'])
def test_impossible_due_date_is_e002_at_the_value(tmp_path: Path, written: str) -> None:
    text = (
        OKR_HEAD
        + f"  - id: a\n    title: t\n    key_results:\n      - id: k\n        title: t\n        due: {written}\n"
    )
    text += "        milestone: true\n"
    found = lint_files(tmp_path, {"okrs/p.yaml": text})
    assert [(p, c, line, col) for p, c, line, col, _ in found] == [("okrs/p.yaml", "E002", 9, 14)]
    assert "is not a valid date" in found[0][4]


def test_impossible_checkin_date_is_e002_at_the_value(tmp_path: Path) -> None:
    found = lint_files(tmp_path, {"okrs/log.yaml": "checkins:\n  - date: 2026-02-30\n    kpi: nps\n    value: 1\n"})
    assert [(p, c, line, col) for p, c, line, col, _ in found] == [("okrs/log.yaml", "E002", 2, 11)]


def test_impossible_period_start_is_e002_at_the_value(tmp_path: Path) -> None:
    text = "team: p\nperiod: {id: fy, start: 2026-02-30, end: 2026-04-30}\nobjectives: []\n"
    found = lint_files(tmp_path, {"okrs/p.yaml": text})
    assert [(p, c, line, col) for p, c, line, col, _ in found] == [("okrs/p.yaml", "E002", 2, 25)]


def test_date_that_is_not_yyyy_mm_dd_is_e002(tmp_path: Path) -> None:
    found = lint_files(tmp_path, {"okrs/log.yaml": "checkins:\n  - date: 20261001\n    kpi: nps\n    value: 1\n"})
    assert [(p, c, line, col) for p, c, line, col, _ in found] == [("okrs/log.yaml", "E002", 2, 11)]
