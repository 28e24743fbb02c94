"""The front half every command shares: discover the files, load each, build the repository model.

How files are loaded is a parameter: :func:`serial_loader` reads them one by one; the engine
passes a loader that adds its cache and worker pool around the same per-file load.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace

from okrlint.config import Config
from okrlint.model.build import RepositoryBuilder
from okrlint.model.csvlog import read_csv_log
from okrlint.model.logcodec import built_log
from okrlint.model.outline import sets_from_outlines
from okrlint.model.repository import OkrSet, Repository
from okrlint.model.sources import source_files
from okrlint.model.summary import FileSummary, builder_mark, summarize_added
from okrlint.source.files import SourceFile
from okrlint.source.loader import LoadedFile, load_file
from okrlint.source.problems import LoadProblem, Omission
from okrlint.util.gcpause import paused_gc
from okrlint.util.records import record

Loader = Callable[[Config, Sequence[SourceFile]], Iterable[LoadedFile]]


@record
class LoadedRepository:
    """The model of a repository, the per-file load results it was built from, and what stopped parts of it."""

    repo: Repository
    files: tuple[LoadedFile, ...]
    problems: tuple[tuple[str, LoadProblem], ...]
    omitted: tuple[Omission, ...] = ()


def serial_loader(config: Config, files: Sequence[SourceFile]) -> Iterator[LoadedFile]:
    """Load ``files`` one by one, in order."""
    for source in files:
        yield load_file(source, config.max_file_bytes, config.limits)


def _in_order(
    config: Config, files: Sequence[SourceFile], load: Loader, outlines: Mapping[str, bytes], kpis: bool
) -> Iterator[LoadedFile | list[OkrSet]]:
    """Yield each file's load result, or its OKR sets rebuilt from its outlines, in the order of ``files``."""
    loaded = iter(load(config, [f for f in files if f.rel not in outlines] if outlines else files))
    for source in files:
        outline = outlines.get(source.rel)
        yield sets_from_outlines(source.rel, outline, kpis) if outline is not None else next(loaded)


@paused_gc()
def load_repository(
    config: Config,
    files: Sequence[SourceFile] | None = None,
    load: Loader = serial_loader,
    *,
    summaries: dict[str, FileSummary] | None = None,
    incomplete: Iterable[str] = (),
    outlines: Mapping[str, bytes] | None = None,
    outline_kpis: bool = True,
) -> LoadedRepository:
    """Load every file (default: the configured paths) and build the repository model.

    ``summaries``, when given, receives each file's summary (what other files may ask of it);
    ``incomplete`` adds kinds left incomplete by broken files that are not among ``files``;
    the OKR sets of the files in ``outlines`` (path -> outline bytes) are rebuilt from those
    outlines instead of being loaded (no load result, no summary; key results only where they name a
    KPI, and none without ``outline_kpis``: enough when no finding of those sets is wanted).
    """
    chosen = source_files(config) if files is None else files
    builder = RepositoryBuilder(fiscal_year_start_month=config.fiscal_year_start_month, grace_days=config.grace_days)
    loaded: list[LoadedFile] = []
    problems: list[tuple[str, LoadProblem]] = []
    omitted: list[Omission] = []
    broken_kinds: set[str] = set(incomplete)
    for file in _in_order(config, chosen, load, outlines or {}, outline_kpis):
        if isinstance(file, list):
            builder.sets.extend(file)
            continue
        rel = file.source.rel
        mark = builder_mark(builder) if summaries is not None else None
        problems.extend((rel, p) for p in file.problems)
        omitted.extend(Omission(rel, p.line, p.column, f"row left out: {p.message}") for p in file.omitted)
        built = built_log(file)
        broken = file.document is None and built is None and file.kind is not None and bool(file.problems)
        if file.document is not None:
            builder.add(file.document)
        elif built is not None:  # a check-in log the engine built beforehand
            builder.add_built_log(*built)
        elif file.problems:
            first = min(file.problems, key=lambda p: (p.line, p.column))
            omitted.append(Omission(rel, first.line, first.column, f"file left out: {first.message}"))
            if broken and file.kind is not None:
                broken_kinds.add(file.kind)
        if file.source.is_csv and file.text is not None:
            log, csv_problems = read_csv_log(rel, file.text)
            problems.extend((rel, p) for p in csv_problems)
            omitted.extend(Omission(rel, p.line, p.column, f"left out: {p.message}") for p in csv_problems)
            if log is not None:
                builder.add_log(log)
        if summaries is not None and mark is not None:
            summaries[rel] = summarize_added(builder, mark, file.kind, broken, bool(file.suppressions))
        # Keep what suppressions and callers need, not the located tree or the text.
        heavy = file.document is not None or file.text or file.built is not None
        loaded.append(replace(file, document=None, text=None, built=None) if heavy else file)
    repo, build_problems = builder.finish(broken_kinds)
    problems.extend(build_problems)
    omitted.extend(Omission(path, p.line, p.column, f"left out: {p.message}") for path, p in build_problems)
    return LoadedRepository(repo, tuple(loaded), tuple(problems), tuple(sorted(omitted)))
