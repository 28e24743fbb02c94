"""The incremental paths give what a cold run gives.

The pre-commit path lints a few files in repository context from cached summaries; a whole
repository lint after an edit recomputes only what the edit can change. A seeded random walk
edits, adds, deletes and renames files of a generated organisation; after every step the
findings of each check-in log and each OKR set (and of a few other files) linted with the
cache, and of the whole repository, are compared with a cold, uncached, serial run.
"""

from __future__ import annotations

import random
import re
import shutil
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from okrlint.config import Config, load_config
from okrlint.engine.cache import CACHE_DIR, LintCache
from okrlint.engine.incremental import RECENT_MAX
from okrlint.engine.run import lint_repository
from okrlint.lint.context import ROW_RULES
from okrlint.lint.findings import Finding
from okrlint.lint.run import lint
from okrlint.model.load import LoadedRepository, load_repository
from okrlint.source.files import SourceFile
from okrlint.source.loader import LoadedFile

DATES = (date(2026, 12, 31), date(2026, 11, 20), date(2027, 1, 20))
ROWS = (
    "  - date: {day}\n    kr: {ref}\n    value: {value}\n",
    "  - date: {day}\n    kpi: {kpi}\n    value: {value}\n",
)


def _files(root: Path) -> list[Path]:
    return sorted(p for p in (root / "okrs").rglob("*") if p.is_file() and p.suffix in (".yaml", ".csv"))


def _logs(root: Path) -> list[Path]:
    return [p for p in _files(root) if "checkins" in p.parts]


def _sets(root: Path) -> list[Path]:
    return [p for p in _files(root) if "checkins" not in p.parts and "objectives:" in p.read_text(errors="replace")]


def _kr_refs(root: Path) -> list[str]:
    refs = []
    for path in _files(root):
        text = path.read_text(encoding="utf-8", errors="replace")
        team = re.search(r"^team: (\S+)", text, re.MULTILINE)
        if team is None or "objectives:" not in text:
            continue
        objective = None
        for line in text.splitlines():
            if line.startswith("  - id: "):
                objective = line.split(": ", 1)[1]
            elif line.startswith("      - id: ") and objective:
                refs.append(f"{team.group(1)}/{objective}/{line.split(': ', 1)[1]}")
    return refs or ["nobody/none/none"]


def _append_row(rng: random.Random, root: Path) -> None:
    log = rng.choice(_logs(root) or [root / "okrs" / "2026-Q4" / "checkins" / "new.yaml"])
    day = rng.choice(("2026-10-05", "2026-11-02", "2026-12-28", "2027-03-01", "2026-06-01"))
    ref = rng.choice([*_kr_refs(root), "team-0001/ghost/none", "delightful-support/time-to-hire"])
    value = rng.choice(("12", "true", "0.5", "-3", ".nan"))
    kpi = rng.choice(("kpi-01", "kpi-02", "kpi-99"))
    row = rng.choice(ROWS).format(day=day, ref=ref, value=value, kpi=kpi)
    if log.suffix == ".csv":
        row = f"{day},{ref},{value}\n"
    if not log.exists():
        log.write_text("team: team-0001\ncheckins:\n", encoding="utf-8")
    with log.open("a", encoding="utf-8") as stream:
        stream.write(row)


def _edit_objectives(rng: random.Random, root: Path) -> None:
    sets = [p for p in _files(root) if "checkins" not in p.parts and "objectives:" in p.read_text(errors="replace")]
    if not sets:
        return
    path = rng.choice(sets)
    text = path.read_text(encoding="utf-8")
    ids = re.findall(r"^      - id: (\S+)$", text, re.MULTILINE)
    choice = rng.randrange(5)
    objectives = re.findall(r"^  - id: (\S+)$", text, re.MULTILINE)
    if choice == 4 and objectives:  # other sets align to it: their findings change too
        old = rng.choice(objectives)
        text = text.replace(f"  - id: {old}\n", f"  - id: {old}-moved\n", 1)
    elif choice == 0 and ids:
        old = rng.choice(ids)
        text = text.replace(f"      - id: {old}\n", f"      - id: {old}-renamed\n", 1)
    elif choice == 1:
        text = text.replace("period: 2026-Q4", rng.choice(("period: 2026-Q3", "period: 2026-13", "period: 2026")), 1)
    elif choice == 2:
        text += "  - id: broken\n    title: [unclosed\n"
    else:
        text = text.replace("team: team-", "team: teem-", 1)
    path.write_text(text, encoding="utf-8")


