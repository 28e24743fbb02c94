"""Tests for okrlint.source.csvlog: CSV check-in logs as spreadsheets export them, and bad rows as findings."""

from __future__ import annotations

import io
import math
import tracemalloc
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linting import lint_files, write_repo
from okrlint.config import load_config
from okrlint.model.csvlog import read_csv_log
from okrlint.model.load import load_repository
from okrlint.model.sources import source_files
from okrlint.scoring.scores import collect_checkins, score_okr_set
from okrlint.source.csvlog import first_line, locate_quote_error, parse_cell_value, physical_lines
from okrlint.util.numbers import parse_number
from sample_org import SHOP_KPIS as KPIS
from sample_org import SHOP_Q4 as OKRS


def problems_of(text: str) -> list[tuple[str, int, int, str]]:
    _, problems = read_csv_log("log.csv", text)
    return [(p.code, p.line, p.column, p.message) for p in problems]


def test_spreadsheet_export_reads_cleanly() -> None:
    text = (
        "\ufeffDate,KR,Value,Confidence,Note,Author,\r\n"
        '2026-10-12,shop/checkout/latency,"1,100",0.7,"CDN rollout, phase 1",lee@example.com,\r\n'
        '2026-10-19,shop/checkout/latency,950,,"two lines:\r\nand a ""quote""",,\r\n'
        "2026-10-26,shop/checkout/one-click,TRUE\r\n"
        "\r\n"
        ",,,,,,\r\n"
        "\r\n"
    )
    log, problems = read_csv_log("okrs/log.csv", text)
    assert problems == []
    assert log is not None
    rows = log.rows
    assert [(r.date, r.kr, r.value, r.confidence) for r in rows] == [
        (date(2026, 10, 12), "shop/checkout/latency", 1100.0, 0.7),
        (date(2026, 10, 19), "shop/checkout/latency", 950.0, None),
        (date(2026, 10, 26), "shop/checkout/one-click", True, None),
    ]
    assert rows[0].note == "CDN rollout, phase 1"
    assert rows[1].note == 'two lines:\r\nand a "quote"'
    assert rows[2].loc.line == 5  # the line the record starts on: the one before spans lines 3-4
    assert rows[0].at("value").column == 3
    assert rows[0].author == "lee@example.com"


def test_semicolon_and_team_column() -> None:
    log, problems = read_csv_log("log.csv", "team;kr;date;value\nshop;checkout/latency;2026-10-12;1100\n")
    assert problems == []
    assert log is not None
    assert (log.rows[0].team, log.rows[0].kr) == ("shop", "checkout/latency")


def test_not_a_checkin_log() -> None:
    assert read_csv_log("data.csv", "name,amount\nx,1\n") == (None, [])
    assert read_csv_log("empty.csv", "") == (None, [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("date,kr,value\n2026-10-12,shop/checkout/latency,1100,extra\n", (2, 4, "cell 'extra' is not read")),
        ("date,kr,value\n2026-10-12,shop/checkout/latency\n", (2, 3, "value '' is not a number")),
        ("date,kr,value\n2026-02-30,shop/checkout/latency,1\n", (2, 1, "date '2026-02-30' is not a valid date")),
        ("date,kr,value\n20261012,shop/checkout/latency,1\n", (2, 1, "date '20261012' is not a valid date")),
        ("date,kr,value\n2026-10-12,checkout/latency,1\n", (2, 2, "must be team/objective/kr")),
        ("date,kr,value\n2026-10-12,Shop/Checkout,1\n", (2, 2, "is not a reference")),
        ("date,kr,kpi,value\n2026-10-12,shop/checkout/latency,nps,1\n", (2, 2, "exactly one of kr or kpi")),
        ("date,kpi,value\n2026-10-12,nps,0,5\n", (2, 4, "cell '5' is not read")),
        ("date,kpi,value\n2026-10-12,nps,1_000\n", (2, 3, "value '1_000' is not a number")),
        ("date,kpi,value,confidence\n2026-10-12,nps,1,high\n", (2, 4, "confidence 'high' is not a number")),
        ("date,kpi,value,notes\n2026-10-12,nps,1,x\n", (1, 4, "unknown column 'notes' (did you mean 'note'?)")),
        ("date,kpi,value,value\n2026-10-12,nps,1,2\n", (1, 4, "column 'value' appears twice")),
    ],
)
def test_bad_rows_are_located(text: str, expected: tuple[int, int, str]) -> None:
    found = problems_of(text)
    assert found, text
    code, line, column, message = found[0]
    assert (code, line, column) == ("E002", expected[0], expected[1])
    assert expected[2] in message


