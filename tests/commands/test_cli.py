"""Tests for the command line: exit codes, text/json output, colour, --output, schema and rule commands."""

from __future__ import annotations

import json
import os
import pty
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from okrlint import __version__
from okrlint.cli import main
from paths import REPO

KINDS = ("objectives", "kpis", "checkins", "teams", "config")
LINE_RE = re.compile(
    r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]\d{3})(?: \[\*\])? \[(?P<sev>error|warning|info)\] .+$"
)
SUMMARY_RE = re.compile(r"^Found (\d+) problems? \((\d+) errors?, (\d+) warnings?, (\d+) infos?\) in (\d+) files?\.$")
ANSI = "\033["

BROKEN = "team: payments\nperiod: 2026-Q4\nobjectives:\n  - id: a\n    titel: x\n"  # E002 x2
DUPLICATE = "kpis:\n  - {id: nps, name: NPS, source: s}\n  - {id: nps, name: NPS, source: s}\n"  # E004
CLEAN = "kpis:\n  - {id: churn, name: Churn, source: Billing}\n"  # Q305 (info) only


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty repository root (with .git and okrs/) as the current folder."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "okrs").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def okrlint(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m okrlint`` in a fresh process."""
    full_env = {**os.environ, **(env or {})}
    full_env.pop("GITHUB_ACTIONS", None)
    if not env or "FORCE_COLOR" not in env:
        full_env.pop("FORCE_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "okrlint", *args], cwd=cwd, env=full_env, capture_output=True, text=True, timeout=60
    )


# --- exit codes --------------------------------------------------------------------------------------------


def test_exit_0_when_nothing_reaches_fail_on(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / "okrs/kpis.yaml", CLEAN)
    code, out, err = run(capsys, "lint", "--as-of", "2026-11-23")
    assert code == 0
    assert "Q305 [info]" in out
    assert err == ""


def test_exit_1_on_findings_at_fail_on(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / "okrs/kpis.yaml", CLEAN)
    assert run(capsys, "lint", "--as-of", "2026-11-23", "--fail-on", "info")[0] == 1
    write(repo / "okrs/dup.yaml", DUPLICATE)
    assert run(capsys, "lint", "--as-of", "2026-11-23")[0] == 1


