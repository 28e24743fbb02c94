"""The ``sarif`` format: SARIF 2.1.0 for code-scanning tools (GitHub, Azure DevOps, IDEs)."""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from okrlint.lint.catalogue import all_rules
from okrlint.lint.docs import sections
from okrlint.lint.findings import Finding, Severity
from okrlint.lint.registry import Rule
from okrlint.lint.result import LintResult
from okrlint.reporters.base import ReportOptions

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/okrlint/okrlint"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rule(rule: Rule) -> dict[str, Any]:
    """Return a rule's ``reportingDescriptor``."""
    what = sections(rule.doc).get("What it does", rule.summary)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": what},
        "help": {"text": rule.doc, "markdown": rule.doc},
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
    }


def _artifact(path: str) -> dict[str, str]:
    """Return the ``artifactLocation`` of a finding's path: relative to %SRCROOT% when it can be."""
    if PurePosixPath(path).is_absolute():
        return {"uri": "file://" + quote(path, errors="surrogateescape")}
    return {"uri": quote(path, errors="surrogateescape"), "uriBaseId": "%SRCROOT%"}


def _result(finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    """Return one finding as a SARIF ``result``."""
    return {
        "ruleId": finding.code,
        "ruleIndex": index[finding.code],
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": _artifact(finding.path),
                    "region": {"startLine": finding.line, "startColumn": finding.column},
                }
            }
        ],
    }


def render(result: LintResult, options: ReportOptions) -> str:
    """Render the findings as one SARIF log with every rule in the driver."""
    rules = all_rules()
    index = {rule.code: i for i, rule in enumerate(rules)}
    driver: dict[str, Any] = {"name": "okrlint", "informationUri": INFORMATION_URI, "rules": [_rule(r) for r in rules]}
    if options.version:
        driver["version"] = options.version
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, index) for f in result.findings],
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
