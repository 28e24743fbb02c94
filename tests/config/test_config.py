"""Tests for okrlint.config: discovery, validation and rule selection, through the library and the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from okrlint.cli import main
from okrlint.config import Bounds, Config, ConfigError, discover_config, find_config, load_config
from okrlint.lint.findings import Severity

KPIS = "kpis:\n  - {id: nps, name: NPS, source: Survey}\n"
# Two objectives (C101 warning), each with one KR (C103 warnings), one KR without target (S202 error).
OKRS = """\
team: payments
period: 2026-Q4
objectives:
  - id: checkout
    title: Make checkout effortless
    key_results:
      - {id: a, title: Cut latency from 1200 ms to 400 ms, baseline: 1200, target: 400, unit: ms, owner: x}
  - id: fraud
    title: Stop fraud
    key_results:
      - {id: b, title: Cut chargebacks from 1% to 0.5%, baseline: 1, target: 0.5, unit: "%", owner: x}
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small repository with okrs/ and no configuration; the current folder is its root."""
    write(tmp_path / "okrs/kpis.yaml", KPIS)
    write(tmp_path / "okrs/payments.yaml", OKRS)
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def codes(out: str) -> set[str]:
    return {line.split(": ")[1].split(" ")[0] for line in out.splitlines() if line.startswith("okrs/")}


# --- discovery ------------------------------------------------------------------------------------


def test_defaults_without_any_configuration(repo: Path) -> None:
    config = discover_config()
    assert config.source is None
    assert config.root == repo
    assert config.paths == ("okrs",)
    assert config.objectives == Bounds(3, 5)
    assert config.fail_on == Severity.ERROR


def test_okrlint_yaml_in_the_current_folder(repo: Path) -> None:
    write(repo / ".okrlint.yaml", "root_team: acme\ngrace_days: 7\n")
    config = discover_config()
    assert config.source == repo / ".okrlint.yaml"
    assert (config.root_team, config.grace_days, config.root) == ("acme", 7, repo)


def test_okrlint_yaml_in_a_parent_folder(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(repo / ".okrlint.yaml", "stale_after_days: 3\n")
    (repo / "okrs/deep/er").mkdir(parents=True)
    monkeypatch.chdir(repo / "okrs/deep/er")
    config = discover_config()
    assert config.stale_after_days == 3
    assert config.root == repo  # paths are relative to the configuration file's folder


def test_pyproject_tool_okrlint(repo: Path) -> None:
    write(
        repo / "pyproject.toml", '[project]\nname = "x"\n\n[tool.okrlint]\nroot_team = "acme"\nobjectives = {min = 2}\n'
    )
    config = discover_config()
    assert config.source == repo / "pyproject.toml"
    assert config.root_team == "acme"
    assert config.objectives == Bounds(2, 5)


def test_pyproject_without_the_table_is_skipped(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(repo / "pyproject.toml", '[tool.okrlint]\nroot_team = "outer"\n')
    write(repo / "sub/pyproject.toml", '[project]\nname = "inner"\n')
    monkeypatch.chdir(repo / "sub")
    assert find_config(Path.cwd()) == repo / "pyproject.toml"


def test_okrlint_yaml_wins_over_pyproject(repo: Path) -> None:
    write(repo / "pyproject.toml", '[tool.okrlint]\nroot_team = "from-toml"\n')
    write(repo / ".okrlint.yaml", "root_team: from-yaml\n")
    assert discover_config().root_team == "from-yaml"


def test_explicit_config_overrides_discovery(repo: Path) -> None:
    write(repo / ".okrlint.yaml", "root_team: discovered\n")
    other = write(repo / "conf/custom.yaml", "root_team: explicit\n")
    config = discover_config(other)
    assert config.root_team == "explicit"
    assert config.root == repo / "conf"


def test_empty_config_file_gives_defaults(repo: Path) -> None:
    write(repo / ".okrlint.yaml", "# nothing yet\n")
    assert discover_config().objectives == Bounds(3, 5)


def test_every_documented_setting_is_accepted(repo: Path) -> None:
    text = """\
