"""Work is linear in the input (SPEC §7): text scans over titles never backtrack quadratically.

Timings are compared as ratios between growing inputs, never against seconds: each size is
timed as the best of several runs, repeated until it lasts long enough to measure.
"""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linting import lint_files
from okrlint.fix.proposals import FROM_TO
from okrlint.lint import quantities, rewrites, wording
from okrlint.source.suppress import parse_suppressions

# Phrases that once made a scan quadratic or worse, and their neighbours.
PHRASES = (
    "Improve x" + " " * 40,  # suggest_rewrite's tail regex tried at every space
    "Improve x" + " " * 40 + "q",  # and its clause cut
    " significantly",
    " by q1",
    " in 2026",
    " by the end of q1",
    "1 " + "a" * 60,  # the words between two numbers could be split in cubically many ways
    "1 a b c ",
    "from 1 to ",
    "1,",
    "a-",
    "1/",
    "$1 ",
    "one ",
    ". ",
    "conduct 1 ",
)
OKR = (
    "team: t\nperiod: 2026-Q4\nowner: o@example.com\nobjectives:\n  - id: o\n    title: Grow\n"
    "    key_results:\n      - id: k\n        title: '{title}'\n        baseline: 1\n        target: 2\n"
    "        unit: x\n"
)
MAX_RATIO = 8.0  # input grown 4x: linear is ~4, quadratic ~16


