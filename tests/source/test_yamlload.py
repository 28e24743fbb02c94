"""Tests for okrlint.source.yamlload: YAML 1.2 semantics, safety limits and exact marks."""

from __future__ import annotations

import math
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okrlint.source.problems import LoadProblem
from okrlint.source.yamlload import Limits, YMap, YSeq, load_yaml, resolve_plain, short_tag


def value(text: str) -> object:
    """Load ``a: <text>`` and return the value of ``a`` (asserting no problems)."""
    result = load_yaml(f"a: {text}\n")
    assert result.problems == [], result.problems
    return result.root["a"]


DEFAULT_LIMITS = Limits()


def only_problem(text: str, limits: Limits = DEFAULT_LIMITS) -> LoadProblem:
    """Load ``text`` and return its single problem."""
    result = load_yaml(text, limits)
    assert len(result.problems) == 1, result.problems
    return result.problems[0]


# --- YAML 1.2 core schema --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yes", "yes"),
        ("no", "no"),
        ("on", "on"),
        ("off", "off"),
        ("y", "y"),
        ("Yes", "Yes"),
        ("010", 10),
        ("-7", -7),
        ("+12", 12),
        ("0o17", 15),
        ("0x1F", 31),
        ("0b11", "0b11"),
        ("1_000", "1_000"),
        ("1:30", "1:30"),
        ("190:20:30", "190:20:30"),
        ("2026-10-01", "2026-10-01"),
        ("true", True),
        ("True", True),
        ("FALSE", False),
        ("~", None),
        ("null", None),
        ("Null", None),
        ("", None),
        ("'010'", "010"),
        ('"true"', "true"),
        ("'null'", "null"),
        ("!!str 10", "10"),
        ("!!str true", "true"),
        ("!!int '12'", 12),
        ("!!int 0x10", 16),
        ("!!float 1", 1.0),
        ("!!bool false", False),
        ("!!null ''", None),
        ("! 12", "12"),
    ],
)
def test_scalars_resolve_by_yaml_1_2(text: str, expected: object) -> None:
    got = value(text)
    assert got == expected
    assert type(got) is type(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1e3", 1000.0), ("1E3", 1000.0), ("-2.5e-1", -0.25), ("1.", 1.0), (".5", 0.5), ("3.25", 3.25)],
)
def test_floats(text: str, expected: float) -> None:
    got = value(text)
    assert isinstance(got, float)
    assert got == expected


def test_nan_and_infinities_are_floats() -> None:
    assert math.isnan(value(".nan"))  # type: ignore[arg-type]
    assert math.isnan(value(".NaN"))  # type: ignore[arg-type]
    assert value(".inf") == math.inf
    assert value("+.Inf") == math.inf
    assert value("-.INF") == -math.inf


def test_yaml_1_1_directive_does_not_switch_semantics() -> None:
    result = load_yaml("%YAML 1.1\n---\na: yes\nb: 010\n")
    assert result.root == {"a": "yes", "b": 10}


def test_merge_key_is_an_ordinary_key() -> None:
    # YAML 1.2 has no merge keys: "<<" stays a plain key for the schema to reject.
    assert load_yaml("<<: {a: 1}\n").root == {"<<": {"a": 1}}


def test_resolve_plain_leaves_words_alone() -> None:
    assert resolve_plain("nothing") == "nothing"
    assert resolve_plain("Ñandú") == "Ñandú"


def test_huge_integer_is_a_problem_not_a_crash() -> None:
    result = load_yaml("a: " + "9" * 5000 + "\n")
    assert [(p.code, p.line, p.column) for p in result.problems] == [("E002", 1, 4)]


@pytest.mark.parametrize(("text", "column"), [("!!int x", 4), ("!!bool yes", 4), ("!!float abc", 4), ("!!map x", 4)])
def test_tagged_scalar_that_does_not_fit_its_tag(text: str, column: int) -> None:
    problem = only_problem(f"a: {text}\n")
    assert (problem.code, problem.line, problem.column) == ("E002", 1, column)


@pytest.mark.parametrize("text", ["a: !!str {b: 1}\n", "a: !!seq {b: 1}\n", "a: !!map [1]\n"])
def test_core_tag_on_the_wrong_kind_of_collection(text: str) -> None:
    problem = only_problem(text)
    assert (problem.code, problem.line, problem.column) == ("E002", 1, 4)


