"""Write a planned check-in: lock the log, re-read it, splice the row in, verify, write atomically."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path
from typing import Any

from okrlint.checkin.lock import file_lock
from okrlint.checkin.plan import CheckinError, Plan, modeline_for
from okrlint.checkin.replace import replace_csv_row, replace_yaml_row, shown_row
from okrlint.checkin.splice import append_csv_row, append_yaml_row, new_yaml_log
from okrlint.model.csvlog import read_csv_log
from okrlint.source.csvlog import sniff_delimiter
from okrlint.source.files import is_inside
from okrlint.source.schemas import validate
from okrlint.source.yamlload import load_yaml
from okrlint.util.atomic import write_atomic
from okrlint.util.errors import UserError
from okrlint.util.records import record

BOM = "\ufeff"


class UnsafeEdit(RuntimeError):
    """The edited text did not re-load as the old rows plus the new one (a bug: nothing is written)."""


def _plain(data: Any) -> str:
    """Return a comparable text of loaded YAML data (NaN-safe)."""
    return json.dumps(data, default=str, sort_keys=True)


def _expected(row: dict[str, Any]) -> dict[str, Any]:
    return {key: value.isoformat() if isinstance(value, date) else value for key, value in row.items()}


def _load_clean(new: str) -> Any:
    """Return the loaded root of ``new``, a check-in log that must load and validate cleanly."""
    loaded = load_yaml(new)
    problems = loaded.problems or (validate("checkins", loaded.root) if isinstance(loaded.root, dict) else [])
    if problems or not isinstance(loaded.root, dict):
        first = problems[0] if problems else None
        where = f" (line {first.line}: {first.message})" if first else ""
        raise UnsafeEdit(f"the edited log does not load cleanly{where}")
    return loaded.root


def verify_yaml(old: str | None, new: str, row: dict[str, Any]) -> None:
    """Check that ``new`` loads cleanly as ``old`` with exactly ``row`` appended to its checkins."""
    after = _load_clean(new)
    before = load_yaml(old).root if old is not None else {"checkins": []}
    rest_before = {k: v for k, v in before.items() if k != "checkins"}
    rest_after = {k: v for k, v in after.items() if k != "checkins"}
    if old is not None and _plain(rest_before) != _plain(rest_after):
        raise UnsafeEdit("the edit changed a key outside the checkins list")
    if _plain(after["checkins"]) != _plain([*before["checkins"], _expected(row)]):
        raise UnsafeEdit("the edited log does not hold the old rows plus the new one")


def _csv_row(plan: Plan, text: str, delimiter: str) -> dict[str, Any]:
    """Return the row in the CSV's terms: with a team column, team and objective/kr; else team/objective/kr."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    has_team = "team" in [cell.strip().lower() for cell in next(csv.reader([first], delimiter=delimiter))]
    if "kr" not in plan.row:
        return plan.row
    row = dict(plan.row)
    if has_team and plan.team is not None:
        row["team"] = plan.team
        row["kr"] = plan.subject.split("/", 1)[1]
    else:
        row["kr"] = plan.subject
    return row


def edit_csv(plan: Plan, text: str) -> str:
    """Return the CSV log ``text`` with the planned row appended, checked by re-reading it."""
    delimiter = sniff_delimiter(text)
    if delimiter is None:
        raise CheckinError(f"{plan.rel}: the header is no longer a check-in header")
    row = _csv_row(plan, text, delimiter)
    try:
        new = append_csv_row(text, row, delimiter)
    except KeyError as missing:
        raise CheckinError(
            f"{plan.rel} has no {missing.args[0]!r} column; add one or leave out --{missing.args[0]}"
        ) from None
    old_log, old_problems = read_csv_log(plan.rel, text)
    new_log, new_problems = read_csv_log(plan.rel, new)
    old_rows = old_log.rows if old_log else ()
    if new_log is None or len(new_problems) != len(old_problems) or len(new_log.rows) != len(old_rows) + 1:
        raise UnsafeEdit("the edited CSV log does not read back as the old rows plus the new one")
    return new


def verify_replaced(old: str, new: str, plan: Plan) -> None:
    """Check that ``new`` loads as ``old`` with only the replaced row's fields changed."""
    index = plan.replaces.index if plan.replaces is not None else -1
    before = load_yaml(old).root
    expected = [dict(row) for row in before["checkins"]]
    expected[index].update(_expected(plan.replaced_fields))
    after = _load_clean(new)
    if _plain({**before, "checkins": expected}) != _plain(after):
        raise UnsafeEdit("the edited log does not hold the old rows with the one replaced")


def replace_row(plan: Plan, text: str) -> str:
    """Return the log ``text`` with the row ``plan.replaces`` rewritten in place, checked by re-reading it."""
    assert plan.replaces is not None
    fields = plan.replaced_fields
    try:
        if not plan.is_csv:
            new = replace_yaml_row(text, plan.replaces.index, fields)
            verify_replaced(text, new, plan)
            return new
        delimiter = sniff_delimiter(text)
        if delimiter is None:
            raise CheckinError(f"{plan.rel}: the header is no longer a check-in header")
        new = replace_csv_row(text, plan.replaces.loc.line, fields, delimiter)
    except KeyError as missing:
        raise CheckinError(
            f"{plan.rel} has no {missing.args[0]!r} column; add one or leave out --{missing.args[0]}"
        ) from None
    except (ValueError, IndexError) as error:
        raise CheckinError(f"{plan.rel}: cannot replace the row: {error}") from None
    old_log, old_problems = read_csv_log(plan.rel, text)
    new_log, new_problems = read_csv_log(plan.rel, new)
    if (
        new_log is None
        or old_log is None
        or len(new_problems) != len(old_problems)
        or len(new_log.rows) != len(old_log.rows)
    ):
        raise UnsafeEdit("the edited CSV log does not read back as the old rows with the one replaced")
    return new


