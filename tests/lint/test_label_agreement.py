"""How far a second, independent labeler agrees with the corpus labels (tests/lint/corpus/second_labels.yaml).

The corpus measures okrlint's judgement against one person's labels; this measures the labels.
A second labeler who read only the corpus README's labelling rules labelled 300 titles drawn at
random from every set but the holdout. Their agreement bounds what any rule can be expected
to reach, and it must stay where it was measured: a relabelling that drifts from the written
rules shows here (corpus README, "Label reliability").
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import yaml

CORPUS_DIR = Path(__file__).parent / "corpus"
LABELS = ("outcome", "vague", "deliverable", "activity")


def _entries(name: str) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = yaml.safe_load((CORPUS_DIR / name).read_text("utf-8"))
    return data


def _pairs() -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Return (corpus entry, second entry) for every title of the second labelling."""
    corpus = {
        entry["title"]: entry
        for path in sorted(CORPUS_DIR.glob("*_titles.yaml"))
        if path.name != "holdout_titles.yaml"
        for entry in _entries(path.name)
    }
    second = _entries("second_labels.yaml")
    assert all(entry["title"] in corpus for entry in second), "a second label names no corpus title"
    return [(corpus[entry["title"]], entry) for entry in second]


def _kappa(pairs: list[tuple[str, str]]) -> float:
    """Return Cohen's kappa of two labelings."""
    observed = sum(a == b for a, b in pairs) / len(pairs)
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    chance = sum(first[label] * second[label] for label in LABELS) / len(pairs) ** 2
    return (observed - chance) / (1 - chance)


def _precision_recall(pairs: list[tuple[str, str]], label: str) -> tuple[float, float]:
    """Return the second labeler's precision and recall for ``label``, the corpus labels taken as truth."""
    both = sum(a == b == label for a, b in pairs)
    return both / sum(b == label for _, b in pairs), both / sum(a == label for a, _ in pairs)


def test_the_second_labelling_covers_300_distinct_corpus_titles_with_valid_labels() -> None:
    pairs = _pairs()
    assert len(pairs) == 300 == len({second["title"] for _, second in pairs})
    assert all(second["label"] in LABELS for _, second in pairs)
    assert all(second.get("why") for _, second in pairs if second.get("borderline"))


def test_two_labelers_agree_as_far_as_measured() -> None:
    pairs = [(corpus["label"], second["label"]) for corpus, second in _pairs()]
    clear = [
        (corpus["label"], second["label"])
        for corpus, second in _pairs()
        if not corpus.get("borderline") and not second.get("borderline")
    ]
    assert _kappa(pairs) >= 0.89  # measured 0.902 (agreement 0.940)
    assert _kappa(clear) >= 0.98  # measured 0.991 on the 191 titles neither marked borderline
    vague_p, vague_r = _precision_recall(pairs, "vague")
    assert vague_p >= 0.95 and vague_r >= 0.85  # measured 0.96 / 0.86: a person is not at 0.90 recall either
    activity_p, activity_r = _precision_recall(pairs, "activity")
    assert activity_p >= 0.87 and activity_r >= 0.90  # measured 0.88 / 0.91
