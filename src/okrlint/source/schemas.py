"""Validate located YAML trees against okrlint's JSON Schemas, with errors at line:column.

A compiled validator (fastjsonschema) answers the common question "is it valid?" fast;
only when it says no does jsonschema explain every violation, each mapped back through
its instance path to the YAML node it is about.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from okrlint.source.problems import LoadProblem, Mark
from okrlint.source.schemacode import compiled_validator, python_patterns
from okrlint.source.yamlload import YMap, YSeq
from okrlint.util.numbers import plain_number
from okrlint.util.resources import load_schema
from okrlint.util.text import did_you_mean

MESSAGE_KEY = "x-okrlint-message"


@cache
def _fast_validator(kind: str) -> Callable[[Any], Any]:
    """Return the compiled validator of ``kind``: the shipped one (``schemacode``), else compiled now."""
    import fastjsonschema

    # A copy: fastjsonschema rewrites every $ref of the schema it is given into an absolute URI.
    schema = python_patterns(load_schema(kind))
    shipped = compiled_validator(kind, schema)
    if shipped is not None:
        return shipped
    # use_default=False: fastjsonschema would otherwise write schema defaults into the located tree.
    return fastjsonschema.compile(schema, use_default=False)  # type: ignore[no-any-return,unused-ignore]


@cache
def _full_validator(kind: str) -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(python_patterns(load_schema(kind)))


def validate(kind: str, root: Any) -> list[LoadProblem]:
    """Return one E002 problem per schema violation of ``root`` (empty when valid)."""
    import fastjsonschema

    try:
        _fast_validator(kind)(root)
        return []
    except fastjsonschema.JsonSchemaException as error:
        refusal = error
    problems = [problem for error in _explain(kind, root) for problem in _problems(root, error)]
    if not problems:  # the validators disagree: never let that pass as valid
        line, column = getattr(root, "mark", (1, 1))
        problems = [LoadProblem("E002", line, column, _trim(str(refusal)))]
    return _sorted(problems)


def _sorted(problems: list[LoadProblem]) -> list[LoadProblem]:
    return sorted(set(problems), key=lambda p: (p.line, p.column, p.message))


def validate_rows(kind: str, root: Any, rows_key: str) -> tuple[list[LoadProblem], dict[int, LoadProblem] | None]:
    """Validate like ``validate``; also return the first problem of each bad item of ``root[rows_key]``.

    The mapping is None when some violation lies outside those items (the document as a whole is
    broken); otherwise dropping the bad items leaves a document the schema accepts.
    """
    import fastjsonschema

    try:
        _fast_validator(kind)(root)
        return [], {}
    except fastjsonschema.JsonSchemaException:
        pass
    problems: list[LoadProblem] = []
    rows: dict[int, LoadProblem] | None = {}
    for error in _explain(kind, root):
        found = _problems(root, error)
        problems.extend(found)
        path = list(error.absolute_path)
        if len(path) >= 2 and path[0] == rows_key and isinstance(path[1], int) and rows is not None:
            first = min(found, key=lambda p: (p.line, p.column))
            known = rows.get(path[1])
            rows[path[1]] = first if known is None or (first.line, first.column) < (known.line, known.column) else known
        else:
            rows = None
    if not problems:  # the validators disagree: the log is refused whole, as validate() does
        return validate(kind, root), None
    return _sorted(problems), rows


def _explain(kind: str, root: Any) -> Iterator[Any]:
    from jsonschema.exceptions import best_match

    for error in _full_validator(kind).iter_errors(root):
        if error.validator in ("oneOf", "anyOf") and error.context and MESSAGE_KEY not in error.schema:
            yield best_match(error.context)
        else:
            yield error


def _describe(path: list[Any]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _locate(root: Any, path: list[Any]) -> tuple[Any, Mark]:
    """Follow ``path`` from ``root``; return the node and its mark."""
    node, mark = root, getattr(root, "mark", (1, 1))
    for part in path:
        if isinstance(node, YMap) and part in node:
            mark = node.value_marks.get(part, mark)
            node = node[part]
        elif isinstance(node, YSeq) and isinstance(part, int) and part < len(node):
            mark = node.item_marks[part]
            node = node[part]
        else:
            break
        mark = getattr(node, "mark", mark)
    return node, mark


def _problems(root: Any, error: Any) -> list[LoadProblem]:
    """Turn one jsonschema error into located problems (several for several unknown keys)."""
    path = list(error.absolute_path)
    node, _ = _locate(root, path)
    if error.validator == "additionalProperties" and isinstance(node, YMap) and MESSAGE_KEY not in error.schema:
        known = sorted(error.schema.get("properties", {}))
        found = unknown_key_problems(node, known, f"{_describe(path)}: " if path else "")
        if found:
            return found
    return [_problem(root, error)]


def _problem(root: Any, error: Any) -> LoadProblem:
    path = list(error.absolute_path)
    node, mark = _locate(root, path)
    where = _describe(path)
    prefix = f"{where}: " if where else ""
    custom = error.schema.get(MESSAGE_KEY) if isinstance(error.schema, dict) else None
    if custom:
        return LoadProblem("E002", *mark, prefix + custom)
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return LoadProblem("E002", *mark, f"{prefix}missing required key {missing!r}")
    if error.validator == "type":
        expected = error.validator_value
        expected_text = " or ".join(expected) if isinstance(expected, list) else expected
        return LoadProblem("E002", *mark, f"{prefix}expected {expected_text}, got {_shown(node)}")
    if error.validator == "pattern":
        written = str(error.validator_value).replace("\\Z", "$")  # the pattern as the schema file writes it
        return LoadProblem("E002", *mark, f"{prefix}{_shown(node)} does not match the pattern {written}")
    if error.validator == "enum":
        options = ", ".join(str(v) for v in error.validator_value)
        return LoadProblem("E002", *mark, f"{prefix}{_shown(node)} is not one of: {options}")
    return LoadProblem("E002", *mark, f"{prefix}{_trim(error.message)}")


def _shown(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return _trim(plain_number(value) if isinstance(value, int | float) else repr(value))


def _trim(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def unknown_key_problems(node: YMap, known: list[str], prefix: str = "") -> list[LoadProblem]:
    """Return E002 problems naming keys of ``node`` not in ``known``, with a did-you-mean."""
    problems = []
    for key in node:
        if key not in known:
            suggestion = did_you_mean(key, known) or f" (known keys: {', '.join(known)})"
            problems.append(LoadProblem("E002", *node.key_marks[key], f"{prefix}unknown key {key!r}{suggestion}"))
    return problems