def _objectives(root: Path) -> list[tuple[Path, str, str]]:
    """Return (file, team, objective id) of every objective of the organisation's OKR sets."""
    found = []
    for path in _sets(root):
        text = path.read_text(encoding="utf-8")
        team = re.search(r"^team: (\S+)", text, re.MULTILINE)
        found += [(path, team.group(1), o) for o in re.findall(r"^  - id: (\S+)$", text, re.MULTILINE) if team]
    return found


def _set_aligns(path: Path, objective: str, refs: Sequence[str]) -> None:
    """Replace the ``aligns`` of ``objective`` in OKR set ``path`` (one reference as a scalar, more as a list)."""
    text = path.read_text(encoding="utf-8")
    head = f"  - id: {objective}\n"
    if head not in text:
        return
    before, after = text.split(head, 1)
    after = re.sub(r"\A((?:    (?!aligns:).*\n)*?)    aligns:.*\n(?:      - .*\n)*", r"\1", after, count=1)
    aligns = f"    aligns: {refs[0]}\n" if len(refs) == 1 else "    aligns:\n" + "".join(f"      - {r}\n" for r in refs)
    path.write_text(before + head + aligns + after, encoding="utf-8")


def _realign(rng: random.Random, root: Path) -> None:
    """Point an objective's ``aligns`` elsewhere: at times a cycle, another period's objective, a list, no objective."""
    objectives = _objectives(root)
    if len(objectives) < 2:
        return
    (path, team, objective), (other_path, other_team, other) = rng.sample(objectives, 2)
    extra = rng.sample(("company/no-such-objective", f"{team}/{objective}"), rng.randrange(2))
    refs = [f"{other_team}/{other}", *extra]
    _set_aligns(path, objective, refs)
    if rng.random() < 0.5:  # and back: a cycle
        _set_aligns(other_path, other, [f"{team}/{objective}"])


def _add_linked_kr(rng: random.Random, root: Path) -> None:
    """Add a KR with no check-ins of its own, measured by a KPI's rows (T404 and its score read them)."""
    sets = _sets(root)
    if not sets:
        return
    path = rng.choice(sets)
    kr = (
        f"      - id: linked-{rng.randrange(100)}\n        title: Raise weekly active merchants from 100 to 200\n"
        f"        baseline: 100\n        target: 200\n        unit: merchants\n"
        f"        kpi: kpi-0{rng.randrange(1, 4)}\n"
    )
    path.write_text(path.read_text(encoding="utf-8").replace("    key_results:\n", "    key_results:\n" + kr, 1))


def _edit_other(rng: random.Random, root: Path) -> None:
    others = [
        p for p in _files(root) if "checkins" not in p.parts and "objectives:" not in p.read_text(errors="replace")
    ]
    if not others:
        return
    path = rng.choice(others)
    text = path.read_text(encoding="utf-8")
    text = rng.choice(
        (text.replace("id: kpi-01", "id: kpi-1x", 1), text + "  - [unclosed\n", text.replace("team-0002", "team-9999"))
    )
    path.write_text(text, encoding="utf-8")


def _add_file(rng: random.Random, root: Path) -> None:
    source = rng.choice(_files(root))
    target = source.with_name(f"added-{rng.randrange(1000)}{source.suffix}")
    if rng.random() < 0.3:
        target = root / "okrs" / "2026-Q4" / "checkins" / f"extra-{rng.randrange(100)}.csv"
        refs = _kr_refs(root)
        rows = "".join(
            f"2026-1{rng.randrange(3)}-0{rng.randrange(1, 9)},{rng.choice(refs)},{rng.randrange(50)}\n"
            for _ in range(3)
        )
        target.write_text("date,kr,value\n" + rows, encoding="utf-8")
        return
    target.write_bytes(source.read_bytes())


