"""Check-in rows are kept in columns: a row costs tens of bytes in the model, not hundreds (SPEC §7, issue 15)."""

from __future__ import annotations

import gc
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

from linting import write_repo
from okrlint.config import Config, load_config
from okrlint.model.load import LoadedRepository, load_repository
from okrlint.model.sources import source_files

OKR = (
    "team: demo\nperiod: 2026-Q4\nowner: o@example.com\nobjectives:\n  - id: grow\n    title: Grow\n"
    "    key_results:\n"
    "      - {id: revenue, title: Raise revenue from 100 to 200, baseline: 100, target: 200, unit: k}\n"
)
ROWS = 6_000


def _log(seed: int) -> str:
    lines = ["date,kr,value,confidence,author,note"]
    for i in range(ROWS):
        day = date(2026, 10, 1) + timedelta(days=i * 90 // ROWS)
        lines.append(f"{day},demo/grow/revenue,{100 + i * 90 // ROWS},0.5,a{seed}@example.com,note {i}")
    return "\n".join(lines) + "\n"


def _load_measured(config: Config) -> tuple[LoadedRepository, int]:
    """Load the repository; return it and the bytes it holds once loaded (tracemalloc)."""
    files = source_files(config)
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        loaded = load_repository(config, files)
        gc.collect()
        return loaded, tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()


def test_a_csv_row_costs_tens_of_bytes_in_the_model(tmp_path: Path) -> None:
    config = load_config(write_repo(tmp_path, {"okrs/demo.yaml": OKR, "okrs/a.csv": _log(1), "okrs/b.csv": _log(2)}))
    loaded, held = _load_measured(config)
    rows = sum(len(log.rows) for log in loaded.repo.logs)
    assert rows == 2 * ROWS
    # A dict of Loc per row took 1,200 bytes, a CheckIn object with its locations about 430; columns take about 70.
    assert held / rows < 120, f"{held / rows:.0f} bytes per check-in row"


def _yaml_log(rows: int) -> str:
    lines = ["team: demo", "period: 2026-Q4", "checkins:"]
    for i in range(rows):
        day = date(2026, 10, 1) + timedelta(days=i * 90 // rows)
        lines += [f"  - date: {day}", "    kr: grow/revenue", f"    value: {100 + i}", f"    note: n{i}"]
    return "\n".join(lines) + "\n"


def test_yaml_rows_are_columns_with_a_shared_field_layout(tmp_path: Path) -> None:
    config = load_config(write_repo(tmp_path, {"okrs/demo.yaml": OKR, "okrs/log.yaml": _yaml_log(ROWS)}))
    loaded, held = _load_measured(config)
    (log,) = loaded.repo.logs
    assert len(log.rows) == ROWS
    last = log.rows[-1]
    line = 4 + 4 * (ROWS - 1)
    assert (last.at("date").line, last.at("date").column) == (line, 11)
    assert (last.at("note").line, last.at("note").column) == (line + 3, 11)
    assert last.at("missing") == last.loc
    # An array of locations per row took 540 bytes, a CheckIn object with shared layouts about 410; columns about 70.
    assert held / ROWS < 120, f"{held / ROWS:.0f} bytes per YAML check-in row"