@pytest.mark.parametrize(
    "args",
    [
        ("lint", "--no-such-option"),
        ("lint", "--format", "xml"),
        ("lint", "--fail-on", "fatal"),
        ("lint", "--as-of", "2026-02-30"),
        ("lint", "missing-folder"),
        ("no-such-command",),
        ("rule", "X999"),
        ("schema", "nonsense"),
    ],
)
def test_exit_2_on_usage_errors(repo: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert err.strip()
    assert "Traceback" not in err


def test_exit_3_on_an_internal_error_with_one_line(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import okrlint.commands.lint as lint_command

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(lint_command, "lint_repository", explode)
    code, out, err = run(capsys, "lint")
    assert code == 3
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("okrlint: internal error: RuntimeError: boom")
    assert "report" in lines[0]
    assert "Traceback" not in err


def test_exit_codes_through_the_console_entry_point(repo: Path) -> None:
    write(repo / "okrs/dup.yaml", DUPLICATE)
    assert okrlint("lint", "--as-of", "2026-11-23", cwd=repo).returncode == 1
    assert okrlint("lint", "--bogus", cwd=repo).returncode == 2
    (repo / "okrs/dup.yaml").unlink()
    assert okrlint("lint", "--as-of", "2026-11-23", cwd=repo).returncode == 0


def test_python_dash_m_version(tmp_path: Path) -> None:
    done = okrlint("--version", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stdout == f"okrlint {__version__}\n"


def test_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in ("lint", "rules", "rule", "schema"):
        assert command in out


# --- text format -------------------------------------------------------------------------------------------


def test_text_lines_and_summary(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / "okrs/a.yaml", BROKEN)
    write(repo / "okrs/b.yaml", DUPLICATE)
    code, out, _ = run(capsys, "lint", "--as-of", "2026-11-23")
    assert code == 1
    assert out.splitlines() == [
        "okrs/a.yaml:4:5: E002 [error] objectives[0]: missing required key 'title'",
        "okrs/a.yaml:5:5: E002 [*] [error] objectives[0]: unknown key 'titel' (did you mean 'title'?)",
        "okrs/b.yaml:3:10: E004 [error] KPI id 'nps' is already used (first at line 2); ids must be unique",
        "Found 3 problems (3 errors, 0 warnings, 0 infos) in 2 files.",
        "[*] 1 fixable with `--fix`.",
    ]


def test_text_is_sorted_by_path_line_column_code(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / "okrs/c.yaml", CLEAN)
    write(repo / "okrs/b.yaml", DUPLICATE)
    _, out, _ = run(capsys, "lint", "--as-of", "2026-11-23")
    *lines, summary = out.splitlines()
    assert all(LINE_RE.match(line) for line in lines)
    assert [line.split(" [")[0] for line in lines] == [
        "okrs/b.yaml:2:5: Q305",
        "okrs/b.yaml:3:5: Q305",
        "okrs/b.yaml:3:10: E004",
        "okrs/c.yaml:2:5: Q305",
    ]
    assert summary == "Found 4 problems (1 error, 0 warnings, 3 infos) in 2 files."


def test_summary_uses_singulars_for_one(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # SPEC §5.1: "Found N problems (E errors, W warnings, I infos) in F files." with proper singulars.
    write(repo / "okrs/b.yaml", DUPLICATE)
    _, out, _ = run(capsys, "lint", "--as-of", "2026-11-23", "--select", "E")
    assert out.splitlines()[-1] == "Found 1 problem (1 error, 0 warnings, 0 infos) in 1 file."
    assert SUMMARY_RE.match(out.splitlines()[-1])


def test_no_findings(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / "okrs/c.yaml", CLEAN)
    code, out, _ = run(capsys, "lint", "--select", "E")
    assert (code, out) == (0, "Found 0 problems (0 errors, 0 warnings, 0 infos) in 1 file.\n")


def test_only_given_files_are_reported(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / "okrs/a.yaml", BROKEN)
    write(repo / "okrs/b.yaml", DUPLICATE)
    _, out, _ = run(capsys, "lint", "okrs/b.yaml", "--select", "E")
    assert [line.split(":")[0] for line in out.splitlines()[:-1]] == ["okrs/b.yaml"]
    assert out.splitlines()[-1].endswith("in 1 file.")


def test_messages_stay_on_one_line(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(
        repo / "okrs/a.yaml", "team: p\nperiod: 2026-Q4\nobjectives:\n  - id: a\n    title: 'x'\n    'bad\\nkey': 1\n"
    )
    _, out, _ = run(capsys, "lint", "--select", "E")
    assert all(LINE_RE.match(line) for line in out.splitlines()[:-1])


# --- colour ------------------------------------------------------------------------------------------------


def _run_on_a_tty(repo: Path, env: dict[str, str]) -> str:
    """Run okrlint with stdout on a pseudo-terminal; return what it printed there."""
    leader, follower = pty.openpty()
    full_env = {**os.environ, **env}
    full_env.pop("GITHUB_ACTIONS", None)
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "okrlint", "lint", "--select", "E"],
            cwd=repo,
            env=full_env,
            stdout=follower,
            stderr=subprocess.DEVNULL,
        )
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # EIO once the child closes the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert process.wait(timeout=60) == 1
    finally:
        os.close(leader)
    return b"".join(chunks).decode()


@pytest.mark.skipif(sys.platform == "win32", reason="pty")
def test_colour_on_a_tty(repo: Path) -> None:
    write(repo / "okrs/b.yaml", DUPLICATE)
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    shown = _run_on_a_tty(repo, {**env, "TERM": "xterm"})
    assert ANSI in shown
    assert "E004" in shown


@pytest.mark.skipif(sys.platform == "win32", reason="pty")
def test_no_colour_on_a_tty_with_no_color(repo: Path) -> None:
    write(repo / "okrs/b.yaml", DUPLICATE)
    shown = _run_on_a_tty(repo, {"NO_COLOR": "1"})
    assert "E004 [error]" in shown
    assert ANSI not in shown


def test_no_colour_when_not_a_tty(repo: Path) -> None:
    write(repo / "okrs/b.yaml", DUPLICATE)
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    done = okrlint("lint", "--select", "E", cwd=repo, env=env)
    assert "E004 [error]" in done.stdout
    assert ANSI not in done.stdout


def test_force_color_colours_a_pipe(repo: Path) -> None:
    write(repo / "okrs/b.yaml", DUPLICATE)
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    done = okrlint("lint", "--select", "E", cwd=repo, env={**env, "FORCE_COLOR": "1"})
    assert f"{ANSI}31mE004" in done.stdout


def test_no_color_beats_force_color(repo: Path) -> None:
    write(repo / "okrs/b.yaml", DUPLICATE)
    done = okrlint("lint", "--select", "E", cwd=repo, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "E004 [error]" in done.stdout
    assert ANSI not in done.stdout


def test_statistics_counts_each_code(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / "okrs/a.yaml", BROKEN)
    write(repo / "okrs/b.yaml", DUPLICATE)
    write(repo / "okrs/c.yaml", CLEAN)
    code, out, _ = run(capsys, "lint", "--as-of", "2026-11-23", "--statistics")
    assert code == 1
    assert out.splitlines() == [
        "2\tE002\t[*] [error] schema",  # [*]: --fix can fix some (the did-you-mean rename), as in ruff
        "1\tE004\t[error] duplicate-id",
        "Found 3 problems (3 errors, 0 warnings, 0 infos) in 3 files.",
        "[*] 1 fixable with `--fix`.",
    ]


def test_statistics_pads_counts_and_quiet_drops_the_summary(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kpis = "".join(f"  - {{id: k{i}, name: K, source: s}}\n" for i in range(10))
    write(repo / "okrs/b.yaml", "kpis:\n" + kpis + "  - {id: k9, name: K}\n")
    _, out, _ = run(capsys, "lint", "--statistics", "--quiet")
    assert out.splitlines() == [
        "11\tQ305\t[info] unused-kpi",
        " 1\tE004\t[error] duplicate-id",
        " 1\tQ304\t[error] kpi-without-source",
    ]


def test_statistics_needs_the_text_format(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "lint", "--statistics", "--format", "json")
    assert code == 2
    assert "--statistics" in err


def test_quiet_prints_only_findings(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / "okrs/b.yaml", DUPLICATE)
    code, out, _ = run(capsys, "lint", "--select", "E", "--quiet")
    assert code == 1
    assert out == "okrs/b.yaml:3:10: E004 [error] KPI id 'nps' is already used (first at line 2); ids must be unique\n"
    write(repo / "okrs/b.yaml", CLEAN)
    assert run(capsys, "lint", "--select", "E", "-q") == (0, "", "")


# --- json format and --output ---------------------------------------------------------------------------


def test_json_shape_and_sort_order(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / "okrs/b.yaml", DUPLICATE)
    write(repo / "okrs/a.yaml", BROKEN)
    write(repo / "okrs/c.yaml", CLEAN)
    code, out, _ = run(capsys, "lint", "--format", "json", "--as-of", "2026-11-23")
    assert code == 1
    document = json.loads(out)
    assert set(document) == {"version", "findings", "summary"}
    assert document["version"] == 1
    assert document["summary"] == {"files": 3, "error": 3, "warning": 0, "info": 0}
    findings = document["findings"]
    for finding in findings:
        assert list(finding) == ["path", "line", "column", "code", "rule", "severity", "message", "fix"]
    keys = [(f["path"], f["line"], f["column"], f["code"]) for f in findings]
    assert keys == sorted(keys)
    assert findings[0] == {
        "path": "okrs/a.yaml",
        "line": 4,
        "column": 5,
        "code": "E002",
        "rule": "schema",
        "severity": "error",
        "message": "objectives[0]: missing required key 'title'",
        "fix": None,
    }
    assert findings[2]["rule"] == "duplicate-id"


def test_json_sorts_by_code_at_one_position(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / "okrs/k.yaml", "kpis:\n  - {id: nps, name: NPS}\n")  # Q304 and Q305 both at the KPI
    _, out, _ = run(capsys, "lint", "--format", "json", "--select", "Q30")
    found = [(f["line"], f["column"], f["code"]) for f in json.loads(out)["findings"]]
    assert found == sorted(found)
    assert [code for *_, code in found] == ["Q304", "Q305"]


def test_output_writes_the_file(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / "okrs/b.yaml", DUPLICATE)
    code, out, _ = run(capsys, "lint", "--format", "json", "--output", "reports/lint.json")
    assert code == 1
    assert out == ""
    assert json.loads((repo / "reports/lint.json").read_text(encoding="utf-8"))["summary"]["error"] == 1
    code, out, _ = run(capsys, "lint", "--output", "lint.txt")
    assert out == ""
    assert (repo / "lint.txt").read_text(encoding="utf-8").endswith("in 1 file.\n")
    assert ANSI not in (repo / "lint.txt").read_text(encoding="utf-8")


def test_output_to_an_unwritable_place_is_exit_2(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / "okrs/c.yaml", CLEAN)
    write(repo / "blocker", "a file, not a folder\n")
    code, _, err = run(capsys, "lint", "--output", "blocker/out.txt")
    assert code == 2
    assert "cannot write" in err


# --- schema, rules, rule ------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_schema_command_prints_each_kind(capsys: pytest.CaptureFixture[str], kind: str) -> None:
    code, out, _ = run(capsys, "schema", kind)
    assert code == 0
    assert json.loads(out) == json.loads((REPO / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))


def test_rules_command_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules")
    assert code == 0
    for code_, name in (("E001", "yaml-syntax"), ("E004", "duplicate-id"), ("E010", "alignment-period")):
        assert re.search(rf"^{code_}\s+{name}\s+error\s+\S", out, re.MULTILINE)


@pytest.mark.parametrize("key", ["E004", "e004", "duplicate-id"])
def test_rule_command_by_code_or_name(capsys: pytest.CaptureFixture[str], key: str) -> None:
    code, out, _ = run(capsys, "rule", key)
    assert code == 0
    assert out.startswith("E004 duplicate-id (error)")
    for section in ("## What it does", "## Why is this bad?", "## Example", "## Use instead"):
        assert section in out


# --- the example organisation -------------------------------------------------------------------------------


def test_the_example_organisation_lints_clean() -> None:
    done = okrlint("lint", "--as-of", "2026-11-23", cwd=REPO)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "[error]" not in done.stdout
    assert "[warning]" not in done.stdout
    assert SUMMARY_RE.match(done.stdout.splitlines()[-1])
    assert done.stderr == ""


def test_shell_completion_as_documented(repo: Path) -> None:
    """README: eval "$(_OKRLINT_COMPLETE=bash_source okrlint)"; completion then offers commands and options."""
    source = okrlint(cwd=repo, env={"_OKRLINT_COMPLETE": "bash_source"})
    assert source.returncode == 0 and "_okrlint_completion" in source.stdout
    words = okrlint(
        cwd=repo, env={"_OKRLINT_COMPLETE": "bash_complete", "COMP_WORDS": "okrlint lint --st", "COMP_CWORD": "2"}
    )
    assert words.stdout.split() == ["plain,--stdin-filename", "plain,--statistics"]
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert 'eval "$(_OKRLINT_COMPLETE=bash_source okrlint)"' in readme


@pytest.mark.parametrize(
    "args",
    [("lint", "--output", os.devnull), ("report", "--format", "md", "--out", os.devnull)],
    ids=["lint", "report"],
)
def test_output_to_dev_null_writes_into_it_and_never_replaces_it(args: tuple[str, ...]) -> None:
    done = okrlint(*args, "--as-of", "2026-11-23", cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode), f"okrlint {args[0]} replaced {os.devnull}"
