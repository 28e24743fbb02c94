"""The lint cache and parallel loading never change a finding; they survive corruption and races."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from generated_org import generate_org
from okrlint.cli import main
from okrlint.config import load_config, with_overrides
from okrlint.engine import pool as parallel
from okrlint.engine.cache import CACHE_DIR, tree_digest
from okrlint.engine.run import lint_repository as lint
from okrlint.engine.treecodec import decode_loaded, encode_loaded
from okrlint.lint.findings import Finding
from okrlint.lint.selection import Selection
from okrlint.model.build import build_checkin_log
from okrlint.model.logcodec import built_log, encode_log
from okrlint.source.files import SourceFile
from okrlint.source.loader import LoadedFile, load_file
from okrlint.source.yamlload import Limits
from paths import REPO

ROOT = REPO
AS_OF = date(2026, 12, 31)

BROKEN = {
    "okrs/broken/syntax.yaml": "team: x\nobjectives: [unclosed\n",
    "okrs/broken/schema.yaml": "team: x\nperiod: 2026-Q4\nobjectives:\n  - id: a\n    titel: typo\n",
    "okrs/broken/dupkey.yaml": "kpis:\n  - id: k\n    id: k2\n    name: K\n",
    "okrs/broken/latin1.yaml": None,
    "okrs/broken/empty.yaml": "# nothing here\n",
    "okrs/broken/suppressed.yaml": (
        "# okrlint: disable-file=E005\nteam: nobody\nperiod: 2026-Q4\nobjectives:\n"
        "  - id: only  # okrlint: disable=S208\n    title: Do one thing well\n"
    ),
    "okrs/2026-Q4/checkins/extra.csv": "date,kr,value\n2026-10-05,team-0001/none/none,1\n2026-13-01,x/y/z,2\n",
}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A generated organisation of 6 teams plus files with every kind of load problem."""
    generate_org(tmp_path, 6, seed=3)
    for rel, text in BROKEN.items():
        target = tmp_path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if text is None:
            target.write_bytes(b"kpis:\n  - id: caf\xe9\n")
        else:
            target.write_text(text, encoding="utf-8")
    return tmp_path


def _lint(root: Path, cache: bool, only: list[Path] | None = None, **overrides: object) -> tuple[Finding, ...]:
    config = with_overrides(load_config(root / ".okrlint.yaml"), **overrides)
    return lint(config, AS_OF, Selection(config.select, config.ignore), only, cache=cache).findings


def test_cache_and_parallel_change_no_finding(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plain = _lint(repo, cache=False)
    codes = {f.code for f in plain}
    assert {"E001", "E002", "E003", "E007"} <= codes  # the broken files really are in the run
    assert not (repo / CACHE_DIR).exists()
    assert _lint(repo, cache=True) == plain  # cold: fills both layers
    assert _lint(repo, cache=True) == plain  # warm: whole result
    for entry in (repo / CACHE_DIR / "v1" / "results").iterdir():
        entry.unlink()
    assert _lint(repo, cache=True) == plain  # per-file layer only
    monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 0)
    assert _lint(repo, cache=False) == plain  # parsed in a process pool


def test_parallel_loading_is_identical(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = load_config(repo / ".okrlint.yaml")
    files = sorted(
        SourceFile(p.relative_to(repo).as_posix(), p) for p in repo.rglob("*.y*ml") if ".okrlint" not in p.name
    )
    monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 0)
    pooled, serial = parallel.load_files(config, files, jobs=2), parallel.load_files(config, files, jobs=1)
    assert pooled == serial
    assert [_built(f) for f in pooled] == [_built(f) for f in serial]  # logs built in workers and here alike
    assert any(_built(f) for f in pooled)


def _built(loaded: LoadedFile) -> str:
    """Return the plain data of a load result's built check-in log and its problems, as text (empty when none)."""
    built = built_log(loaded)
    return "" if built is None else repr((encode_log(built[0]), built[1]))


