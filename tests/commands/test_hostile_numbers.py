"""Values near ±1e308, years 1 to 9999 and periods of any length give results or findings, never NaN or exit 3.

SPEC §7: every number is finite in every output. Each case edits a fresh ``okrlint init``
repository (its first metric KR, its first check-ins, its period) and runs ``lint`` and
``report`` in every format.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from okrlint.cli import main
from okrlint.model.periods import Period
from okrlint.scoring.formulas import least_squares, metric_attainment, range_attainment, weighted_mean

BIG = sys.float_info.max
AS_OF = "2026-11-20"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh ``okrlint init`` repository, as the current folder."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    root = tmp_path / "repo"
    assert main(["init", str(root), "--as-of", AS_OF]) == 0
    monkeypatch.chdir(root)
    return root


def _okr_set(repo: Path) -> Path:
    return next(p for p in (repo / "okrs").rglob("*.yaml") if "objectives:" in p.read_text(encoding="utf-8"))


def _log(repo: Path) -> Path:
    return next(p for p in (repo / "okrs").rglob("checkins/*.yaml"))


def _edit(path: Path, pattern: str, replacement: str, count: int = 0) -> None:
    text = path.read_text(encoding="utf-8")
    changed, done = re.subn(pattern, replacement, text, count=count)
    assert done, pattern
    path.write_text(changed, encoding="utf-8")


def _numbers(data: Any) -> Iterator[float]:
    if isinstance(data, dict):
        for value in data.values():
            yield from _numbers(value)
    elif isinstance(data, list):
        for value in data:
            yield from _numbers(value)
    elif isinstance(data, float):
        yield data


def _reject_constant(name: str) -> None:
    raise AssertionError(f"{name} in JSON output")


def _run_everything(repo: Path, as_of: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    """Run lint and every report format; return the JSON report (every number in it checked finite)."""
    assert main(["lint", "--format", "json", "--as-of", as_of, "--output", "lint.json"]) in (0, 1)
    assert main(["report", "--format", "md", "--as-of", as_of, "--out", "r.md"]) == 0
    assert main(["report", "--format", "html", "--as-of", as_of, "--out", "site"]) == 0
    assert main(["report", "--format", "json", "--as-of", as_of, "--out", "r.json"]) == 0
    err = capsys.readouterr().err
    assert "internal error" not in err and "Traceback" not in err
    data: dict[str, Any] = json.loads((repo / "r.json").read_text(encoding="utf-8"), parse_constant=_reject_constant)
    assert all(math.isfinite(number) for number in _numbers(data))
    pages = (repo / "r.md").read_text(encoding="utf-8") + "".join(
        p.read_text(encoding="utf-8") for p in (repo / "site").rglob("*.html")
    )
    messages = " ".join(f["message"] for f in json.loads((repo / "lint.json").read_text(encoding="utf-8"))["findings"])
    for text in (pages, messages):
        assert not re.search(r"\b(nan|NaN|inf|Infinity)\b", text)
        assert not re.search(r"[0-9]e[-+][0-9]", text), re.findall(r".{40}[0-9]e[-+][0-9].{20}", text)[:3]
    return data


EXTREMES = [
    ("-1e308", "1e308", "1e308"),
    ("1e308", "-1e308", "-1e308"),
    ("-1.7976931348623157e308", "1.7976931348623157e308", "0"),
    ("0", "1e308", "-1e308"),
    ("0", "5e-324", "1.7976931348623157e308"),
    ("1e-308", "2e-308", "1.5e-308"),
]


@pytest.mark.parametrize(("baseline", "target", "value"), EXTREMES)
def test_extreme_values_give_finite_reports(
    repo: Path, baseline: str, target: str, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit(_okr_set(repo), r"baseline: \S+\n(\s+)target: \S+", rf"baseline: {baseline}\n\1target: {target}", 1)
    _edit(_log(repo), r"(kr: [\w-]+/[\w-]+\n\s+value: )[0-9.]+", rf"\g<1>{value}")
    data = _run_everything(repo, AS_OF, capsys)
    kr = data["teams"][0]["objectives"][0]["key_results"][0]
    assert kr["score"] is not None and 0.0 <= kr["score"] <= 1.0


def test_huge_weights_and_ranges(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    okrs = _okr_set(repo)
    _edit(okrs, r"(\n(\s+)baseline: \S+\n)", r"\n\2weight: 1e308\1", 2)
    _edit(okrs, r"baseline: \S+\n(\s+)target: \S+", r"baseline: -1e308\n\1range: {min: -1e308, max: 1e308}", 1)
    data = _run_everything(repo, AS_OF, capsys)
    assert data["teams"][0]["objectives"][0]["score"] is not None


@pytest.mark.parametrize(
    ("period", "day", "as_of"),
    [
        ("0001-Q1", "0001-01-01", "0001-02-01"),
        ("0001-Q1", "0001-02-01", AS_OF),
        ("0001-H1", "0001-01-01", "0001-01-01"),
        ("0001", "0001-12-31", "0001-12-31"),
        ("9999-Q4", "9999-11-01", "9999-12-31"),
        ("9999-H2", "9999-12-31", AS_OF),
        ("9999", "9999-12-31", "9999-12-31"),
        ("{id: all, start: 0001-01-01, end: 9999-12-31}", "0001-01-01", "9999-12-31"),
        ("{id: one-day, start: 2026-01-01, end: 2026-01-01}", "2026-01-01", "2026-01-01"),
        ("2026-Q4", "0001-01-01", AS_OF),
        ("2026-Q4", "9999-12-31", AS_OF),
    ],
)
def test_calendar_edges_give_results(
    repo: Path, period: str, day: str, as_of: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Periods at years 1 and 9999 with a check-in, and check-ins at those years, lint and report."""
    _edit(_okr_set(repo), r"\nperiod: [^\n]+", f"\nperiod: {period}")
    _edit(_log(repo), r"- date: [0-9-]+", f"- date: {day}", 1)
    data = _run_everything(repo, as_of, capsys)
    assert data["teams"]