def _delete_file(rng: random.Random, root: Path) -> None:
    files = _files(root)
    if len(files) > 3:
        rng.choice(files).unlink()


def _rename_file(rng: random.Random, root: Path) -> None:
    source = rng.choice(_files(root))
    source.rename(source.with_name(f"moved-{rng.randrange(1000)}{source.suffix}"))


STEPS: tuple[Callable[[random.Random, Path], None], ...] = (
    _append_row,
    _append_row,
    _append_row,
    _edit_objectives,
    _add_linked_kr,
    _edit_other,
    _add_file,
    _delete_file,
    _rename_file,
    _realign,
    _realign,
)


def _cold(root: Path, as_of: date, only: list[Path] | None) -> tuple[Finding, ...]:
    return lint(load_config(root / ".okrlint.yaml"), as_of, only=only).findings


def _cached(root: Path, as_of: date, only: list[Path] | None) -> tuple[Finding, ...]:
    return lint_repository(load_config(root / ".okrlint.yaml"), as_of, only=only, cache=True).findings


@pytest.fixture
def linted(org: Path) -> Path:
    """The organisation after a full lint with the cache (findings, summaries and world stored)."""
    _cached(org, DATES[0], None)
    return org


def _spy_loads(patch: pytest.MonkeyPatch, where: str) -> list[list[str]]:
    """Record the files of every ``load_repository`` call made through module ``where``."""
    loaded: list[list[str]] = []

    def spy(config: Config, files: Sequence[SourceFile], *args: Any, **kwargs: Any) -> LoadedRepository:
        loaded.append([f.rel for f in files if f.rel not in kwargs.get("outlines", {})])  # outlines are not loaded
        return load_repository(config, files, *args, **kwargs)

    patch.setattr(f"{where}.load_repository", spy)
    return loaded


@pytest.mark.parametrize("seed", [1, 2])
def test_edits_adds_deletes_and_renames_keep_findings_identical(seed: int, linted: Path) -> None:
    root = linted
    rng = random.Random(seed)
    seen: set[str] = set()
    _add_linked_kr(rng, root)
    _realign(rng, root)
    for _ in range(12):
        rng.choice(STEPS)(rng, root)
        as_of = rng.choice(DATES)
        files = _files(root)
        for path in [*_logs(root), *_sets(root), *rng.sample(files, min(1, len(files)))]:
            expected = _cold(root, as_of, [path])
            assert _cached(root, as_of, [path]) == expected, path
            seen |= {f.code for f in expected}
        pair = rng.sample(files, min(2, len(files)))
        assert _cached(root, as_of, pair) == _cold(root, as_of, pair), pair
        assert _cached(root, as_of, None) == _cold(root, as_of, None)  # the whole repository, after the edit
    assert {"E005", "T401", "T402", "T403"} & seen  # the walk really produced row findings
    assert {"T404", "T405"} & seen  # and findings in OKR sets that depend on check-ins
    assert {"E009", "E010"} & seen  # and findings in OKR sets that compare them with other sets


def test_only_row_rules_report_in_check_in_logs(org: Path) -> None:
    """lint.context runs only ROW_RULES (and loading) for logs: no other rule may report there."""
    rng = random.Random(9)
    for _ in range(40):
        rng.choice(STEPS[:6])(rng, org)
    for as_of in DATES:
        findings = _cold(org, as_of, None)
        in_logs = {f.code for f in findings if "/checkins/" in f.path}
        assert in_logs, "the fixture should have findings in logs"
        assert in_logs <= ROW_RULES | {"E001", "E002", "E003", "E006", "E007"}