def test_logs_are_kept_built_not_as_trees(repo: Path) -> None:
    """The cache and the workers keep a check-in log's columns: no located tree, the same model once built."""
    config = load_config(repo / ".okrlint.yaml")
    log = repo / "okrs" / "2026-Q4" / "checkins" / "team-0002.yaml"
    source = SourceFile(log.relative_to(repo).as_posix(), log)
    (cached,) = parallel.load_files(config, [source])
    assert cached.document is None and cached.built is not None
    data = encode_loaded(cached)
    assert data[1] is None  # no tree
    plain = load_file(source, config.max_file_bytes, config.limits)
    assert plain.document is not None
    fresh, problems = build_checkin_log(plain.document, config.fiscal_year_start_month)
    assert _built(decode_loaded(source, data)) == repr((encode_log(fresh), tuple(problems)))


def test_codec_round_trip_keeps_marks(repo: Path) -> None:
    for path in sorted((repo / "okrs").rglob("*.yaml")):
        source = SourceFile(path.relative_to(repo).as_posix(), path)
        loaded = load_file(source, 5_000_000, Limits())
        again = decode_loaded(source, encode_loaded(loaded))
        assert again == loaded
        if loaded.document is not None:
            assert again.document is not None
            assert again.document.root.key_marks == loaded.document.root.key_marks
            assert again.document.root.value_marks == loaded.document.root.value_marks


def test_changes_are_seen(repo: Path) -> None:
    assert _lint(repo, cache=True) == _lint(repo, cache=False)
    target = repo / "okrs" / "2026-Q4" / "team-0002.yaml"
    target.write_text(target.read_text(encoding="utf-8").replace("period: 2026-Q4", "period: 2026-Q3"), "utf-8")
    after = _lint(repo, cache=True)
    assert after == _lint(repo, cache=False)
    assert any(f.code == "T401" and f.path.endswith("checkins/team-0002.yaml") for f in after)  # other file
    ignored = _lint(repo, cache=True, ignore=("T401",))
    assert ignored and not any(f.code == "T401" for f in ignored)


def test_one_file_in_context_matches_full_run(repo: Path) -> None:
    one = repo / "okrs" / "broken" / "schema.yaml"
    full = _lint(repo, cache=False)
    expected = tuple(f for f in full if f.path == "okrs/broken/schema.yaml")
    assert expected
    assert _lint(repo, cache=True, only=[one]) == expected
    assert _lint(repo, cache=True, only=[one]) == expected