def test_grace_days_at_the_ends_of_the_calendar() -> None:
    """``contains_date`` with grace days reaching before year 1 or after 9999 does not overflow."""
    first = Period(date(1, 1, 1), date(1, 3, 31), "0001-Q1")
    last = Period(date(9999, 10, 1), date(9999, 12, 31), "9999-Q4")
    assert first.contains_date(date(1, 1, 1), grace_days=14)
    assert last.contains_date(date(9999, 12, 31), grace_days=10_000)
    assert not first.contains_date(date(9999, 12, 31), grace_days=14)


def test_formulas_stay_finite() -> None:
    assert metric_attainment(BIG, -BIG, BIG) == 1.0
    assert metric_attainment(-BIG, -BIG, BIG) == 0.0
    assert metric_attainment(0.0, -1e308, 1e308) == 0.5
    assert metric_attainment(1e308, 0.0, 5e-324) == BIG  # overflowing attainment is held finite
    assert metric_attainment(1.0, 1.0, 1.0) is None
    assert range_attainment(-BIG, (0.0, 1.0), BIG) == 0.0
    assert range_attainment(-1e308, (1e308, BIG), -BIG) is not None
    assert weighted_mean([(1.0, BIG), (0.0, BIG)]) == 0.5
    assert least_squares([(0.0, BIG), (1.0, -BIG)], 2.0) is None  # the line leaves the floats: no forecast
    assert least_squares([(0.0, 1e308), (1.0, 1e308)], 2.0) == 1e308


@pytest.mark.parametrize(("as_of", "fiscal"), [("0001-01-01", "1"), ("9999-12-31", "1"), ("0001-07-01", "7")])
def test_init_at_the_ends_of_the_calendar_lints_clean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, as_of: str, fiscal: str
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["init", "repo", "--as-of", as_of, "--fiscal-year-start-month", fiscal]) == 0
    monkeypatch.chdir(tmp_path / "repo")
    assert main(["lint", "--as-of", as_of, "--no-cache"]) == 0


@pytest.mark.parametrize(("as_of", "fiscal"), [("9999-12-31", "12"), ("0001-01-01", "7")])
def test_init_refuses_a_fiscal_year_outside_the_calendar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], as_of: str, fiscal: str
) -> None:
    """9999-12-31 lies in fiscal year 10000 when it starts in December (0001-01-01 in year 0 from July): exit 2."""
    assert main(["init", str(tmp_path / "repo"), "--as-of", as_of, "--fiscal-year-start-month", fiscal]) == 2
    assert "cannot be named" in capsys.readouterr().err
    assert not (tmp_path / "repo").exists()
