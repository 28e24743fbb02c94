"""Helpers the rules share to walk the repository model."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from okrlint.lint.wording import DEFAULT_VAGUE_WORDS
from okrlint.model.repository import KeyResult, KrRef, Objective, OkrSet, Repository

if TYPE_CHECKING:
    from okrlint.config import Config

KrTriple = tuple[OkrSet, Objective, KeyResult]


def objectives(repo: Repository) -> Iterator[tuple[OkrSet, Objective]]:
    """Yield every objective with its OKR set."""
    for okr_set in repo.okr_sets:
        for objective in okr_set.objectives:
            yield okr_set, objective


def key_results(repo: Repository) -> Iterator[KrTriple]:
    """Yield every key result with its OKR set and objective."""
    for okr_set, objective in objectives(repo):
        for kr in objective.key_results:
            yield okr_set, objective, kr


def kr_ref(okr_set: OkrSet, objective: Objective, kr: KeyResult) -> KrRef:
    """Return the reference check-in rows resolve to for this key result."""
    return KrRef(okr_set.team, objective.id, kr.id, okr_set.period.id)


def vague_words(config: Config) -> tuple[str, ...]:
    """Return the vague-word list in force: the defaults, extended and trimmed by the config."""
    removed = {word.strip().lower() for word in config.vague_words_remove}
    words = [w for w in (*DEFAULT_VAGUE_WORDS, *config.vague_words_extend) if w.strip().lower() not in removed]
    return tuple(dict.fromkeys(words))


def quoted(words: list[str]) -> str:
    """Return ``words`` as a comma-separated list of double-quoted words."""
    return ", ".join(f'"{word}"' for word in words)