def _title(phrase: str, size: int) -> str:
    """Return ``phrase`` repeated to ``size`` characters, with a tail that no pattern completes."""
    return "Improve " + (phrase * (size // len(phrase) + 1))[:size] + " x"


def _seconds(work: Callable[[], object], runs: int = 3, floor: float = 0.01) -> float:
    """Return the time of one call of ``work``: best of ``runs``, each repeated to last ``floor`` s."""
    repeat = 1
    while True:
        start = time.perf_counter()
        for _ in range(repeat):
            work()
        if time.perf_counter() - start >= floor or repeat >= 1 << 12:
            break
        repeat *= 2
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(repeat):
            work()
        best = min(best, (time.perf_counter() - start) / repeat)
    return best


def _uncached(function: Callable[[str], object]) -> Callable[[str], object]:
    """Wrap a title function so the quantity cache never answers for it."""

    def run(title: str) -> object:
        quantities._quantities.cache_clear()
        return function(title)

    return run


TEXT_FUNCTIONS: dict[str, Callable[[str], object]] = {
    "title_numbers": _uncached(quantities.title_numbers),
    "suggest_rewrite": wording.suggest_rewrite,
    "activity_phrase": wording.activity_phrase,
    "normalise_title": wording.normalise_title,
    "find_vague_words": lambda t: wording.find_vague_words(t, wording.DEFAULT_VAGUE_WORDS),
}


def _ratio(function: Callable[[str], object], small: str, large: str) -> float:
    """Return how many times longer ``function`` takes on ``large`` than on ``small``: the best of up to three tries,
    since a busy machine can slow a single measurement (a quadratic scan is slow every time)."""
    ratio = float("inf")
    for _ in range(3):
        ratio = min(ratio, _seconds(lambda: function(large)) / _seconds(lambda: function(small)))
        if ratio < MAX_RATIO:
            break
    return ratio


@pytest.mark.parametrize("name", sorted(TEXT_FUNCTIONS))
def test_every_title_scan_grows_linearly(name: str) -> None:
    function = TEXT_FUNCTIONS[name]
    for phrase in PHRASES:
        small, large = (_title(phrase, size) for size in (4_000, 16_000))
        ratio = _ratio(function, small, large)
        assert ratio < MAX_RATIO, f"{name} on {phrase!r}: 4x the input took {ratio:.1f}x the time"


@pytest.mark.parametrize("phrase", ["Improve x" + " " * 40, "1 " + "a" * 60, " by q1"])
def test_whole_lint_of_a_long_title_grows_linearly(tmp_path: Path, phrase: str) -> None:
    times = []
    for size in (8_000, 32_000, 128_000):
        text = OKR.format(title=_title(phrase, size))
        folder = tmp_path / str(size)
        folder.mkdir()

        def run(text: str = text, folder: Path = folder) -> None:
            quantities._quantities.cache_clear()
            lint_files(folder, {"okrs/a.yaml": text})

        times.append(_seconds(run, runs=2))
    ratios = [b / a for a, b in itertools.pairwise(times)]
    assert max(ratios) < MAX_RATIO, f"{phrase!r}: times {times} grow by {ratios}"


_REFERENCE_TAIL = re.compile(rf"(?:{rewrites._TAIL_CHUNK_RE.pattern})+[\s.!]*$", re.IGNORECASE)
_REFERENCE_CUT = re.compile(
    r"\s*(?:[(:;,]|\s-\s|—|–|\bto\s+(?=\w+\b)|\bby\s+(?!\d)|\bthrough\b|\bso\s+that\b|\bwhich\b).*$"
)
_TAIL_WORDS = st.sampled_from(
    [
        "significantly", "as much as possible", "where possible", "across the board", "by", "in", "for",
        "on", "the", "end", "of", "first half", "q1", "h2", "fy", "2026", "fy26", "jan", "march", "12th",
        "next", "quarter", "week", "3", "mid-q2", "growth", "'26", ",", "!", ".", "\n", "of 2026", "1st",
    ]
)  # fmt: skip


@given(st.lists(st.tuples(st.sampled_from(["", " ", "  ", "\t"]), _TAIL_WORDS), max_size=10))
def test_linear_tail_strip_agrees_with_the_backtracking_regex(parts: list[tuple[str, str]]) -> None:
    text = "".join(space + word for space, word in parts)
    assert rewrites._strip_tail(text) == _REFERENCE_TAIL.sub("", text)


_CUT_WORDS = st.sampled_from(["to", "by", "3", "x", "-", "—", "(", ",", "through", "so that", "which", "tomato", "\n"])


@given(st.lists(st.tuples(st.sampled_from(["", " ", "  ", "\t", "\n"]), _CUT_WORDS), max_size=10))
def test_linear_clause_cut_agrees_with_the_backtracking_regex(parts: list[tuple[str, str]]) -> None:
    text = "".join(space + word for space, word in parts)
    assert " ".join(rewrites._cut(text).split()) == " ".join(_REFERENCE_CUT.sub("", text).split())


@pytest.mark.parametrize(
    "unit",
    [
        "a: 1  # okrlint: disable=S201 # okrlint: disable=S201\n",  # many directives, many lines
        "# okrlint: disable=S201 ",  # many directives on one line
        "- 'x # okrlint: disable=S201'\n",  # many mentions inside strings
    ],
)
def test_reading_suppression_directives_grows_linearly(unit: str) -> None:
    small, large = unit * 5_000, unit * 20_000
    ratio = _ratio(parse_suppressions, small, large)
    assert ratio < MAX_RATIO, f"{unit!r}: 4x the input took {ratio:.1f}x the time"


@pytest.mark.parametrize("gap", [" ", "\t ", " 1"])
def test_from_to_of_the_fixes_grows_linearly_over_a_long_gap(gap: str) -> None:
    def find(title: str) -> object:
        return list(FROM_TO.finditer(title))

    small, large = (f"from 1{gap * (size // len(gap))}x" for size in (4_000, 16_000))
    ratio = _ratio(find, small, large)
    assert ratio < MAX_RATIO, f"{gap!r}: 4x the input took {ratio:.1f}x the time"


LABELS = ("KR", "O1", "O1 KR", "KR#", "Key", "- [ ]", "**", '"')  # before a long gap
NOTES = ("(done)", "[", "- @", "@", "(0.", " —", "[done].")  # repeated after a title


@pytest.mark.parametrize(("where", "piece"), [*(("label", p) for p in LABELS), *(("note", n) for n in NOTES)])
def test_reading_a_pasted_label_or_note_grows_linearly(where: str, piece: str) -> None:
    def read(title: str) -> str:
        wording.judged_text.cache_clear()
        return wording.judged_text(title)

    def title(size: int) -> str:
        return f"{piece}{' ' * size}~ x" if where == "label" else f"Ship SSO {piece * (size // len(piece))}x"

    small, large = title(4_000), title(16_000)
    ratio = _ratio(read, small, large)
    assert ratio < MAX_RATIO, f"{piece!r}: 4x the input took {ratio:.1f}x the time"
