"""Build the typed repository model from validated, located YAML documents."""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from types import MappingProxyType

from okrlint.model.periods import Period, parse_period_id
from okrlint.model.repository import (
    CheckInLog,
    FieldLocs,
    KeyResult,
    Kpi,
    KrRef,
    Loc,
    Objective,
    OkrSet,
    Repository,
    Team,
    layout_of,
)
from okrlint.model.resolve import kr_lookup, resolve_log
from okrlint.model.rows import RowsBuilder
from okrlint.model.zones import zone_order_problem
from okrlint.source.documents import Document
from okrlint.source.problems import LoadProblem
from okrlint.source.yamlload import YMap, YSeq
from okrlint.util.numbers import plain_number
from okrlint.util.text import shared


@lru_cache(maxsize=4096)
def _parse_date(text: str) -> date:
    """Parse an ISO date; equal dates share one object across the model."""
    return date.fromisoformat(text)


@dataclass(slots=True)
class _Builder:
    fiscal_year_start_month: int
    problems: list[tuple[str, LoadProblem]] = field(default_factory=list)
    path: str = ""

    def problem(self, mark: tuple[int, int], message: str) -> None:
        self.problems.append((self.path, LoadProblem("E002", mark[0], mark[1], message)))

    def loc(self, mark: tuple[int, int]) -> Loc:
        return Loc(self.path, mark[0], mark[1])

    def fields(self, node: YMap, extra: Iterable[tuple[str, tuple[int, int]]] = ()) -> FieldLocs:
        marks = node.value_marks
        if extra:
            marks = {**marks, **dict(extra)}
        return FieldLocs(self.path, marks, node.mark[0])  # the object's own line: one int shared with its Loc

    def number(self, node: YMap, key: str) -> float | None:
        value = node.get(key)
        if value is None or isinstance(value, bool):
            return None
        if not math.isfinite(value):
            self.problem(node.value_marks[key], f"{key}: {value} is not a finite number")
            return None
        return value  # type: ignore[no-any-return]

    def day(self, node: YMap, key: str) -> date | None:
        text = node.get(key)
        if text is None:
            return None
        try:
            return _parse_date(str(text))
        except ValueError:
            self.problem(node.value_marks[key], f"{key}: {text!r} is not a valid date (YYYY-MM-DD)")
            return None

    def bounds(self, node: YMap, key: str) -> tuple[float, float] | None:
        band = node.get(key)
        if not isinstance(band, YMap):
            return None
        low, high = self.number(band, "min"), self.number(band, "max")
        if low is None or high is None:
            return None
        if low > high:
            low_text, high_text = plain_number(low), plain_number(high)
            self.problem(node.value_marks[key], f"{key}: min ({low_text}) is greater than max ({high_text})")
            return None
        return (low, high)

    def period(self, node: YMap, key: str) -> Period | None:
        value = node.get(key)
        mark = node.value_marks.get(key, node.mark)
        if isinstance(value, int) and not isinstance(value, bool):
            value = f"{value:04d}"  # `period: 2026` is a number in YAML, and the year 2026
        if isinstance(value, str):
            found = parse_period_id(value, self.fiscal_year_start_month)
            if found is None:
                self.problem(mark, f"{key}: {value!r} is not a period (YYYY, YYYY-Qn or YYYY-Hn)")
            return found
        if isinstance(value, YMap):
            start, end = self.day(value, "start"), self.day(value, "end")
            if start is None or end is None:
                return None
            if start > end:
                self.problem(mark, f"{key}: start {start} is after end {end}")
                return None
            return Period(start, end, str(value["id"]))
        return None

    def zones(self, node: YMap, baseline: float | None, target: float | None) -> tuple[float | None, float | None]:
        """Return a metric KR's (commit, stretch); a point out of order is an E002 there and drops both."""
        commit, stretch = self.number(node, "commit"), self.number(node, "stretch")
        if commit is None and stretch is None:
            return None, None
        if target is None:
            key = "commit" if commit is not None else "stretch"
            self.problem(node.value_marks[key], f"{key}: stretch zones need a target beside them (a metric key result)")
            return None, None
        problem = zone_order_problem(baseline, target, node.get("direction"), commit, stretch)
        if problem is not None:
            self.problem(node.value_marks[problem[0]], problem[1])
            return None, None
        return commit, stretch

    def team(self, node: YMap) -> Team:
        return Team(
            self.loc(node.mark),
            self.fields(node),
            id=node["id"],
            name=node["name"],
            parent=node.get("parent"),
            owner=node.get("owner"),
        )

    def key_result(self, node: YMap, owner: str | None) -> KeyResult:
        target, band = self.number(node, "target"), self.bounds(node, "range")
        kind = (
            "metric"
            if "target" in node
            else "range"
            if "range" in node
            else ("milestone" if node.get("milestone") is True else None)
        )
        weight = self.number(node, "weight")
        baseline = self.number(node, "baseline")
        commit, stretch = self.zones(node, baseline, target)
        return KeyResult(
            self.loc(node.mark),
            self.fields(node),
            id=node["id"],
            title=node["title"],
            kind=kind,
            baseline=baseline,
            target=target,
            range=band,
            unit=node.get("unit"),
            direction=node.get("direction"),
            kpi=node.get("kpi"),
            weight=1.0 if weight is None else weight,
            owner=node.get("owner") or owner,
            due=self.day(node, "due"),
            description=node.get("description"),
            commit=commit,
            stretch=stretch,
            carried_from=node.get("carried_from"),
        )

    def objective(self, node: YMap, owner: str | None) -> Objective:
        own = node.get("owner") or owner
        aligns = node.get("aligns")
        krs = node.get("key_results") or YSeq(node.mark)
        entries = []
        if isinstance(aligns, YSeq):  # each entry's own place, as aligns[0], aligns[1], ...
            entries = [(f"aligns[{i}]", mark) for i, mark in enumerate(aligns.item_marks)]
        return Objective(
            self.loc(node.mark),
            self.fields(node, entries),
            id=node["id"],
            title=node["title"],
            type=node.get("type", "aspirational"),
            owner=own,
            aligns=tuple(aligns) if isinstance(aligns, list) else (aligns,) if aligns else (),
            description=node.get("description"),
            key_results=tuple(self.key_result(kr, own) for kr in krs),
            key_results_loc=Loc(self.path, *node.key_marks["key_results"]) if "key_results" in node else None,
        )

    def okr_set(self, root: YMap) -> OkrSet | None:
        period = self.period(root, "period")
        if period is None:
            return None
        owner = root.get("owner")
        return OkrSet(
            self.loc(root.mark),
            self.fields(root),
            team=root["team"],
            period=period,
            owner=owner,
            objectives=tuple(self.objective(node, owner) for node in root["objectives"]),
            objectives_loc=Loc(self.path, *root.key_marks["objectives"]),
        )

    def kpi(self, node: YMap) -> Kpi:
        return Kpi(
            self.loc(node.mark),
            self.fields(node),
            id=node["id"],
            name=node["name"],
            unit=node.get("unit"),
            direction=node.get("direction", "increase"),
            category=node.get("category"),
            source=node.get("source"),
            owner=node.get("owner"),
            cadence=node.get("cadence"),
            target=self.number(node, "target"),
            range=self.bounds(node, "range"),
        )

    def checkin_log(self, root: YMap) -> CheckInLog:
        team = root.get("team")
        rows = RowsBuilder(self.path)
        for index, node in enumerate(root["checkins"]):
            day = self.day(node, "date")
            if day is None:
                continue
            if "kr" in node and team is None and node["kr"].count("/") == 1:
                self.problem(
                    node.value_marks["kr"],
                    f"kr: {node['kr']!r} needs the log's 'team:' key or a team/objective/kr reference",
                )
            line, column = node.mark
            key = (shared(node.get("kr")), shared(node.get("kpi")), shared(node.get("author")), team)
            where = (index, line, (column, *layout_of(node.value_marks, line)))
            rows.add(day, key, node.get("value"), node.get("confidence"), node.get("note"), where)
        period = self.period(root, "period") if "period" in root else None
        return CheckInLog(self.loc(root.mark), self.fields(root), team=team, period=period, rows=rows.rows())