def test_core_collection_tags_are_accepted() -> None:
    assert load_yaml("a: !!map {b: !!seq [1]}\n").root == {"a": {"b": [1]}}


# --- unsafe tags -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("!!python/object/apply:os.system ['echo']", "!!python/object/apply:os.system"),
        ("!!python/name:os.system", "!!python/name:os.system"),
        ("!<tag:yaml.org,2002:python/object> x", "!!python/object"),
        ("!!binary aGVsbG8=", "!!binary"),
        ("!!timestamp 2001-12-14", "!!timestamp"),
        ("!!set {a}", "!!set"),
        ("!custom x", "!custom"),
        ("!<tag:example.com,2000:app/foo> x", "tag:example.com,2000:app/foo"),
    ],
)
def test_tags_outside_the_core_schema_are_e006(text: str, shown: str) -> None:
    problem = only_problem(f"key: {text}\n")
    assert (problem.code, problem.line, problem.column) == ("E006", 1, 6)
    assert f"tag {shown} is not allowed" in problem.message
    assert "tag:yaml.org,2002:" not in problem.message


def test_python_object_apply_runs_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    payloads = [
        f"team: !!python/object/apply:os.system ['touch {marker}']\n",
        f"team: !!python/object/apply:subprocess.call [[touch, {marker}]]\n",
        f"- !!python/object/new:os.system ['touch {marker}']\n",
        f"? !!python/object/apply:os.system ['touch {marker}']\n: x\n",
    ]
    for payload in payloads:
        result = load_yaml(payload)
        assert result.root is None
        assert [p.code for p in result.problems] == ["E006"]
    assert not marker.exists()


def test_short_tag() -> None:
    assert short_tag("tag:yaml.org,2002:python/object") == "!!python/object"
    assert short_tag("!local") == "!local"


# --- keys ----------------------------------------------------------------------------------------


def test_duplicate_key_is_e003_at_the_second_key() -> None:
    result = load_yaml("a: 1\nb:\n  c: 1\n  d: 2\n  c: 3\na: 4\n")
    assert [(p.code, p.line, p.column) for p in result.problems] == [("E003", 5, 3), ("E003", 6, 1)]
    assert "first defined at line 3" in result.problems[0].message
    assert result.root == {"a": 1, "b": {"c": 1, "d": 2}}  # the first value wins, the rest is still read


@pytest.mark.parametrize(
    ("text", "line", "column", "shown"),
    [
        ("1: x\n", 1, 1, "1"),
        ("a: 1\ntrue: x\n", 2, 1, "true"),
        ("null: x\n", 1, 1, "null"),
        ("a:\n  3.5: x\n", 2, 3, "3.5"),
        ("? [a, b]\n: x\n", 1, 3, "a sequence"),
        ("? {a: b}\n: x\n", 1, 3, "a mapping"),
    ],
)
def test_non_string_keys_are_e002(text: str, line: int, column: int, shown: str) -> None:
    problem = only_problem(text)
    assert (problem.code, problem.line, problem.column) == ("E002", line, column)
    assert f"key {shown} is not a string" in problem.message


def test_quoted_keys_are_strings() -> None:
    assert load_yaml("'1': x\n\"true\": y\n").root == {"1": "x", "true": "y"}


# --- documents and syntax ------------------------------------------------------------------------


def test_multi_document_is_e007_at_the_second_document() -> None:
    problem = only_problem("a: 1\n---\nb: 2\n")
    assert (problem.code, problem.line, problem.column) == ("E007", 2, 1)
    assert "more than one YAML document" in problem.message


def test_single_explicit_document_is_fine() -> None:
    assert load_yaml("---\na: 1\n...\n").root == {"a": 1}


@pytest.mark.parametrize("text", ["", "# only a comment\n", "---\n"])
def test_empty_stream_has_no_root(text: str) -> None:
    result = load_yaml(text)
    assert result.root is None
    assert result.problems == []


def test_bom_is_ignored() -> None:
    result = load_yaml("\ufeffa: 1\nb: 2\n")
    assert result.root == {"a": 1, "b": 2}
    assert result.root.key_marks == {"a": (1, 1), "b": (2, 1)}