def test_corrupt_entries_are_ignored_and_rebuilt(repo: Path) -> None:
    plain = _lint(repo, cache=False)
    _lint(repo, cache=True)
    entries = [p for p in (repo / CACHE_DIR).rglob("*") if p.is_file() and p.parent.name != CACHE_DIR]
    assert entries
    for number, entry in enumerate(entries):
        data = entry.read_bytes()
        entry.write_bytes(b"" if number % 3 == 0 else data[: len(data) // 2] if number % 3 == 1 else b"\x00" + data)
    assert _lint(repo, cache=True) == plain
    rebuilt = [p for p in entries if p.exists()]
    assert all(p.stat().st_size > 16 for p in rebuilt if p.parent.name != "results")
    assert _lint(repo, cache=True) == plain


def test_no_cache_reads_and_writes_nothing(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    assert main(["lint", "--no-cache", "--as-of", "2026-12-31", "--format", "json"]) == 1
    assert not (repo / CACHE_DIR).exists()
    assert main(["lint", "--as-of", "2026-12-31", "--format", "json"]) == 1
    assert (repo / CACHE_DIR / ".gitignore").read_text(encoding="utf-8").strip().endswith("*")


def test_cache_never_writes_outside_the_repository(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    outside = tmp_path_factory.mktemp("outside")
    (repo / CACHE_DIR).symlink_to(outside, target_is_directory=True)
    assert _lint(repo, cache=True) == _lint(repo, cache=False)
    assert list(outside.iterdir()) == []


def test_concurrent_runs_agree(repo: Path) -> None:
    command = [sys.executable, "-m", "okrlint", "lint", "--as-of", "2026-12-31", "--format", "json"]
    expected = subprocess.run([*command, "--no-cache"], cwd=repo, capture_output=True, text=True, check=False).stdout
    runs = [subprocess.Popen(command, cwd=repo, stdout=subprocess.PIPE, text=True) for _ in range(3)]
    outputs = [run.communicate()[0] for run in runs]
    assert outputs == [expected] * 3
    assert subprocess.run(command, cwd=repo, capture_output=True, text=True, check=False).stdout == expected


def test_lint_never_imports_report_libraries(repo: Path) -> None:
    code = (
        "import sys\nfrom okrlint.cli import main\nmain(['lint', '--as-of', '2026-12-31'])\n"
        "print(sorted(m for m in ('jinja2', 'ruamel.yaml', 'markupsafe') if m in sys.modules))\n"
    )
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run([sys.executable, "-c", code], cwd=repo, capture_output=True, text=True, env=env, check=False)
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_planted_entries_are_ignored(
    repo: Path, monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A pull request that commits forged cache entries cannot hide findings."""
    import hashlib
    import marshal

    (repo / "okrs" / "vague.yaml").write_text(
        "team: vague\nperiod: 2026-Q4\nobjectives:\n  - id: a\n    title: Be better\n"
        "    key_results:\n      - {id: k, title: Improve things, baseline: 1, target: 2, unit: x}\n",
        encoding="utf-8",
    )
    plain = _lint(repo, cache=False)
    assert any(f.code == "S201" for f in plain)
    _lint(repo, cache=True)
    entries = [p for p in (repo / CACHE_DIR).rglob("*") if p.is_file() and p.parent.name == "results"]
    assert entries
    for entry in entries:  # forge "no findings" as an attacker could: a plain, unkeyed checksum
        payload = marshal.dumps(())
        entry.write_bytes(hashlib.blake2b(payload, digest_size=16).digest() + payload)
    assert _lint(repo, cache=True) == plain
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("other-machine")))
    assert _lint(repo, cache=True) == plain  # another machine's key: entries are not trusted either


def test_the_code_digest_changes_with_any_module_and_ignores_bytecode(tmp_path: Path) -> None:
    package = tmp_path / "package"
    (package / "__pycache__").mkdir(parents=True)
    module = package / "module.py"
    module.write_text("A = 1\n", encoding="utf-8")
    first = tree_digest([package])
    (package / "__pycache__" / "module.cpython-311.pyc").write_bytes(b"\0")
    (package / "notes.txt").write_text("not code\n", encoding="utf-8")
    assert tree_digest([package]) == first
    info = module.stat()
    module.write_text("A = 2\n", encoding="utf-8")  # same size: the modification time tells
    os.utime(module, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000))
    second = tree_digest([package])
    assert second != first
    module.write_text("A = 22\n", encoding="utf-8")
    os.utime(module, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000))  # same time: the size tells
    third = tree_digest([package])
    (package / "other.py").write_text("", encoding="utf-8")
    assert len({first, second, third, tree_digest([package])}) == 4


def test_workers_get_small_chunks_first_then_full_ones() -> None:
    tasks = [(f"f{i}", f"/f{i}", 1, 1, 1, 1) for i in range(40)]
    chunks = parallel._growing(tasks, 16)
    assert [len(c) for c in chunks] == [1, 2, 4, 8, 16, 9]
    assert [t for c in chunks for t in c] == tasks
    assert parallel._growing([], 16) == []


def test_a_full_run_sweeps_what_no_run_reads_any_more(repo: Path) -> None:
    """Per-file entries of contents gone for a week go, newer ones stay; of the indexes the 8 newest stay."""
    plain = _lint(repo, cache=False)
    assert _lint(repo, cache=True) == plain
    layers = repo / CACHE_DIR / "v1"
    live = {p.name for p in (layers / "files").rglob("*") if p.is_file()}
    month_ago = time.time() - 30 * 24 * 3600
    stale, recent = layers / "files" / "ab" / ("ab" * 16), layers / "files" / "cd" / ("cd" * 16)
    for entry in (stale, recent):
        entry.parent.mkdir(exist_ok=True)
        entry.write_bytes(b"an entry of an earlier version")
    os.utime(stale, (month_ago, month_ago))
    for i in range(12):  # indexes of earlier versions
        old = layers / "summaries" / (f"{i:02x}" * 16)
        old.write_bytes(b"index")
        os.utime(old, (month_ago + i, month_ago + i))
    for folder in ("results", "worlds"):  # the next run is a full one
        shutil.rmtree(layers / folder)
    assert _lint(repo, cache=True) == plain
    assert not stale.exists() and recent.exists()
    assert live <= {p.name for p in (layers / "files").rglob("*") if p.is_file()}
    assert len(list((layers / "summaries").iterdir())) == 8
    assert _lint(repo, cache=True) == plain