class RepositoryBuilder:
    """Builds the repository model one document at a time, so no located tree outlives its file."""

    def __init__(self, *, fiscal_year_start_month: int = 1, grace_days: int = 14) -> None:
        self._builder = _Builder(fiscal_year_start_month)
        self.grace_days = grace_days
        self.teams: list[Team] = []
        self.sets: list[OkrSet] = []
        self.kpis: list[Kpi] = []
        self.logs: list[CheckInLog] = []
        self.broken: set[str] = set()
        self.teams_declared = False

    def add(self, document: Document) -> None:
        """Turn one schema-valid document into model objects."""
        builder = self._builder
        builder.path = document.path
        root = document.root
        if document.kind == "teams":
            self.teams_declared = True
            self.teams.extend(builder.team(node) for node in root["teams"])
        elif document.kind == "objectives":
            okr_set = builder.okr_set(root)
            if okr_set is None:
                self.broken.add("objectives")
            else:
                self.sets.append(okr_set)
        elif document.kind == "kpis":
            self.kpis.extend(builder.kpi(node) for node in root["kpis"])
        else:
            self.logs.append(builder.checkin_log(root))

    def add_log(self, log: CheckInLog) -> None:
        """Add a check-in log read from elsewhere (a CSV file)."""
        self.logs.append(log)

    def add_built_log(self, log: CheckInLog, problems: Iterable[LoadProblem]) -> None:
        """Add a log :func:`build_checkin_log` built, with the problems it found, as ``add`` would have."""
        self.logs.append(log)
        self._builder.problems.extend((log.loc.path, problem) for problem in problems)

    def finish(self, incomplete: Iterable[str] = ()) -> tuple[Repository, list[tuple[str, LoadProblem]]]:
        """Resolve check-in references and return the model with the problems found on the way."""
        index: dict[tuple[str, str, str, str], tuple[OkrSet, Objective, KeyResult]] = {}
        for okr_set in self.sets:
            for objective in okr_set.objectives:
                for kr in objective.key_results:
                    index.setdefault((okr_set.team, okr_set.period.id, objective.id, kr.id), (okr_set, objective, kr))
        lookup = kr_lookup(self.sets)
        refs: dict[KrRef, KrRef] = {}
        pending, self.logs = deque(self.logs), []
        resolved_logs = []
        while pending:  # each log is dropped as it is resolved: never two copies of every row at once
            resolved_logs.append(resolve_log(pending.popleft(), lookup, self.grace_days, refs))
        repo = Repository(
            teams=tuple(self.teams),
            teams_declared=self.teams_declared,
            okr_sets=tuple(self.sets),
            kpis=tuple(self.kpis),
            logs=tuple(resolved_logs),
            incomplete=frozenset(self.broken | set(incomplete)),
            kr_index=MappingProxyType(index),
        )
        return repo, self._builder.problems


