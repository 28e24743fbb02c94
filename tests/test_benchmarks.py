"""Smoke test of the benchmark: generator and runner work end to end (no timing is asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OKRLINT_ROWS = (
    "okrlint --version",
    "import of the lint path",
    "okrlint lint --no-cache",
    "okrlint lint, cold (empty cache)",
    "okrlint lint, warm (cache)",
    "okrlint lint 1 file, repo unchanged (cache)",
    "okrlint lint 1 file, just edited (cache)",
    "okrlint lint 1 OKR set, just edited (cache)",
    "okrlint lint, whole repo after an edit (cache)",
    "okrlint report --format html --no-cache",
    "okrlint report --format html",
    "okrlint report --format html again (pages cached)",
    "okrlint report --format html, 1 log changed (cache)",
    "okrlint report --format json",
    "okrlint report --format html, 3 periods",
    "okrlint report --format json --history, 3 periods",
    "okrlint report --format md --history, 3 periods",
)
SMALL_ROWS = (
    "floor: libyaml CSafeLoader parse",
    "okrlint lint --no-cache",
    "okrlint lint, cold (empty cache)",
    "okrlint lint 1 file, repo unchanged (cache)",
    "okrlint lint 1 file, just edited (cache)",
    "yamllint 1 file",
)


def test_generated_organisation_is_deterministic_and_lints_clean(tmp_path: Path) -> None:
    generator = [sys.executable, str(ROOT / "benchmarks" / "generate.py")]
    for name in ("a", "b"):
        subprocess.run(
            [*generator, str(tmp_path / name), "--teams", "8", "--seed", "5"], check=True, capture_output=True
        )
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a" / "okrs").rglob("*.yaml"))
    assert len(files) == 2 * 9 + 3
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files)
    done = subprocess.run(
        [sys.executable, "-m", "okrlint", "lint", "--no-cache", "--as-of", "2026-12-31", "--format", "json"],
        cwd=tmp_path / "a",
        capture_output=True,
        text=True,
        check=False,
    )
    findings = json.loads(done.stdout)["findings"]
    assert done.returncode == 0, findings[:5]
    assert len(findings) <= 5  # mostly clean, so the rules do real work rather than report noise


def test_generator_writes_earlier_quarters_for_the_history(tmp_path: Path) -> None:
    generator = [sys.executable, str(ROOT / "benchmarks" / "generate.py")]
    subprocess.run([*generator, str(tmp_path), "--teams", "4", "--periods", "3"], check=True, capture_output=True)
    assert sorted(p.name for p in (tmp_path / "okrs").iterdir() if p.is_dir()) == ["2026-Q2", "2026-Q3", "2026-Q4"]
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "okrlint",
            "report",
            "--no-cache",
            "--as-of",
            "2026-12-31",
            "--format",
            "json",
            "--history",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    history = json.loads(done.stdout)["history"]
    assert [(h["period"], h["counts"]["teams"]) for h in history] == [("2026-Q2", 5), ("2026-Q3", 5), ("2026-Q4", 5)]


def test_runner_smoke(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--teams",
            "10",
            "100",
            "--compare-up-to",
            "10",
            "--small-up-to",
            "10",
            "--history-periods",
            "3",  # the default is 8; 3 keeps the smoke test short
            "--work",
            str(tmp_path / "work"),
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    rows = json.loads(out.read_text(encoding="utf-8"))["rows"]
    for teams in (10, 100):
        mine = {r["name"]: r for r in rows if r["teams"] == teams and not r["group"]}
        assert mine["floor: libyaml CSafeLoader parse"]["exit_code"] == 0
        for name in OKRLINT_ROWS:
            assert mine[name]["exit_code"] == 0, (teams, name, mine[name]["note"])
            assert mine[name]["seconds"] is not None and mine[name]["peak_mb"] > 0
    small = {r["name"]: r for r in rows if r["teams"] == 10 and r["group"] == "small files"}
    for name in SMALL_ROWS:  # the organisation of small files (--small-up-to)
        assert small[name]["exit_code"] == 0 and small[name]["peak_mb"] > 0, (name, small[name]["note"])
    assert "yamllint 1 file" in {r["name"] for r in rows if r["teams"] == 100}  # always measured
    names = {r["name"] for r in rows if r["teams"] == 10}
    assert "yamllint (default config)" in names  # both are test extras
    assert "check-jsonschema (4 schemas)" in names
    assert "× floor" in done.stdout


def test_judgement_benchmarks_start() -> None:
    """The wording and title-model scripts import what they measure (title_model.py once broke on a moved helper)."""
    for script in ("wording.py", "title_model.py"):
        done = subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / script), "--help"],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
            cwd=ROOT,
        )
        assert done.returncode == 0 and "usage" in done.stdout.lower(), (script, done.stderr[-2000:])
