"""The title rules run in a worker process on a large repository, and the findings stay those of one process."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from generated_org import generate_org
from okrlint.config import load_config
from okrlint.engine import rulesplit
from okrlint.lint.findings import Finding, Fix, Severity
from okrlint.lint.registry import Rule
from okrlint.lint.run import RuleRunner, lint_loaded, run_rules
from okrlint.lint.selection import Selection
from okrlint.model.load import load_repository
from okrlint.util.forkpool import can_fork

AS_OF = date(2026, 12, 31)
TITLES = """team: team-0001
period: 2026-Q4
owner: lead@example.com
objectives:
  - id: words
    title: Make the titles say what they mean
    aligns: company/grow-revenue
    key_results:
      - {id: vague, title: Improve onboarding}
      - {id: activity, title: Conduct 50 customer interviews, baseline: 0, target: 50, unit: interviews}
      - {id: contradicts, title: Grow NPS from 30 to 40, baseline: 30, target: 45, unit: points}
      - {id: fixable, title: Cut churn from 8 % to 5 %}
"""

needs_fork = pytest.mark.skipif(not can_fork(), reason="the worker is forked")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A generated organisation of 4 teams and an OKR set whose titles the title rules report."""
    generate_org(tmp_path, 4, seed=3)
    (tmp_path / "okrs" / "2026-Q4" / "titles.yaml").write_text(TITLES, encoding="utf-8")
    return tmp_path


@pytest.fixture
def here(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Record the codes of each ``run_rules`` call made in this process (a forked worker's calls are its own)."""
    calls: list[list[str]] = []

    def recorded(repo: Any, config: Any, as_of: date, rules: Sequence[Rule], progress: Any = None) -> list[Finding]:
        calls.append([r.code for r in rules])
        return run_rules(repo, config, as_of, rules, progress)

    monkeypatch.setattr(rulesplit, "run_rules", recorded)
    monkeypatch.setattr(rulesplit, "cpus", lambda: 2)
    return calls


@pytest.fixture
def large(monkeypatch: pytest.MonkeyPatch) -> None:
    """Count every repository as large enough for the worker."""
    monkeypatch.setattr(rulesplit, "PARALLEL_MIN_KEY_RESULTS", 0)


def _findings(root: Path, runner: RuleRunner) -> tuple[Finding, ...]:
    config = load_config(root / ".okrlint.yaml")
    rules = Selection(config.select, config.ignore).rules()
    return lint_loaded(load_repository(config), config, AS_OF, rules, None, runner)


def _title_codes(findings: tuple[Finding, ...]) -> set[str]:
    return {f.code for f in findings if f.code.startswith("S2") or f.code == "Q301"}


@needs_fork
@pytest.mark.usefixtures("large")
def test_the_worker_runs_the_title_rules_and_the_findings_are_unchanged(repo: Path, here: list[list[str]]) -> None:
    one_process = _findings(repo, run_rules)
    assert {"S201", "S202", "S205", "Q301"} <= _title_codes(one_process)
    assert _findings(repo, rulesplit.run_rules_shared) == one_process
    assert here == []  # every rule ran in the worker or in the loop of run_rules_shared


@needs_fork
@pytest.mark.usefixtures("large")
def test_a_worker_that_fails_leaves_its_rules_to_this_process(
    repo: Path, here: list[list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> list[tuple[Any, ...]]:
        raise RuntimeError("the worker died")

    one_process = _findings(repo, run_rules)
    monkeypatch.setattr(rulesplit, "_run_shared", broken)
    assert _findings(repo, rulesplit.run_rules_shared) == one_process
    assert len(here) == 1 and all(rulesplit.is_title_rule(code) for code in here[0])


@needs_fork
@pytest.mark.usefixtures("large", "here")
def test_a_rule_that_breaks_in_the_worker_breaks_here_as_in_one_process(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from okrlint.lint.rules import quality

    def broken(title: str) -> None:
        raise ZeroDivisionError(title)

    monkeypatch.setattr(quality, "find_activity", broken)
    with pytest.raises(ZeroDivisionError):
        _findings(repo, rulesplit.run_rules_shared)


def test_a_small_repository_runs_its_rules_in_one_process(repo: Path, here: list[list[str]]) -> None:
    assert _findings(repo, rulesplit.run_rules_shared) == _findings(repo, run_rules)
    assert len(here) == 1 and {"S201", "T404", "Q301"} <= set(here[0])


def test_findings_cross_from_the_worker_whole() -> None:
    fixed = Finding("okrs/a.yaml", 3, 9, "S202", "unmeasurable-key-result", Severity.ERROR, "m", Fix("safe", "fills"))
    plain = Finding("okrs/a.yaml", 4, 1, "Q301", "activity-key-result", Severity.WARNING, "n")
    for finding in (fixed, plain):
        back = rulesplit._finding(rulesplit._plain(finding))
        assert (back, back.rule, back.severity, back.message, back.fix) == (
            finding,
            finding.rule,
            finding.severity,
            finding.message,
            finding.fix,
        )