def test_crlf_line_numbers() -> None:
    result = load_yaml("a: 1\r\nb:\r\n  c: 2\r\n  c: 3\r\n")
    assert [(p.code, p.line, p.column) for p in result.problems] == [("E003", 4, 3)]
    assert result.root["b"].value_marks == {"c": (3, 6)}


def test_crlf_syntax_error_line() -> None:
    problem = only_problem("a: 1\r\nb: [\r\n")
    assert (problem.code, problem.line) == ("E001", 3)


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("a: [1,\n", 2, 1),
        ("a: b: c\n", 1, 5),
        ("a: b\n  c: d\n", 2, 4),
        ("- a\nb: c\n", 2, 1),
    ],
)
def test_syntax_errors_are_e001_at_the_parser_position(text: str, line: int, column: int) -> None:
    problem = only_problem(text)
    assert (problem.code, problem.line, problem.column) == ("E001", line, column)
    assert problem.message.startswith("invalid YAML: ")


@pytest.mark.parametrize(("text", "line"), [("a:\n\t- b\n", 2), ("a:\n  b: 1\n\tc: 2\n", 3)])
def test_tab_indentation_is_e001_with_a_hint(text: str, line: int) -> None:
    problem = only_problem(text)
    assert (problem.code, problem.line, problem.column) == ("E001", line, 1)
    assert "tabs" in problem.message


def test_tab_inside_a_line_is_fine() -> None:
    assert load_yaml("a:\tb\n").root == {"a": "b"}


def test_undefined_alias_is_e001() -> None:
    problem = only_problem("a: *nope\n")
    assert (problem.code, problem.line, problem.column) == ("E001", 1, 4)


@pytest.mark.parametrize(
    ("text", "line", "column"), [("a: \x01\n", 1, 4), ("é: ééé\x7f\n", 1, 7), ("a: 1\nb: \x08\n", 2, 4)]
)
def test_control_characters_are_e007_at_their_character_column(text: str, line: int, column: int) -> None:
    problem = only_problem(text)
    assert (problem.code, problem.line, problem.column) == ("E007", line, column)


def test_lone_surrogate_is_e007() -> None:
    assert only_problem("a: \ud800\n").code == "E007"


# --- anchors, aliases and limits -------------------------------------------------------------------


def test_anchors_and_aliases_are_fine() -> None:
    result = load_yaml("base: &b {unit: ms, n: [1, 2]}\nother: *b\nlist: [&x 1, *x]\n")
    assert result.problems == []
    assert result.root["other"] == {"unit": "ms", "n": [1, 2]}
    assert result.root["list"] == [1, 1]


