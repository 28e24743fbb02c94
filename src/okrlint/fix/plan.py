"""``okrlint plan``: next period's OKR sets from each team's latest earlier set, ready for a pull request."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import PurePosixPath
from typing import Any

from okrlint.config import Config
from okrlint.fix.apply import read_yaml_text
from okrlint.fix.proposals import FROM_TO
from okrlint.model.periods import Period
from okrlint.model.repository import KeyResult, Objective, OkrSet, Repository
from okrlint.scoring.scores import CheckIns, collect_checkins, score_key_result
from okrlint.source.schemas import validate
from okrlint.source.yamlload import load_yaml
from okrlint.util.errors import UserError
from okrlint.util.records import record

_MODELINE = re.compile(r"#\s*yaml-language-server:.*")


@record
class PlannedSet:
    """One OKR set to write: where, from which set, and its YAML text."""

    team: str
    source: str
    path: str
    text: str


def sources_for(repo: Repository, period: Period, teams: Sequence[str]) -> list[OkrSet]:
    """Return each team's latest OKR set that ends before ``period`` starts (only ``teams`` when given)."""
    latest: dict[str, OkrSet] = {}
    for okr_set in repo.okr_sets:
        if okr_set.period.end < period.start:
            best = latest.get(okr_set.team)
            if best is None or (okr_set.period.end, okr_set.period.start) > (best.period.end, best.period.start):
                latest[okr_set.team] = okr_set
    if not latest:
        raise UserError(f"no OKR set before {period.id} to plan from")
    missing = [team for team in teams if team not in latest]
    if missing:
        raise UserError(f"no OKR set before {period.id} for team {', '.join(missing)}; nothing to plan from")
    already = sorted({s.team for s in repo.okr_sets if s.period.id == period.id} & set(teams or latest))
    if already:
        raise UserError(f"already an OKR set for {period.id}: {', '.join(already)}; nothing written")
    return [latest[team] for team in sorted(teams or latest)]


def target_path(source: str, old: str, new: str) -> str:
    """Return where the new set goes: ``new`` in the path where the old one had its period ``old``."""
    parts = list(PurePosixPath(source).parts)
    if old in parts[:-1]:
        return "/".join(new if part == old else part for part in parts)
    if old in parts[-1]:
        return "/".join([*parts[:-1], parts[-1].replace(old, new)])
    return "/".join([*parts[:-1], new, parts[-1]])


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else round(value, 6)


def _number_text(value: float, written_like: str) -> str:
    shown = _number(value)
    return f"{shown:,}" if "," in written_like else str(shown)


_SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}


def rewrite_title(title: str, baseline: float, unit: str | None = None) -> str:
    """Return ``title`` with its one "from A to B" starting from ``baseline`` instead of A.

    A scale word written after A (``10k``, ``2 million``) keeps its scale unless the KR's unit
    already carries it (``kUSD``), as S205 reads titles.
    """
    matches = list(FROM_TO.finditer(title))
    if len(matches) != 1:
        return title
    m = matches[0]
    scale = _SCALES.get((m.group("ua") or "").lower(), 1.0)
    if scale != 1.0 and unit is not None and unit.lower().startswith((m.group("ua") or "").lower()):
        scale = 1.0
    return title[: m.start("a")] + _number_text(baseline / scale, m.group("a") + m.group("b")) + title[m.end("a") :]


_ZONE_WORD = {
    word: re.compile(rf"\b{word}\b\s*(?::|=|of\b|at\b)?\s*[^,;)]*[^,;)\s]", re.IGNORECASE)
    for word in ("commit", "stretch")
}


def drop_zone_word(title: str, word: str) -> str:
    """Return ``title`` without its "commit N" or "stretch N" (and the comma or brackets around it)."""
    m = _ZONE_WORD[word].search(title)
    if m is None:
        return title
    before, after = title[: m.start()], title[m.end() :]
    if after.startswith((", ", "; ")):
        after = after[2:]
    elif before.endswith((", ", "; ")):
        before = before[:-2]
    elif before.endswith("(") and after.startswith(")"):
        before, after = before[:-1].rstrip(), after[1:]
    return before + after


def _carry_zones(carried: dict[str, Any], kr: KeyResult, current: float) -> None:
    """Drop the stretch-zone points the new baseline has reached, so the points stay in order.

    Past the target (short of the stretch, or the KR would have been done), the stretch becomes
    the new target.
    """
    sign = 1.0 if kr.increasing else -1.0

    def reached(point: float | None) -> bool:
        return point is not None and sign * current >= sign * point

    dropped = []
    if kr.stretch is not None and reached(kr.target):
        carried["target"] = carried.pop("stretch")
        dropped = ["stretch", "commit"] if kr.commit is not None else ["stretch"]
    elif reached(kr.commit):
        dropped = ["commit"]
    for word in dropped:
        carried.pop(word, None)
        if isinstance(carried.get("title"), str):
            carried["title"] = drop_zone_word(carried["title"], word)


