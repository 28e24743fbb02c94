"""The fast path for ASCII titles blanks and counts exactly what the case-insensitive patterns do."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from okrlint.lint import blanking, quantities
from okrlint.util.lazyre import ascii_lowered

CORPUS = sorted((Path(__file__).parent / "corpus").glob("*.yaml"))
TITLES = [entry["title"] for path in CORPUS for entry in yaml.safe_load(path.read_text("utf-8"))]
TWINS = {
    "DATE_RE": blanking.DATE_RE,
    "NAME_RE": blanking.NAME_RE,
    "ID_RE": blanking.ID_RE,
    "_WORD_RE": quantities._WORD_RE,
    "_CADENCE_RE": quantities._CADENCE_RE,
}
# Pieces of titles that the patterns read (dates, periods, labels, names, number words, cadences,
# identifiers, numbers), joined by what separates them in titles and written in any case.
PIECES = (
    "march 31", "mar. 5", "september 5", "sept. 5", "june 1", "31st of march", "5 sept", "sep 2026", "dec",
    "decrease", "may", "1 may", "the 15th",
    "by the 3rd", "2026-11-30", "31.03.2026", "03/31/2026", "31/03", "3/4", "9/10", "1/3", "q4", "q4 2026",
    "q4'26", "2026-q4", "h1", "1h 2026", "4q26", "fy27", "fy 2027", "cy'26", "'26", "1990s", "2000's", "5pm",
    "5:30 p.m.", "11 am", "v1.2.3", "1.2.3", "week 6", "week-six", "sprint three", "tier 1", "day-7", "phase one",
    "python 3.12", "soc 2", "fortune 500", "generation 4", "the 720 review", "the 10 accounts", "one of", "no one",
    "one another", "zero trust", "zero", "double down", "double", "once a week", "once", "twice", "half",
    "second half", "a third", "two thirds", "a quarter of", "three quarters",
    "single digit", "one-click", "twenty", "one hundred", "three thousand", "dozen",
    "weekly", "bi-weekly", "every two weeks", "per month", "each sprint", "monthly active", "#12", "&5",
    "https://x.io/a", "www.x.io", "(e.g. foo 3)", "(for example 2)", "75", "4.5", "1,200", "20%", "$5m",
    "3x", "12h", "2000 ms", "2050k", "reach 2000", "from 10 to 20", "p95", "b2b", "gpt-4", "1-Discovery",
    "3rd-party", "18 pm", "increase", "revenue", "to", "by", "in", "of", "the", "off", "a", "x",
)  # fmt: skip
MONTHS = (
    "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july",
    "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december",
)  # fmt: skip
SEPARATORS = st.sampled_from(["", " ", "  ", "-", "/", ".", ",", "'", ":", " (", ") ", "\t"])
CASES = st.sampled_from([str.lower, str.upper, str.title, str.capitalize, str.swapcase])


@st.composite
def ascii_titles(draw: st.DrawFn) -> str:
    """Return a title made of pieces the patterns read, each in some case, with separators between."""
    parts = draw(st.lists(st.tuples(st.sampled_from(PIECES), CASES, SEPARATORS), max_size=8))
    return "".join(case(piece) + sep for piece, case, sep in parts)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("name", sorted(TWINS))
def test_twins_spell_every_letter_in_lower_case(name: str) -> None:
    letters = re.sub(r"\\.|\(\?P<\w+>", "", TWINS[name].pattern)  # escapes and group names spell no text
    assert not re.search(r"[A-Z]|\(\?[aiLmsux-]+[:)]", letters), "a twin needs a pattern with no case of its own"


@settings(max_examples=400, deadline=None)
@given(ascii_titles())
@example("Ship V2 by MARCH 31 or Q4'26, then Week Six")
def test_lowered_twins_find_the_same_spans(text: str) -> None:
    for name, pattern in TWINS.items():
        assert _spans(pattern, text) == _spans(ascii_lowered(pattern), text.lower()), name


@settings(max_examples=400, deadline=None)
@given(ascii_titles())
@example("Launch by March 31")
@example("FY'27: 5 PM")
def test_the_patterns_only_match_where_their_hints_say_they_may(text: str) -> None:
    if blanking.DATE_RE.search(text):
        assert blanking._may_hold_date(text.lower())
    if blanking.NAME_RE.search(text) or quantities._WORD_RE.search(text):
        assert blanking.NUMBER_WORD_HINT.search(text.lower())


@settings(max_examples=400, deadline=None)
@given(ascii_titles())
@example("Cut P1 bugs from 22 to 7 by the 15th of March, in week 3 of Q4 2026")
@example("once  a quarter of")  # two spaces: the fast path's cadence hint once looked for "ce a" only
def test_ascii_titles_are_blanked_as_by_the_unicode_path(title: str) -> None:
    text, low = blanking.prepare(title)
    assert text == blanking._prepare_unicode(title)
    assert low == text.lower()
    assert quantities._found(text, low) == quantities._found(text, None)


def test_every_piece_is_hinted_where_a_pattern_reads_it() -> None:
    for piece in (*PIECES, *MONTHS, *(f"{m}." for m in MONTHS), *blanking.LABELS.split("|")):
        for case in (str.lower, str.upper, str.title):
            for text in (case(piece), f"{case(piece)} 5", f"5 {case(piece)}", f"{case(piece)}-12", f"{case(piece)}'26"):
                assert bool(blanking.DATE_RE.search(text)) <= blanking._may_hold_date(text.lower()), text
                words = bool(blanking.NAME_RE.search(text) or quantities._WORD_RE.search(text))
                assert words <= bool(blanking.NUMBER_WORD_HINT.search(text.lower())), text


def test_every_corpus_title_takes_either_path_alike() -> None:
    for title in TITLES:
        text = unicodedata.normalize("NFKC", title).replace("−", "-")
        if not text.isascii():
            assert blanking.prepare(title) == (blanking._prepare_unicode(text), None)
            continue
        assert blanking.prepare(title)[0] == blanking._prepare_unicode(text), title
        for source in (text, text.upper()):
            blanked = blanking._prepare_unicode(source)
            assert quantities._found(blanked, blanked.lower()) == quantities._found(blanked, None), title
            assert bool(blanking.DATE_RE.search(source)) <= blanking._may_hold_date(source.lower()), title


def test_non_ascii_titles_use_the_case_insensitive_patterns() -> None:
    text, low = blanking.prepare("Raise NPS to 40 by März 31 — ſeptember 5")
    assert low is None
    assert "40" in text