def _rows_of(plan: Plan, text: str) -> list[tuple[str, str | None, str | None, int]]:
    """Return (date, kr, kpi, line) of every row of the log ``text`` as it is now."""
    if plan.is_csv:
        log, _ = read_csv_log(plan.rel, text)
        rows = log.rows if log is not None else ()
        return [(r.date.isoformat(), r.kr, r.kpi, r.loc.line) for r in rows]
    root = load_yaml(text).root
    items = root.get("checkins") if isinstance(root, dict) else None
    marks = getattr(items, "item_marks", [])
    return [
        (str(row.get("date")), row.get("kr"), row.get("kpi"), mark[0])
        for row, mark in zip(items or (), marks, strict=False)
        if isinstance(row, dict)
    ]


def refuse_same_day(plan: Plan, text: str) -> None:
    """Refuse to append a second row of one KR (or KPI) and day that another check-in wrote meanwhile."""
    day = plan.row["date"].isoformat()
    tail = plan.subject.split("/")[-2:]
    for row_day, kr, kpi, line in _rows_of(plan, text):
        same = kpi == plan.row.get("kpi") if "kpi" in plan.row else kr is not None and kr.split("/")[-2:] == tail
        if row_day == day and same:
            raise CheckinError(
                f"{plan.subject} already has a value on {day} ({plan.rel}:{line}); pass --replace to replace that row"
            )


def render(plan: Plan, text: str | None, root: Path) -> str:
    """Return the log's new text: ``text`` with the row appended (or replaced), or a new log when ``text`` is None."""
    if text is not None and plan.replaces is not None:
        return replace_row(plan, text)
    if text is not None:
        refuse_same_day(plan, text)  # re-checked under the lock: a concurrent check-in may have added it
    if text is None:
        new = new_yaml_log(plan.row, team=plan.team, modeline=modeline_for(plan.path, root))
        verify_yaml(None, new, plan.row)
        return new
    if plan.is_csv:
        return edit_csv(plan, text)
    try:
        new = append_yaml_row(text, plan.row)
    except ValueError as error:
        raise CheckinError(f"{plan.rel}: cannot append to this log: {error}") from None
    verify_yaml(text, new, plan.row)
    return new


def _read(path: Path, max_bytes: int) -> tuple[str | None, bool]:
    """Return the file's text (None when missing) and whether it starts with a BOM."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, False
    except OSError as error:
        raise UserError(f"{path}: cannot read: {error.strerror or error}") from None
    if len(data) > max_bytes:
        raise CheckinError(f"{path}: larger than max_file_bytes ({max_bytes})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise CheckinError(f"{path}: not UTF-8; fix the file first") from None
    return text.removeprefix(BOM), text.startswith(BOM)


def _refuse_links(plan: Plan, root: Path) -> None:
    """Refuse a log that is a symlink, or lies in a folder that resolves outside the repository."""
    existing = next(folder for folder in (plan.path.parent, *plan.path.parent.parents) if folder.exists())
    if plan.path.is_symlink() or not is_inside(existing, root):
        raise CheckinError(
            f"{plan.rel}: is a symbolic link or lies behind one; okrlint checkin only edits regular files "
            "inside the repository"
        )


@record
class Written:
    """What ``okrlint checkin`` wrote: whether it created the log, the row's line, and the row as one line."""

    created: bool
    replaced: bool
    line: int
    row: str


def written_row(plan: Plan, new: str) -> tuple[int, str]:
    """Return the line of the row just written to ``new`` and the row as one line."""
    if plan.is_csv:
        lines = new.splitlines()
        line = plan.replaces.loc.line if plan.replaces is not None else len(lines)
        while plan.replaces is None and line > 1 and not lines[line - 1].strip():
            line -= 1
        return line, lines[line - 1].removeprefix(BOM)
    seq = load_yaml(new).root["checkins"]
    index = plan.replaces.index if plan.replaces is not None else len(seq) - 1
    return seq.item_marks[index][0], shown_row(seq[index])


def apply_plan(plan: Plan, root: Path, *, max_bytes: int = 5_000_000, lock_timeout: float = 10.0) -> bool:
    """Append the planned row under a lock; return True when the log was created. Raises before any change."""
    return write_checkin(plan, root, max_bytes=max_bytes, lock_timeout=lock_timeout).created


def write_checkin(plan: Plan, root: Path, *, max_bytes: int = 5_000_000, lock_timeout: float = 10.0) -> Written:
    """Append (or replace) the planned row under a lock and say what was written. Raises before any change."""
    _refuse_links(plan, root)
    missing = [folder for folder in (plan.path.parent, *plan.path.parent.parents) if not folder.exists()]
    for folder in reversed(missing):
        try:
            folder.mkdir()
        except OSError as error:
            raise UserError(f"{folder}: cannot create the folder: {error.strerror or error}") from None
    try:
        with file_lock(plan.path, timeout=lock_timeout):
            text, bom = _read(plan.path, max_bytes)
            if text is None and plan.log is not None:
                raise CheckinError(f"{plan.rel} disappeared while okrlint was reading it; try again")
            new = render(plan, text, root)
            line, shown = written_row(plan, new)
            try:
                write_atomic(plan.path, (BOM if bom else "") + new)
            except OSError as error:
                raise UserError(f"{plan.rel}: cannot write: {error.strerror or error}") from None
    except BaseException:
        for folder in missing:
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
        raise
    return Written(text is None, plan.replaces is not None, line, shown)