def _alias_bomb(levels: int = 12) -> str:
    lines = ["l0: &l0 [x, x, x, x, x, x, x, x, x]"]
    for n in range(1, levels):
        lines.append(f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_e006_quickly() -> None:
    started = time.perf_counter()
    problem = only_problem(_alias_bomb())
    assert time.perf_counter() - started < 1.0
    assert problem.code == "E006"
    assert "100000" in problem.message


def test_alias_expansion_is_counted_against_max_nodes() -> None:
    text = "a: &a [1, 2, 3, 4, 5]\nb: [*a, *a, *a]\n"
    assert load_yaml(text).problems == []
    assert only_problem(text, Limits(max_nodes=15)).code == "E006"


def test_max_nodes_message_tells_a_large_document_from_an_alias_bomb() -> None:
    plain = only_problem("rows:\n" + "  - {kr: a, value: 1}\n" * 10, Limits(max_nodes=15))
    assert plain.code == "E006" and "has more than 15 nodes (max_nodes): split the file" in plain.message
    aliased = only_problem("a: &a [1, 2, 3, 4, 5]\nb: [*a, *a, *a]\n", Limits(max_nodes=15))
    assert "expands to more than 15 nodes (aliases count in full)" in aliased.message


def test_recursive_alias_is_e006() -> None:
    problem = only_problem("a: &a [1, *a]\n")
    assert (problem.code, problem.line, problem.column) == ("E006", 1, 11)
    assert "recursive" in problem.message


def test_recursive_alias_in_a_mapping_is_e006() -> None:
    assert only_problem("a: &a {b: *a}\n").code == "E006"


def test_nesting_deeper_than_max_depth_is_e006() -> None:
    text = "a:\n" + "".join("  " * n + "- \n" for n in range(1, 10))
    assert load_yaml(text, Limits(max_depth=64)).problems == []
    problem = only_problem(text, Limits(max_depth=5))
    assert problem.code == "E006"
    assert "max_depth (5)" in problem.message


@pytest.mark.parametrize("opener", ["[", "{a: "])
def test_100000_deep_flow_nesting_is_quick_and_safe(opener: str) -> None:
    closer = "]" if opener == "[" else "}"
    started = time.perf_counter()
    problem = only_problem(opener * 100_000 + closer * 100_000)
    assert time.perf_counter() - started < 2.0
    assert (problem.code, problem.line) == ("E006", 1)


def test_depth_exactly_at_the_limit_is_fine() -> None:
    assert load_yaml("[[[1]]]", Limits(max_depth=3)).problems == []
    assert only_problem("[[[[1]]]]", Limits(max_depth=3)).code == "E006"


# --- marks ---------------------------------------------------------------------------------------------

SAMPLE = """\
team: payments
objectives:
  - id: fast
    title: "Be fast"
    key_results: [a, {b: 1}]
  -   id: slow
      tags:
        - x
empty:
"""


def test_marks_of_mappings_sequences_scalars_and_keys() -> None:
    root = load_yaml(SAMPLE).root
    assert isinstance(root, YMap)
    assert root.mark == (1, 1)
    assert root.key_marks == {"team": (1, 1), "objectives": (2, 1), "empty": (9, 1)}
    assert root.value_marks["team"] == (1, 7)
    objectives = root["objectives"]
    assert isinstance(objectives, YSeq)
    assert objectives.mark == (3, 3)
    assert root.value_marks["objectives"] == (3, 3)
    assert objectives.item_marks == [(3, 5), (6, 7)]
    first = objectives[0]
    assert first.mark == (3, 5)
    assert first.key_marks == {"id": (3, 5), "title": (4, 5), "key_results": (5, 5)}
    assert first.value_marks == {"id": (3, 9), "title": (4, 12), "key_results": (5, 18)}
    flow = first["key_results"]
    assert flow.mark == (5, 18)
    assert flow.item_marks == [(5, 19), (5, 22)]
    assert flow[1].mark == (5, 22)
    assert flow[1].key_marks == {"b": (5, 23)}
    assert flow[1].value_marks == {"b": (5, 26)}
    second = objectives[1]
    assert second.key_marks == {"id": (6, 7), "tags": (7, 7)}
    assert second["tags"].item_marks == [(8, 11)]
    assert root["empty"] is None


# --- property: never raises ----------------------------------------------------------------------------

_YAMLISH = st.text(
    alphabet=st.sampled_from(list("ab:-[]{},&*!?|>'\"#%@`~ \t\n\r.01x\ufeff\x00\x85é")) | st.characters(),
    max_size=200,
)


@settings(max_examples=400, deadline=None)
@given(_YAMLISH)
def test_load_yaml_never_raises_and_positions_are_positive(text: str) -> None:
    result = load_yaml(text, Limits(max_nodes=500, max_depth=10))
    for problem in result.problems:
        assert problem.code in {"E001", "E002", "E003", "E006", "E007"}
        assert problem.line >= 1
        assert problem.column >= 1
        assert problem.message


def test_aliases_count_at_their_expanded_text_size() -> None:
    """A long scalar aliased many times is E006 once the expanded text passes max_chars (SPEC §7)."""
    text = "a: &t " + "x" * 1_000 + "\nb: [" + ", ".join(["*t"] * 20) + "]\n"
    assert load_yaml(text, Limits(max_chars=30_000)).problems == []
    problem = only_problem(text, Limits(max_chars=10_000))
    assert problem.code == "E006" and "max_file_bytes" in problem.message and problem.line == 2


def test_expanded_text_of_nested_aliases_adds_up() -> None:
    text = "a: &t {k: " + "x" * 100 + "}\nb: &u [*t, *t, *t]\nc: [*u, *u, *u, *u]\n"
    assert load_yaml(text, Limits(max_chars=2_000)).problems == []
    assert only_problem(text, Limits(max_chars=1_000)).code == "E006"
