"""Numbers people read (SPEC §5.1): no scientific notation in any output, forecasts with the data's precision."""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from linting import lint_files, write_repo
from okrlint.cli import main
from okrlint.report.formatting import number
from okrlint.util.numbers import plain_number
from okrlint.util.quantum import quantum, to_quantum

SCIENTIFIC = re.compile(r"\d(?:\.\d+)?[eE][+-]\d")

REVENUE = """\
team: sales
period: 2026-Q4
owner: sam@example.com
objectives:
  - id: grow
    title: Grow revenue from the customers who love the product
    type: committed
    key_results:
      - id: revenue
        title: Grow quarterly revenue from 5,000,000 USD to 8,000,000 USD
        baseline: 5000000
        target: 8000000
        unit: USD
      - id: churn
        title: Cut monthly churn from 3% to 2%
        baseline: 3
        target: 2
        unit: "%"
"""
# Revenue in millions with one decimal; churn with one decimal.
REVENUE_LOG = """\
team: sales
checkins:
  - {date: 2026-10-15, kr: grow/revenue, value: 5.4e6}
  - {date: 2026-11-01, kr: grow/churn, value: 2.7}
  - {date: 2026-11-15, kr: grow/revenue, value: 6.2e6}
  - {date: 2026-11-15, kr: grow/churn, value: 2.5}
"""
FILES = {"okrs/sales.yaml": REVENUE, "okrs/checkins/sales.yaml": REVENUE_LOG}


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        (6.2e6, "6,200,000"),
        (6200000, "6,200,000"),
        (1e-5, "0.00001"),
        (-1234567.891, "-1,234,567.891"),
        (2.0, "2"),
        (1.5e20, "1.5×10²⁰"),
    ],
)
def test_plain_number_groups_thousands_without_an_exponent(raw: float, shown: str) -> None:
    assert plain_number(raw) == shown


@pytest.mark.parametrize(("raw", "shown"), [(6.2e6, "6,200,000"), (1e-9, "0"), (4.2e17, "4.2×10¹⁷")])
def test_number_never_uses_e_notation(raw: float, shown: str) -> None:
    assert number(raw) == shown


def test_quantum_is_the_finest_last_significant_digit() -> None:
    assert quantum([5.4e6, 6.2e6]) == Decimal("1E+5")
    assert quantum([2.7, 2.5, 3]) == Decimal("0.1")
    assert quantum([2.49, 3]) == Decimal("0.01")
    assert quantum([0, None, "x", True]) is None
    assert to_quantum(7188029.4, Decimal("1E+5")) == 7200000
    assert to_quantum(2.201, Decimal("0.01")) == pytest.approx(2.2)
    assert to_quantum(2.201, None) == 2.201


def test_lint_messages_write_numbers_out(tmp_path: Path) -> None:
    findings = lint_files(tmp_path, FILES, as_of=date(2027, 1, 20), select=["T405"])
    revenue = next(f for f in findings if "grow/revenue" in f.message)
    assert "last value 6,200,000" in revenue.message
    assert not SCIENTIFIC.search(revenue.message)


def test_scorecards_show_forecasts_with_the_precision_of_their_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_repo(tmp_path, FILES)
    monkeypatch.chdir(tmp_path)
    assert main(["report", "--format", "json", "--as-of", "2026-11-20"]) == 0
    data = json.loads(capsys.readouterr().out)
    krs = data["teams"][0]["objectives"][0]["key_results"]
    raw = {kr["id"]: kr["forecast"]["value"] for kr in krs}
    assert raw["revenue"] != round(raw["revenue"], -5)  # JSON stays unrounded
    assert main(["report", "--format", "md", "--as-of", "2026-11-20"]) == 0
    md = capsys.readouterr().out
    assert main(["report", "--format", "html", "--as-of", "2026-11-20", "--out", "site"]) == 0
    page = (tmp_path / "site/teams/sales.html").read_text(encoding="utf-8")
    revenue = f"{round(raw['revenue'], -5):,.0f} USD"
    churn = f"{round(raw['churn'], 1):g}%"
    for text in (md, page):
        assert not SCIENTIFIC.search(text)
        assert revenue in text and churn in text
        assert "6,200,000 USD" in text
        assert f"{raw['revenue']:,.0f} USD" not in text


def test_diff_writes_numbers_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from okrlint.diff.render import _value

    assert _value(6.2e6) == "6,200,000"
    assert _value({"min": 0.5, "max": 2.5e6}) == "0.5–2,500,000"