paths: [okrs]
root_team: company
select: [ALL]
ignore: [S210]
severity: {S203: error}
per_file_ignores: {"okrs/drafts/**": [C101, C103]}
objectives: {min: 3, max: 5}
key_results: {min: 3, max: 5}
vague_words: {extend: [robust], remove: [more]}
max_change_factor: 10
stale_after_days: 14
grace_days: 14
aspirational_goal: 0.7
fiscal_year_start_month: 1
fail_on: error
max_file_bytes: 5000000
max_nodes: 100000
max_depth: 64
"""
    config = load_config(write(repo / ".okrlint.yaml", text))
    assert config.severity == {"S203": Severity.ERROR}
    assert config.per_file_ignores == {"okrs/drafts/**": ("C101", "C103")}
    assert (config.vague_words_extend, config.vague_words_remove) == (("robust",), ("more",))
    assert config.limits.max_depth == 64


def test_config_is_frozen() -> None:
    with pytest.raises(AttributeError):
        Config().grace_days = 3  # type: ignore[misc]


# --- validation -------------------------------------------------------------------------------------


def test_unknown_key_is_exit_2_with_did_you_mean(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / ".okrlint.yaml", "paths: [okrs]\nselct: [E]\n")
    code, out, err = run(capsys, "lint")
    assert code == 2
    assert out == ""
    assert ".okrlint.yaml:2:1: unknown key 'selct' (did you mean 'select'?)" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fail_on: fatal\n", ".okrlint.yaml:1:10: fail_on: 'fatal' is not one of: error, warning, info"),
        ("paths: okrs\n", ".okrlint.yaml:1:8: paths: expected array, got 'okrs'"),
        ("grace_days: soon\n", ".okrlint.yaml:1:13: grace_days:"),
        ("max_depth: -1\n", ".okrlint.yaml:1:12: max_depth:"),
        ("objectives: {min: x}\n", ".okrlint.yaml:1:19: objectives.min:"),
        ("severity: {S203: fatal}\n", ".okrlint.yaml:1:18: severity.S203:"),
        ("objectives: {min: 4, max: 3}\n", ".okrlint.yaml:1:13: objectives.min (4) is greater than objectives.max (3)"),
        ("key_results: {min: 9, max: 2}\n", "key_results.min (9) is greater than key_results.max (2)"),
        ("- a\n", ".okrlint.yaml:1:1: the configuration must be a mapping"),
        ("a: [\n", ".okrlint.yaml:2:1: invalid YAML"),
        ("a: 1\na: 2\n", ".okrlint.yaml:2:1: duplicate key 'a'"),
    ],
)
def test_bad_values_are_exit_2_with_their_location(
    repo: Path, capsys: pytest.CaptureFixture[str], text: str, expected: str
) -> None:
    write(repo / ".okrlint.yaml", text)
    code, out, err = run(capsys, "lint")
    assert code == 2
    assert out == ""
    assert expected in err
    assert "Traceback" not in err


def test_bad_pyproject_is_exit_2(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / "pyproject.toml", "[tool.okrlint\n")
    code, _, err = run(capsys, "lint")
    assert code == 2
    assert "pyproject.toml: cannot read configuration" in err


def test_unknown_key_in_pyproject(repo: Path) -> None:
    write(repo / "pyproject.toml", '[tool.okrlint]\nroot_tema = "x"\n')
    with pytest.raises(
        ConfigError, match=r"pyproject.toml:2:1: unknown key 'root_tema' \(did you mean 'root_team'\?\)"
    ):
        discover_config()


PYPROJECT = """\
[project]
name = "x"
description = '''
[tool.okrlint]
not = "a table: inside a multi-line string"
'''

[tool.okrlint]  # okrlint's settings
"paths" = ["okrs", 'drafts']
select = [
  "E",   # errors, [brackets] and "quotes" in a comment
  "S2O1",
]
severity = { S203 = "error", "S204" = "loud" }
objectives.min = "three"
vague_words = {extend = ["robust"], remove = [1]}

[tool.okrlint.per_file_ignores]
"okrs/drafts/**" = ["C101", "C103"]