def _carried_kr(
    raw: dict[str, Any], okr_set: OkrSet, objective: Objective, checkins: CheckIns, config: Config
) -> dict[str, Any] | None:
    """Return the KR as carried into the next period, or None when it was done."""
    kr = next((k for k in objective.key_results if k.id == raw.get("id")), None)
    if kr is None:
        return None
    score = score_key_result(okr_set, objective, kr, checkins, aspirational_goal=config.aspirational_goal)
    current = score.current if score.rows else None
    if score.status == "done" or (current is not None and current == kr.target and kr.kind == "metric"):
        return None
    carried = {key: value for key, value in raw.items() if key not in ("due", "carried_from")}
    if kr.kind in ("metric", "range") and isinstance(current, int | float) and not isinstance(current, bool):
        carried["baseline"] = _number(current)
        if isinstance(raw.get("title"), str):
            carried["title"] = rewrite_title(raw["title"], current, kr.unit)
        if kr.zoned:
            _carry_zones(carried, kr, float(current))
    carried["carried_from"] = f"{okr_set.team}/{objective.id}/{kr.id}@{okr_set.period.id}"
    return carried


def _aligns(value: Any, known: set[str]) -> Any:
    """Return ``aligns`` without the objectives that will not exist in the new period (None: drop the key)."""
    kept = [ref for ref in ([value] if isinstance(value, str) else value or []) if ref in known]
    if not kept:
        return None
    return kept[0] if isinstance(value, str) else kept


def _objectives(
    raw_root: dict[str, Any], okr_set: OkrSet, checkins: CheckIns, config: Config, known: set[str]
) -> list[dict[str, Any]]:
    models = {o.id: o for o in reversed(okr_set.objectives)}
    planned = []
    for raw in raw_root.get("objectives") or []:
        objective = models.get(raw.get("id"))
        if objective is None:
            continue
        new = {key: value for key, value in raw.items() if key != "key_results"}
        if "aligns" in raw:
            aligns = _aligns(raw["aligns"], known)
            if aligns is None:
                del new["aligns"]
            else:
                new["aligns"] = aligns
        krs = (_carried_kr(kr, okr_set, objective, checkins, config) for kr in raw.get("key_results") or [])
        new["key_results"] = [kr for kr in krs if kr is not None]
        planned.append(new)
    return planned


def _header(okr_set: OkrSet, period: Period, as_of: date, modeline: str | None) -> str:
    lines = [modeline] if modeline else []
    lines += [
        f"Planned by `okrlint plan {period.id}` from {okr_set.loc.path} ({okr_set.team}, {okr_set.period.id}),",
        f"as of {as_of.isoformat()}: objectives kept, KRs that were done dropped, the others carried with",
        "their last value as the new baseline (see carried_from). Review the targets before merging.",
    ]
    return "\n".join(lines)


def _document(
    okr_set: OkrSet, period: Period, checkins: CheckIns, config: Config, known: set[str]
) -> tuple[str, dict[str, Any]]:
    source = read_yaml_text(config.root / okr_set.loc.path, config.max_file_bytes)
    loaded = load_yaml(source.text, config.limits) if source is not None else None
    if loaded is None or not isinstance(loaded.root, dict):
        raise UserError(f"{okr_set.loc.path}: cannot read the OKR set to plan from")
    first = source.text.splitlines()[:3] if source is not None else []
    modeline = next((m.group(0) for line in first if (m := _MODELINE.match(line.strip()))), "")
    document: dict[str, Any] = {}
    for key, value in loaded.root.items():
        if key == "period":
            document[key] = period.id
        elif key == "objectives":
            document[key] = _objectives(loaded.root, okr_set, checkins, config, known)
        else:
            document[key] = value
    return modeline, document


def plan_sets(repo: Repository, config: Config, period: Period, teams: Sequence[str], as_of: date) -> list[PlannedSet]:
    """Return the OKR sets ``okrlint plan`` writes for ``period`` (verified to load and validate)."""
    from okrlint.fix.dump import dump_okr_set

    sources = sources_for(repo, period, teams)
    checkins = collect_checkins(repo, as_of)
    known = _known_objectives(repo, period, sources)
    planned = []
    for okr_set in sources:
        modeline, document = _document(okr_set, period, checkins, config, known)
        text = dump_okr_set(document, _header(okr_set, period, as_of, modeline.lstrip("# ") if modeline else None))
        loaded = load_yaml(text, config.limits)
        problems = loaded.problems or validate("objectives", loaded.root)
        if problems:
            raise RuntimeError(f"planned set for {okr_set.team} does not validate: {problems[0].message}")
        path = target_path(okr_set.loc.path, okr_set.period.id, period.id)
        planned.append(PlannedSet(okr_set.team, okr_set.loc.path, path, text))
    return planned


def _known_objectives(repo: Repository, period: Period, sources: Iterable[OkrSet]) -> set[str]:
    """Return the team/objective refs that will exist in a period containing ``period``."""
    known = {f"{s.team}/{o.id}" for s in repo.okr_sets if s.period.contains(period) for o in s.objectives}
    return known | {f"{s.team}/{o.id}" for s in sources for o in s.objectives}
