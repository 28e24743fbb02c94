"""The ``json`` format of SPEC §5.1."""

from __future__ import annotations

import json

from okrlint.lint.findings import Severity
from okrlint.lint.result import LintResult
from okrlint.reporters.base import ReportOptions


def render(result: LintResult, options: ReportOptions) -> str:
    """Render findings and summary as one JSON document."""
    document = {
        "version": 1,
        "findings": [f.as_dict() for f in result.findings],
        "summary": {
            "files": result.files,
            "error": result.count(Severity.ERROR),
            "warning": result.count(Severity.WARNING),
            "info": result.count(Severity.INFO),
        },
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
