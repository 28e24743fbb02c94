"""The validators shipped in okrlint/source/compiled come from today's schemas and judge as fastjsonschema does."""

from __future__ import annotations

import copy
import importlib
from collections.abc import Callable
from typing import Any

import fastjsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okrlint.source import schemacode, schemas
from okrlint.source.yamlload import load_yaml
from okrlint.util.resources import load_schema
from paths import REPO

# The shipped code imports a name fastjsonschema added after our lowest supported release (2.19):
# there the schemas are compiled at run time, and only the digests can be checked.
IMPORTABLE = hasattr(fastjsonschema, "JsonSchemaValuesException")
DOCUMENTS = sorted(p for folder in ("okrs", "tests") for p in (REPO / folder).rglob("*.yaml"))


def _schema(kind: str) -> Any:
    return schemacode.python_patterns(load_schema(kind))


def _accepts(validator: Callable[[Any], Any], document: Any) -> bool:
    try:
        validator(document)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


@pytest.fixture(scope="module")
def compiled_now() -> dict[str, Callable[[Any], Any]]:
    """The validators fastjsonschema compiles from the schemas in this process."""
    return {kind: fastjsonschema.compile(_schema(kind), use_default=False) for kind in schemacode.KINDS}


@pytest.mark.parametrize("kind", schemacode.KINDS)
def test_each_shipped_module_was_compiled_from_the_current_schema(kind: str) -> None:
    source = (REPO / "src" / "okrlint" / "source" / "compiled" / f"{kind}.py").read_text(encoding="utf-8")
    assert f'SCHEMA_DIGEST = "{schemacode.schema_digest(_schema(kind))}"' in source, (
        "the schema changed: run `python -m okrlint.source.schemacode` and commit okrlint/source/compiled"
    )


@pytest.mark.skipif(not IMPORTABLE, reason="this fastjsonschema cannot import the shipped code")
@pytest.mark.parametrize("kind", schemacode.KINDS)
def test_okrlint_validates_with_the_shipped_code(kind: str) -> None:
    schemas._fast_validator.cache_clear()
    shipped = importlib.import_module(f"okrlint.source.compiled.{kind}").validate
    assert schemas._fast_validator(kind) is shipped


def test_a_module_of_another_schema_is_not_used() -> None:
    changed = copy.deepcopy(_schema("teams"))
    changed["required"] = ["teams", "owner"]
    assert schemacode.compiled_validator("teams", changed) is None


def test_generated_source_names_the_digest_of_the_schema_before_fastjsonschema_rewrites_it() -> None:
    schema = _schema("teams")
    text = schemacode.generate("teams", schema)
    assert f'SCHEMA_DIGEST = "{schemacode.schema_digest(_schema("teams"))}"' in text
    assert schema == _schema("teams")  # the caller's schema is left as it was
    namespace: dict[str, Any] = {}
    if IMPORTABLE:
        exec(compile(text, "teams.py", "exec"), namespace)
        assert _accepts(namespace["validate"], {"teams": [{"id": "company", "name": "Co"}]})
        assert not _accepts(namespace["validate"], {"teams": [{"id": "Bad Id", "name": "Co"}]})


@pytest.mark.skipif(not IMPORTABLE, reason="this fastjsonschema cannot import the shipped code")
def test_shipped_and_fresh_validators_agree_on_every_yaml_file_of_the_repository(
    compiled_now: dict[str, Callable[[Any], Any]],
) -> None:
    checked = 0
    for path in DOCUMENTS:
        root = load_yaml(path.read_text(encoding="utf-8", errors="replace")).root
        for kind in schemacode.KINDS:
            shipped = schemacode.compiled_validator(kind, _schema(kind))
            assert shipped is not None
            assert _accepts(shipped, root) == _accepts(compiled_now[kind], root), f"{path} as {kind}"
            checked += 1
    assert checked >= 4 * 100


_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=12))
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)
_EXAMPLES = {
    "objectives": REPO / "okrs" / "2026-Q4" / "product.yaml",
    "checkins": REPO / "okrs" / "2026-Q4" / "checkins" / "product.yaml",
    "kpis": REPO / "okrs" / "kpis.yaml",
    "teams": REPO / "okrs" / "teams.yaml",
    "config": REPO / "tests" / "data" / "config-example.yaml",
}


def _mutated(document: Any, draw: Callable[[st.SearchStrategy[Any]], Any]) -> Any:
    """Return ``document`` with one node, chosen by ``draw``, replaced by a drawn value."""
    if isinstance(document, dict) and document and draw(st.booleans()):
        key = draw(st.sampled_from(sorted(document)))
        return {**document, key: _mutated(document[key], draw)}
    if isinstance(document, list) and document and draw(st.booleans()):
        i = draw(st.integers(0, len(document) - 1))
        return [*document[:i], _mutated(document[i], draw), *document[i + 1 :]]
    return draw(_VALUES)


@pytest.mark.skipif(not IMPORTABLE, reason="this fastjsonschema cannot import the shipped code")
@settings(max_examples=150, deadline=None)
@given(data=st.data(), kind=st.sampled_from(schemacode.KINDS))
def test_shipped_and_fresh_validators_agree_on_broken_documents(
    compiled_now: dict[str, Callable[[Any], Any]], data: st.DataObject, kind: str
) -> None:
    fresh = compiled_now[kind]
    example = load_yaml(_EXAMPLES[kind].read_text(encoding="utf-8")).root
    document = _mutated(example, data.draw)
    shipped = schemacode.compiled_validator(kind, _schema(kind))
    assert shipped is not None
    assert _accepts(shipped, document) == _accepts(fresh, document)
