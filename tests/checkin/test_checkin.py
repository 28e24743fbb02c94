"""Tests for ``okrlint checkin``: which log gets the row, byte-exact edits, validation, locking."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from linting import write_repo
from okrlint.checkin.lock import LockTimeout, file_lock
from okrlint.checkin.plan import Request, plan_checkin
from okrlint.checkin.write import apply_plan
from okrlint.cli import main
from okrlint.config import load_config
from okrlint.lint.run import lint
from okrlint.lint.selection import Selection
from okrlint.model.load import load_repository
from okrlint.model.sources import source_files
from sample_org import SHOP_KPIS as KPIS
from sample_org import SHOP_Q4 as OKRS
from tools import checkins_at_once

TODAY = date(2027, 2, 1)
TEAMS = "teams:\n  - {id: company, name: Acme}\n  - {id: shop, name: Shop, parent: company}\n"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_repo(tmp_path, {"okrs/2026-Q4/shop.yaml": OKRS, "okrs/kpis.yaml": KPIS, "okrs/teams.yaml": TEAMS})
    monkeypatch.chdir(tmp_path)
    # "today" for the command: after every date these tests check in (a date after today is refused)
    monkeypatch.setattr("okrlint.commands.checkin.today", lambda as_of: as_of or TODAY)
    return tmp_path


def checkin(*args: str) -> int:
    return main(["checkin", *args])


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def assert_clean(root: Path, select: tuple[str, ...] = ("E", "T401", "T402", "T403")) -> None:
    """The repository lints without load, schema or check-in errors."""
    config = load_config(root / ".okrlint.yaml")
    found = lint(config, date(2026, 11, 23), Selection(select)).findings
    assert [f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}" for f in found] == []


def test_creates_the_team_log_beside_the_okr_set(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        checkin(
            "shop/checkout/latency",
            "1100",
            "--date",
            "2026-10-12",
            "--confidence",
            "0.7",
            "--note",
            "CDN: half done",
            "--author",
            "lee@example.com",
        )
        == 0
    )
    assert capsys.readouterr().out == (
        "okrs/2026-Q4/checkins/shop.yaml:4: created the log with {date: 2026-10-12, kr: checkout/latency, "
        'value: 1100, confidence: 0.7, author: lee@example.com, note: "CDN: half done"}\n'
    )
    assert (repo / "okrs/2026-Q4/checkins/shop.yaml").read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=https://okrlint.dev/schema/checkins.schema.json\n"
        "team: shop\n"
        "checkins:\n"
        "  - date: 2026-10-12\n"
        "    kr: checkout/latency\n"
        "    value: 1100\n"
        "    confidence: 0.7\n"
        "    author: lee@example.com\n"
        '    note: "CDN: half done"\n'
    )
    assert checkin("shop/checkout/one-click", "done", "--date", "2026-10-13") == 0
    assert (
        (repo / "okrs/2026-Q4/checkins/shop.yaml")
        .read_text(encoding="utf-8")
        .endswith("  - date: 2026-10-13\n    kr: checkout/one-click\n    value: true\n")
    )
    assert_clean(repo)


def test_new_log_reuses_a_sibling_modeline(repo: Path) -> None:
    sibling = "# yaml-language-server: $schema=../../../schema/checkins.schema.json\ncheckins: []\n"
    (repo / "okrs/2026-Q4/checkins").mkdir(parents=True)
    (repo / "okrs/2026-Q4/checkins/other.yaml").write_text(sibling, encoding="utf-8")
    assert checkin("shop/checkout/latency", "1100", "--date", "2026-10-12") == 0
    created = (repo / "okrs/2026-Q4/checkins/shop.yaml").read_text(encoding="utf-8")
    assert created.startswith("# yaml-language-server: $schema=../../../schema/checkins.schema.json\n")


STYLED = """\
# Shop check-ins.   Keep rows in date order!
team: shop

checkins:
    # October
    -   kr: checkout/latency     # p95 from the APM
        date: '2026-10-05'
        value: 1180
        note: "started"

    -   kr: checkout/latency
        date: '2026-10-12'
        value: 1100   # after CDN
        note: "CDN, phase 1"
    # end of the list

