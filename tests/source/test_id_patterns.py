"""Ids with a line break never pass: the schema (ECMA-262 ``$``), both validators and the code agree (SPEC §7).

Python's ``$`` also matches before a final newline, so ``^[a-z0-9]+$`` would let ``"a\\n"`` through
where JSON Schema (and an editor using it) does not; ``a`` and ``"a\\n"`` would then coexist.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import fastjsonschema
import pytest
from jsonschema import Draft202012Validator

from okrlint.cli import main
from okrlint.model.csvlog import read_csv_log
from okrlint.report.html import _SLUG as HTML_SLUG
from okrlint.source import csvlog, schemacode, schemas
from okrlint.source.yamlload import load_yaml
from paths import REPO

SCHEMA_DIR = REPO / "schema"
SAMPLES = ("a", "a\n", "a\nb", "\na", "a\r", "a/b", "a/b\n", "a/b/c\n", "2026", "2026-Q4\n", "2026-10-01\n")


def _patterns(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern" and isinstance(value, str):
                yield value
            else:
                yield from _patterns(value)
    elif isinstance(node, list):
        for item in node:
            yield from _patterns(item)


PATTERNS = sorted({p for path in SCHEMA_DIR.glob("*.schema.json") for p in _patterns(json.loads(path.read_text()))})


def _ecma(pattern: str, text: str) -> bool:
    """Return what an ECMA-262 engine (no multiline flag) answers: ``$`` only at the very end."""
    return re.search(re.sub(r"(?<!\\)\$", r"\\Z", pattern), text) is not None


@pytest.mark.parametrize("pattern", PATTERNS)
def test_both_validators_read_each_schema_pattern_as_ecma_does(pattern: str) -> None:
    schema = {"type": "string", "pattern": pattern}
    fast = fastjsonschema.compile(schemacode.python_patterns(schema))
    full = Draft202012Validator(schemacode.python_patterns(schema))
    for text in SAMPLES:
        try:
            fast(text)
            fast_ok = True
        except fastjsonschema.JsonSchemaException:
            fast_ok = False
        assert fast_ok == full.is_valid(text) == _ecma(pattern, text), (pattern, text)
        if "\n" in text or "\r" in text:
            assert not fast_ok, (pattern, text)


DOCUMENTS = {
    "teams": ["teams:\n  - {id: ID, name: A}\n", "teams:\n  - {id: a, name: A, parent: ID}\n"],
    "kpis": ["kpis:\n  - {id: ID, name: K, source: s}\n"],
    "objectives": [
        "team: ID\nperiod: 2026-Q4\nobjectives: []\n",
        "team: t\nperiod: 2026-Q4\nobjectives:\n  - {id: ID, title: T}\n",
        "team: t\nperiod: 2026-Q4\nobjectives:\n  - {id: o, title: T, key_results: [{id: ID, title: K, target: 1}]}\n",
        "team: t\nperiod: 2026-Q4\nobjectives:\n  - {id: o, title: T, key_results: [{id: k, title: K, kpi: ID}]}\n",
        "team: t\nperiod: 2026-Q4\nobjectives:\n  - {id: o, title: T, aligns: REF}\n",
    ],
    "checkins": [
        "team: ID\ncheckins: []\n",
        "checkins:\n  - {date: 2026-10-01, kr: REF, value: 1}\n",
        "checkins:\n  - {date: 2026-10-01, kpi: ID, value: 1}\n",
    ],
    "config": ["root_team: ID\n"],
}


@pytest.mark.parametrize(("kind", "document"), [(k, d) for k, docs in DOCUMENTS.items() for d in docs])
@pytest.mark.parametrize("suffix", ["", "\n", "\nb"])
def test_every_id_field_refuses_a_line_break(kind: str, document: str, suffix: str) -> None:
    """``a`` passes, ``"a\\n"`` and ``"a\\nb"`` are E002, in every id-like field of every kind."""
    text = document.replace("ID", json.dumps("a" + suffix)).replace("REF", json.dumps("t/a" + suffix))
    loaded = load_yaml(text)
    assert loaded.root is not None, loaded.problems
    problems = schemas.validate(kind, loaded.root)
    assert bool(problems) == bool(suffix), problems
    if suffix:
        assert all(p.code == "E002" for p in problems)


@pytest.mark.parametrize("suffix", ["", "\n", "\nb"])
def test_the_code_agrees_with_the_schema(suffix: str) -> None:
    """CSV logs and HTML page names check ids with the same meaning as the schema."""
    slug = re.compile(json.loads((SCHEMA_DIR / "teams.schema.json").read_text())["$defs"]["slug"]["pattern"])
    value = "a" + suffix
    expected = _ecma(slug.pattern, value)
    assert (HTML_SLUG.match(value) is not None) == expected
    assert (csvlog._SLUG_RE.match(value) is not None) == expected
    assert (csvlog._KR_RE.match("t/o/" + value) is not None) == expected
    log, problems = read_csv_log("log.csv", f'date,kr,value\n2026-10-01,"t/o/{value}",1\n')
    if suffix == "\n":  # CSV cells are read with surrounding whitespace stripped: this is id "a" itself
        assert not problems and log is not None and log.rows[0].kr == "t/o/a"
    else:
        assert bool(problems) != expected, problems


def test_a_and_a_newline_cannot_coexist(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two teams ``a`` and ``"a\\n"``: the second is an E002 at its id, not a second team."""
    (tmp_path / "okrs").mkdir()
    (tmp_path / ".okrlint.yaml").write_text("paths: [okrs]\n", encoding="utf-8")
    (tmp_path / "okrs" / "teams.yaml").write_text('teams:\n  - {id: a, name: A}\n  - {id: "a\\n", name: B}\n')
    monkeypatch.chdir(tmp_path)
    assert main(["lint", "--format", "json", "--as-of", "2026-11-20", "--no-cache"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["code"], f["line"]) for f in findings] == [("E002", 3)], findings
