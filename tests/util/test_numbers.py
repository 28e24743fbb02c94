"""The one number parser of CSV cells and ``okrlint checkin`` arguments (``okrlint.util.numbers``)."""

from __future__ import annotations

import math

import pytest

from okrlint.checkin import plan
from okrlint.checkin.plan import CheckinError, number_argument
from okrlint.source import csvlog
from okrlint.source.csvlog import parse_cell_value
from okrlint.util.numbers import parse_number, plain_number
from paths import REPO

SRC = REPO / "src" / "okrlint"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", 12),
        (" -3.5e2 ", -350.0),
        (".5", 0.5),
        ("1,200", 1200),
        ("-1,234,567.5", -1234567.5),
        ("1e308", 1e308),
        ("9" * 300, int("9" * 300)),
        ("9" * 382, math.inf),
        ("-" + "9" * 5000, -math.inf),
        ("1e309", math.inf),
        ("0,5", None),
        ("12abc", None),
        ("0x10", None),
        ("1_000", None),
        ("", None),
    ],
)
def test_parse_number(text: str, expected: float | None) -> None:
    assert parse_number(text) == expected
    if isinstance(expected, int):
        assert type(parse_number(text)) is int


def test_non_finite_words_come_back_non_finite() -> None:
    assert math.isnan(parse_number("NaN") or 0.0)
    assert parse_number("-.inf") == -math.inf


def test_csv_cells_and_checkin_arguments_read_numbers_alike() -> None:
    """Both callers use the one parser: what a CSV cell accepts, ``checkin`` accepts (when finite)."""
    for text in ("12", "1,200", "-3.5e2", ".5"):
        assert parse_cell_value(text) == number_argument(text, "value")
    for text in ("9" * 382, "nan", "abc"):
        with pytest.raises(CheckinError):
            number_argument(text, "value")
    assert not hasattr(csvlog, "parse_number") or csvlog.parse_number is parse_number
    assert not hasattr(plan, "parse_number") or plan.parse_number is parse_number
    sources = [p.read_text(encoding="utf-8") for p in SRC.rglob("*.py") if p.name != "numbers.py"]
    assert not any("NUMBER_RE = re.compile" in text for text in sources)


@pytest.mark.parametrize(
    ("value", "shown"),
    [(6200000.0, "6,200,000"), (0.5, "0.5"), (1200, "1,200"), (1e308, "1×10³⁰⁸"), (5e-324, "4.94066×10⁻³²⁴")],
)
def test_plain_number_never_writes_an_exponent(value: float, shown: str) -> None:
    """Messages show numbers as people write them (SPEC §5.1): ``6,200,000``, never ``6.2e+06``."""
    assert plain_number(value) == shown
