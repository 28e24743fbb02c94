"""``okrlint checkin``: validate one check-in, pick its log by SPEC §5, append it safely.

Everything is checked before anything is touched; the log is then re-read under a lock
file, the row is spliced into its text (``okrlint.checkin.splice``), the result is re-loaded and
compared row by row with the old one, and only then written atomically.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from okrlint.config import Config
from okrlint.model.load import LoadedRepository
from okrlint.model.repository import CheckIn, CheckInLog, KeyResult, KrRef, OkrSet
from okrlint.model.resolve import kr_lookup
from okrlint.scoring.scores import row_order
from okrlint.source.csvlog import FALSE_WORDS, TRUE_WORDS
from okrlint.util.errors import UserError
from okrlint.util.numbers import parse_number, plain_number
from okrlint.util.records import record
from okrlint.util.resources import load_schema, schema_path
from okrlint.util.text import did_you_mean, escape_undecodable

_MODELINE_RE = re.compile(r"#\s*yaml-language-server:\s*\$schema=(\S*checkins\.schema\.json)")


class CheckinError(UserError):
    """A check-in that cannot be recorded; nothing was changed."""


@record
class Request:
    """What the user asked to record."""

    ref: str
    value: str
    day: date
    confidence: str | None = None
    note: str | None = None
    author: str | None = None
    replace: bool = False


@record
class Plan:
    """A validated check-in: the row and the log it goes to (``log`` None: the file is created).

    ``replaces`` is the row of the same KR (or KPI) and day that ``--replace`` rewrites in place.
    """

    path: Path
    rel: str
    row: dict[str, Any]
    subject: str
    log: CheckInLog | None
    team: str | None = None
    replaces: CheckIn | None = None

    @property
    def replaced_fields(self) -> dict[str, Any]:
        """Return what a replacement sets: the value, and the confidence, note and author given."""
        return {key: value for key, value in self.row.items() if key not in ("date", "kr", "kpi")}

    @property
    def is_csv(self) -> bool:
        """Return True when the row goes to a CSV log."""
        return self.rel.lower().endswith(".csv")


def number_argument(text: str, what: str) -> int | float:
    """Return the finite number argument ``text`` spells (an int when it has no fraction or exponent)."""
    number = parse_number(text)
    if number is None or math.isnan(number) or (math.isinf(number) and not any(c.isdigit() for c in text)):
        raise CheckinError(f"{what} {_quoted(text)} is not a number")
    if math.isinf(number):
        raise CheckinError(f"{what} {_quoted(text)} is too large: a number must stay within ±1.8e308")
    return number


def _quoted(text: str) -> str:
    """Return ``text`` quoted for a message: shortened, control characters and undecodable bytes escaped."""
    shown = repr(text if len(text) <= 40 else text[:20] + "…" + text[-10:])
    return re.sub(r"\\udc([89a-f][0-9a-f])", r"\\x\1", shown)


def parse_value(kr: KeyResult | None, text: str) -> bool | int | float:
    """Return the check-in value for ``kr`` (None: a KPI): a number, or true/false/done/a fraction."""
    if kr is not None and kr.kind == "milestone":
        word = text.strip().lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        try:
            number = number_argument(text, "value")
        except CheckinError:
            number = -1
        if not 0 <= number <= 1:
            raise CheckinError(f"value {text!r}: a milestone takes true, false, done or a fraction from 0 to 1")
        return number
    return number_argument(text, "value")


def _did_you_mean(wanted: str, known: list[str], what: str) -> str:
    return did_you_mean(wanted, known, cutoff=0.5) or (f"; no {what} is defined" if not known else "")


def _shared_fields(request: Request, row: dict[str, Any]) -> dict[str, Any]:
    if request.confidence is not None:
        confidence = number_argument(request.confidence, "--confidence")
        if not 0 <= confidence <= 1:
            raise CheckinError(f"--confidence {request.confidence!r} must be from 0 to 1")
        row["confidence"] = confidence
    for key in ("author", "note"):
        text = getattr(request, key)
        if text is not None and text.strip():
            if "\x00" in text:
                raise CheckinError(f"--{key} holds a NUL character")
            if escape_undecodable(text) != text:
                raise CheckinError(f"--{key} {_quoted(text)} holds bytes that are not UTF-8; pass it as UTF-8 text")
            row[key] = text
    return row


def _latest_log(logs: list[tuple[CheckInLog, Any]]) -> CheckInLog | None:
    """Return the log holding the latest of the given (log, row) pairs."""
    if not logs:
        return None
    return max(logs, key=lambda pair: row_order(pair[1]))[0]


def _existing_log(loaded: LoadedRepository, rel: str) -> CheckInLog | None:
    """Return the loaded log at ``rel``; refuse a file that exists there but is not a usable log."""
    for file in loaded.files:
        if file.source.rel == rel and file.problems:
            problem = file.problems[0]
            raise CheckinError(f"{rel}:{problem.line}:{problem.column}: {problem.message} — fix the log first")
    return next((log for log in loaded.repo.logs if log.loc.path == rel), None)


def plan_kr(loaded: LoadedRepository, config: Config, request: Request) -> Plan:
    """Validate a KR check-in and choose its log (SPEC §5 table)."""
    parts = request.ref.split("/")
    if len(parts) != 3 or not all(parts):
        raise CheckinError(f"{request.ref!r} is not a reference: use team/objective/kr or kpi:ID")
    team, objective_id, kr_id = parts
    lookup = kr_lookup(loaded.repo.okr_sets)
    sets = lookup.get((team, objective_id, kr_id), [])
    if not sets:
        known = sorted("/".join(key) for key in lookup)
        raise CheckinError(f"no key result {request.ref!r}{_did_you_mean(request.ref, known, 'key result')}")
    containing = [s for s in sets if s.period.contains_date(request.day, config.grace_days)]
    if not containing:
        spans = ", ".join(f"{s.period.id} ({s.period.start} to {s.period.end})" for s in sets)
        raise CheckinError(
            f"date {request.day} is outside the period of {request.ref}: {spans}, plus grace_days ({config.grace_days})"
        )
    okr_set: OkrSet = containing[0]
    objective = next(o for o in okr_set.objectives if o.id == objective_id)
    kr = next(k for k in objective.key_results if k.id == kr_id)
    if kr.kind is None:
        raise CheckinError(f"key result {request.ref} has no target, range or milestone to check in against")
    value = parse_value(kr, request.value)
    pairs = [
        (log, row)
        for log in loaded.repo.logs
        for row in log.rows
        if row.resolved is not None and row.resolved.team == team and row.resolved.period == okr_set.period.id
    ]
    log = _latest_log(pairs)
    rel = log.loc.path if log is not None else _beside(okr_set.loc.path, f"checkins/{team}.yaml")
    if log is None:
        log = _existing_log(loaded, rel)
        if log is not None and log.period is not None and log.period.id != okr_set.period.id:
            raise CheckinError(f"{rel} pins period {log.period.id}, not {okr_set.period.id}; add the row by hand")
    # A new log gets ``team:``, so it takes the short form; a CSV log's team column is filled in when written.
    short = log is None or (log.team == team and not rel.lower().endswith(".csv"))
    row: dict[str, Any] = {"date": request.day, "kr": f"{objective_id}/{kr_id}" if short else request.ref}
    row["value"] = value
    plan = Plan(config.root / rel, rel, _shared_fields(request, row), request.ref, log, team)
    ref = KrRef(team, objective_id, kr_id, okr_set.period.id)
    return _same_day(loaded, config.root, plan, request, lambda r: r.resolved == ref)


def plan_kpi(loaded: LoadedRepository, config: Config, request: Request) -> Plan:
    """Validate a KPI measurement and choose its log (SPEC §5 table)."""
    kpi_id = request.ref.removeprefix("kpi:")
    kpis = loaded.repo.kpi_by_id()
    if kpi_id not in kpis:
        raise CheckinError(f"no KPI {kpi_id!r}{_did_you_mean(kpi_id, sorted(kpis), 'KPI')}")
    row: dict[str, Any] = {"date": request.day, "kpi": kpi_id, "value": parse_value(None, request.value)}
    pairs = [(log, r) for log in loaded.repo.logs for r in log.rows if r.kpi == kpi_id]
    log = _latest_log(pairs)
    rel = log.loc.path if log is not None else _beside(kpis[kpi_id].loc.path, "checkins/kpis.yaml")
    if log is None:
        log = _existing_log(loaded, rel)
    plan = Plan(config.root / rel, rel, _shared_fields(request, row), f"kpi:{kpi_id}", log)
    return _same_day(loaded, config.root, plan, request, lambda r: r.kpi == kpi_id)


def _same_day(
    loaded: LoadedRepository, root: Path, plan: Plan, request: Request, same: Callable[[CheckIn], bool]
) -> Plan:
    """Refuse a second value for one KR (or KPI) and day, or with ``replace`` aim the plan at that row."""
    found = [(log, row) for log in loaded.repo.logs for row in log.rows if row.date == request.day and same(row)]
    if not found:
        return plan
    log, row = found[-1]
    where = f"{escape_undecodable(row.loc.path)}:{row.loc.line}"
    if not request.replace:
        shown = (
            "null"
            if row.value is None
            else str(row.value).lower()
            if isinstance(row.value, bool)
            else plain_number(row.value)
        )
        raise CheckinError(
            f"{plan.subject} already has a value on {request.day}: {shown} ({where}); "
            "pass --replace to replace that row"
        )
    if len(found) > 1:
        raise CheckinError(
            f"{plan.subject} has {len(found)} rows on {request.day} (the last at {where}); keep one by hand first"
        )
    return replace(plan, path=root / row.loc.path, rel=row.loc.path, log=log, replaces=row)


def plan_checkin(loaded: LoadedRepository, config: Config, request: Request, today: date | None = None) -> Plan:
    """Validate ``request`` against the repository and return where and what to write.

    A date after ``today`` (default: the system date) is refused: a check-in records a value measured.
    """
    now = today or date.today()
    if request.day > now:
        raise CheckinError(f"date {request.day} is after today ({now}); record a value once it is measured")
    if request.ref.startswith("kpi:"):
        return plan_kpi(loaded, config, request)
    return plan_kr(loaded, config, request)


def _beside(path: str, name: str) -> str:
    folder = path.rpartition("/")[0]
    return f"{folder}/{name}" if folder else name


def modeline_for(path: Path, root: Path) -> str:
    """Return the ``$schema`` target for a new log: a sibling log's, else the repo's schema/, else the URL."""
    if path.parent.is_dir():
        for sibling in sorted(path.parent.glob("*.y*ml")):
            try:
                head = sibling.read_text(encoding="utf-8")[:400]
            except (OSError, UnicodeDecodeError):
                continue
            found = _MODELINE_RE.search(head)
            if found:
                return found.group(1)
    local = root / "schema" / schema_path("checkins").name
    if local.is_file():
        return Path(os.path.relpath(local, path.parent)).as_posix()
    return str(load_schema("checkins")["$id"])
