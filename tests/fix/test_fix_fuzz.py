"""Fuzz ``lint --fix --unsafe-fixes``: generated files with comments never lose a comment or a key, and always load."""

from __future__ import annotations

import codecs
import os
import re
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from okrlint.cli import main
from okrlint.source.yamlload import load_yaml

FUZZ = settings.get_profile("okrlint-fuzz")
TYPOS = {"titel": "title", "ownr": "owner", "basline": "baseline"}
TITLES = (
    "Cut p95 checkout latency from 1200 ms to 400 ms",
    "Lift conversion from 58% to 64%",
    "Ship one-click checkout to every EU customer",
    "Grow weekly active merchants from 1,200 to 1,500",
    "Reduce refund time from 10 days to 2 days",
    "Make onboarding better",
)
PERIODS = ("2026-Q4", "Q4 2026", "2026 Q4", "2026-q4", "'Q4 2026'")


@st.composite
def okr_file(draw: st.DrawFn) -> tuple[bytes, bytes]:
    """Return an OKR set and a check-in log, each with comments ``# cN`` at line ends and between items."""
    step = draw(st.sampled_from([2, 4]))
    counter = iter(range(10_000))

    def comment() -> str:
        return f"  # c{next(counter)}" if draw(st.booleans()) else ""

    def above(indent: str) -> list[str]:
        return [f"{indent}# c{next(counter)}"] if draw(st.booleans()) else []

    lines = [f"team: payments{comment()}", f"period: {draw(st.sampled_from(PERIODS))}{comment()}", "objectives:"]
    pad, inner = " " * step, " " * (2 * step)
    for o in range(draw(st.integers(1, 3))):
        lines += above(pad)
        lines += [f"{pad}- id: obj{o}{comment()}", f"{pad}  title: Make checkout effortless{comment()}"]
        lines.append(f"{pad}  key_results:")
        for k in range(draw(st.integers(1, 3))):
            title = draw(st.sampled_from(TITLES))
            key = draw(st.sampled_from(["title", "title", "titel"]))
            lines += above(inner + "  ")
            if draw(st.booleans()):
                lines.append(f'{inner}  - {{id: kr{k}, {key}: "{title}"}}{comment()}')
                continue
            lines += [f"{inner}  - id: kr{k}{comment()}", f"{inner}    {key}: {title}{comment()}"]
            if draw(st.booleans()):
                lines.append(f"{inner}    {draw(st.sampled_from(['ownr', 'owner']))}: lee@example.com{comment()}")
    days = draw(st.lists(st.integers(1, 28), min_size=1, max_size=5))
    log = ["team: payments", "checkins:"]
    for day in days:
        log += above(pad)
        log += [f"{pad}- date: 2026-10-{day:02d}{comment()}", f"{pad}  kr: obj0/kr0", f"{pad}  value: {day}{comment()}"]
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    bom = codecs.BOM_UTF8 if draw(st.booleans()) else b""
    return tuple(bom + (newline.join(text) + newline).encode() for text in (lines, log))  # type: ignore[return-value]


def _keys(node: Any) -> Iterator[Any]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield TYPOS.get(key, key)
            yield from _keys(value)
    elif isinstance(node, list):
        for item in node:
            yield from _keys(item)


def _comments(data: bytes) -> Counter[str]:
    return Counter(re.findall(r"# c\d+", data.decode("utf-8-sig")))


@FUZZ
@given(files=okr_file())
def test_fix_never_loses_a_comment_or_key_and_always_loads(files: tuple[bytes, bytes]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / ".git").mkdir()
        (root / "okrs").mkdir()
        paths = [root / "okrs/payments.yaml", root / "okrs/checkins.yaml"]
        for path, data in zip(paths, files, strict=True):
            path.write_bytes(data)
        before = os.getcwd()
        os.chdir(root)
        try:
            assert main(["lint", "--no-cache", "--fix", "--unsafe-fixes", "--as-of", "2026-11-02"]) in (0, 1)
        finally:
            os.chdir(before)
        for path, data in zip(paths, files, strict=True):
            after = path.read_bytes()
            assert _comments(after) == _comments(data)
            assert after.startswith(codecs.BOM_UTF8) == data.startswith(codecs.BOM_UTF8)
            old, new = load_yaml(data.decode("utf-8-sig")), load_yaml(after.decode("utf-8-sig"))
            assert not new.problems
            missing = Counter(_keys(old.root)) - Counter(_keys(new.root))
            assert not missing, missing


PIECES = [
    "team: payments\n",
    "period: Q4 2026\n",
    "objectives:\n",
    "  - id: a\n",
    "    titel: x\n",
    "    key_results:\n",
    "      - id: k\n",
    "        title: Cut latency from 1200 ms to 400 ms\n",
    "      - {id: f, title: Ship it}\n",
    "checkins:\n",
    "  - {date: 2026-10-09, kpi: nps, value: 1}\n",
    "  - date: 2026-10-02\n",
    "    kpi: nps\n",
    "    value: 2\n",
    "# note\n",
    "  # indented note\n",
    "\r\n",
    "\t",
    "'",
    '"',
    "{",
    "[",
    ": ",
    "- ",
    "&a ",
    "*a\n",
]


@FUZZ
@given(content=st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_fix_on_arbitrary_text_never_crashes_or_breaks_a_file(content: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / ".git").mkdir()
        (root / "okrs").mkdir()
        path = root / "okrs/file.yaml"
        path.write_bytes(content.encode("utf-8"))
        before = os.getcwd()
        os.chdir(root)
        try:
            assert main(["lint", "--no-cache", "--fix", "--unsafe-fixes", "--as-of", "2026-11-02"]) in (0, 1)
        finally:
            os.chdir(before)
        after = path.read_bytes().decode("utf-8")
        if after != content:
            assert not load_yaml(after).problems
            assert _comments(after.encode()) == _comments(content.encode())