[tool.okrlint.key_results]
max = 0
titel = 1
"""


def test_pyproject_errors_point_at_the_key_or_value(repo: Path) -> None:
    write(repo / "pyproject.toml", PYPROJECT)
    with pytest.raises(ConfigError) as raised:
        discover_config()
    assert [line.replace(f"{repo}/", "") for line in str(raised.value).splitlines()[1:]] == [
        "pyproject.toml:14:39: severity.S204: 'loud' is not one of: error, warning, info",
        "pyproject.toml:15:18: objectives.min: expected integer, got 'three'",
        "pyproject.toml:16:47: vague_words.remove[0]: expected string, got 1",
        "pyproject.toml:22:7: key_results.max: 0 is less than the minimum of 1",
        "pyproject.toml:23:1: key_results: unknown key 'titel' (known keys: max, min)",
    ]


def test_pyproject_selectors_point_at_their_item(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fixed = PYPROJECT.replace('"loud"', '"info"').replace('"three"', "2").replace("[1]", '["x"]')
    write(repo / "pyproject.toml", fixed.replace("max = 0\ntitel = 1\n", "max = 4\n"))
    code, _, err = run(capsys, "lint", "--config", "pyproject.toml")
    assert code == 2
    assert "pyproject.toml:12:3:" in err and "S2O1" in err


def test_toml_marks_follow_every_toml_form() -> None:
    from okrlint.util.tomlmarks import toml_marks

    text = 'a.b = 1\n"q.k" = "v"\n[t]\ns = """x\n]\n"""\nx = [[1, 2], {k = 3}]\n[[arr]]\nn = 1\n[[arr]]\nn = 2\n'
    marks = toml_marks(text)
    assert marks.keys[("a", "b")] == (1, 3) and marks.values[("a", "b")] == (1, 7)
    assert marks.keys[("q.k",)] == (2, 1)
    assert marks.values[("t", "x")] == (7, 5)
    assert marks.values[("t", "x", 0, 1)] == (7, 10)
    assert marks.values[("t", "x", 1, "k")] == (7, 19)
    assert marks.values[("arr", 1, "n")] == (11, 5)


def test_missing_explicit_config_is_exit_2(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "lint", "--config", "nope.yaml")
    assert code == 2
    assert "nope.yaml: configuration file not found" in err


def test_configured_path_that_does_not_exist_is_exit_2(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / ".okrlint.yaml", "paths: [okr]\n")
    code, _, err = run(capsys, "lint")
    assert code == 2
    assert "paths: 'okr' does not exist" in err


# --- select / ignore ------------------------------------------------------------------------------------


def test_everything_runs_by_default(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lint", "--as-of", "2026-11-23")
    assert {"C101", "C103"} <= codes(out)
    assert code == 0  # only warnings and infos: below fail_on=error


@pytest.mark.parametrize(
    ("args", "present", "absent"),
    [
        (("--select", "C101"), {"C101"}, {"C103"}),
        (("--select", "too-few-key-results"), {"C103"}, {"C101"}),
        (("--select", "C1"), {"C101", "C103"}, set()),
        (("--select", "c1"), {"C101", "C103"}, set()),
        (("--select", "C101,C103"), {"C101", "C103"}, set()),
        (("--select", "C101", "--select", "C103"), {"C101", "C103"}, set()),
        (("--ignore", "C103"), {"C101"}, {"C103"}),
        (("--ignore", "too-few-objectives"), {"C103"}, {"C101"}),
        (("--ignore", "C"), set(), {"C101", "C103"}),
        (("--select", "ALL", "--ignore", "C10"), set(), {"C101", "C103"}),
    ],
)
def test_select_and_ignore_on_the_command_line(
    repo: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], present: set[str], absent: set[str]
) -> None:
    code, out, _ = run(capsys, "lint", "--as-of", "2026-11-23", *args)
    assert code == 0
    found = codes(out)
    assert present <= found
    assert not absent & found


def test_select_and_ignore_in_the_config(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / ".okrlint.yaml", "select: [C1]\nignore: [too-few-objectives]\n")
    _, out, _ = run(capsys, "lint", "--as-of", "2026-11-23")
    assert codes(out) == {"C103"}


def test_command_line_select_replaces_config_and_ignore_adds(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / ".okrlint.yaml", "select: [C103]\nignore: [C101]\n")
    _, out, _ = run(capsys, "lint", "--as-of", "2026-11-23", "--select", "C1")
    assert codes(out) == {"C103"}  # --select C1 replaced [C103]; the config's ignore still drops C101


def test_severity_override_and_fail_on(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / ".okrlint.yaml", "select: [C101]\nseverity: {too-few-objectives: error}\n")
    code, out, _ = run(capsys, "lint", "--as-of", "2026-11-23")
    assert code == 1
    assert "C101 [error]" in out


def test_fail_on_warning_from_config_and_cli(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / ".okrlint.yaml", "select: [C101]\nfail_on: warning\n")
    assert run(capsys, "lint", "--as-of", "2026-11-23")[0] == 1
    assert run(capsys, "lint", "--as-of", "2026-11-23", "--fail-on", "error")[0] == 0


def test_per_file_ignores(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / ".okrlint.yaml", 'per_file_ignores: {"okrs/pay*.yaml": [C1]}\n')
    _, out, _ = run(capsys, "lint", "--as-of", "2026-11-23")
    assert not {"C101", "C103"} & codes(out)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--select", "C1O1"), "'C1O1' names no rule (did you mean 'C101'?)"),
        (("--ignore", "too-few-objective"), "'too-few-objective' names no rule (did you mean 'too-few-objectives'?)"),
        (("--select", "Z9"), "'Z9' names no rule"),
    ],
)
def test_unknown_selector_on_the_command_line_is_exit_2(
    repo: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], expected: str
) -> None:
    code, out, err = run(capsys, "lint", *args)
    assert code == 2
    assert out == ""
    assert expected in err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("select: [E, C1O1]\n", ".okrlint.yaml:1:13: select: 'C1O1' names no rule (did you mean 'C101'?)"),
        ("ignore: [duplicate-idd]\n", "ignore: 'duplicate-idd' names no rule (did you mean 'duplicate-id'?)"),
        ("severity: {S2O3: error}\n", "severity: 'S2O3' names no rule"),
        ("per_file_ignores: {'x/**': [E0O4]}\n", "'E0O4' names no rule"),
    ],
)
def test_unknown_selector_in_the_config_is_exit_2(
    repo: Path, capsys: pytest.CaptureFixture[str], text: str, expected: str
) -> None:
    write(repo / ".okrlint.yaml", text)
    code, _, err = run(capsys, "lint")
    assert code == 2
    assert expected in err
