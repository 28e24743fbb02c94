"""``okrlint checkin``: one value per KR (or KPI) and day unless ``--replace``, no future dates, what was written."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from test_checkin import TEAMS, TODAY, assert_clean, snapshot

from linting import write_repo
from okrlint.cli import main
from sample_org import SHOP_KPIS as KPIS
from sample_org import SHOP_Q4 as OKRS

LOG = """\
# Payments check-ins
team: shop
checkins:
  # October
  - date: 2026-10-05   # first
    kr: checkout/latency
    value: 1200  # measured by the CDN
    confidence: 0.5

  - {date: 2026-10-12, kr: checkout/latency, value: 1100}  # flow row
  - date: 2026-10-19
    kr: checkout/latency
    value: 1000
# trailing comment
"""
CSV = "date,kr,value,note\n2026-10-05,shop/checkout/latency,1200,first\n2026-10-12,shop/checkout/latency,1100,\n"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_repo(
        tmp_path,
        {
            "okrs/2026-Q4/shop.yaml": OKRS,
            "okrs/kpis.yaml": KPIS,
            "okrs/teams.yaml": TEAMS,
            "okrs/2026-Q4/checkins/shop.yaml": LOG,
        },
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("okrlint.commands.checkin.today", lambda as_of: as_of or TODAY)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["checkin", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_second_value_for_one_day_is_refused(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(repo)
    code, out, err = run(capsys, "shop/checkout/latency", "1150", "--date", "2026-10-12")
    assert (code, out) == (2, "")
    assert (
        "shop/checkout/latency already has a value on 2026-10-12: 1,100 (okrs/2026-Q4/checkins/shop.yaml:10); "
        "pass --replace to replace that row"
    ) in err
    assert snapshot(repo) == before


def test_replace_rewrites_only_that_value(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = repo / "okrs/2026-Q4/checkins/shop.yaml"
    code, out, _ = run(capsys, "shop/checkout/latency", "1150", "--date", "2026-10-05", "--replace")
    assert code == 0
    assert out == (
        "okrs/2026-Q4/checkins/shop.yaml:5: replaced the row with "
        "{date: 2026-10-05, kr: checkout/latency, value: 1150, confidence: 0.5}\n"
    )
    assert log.read_text(encoding="utf-8") == LOG.replace("value: 1200  #", "value: 1150  #")
    assert_clean(repo)


def test_replace_sets_the_options_given_and_adds_missing_fields(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = repo / "okrs/2026-Q4/checkins/shop.yaml"
    args = ("shop/checkout/latency", "990", "--replace", "--confidence", "0.8", "--note", "CDN: done")
    assert run(capsys, *args, "--date", "2026-10-19")[0] == 0
    assert log.read_text(encoding="utf-8") == LOG.replace(
        "    value: 1000\n", '    value: 990\n    confidence: 0.8\n    note: "CDN: done"\n'
    )
    code, out, _ = run(capsys, *args, "--date", "2026-10-12")
    assert code == 0
    assert out.startswith("okrs/2026-Q4/checkins/shop.yaml:10: replaced the row with {date: 2026-10-12")
    assert '{date: 2026-10-12, kr: checkout/latency, value: 990, confidence: 0.8, note: "CDN: done"}  # flow row' in (
        log.read_text(encoding="utf-8")
    )
    assert_clean(repo)


def test_replace_in_a_csv_log(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "okrs/2026-Q4/checkins/shop.yaml").unlink()
    log = repo / "okrs/2026-Q4/checkins/shop.csv"
    log.write_text(CSV, encoding="utf-8")
    assert run(capsys, "shop/checkout/latency", "1", "--date", "2026-10-05")[0] == 2
    code, out, _ = run(capsys, "shop/checkout/latency", "1180", "--date", "2026-10-05", "--replace", "--note", "a, b")
    assert code == 0
    assert (
        out == 'okrs/2026-Q4/checkins/shop.csv:2: replaced the row with 2026-10-05,shop/checkout/latency,1180,"a, b"\n'
    )
    assert log.read_text(encoding="utf-8") == CSV.replace("1200,first", '1180,"a, b"')
    assert_clean(repo)


def test_kpi_measurements_too(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "kpi:nps", "40", "--date", "2026-10-31")[0] == 0
    code, _, err = run(capsys, "kpi:nps", "41", "--date", "2026-10-31")
    assert code == 2 and "kpi:nps already has a value on 2026-10-31: 40" in err
    code, out, _ = run(capsys, "kpi:nps", "41", "--date", "2026-10-31", "--replace")
    assert code == 0
    assert out == "okrs/checkins/kpis.yaml:3: replaced the row with {date: 2026-10-31, kpi: nps, value: 41}\n"


def test_replace_without_a_row_that_day_appends(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "shop/checkout/latency", "900", "--date", "2026-10-26", "--replace")
    assert code == 0
    assert out == "okrs/2026-Q4/checkins/shop.yaml:15: added {date: 2026-10-26, kr: checkout/latency, value: 900}\n"
    assert_clean(repo)


def test_two_rows_on_one_day_are_not_guessed_at(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = repo / "okrs/2026-Q4/checkins/shop.yaml"
    log.write_text(LOG.replace("date: 2026-10-19", "date: 2026-10-12"), encoding="utf-8")
    before = snapshot(repo)
    code, _, err = run(capsys, "shop/checkout/latency", "1", "--date", "2026-10-12", "--replace")
    assert code == 2
    assert "has 2 rows on 2026-10-12" in err
    assert snapshot(repo) == before


def test_a_date_after_today_is_refused(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(repo)
    tomorrow = (TODAY + timedelta(days=1)).isoformat()
    code, _, err = run(capsys, "shop/checkout/latency", "1", "--date", tomorrow)
    assert code == 2
    assert f"date {tomorrow} is after today ({TODAY})" in err
    assert snapshot(repo) == before


def test_the_real_today_is_the_default_limit(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from okrlint.checkin.plan import CheckinError, Request, plan_checkin
    from okrlint.config import load_config
    from okrlint.model.load import load_repository

    config = load_config(repo / ".okrlint.yaml")
    request = Request("kpi:nps", "1", date.today() + timedelta(days=1))
    with pytest.raises(CheckinError, match="is after today"):
        plan_checkin(load_repository(config), config, request)


def test_a_row_added_meanwhile_is_seen_under_the_lock(repo: Path) -> None:
    """Two check-ins of one KR and day racing: the second re-reads the log under the lock and refuses."""
    from okrlint.checkin.plan import CheckinError, Request, plan_checkin
    from okrlint.checkin.write import write_checkin
    from okrlint.config import load_config
    from okrlint.model.load import load_repository

    config = load_config(repo / ".okrlint.yaml")
    loaded = load_repository(config)
    first, second = (
        plan_checkin(loaded, config, Request("shop/checkout/latency", value, date(2026, 10, 26)), today=TODAY)
        for value in ("900", "901")
    )
    write_checkin(first, repo)
    before = snapshot(repo)
    with pytest.raises(CheckinError, match=r"already has a value on 2026-10-26 \(okrs/2026-Q4/checkins/shop.yaml:15\)"):
        write_checkin(second, repo)
    assert snapshot(repo) == before