def test_unbalanced_quote_points_at_the_opening_quote_and_keeps_earlier_rows() -> None:
    text = 'date,kpi,value,note\n2026-10-05,nps,60,ok\n2026-10-12,nps,61,"unfinished\n2026-10-19,nps,62,x\n'
    log, problems = read_csv_log("log.csv", text)
    assert [(p.code, p.line, p.column) for p in problems] == [("E001", 3, 4)]
    assert "never closed" in problems[0].message
    assert log is not None
    assert [row.value for row in log.rows] == [60.0]


def test_text_after_a_closing_quote() -> None:
    assert locate_quote_error('a,b\n1,"x"y\n', ",") == (2, 2, "unexpected 'y' after the closing quote of a quoted cell")
    assert problems_of('date,kpi,value\n2026-10-12,"nps"x,1\n')[0][:3] == ("E001", 2, 2)


def test_cell_values() -> None:
    assert parse_number("1,200") == 1200.0
    assert parse_number(" -3.5e2 ") == -350.0
    assert parse_number("0,5") is None  # a decimal comma is refused, not read as 5
    assert parse_number("12abc") is None
    assert math.isnan(parse_number("NaN") or 0.0)  # left for T403 to report
    assert parse_cell_value("Done") is True
    assert parse_cell_value("FALSE") is False
    assert parse_cell_value("yes") is None


def test_findings_through_lint(tmp_path: Path) -> None:
    files = {
        "okrs/shop.yaml": OKRS,
        "okrs/kpis.yaml": KPIS,
        "okrs/checkins.csv": "date,kr,value\n2026-10-12,shop/checkout/latency,1100\n"
        "2026-10-13,shop/checkout/latency,\n",
    }
    found = [(f.path, f.line, f.column, f.code) for f in lint_files(tmp_path, files, select=["E", "T"])]
    assert ("okrs/checkins.csv", 3, 3, "E002") in found


def test_csv_rows_feed_scores(tmp_path: Path) -> None:
    log = (
        "\ufeffdate,team,kr,value\r\n2026-10-12,shop,checkout/latency,800\r\n2026-10-13,shop,checkout/one-click,0.5\r\n"
    )
    config = load_config(write_repo(tmp_path, {"okrs/shop.yaml": OKRS}))
    (tmp_path / "okrs" / "log.csv").write_bytes(log.encode("utf-8"))
    loaded = load_repository(config, source_files(config))
    assert loaded.problems == ()
    team = score_okr_set(loaded.repo.okr_sets[0], collect_checkins(loaded.repo, date(2026, 11, 1)))
    scores = {kr.kr.id: kr.score for kr in team.key_results()}
    assert scores == {"latency": pytest.approx(0.5), "one-click": 0.5}


@given(st.text(alphabet='ab ,"\r\n\t\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029', max_size=60))
def test_lines_split_as_stringio_and_splitlines_do(text: str) -> None:
    assert list(physical_lines(text)) == list(io.StringIO(text, newline=""))
    assert first_line(text) == next((line for line in text.splitlines() if line.strip()), "")


def test_reading_a_large_log_holds_no_copy_of_its_text() -> None:
    rows = 40_000
    text = "date,kr,value\n" + "".join(f"2026-10-{1 + i % 28:02d},t/o/k,{i}\n" for i in range(rows))
    tracemalloc.start()
    try:
        log, problems = read_csv_log("log.csv", text)
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert log is not None and len(log.rows) == rows and problems == []
    # io.StringIO held the text at four bytes a character, and a list of records 400 bytes a row.
    assert peak - held < len(text) / 2, f"reading {len(text)} characters took {peak - held} bytes besides the rows"