# pinned on purpose
period: 2026-Q4
"""


def test_append_keeps_every_byte_and_follows_the_last_rows_style(repo: Path) -> None:
    log = repo / "okrs/progress.yaml"
    log.write_text(STYLED, encoding="utf-8")
    assert checkin("shop/checkout/latency", "1000", "--date", "2026-10-19", "--note", "phase 2") == 0
    assert log.read_text(encoding="utf-8") == STYLED.replace(
        "    # end of the list\n",
        "    # end of the list\n"
        "    -   kr: checkout/latency\n"
        "        date: '2026-10-19'\n"
        "        value: 1000\n"
        '        note: "phase 2"\n',
    )
    assert_clean(repo)


def test_flow_rows_crlf_and_bom_survive(repo: Path) -> None:
    text = "\ufeffteam: shop\r\ncheckins:\r\n- {date: 2026-10-05, kr: checkout/latency, value: 1180}  # first\r\n"
    log = repo / "okrs/2026-Q4/checkins/shop.yaml"
    log.parent.mkdir(parents=True)
    log.write_bytes(text.encode("utf-8"))
    assert checkin("shop/checkout/latency", "1100.5", "--date", "2026-10-12", "--author", "o'neil") == 0
    assert log.read_bytes() == (
        text + "- {date: 2026-10-12, kr: checkout/latency, value: 1100.5, author: o'neil}\r\n"
    ).encode("utf-8")
    assert_clean(repo)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "team: shop\ncheckins: []   # nothing yet\n",
            "team: shop\ncheckins:  # nothing yet\n  - date: 2026-10-12\n    kr: checkout/latency\n    value: 1100\n",
        ),
        (
            "team: shop\ncheckins: [{date: 2026-10-05, kr: checkout/latency, value: 1180}]\n",
            "team: shop\ncheckins: [{date: 2026-10-05, kr: checkout/latency, value: 1180}, "
            "{date: 2026-10-12, kr: checkout/latency, value: 1100}]\n",
        ),
        (
            "checkins:\n- date: 2026-10-05\n  kr: shop/checkout/latency\n  value: 1180",
            "checkins:\n- date: 2026-10-05\n  kr: shop/checkout/latency\n  value: 1180\n"
            "- date: 2026-10-12\n  kr: shop/checkout/latency\n  value: 1100\n",
        ),
    ],
)
def test_flow_lists_and_missing_final_newline(repo: Path, before: str, after: str) -> None:
    log = repo / "okrs/2026-Q4/checkins/shop.yaml"
    log.parent.mkdir(parents=True)
    log.write_text(before, encoding="utf-8")
    assert checkin("shop/checkout/latency", "1100", "--date", "2026-10-12") == 0
    assert log.read_text(encoding="utf-8") == after
    assert_clean(repo)


def test_the_log_that_holds_the_sets_rows_wins(repo: Path) -> None:
    (repo / "okrs/a.yaml").write_text(
        "checkins:\n  - {date: 2026-10-05, kr: shop/checkout/latency, value: 1}\n", encoding="utf-8"
    )
    (repo / "okrs/b.yaml").write_text(
        "team: shop\ncheckins:\n  - {date: 2026-10-06, kr: checkout/one-click, value: false}\n", encoding="utf-8"
    )
    assert checkin("shop/checkout/latency", "1100", "--date", "2026-10-12") == 0
    assert (
        (repo / "okrs/b.yaml")
        .read_text(encoding="utf-8")
        .endswith("  - {date: 2026-10-12, kr: checkout/latency, value: 1100}\n")
    )  # b holds the latest row of the set
    assert not (repo / "okrs/2026-Q4/checkins").exists()


def test_kpi_rows(repo: Path) -> None:
    assert checkin("kpi:nps", "61", "--date", "2026-10-31") == 0
    created = repo / "okrs/checkins/kpis.yaml"
    assert created.read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=https://okrlint.dev/schema/checkins.schema.json\n"
        "checkins:\n  - date: 2026-10-31\n    kpi: nps\n    value: 61\n"
    )
    holder = repo / "okrs/measurements.yaml"
    holder.write_text("checkins:\n  - {date: 2026-11-01, kpi: nps, value: 62}\n", encoding="utf-8")
    assert checkin("kpi:nps", "-0.5e1", "--date", "2026-11-30") == 0
    assert holder.read_text(encoding="utf-8").endswith("  - {date: 2026-11-30, kpi: nps, value: -5.0}\n")
    assert_clean(repo)


@pytest.mark.parametrize(
    ("header", "row"),
    [
        ("date,team,kr,value,note", '2026-10-12,shop,checkout/latency,1100,"a, b"'),
        ("date;kr;value;confidence", "2026-10-12;shop/checkout/latency;1100;0.5"),
    ],
)
def test_csv_log(repo: Path, header: str, row: str) -> None:
    log = repo / "okrs/checkins.csv"
    delimiter = ";" if ";" in header else ","
    first = delimiter.join(
        ["2026-10-05", *(["shop", "checkout/latency"] if "team" in header else ["shop/checkout/latency"]), "1180", ""]
    )
    before = f"{header}\r\n{first}\r\n"
    log.write_text(before, encoding="utf-8", newline="")
    extra = ["--note", "a, b"] if "note" in header else ["--confidence", "0.5"]
    assert checkin("shop/checkout/latency", "1100", "--date", "2026-10-12", *extra) == 0
    assert log.read_bytes() == f"{before}{row}\r\n".encode()
    assert_clean(repo)


def test_csv_without_a_column_refuses(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "okrs/checkins.csv").write_text("date,kr,value\n2026-10-05,shop/checkout/latency,1\n", encoding="utf-8")
    before = snapshot(repo)
    assert checkin("shop/checkout/latency", "1100", "--date", "2026-10-12", "--note", "x") == 2
    assert "has no 'note' column" in capsys.readouterr().err
    assert snapshot(repo) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("shop/checkout/latencyy", "1"),
            "no key result 'shop/checkout/latencyy' (did you mean 'shop/checkout/latency'?)",
        ),
        (("checkout/latency", "1"), "is not a reference: use team/objective/kr or kpi:ID"),
        (("kpi:npss", "1"), "no KPI 'npss' (did you mean 'nps'?)"),
        (("shop/checkout/latency", "true"), "value 'true' is not a number"),
        (("shop/checkout/latency", "nan"), "value 'nan' is not a number"),
        (("kpi:nps", "1e999"), "value '1e999' is too large"),
        (("shop/checkout/latency", "9" * 382), "is too large: a number must stay within"),
        (("shop/checkout/latency", "-" + "9" * 5000), "is too large: a number must stay within"),
        (("shop/checkout/latency", "inf"), "value 'inf' is not a number"),
        (("shop/checkout/latency", "-.inf"), "value '-.inf' is not a number"),
        (("shop/checkout/latency", "1", "--confidence", "nan"), "--confidence 'nan' is not a number"),
        (("shop/checkout/latency", os.fsdecode(b"12\xff")), "value '12\\xff' is not a number"),
        (("shop/checkout/latency", "1", "--note", os.fsdecode(b"caf\xe9")), "--note 'caf\\xe9' holds bytes"),
        (("shop/checkout/latency", "1", "--author", os.fsdecode(b"\xff")), "--author '\\xff' holds bytes that are not"),
        (("shop/checkout/latency", "1", "--date", "2026-02-30"), "is not a date"),
        (("shop/checkout/latency", "1", "--date", "0000-01-01"), "is not a date"),
        (("shop/checkout/one-click", "2"), "a milestone takes true, false, done or a fraction from 0 to 1"),
        (("shop/checkout/one-click", "yes"), "a milestone takes true, false, done or a fraction from 0 to 1"),
        (
            ("shop/checkout/latency", "1", "--date", "2026-09-16"),
            "date 2026-09-16 is outside the period of shop/checkout/latency: 2026-Q4",
        ),
        (("shop/checkout/latency", "1", "--date", "2027-01-15"), "is outside the period"),
        (("shop/checkout/latency", "1", "--confidence", "1.5"), "--confidence '1.5' must be from 0 to 1"),
        (("shop/checkout/latency", "1", "--date", "2026-13-01"), "is not a date"),
    ],
)
def test_errors_change_nothing(
    repo: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    log = repo / "okrs/2026-Q4/checkins/shop.yaml"
    log.parent.mkdir(parents=True)
    log.write_text(STYLED.replace("\nperiod: 2026-Q4\n", "\n"), encoding="utf-8")
    before = snapshot(repo)
    assert checkin(*args, *(() if "--date" in args else ("--date", "2026-10-12"))) == 2
    err = capsys.readouterr().err
    assert message in err and "internal error" not in err, err
    assert snapshot(repo) == before


def test_error_creates_no_folder(repo: Path) -> None:
    before = snapshot(repo)
    assert checkin("shop/checkout/latency", "abc", "--date", "2026-10-12") == 2
    assert snapshot(repo) == before
    assert not (repo / "okrs/2026-Q4/checkins").exists()


def test_grace_days_allow_a_late_checkin(repo: Path) -> None:
    assert checkin("shop/checkout/latency", "500", "--date", "2027-01-14") == 0


def test_broken_target_log_is_refused(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = repo / "okrs/2026-Q4/checkins/shop.yaml"
    log.parent.mkdir(parents=True)
    log.write_text("team: shop\ncheckins:\n  - {date: 2026-10-05, kr: checkout/latency, value: 1\n", encoding="utf-8")
    before = snapshot(repo)
    assert checkin("shop/checkout/latency", "1100", "--date", "2026-10-12") == 2
    assert "okrs/2026-Q4/checkins/shop.yaml:" in capsys.readouterr().err
    assert snapshot(repo) == before


def _plan(repo: Path, value: str) -> tuple[object, Path]:
    config = load_config(repo / ".okrlint.yaml")
    loaded = load_repository(config, source_files(config))
    return plan_checkin(loaded, config, Request("shop/checkout/latency", value, date(2026, 10, 12))), config.root


def test_a_held_lock_times_out_cleanly(repo: Path) -> None:
    plan, root = _plan(repo, "1100")
    (repo / "okrs/2026-Q4/checkins").mkdir()
    before = snapshot(repo)
    with file_lock(repo / "okrs/2026-Q4/checkins/shop.yaml"), pytest.raises(LockTimeout, match="another okrlint"):
        apply_plan(plan, root, lock_timeout=0.2)  # type: ignore[arg-type]
    assert snapshot(repo) == before


def _hold_lock_in_child(target: Path) -> subprocess.Popen[str]:
    """Start a process that takes the lock guarding ``target`` and then sleeps; return once it holds it."""
    code = (
        "import sys, time\nfrom pathlib import Path\nfrom okrlint.checkin.lock import file_lock\n"
        "with file_lock(Path(sys.argv[1])):\n    print('held', flush=True)\n    time.sleep(600)\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    child = subprocess.Popen([sys.executable, "-c", code, str(target)], stdout=subprocess.PIPE, text=True, env=env)
    assert child.stdout is not None and child.stdout.readline().strip() == "held"
    return child


def test_a_lock_held_by_a_killed_process_does_not_block(repo: Path) -> None:
    """The OS releases the lock of a process that dies: no stale lock, nothing to break or delete."""
    plan, root = _plan(repo, "1100")
    target = repo / "okrs/2026-Q4/checkins/shop.yaml"
    target.parent.mkdir(parents=True)
    child = _hold_lock_in_child(target)
    try:
        with pytest.raises(LockTimeout, match="another okrlint checkin"):
            apply_plan(plan, root, lock_timeout=0.2)  # type: ignore[arg-type]
        assert not target.exists()
    finally:
        child.kill()
        child.wait()
    assert apply_plan(plan, root, lock_timeout=5) is True  # type: ignore[arg-type]
    assert "value: 1100" in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in target.parent.iterdir()) == ["shop.yaml"]  # no lock file, no temporary


def test_a_leftover_lock_file_does_not_block(repo: Path) -> None:
    """An empty ``.lock`` file (what a full disk left behind with the old hand-written lock) blocks nothing."""
    plan, root = _plan(repo, "1100")
    target = repo / "okrs/2026-Q4/checkins/shop.yaml"
    target.parent.mkdir(parents=True)
    (target.parent / "shop.yaml.lock").write_text("", encoding="ascii")
    assert apply_plan(plan, root, lock_timeout=0.2) is True  # type: ignore[arg-type]
    assert "value: 1100" in target.read_text(encoding="utf-8")


def test_concurrent_checkins_all_land(repo: Path) -> None:
    log = repo / "okrs/2026-Q4/checkins/shop.yaml"
    log.parent.mkdir(parents=True)
    log.write_text(
        "team: shop\ncheckins:\n  - {date: 2026-10-05, kr: checkout/latency, value: 1180}\n", encoding="utf-8"
    )
    # one value per KR and day: a second one is refused (test_checkin_replace)
    results = checkins_at_once(repo, [(str(1000 + n), f"2026-10-1{n}") for n in range(4)])
    assert results == [(0, "")] * 4
    text = log.read_text(encoding="utf-8")
    assert sorted(int(line.split()[-1].rstrip("}")) for line in text.splitlines()[3:]) == [1000, 1001, 1002, 1003]
    assert sorted(p.name for p in log.parent.iterdir()) == ["shop.yaml"]
    assert_clean(repo, ("E", "T403"))  # T402 would rightly say: rows out of date order


@pytest.mark.parametrize("quote", ["", "'", '"'])
def test_notes_with_unicode_line_breaks_and_control_characters_read_back(repo: Path, quote: str) -> None:
    log = repo / "okrs/progress.yaml"
    log.write_text(
        f"team: shop\ncheckins:\n  - date: 2026-10-05\n    kr: checkout/latency\n    value: 1150\n"
        f"    note: {quote}first{quote}\n",
        encoding="utf-8",
    )
    note = "line\u2028sep\u0085nel\ttab\x01ctl\ufeffbom é ✓ 😀"
    assert checkin("shop/checkout/latency", "1000", "--date", "2026-10-19", "--note", note) == 0
    rows = load_repository(load_config(repo / ".okrlint.yaml"), source_files(load_config(repo / ".okrlint.yaml")))
    notes = [row.note for log_ in rows.repo.logs for row in log_.rows]
    assert notes == ["first", note]
