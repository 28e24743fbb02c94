"""Hostile and broken input: the real ``okrlint lint`` never crashes, hangs, balloons or leaks (SPEC §7).

Every case builds a small repository in a temporary folder (the base OKR set and KPI catalogue
of ``tests/hostile/base/`` plus one hostile file under ``okrs/``), runs the command line in a
forked child under a memory limit and a timeout, and checks the exit code, the expected codes
at valid locations, that stderr holds no traceback and that nothing from outside the
repository (a canary file) shows up in the output.
"""

from __future__ import annotations

import importlib.util
import io
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from okrlint import cli
from paths import TESTS

HOSTILE = TESTS / "hostile"
CORPUS = HOSTILE / "corpus"
TIMEOUT = 15.0  # seconds, generous for a loaded CI runner; typical cases take well under one
MEMORY = 1 << 30  # extra address space a run may map on top of the forked test process
CANARY = "CANARY-7f3a9-DO-NOT-PRINT"
AS_OF = "2026-11-23"


def _load_generators() -> dict[str, Callable[[Path], None]]:
    spec = importlib.util.spec_from_file_location("hostile_generate", HOSTILE / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.GENERATORS  # type: ignore[no-any-return]


GENERATORS = _load_generators()


@dataclass(frozen=True)
class Outcome:
    """What one run of the command line did."""

    code: int
    stdout: str
    stderr: str
    seconds: float


def _address_space() -> int:
    with open("/proc/self/statm") as stream:
        return int(stream.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def run_cli(args: list[str], cwd: Path, timeout: float = TIMEOUT) -> Outcome:
    """Run ``okrlint ARGS`` in a forked child with a memory limit; kill it after ``timeout`` seconds."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        limit = _address_space() + MEMORY
        start = time.monotonic()
        pid = os.fork()
        if pid == 0:  # the child: never returns into pytest
            code = 70
            try:
                os.chdir(cwd)
                os.dup2(out.fileno(), 1)
                os.dup2(err.fileno(), 2)
                sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8", write_through=True)
                sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), encoding="utf-8", write_through=True)
                resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
                code = cli.main(args)
            except BaseException:  # report anything that escaped main()
                traceback.print_exc()
            finally:
                try:
                    sys.stdout.flush()
                    sys.stderr.flush()
                finally:
                    os._exit(code)
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            if time.monotonic() - start > timeout:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                pytest.fail(f"okrlint {' '.join(args)} still running after {timeout} s (killed)")
            time.sleep(0.005)
        seconds = time.monotonic() - start
        assert os.WIFEXITED(status), f"okrlint {' '.join(args)} died from signal {os.WTERMSIG(status)}"
        out.seek(0)
        err.seek(0)
        return Outcome(
            os.WEXITSTATUS(status),
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            seconds,
        )


@dataclass(frozen=True)
class Case:
    """One hostile input: how to put it in place and what ``okrlint lint`` must say about it."""

    name: str
    codes: frozenset[str] = frozenset()  # each must be reported for the hostile file
    exits: tuple[int, ...] = (1,)
    config: str = ""  # extra lines for .okrlint.yaml
    only: frozenset[str] | None = None  # when set, no other code may be reported for the file
    setup: Callable[[Path, Path], None] | None = None  # (repo, outside) -> None, instead of a corpus file
    args: tuple[str, ...] = ()  # paths passed to ``okrlint lint``
    shown: str | None = None  # the path findings are expected under (default okrs/NAME)
    generated: bool = False
    tags: tuple[str, ...] = field(default=())


def c(name: str, *codes: str, **options: object) -> Case:
    """Return a corpus case for ``tests/hostile/corpus/NAME`` that must report ``codes``."""
    return Case(name, frozenset(codes), **options)  # type: ignore[arg-type]


def g(name: str, *codes: str, **options: object) -> Case:
    """Return a case for the input ``generate.py`` writes as NAME at test time."""
    return Case(name, frozenset(codes), generated=True, **options)  # type: ignore[arg-type]


def _symlink_file_out(repo: Path, outside: Path) -> None:
    (repo / "okrs" / "secret.yaml").symlink_to(outside / "secret.yaml")


def _symlink_dir_out(repo: Path, outside: Path) -> None:
    (repo / "okrs" / "shared").symlink_to(outside, target_is_directory=True)


def _symlink_loop(repo: Path, outside: Path) -> None:
    (repo / "okrs" / "loop.yaml").symlink_to(repo / "okrs" / "loop.yaml")
    (repo / "okrs" / "dangling.yaml").symlink_to(outside / "nowhere.yaml")


def _directory_named_yaml(repo: Path, outside: Path) -> None:
    folder = repo / "okrs" / "x.yaml"
    folder.mkdir()
    (folder / "inner.yaml").write_text("teams:\n  - id: a\n    name: A\n    name: B\n")


def _name_not_utf8(repo: Path, outside: Path) -> None:
    (repo / os.fsdecode(b"okrs/bad\xff.yaml")).write_text("teams: [\n")


def _folder_not_utf8(repo: Path, outside: Path) -> None:
    folder = repo / os.fsdecode(b"okrs/caf\xe9\x1b[2J")
    folder.mkdir()
    (folder / "dup.yaml").write_text("kpis:\n  - id: k\n    id: k2\n    name: K\n")


MAX = "1.7976931348623157e308"
EDGE, ALL_YEARS, Q4, DAY = "okrs/edge.yaml", "{id: all, start: 0001-01-01, end: 9999-12-31}", "2026-Q4", "2026-11-01"


def _set_and_checkin(
    period: str, day: str, baseline: str = "1", target: str = "2", value: str = "1.5"
) -> Callable[[Path, Path], None]:
    """Return a setup writing an OKR set of ``period`` and a check-in log with one row dated ``day``."""

    def setup(repo: Path, outside: Path) -> None:
        (repo / "okrs" / "edge.yaml").write_text(
            f"team: edge\nperiod: {period}\nowner: o@example.com\nobjectives:\n  - id: o\n    title: Grow\n"
            f"    key_results:\n      - {{id: k, title: Raise x from {baseline} to {target}, baseline: {baseline}, "
            f"target: {target}, unit: x}}\n"
        )
        (repo / "okrs" / "edge-checkins.yaml").write_text(
            f"team: edge\ncheckins:\n  - {{date: {day}, kr: o/k, value: {value}}}\n"
            f"  - {{date: {day}, kpi: nps, value: {value}}}\n"
        )

    return setup


def _fifo(repo: Path, outside: Path) -> None:
    os.mkfifo(repo / "okrs" / "pipe.yaml")


def _cache_link(rel: str, is_dir: bool = True) -> Callable[[Path, Path], None]:
    """Return a setup that plants ``.okrlint_cache/REL`` as a link to the outside folder (or a file in it)."""

    def setup(repo: Path, outside: Path) -> None:
        for number in range(24):  # more than the cache keeps, so pruning through the link would show
            (outside / f"precious-{number:02d}.txt").write_text(f"{number}\n")
        link = repo / ".okrlint_cache" / rel
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(outside if is_dir else outside / "precious-00.txt", target_is_directory=is_dir)

    return setup


def _config(data: bytes) -> Callable[[Path, Path], None]:
    """Return a setup that replaces .okrlint.yaml with ``data``."""

    def setup(repo: Path, outside: Path) -> None:
        (repo / ".okrlint.yaml").write_bytes(data)

    return setup


def _config_link(name: str, text: str) -> Callable[[Path, Path], None]:
    """Return a setup that makes the repository's config file ``name`` a link to a file outside holding ``text``."""

    def setup(repo: Path, outside: Path) -> None:
        (repo / ".okrlint.yaml").unlink()
        (outside / name).write_text(text)
        (repo / name).symlink_to(outside / name)

    return setup


def _unreadable(repo: Path, outside: Path) -> None:
    path = repo / "okrs" / "locked.yaml"
    path.write_text("teams: []\n")
    path.chmod(0)


CASES: list[Case] = [
    # YAML syntax of every kind
    c("syntax-unclosed-flow.yaml", "E001"),
    c("syntax-unclosed-quote.yaml", "E001"),
    c("syntax-bad-indent.yaml", "E001"),
    c("syntax-mapping-in-scalar.yaml", "E001"),
    c("syntax-undefined-alias.yaml", "E001"),
    c("syntax-bad-escape.yaml", "E001"),
    c("syntax-block-scalar.yaml", "E001"),
    c("syntax-unclosed-map.yaml", "E001"),
    c("syntax-stray-dash.yaml", "E001"),
    c("syntax-yaml-directive.yaml", "E001"),
    c("syntax-anchor-no-node.yaml", "E001"),
    c("syntax-only-indicators.yaml", "E001"),
    c("tab-indent.yaml", "E001"),
    c("tab-after-key.yaml", "E001"),
    c("crlf-broken.yaml", "E001"),
    c("control-char.yaml", "E007"),
    # limits and tags that would construct objects
    c("billion-laughs.yaml", "E006", only=frozenset({"E006"})),
    c("billion-laughs-keys.yaml", "E006", only=frozenset({"E006"})),
    c("recursive-alias-seq.yaml", "E006"),
    c("recursive-alias-map.yaml", "E006"),
    c("deep-flow-seq.yaml", "E006"),
    c("deep-flow-map.yaml", "E006"),
    c("deep-block.yaml", "E006"),
    c("deep-flow-seq.yaml", "E006", config="max_depth: 1000\n", tags=("max_depth=1000",)),
    c("tag-python-object.yaml", "E006", only=frozenset({"E006"})),
    c("tag-python-name.yaml", "E006"),
    c("tag-python-module.yaml", "E006"),
    c("tag-custom.yaml", "E006"),
    c("tag-directive.yaml", "E006"),
    c("tag-binary.yaml", "E006"),
    c("tag-set.yaml", "E006"),
    c("tag-timestamp.yaml", "E006"),
    # unreadable files
    c("empty.yaml", "E007"),
    c("whitespace-only.yaml", "E007"),
    c("comment-only.yaml", "E007"),
    c("doc-markers-only.yaml", "E007"),
    c("multi-document.yaml", "E007"),
    c("top-level-list.yaml", "E007"),
    c("top-level-scalar.yaml", "E007"),
    c("no-known-key.yaml", "E007"),
    c("non-utf8-latin1.yaml", "E007"),
    c("utf16.yaml", "E007"),
    c("binary-png.yaml", "E007"),
    c("nul-byte.yaml", "E007"),
    c("lone-surrogate.yaml", "E007"),
    # keys, merge keys, numbers and dates
    c("key-complex.yaml", "E002"),
    c("key-int.yaml", "E002"),
    c("key-bool-null.yaml", "E002"),
    c("key-float-mapping.yaml", "E002"),
    c("duplicate-key.yaml", "E003"),
    c("merge-key.yaml", "E002"),
    c("merge-key-list.yaml", "E002"),
    c("numbers-nan-inf.yaml", "E002"),
    c("numbers-1e400.yaml", "E002"),
    c("numbers-5000-digits.yaml", "E002"),
    c("numbers-4000-digits.yaml", "E002"),
    c("numbers-huge-hex.yaml", "E002"),
    c("numbers-tagged-bad.yaml", "E002"),
    c("id-trailing-newline.yaml", "E002"),
    c("date-impossible.yaml", "E002"),
    c("date-period-impossible.yaml", "E002"),
    c("date-checkin-impossible.yaml", "E002"),
    c("checkin-nan.yaml", "T403"),
    # CSV check-in logs
    c("csv-ragged.csv", "E002"),
    c("csv-unbalanced-quote.csv", "E001"),
    c("csv-quote-in-field.csv", "E002"),
    c("csv-bom-bad-row.csv", "E002"),
    c("csv-nan.csv", "T403"),
    c("csv-id-newline.csv", "E002"),
    c("csv-382-digits.csv", "T403"),
    c("csv-nul.csv", "E007"),
    c("csv-latin1.csv", "E007"),
    # large inputs, generated at test time
    g("huge-title.yaml", "S201"),
    g("huge-quoted-title.yaml", exits=(0, 1)),
    g("huge-ids.yaml", "S201"),
    g("sparse-10gb.yaml", "E006", only=frozenset({"E006"})),
    g("over-limit-nesting.yaml", "E006", only=frozenset({"E006"})),
    g("small-limit-syntax-error.yaml", "E006", only=frozenset({"E006"}), config="max_file_bytes: 1000\n"),
    g("many-nodes.yaml", "E006", only=frozenset({"E006"})),
    g("wide-mapping.yaml", "E006", only=frozenset({"E006"})),
    g("deep-under-limit.yaml", "E006", only=frozenset({"E006"})),
    g("many-checkins.yaml", exits=(0,)),
    g("many-aliases.yaml", "E006", only=frozenset({"E006"})),
    g("csv-huge-field.csv", "E001"),
    g("csv-many-rows.csv", "E002"),
    g("long-lines.yaml", exits=(0, 1)),
    # the file system: links out of the repository, folders and special files with YAML names
    Case("symlink-file-out", exits=(0,), setup=_symlink_file_out),
    Case("symlink-file-out-explicit", exits=(0,), setup=_symlink_file_out, args=("okrs/secret.yaml",)),
    Case("symlink-dir-out", exits=(0,), setup=_symlink_dir_out),
    Case("symlink-dir-out-explicit", exits=(0,), setup=_symlink_dir_out, args=("okrs/shared",)),
    Case("symlink-dir-out-config", exits=(0,), setup=_symlink_dir_out, config="paths: [okrs/shared]\n"),
    Case("symlink-loop-and-dangling", exits=(0,), setup=_symlink_loop),
    Case("directory-named-yaml", frozenset({"E003"}), setup=_directory_named_yaml, shown="okrs/x.yaml/inner.yaml"),
    Case("name-not-utf8", frozenset({"E001"}), setup=_name_not_utf8, shown="okrs/bad\\xff.yaml"),
    Case("folder-not-utf8", frozenset({"E003"}), setup=_folder_not_utf8, shown="okrs/caf\\xe9\x1b[2J/dup.yaml"),
    Case("fifo", exits=(0,), setup=_fifo),
    Case("fifo-explicit", exits=(0,), setup=_fifo, args=("okrs/pipe.yaml",)),
    Case("unreadable", frozenset({"E007"}), setup=_unreadable, shown="okrs/locked.yaml", tags=("needs-non-root",)),
    # the ends of the calendar and of the floats (SPEC §7: results or findings, never exit 3)
    Case("period-year-1-checkin", exits=(0, 1), setup=_set_and_checkin("0001-Q1", "0001-01-01"), shown=EDGE),
    Case("period-year-9999-checkin", exits=(0, 1), setup=_set_and_checkin("9999-Q4", "9999-12-31"), shown=EDGE),
    Case("period-all-years", exits=(0, 1), setup=_set_and_checkin(ALL_YEARS, "9999-12-31"), shown=EDGE),
    Case("checkin-year-1-for-2026", exits=(0, 1), setup=_set_and_checkin("2026-Q4", "0001-01-01"), shown=EDGE),
    Case("values-near-1e308", exits=(0, 1), setup=_set_and_checkin(Q4, DAY, "-1e308", "1e308", "1e308"), shown=EDGE),
    Case("values-max-float", exits=(0, 1), setup=_set_and_checkin(Q4, DAY, "0", "5e-324", MAX), shown=EDGE),
    # a cache folder committed with links out of the repository (written, pruned or followed: never)
    Case("cache-root-link-out", exits=(0,), setup=_cache_link("")),
    Case("cache-results-link-out", exits=(0,), setup=_cache_link("v1/results")),
    Case("cache-files-link-out", exits=(0,), setup=_cache_link("v1/files")),
    Case("cache-tag-link-out", exits=(0,), setup=_cache_link("CACHEDIR.TAG", is_dir=False)),
    # the configuration is part of the pull request too
    Case("config-paths-outside", exits=(2,), setup=_config(b"paths: [okrs, ../outside]\n")),
    Case("config-paths-absolute", exits=(2,), setup=_config(b"paths: [/etc]\n")),
    Case("config-limits-off", exits=(2,), setup=_config(b"paths: [okrs]\nmax_nodes: 1000000000000\n")),
    Case("config-tab", exits=(2,), setup=_config(b"paths:\n\t- okrs\n")),
    Case("config-billion-laughs", exits=(2,), setup=_config((CORPUS / "billion-laughs.yaml").read_bytes())),
    Case("config-python-tag", exits=(2,), setup=_config(b"paths: !!python/object/apply:os.system [true]\n")),
    Case("config-latin1", exits=(2,), setup=_config(b"paths: [okrs]\nroot_team: caf\xe9\n")),
    Case("config-link-out", exits=(2,), setup=_config_link(".okrlint.yaml", f"paths: [okrs]\n{CANARY}: 1\n")),
    Case(
        "config-pyproject-link-out",
        exits=(2,),
        setup=_config_link("pyproject.toml", f'[tool.okrlint]\npaths = ["okrs"]\n{CANARY} = 1\n'),
    ),
    Case("config-huge-number", exits=(2,), setup=_config(b"paths: [okrs]\nmax_depth: " + b"9" * 5000 + b"\n")),
]


def _case_id(case: Case) -> str:
    return "-".join((case.name, *case.tags))


def _make_repo(tmp_path: Path, case: Case) -> tuple[Path, Path | None]:
    """Build the repository for ``case``; return it and the hostile file (None for setup cases)."""
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    (repo / "okrs").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.yaml").write_text(f"{CANARY}: [\nteams:\n  - id: {CANARY}\n    {CANARY}: 1\n")
    (outside / "team.yaml").write_text(f"teams:\n  - id: x\n    name: y\n    {CANARY}: 1\n")
    for base in (HOSTILE / "base").iterdir():
        shutil.copyfile(base, repo / "okrs" / base.name)
    config = case.config if case.config.startswith("paths:") else "paths: [okrs]\n" + case.config
    (repo / ".okrlint.yaml").write_text(config)
    if case.setup is not None:
        case.setup(repo, outside)
        return repo, None
    target = repo / "okrs" / case.name
    if case.generated:
        GENERATORS[case.name](target)
    else:
        shutil.copyfile(CORPUS / case.name, target)
    return repo, target


def _line_count(path: Path) -> int:
    if path.stat().st_size > 50_000_000:
        return 1
    return path.read_bytes().count(b"\n") + 1


@pytest.fixture(scope="module")
def warm(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Lint a small broken repository in-process first, so forked runs inherit warm imports and caches."""
    repo = tmp_path_factory.mktemp("warm")
    (repo / "okrs").mkdir()
    for base in (HOSTILE / "base").iterdir():
        shutil.copyfile(base, repo / "okrs" / base.name)
    for kind in ("teams", "kpis", "checkins", "objectives"):
        (repo / "okrs" / f"{kind}-broken.yaml").write_text(f"{kind}: [{{x: 1}}]\n")
    (repo / "okrs" / "log.csv").write_text("date,kpi,value\n2026-10-01,nps,x\n")
    (repo / ".okrlint.yaml").write_text("paths: [okrs]\n")
    cwd = Path.cwd()
    os.chdir(repo)
    try:
        with open(os.devnull, "w") as sink:
            saved, sys.stdout = sys.stdout, sink
            try:
                cli.main(["lint", "--format", "json", "--as-of", AS_OF])
            finally:
                sys.stdout = saved
    finally:
        os.chdir(cwd)


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_hostile_input(tmp_path: Path, case: Case, warm: None) -> None:
    """Run ``okrlint lint`` on one hostile input and hold it to SPEC §7."""
    if "needs-non-root" in case.tags and os.geteuid() == 0:
        pytest.skip("root reads files whatever their permissions")
    repo, target = _make_repo(tmp_path, case)
    outside = {p.name: p.read_bytes() for p in (tmp_path / "outside").iterdir()}
    outcome = run_cli(["lint", "--format", "json", "--as-of", AS_OF, *case.args], repo)
    assert {p.name: p.read_bytes() for p in (tmp_path / "outside").iterdir()} == outside  # nothing outside changes

    assert "Traceback" not in outcome.stderr, outcome.stderr
    assert outcome.code in case.exits, f"exit {outcome.code}, stderr: {outcome.stderr[:2000]}"
    assert CANARY not in outcome.stdout + outcome.stderr
    assert len(outcome.stdout) + len(outcome.stderr) < 200_000 or case.name == "csv-many-rows.csv"
    if outcome.code == 2:  # a usage or configuration error: one located line, no report
        assert outcome.stdout == "" and outcome.stderr.startswith("okrlint: error:"), outcome.stderr[:2000]
        return
    report = json.loads(outcome.stdout)
    for finding in report["findings"]:
        assert finding["line"] >= 1 and finding["column"] >= 1, finding
        assert not Path(finding["path"]).is_absolute(), finding
        assert len(finding["message"]) < 2_000, finding["message"][:200]
    shown = case.shown or (f"okrs/{case.name}" if target is not None else None)
    mine = [f for f in report["findings"] if f["path"] == shown]
    codes = {f["code"] for f in mine}
    assert case.codes <= codes, f"expected {sorted(case.codes)} at {shown}, got {mine[:5]}"
    if case.only is not None:
        assert codes <= case.only, mine
    if target is not None:
        last = _line_count(target)
        assert all(f["line"] <= last for f in mine), [f for f in mine if f["line"] > last][:3]
    if case.setup is not None and target is None and shown is None:
        assert all(f["path"] in ("okrs/objectives.yaml", "okrs/kpis.yaml") for f in report["findings"])


def test_every_corpus_file_has_a_case() -> None:
    """A file dropped into the corpus without an expectation would be tested by nothing."""
    named = {case.name for case in CASES if not case.generated and case.setup is None}
    assert named == {path.name for path in CORPUS.iterdir()}
    assert {case.name for case in CASES if case.generated} == set(GENERATORS)


@pytest.mark.parametrize("name", ["billion-laughs.yaml", "sparse-10gb.yaml"])
def test_console_script_under_a_memory_limit(tmp_path: Path, name: str) -> None:
    """The installed ``okrlint`` program itself, in a subprocess limited to 1 GB of address space."""
    case = next(case for case in CASES if case.name == name)
    repo, _ = _make_repo(tmp_path, case)

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))

    command = [sys.executable, "-m", "okrlint", "lint", "--format", "text", "--as-of", AS_OF]
    done = subprocess.run(
        command, cwd=repo, capture_output=True, text=True, timeout=TIMEOUT, preexec_fn=limit, check=False
    )
    assert done.returncode == 1, done.stderr
    assert f"okrs/{name}:" in done.stdout and " E006 " in done.stdout
    assert "Traceback" not in done.stderr


def test_text_output_cannot_drive_the_terminal(tmp_path: Path, warm: None) -> None:
    """Control characters from file names and content (ESC, newline) are shown escaped in the text format."""
    repo, _ = _make_repo(tmp_path, Case("terminal", setup=lambda repo, outside: None))
    okrs = repo / "okrs"
    (okrs / "x\n::warning file=forged.yaml::forged.yaml").write_text("teams: [\n", encoding="utf-8")
    (okrs / "\x1b[2Jclear.yaml").write_text("teams: [\n", encoding="utf-8")
    (okrs / "osc.yaml").write_text('teams:\n  - id: a\n    name: b\n    "\\e]52;c;cHduZWQ=\\a": 1\n', encoding="utf-8")
    outcome = run_cli(["lint", "--format", "text", "--as-of", AS_OF], repo)
    assert outcome.code == 1, outcome.stderr
    assert "\x1b" not in outcome.stdout and "\x07" not in outcome.stdout
    assert not any(line.startswith("::") for line in outcome.stdout.splitlines())
    assert outcome.stdout.count("\\x1b") == 2 and "\\x0a::warning" in outcome.stdout
