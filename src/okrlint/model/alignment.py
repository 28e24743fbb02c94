"""Resolve ``aligns`` references between objectives across teams and periods."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from okrlint.model.repository import Loc, Objective, OkrSet, Repository

ObjectiveKey = tuple[str, str, str]  # team, period id, objective id


class Alignment(NamedTuple):
    """The outcome of resolving one ``aligns`` entry of one objective (a tuple: a lint makes one per entry)."""

    source: OkrSet
    objective: Objective
    ref: str
    target: tuple[OkrSet, Objective] | None
    other_periods: tuple[OkrSet, ...]  # sets defining the objective in periods that don't contain ours
    position: int = 0  # position of ``ref`` in the objective's aligns list

    @property
    def loc(self) -> Loc:
        """Return where this entry is written: the list item, else the ``aligns`` value."""
        return self.objective.fields.get(f"aligns[{self.position}]") or self.objective.at("aligns")


def _index(repo: Repository) -> dict[tuple[str, str], list[tuple[OkrSet, Objective]]]:
    index: dict[tuple[str, str], list[tuple[OkrSet, Objective]]] = {}
    for okr_set in repo.okr_sets:
        for objective in okr_set.objectives:
            index.setdefault((okr_set.team, objective.id), []).append((okr_set, objective))
    return index


def alignments(repo: Repository) -> Iterator[Alignment]:
    """Yield every ``aligns`` entry of every objective, resolved against the repository."""
    index = _index(repo)
    for okr_set in repo.okr_sets:
        period = okr_set.period
        for objective in okr_set.objectives:
            for position, ref in enumerate(objective.aligns):
                team, _, objective_id = ref.partition("/")
                matches = index.get((team, objective_id), [])
                inside = [m for m in matches if m[0].period.contains(period)]
                if len(inside) > 1:
                    target: tuple[OkrSet, Objective] | None = min(inside, key=lambda m: m[0].period.days)
                else:
                    target = inside[0] if inside else None
                others = tuple(m[0] for m in matches) if target is None else ()
                yield Alignment(okr_set, objective, ref, target, others, position)


def key(okr_set: OkrSet, objective: Objective) -> ObjectiveKey:
    """Return the identity of an objective across the repository."""
    return (okr_set.team, okr_set.period.id, objective.id)