def test_an_edited_okr_set_is_linted_without_unrelated_logs(linted: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the logs about the set's own key results and the org chart and KPIs are loaded; other sets are outlined."""
    edited = linted / "okrs" / "2026-Q4" / "team-0002.yaml"
    edited.write_text(edited.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    loaded = _spy_loads(monkeypatch, "okrlint.engine.incremental")
    assert _cached(linted, DATES[1], [edited]) == _cold(linted, DATES[1], [edited])
    context = loaded[-1]
    assert "okrs/2026-Q4/checkins/team-0002.yaml" in context and "okrs/kpis.yaml" in context
    assert "okrs/2026-Q4/checkins/team-0003.yaml" not in context and "okrs/2026-Q4/team-0003.yaml" not in context


def _spy_outlines(patch: pytest.MonkeyPatch) -> list[set[str]]:
    """Record the outlined files of every ``load_repository`` call of the pre-commit path."""
    outlined: list[set[str]] = []

    def spy(config: Config, files: Sequence[SourceFile], *args: Any, **kwargs: Any) -> LoadedRepository:
        outlined.append(set(kwargs.get("outlines", {})))
        return load_repository(config, files, *args, **kwargs)

    patch.setattr("okrlint.engine.incremental.load_repository", spy)
    return outlined


def test_an_edited_okr_set_reads_only_the_sets_of_its_alignment_neighbourhood(
    linted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its own team's sets and those of the teams its objectives align to (the company), no other team's."""
    edited = linted / "okrs" / "2026-Q4" / "team-0002.yaml"
    edited.write_text(edited.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    outlined = _spy_outlines(monkeypatch)
    assert _cached(linted, DATES[1], [edited]) == _cold(linted, DATES[1], [edited])
    assert outlined[1:] == [{"okrs/2026-Q4/company.yaml"}]  # after the load that made the edited set's summary


@pytest.mark.parametrize(
    ("ref", "code"),
    [
        ("taem-0003/{objective}", "E005"),  # its hint names team-0003's objective: outside the neighbourhood
        ("team-0003/{objective}", "E009"),  # a cycle, which a walk over every set meets from team-0001
    ],
)
def test_an_okr_set_whose_alignment_reads_beyond_its_neighbourhood_is_linted_in_the_whole_structure(
    linted: Path, monkeypatch: pytest.MonkeyPatch, ref: str, code: str
) -> None:
    objectives = {team: (path, objective) for path, team, objective in _objectives(linted)}
    (edited, mine), (other, theirs), (first, its) = (objectives[f"team-000{n}"] for n in (2, 3, 1))
    _set_aligns(other, theirs, [f"team-0002/{mine}"])
    _set_aligns(first, its, [f"team-0003/{theirs}"])
    _cached(linted, DATES[0], None)
    _set_aligns(edited, mine, [ref.format(objective=theirs)])
    outlined = _spy_outlines(monkeypatch)
    findings = _cached(linted, DATES[0], [edited])
    assert findings == _cold(linted, DATES[0], [edited])
    assert code in {f.code for f in findings}
    near, whole = outlined[1:]  # after the load that made the edited set's summary
    assert "okrs/2026-Q4/team-0001.yaml" in whole - near


def test_a_just_edited_file_adds_its_summary_without_rewriting_the_whole_index(
    linted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hook's run stores a new summary in the small entry of recent ones until that holds RECENT_MAX."""
    store = LintCache(load_config(linted / ".okrlint.yaml"))
    index, recent = store.file_key("summary-index"), store.file_key("summary-recent")
    written: list[str] = []
    real_write = LintCache.write

    def spy(self: LintCache, layer: str, key: str, value: Any, keep: int | None = None) -> None:
        written.extend([key] if layer == "summaries" else [])
        real_write(self, layer, key, value, keep)

    monkeypatch.setattr(LintCache, "write", spy)
    logs = _logs(linted)
    for log, limit in ((logs[0], RECENT_MAX), (logs[1], RECENT_MAX), (logs[2], 1)):
        monkeypatch.setattr("okrlint.engine.incremental.RECENT_MAX", limit)
        log.write_text(log.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
        written.clear()
        assert _cached(linted, DATES[0], [log]) == _cold(linted, DATES[0], [log])
        assert written == ([recent] if limit > 1 else [index, recent])  # the third edit overflows: index rewritten
    assert _cached(linted, DATES[0], None) == _cold(linted, DATES[0], None)


def _relinted(root: Path, monkeypatch: pytest.MonkeyPatch, as_of: date) -> list[list[str]]:
    """Lint the whole repository with the cache, assert it matches a cold run; return what relint loaded."""
    with monkeypatch.context() as patch:
        loaded = _spy_loads(patch, "okrlint.engine.relint")
        assert _cached(root, as_of, None) == _cold(root, as_of, None)
    return loaded


def test_renaming_an_objective_others_align_to_reports_in_their_sets(
    linted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Findings of unchanged OKR sets that compare sets (E005 on their aligns) are recomputed."""
    company = linted / "okrs" / "2026-Q4" / "company.yaml"
    original = company.read_text(encoding="utf-8")
    company.write_text(original.replace("  - id: ", "  - id: renamed-"), encoding="utf-8")
    assert _relinted(linted, monkeypatch, DATES[0]), "the whole lint did not take the incremental path"
    assert any(f.code == "E005" and "team-" in f.path for f in _cold(linted, DATES[0], None))
    company.write_text(original + "# back\n", encoding="utf-8")  # and back: those findings go away again
    assert _relinted(linted, monkeypatch, DATES[0])


def test_a_whole_lint_after_an_edit_relints_only_what_the_edit_can_change(
    linted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = linted / "okrs" / "2026-Q4" / "checkins" / "team-0002.yaml"
    log.write_text(log.read_text(encoding="utf-8").replace("value: ", "value: 1", 1), encoding="utf-8")
    loaded = _relinted(linted, monkeypatch, DATES[0])
    assert loaded, "the whole lint did not take the incremental path"
    assert "okrs/2026-Q4/checkins/team-0002.yaml" in loaded[-1]
    assert "okrs/2026-Q4/checkins/team-0003.yaml" not in loaded[-1]


def test_a_just_edited_file_is_read_once_and_only_targets_are_kept(
    linted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The edited set is loaded to make its summary and linted from that same load; with the whole index gone,
    every file is loaded for its summary, but only the targets' loads are kept for linting."""
    from okrlint.engine import incremental, pool

    reads: list[str] = []
    real_load = pool._load

    def counted(config: Config, source: SourceFile) -> LoadedFile:
        reads.append(source.rel)
        return real_load(config, source)

    monkeypatch.setattr(pool, "_load", counted)
    kept_sizes: list[int] = []
    real_remembering = incremental._remembering

    def spy(load: Any, kept: dict[str, LoadedFile], wanted: Any) -> Any:
        remember = real_remembering(load, kept, wanted)

        def wrapped(config: Config, files: Sequence[SourceFile]) -> Any:
            for file in remember(config, files):
                kept_sizes.append(len(kept))  # after ``remember`` kept it (or not)
                yield file

        return wrapped

    monkeypatch.setattr(incremental, "_remembering", spy)
    edited = linted / "okrs" / "2026-Q4" / "team-0002.yaml"
    edited.write_text(edited.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    assert _cached(linted, DATES[1], [edited]) == _cold(linted, DATES[1], [edited])
    assert reads == ["okrs/2026-Q4/team-0002.yaml"]  # parsed once: for its summary and its findings
    assert kept_sizes == [1]
    shutil.rmtree(linted / CACHE_DIR / "v1" / "summaries")
    kept_sizes.clear()
    assert _cached(linted, DATES[1], [edited]) == _cold(linted, DATES[1], [edited])
    assert len(kept_sizes) == len(_files(linted)) > 5  # every file loaded for its summary ...
    assert max(kept_sizes) == 1  # ... and only the edited one kept for its findings
