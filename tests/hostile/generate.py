"""Write the large hostile inputs (megabytes each) that are generated at test time, never committed.

Run ``python tests/hostile/generate.py DIR`` to write them all into DIR for a look by hand.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

MB = 1_000_000

OKR_HEAD = "team: hostile\nperiod: 2026-Q4\nowner: owner@example.com\nobjectives:\n"


def huge_title(path: Path) -> None:
    """An OKR set whose objective and KR titles are a megabyte of vague words each (S201 must fire)."""
    vague = "improve things significantly " * (MB // 29)
    path.write_text(
        OKR_HEAD + f"  - id: o\n    title: {vague}\n    key_results:\n"
        f"      - id: k\n        title: {vague}\n        baseline: 1\n        target: 2\n        unit: x\n"
    )


def huge_quoted_title(path: Path) -> None:
    """A KR title of one megabyte inside a double-quoted scalar full of escapes and markup."""
    text = '\\"<script>alert(1)</script>\\t\\u202e{{ config }}' * (MB // 47)
    path.write_text(
        OKR_HEAD + f'  - id: o\n    title: "{text}"\n    key_results:\n'
        "      - id: k\n        title: Ship it\n        milestone: true\n"
    )


def huge_ids(path: Path) -> None:
    """An OKR set whose objective and KR ids are a megabyte each: valid slugs that every message quotes."""
    path.write_text(
        OKR_HEAD + f"  - id: {'o' * MB}\n    title: Grow\n    key_results:\n"
        f"      - id: {'k' * MB}\n        title: Grow\n        target: 1\n"
    )


def sparse_10gb(path: Path) -> None:
    """A 10 GB sparse file: reading it would exhaust memory, so it must be refused by its size alone."""
    with path.open("wb") as stream:
        stream.truncate(10 * 1024 * MB)


def over_limit_nesting(path: Path) -> None:
    """Six megabytes of '[' (over the default max_file_bytes): slow and deep if it were ever parsed."""
    path.write_text("objectives: " + "[" * (6 * MB))


def small_limit_syntax_error(path: Path) -> None:
    """Two kilobytes opening with a syntax error; with max_file_bytes 1000 only E006 may be reported."""
    path.write_text("objectives: [unclosed\n" + "# padding\n" * 200)


def many_nodes(path: Path) -> None:
    """A flat sequence of 300,000 items: past max_nodes, stopped while loading."""
    path.write_text("objectives:\n" + "- 1\n" * 300_000)


def wide_mapping(path: Path) -> None:
    """A mapping with 200,000 keys in one flow collection on a single 3-megabyte line."""
    path.write_text("teams: [{" + ", ".join(f"k{i}: {i}" for i in range(200_000)) + "}]\n")


def deep_under_limit(path: Path) -> None:
    """Nearly five megabytes of nested flow sequences, one line, under max_file_bytes."""
    depth = 2 * MB
    path.write_text("teams: " + "[" * depth + "]" * depth + "\n")


def many_checkins(path: Path) -> None:
    """A legal but large check-in log: 6,000 rows in date order for one KR and one KPI, within every limit."""
    rows = []
    for i in range(3_000):
        day = date(2026, 10, 1) + timedelta(days=i // 62)
        rows.append(f"  - date: {day}\n    kr: grow/revenue\n    value: {100 + i // 62}\n")
        rows.append(f"  - date: {day}\n    kpi: nps\n    value: {i // 62}\n")
    path.write_text("team: demo\ncheckins:\n" + "".join(rows))


def many_aliases(path: Path) -> None:
    """Fifty thousand aliases to one anchored check-in row: each counts against max_nodes."""
    path.write_text(
        "team: demo\nrow: &r {date: 2026-10-05, kr: grow/revenue, value: 110}\ncheckins: ["
        + ", ".join(["*r"] * 50_000)
        + "]\n"
    )


def csv_huge_field(path: Path) -> None:
    """A CSV check-in whose note is two megabytes long (past the csv module's field limit)."""
    path.write_text("date,kr,value,note\n2026-10-05,demo/grow/revenue,110," + "x" * (2 * MB) + "\n")


def csv_many_rows(path: Path) -> None:
    """A CSV log of 10,000 rows, two thirds of them broken (bad dates, values and ragged rows)."""
    lines = ["date,kr,value,confidence"]
    for i in range(10_000):
        kind = i % 3
        if kind == 0:
            lines.append(f"2026-10-{1 + i % 28:02d},demo/grow/revenue,{i % 150},0.5")
        elif kind == 1:
            lines.append(f"2026-02-{29 + i % 3},demo/grow/revenue,abc,2")
        else:
            lines.append("2026-10-05,demo/grow/revenue,1,0.5,surplus")
    path.write_text("\n".join(lines) + "\n")


def long_lines(path: Path) -> None:
    """A team name of four megabytes on one line, with zero-width and bidi-override characters."""
    path.write_text("teams:\n  - id: a\n    name: " + "A\u200b\u202e" * (4 * MB // 7) + "\n")


def _krs(count: int, title: str, extra: str = "") -> str:
    """Return ``count`` KR mappings, each titled ``title`` (an alias or a scalar)."""
    return "".join(f"      - id: k{i}\n        title: {title}\n        target: 2\n{extra}" for i in range(count))


def alias_amplified_title(path: Path) -> None:
    """One 900 KB title anchored once and aliased by 199 KRs: 180 MB of text for the rules, from 900 KB."""
    title = "improve things significantly " * (900_000 // 29)
    head = OKR_HEAD + "  - id: o\n    title: Grow\n    key_results:\n"
    path.write_text(head + f"      - id: k\n        title: &t {title}\n        target: 2\n" + _krs(199, "*t"))


def alias_amplified_mapping(path: Path) -> None:
    """A KR mapping holding a 400 KB note anchored once and aliased as every item of a flow sequence."""
    note = "from 1 to " * 40_000
    path.write_text(
        "team: demo\nrow: &r {date: 2026-10-05, kr: grow/revenue, value: 110, note: " + note + "}\n"
        "checkins: [" + ", ".join(["*r"] * 300) + "]\n"
    )


def quadratic_titles(path: Path) -> None:
    """KR titles of 60 KB made of short repeated phrases that once made the wording regexes quadratic."""
    phrases = ("Improve x" + " " * 40, " significantly", " by q1", "1 " + "a" * 60, "from 1 to ", "$1 ", "1/")
    titles = [("Improve " + p * (60_000 // len(p)) + " x").replace("'", "''") for p in phrases]
    head = OKR_HEAD + "  - id: o\n    title: Grow\n    key_results:\n"
    path.write_text(head + "".join(_krs(1, f"'{t}'").replace("id: k0", f"id: k{i}") for i, t in enumerate(titles)))


GENERATORS: dict[str, Callable[[Path], None]] = {
    "huge-title.yaml": huge_title,
    "huge-quoted-title.yaml": huge_quoted_title,
    "huge-ids.yaml": huge_ids,
    "sparse-10gb.yaml": sparse_10gb,
    "over-limit-nesting.yaml": over_limit_nesting,
    "small-limit-syntax-error.yaml": small_limit_syntax_error,
    "many-nodes.yaml": many_nodes,
    "wide-mapping.yaml": wide_mapping,
    "deep-under-limit.yaml": deep_under_limit,
    "many-checkins.yaml": many_checkins,
    "many-aliases.yaml": many_aliases,
    "csv-huge-field.csv": csv_huge_field,
    "csv-many-rows.csv": csv_many_rows,
    "long-lines.yaml": long_lines,
    "alias-amplified-title.yaml": alias_amplified_title,
    "alias-amplified-mapping.yaml": alias_amplified_mapping,
    "quadratic-titles.yaml": quadratic_titles,
}


def generate(name: str, folder: Path) -> Path:
    """Write the generated input ``name`` into ``folder`` and return its path."""
    path = folder / name
    GENERATORS[name](path)
    return path


def main(argv: list[str]) -> int:
    """Write every generated input into the folder named on the command line."""
    if len(argv) != 1:
        print("usage: generate.py DIR", file=sys.stderr)
        return 2
    folder = Path(argv[0])
    folder.mkdir(parents=True, exist_ok=True)
    for name in GENERATORS:
        path = generate(name, folder)
        print(f"{path}\t{os.stat(path).st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