def build_checkin_log(document: Document, fiscal_year_start_month: int = 1) -> tuple[CheckInLog, list[LoadProblem]]:
    """Build the model of one check-in log document alone, with the problems found on the way.

    Workers and the cache keep logs built this way (``okrlint.model.logcodec``); the builder takes
    them back with :meth:`RepositoryBuilder.add_built_log`.
    """
    builder = _Builder(fiscal_year_start_month)
    builder.path = document.path
    return builder.checkin_log(document.root), [problem for _, problem in builder.problems]


def build_repository(
    documents: Iterable[Document],
    extra_logs: Iterable[CheckInLog] = (),
    *,
    fiscal_year_start_month: int = 1,
    grace_days: int = 14,
    incomplete: Iterable[str] = (),
) -> tuple[Repository, list[tuple[str, LoadProblem]]]:
    """Build the repository model; return it with the (path, problem) pairs found on the way.

    ``extra_logs`` are check-in logs read from CSV files; ``incomplete`` names the kinds of
    which some file could not be loaded, so reference checks into them can hold back.
    """
    builder = RepositoryBuilder(fiscal_year_start_month=fiscal_year_start_month, grace_days=grace_days)
    for document in documents:
        builder.add(document)
    for log in extra_logs:
        builder.add_log(log)
    return builder.finish(incomplete)
